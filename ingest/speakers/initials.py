"""A body's initials (``TTC``, ``NABU``): the body the article names in full that they
stand for."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .references import whole_name


def acronyms(docs: list[tuple[int, Doc]]) -> dict[str, str]:
    """The bodies an article names in full, by their initials: ``TTC`` is the
    ``Toronto Transit Commission``, ``SIU`` the ``Special Investigations Unit`` (small
    words such as ``of`` and ``the`` give no letter, and an abbreviated place before the
    name may give none: ``CPSC``, the ``U.S. Consumer Product Safety Commission``). The
    first full name wins. A name with its initials after it in brackets says so itself,
    whatever letters they take (``the National Anti-Corruption Bureau (NABU)``)."""
    found: dict[str, str] = {}
    for _, doc in docs:
        for ent in (
            _with_country(_before_bracket(whole_name(ent)))
            for ent in doc.ents
            if ent.label_ == "ORG"
        ):
            name = ent[1:] if ent[0].lower_ == "the" else ent
            if (short := _initials_after(ent)) is not None:
                found.setdefault(short, name.text)
            named = [t for t in ent if not t.is_stop and not t.is_punct]  # "Thompson-Nicola"
            if len(named) >= 2 and all(t.is_title or t.is_upper for t in named):
                found.setdefault(_initials(named), name.text)
                # "UK Maritime Trade Operations" is the UKMTO: a short name keeps its letters
                found.setdefault("".join(_letters(t) for t in named), name.text)
                if len(named) >= 3 and "." in named[0].text:  # "U.S. Consumer Product
                    # Safety Commission" is the CPSC
                    found.setdefault(_initials(named[1:]), name.text)
                of = next((t.i for t in ent if t.lower_ == "of"), len(ent.doc))
                before = [t for t in named if t.i < of]  # "Independent Investigation Unit
                if 2 <= len(before) < len(named):  # of Manitoba" is the IIU too
                    found.setdefault(_initials(before), name.text)
        for short, name in _bracketed_initials(doc):
            found.setdefault(short, name)
    return found


def _bracketed_initials(doc: Doc) -> list[tuple[str, str]]:
    """Capitalised words with initials in brackets after them, whatever the recogniser
    made of the words (``the EU Road Safety Agency (EURSA)``, a facility to it, and
    ``the European Anti-Fraud Office (OLAF)``, whose initials are French): the short
    name and the long one, from where its initials are the short name's if they are."""
    found = []
    for bracket in (t for t in doc[1:-2] if t.text == "(" and doc[t.i + 2].text == ")"):
        short = doc[bracket.i + 1].text
        if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 8):
            continue
        start = bracket.i
        while start > 0 and (
            doc[start - 1].is_title
            or doc[start - 1].is_upper
            or doc[start - 1].lower_ in _NAME_JOINERS
        ):
            start -= 1
        while start < bracket.i and doc[start].lower_ in _NAME_JOINERS:
            start += 1
        start = next(  # "Brussels Commission Office (CO)": where the initials start
            (i for i in range(start, bracket.i) if _initials(doc[i : bracket.i]) == short), start
        )
        named = [t for t in doc[start : bracket.i] if t.is_alpha and not t.is_stop]
        if len(named) >= 2:
            found.append((short, doc[start : bracket.i].text))
    return found


def _with_country(ent: Span) -> Span:
    """A body's name with the country's short name the recogniser split off before it
    (``UK`` in ``the UK Maritime Trade Operations``, a place to it)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    if (
        before is not None
        and before.ent_type_ in {"GPE", "NORP"}
        and before.is_upper
        and before.is_alpha
        and len(before) <= 3
    ):
        return ent.doc[ent.start - 1 : ent.end]
    return ent


def _letters(word: Token) -> str:
    """What a word gives a body's initials: a short name in capitals all its letters
    (``UK``), any other word its first."""
    return word.text if word.is_upper and word.is_alpha and len(word) <= 3 else word.text[0]


def initials_of(name: str) -> str | None:
    """How the initials a speaker's name may be are looked up: as written when in
    capitals (``TTC``), by their capitals when a small letter stands for ``of`` or
    ``for`` (``MoD``, ``DfE``: the ``Ministry of Defence``, the ``Department for
    Education``); None for a name of another shape."""
    if name.isupper() and name.isalpha():
        return name
    capitals = "".join(ch for ch in name if ch.isupper())
    if name.isalpha() and len(name) <= 5 and len(capitals) >= 2 and name[0].isupper():
        return capitals
    return None


def _initials(name: Iterable[Token]) -> str:
    """The first letters of a name's words, but for words such as ``of``."""
    return "".join(t.text[0] for t in name if not t.is_stop and not t.is_punct)


_NAME_JOINERS = frozenset({"of", "and", "for", "on", "the", "&", "-"})
"""Words a body's name may hold between its capitalised ones."""


def _before_bracket(ent: Span) -> Span:
    """An entity without the bracket the recogniser may run it into (``the State
    Administration for Market Regulation (SAMR``)."""
    bracket = next((t.i for t in ent if t.text == "("), None)
    return ent.doc[ent.start : bracket] if bracket is not None and bracket > ent.start + 1 else ent


def _initials_after(ent: Span) -> str | None:
    """The capitals in brackets right after a name (``(SAMR)``), or None."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return None
    short = doc[ent.end + 1]
    return short.text if short.is_upper and short.is_alpha and 2 <= len(short) <= 8 else None
