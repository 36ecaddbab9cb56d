"""Search kept in step with corrections: the full-text entries of the rows a correction
changes, and the search index of the corrected articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import sqlite_utils

from .. import schema


@contextmanager
def _searchable(db: sqlite_utils.Database, table: str, ids: Iterable[object]) -> Iterator[None]:
    """Take these rows' full-text entries out while they change, and put back those of the
    rows still there; nothing while a bulk load leaves the entries to be built at its end."""
    ids = [row_id for row_id in ids if row_id is not None]
    indexed = not schema.bulk_pending(db)
    if indexed:
        _index_rows(db, table, ids, "delete")
    yield
    if indexed:
        _index_rows(db, table, ids, "insert")


def _index_rows(db: sqlite_utils.Database, table: str, ids: list, action: str) -> None:
    columns = [name for name in db[f"{table}_fts"].columns_dict if name != "rank"]
    names = ", ".join(f"[{name}]" for name in columns)
    marks = ",".join("?" * len(ids))
    if action == "delete":
        head, values = f"{table}_fts, rowid, {names}", f"'delete', rowid, {names}"
    else:
        head, values = f"rowid, {names}", f"rowid, {names}"
    db.execute(
        f"insert into {table}_fts ({head}) select {values} from {table} where id in ({marks})",
        ids,
    )


def refresh_index(db_path: str, article_ids: Iterable[str]) -> None:
    """Re-index the corrected articles' quotes in the search index, if there is one yet."""
    from ..search import QuoteIndex  # the search package builds on load, which calls here

    quote_index = QuoteIndex(db_path)
    ids = sorted(set(article_ids))
    if ids and quote_index.directory.exists():
        quote_index.update(ids)
