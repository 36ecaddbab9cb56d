"""The Whoosh index next to the database: fielded, fuzzy, ranked search over quotes.

SQLite FTS5 keeps Datasette's own table search; Whoosh adds what FTS5 cannot do
for people hunting quotes: misspelled names (``Padrno~``), a "did you mean" line,
fields and date ranges in one query language, highlighted fragments, facet counts
over the whole result set and "more like this".

The index (``quotes.db`` -> ``quotes.whoosh/``) is derived data. The database
records in ``search_state`` what the index reflects, so a crash between writing
quotes and committing the index, or a change made without updating it, is noticed
and repaired by a rebuild instead of silently returning stale hits.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sqlite_utils
from filelock import FileLock
from whoosh import fields, highlight, index, qparser, query, searching, writing
from whoosh.analysis import STOP_WORDS, IDAnalyzer, StandardAnalyzer, StemmingAnalyzer
from whoosh.codec.base import Segment
from whoosh.codec.whoosh3 import W3LeafMatcher

from quotedb.processes import forkserver_context

MAX_QUERY_CHARS = 500
#: Memory the index writer fills before spilling sorted postings to disk. It
#: bounds an ingest's memory however many quotes it indexes: at 128 MB the
#: writer alone took 40% more memory than parsing on a corpus of 15,000 quotes.
WRITER_MB = 32
MAX_LIMIT = 1000
FACETS = ("speaker", "stance", "type")
#: ``content``: the text, speaker names and aliases, role and title in one field,
#: whose words feed "did you mean" (``spelling``). Bare words no longer search it
#: (`BARE_FIELDS`: titles matched quotes that lack the words).
DEFAULT_FIELD = "content"
_keyword = IDAnalyzer(lowercase=True)

SCHEMA = fields.Schema(
    id=fields.ID(stored=True, unique=True),
    content=fields.TEXT(analyzer=StemmingAnalyzer()),
    #: The unstemmed words of ``content`` for "did you mean", each given by the
    #: first document of a build that has it (`_Documents`). Whoosh's own
    #: ``spelling=True`` posts every word of every document again, which was a
    #: third of the cost of building the index. Stored, so that a word whose
    #: document is replaced finds another (`_rehome_spelling`).
    spelling=fields.KEYWORD(stored=True),
    text=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    speaker=fields.TEXT(analyzer=StandardAnalyzer(stoplist=None), field_boost=2.0),
    speaker_name=fields.ID(stored=True, sortable=True),
    speaker_id=fields.STORED(),
    role=fields.TEXT(stored=True),
    stance=fields.ID(stored=True, sortable=True, analyzer=_keyword),
    type=fields.ID(stored=True, sortable=True, analyzer=_keyword),
    date=fields.ID(stored=True, sortable=True),
    title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    article_id=fields.ID(stored=True),
)
_CONTENT_ANALYZER = SCHEMA["content"].analyzer
#: What bare words search: what was said and who said it (name, aliases, role).
#: An article's title often has the query's words when its quotes do not, so
#: only ``title:`` searches titles.
BARE_FIELDS = ("text", "speaker", "role")
#: The query language in one line, shown with any query that cannot be parsed.
SYNTAX = (
    'words search quote text and speaker; "a phrase"; fields speaker: role: stance:oppose '
    "type:direct title: date:[2025-09-01 to 2025-10-31]; Padrno~ for a misspelled name; "
    "AND, OR, NOT and (parentheses)"
)
_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]+):(\S?)")
_PAIRS = {"(": ")", "[": "]", "{": "}"}
#: Facet name -> index field holding its value.
_FACET_FIELDS = {"speaker": "speaker_name", "stance": "stance", "type": "type"}
#: Fields that only narrow the results; they take no part in ranking.
_RESTRICTING = frozenset({"speaker_name", "stance", "type", "date", "article_id"})
#: Field -> the field holding its unstemmed words, where they differ.
_SPELLING = {DEFAULT_FIELD: "spelling", "text": "spelling"}

_DOCUMENTS_SQL = """
select quotes.id, quotes.text, quotes.role, quotes.stance, quotes.type, quotes.date,
       quotes.article_id, quotes.speaker_id, speakers.name as speaker_name,
       speakers.aliases, articles.title
