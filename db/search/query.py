"""The query language: parsing what a person typed, and what ranks versus what narrows."""

from __future__ import annotations

from whoosh import qparser, query

from .schema import _FACET_FIELDS, _RESTRICTING, DEFAULT_FIELD, FACETS, SCHEMA

MAX_QUERY_CHARS = 500


class SearchError(ValueError):
    """A query quotedb cannot run; the message is meant for the person who typed it."""


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
