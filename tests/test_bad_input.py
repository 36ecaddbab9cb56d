"""Messy article folders: every bad file gets one clear line and the batch goes on."""

from __future__ import annotations

import codecs
import json
import os
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner
from quotedb.db import load
from quotedb.ingest import pipeline
from quotedb.ingest.read import DEFAULT_MAX_BYTES, read_paths
from quotedb.ingest.records import Article, Failure

from quotedb.cli import cli
from quotedb.cli import extract as extract_module

STORY = "Port reopens\n\n“We are ready for the storm,” Mayor Ann Lee said on Monday.\n"


def read(*paths, **options) -> tuple[list[Article], list[str]]:
    """The articles read from ``paths``, and each failure as the line a user sees."""
    items = list(read_paths([str(path) for path in paths], **options))
    return (
        [item for item in items if isinstance(item, Article)],
        [str(item) for item in items if isinstance(item, Failure)],
    )


def test_empty_and_whitespace_files_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n ", encoding="utf-8")
    articles, failures = read(tmp_path)
    assert articles == []
    assert failures == [f"{tmp_path}/blank.md: empty file", f"{tmp_path}/empty.txt: empty file"]


def test_binary_files_are_refused(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "noise.txt").write_bytes(b"\x01\x02\x03\x04 text \x05\x06\x07")
    _, failures = read(tmp_path)
    assert failures == [
        f"{tmp_path}/noise.txt: binary file, not text",
        f"{tmp_path}/photo.txt: binary file, not text (or UTF-16 without a byte-order mark)",
    ]


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8-sig"),
    ],
)
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoded, name):
    (tmp_path / f"{name}.txt").write_bytes(encoded)
    (article,), failures = read(tmp_path)
    assert failures == []
    assert article.text == STORY
    assert article.title == "Port reopens"


def test_latin1_and_windows_1252_text_is_decoded(tmp_path):
    text = "Caf\xe9 owner Jos\xe9 said \u201cwe stay open\u201d.\n"
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (article,), failures = read(tmp_path)
    assert failures == []
    assert article.text == text
    start = article.text.index("\u201c")
    assert article.text[start : start + 14] == "\u201cwe stay open\u201d"


def test_utf8_with_stray_bytes_is_refused_not_garbled(tmp_path):
    (tmp_path / "broken.txt").write_bytes("“Ready,” she said.".encode() + b" \xff\xfe end")
    articles, failures = read(tmp_path)
    assert articles == []
    assert failures == [
        f"{tmp_path}/broken.txt: not valid UTF-8 (byte 23: 0xff) in a file that is "
        "otherwise UTF-8; fix or re-save it as UTF-8"
    ]


def test_file_over_the_size_limit_says_how_to_raise_it(tmp_path):
    big = tmp_path / "dump.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    articles, failures = read(big, max_bytes=1000)
    assert articles == []
    assert failures == [
        f"{big}: file is 5,000 bytes, over the 1,000-byte limit for one article; "
        "skipped (raise the limit with --max-bytes 5000)"
    ]
    assert read(big, max_bytes=5000)[1] == []


def test_default_size_limit_fits_long_news_but_not_data_dumps():
    assert 500_000 <= DEFAULT_MAX_BYTES <= 5_000_000


def test_a_single_100000_character_line_is_read_whole(tmp_path):
    line = ("The council met again and said nothing new. " * 2300)[:100_000]
    (tmp_path / "one-line.txt").write_text(line, encoding="utf-8")
    (article,), failures = read(tmp_path)
    assert failures == []
    assert article.text == line


