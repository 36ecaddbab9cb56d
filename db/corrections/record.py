"""Recording a person's correction of a quote or a speaker: checked, written to the
``corrections`` table (the audit trail) and applied at once."""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from ..schema import CORRECTIONS
from .apply_quotes import _current, _quote_row
from .apply_speakers import _speaker_named
from .applying import apply
from .fields import QUOTE_FIELDS, SPEAKER_FIELDS, CorrectionError, _checked
from .status import APPLIED, Applied


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def correct_quote(
    db: sqlite_utils.Database,
    quote_id: str,
    field_name: str,
    value: str,
    actor: str,
    note: str | None = None,
) -> Applied:
    """Record a correction of one quote and apply it. Run inside a write transaction.

    ``value`` for ``speaker`` is a name: an existing speaker's (or alias's), else a
    new speaker.
    """
    row = _quote_row(db, quote_id)
    if row is None:
        raise CorrectionError(f"no quote {quote_id!r}")
    value = _checked(QUOTE_FIELDS, field_name, value)
    if field_name == "span":
        _spans_in(db, row["article_id"], value)
    before = _current(db, row).get(field_name)
    _record(
        db,
        target="quote",
        article_id=row["article_id"],
        quote_id=quote_id,
        words=row["text"],
        spans=row["spans"],
        field=field_name,
        before=before,
        after=value,
        actor=actor,
        note=note,
    )
    return apply(db, [row["article_id"]])


def correct_speaker(
    db: sqlite_utils.Database,
    speaker_id: int,
    field_name: str,
    value: str,
    actor: str,
    note: str | None = None,
) -> Applied:
    """Record a speaker correction and apply it across the corpus. Run inside a write
    transaction. ``merge``'s value: the name (or an alias) of another speaker."""
    row = db.execute("select name, article_id from speakers where id = ?", [speaker_id]).fetchone()
    if row is None:
        raise CorrectionError(f"no speaker {speaker_id!r}")
    value = _checked(SPEAKER_FIELDS, field_name, value)
    if field_name == "merge":
        into = _speaker_named(db, value, row[1])
        if into is None or into == speaker_id:
            raise CorrectionError(f"no other speaker named {value!r} to merge into")
        value = db.execute("select name from speakers where id = ?", [into]).fetchone()[0]
    _record(
        db,
        target="speaker",
        article_id=row[1],
        words=row[0],
        field=field_name,
        before=row[0],
        after=value,
        actor=actor,
        note=note,
    )
    return apply(db, ())


def _record(db: sqlite_utils.Database, **values: object) -> None:
    values.setdefault("at", _now())
    values.setdefault("status", APPLIED)
    db["corrections"].insert({name: values.get(name) for name in CORRECTIONS if name != "id"})


def _spans_in(db: sqlite_utils.Database, article_id: str, value: str) -> None:
    """Check that ``value`` is JSON spans inside the article's text."""
    (length,) = db.execute(
        "select length(text) from articles where id = ?", [article_id]
    ).fetchone()
    try:
        pieces = json.loads(value)
        if not pieces or any(not 0 <= s < e <= length for s, e in pieces):
            raise ValueError
    except (ValueError, TypeError):
        raise CorrectionError(
            f"span must be JSON [[start, end], ...] within the article's {length} characters"
        ) from None
