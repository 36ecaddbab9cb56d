"""The database schema: the tables, columns and indexes users query.

``articles``, ``speakers`` and ``quotes`` are the contract; quotes link to their
article and speaker by foreign key, so Datasette shows names and links.
"""

from __future__ import annotations

import sqlite_utils

FACETS = ("speaker_id", "stance", "type", "date", "role", "article_id")

ARTICLES = {
    "id": str,
    "title": str,
    "url": str,
    "source": str,
    "published": str,
    "path": str,
    "text": str,
    "content_hash": str,
}
SPEAKERS = {"id": int, "name": str, "kind": str, "role": str, "aliases": str}
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
    "topic": str,
    "start": int,
    "end": int,
    "spans": str,
    "context": str,
    "confidence": float,
}


def create(db: sqlite_utils.Database) -> None:
    """Create whatever is missing: tables, indexes, full-text search. Safe to repeat."""
    db.enable_wal()
    db["articles"].create(ARTICLES, pk="id", not_null={"text"}, if_not_exists=True)
    db["speakers"].create(SPEAKERS, pk="id", not_null={"name"}, if_not_exists=True)
    db["quotes"].create(
        QUOTES,
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        not_null={"article_id", "text", "type"},
        if_not_exists=True,
    )
    db["speakers"].create_index(["name"], unique=True, if_not_exists=True)
    for column in FACETS:
        db["quotes"].create_index([column], if_not_exists=True)
    db["quotes"].create_index(["article_id", "start"], if_not_exists=True)
    db["speakers"].create_index(["kind"], if_not_exists=True)
    db["speakers"].create_index(["role"], if_not_exists=True)
    if not db["quotes_fts"].exists():
        db["quotes"].enable_fts(["text"], tokenize="porter")
    if not db["speakers_fts"].exists():
        db["speakers"].enable_fts(["name", "aliases"], tokenize="porter")
