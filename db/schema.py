"""The database schema: the tables, columns and indexes users query.

``articles``, ``speakers`` and ``quotes`` are the contract; quotes link to their
article and speaker by foreign key, so Datasette shows names and links.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

# Columns people facet and filter quotes by; an article's quotes are found through
# `ARTICLE_INDEX`.
FACETS = ("speaker_id", "stance", "type", "date", "role")
ARTICLE_INDEX = "idx_quotes_article_id_start"
# Holds a row while a bulk load (`quotedb.db.load`) has the quotes table without
# its lookups and full-text entries: the database is incomplete until it is gone.
BULK_LOAD = "bulk_load"

ARTICLES = {
    "id": str,
    "title": str,
    "url": str,
    "source": str,
    "published": str,
    "path": str,
    "text": str,
    "content_hash": str,
    # What the article's rows were made from (`quotedb.db.load.fingerprint`):
    # an unchanged article is skipped before any parsing.
    "fingerprint": str,
    # The host the url names, without "www." (`quotedb.db.load.url_host`).
    "host": str,
}
# article_id: the article an unnamed source (or a body only a common noun describes,
# "the company") was quoted in, for it is someone only there (`quotedb.db.speakers`);
# null for a source named the same across articles.
SPEAKERS = {"id": int, "name": str, "kind": str, "role": str, "aliases": str, "article_id": str}
QUOTES = {
    "id": str,
    "article_id": str,
    "speaker_id": int,
    "speaker_mention": str,
    "text": str,
    "type": str,
    "cue": str,
    "role": str,
    "date": str,
    "date_precision": str,
    "date_source": str,
    "stance": str,
    "stance_score": float,
    "stance_evidence": str,
    "topic": str,
    "start": int,
    "end": int,
    "spans": str,
    "context": str,
    "confidence": float,
    "act": str,
    "statement_id": int,
}
STATEMENTS = {
    "id": int,
    "speaker_id": int,
    "text": str,
    "first_seen": str,
    "last_seen": str,
    "occurrences": int,
    "articles": int,
    "outlets": int,
    "stance": str,
    "match_key": int,
    "head": int,
}
# Every correction a person made, oldest first: the audit trail, and what every
# ingest applies again (`quotedb.db.corrections`).
CORRECTIONS = {
    "id": int,
    "target": str,
    "article_id": str,
    "quote_id": str,
    "words": str,
    "spans": str,
    "field": str,
    "before": str,
    "after": str,
    "actor": str,
    "at": str,
    "note": str,
    "status": str,
}
# Quotes a person marked "not a quote": out of the quotes table (so out of its
# pages, facets, search and exports), kept here to be restored.
NOT_QUOTES = "not_quotes"
# Bookkeeping for quotedb.db.statements: every deletion, replacement or change of
# speaker of a linked quote, and every change of an article's outlet or date, notes
# the statement it touches so the next linking run recounts only those.
QUOTE_TRIGGERS = {
    "quotes_statement_deleted": """after delete on quotes when old.statement_id is not null
    begin insert or ignore into statement_changes values (old.statement_id); end""",
    "quotes_statement_replaced": """before insert on quotes
    begin
      insert or ignore into statement_changes
      select statement_id from quotes where id = new.id and statement_id is not null;
    end""",
    "quotes_statement_respoken": """after update of speaker_id, text on quotes
    when old.statement_id is not null
    begin insert or ignore into statement_changes values (old.statement_id); end""",
}
ARTICLE_TRIGGER = """create trigger if not exists articles_statement_reseen
    after update of source, url, published on articles
    when old.source is not new.source or old.url is not new.url
      or old.published is not new.published
    begin
      insert or ignore into statement_changes
      select statement_id from quotes where article_id = new.id and statement_id is not null;
    end"""
# Every write to what the search index holds (quotedb.db.search) bumps one
# counter, so the index, which records the count it reflects, knows when it is
# behind, whatever made the write: an ingest, a correction, or plain SQL.
SEARCH_STATE = "search_state"
SEARCH_WRITES = "writes"
_BUMP = f"begin update {SEARCH_STATE} set value = value + 1 where name = '{SEARCH_WRITES}'; end"
SEARCH_TRIGGERS = {
    "search_quote_added": f"after insert on quotes {_BUMP}",
    "search_quote_removed": f"after delete on quotes {_BUMP}",
    "search_quote_changed": "after update of id, article_id, speaker_id, text, role, stance,"
    f" type, date on quotes {_BUMP}",
    "search_speaker_added": f"after insert on speakers {_BUMP}",
    "search_speaker_removed": f"after delete on speakers {_BUMP}",
    "search_speaker_changed": f"after update of id, name, aliases on speakers {_BUMP}",
    "search_article_added": f"after insert on articles {_BUMP}",
    "search_article_removed": f"after delete on articles {_BUMP}",
    "search_article_changed": f"after update of id, title on articles {_BUMP}",
}
# A speaker's current role is the role of their latest quote that has one
# (`quotedb.db.speakers.refresh_roles`): found in this index without reading
# the speaker's other quotes.
ROLE_INDEX = "quotes_speaker_role_date"
# One row per occurrence with the outlet that printed it (the article's source,
# else the host of its URL, else the article id) and the date it was seen (the
# article's publication date, else the statement date).
STATEMENT_OCCURRENCES = """
create view if not exists statement_occurrences as
select quotes.statement_id, quotes.id as quote_id, quotes.article_id,
  coalesce(articles.published, quotes.date) as seen,
  coalesce(nullif(articles.source, ''), articles.host, quotes.article_id) as outlet,
  articles.title, quotes.text, quotes.stance, quotes.type
