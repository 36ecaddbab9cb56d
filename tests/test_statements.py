"""Statements: one row per distinct statement of a speaker, however often it is reprinted."""

from __future__ import annotations

import asyncio
import json

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette
from quotedb.db import load, statements
from quotedb.ingest.records import Article, Quote

from quotedb.cli import cli
from quotedb.cli.serve import metadata_path

FULL = (
    "We are ready for the storm, and nobody in this city will be left behind."
    " The bridge will reopen next month."
)
WIRE = {
    "id": "wire-1",
    "source": "Wire",
    "date": "2025-03-01",
    "title": "Port reopens",
    "text": (
        "Port reopens\n\nMayor Ann Lee spoke on Monday.\n\n"
        "“We are ready for the storm, and nobody in this city will be left behind,” Lee said."
        " “The bridge will reopen next month.”\n\n"
        "Councillor Tom Hart said the budget was a disgrace.\n"
    ),
}
# The wire story reprinted with straight quotes, a dash for the comma and a double space.
GAZETTE = """---
title: Port reopens
source: The Gazette
date: 2025-03-02
---
Port reopens

Mayor Ann Lee spoke on Monday.

"We are ready for the storm -- and nobody in this city will be left  behind," Lee said. \
"The bridge will reopen next month."

Councillor Tom Hart said the budget was a disgrace.
"""
# A later story quoting six words of the mayor's quote.
DAILY = {
    "id": "daily-1",
    "source": "Daily",
    "date": "2025-03-05",
    "title": "Storm week",
    "text": (
        "Storm week\n\nMayor Ann Lee said last week that"
        " “nobody in this city will be left behind.”\n"
    ),
}


def ingest(folder, db_path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path)])
    assert result.exit_code == 0, result.output


def write_jsonl(write_article, article: dict, name: str):
    return write_article(json.dumps(article) + "\n", name)


def rows(db_path, sql: str) -> list[dict]:
    return list(sqlite_utils.Database(db_path).query(sql))


@pytest.fixture
def corpus(nlp, tmp_path, write_article):
    write_jsonl(write_article, WIRE, "corpus/wire.jsonl")
    write_article(GAZETTE, "corpus/gazette.md")
    write_jsonl(write_article, DAILY, "corpus/daily.jsonl")
    return tmp_path / "corpus"


