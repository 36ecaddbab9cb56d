"""Datasette over an ingested database: facets, full-text search, CSV export."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from quotedb.cli import cli
from quotedb.cli.serve import demo_corpus, demo_topic, metadata_path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("demo") / "quotes.db"
    result = CliRunner().invoke(
        cli,
        ["ingest", str(demo_corpus()), "--db", str(db_path), "--topic-file", str(demo_topic())],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return db_path


def get(db_path, path: str):
    datasette = Datasette(
        [str(db_path)], metadata=json.loads(metadata_path().read_text(encoding="utf-8"))
    )
    return asyncio.run(datasette.client.get(path))


def test_quotes_table_facets_by_speaker_and_stance(demo_db):
    response = get(
        demo_db, "/quotes/quotes.json?_facet=stance&_facet=speaker_id&_extra=facet_results"
    )
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    facets = facets.get("results", facets)
    speakers = {item["label"] for item in facets["speaker_id"]["results"]}
    assert "Donald Trump" in speakers
    assert {item["value"] for item in facets["stance"]["results"]} <= {
        "support",
        "oppose",
        "neutral",
    }
    assert facets["stance"]["results"]


def test_configured_facets_show_on_the_table_page(demo_db):
    html = get(demo_db, "/quotes/quotes").text
    for facet in ("speaker_id", "stance", "type"):
        assert f'data-column="{facet}"' in html


def test_full_text_search_matches_a_stemmed_word(demo_db):
    # "terrorists" in the articles; the porter stemmer matches "terrorist"
    rows = get(demo_db, "/quotes/quotes.json?_search=terrorist&_shape=array").json()
    assert rows
    assert all("terrorist" in row["text"].lower() for row in rows)


def test_csv_export_has_a_header_and_rows(demo_db):
    response = get(demo_db, "/quotes/quotes.csv?_labels=on&_size=max")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["id", "article_id", "article_id_label"]
    assert len(rows) > 20


def test_stance_by_speaker_query_counts_every_quote_once(demo_db):
    rows = get(demo_db, "/quotes/stance_by_speaker.json?_shape=array").json()
    total = get(demo_db, "/quotes/quotes.json?speaker_id__notblank=1&_size=0").json()
    assert sum(row["quotes"] for row in rows) == total["filtered_table_rows_count"]
    for row in rows:
        assert row["support"] + row["oppose"] + row["neutral"] == row["quotes"]
    counts = [row["quotes"] for row in rows]
    assert counts == sorted(counts, reverse=True)


def test_any_database_file_name_gets_the_quotes_configuration(demo_db, tmp_path):
    news = tmp_path / "news.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(news) as target:
        source.backup(target)
    html = asyncio.run(Datasette([str(news)]).client.get("/news/quotes")).text
    for facet in ("speaker_id", "stance", "type"):
        assert f'data-column="{facet}"' in html
    rows = asyncio.run(Datasette([str(news)]).client.get("/news/stance_by_speaker.json")).json()
    assert rows["rows"]


def test_every_decided_stance_shows_the_words_that_decided_it(demo_db):
    rows = get(demo_db, "/quotes/quotes.json?stance__not=neutral&_shape=array&_size=max").json()
    assert rows
    assert all(row["stance_evidence"] for row in rows)


def facet_names(demo_db, query: str) -> list[str]:
    response = get(demo_db, f"/quotes/quotes.json?{query}&_extra=facet_results")
    facets = response.json()["facet_results"]
    return list(facets.get("results", facets))


def test_a_facet_asked_for_again_in_the_url_is_not_doubled(demo_db):
    configured = facet_names(demo_db, "")
    assert configured == ["speaker_id", "stance", "type", "act", "verified"]
    assert facet_names(demo_db, "_facet=stance&_facet=type&_facet=role") == [*configured, "role"]
    suggested = get(demo_db, "/quotes/quotes.json?_extra=suggested_facets").json()
    kinds = [(facet["name"], facet.get("type")) for facet in suggested["suggested_facets"]]
    assert len(kinds) == len(set(kinds))
    assert not {name for name, _ in kinds} & set(configured)


def test_table_json_labels_speakers_by_name_and_articles_by_title(demo_db):
    rows = get(demo_db, "/quotes/quotes.json?_labels=on&_shape=array&_size=max").json()
    titles = dict(
        (row["id"], row["title"])
        for row in get(demo_db, "/quotes/articles.json?_shape=array").json()
    )
    assert any(row["speaker_id"] and row["speaker_id"]["label"] == "Donald Trump" for row in rows)
    for row in rows:
        assert row["article_id"]["label"] == titles[row["article_id"]["value"]]


def test_bare_words_search_what_was_said_and_who_said_it_not_titles(demo_db):
    found = get(demo_db, "/-/search.json?q=strikes").json()
    assert found
    for row in found:
        assert "strike" in f"{row['text']} {row['speaker']} {row['role']}".lower(), row
    in_titles = get(demo_db, "/-/search.json?q=title:strikes").json()
    assert len(in_titles) > len(found)


def test_a_query_that_cannot_be_read_says_why_and_how_to_write_one(demo_db):
    page = get(demo_db, "/-/search?q=speaker%3A%28").text
    assert "cannot read the query" in page
    assert "is never closed with" in page
    assert "Syntax: words search quote text and speaker" in page
    assert "quotes match" not in page
    result = CliRunner().invoke(cli, ["search", "speaker:(", "--db", str(demo_db)])
    assert result.exit_code == 1
    assert "is never closed" in result.output
    assert "syntax:" in result.output


def test_every_quote_of_a_dated_article_has_a_date_and_says_where_it_comes_from(demo_db):
    with sqlite3.connect(demo_db) as db:
        rows = db.execute(
            "select quotes.date, quotes.date_source, articles.published from quotes"
            " join articles on articles.id = quotes.article_id"
        ).fetchall()
        titles = [title for (title,) in db.execute("select title from articles")]
    assert {source for _, source, _ in rows} == {"statement", "article", None}
    for date, source, published in rows:
        assert (date is None) == (source is None)
        if published:
            assert date and source in ("statement", "article")
        if source == "article":
            assert date == published
    assert not [title for title in titles if title.startswith("date ")]
    undated = sum(1 for date, _, _ in rows if not date)
    assert f"{undated} quotes have" in get(demo_db, "/-/charts").text


def test_a_missing_page_is_one_line_not_a_traceback(demo_db, capfd):
    assert get(demo_db, "/quotes/nothing-here").status_code == 404
    assert get(demo_db, "/quotes/quotes/no-such-quote").status_code == 404
    captured = capfd.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_matched_words_stay_highlighted_when_fields_narrow_the_search(demo_db):
    page = get(demo_db, "/-/search?q=strikes+stance%3Aoppose").text
    hits = page.split('class="quotedb-hit ')[1:]
    assert hits
    for hit in hits:
        assert hit.startswith("oppose")
        assert "<mark>strike" in hit.split("</p>")[0].lower()


def test_one_match_is_one_quote(demo_db):
    page = get(demo_db, "/-/search?q=narcoterrorists").text
    assert "1 quote matches" in page


def test_a_quote_page_says_what_act_it_reports_and_how_sure_the_extractor_is(demo_db):
    (row,) = get(demo_db, "/quotes/quotes.json?_shape=array&_size=1&_sort_desc=confidence").json()
    page = get(demo_db, f"/quotes/quotes/{row['id']}").text
    assert f"{row['type']} {row['act']}" in page
    assert f"How sure</dt>\n    <dd>{row['confidence']:.2f}" in page
    acts = get(demo_db, "/quotes/quotes.json?_facet=act&_extra=facet_results").json()
    facet = acts["facet_results"].get("results", acts["facet_results"])["act"]["results"]
    assert {value["value"] for value in facet} <= {"speech", "thought"}
    sure = get(demo_db, "/quotes/quotes.json?confidence__gte=0.8&_shape=array&_size=max").json()
    assert sure and all(quote["confidence"] >= 0.8 for quote in sure)
