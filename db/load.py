"""Write articles and their quotes into the database, one transaction per article.

Loading is idempotent: an article's id comes from its file, a quote's id from
its article and offsets, so re-ingesting replaces rows instead of adding them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import sqlite_utils
from quotedb.ingest.records import Article, Quote

from . import schema


def quote_id(article_id: str, spans: Sequence[tuple[int, int]]) -> str:
    key = article_id + "|" + ";".join(f"{s}-{e}" for s, e in spans)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def open_db(path: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    schema.create(db)
    return db


def speaker_id(db: sqlite_utils.Database, quote: Quote) -> int | None:
    """The id of the quote's speaker, adding the speaker (or the new alias) if needed."""
    if not quote.speaker:
        return None
    rows = list(db["speakers"].rows_where("name = ?", [quote.speaker], limit=1))
    mention = quote.speaker_mention.text if quote.speaker_mention else None
    if rows:
        row = rows[0]
        aliases = json.loads(row["aliases"] or "[]")
        updates: dict[str, object] = {}
        if mention and mention not in aliases and mention != quote.speaker:
            updates["aliases"] = json.dumps(sorted({*aliases, mention}))
        if quote.role and quote.role != row["role"]:
            updates["role"] = quote.role
        if updates:
            db["speakers"].update(row["id"], updates)
        return row["id"]
    aliases = [mention] if mention and mention != quote.speaker else []
    return (
        db["speakers"]
        .insert(
            {
                "name": quote.speaker,
                "kind": quote.speaker_kind,
                "role": quote.role,
                "aliases": json.dumps(aliases),
            }
        )
        .last_pk
    )


def store(db: sqlite_utils.Database, article: Article, quotes: Sequence[Quote]) -> int:
    """Replace one article and its quotes in a single transaction; return quotes stored."""
    with db.atomic():
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
        db.execute("delete from quotes where article_id = ?", [article.id])
        rows = [
            {
                "id": quote_id(article.id, quote.spans),
                "article_id": article.id,
                "speaker_id": speaker_id(db, quote),
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
            for quote in quotes
        ]
        db["quotes"].insert_all(rows, pk="id", replace=True)
    return len(rows)


def refresh_search(db: sqlite_utils.Database) -> None:
    """Rebuild the full-text indexes once after a batch, not row by row."""
    db["quotes"].rebuild_fts()
    db["speakers"].rebuild_fts()
