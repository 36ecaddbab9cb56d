"""Applying the corrections: every speaker correction across the corpus, then the quote
corrections of the articles given, after each ingest and each new correction."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from .apply_quotes import _apply_quotes
from .apply_speakers import _apply_speakers
from .status import Applied


def apply(
    db: sqlite_utils.Database, article_ids: Iterable[str], reingested: bool = False
) -> Applied:
    """Apply every speaker correction, and the quote corrections of these articles.

    The loader calls this after storing each batch (``reingested``: the
    articles' quotes were just replaced by the extractor's); the correcting
    functions after recording one. Safe to repeat: values are decided from
    what the extractor said (``machine_values``) and the corrections, never
    from a previous application.

    Full-text entries are kept in step unless a bulk load is pending (it
    builds them from every row when it finishes).
    """
    applied = Applied()
    if not db.execute("select 1 from corrections limit 1").fetchone():
        return applied
    ids = sorted(set(article_ids))
    _apply_speakers(db, applied)
    for start in range(0, len(ids), 500):
        _apply_quotes(db, ids[start : start + 500], reingested, applied)
    return applied
