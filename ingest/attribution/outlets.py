"""Where a statement was made, which is no part of what it said: ``praised the decision
in a news release``, ``said in a statement it was reviewing ...``, ``urged a bigger role
at the Munich Security Conference`` (`lexicons/outlets_of_speech.txt`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from .edges import _strip


def _before_outlet(content: Span) -> Span:
    """An object's words without where they were said when that ends them (or only a
    time follows): ``praised the decision in a news release`` said "the decision",
    ``urged a bigger role at the Munich Security Conference`` "a bigger role"
    (`lexicons/outlets_of_speech.txt`)."""
    for token in content:
        outlets = _outlets(token)
        said_in = (
            outlets
            and all(_a_time(t) for t in content.doc[token.right_edge.i + 1 : content.end])
            and token.i > content.start + 1  # "promised Sunday at a rally": not "Sunday"
            and any(
                not any(g.dep_ in _CLAUSES for g in outlet.children)  # "a rally to end ..."
                for outlet in outlets
            )
        )
        if said_in:
            return _strip(content.doc[content.start : token.i])
    return content


def _after_outlet(spans: list[Span], cue: Token) -> list[Span]:
    """A clause without where it was said when the parse hung that on the clause: in
    ``said in a statement it was reviewing the decision`` the report starts at "it"
    (`lexicons/outlets_of_speech.txt`)."""
    if not spans or spans[0].start != cue.i + 1:
        return spans
    said_in = cue.doc[cue.i + 1]
    if not _outlets(said_in) or said_in.right_edge.i + 1 >= spans[0].end:
        return spans
    return [_strip(cue.doc[said_in.right_edge.i + 1 : spans[0].end]), *spans[1:]]


def _outlets(prep: Token) -> list[Token]:
    """The outlets ``prep`` says words were said in (``in a news release``, ``at a rally``,
    ``during his interview``: `lexicons/outlets_of_speech.txt`); none if it says no such
    place."""
    if prep.dep_ != "prep" or prep.lower_ not in {"in", "on", "at", "during"}:
        return []
    return [
        c
        for c in prep.children
        if c.dep_ == "pobj" and c.lemma_.lower() in words("outlets_of_speech")
    ]


_CLAUSES = frozenset({"acl", "relcl", "ccomp", "xcomp", "advcl"})


def _a_time(token: Token) -> bool:
    """A word of a when (``on Sunday``, ``last week``)."""
    return token.ent_type_ in {"DATE", "TIME"} or token.lower_ in {"on", "at", ","}
