"""The Whoosh index next to the database: fielded, fuzzy, ranked search over quotes.

SQLite FTS5 keeps Datasette's own table search; Whoosh adds what FTS5 cannot do
for people hunting quotes: misspelled names (``Padrno~``), a "did you mean" line,
fields and date ranges in one query language, highlighted fragments, facet counts
over the whole result set and "more like this".

The index (``quotes.db`` -> ``quotes.whoosh/``) is derived data. The database
records in ``search_state`` what the index reflects, so a crash between writing
quotes and committing the index, or a change made without updating it, is noticed
and repaired by a rebuild instead of silently returning stale hits.

The parts: `schema` (what a quote becomes in the index), `state` (what the database
records about the index), `build` (writing it), `query` (the query language),
`rank` (matching and ranking on arrays), `results` (hits and highlighting),
`spelling` ("did you mean") and `quote_index` (`QuoteIndex`, which ties them).
"""

from .query import MAX_QUERY_CHARS, SYNTAX, QuerySyntaxError, SearchError
from .quote_index import MAX_LIMIT, QuoteIndex
from .results import Hit, Results
from .schema import FACETS, SCHEMA, index_dir

__all__ = [
    "FACETS",
    "MAX_LIMIT",
    "MAX_QUERY_CHARS",
    "SYNTAX",
    "QuerySyntaxError",
    "SCHEMA",
    "Hit",
    "QuoteIndex",
    "Results",
    "SearchError",
    "index_dir",
]
