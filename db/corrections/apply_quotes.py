"""Quote corrections applied: each anchored to the quote its words are now (`anchor`),
and each corrected quote set to the extractor's values overridden by what people
decided, in ``not_quotes`` if a person said it is not a quote."""

from __future__ import annotations

import json

import sqlite_utils

from .. import speakers
from ..schema import NOT_QUOTES
from .anchor import _anchor
from .apply_speakers import _speaker_for
from .fields import _COLUMNS
from .index import _searchable
from .status import APPLIED, ORPHANED, Applied


def _apply_quotes(
    db: sqlite_utils.Database, article_ids: list[str], reingested: bool, applied: Applied
) -> None:
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        "select id, article_id, words, spans, field, after from corrections"
        f" where target = 'quote' and article_id in ({marks}) order by id",
        article_ids,
    ).fetchall()
    if not rows:
        return
    if reingested:
        # The extractor's rows just replaced these articles' quotes: the ones set
        # aside are older copies, set aside again below if still corrected so.
        db.execute(f"delete from {NOT_QUOTES} where article_id in ({marks})", article_ids)
    texts = dict(
        db.execute(f"select id, text from articles where id in ({marks})", article_ids).fetchall()
    )
    anchors: dict[tuple[str, str, str], str | None] = {}
    decided: dict[str, dict[str, str]] = {}
    for correction_id, article_id, words, spans, field_name, after in rows:
        anchor = (article_id, words, spans)
        if anchor not in anchors:
            anchors[anchor] = _anchor(db, texts.get(article_id) or "", *anchor)
        quote_id = anchors[anchor]
        status = APPLIED if quote_id else ORPHANED
        db.execute(
            "update corrections set quote_id = ?, status = ? where id = ? and"
            " (quote_id is not ? or status is not ?)",
            [quote_id, status, correction_id, quote_id, status],
        )
        if quote_id is None:
            applied.orphaned += 1
        elif field_name != "note":
            decided.setdefault(quote_id, {})[field_name] = after
    for quote_id, fields in decided.items():
        _decide(db, quote_id, fields, texts, applied)


def _decide(
    db: sqlite_utils.Database,
    quote_id: str,
    fields: dict[str, str],
    texts: dict[str, str],
    applied: Applied,
) -> None:
    """Set one quote to the extractor's values overridden by ``fields`` (field -> last value).

    Without a speaker correction of its own the quote keeps the speaker it has: the
    extractor's, or the one a speaker correction (`_apply_speakers`) gave it.
    """
    row = _quote_row(db, quote_id)
    assert row is not None
    was = json.loads(row["machine_values"] or "{}")
    machine = {**_current(db, row), **was}
    changes: dict[str, object] = {}
    differs = {"speaker": was["speaker"]} if "speaker" in was else {}
    for name in (*_COLUMNS, "span", "speaker"):
        wanted = fields.get(name, machine[name])
        if name in fields:
            differs.pop(name, None)
            if wanted != machine[name]:
                differs[name] = machine[name]
        if name in _COLUMNS:
            changes[name] = (wanted or None) if name in fields else wanted
    if "speaker" in fields:
        changes["speaker_id"], made = _speaker_for(db, fields["speaker"], row["article_id"])
        applied.speakers_changed |= made
    spans = fields.get("span", machine["span"])
    if spans != row["spans"]:
        pieces = json.loads(spans)
        text = texts.get(row["article_id"]) or ""
        changes |= {"spans": spans, "start": pieces[0][0], "end": pieces[-1][1]}
        changes["text"] = " ... ".join(text[s:e] for s, e in pieces)
    changes["verified"] = int(fields.get("verified", "0"))
    changes["machine_values"] = json.dumps(differs, ensure_ascii=False) if differs else None
    here = _table_of(db, quote_id)
    table = NOT_QUOTES if fields.get("is_quote", "1") == "0" else "quotes"
    if here == table and all(row[name] == value for name, value in changes.items()):
        return
    with _searchable(db, "quotes", [quote_id]):
        sets = ", ".join(f"[{name}] = ?" for name in changes)
        db.execute(f"update {here} set {sets} where id = ?", [*changes.values(), quote_id])
        if here != table:
            _move(db, quote_id, here, table)
    applied.articles.add(row["article_id"])
    speaker = changes.get("speaker_id", row["speaker_id"])
    speakers.refresh_roles(db, {row["speaker_id"], speaker})
    if row["speaker_id"] not in (None, speaker):
        with _searchable(db, "speakers", [row["speaker_id"]]):
            speakers.drop_unquoted(db, [row["speaker_id"]])
        applied.speakers_changed = True


def _move(db: sqlite_utils.Database, quote_id: str, source: str, target: str) -> None:
    columns = ", ".join(f"[{name}]" for name in db["quotes"].columns_dict)
    db.execute(
        f"insert or replace into {target} ({columns}) select {columns} from {source} where id = ?",
        [quote_id],
    )
    db.execute(f"delete from {source} where id = ?", [quote_id])


def _table_of(db: sqlite_utils.Database, quote_id: str) -> str | None:
    for table in ("quotes", NOT_QUOTES):
        if db.execute(f"select 1 from {table} where id = ?", [quote_id]).fetchone():
            return table
    return None


def _quote_row(db: sqlite_utils.Database, quote_id: str) -> dict | None:
    """The quote's row, from quotes or, if a person set it aside, from not_quotes."""
    table = _table_of(db, quote_id)
    if table is None:
        return None
    return next(db.query(f"select * from {table} where id = ?", [quote_id]))


def _current(db: sqlite_utils.Database, row: dict) -> dict[str, str | None]:
    """The quote's correctable values as they stand, with the speaker by name."""
    speaker = None
    if row["speaker_id"] is not None:
        found = db.execute("select name from speakers where id = ?", [row["speaker_id"]]).fetchone()
        speaker = found[0] if found else None
    return {
        **{name: row[name] for name in _COLUMNS},
        "speaker": speaker,
        "span": row["spans"],
        "verified": str(row["verified"] or 0),
        "is_quote": "1" if _table_of(db, row["id"]) == "quotes" else "0",
    }