from quotes
left join speakers on speakers.id = quotes.speaker_id
left join articles on articles.id = quotes.article_id
"""
_SIGNATURE_SQL = """
select (select count(*) || ':' || total(speaker_id) || ':' || total(length(text))
               || ':' || total(length(coalesce(stance, '') || coalesce(type, '')))
               || ':' || total(length(coalesce(date, '') || coalesce(role, '')))
        from quotes)
    || '|' || (select count(*) || ':' || total(length(name) + length(coalesce(aliases, '')))
               from speakers)
    || '|' || (select count(*) || ':' || total(length(coalesce(title, ''))) from articles)
"""


class SearchError(ValueError):
    """A query quotedb cannot run; the message is meant for the person who typed it."""


class QuerySyntaxError(SearchError):
    """A query that does not read as the query language: show `SYNTAX` with it."""


@dataclass
class Hit:
    id: str
    score: float
    text: str
    speaker: str | None
    speaker_id: int | None
    role: str | None
    stance: str | None
    type: str | None
    date: str | None
    article_id: str
    title: str | None
    #: Highlighted fragments: each a list of (text, is_match) pieces, never markup,
    #: so every caller escapes for its own medium.
    fragments: list[list[tuple[str, bool]]] = field(default_factory=list)

    def snippet(self, mark: str = "**") -> str:
        """The fragments as plain text with matches wrapped in ``mark``."""
        return " ... ".join(
            "".join(f"{mark}{piece}{mark}" if match else piece for piece, match in fragment)
            for fragment in self.fragments
        )

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "score": round(self.score, 3),
            "text": self.text,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "role": self.role,
            "stance": self.stance,
            "type": self.type,
            "date": self.date,
            "article_id": self.article_id,
            "title": self.title,
            "snippet": self.snippet(),
        }


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    #: A corrected query string when some word is not in the index and a close one is.
    suggestion: str | None = None
    #: facet name -> {value: count} over the whole result set, not just this page.
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class _Pieces(highlight.Formatter):
    """Return fragments as (text, is_match) pieces so no HTML is ever built here."""

    def format_fragment(self, fragment, replace=False) -> list[tuple[str, bool]]:
        pieces: list[tuple[str, bool]] = []
        index_ = fragment.startchar
        text = fragment.text
        for token in sorted(fragment.matches, key=lambda t: (t.startchar, t.startchar - t.endchar)):
            if token.startchar is None or token.startchar < index_:
                continue
            if token.startchar > index_:
                pieces.append((text[index_ : token.startchar], False))
            pieces.append((text[token.startchar : token.endchar], True))
            index_ = token.endchar
        pieces.append((text[index_ : fragment.endchar], False))
        return [piece for piece in pieces if piece[0]]

    def format(self, fragments, replace=False) -> list[list[tuple[str, bool]]]:
        return [self.format_fragment(fragment) for fragment in fragments]


def index_dir(db_path: str | Path) -> Path:
    """Where the index of ``db_path`` lives: ``quotes.db`` -> ``quotes.whoosh/``."""
    path = Path(db_path)
    return path.with_name(path.stem + ".whoosh")


class _Documents:
    """Index documents from database rows, for one writer.

    Each word of ``content`` goes into ``spelling`` once per writer, with the
    first document that has it: suggestions need the words, not who said them.
    """

    def __init__(self) -> None:
        self.spelled: set[str] = set()

    def __call__(self, row: dict) -> dict[str, object]:
        aliases = json.loads(row["aliases"] or "[]") if row["aliases"] else []
        speaker = " ".join(filter(None, [row["speaker_name"], *aliases]))
        content = " ".join(filter(None, [row["text"], speaker, row["role"], row["title"]]))
        words = {token.text for token in _CONTENT_ANALYZER(content, no_morph=True)}
        new_words = words - self.spelled
        self.spelled |= new_words
        document = {
            "id": row["id"],
            "content": content,
            "spelling": " ".join(sorted(new_words)),
            "text": row["text"] or "",
            "speaker": speaker,
            "speaker_name": row["speaker_name"] or "",
            "speaker_id": row["speaker_id"],
            "role": row["role"] or "",
            "stance": row["stance"] or "",
            "type": row["type"] or "",
            "date": row["date"] or "",
            "title": row["title"] or "",
            "article_id": row["article_id"],
        }
        return {name: value for name, value in document.items() if value != ""}


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

    @staticmethod
    def _state(db: sqlite_utils.Database) -> dict[str, str]:
        if not db["search_state"].exists():
            return {}
        return {row["name"]: row["value"] for row in db["search_state"].rows}

    @staticmethod
    def _set_state(db: sqlite_utils.Database, **values: str) -> None:
        db["search_state"].upsert_all(
            [{"name": name, "value": value} for name, value in values.items()], pk="name"
        )

    def mark_pending(self) -> None:
        """Record that the database is about to change ahead of the index.

        Cleared only after the index commit, so a crash anywhere in between
        leaves the flag set and the next search rebuilds.
        """
        with sqlite_utils.Database(self.db_path) as db:
            self._set_state(db, pending="1")

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
            state = self._state(db)
            if state.get("pending") != "0":
                return False
            return state.get("signature") == db.execute(_SIGNATURE_SQL).fetchone()[0] and state.get(
                "generation"
            ) == str(ix.latest_generation())
        finally:
            db.close()
            ix.close()

    def _commit(self, db: sqlite_utils.Database, writer, ix: index.Index, **kwargs) -> None:
        writer.commit(**kwargs)
        self._record(db, ix)

    def _record(self, db: sqlite_utils.Database, ix: index.Index) -> None:
        """Record that the index's latest generation reflects the database as it is now."""
        self._set_state(
            db,
            pending="0",
            signature=db.execute(_SIGNATURE_SQL).fetchone()[0],
            generation=str(ix.latest_generation()),
        )

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
            ranges = _rowid_ranges(db, procs)
            limitmb = max(1, WRITER_MB // len(ranges))
            writer = ix.writer(limitmb=limitmb)
            try:
                with _built_elsewhere(
                    str(self.directory), str(self.db_path), ranges[1:], limitmb
                ) as others:
                    if meanwhile:
                        meanwhile()
                    count = _add_documents(writer, db, ranges[0])
                    # Whoosh's commit with mergetype CLEAR, taken apart so that
                    # this process writes its segment while the others write
                    # theirs (as Whoosh's MpWriter with multisegment=True does,
                    # but that hands documents out in no fixed order).
                    segments = [writer._finalize_segment()] if count else []
                    built = [future.result() for future in others]
                if not count:
                    writer._close_segment()
                writer._commit_toc(segments + [segment for segment, _ in built])
                writer._finish()
            except BaseException:
                writer.cancel()
                raise
            self._record(db, ix)
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
            state = self._state(db)
            if (
                ix is None
                or not _made_with_schema(ix)
                or state.get("generation") != str(ix.latest_generation())
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
            for chunk in _chunks(ids, 500):
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
                for speaker_chunk in _chunks(speakers, 500):
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
            self._commit(db, writer, ix)
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
                words = _positive_terms(parsed, arrays)
                found = Results(
                    text.strip(),
                    len(matching),
                    _hits(searcher, ranked[first:], scores[first:], words),
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
        """A searcher and its arrays, kept open between queries while the index is unchanged.

        Opening a 100,000-quote index costs more than answering a query, so the
        searcher is reused until a new generation is committed. One query at a
        time: Whoosh readers share file positions.
        """
        folder = str(self.directory)
        with _open_lock:
            opened = _opened.get(folder)
            if opened is not None:
                try:
                    current = opened.searcher._ix.latest_generation() == opened.generation
                except OSError:
                    current = False
                if not current:
                    opened.searcher.close()
                    del _opened[folder]
                    opened = None
            if opened is None:
                ix = self._require()
                searcher = ix.searcher()
                opened = _Opened(searcher, ix.latest_generation(), _Arrays(searcher))
                _opened[folder] = opened
            yield opened.searcher, opened.arrays

    def _require(self) -> index.Index:
        ix = self._open()
        if ix is None:
            raise SearchError(f"{self.directory}: no search index; run `quotedb index --rebuild`")
        return ix


def _made_with_schema(ix: index.Index) -> bool:
    """Whether ``ix`` was made with `SCHEMA` (not by another version of quotedb).

    Whoosh's own comparison finds every sortable field changed once read back
    from disk: it compares their column types by identity.
    """

    def described(schema: fields.Schema) -> dict[str, tuple]:
        return {
            name: (
                type(kind),
                kind.format,
                getattr(kind, "analyzer", None),
                (kind.stored, kind.scorable, kind.unique),
                type(kind.column_type),
            )
            for name, kind in schema.items()
        }

    return described(ix.schema) == described(SCHEMA)


def _fresh(directory: Path, clear: bool = False) -> Path:
    if clear and directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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


def _rehome_spelling(
    writer: writing.SegmentWriter,
    searcher: searching.Searcher,
    db: sqlite_utils.Database,
    documents: _Documents,
    replaced: set[int],
) -> None:
    """Index again a quote still holding each word that only ``replaced`` documents spelled.

    A word is in ``spelling`` once, with the first document that had it; when
    that document is replaced, the word would leave "did you mean" at the next
    merge although other quotes still have it. A quote with the word's stem in
    ``content`` is indexed again, and so spells each of its words this writer
    has not yet spelled.
    """
    lost = {
        word
        for docnum in replaced
        for word in searcher.stored_fields(docnum).get("spelling", "").split()
    } - documents.spelled
    reader = searcher.reader()
    holders: set[int] = set()
    for word in lost:
        for token in _CONTENT_ANALYZER(word):
            if (DEFAULT_FIELD, token.text) not in reader:
                continue
            live = (
                docnum
                for docnum in reader.postings(DEFAULT_FIELD, token.text).all_ids()
                if docnum not in replaced and not reader.is_deleted(docnum)
            )
            holder = next(live, None)
            if holder is not None:
                holders.add(holder)
    docnums = {searcher.stored_fields(docnum)["id"]: docnum for docnum in holders}
    for chunk in _chunks(sorted(docnums), 500):
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"{_DOCUMENTS_SQL} where quotes.id in ({marks})", chunk):
            writer.delete_document(docnums[row["id"]])
            writer.add_document(**documents(row))


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


def _parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(BARE_FIELDS, SCHEMA, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.remove_plugin_class(qparser.BoostPlugin)
    return parser


def _parse(text: str) -> query.Query:
    text = text.strip()
    if not text:
        raise SearchError("empty query: type some words, a phrase or field:value")
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError(f"query too long: {len(text)} characters (at most {MAX_QUERY_CHARS})")
    if problem := _syntax_problem(text):
        raise QuerySyntaxError(f"cannot read the query {text!r}: {problem}")
    parsed = _parser().parse(text)
    if parsed is query.NullQuery:
        raise SearchError(f"nothing to search for in {text!r}")
    return parsed


def _syntax_problem(text: str) -> str | None:
    """What makes ``text`` unreadable, in words; None if it reads.

    Whoosh's parser repairs what it cannot read (``speaker:(`` searches for
    nothing and finds 0 quotes), so a typo would look like an answer.
    """
    if text.count('"') % 2:
        return 'a phrase is not closed: add the missing "'
    outside = re.sub(r'"[^"]*"', lambda match: "x" * len(match.group()), text)
    waiting: list[tuple[str, int]] = []
    for column, char in enumerate(outside, start=1):
        if char in _PAIRS:
            waiting.append((char, column))
        elif char in _PAIRS.values():
            if not waiting or _PAIRS[waiting[-1][0]] != char:
                return f"{char!r} at character {column} closes nothing"
            waiting.pop()
    if waiting:
        char, column = waiting[-1]
        return f"{char!r} at character {column} is never closed with {_PAIRS[char]!r}"
    for match in _FIELD.finditer(outside):
        name, value = match.group(1), match.group(2)
        if name not in SCHEMA.names() or name in ("content", "spelling"):
            return f"no field {name!r}: fields are speaker, role, stance, type, date, title, text"
        if not value:
            return f"{name}: needs a value right after the colon (for example {name}:word)"
    return None


def _narrowing(narrow: dict[str, str]) -> list[query.Query]:
    unknown = set(narrow) - set(FACETS)
    if unknown:
        raise SearchError(f"cannot narrow by {', '.join(sorted(unknown))}")
    return [query.Term(_FACET_FIELDS[name], value) for name, value in narrow.items() if value]


def _split(parsed: query.Query) -> tuple[query.Query, list[query.Query]]:
    """Separate what ranks (words) from what only restricts (stance, type, date).

    Restrictions become a document set instead of scored clauses: a date range
    is hundreds of terms Whoosh would otherwise score document by document.
    """
    parts = list(parsed.subqueries) if type(parsed) is query.And else [parsed]
    constraints = [part for part in parts if _restricts(part)]
    scored = [part for part in parts if not _restricts(part)]
    if not scored:
        return query.Every(), constraints
    return (scored[0] if len(scored) == 1 else query.And(scored)), constraints


def _restricts(part: query.Query) -> bool:
    if isinstance(part, query.Not):
        return False
    leaves = list(part.leaves())
    return bool(leaves) and all(
        isinstance(leaf, query.Term | query.MultiTerm)
        and getattr(leaf, "fieldname", None) in _RESTRICTING
        for leaf in leaves
    )


class _Arrays:
    """Posting lists and facet columns of one index generation as numpy arrays.

    Whoosh matches and scores document by document in Python, about 10 us a
    document: a common word in 100,000 quotes costs half a second. Reading each
    posting list once, block by block, and doing the set algebra, BM25 and facet
    counts on arrays keeps most queries well under 100 ms. Phrases and other
    positional queries still go through Whoosh.
    """

    K1 = 1.2

    def __init__(self, searcher) -> None:
        self.reader = searcher.reader()
        self.searcher = searcher
        self.size = self.reader.doc_count_all()
        self.live = np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)
        self.postings: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self.columns: dict[str, tuple[np.ndarray, list[str]]] = {}
        self.positional: dict[str, np.ndarray] = {}
        self.expansions: dict[str, list[tuple[str, str | bytes]]] = {}

    def expanded(self, searched: query.Query) -> list[tuple[str, str | bytes]]:
        """The (field, term) pairs ``searched`` matches: a fuzzy or prefix word's every variant.

        Whoosh finds a fuzzy word's variants by measuring its distance to each
        indexed word in Python, over every segment, and matching, ranking and
        highlighting each ask, so answers are kept for the query's repeats too.
        """
        key = repr(searched)
        if key not in self.expansions:
            if len(self.expansions) >= 256:
                del self.expansions[next(iter(self.expansions))]
            self.expansions[key] = list(searched.expanded_terms(self.reader))
        return self.expansions[key]

    def term(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, term frequencies) of one term, deleted documents left out."""
        key = (fieldname, text)
        if key not in self.postings:
            ids, weights = [], []
            for subreader, offset in self.reader.leaf_readers():
                if key not in subreader:
                    continue
                matcher = subreader.postings(fieldname, text)
                leaf = getattr(matcher, "child", matcher)  # deletions are filtered below
                if not isinstance(leaf, W3LeafMatcher):  # another codec: the slow, public way
                    pairs = list(leaf.items_as("weight"))
                    ids.append(np.array([d for d, _ in pairs], dtype=np.int64) + offset)
                    weights.append(np.array([w for _, w in pairs], dtype=np.float32))
                    continue
                # Whole blocks at a time: the codec's block arrays, not a call per posting.
                while leaf.is_active():
                    leaf._read_ids()
                    leaf._read_weights()
                    ids.append(np.asarray(leaf._ids, dtype=np.int64) + offset)
                    weights.append(np.asarray(leaf._weights, dtype=np.float32))
                    leaf._next_block()
            docnums = np.concatenate(ids) if ids else np.empty(0, np.int64)
            frequencies = np.concatenate(weights) if weights else np.empty(0, np.float32)
            if len(self.live) != self.size:
                keep = np.isin(docnums, self.live)
                docnums, frequencies = docnums[keep], frequencies[keep]
            self.postings[key] = (docnums, frequencies)
        return self.postings[key]

    def docs(self, searched: query.Query) -> np.ndarray:
        """Sorted docnums matching ``searched``."""
        kind = type(searched)
        if kind is query.And:
            positive = [part for part in searched.subqueries if type(part) is not query.Not]
            found = self.docs(positive[0]) if positive else self.live
            for part in positive[1:]:
                found = np.intersect1d(found, self.docs(part), assume_unique=True)
            for part in searched.subqueries:
                if type(part) is query.Not:
                    found = np.setdiff1d(found, self.docs(part.query), assume_unique=True)
            return found
        if kind is query.Or:
            parts = [self.docs(part) for part in searched.subqueries]
            return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)
        if kind is query.Not:
            return np.setdiff1d(self.live, self.docs(searched.query), assume_unique=True)
        if kind is query.Every:
            return self.live
        if kind is query.Term or isinstance(searched, query.MultiTerm):
            parts = [self.term(f, t)[0] for f, t in self.expanded(searched)]
            if not parts:
                return np.empty(0, np.int64)
            return parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))
        # Phrases and the like check positions in Whoosh, document by document;
        # paging and facet clicks repeat the query, so recent answers are kept.
        key = repr(searched)
        if key not in self.positional:
            if len(self.positional) >= 64:
                del self.positional[next(iter(self.positional))]
            docnums = sorted(self.searcher.docs_for_query(searched))
            self.positional[key] = np.fromiter(docnums, dtype=np.int64)
        return self.positional[key]

    def rank(self, scored: query.Query, matching: np.ndarray, top: int):
        """The best ``top`` of ``matching`` by BM25 (no length normalisation: quotes are short)."""
        scores = np.zeros(self.size, dtype=np.float32)
        for fieldname, text in _positive_terms(scored, self):
            docnums, frequencies = self.term(fieldname, text)
            if len(docnums):
                idf = np.log(1 + (len(self.live) - len(docnums) + 0.5) / (len(docnums) + 0.5))
                boost = SCHEMA[fieldname].format.field_boost
                scores[docnums] += (
                    boost * idf * frequencies * (self.K1 + 1) / (frequencies + self.K1)
                )
        candidates = scores[matching]
        if top < len(matching):
            best = np.argpartition(-candidates, top)[:top]
        else:
            best = np.arange(len(matching))
        best = best[np.lexsort((matching[best], -candidates[best]))]
        return matching[best].tolist(), candidates[best].tolist()

    def facet_counts(self, matching: np.ndarray) -> dict[str, dict[str, int]]:
        """Facet value counts over ``matching``, most frequent first."""
        counted = {}
        for name, fieldname in _FACET_FIELDS.items():
            if name not in self.columns:
                values = list(self.reader.column_reader(fieldname))
                labels = sorted(set(values))
                codes = {label: code for code, label in enumerate(labels)}
                self.columns[name] = (np.array([codes[v] for v in values]), labels)
            codes, labels = self.columns[name]
            found, counts = np.unique(codes[matching], return_counts=True)
            pairs = [(labels[c], int(n)) for c, n in zip(found, counts, strict=True) if labels[c]]
            counted[name] = dict(sorted(pairs, key=lambda pair: (-pair[1], pair[0])))
        return counted


@dataclass
class _Opened:
    searcher: searching.Searcher
    generation: int
    arrays: _Arrays


_opened: dict[str, _Opened] = {}
_open_lock = threading.Lock()


def _positive_terms(searched: query.Query, arrays: _Arrays) -> set[tuple[str, str]]:
    """The terms that add to a document's score: everything outside a NOT."""
    if type(searched) is query.Not:
        return set()
    if isinstance(searched, query.And | query.Or):
        return set().union(*(_positive_terms(part, arrays) for part in searched.subqueries))
    return {
        (fieldname, text.decode("utf-8") if isinstance(text, bytes) else text)
        for fieldname, text in arrays.expanded(searched)
        if fieldname in SCHEMA and SCHEMA[fieldname].scorable
    }


def _hits(
    searcher, docnums: list[int], scores: list[float], terms: Iterable[tuple[str, str | bytes]]
) -> list[Hit]:
    """Hits for ``docnums`` with highlighted fragments of the quote text."""
    # Expanded, so fuzzy and prefix terms highlight the words they matched.
    words = frozenset(
        text.decode("utf-8") if isinstance(text, bytes) else text
        for field, text in terms
        if field in (DEFAULT_FIELD, "text")
    )
    fragmenter = highlight.ContextFragmenter(maxchars=320, surround=160)
    analyzer = SCHEMA["text"].analyzer
    hits = []
    for docnum, score in zip(docnums, scores, strict=True):
        stored = searcher.stored_fields(docnum)
        fragments = highlight.highlight(
            stored["text"], words, analyzer, fragmenter, _Pieces(), top=2
        ) or [[(stored["text"][:320], False)]]
        hits.append(
            Hit(
                id=stored["id"],
                score=float(score or 0.0),
                text=stored["text"],
                speaker=stored.get("speaker_name"),
                speaker_id=stored.get("speaker_id"),
                role=stored.get("role"),
                stance=stored.get("stance"),
                type=stored.get("type"),
                date=stored.get("date"),
                article_id=stored["article_id"],
                title=stored.get("title"),
                fragments=fragments,
            )
        )
    return hits


def _closest(reader, fieldname: str, word: str) -> str | None:
    """The indexed word nearest to ``word`` in ``fieldname``, most frequent first.

    Whoosh's correctors rank every word within the maximum distance alike, so a
    frequent word two edits away would beat the name one edit away.
    """
    for distance in (1, 2):
        spelling = _SPELLING.get(fieldname, fieldname)
        counts = {
            candidate: reader.frequency(fieldname, candidate)
            for candidate in reader.terms_within(spelling, word, distance)
            if candidate != word
        }
        if counts:
            return max(counts, key=lambda candidate: (counts[candidate], candidate))
    return None


def _suggestion(searcher, parsed: query.Query, text: str) -> str | None:
    """The query with each word found in no field replaced by its closest indexed word."""
    reader = searcher.reader()
    # Plain terms only: a fuzzy term already asks for near spellings, and ranges,
    # wildcards and phrases are deliberate.
    positions: dict[int, list[query.Term]] = {}
    for leaf in parsed.leaves():
        if type(leaf) is query.Term and leaf.startchar is not None:
            positions.setdefault(leaf.startchar, []).append(leaf)
    replacements = []
    for tokens in positions.values():
        if any((token.fieldname, token.text) in reader for token in tokens):
            continue
        token = tokens[0]
        word = text[token.startchar : token.endchar].rstrip("~0123456789")
        if len(word) < 3 or word.lower() in STOP_WORDS:
            continue
        if token.fieldname not in SCHEMA or not SCHEMA[token.fieldname].scorable:
            continue
        closest = _closest(reader, token.fieldname, word.lower())
        if closest:
            closest = closest.capitalize() if word.istitle() else closest
            replacements.append((token.startchar, token.startchar + len(word), closest))
    if not replacements:
        return None
    corrected = text
    for start, end, word in sorted(replacements, reverse=True):
        corrected = corrected[:start] + word + corrected[end:]
    return corrected
