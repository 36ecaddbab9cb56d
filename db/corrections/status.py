"""Where corrections stand: whether each still applies (``applied``) or its quoted words
were not found at the last ingest (``orphaned``), and what applying corrections changed."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

APPLIED, ORPHANED = "applied", "orphaned"


@dataclass
class Applied:
    """What applying corrections changed."""

    articles: set[str] = field(default_factory=set)  # articles whose quotes changed
    speakers_changed: bool = False  # speaker rows were added, changed or deleted
    orphaned: int = 0  # quote corrections whose words are no longer found


def orphaned(db: sqlite_utils.Database) -> list[dict]:
    """Quote corrections whose words were not found at the last ingest of their article."""
    return list(db.query("select * from corrections where status = ? order by id", [ORPHANED]))
