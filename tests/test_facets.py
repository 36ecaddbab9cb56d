"""The quotes table's facets are counted from memory and agree with Datasette's own."""

from __future__ import annotations

import asyncio
import json

import pytest
from datasette.app import Datasette
from quotedb.db import load
from quotedb.db.facets import facet_columns
from quotedb.ingest.records import Article, Mention, Quote

from quotedb.cli import metadata_path

SPEAKERS = ("Ann Lee", "Tom Hart", "Mei Chen", "Omar Diaz")
WORDS = ("storm", "bridge", "budget", "harbour", "ferry")


def story(number: int) -> tuple[Article, list[Quote]]:
    """An article whose quotes spread over speakers, stances, types and a few words."""
    said = [
        (SPEAKERS[(number * 3 + k) % len(SPEAKERS)] if (number + k) % 5 else None, k)
        for k in range(number % 3 + 1)
    ]
    texts = [f"The {WORDS[(number + k) % len(WORDS)]} matters, report {number}." for _, k in said]
    text = "\n\n".join(texts)
    article = Article(f"story-{number}", text, f"story-{number}.txt")
    quotes, offset = [], 0
    for (speaker, k), words in zip(said, texts, strict=True):
        quotes.append(
            Quote(
                article.id,
                [(offset, offset + len(words))],
                words,
                ("direct", "mixed", "indirect")[(number + k) % 3],
                speaker_mention=Mention(speaker, 0, 1) if speaker else None,
                speaker=speaker,
                stance=("support", "neutral", "oppose")[(number * 2 + k) % 3],
            )
        )
        offset += len(words) + 2
    return article, quotes


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "quotes.db"
    db = load.open_db(str(path))
    writer = load.Writer(db)
    writer.store([story(number) for number in range(60)])
    writer.finish()
    db.close()
    return path


def facets(datasette: Datasette, query: str) -> tuple[dict, dict]:
    """The quotes page's configured (counted) facets, and Datasette's for the same columns."""
    response = asyncio.run(
        datasette.client.get(
            f"/quotes/quotes.json?{query}&_facet=speaker_id&_facet=stance&_facet=type"
            "&_facet=verified"
        )
    )
    counted, columns = {}, {}
    for facet in response.json()["facet_results"].values():
        # Facets asked for in the URL (Datasette's) can be hidden; configured ones cannot.
        found = columns if facet["hideable"] else counted
        found[facet["name"]] = [
            (value["value"], value["label"], value["count"], value["toggle_url"])
            for value in facet["results"]
        ]
    assert set(counted) == set(columns) == {"speaker_id", "stance", "type", "verified"}
    return counted, columns


def serve(db_path) -> Datasette:
    metadata = json.loads(metadata_path().read_text(encoding="utf-8"))
    return Datasette([str(db_path)], metadata=metadata)


@pytest.mark.parametrize(
    "query",
    ["", "_search=storm", "_search=storm&stance=oppose", "type=direct", "_search=storm+matters"],
)
def test_counted_facets_are_datasettes_column_facets(db_path, query):
    counted, columns = facets(serve(db_path), query)
    assert counted == columns
    assert counted["stance"]


def test_counted_facets_follow_a_change_to_the_database(db_path):
    datasette = serve(db_path)
    before, _ = facets(datasette, "_search=storm")
    db = load.open_db(str(db_path))
    article = Article("late", "The storm matters.", "late.txt")
    load.store(db, article, [Quote("late", [(0, 18)], "The storm matters.", "direct")])
    after, columns = facets(datasette, "_search=storm")
    assert after == columns
    # What the background reload does; then the counts come from memory again.
    facet_columns(str(db_path), "quotes", ("speaker_id", "stance", "type")).load()
    assert facets(datasette, "_search=storm") == (after, columns)
    assert sum(count for _, _, count, _ in after["type"]) == (
        sum(count for _, _, count, _ in before["type"]) + 1
    )
