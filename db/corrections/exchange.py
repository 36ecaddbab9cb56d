"""Corrections between databases: exported one JSON object a line (which the training
commands read too), read back, and imported without repeating those already here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import sqlite_utils

from ..schema import CORRECTIONS
from .applying import apply
from .fields import QUOTE_FIELDS, SPEAKER_FIELDS, CorrectionError, _checked
from .record import _record
from .status import Applied

# What makes an imported correction the same as one already here.
_SAME = ("target", "article_id", "words", "field", "after", "actor", "at")


def import_corrections(db: sqlite_utils.Database, records: Iterable[dict]) -> tuple[int, Applied]:
    """Add exported corrections (`export_corrections`) not already here, and apply them.

    Run inside a write transaction. Returns how many were added and what applying
    them changed. A correction already here (same target, words, field, value,
    actor and time) is skipped, so importing twice adds nothing.
    """
    added, articles, speakers_touched = 0, set(), False
    for number, record in enumerate(records, start=1):
        values = {name: record.get(name) for name in CORRECTIONS if name not in ("id", "status")}
        fields = {"quote": QUOTE_FIELDS, "speaker": SPEAKER_FIELDS}.get(values["target"])
        if fields is None:
            raise CorrectionError(f"correction {number}: target must be quote or speaker")
        try:
            values["after"] = _checked(fields, values["field"], values["after"])
        except CorrectionError as error:
            raise CorrectionError(f"correction {number}: {error}") from None
        if db.execute(
            "select 1 from corrections where " + " and ".join(f"[{key}] is ?" for key in _SAME),
            [values[key] for key in _SAME],
        ).fetchone():
            continue
        _record(db, **values)
        added += 1
        if values["target"] == "quote":
            articles.add(values["article_id"])
        else:
            speakers_touched = True
    applied = apply(db, articles) if articles or speakers_touched else Applied()
    return added, applied


def read_exported(lines: Iterable[str], name: str) -> Iterator[dict]:
    """The corrections of an export (`export_corrections`, one JSON object a line), as
    ``quotedb corrections import`` and the training commands read them; a line that is
    not one is refused, naming ``name`` and the line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not {"target", "field"} <= record.keys():
                raise ValueError("needs at least target and field")
        except ValueError as error:
            raise CorrectionError(f"{name}:{number}: not a correction ({error})") from None
        yield record


def export_corrections(db: sqlite_utils.Database) -> Iterator[dict]:
    """Every correction, oldest first: the anchor (article, quoted words, spans), the field,
    before and after, who, when, the note and whether it still applies; for a quote
    still in the table, also its ``speaker`` and the ``stance_target`` its stance is
    toward, so that ``quotedb train stance --corrections`` can learn from it."""
    if db["corrections"].exists():
        yield from db.query(
            "select corrections.*, speakers.name as speaker, quotes.topic as stance_target"
            " from corrections left join quotes on quotes.id = corrections.quote_id"
            " left join speakers on speakers.id = quotes.speaker_id order by corrections.id"
        )