def test_reprints_and_an_excerpt_are_one_statement_each(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    found = rows(
        db_path,
        "select speakers.name, statements.* from statements"
        " join speakers on speakers.id = statements.speaker_id order by speakers.name",
    )
    assert [(s["name"], s["occurrences"], s["articles"], s["outlets"]) for s in found] == [
        ("Ann Lee", 3, 3, 3),
        ("Tom Hart", 2, 2, 2),
    ]
    lee = found[0]
    assert statements.words(lee["text"]) == statements.words(FULL)
    assert (lee["first_seen"], lee["last_seen"]) == ("2025-03-01", "2025-03-05")
    excerpt = rows(db_path, "select statement_id from quotes where article_id = 'daily-1'")
    assert excerpt == [{"statement_id": lee["id"]}]
    assert rows(db_path, "select count(*) as n from quotes where statement_id is null") == [
        {"n": 0}
    ]


def test_adding_an_article_attaches_to_the_existing_statement(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    daily = corpus / "daily.jsonl"
    kept = daily.read_text(encoding="utf-8")
    daily.unlink()
    ingest(corpus, db_path)
    by_speaker = (
        "select speakers.name, statements.id, statements.articles from statements"
        " join speakers on speakers.id = statements.speaker_id order by speakers.name"
    )
    before = rows(db_path, by_speaker)
    daily.write_text(kept, encoding="utf-8")
    ingest(daily, db_path)
    assert rows(db_path, by_speaker) == [
        {"name": "Ann Lee", "id": before[0]["id"], "articles": 3},
        {"name": "Tom Hart", "id": before[1]["id"], "articles": 2},
    ]


def test_reingesting_changes_nothing(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    first = rows(db_path, "select * from statements order by id")
    ingest(corpus, db_path)
    assert rows(db_path, "select * from statements order by id") == first
    assert rows(db_path, "select count(*) as n from statement_changes") == [{"n": 0}]


def test_changing_an_article_moves_its_occurrence(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    changed = {**DAILY, "text": DAILY["text"].replace("left behind", "forgotten")}
    (corpus / "daily.jsonl").write_text(json.dumps(changed) + "\n", encoding="utf-8")
    ingest(corpus, db_path)
    assert rows(db_path, "select articles from statements order by articles desc") == [
        {"articles": 2},
        {"articles": 2},
        {"articles": 1},
    ]


def store(
    db, article_id: str, *said: tuple[str | None, str], source: str | None = "Wire", url=None
) -> None:
    """Store an article whose quotes are (speaker, words) pairs, without parsing anything."""
    text = "\n\n".join(words for _, words in said)
    article = Article(id=article_id, text=text, path=f"{article_id}.txt", source=source, url=url)
    quotes, offset = [], 0
    for speaker, words in said:
        span = (offset, offset + len(words))
        quotes.append(Quote(article_id, [span], words, "direct", speaker=speaker))
        offset = span[1] + 2
    load.store(db, article, quotes)


@pytest.fixture
def db(tmp_path) -> sqlite_utils.Database:
    return load.open_db(str(tmp_path / "quotes.db"))


def statement_rows(db) -> list[tuple[str | None, str, int]]:
    return [
        (row["name"], row["text"], row["occurrences"])
        for row in db.query(
            "select speakers.name, statements.text, statements.occurrences from statements"
            " left join speakers on speakers.id = statements.speaker_id"
            " order by statements.text, speakers.name"
        )
    ]


def test_the_same_words_of_different_speakers_stay_apart(db):
    store(db, "a", ("Ann Lee", "We will not raise taxes this year."))
    store(db, "b", ("Tom Hart", "We will not raise taxes this year."))
    statements.link(db)
    assert statement_rows(db) == [
        ("Ann Lee", "We will not raise taxes this year.", 1),
        ("Tom Hart", "We will not raise taxes this year.", 1),
    ]


def test_a_fuller_version_later_becomes_the_statement_text(db):
    store(db, "a", ("Ann Lee", "the greatest threat our continent has seen"))
    statements.link(db)
    (before,) = db["statements"].rows
    full = "This is the greatest threat our continent has seen in a generation."
    store(db, "b", ("Ann Lee", full))
    statements.link(db)
    assert statement_rows(db) == [("Ann Lee", full, 2)]
    assert next(db["statements"].rows)["id"] == before["id"]


def test_a_long_quote_joins_two_excerpts_into_one_statement(db):
    store(db, "a", ("Ann Lee", "the greatest threat our continent has seen"))
    store(db, "b", ("Ann Lee", "and we must answer it together"))
    statements.link(db)
    assert len(statement_rows(db)) == 2
    full = "It is the greatest threat our continent has seen, and we must answer it together."
    store(db, "c", ("Ann Lee", full))
    statements.link(db)
    assert statement_rows(db) == [("Ann Lee", full, 3)]


def test_short_common_phrases_are_not_excerpts(db):
    store(db, "a", ("Ann Lee", "This is a total disaster for the port and its workers."))
    store(db, "b", ("Ann Lee", "a total disaster"))
    statements.link(db)
    assert [text for _, text, _ in statement_rows(db)] == [
        "This is a total disaster for the port and its workers.",
        "a total disaster",
    ]


def test_quotes_without_a_speaker_are_statements_of_their_own(db):
    store(db, "a", (None, "The port will close."), (None, "The port will close."))
    statements.link(db)
    ids = [row["statement_id"] for row in db["quotes"].rows]
    assert len(set(ids)) == 2
    store(db, "a", (None, "The port will close."), (None, "The port will close."))
    statements.link(db)
    assert [row["statement_id"] for row in db["quotes"].rows] == ids


def test_removing_an_article_updates_counts_and_leaves_no_orphans(db):
    store(db, "a", ("Ann Lee", FULL), ("Tom Hart", "The budget is a disgrace."))
    store(db, "b", ("Ann Lee", FULL), source="Gazette")
    statements.link(db)
    assert db["statement_shingles"].count > 0
    db.execute("delete from quotes where article_id = 'a'")
    db.execute("delete from articles where id = 'a'")
    statements.link(db)
    assert statement_rows(db) == [("Ann Lee", FULL, 1)]
    lee = next(db["statements"].rows)
    assert (lee["articles"], lee["outlets"]) == (1, 1)
    speakers = {row["statement_id"] for row in db["statement_shingles"].rows}
    assert speakers == {lee["id"]}


def test_an_outlet_is_the_host_of_the_url_however_the_url_spells_it(db):
    for number, url in enumerate(
        [
            "https://www.example.org/port",
            "https://WWW.Example.org:8443/port?x=1",
            "http://reader@example.org/port",
        ]
    ):
        store(db, f"a{number}", ("Ann Lee", FULL), source=None, url=url)
    store(db, "b", ("Ann Lee", FULL), source=None, url="not a url")
    statements.link(db)
    outlets = db.execute("select distinct outlet from statement_occurrences order by 1")
    assert outlets.fetchall() == [("b",), ("example.org",)]
    assert next(db["statements"].rows)["outlets"] == 2


def test_a_database_made_before_hosts_were_stored_gets_them(tmp_path):
    db = load.open_db(str(tmp_path / "quotes.db"))
    store(db, "a", ("Ann Lee", FULL), source=None, url="https://www.example.org:8443/port")
    db.execute("drop view statement_occurrences")
    db["articles"].transform(drop={"host"})
    db["_sqlite_migrations"].delete_where("name = ?", ["article_hosts"])  # made before it
    load.open_db(str(tmp_path / "quotes.db"))
    seen = db.execute("select outlet from statement_occurrences").fetchall()
    assert seen == [("example.org",)]


def test_losing_the_full_quote_splits_its_different_excerpts(db):
    store(db, "a", ("Ann Lee", "We are ready for the storm and nobody will be left behind tonight"))
    store(db, "b", ("Ann Lee", "We are ready for the storm and nobody"))
    store(db, "c", ("Ann Lee", "nobody will be left behind tonight"))
    statements.link(db)
    assert len(statement_rows(db)) == 1
    db.execute("delete from quotes where article_id = 'a'")
    statements.link(db)
    assert statement_rows(db) == [
        ("Ann Lee", "We are ready for the storm and nobody", 1),
        ("Ann Lee", "nobody will be left behind tonight", 1),
    ]


def test_merging_two_speakers_merges_their_statements(db):
    # As when a later article shows that "the spokesperson" was Ann Lee.
    store(db, "a", ("Ann Lee", FULL))
    store(db, "b", ("Tom Hart", FULL))
    statements.link(db)
    assert len(statement_rows(db)) == 2
    db.execute("update quotes set speaker_id = (select id from speakers where name = 'Ann Lee')")
    statements.link(db)
    assert statement_rows(db) == [("Ann Lee", FULL, 2)]


@pytest.mark.parametrize(
    "one, other",
    [
        ("“Don’t go,” she said", '"don\'t GO"  -- she said.'),
        ("well—known", "well - known"),
        ("A ... B", "a b"),
    ],
)
def test_quotation_marks_dashes_case_and_spacing_do_not_matter(one, other):
    assert statements.words(one) == statements.words(other)


def test_the_occurrences_query_lists_a_statement_oldest_first(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    (lee,) = rows(db_path, "select id from statements where occurrences = 3")
    datasette = Datasette(
        [str(db_path)], metadata=json.loads(metadata_path().read_text(encoding="utf-8"))
    )
    response = asyncio.run(
        datasette.client.get(f"/quotes/occurrences.json?statement={lee['id']}&_shape=array")
    )
    assert [(row["seen"], row["outlet"]) for row in response.json()] == [
        ("2025-03-01", "Wire"),
        ("2025-03-02", "The Gazette"),
        ("2025-03-05", "Daily"),
    ]
    page = asyncio.run(datasette.client.get("/quotes/statements")).text
    for facet in ("speaker_id", "stance"):
        assert f'data-column="{facet}"' in page
    row = asyncio.run(datasette.client.get(f"/quotes/statements/{lee['id']}")).text
    assert f'href="/quotes/quotes?statement_id={lee["id"]}"' in row
    listed = row[row.index("Where this statement appeared") :]
    assert listed.index("Wire") < listed.index("The Gazette") < listed.index("Daily")


def test_export_by_statement_counts_each_reprinted_statement_once(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    result = CliRunner().invoke(
        cli, ["export", "--db", str(db_path), "--statements", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(s["speaker"], s["occurrences"], s["outlets"]) for s in exported] == [
        ("Ann Lee", 3, 3),
        ("Tom Hart", 2, 2),
    ]
    assert "2 statements exported" in result.stderr
    per_quote = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--format", "jsonl"])
    assert len(per_quote.stdout.splitlines()) == 5


def test_search_page_links_to_the_same_words_as_statements(corpus, tmp_path):
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    datasette = Datasette([str(db_path)])
    page = asyncio.run(datasette.client.get("/-/search?q=storm")).text
    assert 'href="/quotes/statements?_search=storm"' in page
    found = asyncio.run(datasette.client.get("/quotes/statements.json?_search=storm&_shape=array"))
    assert [row["occurrences"] for row in found.json()] == [3]
