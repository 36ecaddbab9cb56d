"""Descriptions news uses for someone it has just named, as it uses ``he``: a bare
``the businessman``, ``the 61-year-old``, ``the mum-of-one``."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicons import words
from .descriptions import is_definite


def is_epithet(span: Span) -> bool:
    """``the businessman``, ``the actress``: a bare definite description, which news uses
    for someone it has just named (``Donald Trump ... The billionaire businessman
    says``). Described any further (``the woman, who did not want to be named``, ``the
    victims' surviving son``), it introduces someone the article does not name, whom a
    later ``she`` or ``he`` may mean."""
    root = span.root
    return is_definite(span) and not any(c.dep_ in _DESCRIBING for c in root.children)


_DESCRIBING = frozenset({"relcl", "acl", "prep", "appos", "poss"})

AGED = re.compile(r"\b(\d{1,3})-year-old\b")  # "the 45-year-old", "the 45-year-old woman"
# "the mum-of-one", "the dad-of-two": the British papers' way of saying "the parent"
PARENT_OF = re.compile(
    r"\b(?:mum|mom|mother|dad|father|gran|nan|grand(?:mother|father|mum|dad|ma|pa))"
    r"\s*-\s*of\s*-\s*(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b",
    re.I,
)


def points_back(span: Span) -> bool:
    """``The 61-year-old, who is in his 14th season``, ``the 34-year-old mother of
    three``, ``The mum-of-one, who works on the children's ward,``: someone described by
    their age or as a parent of so many, anything more said of them set aside by commas.
    News uses such a description, as it uses ``he``, for someone it has just named. (A
    title may be someone else's, named or not: ``the GOP candidate`` was not the
    daughter named last; a title the article gives someone is theirs,
    `Holders._titled`. A trade of note is read as an age is, `known_as`.)"""
    root = span.root
    after = [c.left_edge.i for c in root.rights if c.dep_ in {"prep", "relcl", "acl"}]
    own = span.doc[span.start : min(after, default=span.end)]  # "the family of a
    # 34-year-old man": his age, not theirs
    return _described_aside(span) and bool(AGED.search(own.text) or PARENT_OF.search(own.text))


def known_as(span: Span) -> bool:
    """``The Swedish-born star, who plays a lighthouse keeper's widow,``, ``the reality
    star``, ``The Harbor Lights actor, 44,``: what someone is known as
    (``lexicons/epithet_heads.txt``), anything more said of them set aside by commas.
    News calls someone so just after naming them (``“... ,” Lindqvist said.`` then ``The
    Swedish-born star, who plays ..., said``), as it uses an age; unlike a title (``the
    official``), such a word seldom brings in someone new. So does any trade said to be
    someone's past (``the retired fisherman``)."""
    root = span.root
    retired = root.lower_ in words("unnamed_heads") and any(
        c.dep_ == "amod" and c.lower_ == "retired" for c in root.children
    )  # "Gordon Hiscock, 67, of Catalina, said ..." then "the retired fisherman said"
    return (root.lower_ in words("epithet_heads") or retired) and _described_aside(span)


def _described_aside(span: Span) -> bool:
    """A definite description of one person, whatever more is said of them set aside by
    commas, dashes or brackets, and not someone's (``the band's singer``)."""
    root = span.root
    return (
        is_definite(span)
        and root.tag_ not in {"NNS", "NNPS"}
        and all(
            _set_aside(c) for c in root.children if c.dep_ in _DESCRIBING and c.i > span.end - 1
        )
        and not any(c.dep_ == "poss" for c in root.children)
    )


def _set_aside(modifier: Token) -> bool:
    """A phrase after a noun set off from it by a comma, a dash or a bracket."""
    start = modifier.left_edge.i
    return start > 0 and modifier.doc[start - 1].text in {",", "(", "—", "–"}


def introduced_before(span: Span, text: str) -> bool:
    """``text`` (the article before ``span``, a description by age) brought in someone
    unnamed of that age, whom ``span`` may mean: ``a 32-year-old man`` before ``the
    32-year-old``."""
    age = AGED.search(span.text)
    return (
        age is not None
        and re.search(rf"\b(?:an?|one)\s+{age[1]}-year-old\b", text, re.I) is not None
    )
