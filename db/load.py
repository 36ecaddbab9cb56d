"""Write articles and their quotes into the database, a whole batch of articles at a time.

Loading is idempotent: an article's id comes from its file, a quote's id from
its article and offsets, so re-ingesting replaces rows instead of adding them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import sqlite3
import time
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import sqlite_utils
from quotedb.ingest.records import Article, Quote

from . import corrections, schema, speakers

T = TypeVar("T")


def quote_id(article_id: str, spans: Sequence[tuple[int, int]]) -> str:
    key = article_id + "|" + ";".join(f"{s}-{e}" for s, e in spans)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# How long a writer waits for another writer (a second ingest) before giving up;
# long enough to outlast the full-text rebuild that ends a big batch.
BUSY_TIMEOUT_MS = 60_000
# A writer that finds fewer quotes than this loads in bulk (`Writer`): rebuilding
# the full-text index and lookups of the rows already there costs it ~0.1 s
# (measured on 200,000: ~1.8 s).
BULK_BELOW = 10_000
# How long a bulk load keeps arriving batches in memory to commit them together
# (committing costs a rewrite of every page touched), and how many quotes at most.
FLUSH_SECONDS = 1.0
FLUSH_QUOTES = 50_000


def open_db(path: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
    _enable_wal(db)
    # In WAL mode a commit then waits for no disk flush: a killed ingest still
    # loses nothing committed, a power cut at worst the last few batches.
    db.execute("pragma synchronous = normal")
    with write_transaction(db):
        schema.create(db)
    return db


def _enable_wal(db: sqlite_utils.Database) -> None:
    """Switch to write-ahead logging, waiting out another process doing the same.

    Two ingests started at once on a new database both change its journal mode, and
    SQLite answers the second "database is locked" at once, without the busy timeout
    that every other statement waits for; so this one retries for as long.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


#: SQL variables in one ``in (...)`` list, well under SQLite's limit.
IN_LIST = 500


