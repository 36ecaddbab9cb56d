"""What the database records about the index it is in step with.

``search_state`` holds the number of writes to indexed columns so far
(``writes``, bumped by `quotedb.db.schema.SEARCH_TRIGGERS`), the number the
index reflects (``indexed``), the index generation that reflects it
(``generation``), and ``pending``, set while an ingest writes ahead of the index.
"""

from __future__ import annotations

import sqlite_utils
from quotedb.db import schema
from whoosh import index


def read(db: sqlite_utils.Database) -> dict[str, str]:
    """The state as recorded, empty if nothing was."""
    if not db[schema.SEARCH_STATE].exists():
        return {}
    return {row["name"]: row["value"] for row in db[schema.SEARCH_STATE].rows}


def write(db: sqlite_utils.Database, **values: str) -> None:
    db[schema.SEARCH_STATE].upsert_all(
        [{"name": name, "value": value} for name, value in values.items()], pk="name"
    )


def writes(db: sqlite_utils.Database) -> str:
    """The count of writes so far, read before the index reads what they wrote.

    A write made after this and before the index commits then leaves the index
    recorded as behind, never as current.
    """
    with db.conn:  # committed now: no write lock held while the index is built
        schema.create_search_triggers(db)
    return read(db)[schema.SEARCH_WRITES]


def record(db: sqlite_utils.Database, ix: index.Index, seen: str) -> None:
    """Record that the index's latest generation reflects the ``seen`` writes."""
    write(db, pending="0", indexed=seen, generation=str(ix.latest_generation()))


def current(db: sqlite_utils.Database, ix: index.Index) -> bool:
    """Whether ``ix`` reflects every write the database has counted, and it counts them all."""
    state = read(db)
    return (
        state.get("pending") == "0"
        and _counting(db)
        and state.get("indexed") == state.get(schema.SEARCH_WRITES)
        and state.get("generation") == str(ix.latest_generation())
    )


def _counting(db: sqlite_utils.Database) -> bool:
    """Whether every search trigger is there (a bulk load drops them, older databases lack
    them)."""
    names = list(schema.SEARCH_TRIGGERS)
    found = db.execute(
        f"select count(*) from sqlite_master where type = 'trigger'"
        f" and name in ({', '.join('?' * len(names))})",
        names,
    ).fetchone()[0]
    return found == len(names)
