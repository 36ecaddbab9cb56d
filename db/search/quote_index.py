"""The search index of one quotes database: keeping in step with it, and searching."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sqlite_utils
from filelock import FileLock
from quotedb.db import load
from whoosh import index, query, searching, writing

from . import internals, state
from .build import (
    WRITER_MB,
    _add_documents,
    _built_elsewhere,
    _delete,
    _fresh,
    _rowid_ranges,
)
from .query import SearchError, _narrowing, _parse, _split
from .rank import _Arrays, _positive_terms
from .results import Results, _hits
from .schema import _DOCUMENTS_SQL, SCHEMA, _Documents, _made_with_schema, index_dir
from .spelling import _rehome_spelling, _suggestion

MAX_LIMIT = 1000


class QuoteIndex:
    """The search index of one quotes database."""

    def __init__(self, db_path: str | Path, directory: str | Path | None = None) -> None:
        self.db_path = Path(db_path)
        self.directory = Path(directory) if directory else index_dir(db_path)

    # -- keeping in step with the database ---------------------------------

    def _connect(self, write: bool) -> sqlite_utils.Database:
        if write:
            return sqlite_utils.Database(self.db_path)
        uri = f"file:{self.db_path}?mode=ro"
        return sqlite_utils.Database(sqlite3.connect(uri, uri=True))

    def mark_pending(self) -> None:
        """Record that the database is about to change ahead of the index.

        Cleared only after the index commit, so a crash anywhere in between
        leaves the flag set and the next search rebuilds.
        """
        with sqlite_utils.Database(self.db_path) as db:
            state.write(db, pending="1")

    def _open(self) -> index.Index | None:
        try:
            if index.exists_in(str(self.directory)):
                return index.open_dir(str(self.directory))
        except Exception:  # noqa: BLE001 - any unreadable index is rebuilt from the database
            return None
        return None

    def is_current(self) -> bool:
        """Whether the index reflects exactly what the database holds now."""
        ix = self._open()
        if ix is None:
            return False
        if not _made_with_schema(ix):
            ix.close()
            return False
        db = self._connect(write=False)
        try:
            return state.current(db, ix)
        finally:
            db.close()
            ix.close()

    def _writing(self) -> FileLock:
        """One index writer at a time across processes (two ingests, or an ingest and a search)."""
        return FileLock(f"{self.directory}.lock")

    def rebuild(self, procs: int = 1, meanwhile: Callable[[], object] | None = None) -> int:
        """Index every quote in the database afresh, in one commit; return documents.

        Up to ``procs`` processes share the work, each building one segment
        from consecutive quotes, so the index holds them in the order one
        process would have (ties in ranking keep that order). An ingest passes
        the cores its parsing used, which are idle by then. ``meanwhile`` runs
        here while the other processes start on theirs: work the index does
        not depend on.
        """
        with self._writing():
            return self._rebuild(procs, meanwhile)

    def _rebuild(self, procs: int = 1, meanwhile: Callable[[], object] | None = None) -> int:
        try:
            ix = self._open() or index.create_in(str(_fresh(self.directory)), SCHEMA)
        except Exception:  # noqa: BLE001 - start over from a clean directory
            ix = index.create_in(str(_fresh(self.directory, clear=True)), SCHEMA)
        if not _made_with_schema(ix):
            ix.close()
            ix = index.create_in(str(_fresh(self.directory, clear=True)), SCHEMA)
        with sqlite_utils.Database(self.db_path) as db:
            seen = state.writes(db)
            ranges = _rowid_ranges(db, procs if internals.fast() else 1)
            limitmb = max(1, WRITER_MB // len(ranges))
            writer = ix.writer(limitmb=limitmb)
            try:
                with _built_elsewhere(
                    str(self.directory), str(self.db_path), ranges[1:], limitmb
                ) as others:
                    if meanwhile:
                        meanwhile()
                    count = _add_documents(writer, db, ranges[0])
                    if not others:
                        writer.commit(mergetype=writing.CLEAR)
                        built = []
                    else:
                        # Whoosh's commit with mergetype CLEAR, taken apart so
                        # that this process writes its segment while the others
                        # write theirs (as Whoosh's MpWriter with
                        # multisegment=True does, but that hands documents out
                        # in no fixed order).
                        segments = [writer._finalize_segment()] if count else []
                        built = [future.result() for future in others]
                        if not count:
                            writer._close_segment()
                        writer._commit_toc(segments + [segment for segment, _ in built])
                        writer._finish()
            except BaseException:
                writer.cancel()
                raise
            state.record(db, ix, seen)
            count += sum(documents for _, documents in built)
        ix.close()
        return count

    def update(self, article_ids: Iterable[str]) -> None:
        """Re-index the quotes of ``article_ids`` (and of their speakers) in one commit.

        Documents of replaced quotes go first, so no stale or duplicate hit
        survives a re-ingest; quotes of the same speakers elsewhere are refreshed
        too because a new article can add aliases to a speaker.
        """
        with self._writing():
            self._update(article_ids)

    def _update(self, article_ids: Iterable[str]) -> None:
        ix = self._open()
        with sqlite_utils.Database(self.db_path) as db:
            seen = state.writes(db)
            if (
                ix is None
                or not _made_with_schema(ix)
                or state.read(db).get("generation") != str(ix.latest_generation())
            ):
                if ix is not None:
                    ix.close()
                self._rebuild()
                return
            ids = sorted(set(article_ids))
            writer = ix.writer(limitmb=WRITER_MB)
            searcher = writer.searcher()
            documents = _Documents()
            replaced: set[int] = set()
            for chunk in load.batches(ids):
                marks = ",".join("?" * len(chunk))
                speakers = [
                    row[0]
                    for row in db.execute(
                        f"select distinct speaker_id from quotes where article_id in ({marks})"
                        " and speaker_id is not null",
                        chunk,
                    )
                ]
                for article_id in chunk:
                    _delete(writer, searcher, replaced, article_id=article_id)
                rows = list(
                    db.query(f"{_DOCUMENTS_SQL} where quotes.article_id in ({marks})", chunk)
                )
                for speaker_chunk in load.batches(speakers):
                    speaker_marks = ",".join("?" * len(speaker_chunk))
                    rows += db.query(
                        f"{_DOCUMENTS_SQL} where quotes.speaker_id in ({speaker_marks})"
                        f" and quotes.article_id not in ({marks})",
                        [*speaker_chunk, *chunk],
                    )
                for row in rows:
                    _delete(writer, searcher, replaced, id=row["id"])
                    writer.add_document(**documents(row))
            _rehome_spelling(writer, searcher, db, documents, replaced)
            writer.commit()
            state.record(db, ix, seen)
        ix.close()

    def ensure_current(self) -> bool:
        """Rebuild when the index is missing, half-written or stale; True if rebuilt."""
        if self.is_current():
            return False
        self.rebuild()
        return True

    # -- searching --------------------------------------------------------

    def search(
        self,
        text: str,
        limit: int = 20,
        page: int = 1,
        narrow: dict[str, str] | None = None,
        facets: bool = False,
    ) -> Results:
        """Run a query in the query language; ``narrow`` maps facet names to values.

        Facet values narrow the results through query objects, never by pasting
        them into the query string, so a clicked value cannot change the query.
        """
        limit = max(1, min(limit, MAX_LIMIT))
        try:
            with self._searching() as (searcher, arrays):
                parsed = _parse(text)
                scored, constraints = _split(parsed)
                constraints += _narrowing(narrow or {})
                matching = arrays.docs(scored)
                if constraints:
                    matching = np.intersect1d(matching, arrays.docs(query.And(constraints)))
                first = (max(1, page) - 1) * limit
                ranked, scores = arrays.rank(scored, matching, first + limit)
                found = Results(
                    text.strip(),
                    len(matching),
                    _hits(
                        searcher, ranked[first:], scores[first:], _positive_terms(parsed, arrays)
                    ),
                )
                if facets:
                    found.facets = arrays.facet_counts(matching)
                found.suggestion = _suggestion(searcher, parsed, text.strip())
                return found
        except SearchError:
            raise
        except Exception as error:  # noqa: BLE001 - the parser's corner cases, as one line
            raise SearchError(f"could not run query {text!r}: {error}") from None

    def matching_ids(self, text: str) -> list[str]:
        """Every quote id matching ``text``, best first: for exports of any size."""
        try:
            with self._searching() as (searcher, arrays):
                parsed = _parse(text)
                scored, constraints = _split(parsed)
                matching = arrays.docs(scored)
                if constraints:
                    matching = np.intersect1d(matching, arrays.docs(query.And(constraints)))
                ranked, _ = arrays.rank(scored, matching, len(matching))
                return [searcher.stored_fields(int(docnum))["id"] for docnum in ranked]
        except SearchError:
            raise
        except Exception as error:  # noqa: BLE001 - the parser's corner cases, as one line
            raise SearchError(f"could not run query {text!r}: {error}") from None

    def similar(self, quote_id: str, limit: int = 10) -> Results:
        """Quotes whose wording is most like the quote ``quote_id``."""
        with self._searching() as (searcher, _):
            docnum = searcher.document_number(id=quote_id)
            if docnum is None:
                raise SearchError(f"no quote with id {quote_id!r}")
            results = searcher.more_like(docnum, "text", top=max(1, min(limit, MAX_LIMIT)))
            docnums = [hit.docnum for hit in results]
            terms = results.q.expanded_terms(searcher.reader())
            hits = _hits(searcher, docnums, [hit.score for hit in results], terms)
            return Results(f"similar:{quote_id}", len(results), hits)

    @contextmanager
    def _searching(self) -> Iterator[tuple[searching.Searcher, _Arrays]]:
        """A searcher and its arrays for one query, kept open while the index is unchanged.

        Opening a 100,000-quote index costs more than answering a query, so
        searchers are reused until a new generation is committed. A Whoosh
        searcher reads its files through shared file positions, so a query has
        one to itself: queries at the same time each take one, and the lock is
        held only to take it and to give it back.
        """
        folder = str(self.directory)
        while True:
            with _idle_lock:
                idle = _idle.setdefault(folder, [])
                opened = idle.pop() if idle else None
            if opened is None:
                searcher = self._require().searcher()
                opened = _Opened(searcher, _Arrays(searcher))
                break
            if _up_to_date(opened.searcher):
                break
            opened.searcher.close()
        try:
            yield opened.searcher, opened.arrays
        finally:
            with _idle_lock:
                _idle[folder].append(opened)

    def _require(self) -> index.Index:
        ix = self._open()
        if ix is None:
            raise SearchError(f"{self.directory}: no search index; run `quotedb index --rebuild`")
        return ix


@dataclass
class _Opened:
    searcher: searching.Searcher
    arrays: _Arrays


#: Open searchers of each index folder not in use by a query now.
_idle: dict[str, list[_Opened]] = {}
_idle_lock = threading.Lock()


def _up_to_date(searcher: searching.Searcher) -> bool:
    """Whether ``searcher`` sees the index's latest generation (False if it is gone)."""
    try:
        return searcher.up_to_date()
    except OSError:
        return False
