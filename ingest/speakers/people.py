"""A person's name as the article writes it, and what the name tells: a title that is
a role, a courtesy title's gender, an age given after it, a name in apposition."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..lexicons import words
from ..names import same_person

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


LEADING = re.compile(r"^[^\w]+")


def gender_of(said: Iterable[str]) -> str | None:
    """``female`` or ``male`` if the words name only one (``Mrs.``, ``Hillary``, ``wife``)."""
    lowered = {word.lower() for word in said}
    found = {gender for gender in ("female", "male") if lowered & words(gender)}
    return found.pop() if len(found) == 1 else None


def titled_gender(name: Span) -> str | None:
    """The gender the courtesy title of a name says: ``Mrs. Clinton``, ``Mr. Trump``."""
    title = [name[0]] + ([name.doc[name.start - 1]] if name.start else [])
    return gender_of(t.text for t in title if t.lower_ in words("honorifics"))


def person_span(ent: Span) -> Span:
    """A PERSON entity extended over the capitalised proper nouns that follow it.

    Small models often stop short of a double surname (``Vladimir Padrino López``).
    A possessive ends a name, and another entity is no part of it (``Trump's
    October declaration``). Titles the entity starts with are no part of the name
    but the person's role (``Coun. Josh Matlow``).
    """
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end - 1 and doc[start].lower_ in words("titles"):
        start += 1
    if _POSSESSIVE.fullmatch(doc[end - 1].text):
        return doc[start:end]
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].ent_type_ in {"", "PERSON"}
    ):
        end += 1
    return doc[start:end]


def person_name(ent: Span) -> str:
    """A person's name without courtesy titles or possessive ending."""
    return clean_name(person_span(ent).text)


def clean_name(name: str) -> str:
    """A name without courtesy titles, possessive ending or surrounding punctuation (a
    name starts with a letter: ``">Sanders`` is markup left in the text)."""
    tokens = [t for t in name.split() if t.lower() not in words("honorifics")]
    return LEADING.sub("", _POSSESSIVE.sub("", " ".join(tokens))).strip(" ,.;:\"“”‘’'-–—")


def extends_name(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``Hillary Clinton`` extends ``Clinton``: a fuller name of the same person."""
    return len(longer) > len(shorter) and same_person(longer, shorter)


def person_at(token: Token) -> Span | None:
    """The person's name ``token`` belongs to, if any."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and names_a_person(ent):
            return ent
    return None


def names_a_person(ent: Span) -> bool:
    """A PERSON entity, or a name the tagger took for a body or place that starts with
    a given name (``Carly Fiorina`` as an ORG): two or three capitalised words."""
    if ent.label_ == "PERSON":
        return True
    return (
        ent.label_ in {"ORG", "GPE", "NORP"}
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.is_alpha for t in ent)
        and gender_of([ent[0].text]) is not None
    )


def named_in_apposition(head: Token) -> Span | None:
    """The person a described source is named as right after (``his sister Amanda
    Clarke``, ``Trump's campaign manager, Corey Lewandowski,``); not one of several
    (``presidential candidates Hillary Clinton and Donald Trump``)."""
    if head.tag_ in {"NNS", "NNPS"}:
        return None
    for child in head.rights:
        if child.dep_ == "appos" and not any(c.dep_ == "conj" for c in child.children):
            return person_at(child)
    return None


def age_after(name: Span) -> str | None:
    """The age written right after a name: ``Sarah Jones, 45,`` or ``Sarah Jones (45)``."""
    after = name.doc[name.end : name.end + 3]
    if len(after) == 3 and after[0].text in {",", "("} and after[2].text in {",", ")", "."}:
        return after[1].text if after[1].text.isdigit() else None
    return None
