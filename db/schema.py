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
}
# article_id: the article an unnamed source was quoted in, for it is someone only
# there (`quotedb.db.speakers`); null for a source named the same across articles.
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
    "date_inferred": int,
    "stance": str,
    "stance_score": float,
    "stance_evidence": str,
    "topic": str,
    "start": int,
    "end": int,
    "spans": str,
    "context": str,
    "confidence": float,
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
# A speaker's current role is the role of their latest quote that has one
# (`quotedb.db.speakers.refresh_roles`): found in this index without reading
# the speaker's other quotes.
ROLE_INDEX = "quotes_speaker_role_date"
# One row per occurrence with the outlet that printed it (the article's source,
# else the host of its URL without "www.", else the article id) and the date it
# was seen (the article's publication date, else the statement date).
STATEMENT_OCCURRENCES = """
create view if not exists statement_occurrences as
select statement_id, quote_id, article_id, seen,
  coalesce(source, case when host like 'www.%' then substr(host, 5) else host end, article_id)
    as outlet,
  title, text, stance, type
from (
  select *, nullif(lower(substr(rest, 1, instr(rest || '/', '/') - 1)), '') as host
  from (
    select quotes.statement_id, quotes.id as quote_id, quotes.article_id,
      coalesce(articles.published, quotes.date) as seen,
      nullif(articles.source, '') as source, articles.title, quotes.text, quotes.stance,
      quotes.type,
      case when instr(articles.url, '://') > 0
        then substr(articles.url, instr(articles.url, '://') + 3) end as rest
    from quotes join articles on articles.id = quotes.article_id
  )
)
"""


def create(db: sqlite_utils.Database) -> None:
    """Create whatever is missing: tables, indexes, full-text search. Safe to repeat.

    While a bulk load is pending the quotes table's lookups stay missing: the load
    that finishes it creates them once, over every row.
    """
    db.enable_wal()
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
    """The quotes table's indexes and statement triggers.

    Each costs every insert a B-tree update or a lookup; a bulk load drops them
    (`drop_lookups`) and has SQLite build each index once, from sorted keys.
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
    for name in QUOTE_TRIGGERS:
        db.execute(f"drop trigger if exists {name}")


def bulk_pending(db: sqlite_utils.Database) -> bool:
    """Whether a bulk load has begun and not finished (it may have been killed)."""
    return db[BULK_LOAD].exists() and bool(db.execute(f"select 1 from {BULK_LOAD}").fetchone())
