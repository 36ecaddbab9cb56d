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
import shutil
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from whoosh import fields, highlight, index, qparser, query, writing
from whoosh.analysis import STOP_WORDS, IDAnalyzer, StandardAnalyzer, StemmingAnalyzer

MAX_QUERY_CHARS = 500
MAX_LIMIT = 1000
FACETS = ("speaker", "stance", "type")
#: Bare words search ``content``: the text, speaker names and aliases, role and
#: title in one field, so a name finds its speaker's quotes and a query costs one
#: posting list per word rather than four.
DEFAULT_FIELD = "content"
_keyword = IDAnalyzer(lowercase=True)

SCHEMA = fields.Schema(
    id=fields.ID(stored=True, unique=True),
    content=fields.TEXT(analyzer=StemmingAnalyzer(), spelling=True),
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
#: Facet name -> index field holding its value.
_FACET_FIELDS = {"speaker": "speaker_name", "stance": "stance", "type": "type"}
#: Fields that only narrow the results; they take no part in ranking.
_RESTRICTING = frozenset({"speaker_name", "stance", "type", "date", "article_id"})

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


def _document(row: dict) -> dict[str, object]:
    aliases = json.loads(row["aliases"] or "[]") if row["aliases"] else []
    speaker = " ".join(filter(None, [row["speaker_name"], *aliases]))
    document = {
        "id": row["id"],
        "content": " ".join(filter(None, [row["text"], speaker, row["role"], row["title"]])),
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
        self._set_state(
            db,
            pending="0",
            signature=db.execute(_SIGNATURE_SQL).fetchone()[0],
            generation=str(ix.latest_generation()),
        )

    def rebuild(self) -> int:
        """Index every quote in the database afresh, in one commit; return documents."""
        try:
            ix = self._open() or index.create_in(str(_fresh(self.directory)), SCHEMA)
        except Exception:  # noqa: BLE001 - start over from a clean directory
            ix = index.create_in(str(_fresh(self.directory, clear=True)), SCHEMA)
        if ix.schema != SCHEMA:
            ix.close()
            ix = index.create_in(str(_fresh(self.directory, clear=True)), SCHEMA)
        with sqlite_utils.Database(self.db_path) as db:
            writer = ix.writer(limitmb=128)
            count = 0
            for row in db.query(_DOCUMENTS_SQL):
                writer.add_document(**_document(row))
                count += 1
            self._commit(db, writer, ix, mergetype=writing.CLEAR)
        ix.close()
        return count

    def update(self, article_ids: Iterable[str]) -> None:
        """Re-index the quotes of ``article_ids`` (and of their speakers) in one commit.

        Documents of replaced quotes go first, so no stale or duplicate hit
        survives a re-ingest; quotes of the same speakers elsewhere are refreshed
        too because a new article can add aliases to a speaker.
        """
        ix = self._open()
        with sqlite_utils.Database(self.db_path) as db:
            state = self._state(db)
            if ix is None or state.get("generation") != str(ix.latest_generation()):
                if ix is not None:
                    ix.close()
                self.rebuild()
                return
            ids = sorted(set(article_ids))
            writer = ix.writer(limitmb=128)
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
                    writer.delete_by_term("article_id", article_id)
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
                    writer.delete_by_term("id", row["id"])
                    writer.add_document(**_document(row))
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
        ix = self._require()
        try:
            with ix.searcher() as searcher:
                parsed = _parse(text)
                scored, constraints = _split(parsed)
                constraints += _narrowing(narrow or {})
                allowed = _docs(searcher, query.And(constraints)) if constraints else None
                matching = _docs(searcher, scored)
                if allowed is not None:
                    matching &= allowed
                first = (max(1, page) - 1) * limit
                results = searcher.search(scored, limit=first + limit, filter=allowed)
                page_hits = results[first : first + limit]
                found = Results(text.strip(), len(matching), _hits(searcher, page_hits, parsed))
                if facets:
                    found.facets = _facet_counts(searcher, matching)
                found.suggestion = _suggestion(searcher, parsed, text.strip())
                return found
        except SearchError:
            raise
        except Exception as error:  # noqa: BLE001 - the parser's corner cases, as one line
            raise SearchError(f"could not run query {text!r}: {error}") from None
        finally:
            ix.close()

    def matching_ids(self, text: str) -> list[str]:
        """Every quote id matching ``text``, best first: for exports of any size."""
        ix = self._require()
        try:
            with ix.searcher() as searcher:
                return [hit["id"] for hit in searcher.search(_parse(text), limit=None)]
        except SearchError:
            raise
        except Exception as error:  # noqa: BLE001 - the parser's corner cases, as one line
            raise SearchError(f"could not run query {text!r}: {error}") from None
        finally:
            ix.close()

    def similar(self, quote_id: str, limit: int = 10) -> Results:
        """Quotes whose wording is most like the quote ``quote_id``."""
        ix = self._require()
        try:
            with ix.searcher() as searcher:
                docnum = searcher.document_number(id=quote_id)
                if docnum is None:
                    raise SearchError(f"no quote with id {quote_id!r}")
                results = searcher.more_like(docnum, "text", top=max(1, min(limit, MAX_LIMIT)))
                hits = _hits(searcher, results, results.q)
                return Results(f"similar:{quote_id}", len(results), hits)
        finally:
            ix.close()

    def _require(self) -> index.Index:
        ix = self._open()
        if ix is None:
            raise SearchError(f"{self.directory}: no search index; run `quotedb index --rebuild`")
        return ix


def _fresh(directory: Path, clear: bool = False) -> Path:
    if clear and directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _parser() -> qparser.QueryParser:
    parser = qparser.QueryParser(DEFAULT_FIELD, SCHEMA, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.remove_plugin_class(qparser.BoostPlugin)
    return parser


def _parse(text: str) -> query.Query:
    text = text.strip()
    if not text:
        raise SearchError("empty query: type some words, a phrase or field:value")
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError(f"query too long: {len(text)} characters (at most {MAX_QUERY_CHARS})")
    parsed = _parser().parse(text)
    if parsed is query.NullQuery:
        raise SearchError(f"nothing to search for in {text!r}")
    return parsed


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


def _docs(searcher, searched: query.Query) -> set[int]:
    """The documents matching ``searched``, by set algebra over posting lists.

    Whoosh's own docs_for_query walks compound matchers document by document
    in Python; sets of whole posting lists are an order of magnitude faster.
    """
    reader = searcher.reader()
    if type(searched) is query.And:
        found = None
        for part in sorted(searched.subqueries, key=lambda part: part.estimate_size(reader)):
            found = _docs(searcher, part) if found is None else found & _docs(searcher, part)
            if not found:
                return set()
        return found or set()
    if type(searched) is query.Or:
        return set().union(*(_docs(searcher, part) for part in searched.subqueries))
    if type(searched) is query.Every:
        return set(reader.all_doc_ids())
    if type(searched) is query.Term or isinstance(searched, query.MultiTerm):
        found = set()
        for fieldname, text in searched.expanded_terms(reader):
            if (fieldname, text) in reader:
                found.update(reader.postings(fieldname, text).all_ids())
        return found
    return set(searcher.docs_for_query(searched))


_columns: dict[tuple[str, int], dict[str, list[str]]] = {}


def _facet_counts(searcher, matching: set[int]) -> dict[str, dict[str, int]]:
    """Facet value counts over ``matching`` documents, most frequent first.

    Whoosh's own grouping decodes a column value per document per query; the
    columns are read once per index generation instead and counted in bulk.
    """
    key = (str(searcher._ix.storage.folder), searcher._ix.latest_generation())
    if key not in _columns:
        _columns.clear()
        _columns[key] = {
            name: [sys.intern(value) for value in searcher.reader().column_reader(field)]
            for name, field in _FACET_FIELDS.items()
        }
    counted = {}
    for name, values in _columns[key].items():
        counts = Counter(values[docnum] for docnum in matching)
        counts.pop("", None)
        counted[name] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return counted


def _hits(searcher, results, searched: query.Query) -> list[Hit]:
    """The page's hits with highlighted fragments of the quote text."""
    # Expanded, so fuzzy and prefix terms highlight the words they matched.
    words = frozenset(
        text.decode("utf-8") if isinstance(text, bytes) else text
        for field, text in searched.expanded_terms(searcher.reader())
        if field in (DEFAULT_FIELD, "text")
    )
    fragmenter = highlight.ContextFragmenter(maxchars=320, surround=160)
    analyzer = SCHEMA["text"].analyzer
    hits = []
    for hit in results:
        fragments = highlight.highlight(
            hit["text"], words, analyzer, fragmenter, _Pieces(), top=2
        ) or [[(hit["text"][:320], False)]]
        hits.append(
            Hit(
                id=hit["id"],
                score=hit.score or 0.0,
                text=hit["text"],
                speaker=hit.get("speaker_name"),
                speaker_id=hit.get("speaker_id"),
                role=hit.get("role"),
                stance=hit.get("stance"),
                type=hit.get("type"),
                date=hit.get("date"),
                article_id=hit["article_id"],
                title=hit.get("title"),
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
        spelling = SCHEMA[fieldname].spelling_fieldname(fieldname)
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
