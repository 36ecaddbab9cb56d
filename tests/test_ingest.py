"""`quotedb ingest`: articles into SQLite, idempotently."""

from __future__ import annotations

import json

import quotedb.ingest
import sqlite_utils
from click.testing import CliRunner
from quotedb.db.search import QuoteIndex

from quotedb.cli import cli

ARTICLE = (
    "Port reopens\n\n"
    "Mayor Ann Lee said that the bridge will reopen next month.\n\n"
    "“We are ready for the storm,” she said. “Nobody will be left behind.”\n"
)


def ingest(*args: str):
    return CliRunner().invoke(cli, ["ingest", *args], catch_exceptions=False)


def counts(db_path) -> dict[str, int]:
    db = sqlite_utils.Database(db_path)
    return {table: db[table].count for table in ("articles", "speakers", "quotes")}


def test_ingest_stores_articles_quotes_and_speakers(tmp_path, write_article):
    write_article(ARTICLE, "corpus/port.txt")
    db_path = tmp_path / "quotes.db"
    result = ingest(str(tmp_path / "corpus"), "--db", str(db_path))
    assert "1 articles read, 2 quotes stored, 0 files failed" in result.output
    db = sqlite_utils.Database(db_path)
    speaker = db["speakers"].get(1)
    assert speaker["name"] == "Ann Lee"
    assert json.loads(speaker["aliases"]) == ["Mayor Ann Lee"]
    assert (speaker["kind"], speaker["role"]) == ("person", "Mayor")
    quotes = list(db.query("select * from quotes order by start"))
    assert [q["speaker_id"] for q in quotes] == [1, 1]
    assert quotes[0]["article_id"] == "port"


def test_ingesting_twice_adds_no_rows(tmp_path, write_article):
    folder = write_article(ARTICLE, "corpus/port.txt").parent
    db_path = tmp_path / "quotes.db"
    ingest(str(folder), "--db", str(db_path))
    first = counts(db_path)
    ids = [row["id"] for row in sqlite_utils.Database(db_path)["quotes"].rows]
    ingest(str(folder), "--db", str(db_path))
    assert counts(db_path) == first
    assert [row["id"] for row in sqlite_utils.Database(db_path)["quotes"].rows] == ids


def test_jsonl_articles_keep_their_metadata(tmp_path, write_article):
    line = {
        "id": "a1",
        "text": ARTICLE,
        "title": "Port reopens",
        "url": "https://example.org/port",
        "date": "2025-03-01",
        "source": "Example Times",
    }
    write_article(json.dumps(line) + "\n", "feed.jsonl")
    db_path = tmp_path / "quotes.db"
    ingest(str(tmp_path / "feed.jsonl"), "--db", str(db_path))
    article = sqlite_utils.Database(db_path)["articles"].get("a1")
    assert article["url"] == "https://example.org/port"
    assert article["published"] == "2025-03-01"
    assert article["source"] == "Example Times"


def test_bad_file_is_reported_and_the_batch_goes_on(tmp_path, write_article):
    write_article(ARTICLE, "corpus/good.txt")
    (tmp_path / "corpus" / "bad.txt").write_bytes(b"\xff\xfe\x00binary\x00")
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db_path)])
    assert result.exit_code == 3
    assert "bad.txt: binary file, not text" in result.output
    assert "1 articles read, 2 quotes stored, 1 files failed" in result.output
    assert counts(db_path)["quotes"] == 2


def test_one_speaker_row_per_person_across_articles_with_stable_ids(tmp_path, write_article):
    write_article("Story one\n\nMr. Trump said the talks were over.\n", "corpus/a.txt")
    db_path = tmp_path / "quotes.db"
    ingest(str(tmp_path / "corpus"), "--db", str(db_path))
    first_id = sqlite_utils.Database(db_path)["speakers"].get(1)["id"]
    write_article(
        "Story two\n\nPresident Donald J. Trump said the strikes would go on.\n\n"
        "Hillary Clinton said the strikes were a mistake.\n",
        "corpus/b.txt",
    )
    ingest(str(tmp_path / "corpus"), "--db", str(db_path))
    db = sqlite_utils.Database(db_path)
    names = {row["name"]: row for row in db["speakers"].rows}
    assert set(names) == {"Donald J. Trump", "Hillary Clinton"}
    trump = names["Donald J. Trump"]
    assert trump["id"] == first_id
    assert {"Trump", "Mr. Trump", "President Donald J. Trump"} <= set(json.loads(trump["aliases"]))
    assert trump["role"] == "President"
    assert db.execute(
        "select count(*) from quotes where speaker_id = ?", [first_id]
    ).fetchone() == (2,)


def test_failed_files_are_counted_once_even_with_colons_in_their_path(tmp_path, write_article):
    write_article(ARTICLE, "corpus/good.txt")
    broken = tmp_path / "corpus" / "feed: march.jsonl"
    broken.write_text('{"text": 1}\nnot json\n', encoding="utf-8")
    (tmp_path / "corpus" / "notes: draft.txt").write_bytes(b"")
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db_path)])
    assert "feed: march.jsonl:2: not valid JSON" in result.output
    assert "2 files failed" in result.output


def test_ingest_is_a_library_call_that_prints_nothing_and_returns_a_summary(
    tmp_path, write_article, capsys
):
    write_article(ARTICLE, "corpus/port.txt")
    write_article("", "corpus/blank.txt")
    db_path = tmp_path / "quotes.db"
    seen = []
    summary = quotedb.ingest.run([tmp_path / "corpus"], db_path, on_failure=seen.append)
    assert (summary.articles, summary.unchanged, summary.quotes) == (1, 0, 2)
    assert [str(failure) for failure in summary.failures] == [
        f"{tmp_path}/corpus/blank.txt: empty file"
    ]
    assert seen == summary.failures
    assert summary.line() == "1 articles read, 2 quotes stored, 1 files failed"
    assert capsys.readouterr() == ("", "")
    assert counts(db_path) == {"articles": 1, "speakers": 1, "quotes": 2}
    assert QuoteIndex(db_path).search("storm").total == 1
    again = quotedb.ingest.run([tmp_path / "corpus" / "port.txt"], db_path)
    assert (again.articles, again.unchanged, again.quotes, again.failed) == (1, 1, 0, 0)