def batches(items: Iterable[T], size: int = IN_LIST) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), taken as they are needed."""
    return map(list, sqlite_utils.utils.chunks(items, size))


def is_busy(error: sqlite3.Error) -> bool:
    """Whether ``error`` is another connection holding the database (SQLITE_BUSY or
    SQLITE_LOCKED, extended codes included), not a fault of this one."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


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

    A first load (the writer finds fewer than `BULK_BELOW` quotes) goes in bulk
    instead: the quotes table's lookups (`quotedb.db.schema.create_lookups`) are
    dropped, quotes are written without full-text entries, batches arriving
    faster than one per `FLUSH_SECONDS` are committed together, and `finish`
    builds the full-text indexes, the lookups and the speakers' roles once, from
    every row. Row for row the database ends as the incremental path leaves it.
    Until `finish` the ``bulk_load`` table holds a row saying the database is
    incomplete; a load killed before then is finished by the next one, which
    skips the articles already stored.
    """

    def __init__(self, db: sqlite_utils.Database, settings: str = "", bulk: bool | None = None):
        """``bulk``: load in bulk, or not; by default decided at the first `store`."""
        self.db = db
        self.settings = settings
        self.bulk = bulk
        self._registry: speakers.Registry | None = None
        self._version: int | None = None
        self._saved: dict[int, tuple] = {}  # id() of each registry entry -> as in its row
        self._waiting: list[Sequence[tuple[Article, Sequence[Quote]]]] = []
        self._waiting_made: dict[str, str] = {}
        self._waiting_quotes = 0
        self._flushed = -math.inf

    def unchanged(self, article: Article) -> bool:
        """Whether the database already holds this article exactly as it would store it now."""
        made = self._waiting_made.get(article.id)
        if made is None:
            row = self.db.execute(
                "select fingerprint from articles where id = ?", [article.id]
            ).fetchone()
            made = row[0] if row else None
        return made == fingerprint(article, self.settings)

    def store(self, batch: Sequence[tuple[Article, Sequence[Quote]]]) -> int:
        """Replace these articles and their quotes; return the quotes stored.

        In a bulk load they may wait in memory for the next batch or `finish`,
        for at most `FLUSH_SECONDS` while batches keep coming.
        """
        count = sum(len(quotes) for _, quotes in batch)
        made = {article.id: fingerprint(article, self.settings) for article, _ in batch}
        if self.bulk is None:
            self.bulk = schema.bulk_pending(self.db) or self.db["quotes"].count < BULK_BELOW
        if not self.bulk:
            self._write([batch], made)
            return count
        self._waiting.append(batch)
        self._waiting_made.update(made)
        self._waiting_quotes += count
        waited = time.monotonic() - self._flushed
        if self._waiting_quotes >= FLUSH_QUOTES or waited >= FLUSH_SECONDS:
            self._flush()
        return count

    def finish(self) -> None:
        """Store what waits, and finish a bulk load: this writer's, or one a killed ingest left.

        Full-text search covers every quote afterwards; statements are linked
        separately (`quotedb.db.statements.link`).
        """
        self._flush()
        with write_transaction(self.db):
            if schema.bulk_pending(self.db):
                complete_bulk(self.db)
            else:
                refresh_search(self.db)
        self.bulk = None

    def _flush(self) -> None:
        batches, self._waiting = self._waiting, []
        made, self._waiting_made, self._waiting_quotes = self._waiting_made, {}, 0
        self._flushed = time.monotonic()
        if batches:
            self._write(batches, made)

    def _write(
        self, batches: Sequence[Sequence[tuple[Article, Sequence[Quote]]]], made: dict[str, str]
    ) -> None:
        """Store the batches in one transaction; ``made``: each article's `fingerprint`."""
        try:
            with write_transaction(self.db):
                if self.bulk:
                    begin_bulk(self.db)
                for batch in batches:
                    self._store(batch, made)
        except BaseException:
            self._registry = None  # it may hold speakers the rollback took back
            raise
        self._version = self._data_version()

    def _data_version(self) -> int:
        return self.db.execute("pragma data_version").fetchone()[0]

    def _registry_now(self) -> speakers.Registry:
        if self._registry is None or self._version != self._data_version():
            self._registry = speakers.Registry.from_db(self.db)
            self._saved = {id(entry): _as_saved(entry) for entry in self._registry.entries}
        return self._registry

    def _store(self, batch: Sequence[tuple[Article, Sequence[Quote]]], made: dict[str, str]) -> int:
        ids = [article.id for article, _ in batch]
        before = self._remove_quotes(ids)
        self.db.conn.executemany(
            _UPSERT_ARTICLE, [_article_row(article, made[article.id]) for article, _ in batch]
        )
        registry = self._registry_now()
        said = [(article, quote) for article, quotes in batch for quote in quotes]
        entries = [
            registry.add(q.speaker, q.speaker_kind or "person", speakers.forms(q), article.id)
            if q.speaker
            else None
            for article, q in said
        ]
        changed = [
            entry
            for entry in {id(e): e for e in entries if e is not None}.values()
            if self._saved.get(id(entry)) != _as_saved(entry)
        ]
        known = before | {entry.id for entry in changed if entry.id is not None}
        if not self.bulk:
            _speakers_search(self.db, "delete", known)
        for entry in changed:
            speakers.save(self.db, entry)
            self._saved[id(entry)] = _as_saved(entry)
        self.db.conn.executemany(
            _INSERT_QUOTE,
            [
                _quote_row(article.id, quote, entry.id if entry else None)
                for (article, quote), entry in zip(said, entries, strict=True)
            ],
        )
        if not self.bulk:
            self.db.execute(
                "insert into quotes_fts (rowid, text) select rowid, text from quotes"
                f" where article_id in ({','.join('?' * len(ids))})",
                ids,
            )
            quoted = {entry.id for entry in entries if entry is not None}
            speakers.refresh_roles(self.db, before | quoted)
        speakers.drop_unquoted(self.db, before)
        if before:
            self._registry = None  # it may hold speakers drop_unquoted just deleted
        if not self.bulk:
            _speakers_search(self.db, "insert", before | {entry.id for entry in changed})
        if corrections.apply(self.db, ids, reingested=True).speakers_changed:
            self._registry = None  # it may hold speakers that corrections merged away
        return len(said)

    def _remove_quotes(self, ids: list[str]) -> set[int]:
        """Delete the quotes of these articles; return who said them.

        Quotes are only ever written with their article, so a bulk load finds
        none to delete, nor needs the index to look for them, while these
        articles are new. Otherwise the index is made if a bulk load (this one,
        or one left unfinished) dropped it.
        """
        marks = ",".join("?" * len(ids))
        if self.bulk:
            stored = self.db.execute(f"select 1 from articles where id in ({marks})", ids)
            if stored.fetchone() is None:
                return set()
        schema.create_article_index(self.db)
        of_batch = f"from quotes where article_id in ({marks})"
        before = {
            row[0]
            for row in self.db.execute(
                f"select distinct speaker_id {of_batch} and speaker_id is not null", ids
            )
        }
        if self.bulk and before:
            # Replacing quotes can leave a speaker unquoted, which is found (and
            # dropped) through the quotes' speaker index: the bulk load ends here.
            complete_bulk(self.db)
            self.bulk = False
        if self.bulk:
            # What the statement triggers would note, for the rows about to go.
            self.db.execute(
                "insert or ignore into statement_changes"
                f" select statement_id {of_batch} and statement_id is not null",
                ids,
            )
        else:
            # quotes_fts indexes quotes as external content: an entry is removed by
            # giving FTS5 the exact values it indexed, so before the row goes.
            self.db.execute(
                f"insert into quotes_fts (quotes_fts, rowid, text) select 'delete', rowid, text"
                f" {of_batch}",
                ids,
            )
        self.db.execute(f"delete {of_batch}", ids)
        return before


