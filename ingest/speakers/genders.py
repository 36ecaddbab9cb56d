"""Which gender a name or the words beside it tell: a given name the name lists give
one gender (``Hillary``), a courtesy title (``Mrs. Clinton``), a stated role (``wife
of the senator``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span, Token

from ..lexicons import words
from .name_words import hyphenated


def gender_of(said: Iterable[str]) -> str | None:
    """``female`` or ``male`` if the words name only one (``Mrs.``, ``Hillary``, ``wife``),
    either half of a hyphenated one too (``Marc-Antoine``, ``ex-wife``)."""
    return _gender_of(tuple(said))


@cache
def _gender_of(said: tuple[str, ...]) -> str | None:
    """`gender_of`, once per wording: the name finder asks it of every capitalised word."""
    lowered = {part for word in said for part in (word.lower(), *word.lower().split("-"))}
    found = {gender for gender in ("female", "male") if lowered & words(gender)}
    return found.pop() if len(found) == 1 else None


def described_gender(head: Token) -> str | None:
    """The gender a description of someone unnamed gives, in its head or the phrase set
    beside it: ``One resident, an 81-year-old woman recovering from a stroke``."""
    return gender_of([head.lower_] + [c.lower_ for c in head.children if c.dep_ == "appos"])


def gendered(token: Token) -> bool:
    """A word the name lists give one gender: how a given name is told (``Stephen``,
    ``Hillary``) where the recogniser did not mark one. A hyphenated given name is
    told by either half (``Jean-François``)."""
    doc, after = token.doc, token.i + 1
    if after < len(doc) and doc[after].text == "-":
        return gender_of([t.text for t in hyphenated(token)]) is not None
    return gender_of((token.text,)) is not None  # no hyphen after it: the word alone


def role_gender(role: str | None) -> str | None:
    """The gender a stated role gives its holder (``wife of the senator``), read from the
    role's own words (`_own_words`)."""
    return gender_of(_own_words(role))


def _own_words(role: str | None) -> list[str]:
    """The role's words up to its first preposition: ``wife`` in ``wife of the senator``,
    and not ``Donald`` in ``supporter of Republican Donald Trump``, which says whom the
    role is of, not what its holder is."""
    own: list[str] = []
    for word in (role or "").split():
        if word.lower() in _PREPOSITIONS:
            break
        own.append(word)
    return own


_PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "with", "from", "on", "under"})


def titled_gender(name: Span) -> str | None:
    """The gender the courtesy title of a name says: ``Mrs. Clinton``, ``Mr. Trump``."""
    title = [name[0]] + ([name.doc[name.start - 1]] if name.start else [])
    return gender_of(t.text for t in title if t.lower_ in words("honorifics"))
