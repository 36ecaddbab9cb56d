"""The query language: parsing what a person typed, and what ranks versus what narrows."""

from __future__ import annotations

import re

from whoosh import qparser, query

from .schema import _FACET_FIELDS, _RESTRICTING, BARE_FIELDS, FACETS, SCHEMA

MAX_QUERY_CHARS = 500
#: The query language in one line, shown with any query that cannot be parsed.
SYNTAX = (
    'words search quote text and speaker; "a phrase"; fields speaker: role: stance:oppose '
    "type:direct act:speech title: date:[2025-09-01 to 2025-10-31]; Padrno~ for a misspelled name; "
    "AND, OR, NOT and (parentheses)"
)
_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]+):(\S?)")
_PAIRS = {"(": ")", "[": "]", "{": "}"}


class SearchError(ValueError):
    """A query quotedb cannot run; the message is meant for the person who typed it."""


class QuerySyntaxError(SearchError):
    """A query that does not read as the query language: show `SYNTAX` with it."""


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
            return (
                f"no field {name!r}: fields are speaker, role, stance, type, act, date, title, text"
            )
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
