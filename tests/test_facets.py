"""The quotes table's facets are counted from memory, agree with Datasette's own, and a facet
configured in metadata and asked for again in the URL is shown once."""

from __future__ import annotations

import asyncio
import json

import pytest
from datasette.app import Datasette
from quotedb.db import load
from quotedb.db.datasette.facets import FacetColumns, facet_columns
from quotedb.ingest.records import Article, Mention, Quote

from quotedb.cli.serve import metadata_path

SPEAKERS = ("Ann Lee", "Tom Hart", "Mei Chen", "Omar Diaz")
COLUMNS = ("speaker_id", "stance", "type")
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


def facets(datasette: Datasette, query: str) -> dict:
    """The quotes page's facets, as (value, label, count, toggle URL) per column."""
    response = asyncio.run(datasette.client.get(f"/quotes/quotes.json?{query}"))
    return {
        facet["name"]: [
            (value["value"], value["label"], value["count"], value["toggle_url"])
            for value in facet["results"]
        ]
        for facet in response.json()["facet_results"].values()
    }


def serve(db_path) -> Datasette:
    metadata = json.loads(metadata_path().read_text(encoding="utf-8"))
    return Datasette([str(db_path)], metadata=metadata)


@pytest.mark.parametrize(
    "query",
    ["", "_search=storm", "_search=storm&stance=oppose", "type=direct", "_search=storm+matters"],
)
def test_counted_facets_are_datasettes_column_facets(db_path, query, monkeypatch):
    datasette = serve(db_path)
    memory = facet_columns(str(db_path), "quotes", COLUMNS)
    memory.load()
    assert memory.current() is not None
    counted = facets(datasette, query)
    monkeypatch.setattr(FacetColumns, "current", lambda self: None)  # Datasette's SQL counts
    assert counted == facets(datasette, query)
    assert set(counted) == {"speaker_id", "stance", "type", "act", "verified"}
    assert counted["stance"]


def test_a_configured_facet_asked_for_again_in_the_url_is_shown_once(db_path):
    datasette = serve(db_path)
    shown = facets(datasette, "_facet=stance&_facet=role&_facet=stance")
    assert set(shown) == {"speaker_id", "stance", "type", "act", "verified", "role"}
    counts = [(value, count) for value, _, count, _ in shown["stance"]]
    assert counts == [(value, count) for value, _, count, _ in facets(datasette, "")["stance"]]


def test_counted_facets_follow_a_change_to_the_database(db_path):
    datasette = serve(db_path)
    before = facets(datasette, "_search=storm")
    db = load.open_db(str(db_path))
    article = Article("late", "The storm matters.", "late.txt")
    load.store(db, article, [Quote("late", [(0, 18)], "The storm matters.", "direct")])
    after = facets(datasette, "_search=storm")
    # What the background reload does; then the counts come from memory again.
    facet_columns(str(db_path), "quotes", COLUMNS).load()
    assert facets(datasette, "_search=storm") == after
    assert sum(count for _, _, count, _ in after["type"]) == (
        sum(count for _, _, count, _ in before["type"]) + 1
    )
