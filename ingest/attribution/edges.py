"""Where a content starts and ends: the edges a report of speech leaves out (punctuation,
a trailing ``, who ...`` or apposition, a dangling coordinator, a dateline), and the
stretch of a span over quoted passages it cuts into.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..dates import after_dateline
from ..parse import hyphen_joins

_WH = {"who", "whom", "whose", "which"}


def _strip(span: Span) -> Span:
    """``span`` without edge punctuation (other than quotation marks) and without a
    trailing non-restrictive appendage (``, who ...``, ``, a former ...``), which
    reports of speech leave out of what was said, nor a dateline opening the paragraph
    (``JERUSALEM — ...``); nor does it end inside a hyphenated word the parse split into
    clauses of their own (``Fleury would be re`` of ``re-evaluated Sunday``)."""
    span = _past_dateline(span)
    doc = span.doc
    while span.end + 1 < len(doc) and hyphen_joins(doc, span.end):
        span = doc[span.start : max(span.end + 2, doc[span.end + 1].right_edge.i + 1)]
    for token in span[3:]:
        comma = token.left_edge.i - 1
        if (
            (
                (token.dep_ == "appos" and not _lists(token))
                or (token.dep_ == "relcl" and token.left_edge.lower_ in _WH)
            )
            and comma >= span.start
            and token.doc[comma].text == ","
            and token.right_edge.i >= span.end - 2
            and sum(t.is_quote for t in token.doc[span.start : comma]) % 2 == 0
        ):
            span = token.doc[span.start : comma]
            break
    while len(span) > 1 and span[0].is_punct and not span[0].is_quote:
        span = span[1:]
    while len(span) > 1 and (
        (_as_punctuation(span[-1]) and not span[-1].is_quote) or span[-1].dep_ == "cc"
    ):
        span = span[:-1]  # nor a coordinator left dangling: "would be more intense — and"
    return span


def _lists(appos: Token) -> bool:
    """An "apposition" with conjuncts of its own is the parse's reading of a list
    (``his wife, Lonnie, and other family members``, ``differ on Israel, the Iranian
    nuclear deal and the possibility of ...``): its items are what was said. Not the
    description of a named person or body (``Rep. Don Beyer, a former lieutenant
    governor and ambassador``), which is the writer's."""
    described = appos.head.ent_type_ in {"PERSON", "ORG"} and appos.pos_ != "PROPN"
    return not described and any(child.dep_ == "conj" for child in appos.children)


def _as_punctuation(token: Token) -> bool:
    """Punctuation, or a word with a period the parse hangs as punctuation: in
    ``..., Const. Laura Brabant said`` it takes the speaker's rank for a full stop."""
    return token.is_punct or (token.dep_ == "punct" and not token.is_alpha)


def _non_space(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _stretched(start: int, end: int, local: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """``[start, end)`` stretched over every quoted passage it cuts into (the parse often
    leaves a closing mark, or the end of a quote, outside the clause)."""
    for s, e in local:
        if s < end and start < e:
            start, end = min(start, s), max(end, e)
    return start, end


def _past_dateline(span: Span) -> Span:
    """``span`` starting after the paragraph's dateline, if it starts in it."""
    first = after_dateline(span.doc)
    return span.doc[first : span.end] if span.start < first < span.end else span


def _trim(span: Span) -> Span | None:
    span = _past_dateline(span)
    while len(span) and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    while len(span) and (span[-1].is_punct or span[-1].is_space or span[-1].dep_ == "cc"):
        span = span[:-1]
    return span if len(span) >= 3 else None
