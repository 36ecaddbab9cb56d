"""Which nouns can speak: a name, a personal pronoun, a title or group noun, a body or a
document can; an idea (``a growing paranoia``), unspecified reports (``Reports
indicate``) and a common noun for a thing (``a problem``) cannot."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import lines, words

SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
"""The recogniser's labels for a place: where something is, not who speaks for it."""


_PEOPLE_NOUNS = ("titles", "group_heads", "unnamed_heads")


def is_someone(head: Token) -> bool:
    """A noun phrase head that names a person or body: a name, a personal pronoun, a
    title or group noun (``the nominee``, ``critics``), or a noun with a name in
    apposition (``another critic, Laurence Tribe``); never a day or a time (``Tuesday``,
    a proper noun)."""
    if head.ent_type_ in {"DATE", "TIME"}:
        return False
    return (
        head.pos_ == "PROPN"
        or head.ent_type_ in SPEAKING_ENTITIES
        or (head.lower_ in words("pronouns") and head.lower_ != "it")
        or any({head.lemma_.lower(), head.lower_} & words(name) for name in _PEOPLE_NOUNS)
        or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
    )


def can_speak(noun: Token) -> bool:
    """A noun for someone who can say something: a person, a group, a body, a document.

    ``threat`` or ``operations`` can be talked about but say nothing.
    """
    lemma = noun.lemma_.lower()
    return (
        is_someone(noun) or lemma in words("institution_heads") or lemma in words("document_heads")
    )


def speechless(noun: Token) -> bool:
    """A common noun no name makes someone's that cannot speak (``a problem``, ``new
    rules``): what a relative clause on it reports is no one's."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and not can_speak(noun)


def is_abstract(noun: Token) -> bool:
    """A singular common noun for an idea, act or state (``paranoia``, ``characterization``,
    ``strategy``: endings in ``lexicons/abstract_suffixes.txt``) that no lexicon makes a
    speaker: the subject of a reporting verb, but not a source."""
    return (
        noun.tag_ == "NN"
        and not can_speak(noun)
        and noun.lower_.endswith(lines("abstract_suffixes"))
    )


def is_hearsay(noun: Token) -> bool:
    """``Reports indicate``, ``some rumors say``: unspecified reports
    (``lexicons/hearsay.txt``) that no name, outlet or body specifies, so no one a
    reader could look up. ``Press reports``, ``reports from the Pentagon`` have one."""
    return (
        noun.tag_ == "NNS"
        and noun.lemma_.lower() in words("hearsay")
        and all(c.dep_ in {"det", "amod"} and not c.ent_type_ for c in noun.children)
    )
