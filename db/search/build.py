"""Writing the index: a parallel rebuild, and the pieces an update is made of."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from whoosh import index, searching, writing
from whoosh.codec.base import Segment

from quotedb.processes import forkserver_context

from .schema import _DOCUMENTS_SQL, _Documents

#: Memory the index writer fills before spilling sorted postings to disk. It
#: bounds an ingest's memory however many quotes it indexes: at 128 MB the
#: writer alone took 40% more memory than parsing on a corpus of 15,000 quotes.
WRITER_MB = 32


def _fresh(directory: Path, clear: bool = False) -> Path:
    if clear and directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


#: Fewer quotes than this per process are indexed by fewer processes: starting
#: one (a fork, then importing Whoosh: about 0.4 s) costs what indexing some 300
#: quotes does.
MIN_QUOTES_PER_PROCESS = 500
#: The lowest and highest rowids SQLite allows.
_ROWIDS = (-(2**63), 2**63 - 1)


def _rowid_ranges(db: sqlite_utils.Database, procs: int) -> list[tuple[int, int]]:
    """Inclusive rowid ranges splitting the quotes into ``procs`` runs of about equal size."""
    total = db.execute("select count(*) from quotes").fetchone()[0]
    parts = max(1, min(procs, total // MIN_QUOTES_PER_PROCESS))
    cuts = [
        db.execute(
            "select rowid from quotes order by rowid limit 1 offset ?", [total * part // parts]
        ).fetchone()[0]
        for part in range(1, parts)
    ]
    lows = [_ROWIDS[0], *cuts]
    highs = [cut - 1 for cut in cuts] + [_ROWIDS[1]]
    return list(zip(lows, highs, strict=True))


def _delete(
    writer: writing.SegmentWriter, searcher: searching.Searcher, replaced: set[int], **term: str
) -> None:
    """Delete the documents with ``term`` (field=value), adding their numbers to ``replaced``.

    Whoosh's ``delete_by_term`` would look them up again, in the same searcher.
    """
    for docnum in list(searcher.document_numbers(**term)):
        writer.delete_document(docnum)
        replaced.add(docnum)


def _add_documents(
    writer: writing.SegmentWriter, db: sqlite_utils.Database, rowids: tuple[int, int]
) -> int:
    """Add the quotes whose rowids are in ``rowids`` to ``writer``, in rowid order."""
    documents = _Documents()
    count = 0
    for row in db.query(
        f"{_DOCUMENTS_SQL} where quotes.rowid between ? and ? order by quotes.rowid", rowids
    ):
        writer.add_document(**documents(row))
        count += 1
    return count


@contextmanager
def _built_elsewhere(
    directory: str, db_path: str, ranges: Sequence[tuple[int, int]], limitmb: int
) -> Iterator[list[Future[tuple[Segment, int]]]]:
    """Segments of the quotes in each of ``ranges``, each being built in a process of its own."""
    if not ranges:
        yield []
        return
    context = forkserver_context([__name__])
    # One task a process, which then ends: none is left waiting for work if
    # the ingest that started it is killed.
    with ProcessPoolExecutor(len(ranges), mp_context=context, max_tasks_per_child=1) as pool:
        yield [pool.submit(_segment, directory, db_path, part, limitmb) for part in ranges]


def _segment(
    directory: str, db_path: str, rowids: tuple[int, int], limitmb: int
) -> tuple[Segment, int]:
    """Build a segment of the quotes in ``rowids`` for the writer that holds the index's lock."""
    ix = index.open_dir(directory)
    writer = writing.SegmentWriter(ix, _lk=False, limitmb=limitmb)
    with sqlite_utils.Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
        count = _add_documents(writer, db, rowids)
    # Not writer._finish(): it would delete the temporary folder every writer
    # of this index shares, and so the files of the one holding the lock.
    segment = writer._finalize_segment()
    ix.close()
    return segment, count