from quotes join articles on articles.id = quotes.article_id
"""


def create(db: sqlite_utils.Database) -> None:
    """Create whatever is missing: tables, indexes, full-text search. Safe to repeat.

    While a bulk load is pending the quotes table's lookups stay missing: the load
    that finishes it creates them once, over every row.
    """
    db["articles"].create(ARTICLES, pk="id", not_null={"text"}, if_not_exists=True)
    db["speakers"].create(
        SPEAKERS,
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"name"},
        if_not_exists=True,
    )
    db["statements"].create(
        STATEMENTS,
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")],
        not_null={"text"},
        if_not_exists=True,
    )
    db["statement_shingles"].create(
        {"hash": int, "statement_id": int}, pk=("hash", "statement_id"), if_not_exists=True
    )
    db["statement_changes"].create({"statement_id": int}, pk="statement_id", if_not_exists=True)
    db["quotes"].create(
        QUOTES,
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("speaker_id", "speakers", "id"),
            ("statement_id", "statements", "id"),
        ],
        not_null={"article_id", "text", "type"},
        if_not_exists=True,
    )
    db[BULK_LOAD].create({"started": str}, if_not_exists=True)
    MIGRATIONS.apply(db)
    for column in ("speaker_id", "stance", "articles", "match_key", "head"):
        db["statements"].create_index([column], if_not_exists=True)
    # One statement per call: executescript would commit the caller's transaction.
    for sql in (ARTICLE_TRIGGER, STATEMENT_OCCURRENCES):
        db.execute(sql)
    # One name per article for unnamed sources, one per database for the others.
    db.execute(
        "create unique index if not exists speakers_name_article"
        " on speakers (name, ifnull(article_id, ''))"
    )
    if not bulk_pending(db):
        create_lookups(db)
    db["speakers"].create_index(["kind"], if_not_exists=True)
    db["speakers"].create_index(["role"], if_not_exists=True)
    if not db["quotes_fts"].exists():
        db["quotes"].enable_fts(["text"], tokenize="porter")
    if not db["speakers_fts"].exists():
        db["speakers"].enable_fts(["name", "aliases"], tokenize="porter")
    if not db["statements_fts"].exists():
        # Statements are rewritten in place as reprints arrive, so triggers keep
        # their search in step; there are far fewer of them than quotes.
        db["statements"].enable_fts(["text"], tokenize="porter", create_triggers=True)


# Changes to databases made by earlier versions, each applied once and recorded in
# ``_sqlite_migrations``. Tables created since already have these columns, and
# databases made before this list existed have some of them: hence the checks.
MIGRATIONS = Migrations("quotedb")


def _add_column(table: sqlite_utils.db.Table, column: str, type_: type, **options) -> None:
    if column not in table.columns_dict:
        table.add_column(column, type_, **options)


@MIGRATIONS()
def columns_of_earlier_versions(db: sqlite_utils.Database) -> None:
    """Columns and indexes added before migrations were recorded."""
    _add_column(db["articles"], "fingerprint", str)
    _add_column(db["speakers"], "article_id", str, fk="articles", fk_col="id")
    _add_column(db["quotes"], "statement_id", int, fk="statements", fk_col="id")
    _add_column(db["quotes"], "stance_evidence", str)
    db.execute("drop index if exists idx_speakers_name")


@MIGRATIONS()
def article_hosts(db: sqlite_utils.Database) -> None:
    """``articles.host``, filled from each URL, and the view reading it made again."""
    from .load import url_host  # load builds on this module

    if "host" in db["articles"].columns_dict:
        return
    db["articles"].add_column("host", str)
    if "url" not in db["articles"].columns_dict:
        return
    db.conn.executemany(
        "update articles set host = ? where id = ?",
        [(url_host(url), id_) for id_, url in db.execute("select id, url from articles")],
    )
    db.execute("drop view if exists statement_occurrences")


@MIGRATIONS()
def quote_date_source_and_act(db: sqlite_utils.Database) -> None:
    """``date_source`` (statement | article) and ``act`` (speech | thought). Before
    `corrections`, whose ``not_quotes`` table copies the quotes' columns: a column
    added to quotes later must be added to ``not_quotes`` too."""
    _add_column(db["quotes"], "date_source", str)
    _add_column(db["quotes"], "act", str)


@MIGRATIONS()
def corrections(db: sqlite_utils.Database) -> None:
    """The corrections table, the quotes' corrected state and the quotes set aside.

    ``verified``: a person confirmed the quote; ``machine_values``: JSON of what the
    extractor said for each field a person changed (null: nothing changed).
    Neither comes from extraction, so the loader's inserts leave them at their
    defaults and `quotedb.db.corrections.apply` sets them again.
    """
    _add_column(db["quotes"], "verified", int, not_null_default=0)
    _add_column(db["quotes"], "machine_values", str)
    db[NOT_QUOTES].create(
        {name: db["quotes"].columns_dict[name] for name in db["quotes"].columns_dict},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        if_not_exists=True,
    )
    db["corrections"].create(CORRECTIONS, pk="id", not_null={"target", "field"})
    for columns in (["article_id"], ["quote_id"], ["target", "words"]):
        db["corrections"].create_index(columns)


def create_lookups(db: sqlite_utils.Database) -> None:
    """The quotes table's indexes, statement triggers and search triggers.

    Each costs every insert a B-tree update or a lookup; a bulk load drops them
    (`drop_lookups`) and has SQLite build each index once, from sorted keys. The
    search index counts itself behind while its triggers are missing.
    """
    create_article_index(db)
    db["quotes"].create_index(["statement_id"], if_not_exists=True)
    for column in FACETS:
        db["quotes"].create_index([column], if_not_exists=True)
    db.execute(
        f"create index if not exists {ROLE_INDEX} on quotes (speaker_id, date) where role != ''"
    )
    for name, body in QUOTE_TRIGGERS.items():
        db.execute(f"create trigger if not exists {name} {body}")
    create_search_triggers(db)


def create_search_triggers(db: sqlite_utils.Database) -> None:
    """The counter of writes the search index has to follow (`SEARCH_TRIGGERS`)."""
    db[SEARCH_STATE].create({"name": str, "value": str}, pk="name", if_not_exists=True)
    db.execute(
        f"insert or ignore into {SEARCH_STATE} (name, value) values (?, '0')", [SEARCH_WRITES]
    )
    for name, body in SEARCH_TRIGGERS.items():
        db.execute(f"create trigger if not exists {name} {body}")


def create_article_index(db: sqlite_utils.Database) -> None:
    """`ARTICLE_INDEX`, which replacing an article's quotes needs (a bulk load too, if it
    replaces any)."""
    db["quotes"].create_index(["article_id", "start"], index_name=ARTICLE_INDEX, if_not_exists=True)


def drop_lookups(db: sqlite_utils.Database) -> None:
    """Drop what `create_lookups` creates."""
    db.execute(f"drop index if exists {ARTICLE_INDEX}")
    for column in ("statement_id", *FACETS):
        db.execute(f"drop index if exists idx_quotes_{column}")
    db.execute(f"drop index if exists {ROLE_INDEX}")
    for name in (*QUOTE_TRIGGERS, *SEARCH_TRIGGERS):
        db.execute(f"drop trigger if exists {name}")


def bulk_pending(db: sqlite_utils.Database) -> bool:
    """Whether a bulk load has begun and not finished (it may have been killed)."""
    return db[BULK_LOAD].exists() and bool(db.execute(f"select 1 from {BULK_LOAD}").fetchone())
