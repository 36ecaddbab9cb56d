"""Loading: a first load goes in bulk and ends exactly as batch-by-batch storing would."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from quotedb.db import load, schema, statements
from quotedb.ingest.records import Article, Mention, Quote

SAID = [
    # speaker, how the article names them, kind, role, words
    ("Ann Lee", "Mayor Ann Lee", "person", "mayor",
     "We are ready for the storm, and nobody in this city will be left behind."),
    ("Lee", "Lee", "person", None, "nobody in this city will be left behind"),
    ("Tom Hart", "Councillor Tom Hart", "person", "councillor", "The budget was a disgrace."),
    ("city officials", "city officials", "unnamed", None, "The bridge will reopen next month."),
    ("Port Authority", "the Port Authority", "organization", None,
     "Ships will dock again on Monday and the cranes are safe."),
    (None, None, None, None, "Nobody knows who said this about the harbour."),
]  # fmt: skip
SOURCES = ("Wire", "The Gazette", "Daily")
STANCES = ("support", "neutral", "oppose")


def article(number: int, said: list[tuple] | None = None) -> tuple[Article, list[Quote]]:
    """Article ``number`` with some of `SAID`: reprints, excerpts and new words across articles,
    and from the 30th on, speakers in their new roles."""
    said = said or [SAID[(number + k) % len(SAID)] for k in range(number % 4 + 2)]
    texts = [
        f"{words} (report {number // 3})" if k == 0 else words for k, (*_, words) in enumerate(said)
    ]
    text = "\n\n".join(texts)
    story = Article(
        f"story-{number:03}",
        text,
        f"story-{number:03}.txt",
        title=f"Harbour report {number}",
        source=SOURCES[number % len(SOURCES)],
        published=(dt.date(2025, 3, 1) + dt.timedelta(days=number)).isoformat(),
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
    )
    quotes, offset = [], 0
    for k, ((speaker, mention, kind, role, _), words) in enumerate(zip(said, texts, strict=True)):
        quotes.append(
            Quote(
                story.id,
                [(offset, offset + len(words))],
                words,
                ("direct", "mixed", "indirect")[k % 3],
                speaker_mention=Mention(mention, 0, len(mention)) if mention else None,
                speaker=speaker,
                speaker_kind=kind,
                role=f"former {role}" if role and number >= 30 else role,
                date=story.published if k % 2 else None,
                stance=STANCES[(number + k) % 3],
                context=words,
            )
        )
        offset += len(words) + 2
    return story, quotes


def load_all(db_path, stories: list, bulk: bool | None = None):
    """Store ``stories`` four at a time as an ingest does, skipping unchanged ones, then link."""
    db = load.open_db(str(db_path))
    writer = load.Writer(db, bulk=bulk)
    for start in range(0, len(stories), 4):
        batch = [pair for pair in stories[start : start + 4] if not writer.unchanged(pair[0])]
        writer.store(batch)
    writer.finish()
    statements.link(db)
    return db


def contents(db) -> dict:
    """Every row users see, and which quotes and speakers each word finds."""
    found = {
        table: db.execute(f"select * from {table} order by 1, 2").fetchall()
        for table in ("articles", "quotes", "speakers", "statements", "statement_shingles")
    }
    said = db.execute("select text from quotes union all select name from speakers")
    words = {word for (text,) in said for word in re.findall(r"\w+", text)}
    for table, key in (("quotes", "id"), ("speakers", "name")):
        found[f"{table} search"] = {
            word: db.execute(
                f"select {table}.{key} from {table}_fts join {table}"
                f" on {table}.rowid = {table}_fts.rowid where {table}_fts match ? order by 1",
                [word],
            ).fetchall()
            for word in sorted(words)
        }
    return found


STORIES = [article(number) for number in range(40)]


def test_a_bulk_load_stores_exactly_what_storing_batch_by_batch_stores(tmp_path):
    bulk = contents(load_all(tmp_path / "bulk.db", STORIES, bulk=True))
    incremental = contents(load_all(tmp_path / "incremental.db", STORIES, bulk=False))
    assert bulk == incremental
    assert len(bulk["quotes"]) == sum(len(quotes) for _, quotes in STORIES)
    assert bulk["quotes search"]["storm"]
    assert bulk["speakers search"]["Hart"]


def test_a_first_load_is_a_bulk_load_and_complete_when_finished(tmp_path):
    db = load_all(tmp_path / "quotes.db", STORIES)
    assert not schema.bulk_pending(db)
    assert contents(db) == contents(load_all(tmp_path / "incremental.db", STORIES, bulk=False))


def test_replacing_a_stored_article_during_a_bulk_load_gives_the_same_result(tmp_path):
    # Story 6 comes again, rewritten: its unnamed city officials, a speaker of this
    # article only, are gone from it, and so from the speakers.
    rewritten = article(6, [SAID[0], SAID[4]])
    stories = [*STORIES[:20], rewritten, *STORIES[20:]]
    assert contents(load_all(tmp_path / "bulk.db", stories, bulk=True)) == contents(
        load_all(tmp_path / "incremental.db", stories, bulk=False)
    )


def test_an_article_stored_again_during_a_bulk_load_keeps_only_its_new_quotes(tmp_path):
    # Its first version quotes no one by name, so replacing it keeps the load in bulk.
    first, rewritten = article(50, [SAID[5], SAID[5]]), article(50, [SAID[4]])
    stories = [*STORIES[:20], first, *STORIES[20:], rewritten]
    db = load_all(tmp_path / "bulk.db", stories, bulk=True)
    kept = db.execute("select text from quotes where article_id = ?", [first[0].id]).fetchall()
    assert kept == [(rewritten[1][0].text,)]
    assert contents(db) == contents(load_all(tmp_path / "incremental.db", stories, bulk=False))


def test_a_killed_bulk_load_says_so_and_the_next_load_completes_it(tmp_path):
    db = load.open_db(str(tmp_path / "quotes.db"))
    writer = load.Writer(db)
    for start in range(0, len(STORIES), 4):
        writer.store(STORIES[start : start + 4])
    db.close()  # killed before finish: batches still in memory are lost

    db = load.open_db(str(tmp_path / "quotes.db"))
    assert schema.bulk_pending(db)
    assert db["articles"].count > 0
    db.close()
    rerun = load_all(tmp_path / "quotes.db", STORIES)
    assert not schema.bulk_pending(rerun)
    assert contents(rerun) == contents(load_all(tmp_path / "clean.db", STORIES, bulk=False))


@pytest.fixture
def big_db(tmp_path):
    """A database holding `load.BULK_BELOW` quotes: past a first load."""
    sentences = [f"Sentence {n} about the harbour and its {n} cranes." for n in range(100)]
    stories = []
    for number in range(load.BULK_BELOW // len(sentences)):
        text = "\n\n".join(sentences)
        story = Article(f"big-{number}", text, f"big-{number}.txt")
        quotes, offset = [], 0
        for sentence in sentences:
            quotes.append(Quote(story.id, [(offset, offset + len(sentence))], sentence, "direct"))
            offset += len(sentence) + 2
        stories.append((story, quotes))
    return load_all(tmp_path / "big.db", stories)


def test_storing_into_a_big_database_is_searchable_batch_by_batch(big_db):
    writer = load.Writer(big_db)
    story, quotes = article(6)
    writer.store([(story, quotes)])
    assert not schema.bulk_pending(big_db)
    hits = big_db.execute(
        "select quotes.article_id from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid"
        " where quotes_fts match 'storm'"
    ).fetchall()
    assert hits == [(story.id,)]