def test_jsonl_bad_lines_are_reported_one_by_one_and_good_lines_load(tmp_path):
    lines = [
        json.dumps({"id": "good", "text": STORY, "date": "2025-03-01"}),
        '{"id": "cut", "text": "half a li',
        json.dumps({"id": "notext", "title": "No body"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": ["a", "list"], "text": STORY}),
        json.dumps({"id": "baddate", "text": STORY, "date": {"year": 2025}}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "good", "text": "Another story with the same id."}),
        "",
        json.dumps({"text": STORY}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = read(feed)
    assert [article.id for article in articles] == ["good", "feed-10"]
    assert articles[0].published == "2025-03-01"
    assert failures == [
        f"{feed}:2: not valid JSON (Unterminated string starting at, column 23)",
        f'{feed}:3: no "text" field',
        f'{feed}:4: "text" must be a string, not a number',
        f'{feed}:5: "id" must be a string or a number, not a list',
        f'{feed}:6: "date" must be a string, not an object',
        f"{feed}:7: expected a JSON object, got a list",
        f"{feed}:8: duplicate article id 'good' (also in {feed}:1)",
    ]


def test_an_oversized_jsonl_line_is_skipped_and_the_next_line_loads(tmp_path):
    feed = tmp_path / "feed.jsonl"
    huge = json.dumps({"id": "huge", "text": "x " * 3000})
    feed.write_text(huge + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n")
    articles, failures = read(feed, max_bytes=1000)
    assert [article.id for article in articles] == ["ok"]
    assert failures == [
        f"{feed}:1: line is {len(huge) + 1:,} bytes, over the 1,000-byte limit for one "
        f"article; skipped (raise the limit with --max-bytes {len(huge) + 1})"
    ]


def test_same_article_id_in_two_folders_is_reported_not_overwritten(tmp_path):
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY, encoding="utf-8")
    articles, failures = read(tmp_path)
    assert [article.path for article in articles] == [f"{tmp_path}/monday/story.txt"]
    assert failures == [
        f"{tmp_path}/tuesday/story.txt: duplicate article id 'story' "
        f"(also in {tmp_path}/monday/story.txt)"
    ]


def test_symlink_loops_and_broken_links_are_reported_and_each_file_read_once(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "again").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "story.txt")
    articles, failures = read(tmp_path, tmp_path / "story.txt")
    assert [article.id for article in articles] == ["alias"]
    assert failures == [
        f"{tmp_path}/again: symlink loop: leads back into a folder already being read",
        f"{tmp_path}/gone.txt: broken symlink (points to {tmp_path}/missing.txt, "
        "which does not exist)",
        f"{tmp_path}/self.txt: symlink loop",
    ]


def test_missing_paths_and_pipes_are_reported(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    _, failures = read(tmp_path / "nowhere", tmp_path / "pipe.txt", tmp_path)
    assert failures == [
        f"{tmp_path}/nowhere: no such file or directory",
        f"{tmp_path}/pipe.txt: not a regular file (a device, pipe or socket)",
        f"{tmp_path}/pipe.txt: not a regular file (a device, pipe or socket)",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_files_and_folders_are_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "secret.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        _, failures = read(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert failures == [
        f"{tmp_path}/locked: cannot read folder: permission denied",
        f"{tmp_path}/secret.txt: cannot read: permission denied",
    ]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(story), "read_bytes", refuse)
    assert read(story) == ([], [f"{story}: cannot read: permission denied"])


PAGE = b"""<!doctype html><html><head>
<title>Port reopens | Example Times</title>
<meta property="og:url" content="https://example.org/port">
<meta name="date" content="2025-03-01">
<style>p { color: red }</style><script>alert("head")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>Port reopens</h1>
<p>Mayor Ann Lee said that the bridge will reopen next month after the storm damaged it.</p>
<script>document.write("inline")</script>
<p>\xe2\x80\x9cWe are ready for the storm,\xe2\x80\x9d she said. \xe2\x80\x9cNobody will be
left behind.\xe2\x80\x9d</p></article>
<footer>Copyright 2025 Example Times. Subscribe to our newsletter.</footer></body></html>"""


def test_html_pages_keep_article_text_title_date_and_url(tmp_path):
    (tmp_path / "port.html").write_bytes(PAGE)
    (article,), failures = read(tmp_path)
    assert failures == []
    assert "“We are ready for the storm,” she said." in article.text
    assert (article.title, article.published, article.url) == (
        "Port reopens",
        "2025-03-01",
        "https://example.org/port",
    )
    for dropped in ("alert", "document.write", "color: red", "World news", "Subscribe"):
        assert dropped not in article.text


def test_html_page_without_article_text_is_reported(tmp_path):
    (tmp_path / "empty.htm").write_bytes(b"<html><body><script>x()</script></body></html>")
    assert read(tmp_path) == (
        [],
        [f"{tmp_path}/empty.htm: no article text found in this HTML page"],
    )


@pytest.mark.parametrize(
    "page",
    [
        '<p>"Vote now," said Mayor Kim Lee.</p>',
        "<body><p>\u201cVote now,\u201d said Mayor Kim Lee.</p></body>",
        '<html><body><div class="comments"><p>"Vote now," said Mayor Kim Lee.</p></div></body>',
    ],
)
def test_a_page_of_one_short_paragraph_keeps_its_quote(tmp_path, page):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "vote.html").write_text(page, encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["1 articles read, 1 quotes stored, 0 files failed"]
    text, speaker = (
        sqlite_utils.Database(db_path)
        .execute("select quotes.text, name from quotes join speakers on speakers.id = speaker_id")
        .fetchone()
    )
    assert ("Vote now" in text, speaker) == (True, "Kim Lee")


def test_ingest_stores_the_good_files_reports_the_bad_and_exits_3(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(STORY, encoding="utf-8")
    (corpus / "latin.txt").write_bytes(STORY.replace("“", '"').replace("”", '"').encode("cp1252"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "feed.jsonl").write_text('{"id": "j1", "text": 5}\nnot json\n', encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db_path)])
    assert result.exit_code == 3, result.output
    assert f"error: {corpus}/empty.txt: empty file" in result.output
    assert f'error: {corpus}/feed.jsonl:1: "text" must be a string, not a number' in result.output
    assert f"error: {corpus}/feed.jsonl:2: not valid JSON" in result.output
    assert "2 articles read, 2 quotes stored, 2 files failed" in result.output
    db = sqlite_utils.Database(db_path)
    assert {row["id"] for row in db["articles"].rows} == {"good", "latin"}


def test_web_pages_may_be_larger_than_plain_text_articles(tmp_path):
    (tmp_path / "port.html").write_bytes(PAGE)
    assert read(tmp_path, max_bytes=len(PAGE) // 5)[1] == []
    (_, [failure]) = read(tmp_path, max_bytes=len(PAGE) // 20)
    assert "-byte limit for one web page; skipped (raise the limit with --max-bytes" in failure


def test_an_article_the_extractor_fails_on_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a-good", "b-poison", "c-good"):
        (corpus / f"{name}.txt").write_text(STORY, encoding="utf-8")
    real_extract_many = pipeline.extract_many

    def choke_on_poison(articles, nlp, topic, **options):
        for article in articles:
            if article.id == "b-poison":
                raise ValueError("[E088] Text of length 1500000 exceeds maximum")
            yield from real_extract_many([article], nlp, topic, **options)

    monkeypatch.setattr(pipeline, "extract_many", choke_on_poison)
    db_path = tmp_path / "quotes.db"
    command = ["ingest", str(corpus), "--db", str(db_path), "--workers", "1"]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 3, result.output
    assert (
        f"error: {corpus}/b-poison.txt: could not extract quotes "
        "(ValueError('[E088] Text of length 1500000 exceeds maximum'))"
    ) in result.output
    assert "2 articles read, 2 quotes stored, 1 files failed" in result.output
    articles = {row["id"] for row in sqlite_utils.Database(db_path)["articles"].rows}
    assert articles == {"a-good", "c-good"}


def test_a_database_another_process_holds_is_reported_by_sqlite_error_code(tmp_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "port.txt").write_text(STORY, encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    load.open_db(str(db_path)).close()
    monkeypatch.setattr(load, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path)
    holder.execute("begin immediate")
    try:
        result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db_path)])
    finally:
        holder.rollback()
    assert result.exit_code == 4
    assert result.output.startswith(f"error: {db_path}: database is locked by another process")


def test_an_error_that_only_mentions_a_lock_is_not_taken_for_a_busy_database(tmp_path, monkeypatch):
    def failing(*args, **kwargs):
        raise sqlite3.OperationalError("no such table: locked_rows")

    monkeypatch.setattr(extract_module, "ingest_run", failing)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert isinstance(result.exception, sqlite3.OperationalError)
