"""Write articles and their quotes into the database, one transaction per article.

Loading is idempotent: an article's id comes from its file, a quote's id from
its article and offsets, so re-ingesting replaces rows instead of adding them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlite_utils
from quotedb.ingest.records import Article, Quote

from . import schema, speakers


def quote_id(article_id: str, spans: Sequence[tuple[int, int]]) -> str:
    key = article_id + "|" + ";".join(f"{s}-{e}" for s, e in spans)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# How long a writer waits for another writer (a second ingest) before giving up;
# long enough to outlast the full-text rebuild that ends a big batch.
BUSY_TIMEOUT_MS = 60_000


def open_db(path: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
    db.enable_wal()
    with write_transaction(db):
        schema.create(db)
    return db


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction that takes the write lock before it reads anything.

    ``db.atomic()`` begins a deferred transaction: once it has read, SQLite
    cannot make it wait for another writer and fails it at once with "database
    is locked". Taking the lock first lets a second ingest queue behind the busy
    timeout instead. sqlite-utils calls inside nest as savepoints.
    """
    db.execute("begin immediate")
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def store(db: sqlite_utils.Database, article: Article, quotes: Sequence[Quote]) -> int:
    """Replace one article and its quotes in a single transaction; return quotes stored."""
    with write_transaction(db):
        db["articles"].upsert(
            {
                "id": article.id,
                "title": article.title,
                "url": article.url,
                "source": article.source,
                "published": article.published,
                "path": article.path,
                "text": article.text,
                "content_hash": article.content_hash,
            },
            pk="id",
        )
        before = _speakers_of(db, article.id)
        db.execute("delete from quotes where article_id = ?", [article.id])
        registry = speakers.Registry.from_db(db)
        entries = [
            registry.add(q.speaker, q.speaker_kind or "person", speakers.forms(q))
            if q.speaker
            else None
            for q in quotes
        ]
        for entry in {id(e): e for e in entries if e is not None}.values():
            speakers.save(db, entry)
        rows = [
            {
                "id": quote_id(article.id, quote.spans),
                "article_id": article.id,
                "speaker_id": entry.id if entry else None,
                "speaker_mention": quote.speaker_mention.text if quote.speaker_mention else None,
                "text": quote.text,
                "type": quote.type,
                "cue": quote.cue.text if quote.cue else None,
                "role": quote.role,
                "date": quote.date,
                "date_precision": quote.date_precision,
                "date_inferred": int(quote.date_inferred),
                "stance": quote.stance,
                "stance_score": quote.stance_score,
                "topic": quote.topic,
                "start": quote.start,
                "end": quote.end,
                "spans": json.dumps(quote.spans),
                "context": quote.context,
                "confidence": quote.confidence,
            }
            for quote, entry in zip(quotes, entries, strict=True)
        ]
        db["quotes"].insert_all(rows, pk="id", replace=True)
        speakers.refresh_roles(db, before | {row["speaker_id"] for row in rows})
        speakers.drop_unquoted(db, before)
    return len(rows)


def _speakers_of(db: sqlite_utils.Database, article_id: str) -> set[int]:
    query = "select distinct speaker_id from quotes where article_id = ? and speaker_id is not null"
    return {row[0] for row in db.execute(query, [article_id]).fetchall()}


def refresh_search(db: sqlite_utils.Database) -> None:
    """Rebuild the full-text indexes once after a batch, not row by row."""
    db["quotes"].rebuild_fts()
    db["speakers"].rebuild_fts()