def begin_bulk(db: sqlite_utils.Database) -> None:
    """Mark the database incomplete and drop the quotes' lookups, for rows to come in bulk."""
    if not schema.bulk_pending(db):
        db.execute(
            f"insert into {schema.BULK_LOAD} (started) values (?)",
            [dt.datetime.now(dt.UTC).isoformat(timespec="seconds")],
        )
    schema.drop_lookups(db)


def complete_bulk(db: sqlite_utils.Database) -> None:
    """What a bulk load left out, built from all rows; the database is complete again."""
    for table in ("quotes", "speakers"):
        db[table].rebuild_fts()
    schema.create_lookups(db)
    speakers.refresh_roles(db, (row[0] for row in db.execute("select id from speakers")))
    db.execute(f"delete from {schema.BULK_LOAD}")


def _as_saved(entry: speakers.Entry) -> tuple:
    """What a speaker row holds of its entry; a registry only ever adds aliases, so their count
    tells whether they changed."""
    return entry.name, entry.kind, entry.article, len(entry.aliases)


def _speakers_search(db: sqlite_utils.Database, action: str, speaker_ids: set[int | None]) -> None:
    """Take speakers out of (``delete``) or put them into (``insert``) speakers_fts."""
    ids = sorted(speaker_id for speaker_id in speaker_ids if speaker_id is not None)
    command = "'delete', " if action == "delete" else ""
    head = "speakers_fts, " if action == "delete" else ""
    for chunk in batches(ids):
        db.execute(
            f"insert into speakers_fts ({head}rowid, name, aliases)"
            f" select {command}id, name, aliases from speakers"
            f" where id in ({','.join('?' * len(chunk))})",
            chunk,
        )


def url_host(url: str | None) -> str | None:
    """The host ``url`` names, in lower case and without "www.": the outlet an article without
    a source was printed by. None for no url, or one without a host."""
    try:
        host = urllib.parse.urlsplit(url or "").hostname
    except ValueError:  # "http://[::1" and the like
        return None
    return host.removeprefix("www.") if host else None


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
        "host": url_host(article.url),
    }


_UPSERT_ARTICLE = (
    f"insert into articles ({', '.join(schema.ARTICLES)})"
    f" values ({', '.join(':' + column for column in schema.ARTICLES)})"
    f" on conflict (id) do update set"
    f" {', '.join(f'{column} = excluded.{column}' for column in schema.ARTICLES if column != 'id')}"
)
_QUOTE_COLUMNS = [column for column in schema.QUOTES if column != "statement_id"]
_INSERT_QUOTE = (
    f"insert or replace into quotes ({', '.join(f'[{column}]' for column in _QUOTE_COLUMNS)})"
    f" values ({', '.join('?' * len(_QUOTE_COLUMNS))})"
)


def _quote_row(article_id: str, quote: Quote, speaker_id: int | None) -> tuple:
    """The values of `_QUOTE_COLUMNS`, in order (binding a tuple is twice as fast as a dict)."""
    return (
        quote_id(article_id, quote.spans),
        article_id,
        speaker_id,
        quote.speaker_mention.text if quote.speaker_mention else None,
        quote.text,
        quote.type,
        quote.cue.text if quote.cue else None,
        quote.role,
        quote.date,
        quote.date_precision,
        quote.date_source,
        quote.stance,
        quote.stance_score,
        "; ".join(quote.stance_evidence) or None,
        quote.topic,
        quote.start,
        quote.end,
        _spans_json(quote.spans),
        quote.context,
        quote.confidence,
        quote.act,
    )


def _spans_json(spans: Sequence[tuple[int, int]]) -> str:
    """``json.dumps(spans)``, in a quarter of the time."""
    return "[" + ", ".join(f"[{start}, {end}]" for start, end in spans) + "]"


def store(db: sqlite_utils.Database, article: Article, quotes: Sequence[Quote]) -> int:
    """Replace one article and its quotes, searchable at once; return quotes stored."""
    writer = Writer(db)
    stored = writer.store([(article, quotes)])
    writer.finish()
    return stored


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
