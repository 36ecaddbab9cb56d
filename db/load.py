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
    # In WAL mode a commit then waits for no disk flush: a killed ingest still
    # loses nothing committed, a power cut at worst the last few batches.
    db.execute("pragma synchronous = normal")
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


def fingerprint(article: Article, settings: str = "") -> str:
    """What an article's rows were made from: its text and metadata, and how it was extracted.

    Statement dates fall back on the publication date and stance depends on the
    topic, so an article counts as unchanged only when all of these are.
    """
    made_from = [article.content_hash, article.title, article.url, article.source]
    made_from += [article.published, article.path, settings]
    return hashlib.sha1(json.dumps(made_from).encode("utf-8")).hexdigest()


class Writer:
    """The one writer of an ingest: stores batches of articles, each batch in one transaction.

    A batch commits whole, so an ingest killed at any point leaves whole
    articles only, and its full-text entries change in the same transaction,
    so search never sees a half-stored batch. The speaker registry is kept from
    batch to batch (loading it reads every speaker and counts every quote) and
    reloaded only when another process has written to the database in between,
    which SQLite's ``data_version`` tells.
    """

    def __init__(self, db: sqlite_utils.Database, settings: str = "") -> None:
        self.db = db
        self.settings = settings
        self._registry: speakers.Registry | None = None
        self._version: int | None = None

    def unchanged(self, article: Article) -> bool:
        """Whether the database already holds this article exactly as it would store it now."""
        row = self.db.execute(
            "select fingerprint from articles where id = ?", [article.id]
        ).fetchone()
        return row is not None and row[0] == fingerprint(article, self.settings)

    def store(self, batch: Sequence[tuple[Article, Sequence[Quote]]]) -> int:
        """Replace these articles and their quotes; return the quotes stored."""
        try:
            with write_transaction(self.db):
                stored = self._store(batch)
        except BaseException:
            self._registry = None  # it may hold speakers the rollback took back
            raise
        self._version = self._data_version()
        return stored

    def _data_version(self) -> int:
        return self.db.execute("pragma data_version").fetchone()[0]

    def _registry_now(self) -> speakers.Registry:
        if self._registry is None or self._version != self._data_version():
            self._registry = speakers.Registry.from_db(self.db)
        return self._registry

    def _store(self, batch: Sequence[tuple[Article, Sequence[Quote]]]) -> int:
        ids = [article.id for article, _ in batch]
        marks = ",".join("?" * len(ids))
        of_batch = f"from quotes where article_id in ({marks})"
        before = {
            row[0]
            for row in self.db.execute(
                f"select distinct speaker_id {of_batch} and speaker_id is not null", ids
            )
        }
        # quotes_fts indexes quotes as external content: an entry is removed by
        # giving FTS5 the exact values it indexed, so before the row goes.
        self.db.execute(
            f"insert into quotes_fts (quotes_fts, rowid, text) select 'delete', rowid, text"
            f" {of_batch}",
            ids,
        )
        self.db.execute(f"delete {of_batch}", ids)
        self.db["articles"].upsert_all(
            [_article_row(article, fingerprint(article, self.settings)) for article, _ in batch],
            pk="id",
        )
        registry = self._registry_now()
        said = [(article, quote) for article, quotes in batch for quote in quotes]
        entries = [
            registry.add(q.speaker, q.speaker_kind or "person", speakers.forms(q), article.id)
            if q.speaker
            else None
            for article, q in said
        ]
        changed = {id(e): e for e in entries if e is not None}.values()
        known = before | {entry.id for entry in changed if entry.id is not None}
        _speakers_search(self.db, "delete", known)
        for entry in changed:
            speakers.save(self.db, entry)
        rows = [
            _quote_row(article.id, quote, entry.id if entry else None)
            for (article, quote), entry in zip(said, entries, strict=True)
        ]
        if rows:
            columns = ", ".join(f"[{column}]" for column in rows[0])
            values = ", ".join(f":{column}" for column in rows[0])
            insert = f"insert or replace into quotes ({columns}) values ({values})"
            self.db.conn.executemany(insert, rows)
        self.db.execute(f"insert into quotes_fts (rowid, text) select rowid, text {of_batch}", ids)
        quoted = {row["speaker_id"] for row in rows}
        speakers.refresh_roles(self.db, before | quoted)
        speakers.drop_unquoted(self.db, before)
        if before:
            self._registry = None  # it may hold speakers drop_unquoted just deleted
        _speakers_search(self.db, "insert", before | {entry.id for entry in changed})
        return len(rows)


def _speakers_search(db: sqlite_utils.Database, action: str, speaker_ids: set[int | None]) -> None:
    """Take speakers out of (``delete``) or put them into (``insert``) speakers_fts."""
    ids = sorted(speaker_id for speaker_id in speaker_ids if speaker_id is not None)
    command = "'delete', " if action == "delete" else ""
    head = "speakers_fts, " if action == "delete" else ""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        db.execute(
            f"insert into speakers_fts ({head}rowid, name, aliases)"
            f" select {command}id, name, aliases from speakers"
            f" where id in ({','.join('?' * len(chunk))})",
            chunk,
        )


def _article_row(article: Article, made_from: str) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published,
        "path": article.path,
        "text": article.text,
        "content_hash": article.content_hash,
        "fingerprint": made_from,
    }


def _quote_row(article_id: str, quote: Quote, speaker_id: int | None) -> dict:
    return {
        "id": quote_id(article_id, quote.spans),
        "article_id": article_id,
        "speaker_id": speaker_id,
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


def store(db: sqlite_utils.Database, article: Article, quotes: Sequence[Quote]) -> int:
    """Replace one article and its quotes in a single transaction; return quotes stored."""
    return Writer(db).store([(article, quotes)])


def refresh_search(db: sqlite_utils.Database) -> None:
    """Rebuild a full-text index that is out of step with its table.

    `Writer` keeps both in step as it stores; this repairs databases written
    before it did, or changed by other tools. Counting entries is cheap next
    to rebuilding, so a current database costs two counts.
    """
    for table in ("quotes", "speakers"):
        entries = db.execute(f"select count(*) from {table}_fts_docsize").fetchone()[0]
        if entries != db[table].count:
            db[table].rebuild_fts()
