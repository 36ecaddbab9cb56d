"""Whose name a word or a phrase holds: the person's name a word is part of, a titled
name the parse did not make the phrase's head (``Court of King's Bench Justice Shauna
McCarthy``), a name before the body it is of, a name set beside a description; and the
age written after a name."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicons import words
from ..roles import is_title, title_of_a_body
from .descriptions import names_clause_end
from .genders import gendered
from .recognised_names import names_a_person, person_span


def person_at(token: Token) -> Span | None:
    """The person's name ``token`` belongs to, if any."""
    ents = token.doc.ents
    for ent in ents:
        if ent.start <= token.i < ent.end and names_a_person(ent):
            return ent
    if token.ent_type_ == "PERSON":
        return None
    # a surname the recogniser left out of the name before it (`person_span`)
    return next(
        (
            ent
            for ent in reversed(ents)
            if ent.end <= token.i and names_a_person(ent) and token.i < person_span(ent).end
        ),
        None,
    )


def titled_name_at_end(span: Span) -> Span | None:
    """The person's name a title phrase ends with when the parse made another of its
    words the head: ``Court of King's Bench Justice Shauna McCarthy`` (the head is
    "Court"), ``former Pennsylvania Gov. and Democratic National Committee Chairman Ed
    Rendell``. Only title words may come before the name: not another person or a list
    (``he and Chairman Bob Goodlatte``, ``the caucus, ... and Lt. Gov. Ralph Northam``)
    nor a body the name is of (``government of President Petro Poroshenko``)."""
    name = next((e for e in reversed(span.ents) if names_a_person(e)), None)
    if name is None:
        return None
    start = person_span(name).start  # "the Opposition R. Kamalakannan" is an ORG to it
    if start == span.start or not _titled_only(span, span.doc[start : name.end]):
        return None
    if not is_title(span.doc[start - 1]) and not title_of_a_body(span.doc[span.start : start]):
        return None
    rest = span.doc[name.end : span.end]
    return name if all(t.is_punct for t in rest) else None


def named_before_body(span: Span) -> Span | None:
    """The person's name a phrase opens with when the parse made the body after ``of``
    the head: ``Grand Chief Alvin Fiddler of Nishnawbe Aski Nation called ...`` (the
    head is "Nation"), or something in the title set off after the name (``Annie
    Castonguay-Ly, president of the Fédération des enseignantes et enseignants``, the
    French words read as a verb). Only title words may come before the name."""
    name = next((e for e in span.ents if names_a_person(e)), None)
    if name is None or name.end + 1 >= span.end:
        return None
    after = span.doc[name.end]
    titled = after.text == "," and is_title(span.doc[name.end + 1])
    if after.lower_ != "of" and not titled:
        return None
    if not _titled_only(span, name) or not name.end < span.root.i:
        return None
    return name


def _titled_only(span: Span, name: Span) -> bool:
    """Only words a title may be written with come before ``name`` in ``span``, and the
    nouns of the body a title serves (``Clerk of session``: `roles.title_of_a_body`)."""
    before = span.doc[span.start : name.start]
    served = title_of_a_body(before)
    return all(_of_a_title(t) or (served and t.pos_ == "NOUN") for t in before)


def _of_a_title(token: Token) -> bool:
    """A word a title may be written with: capitalised, a title or qualifier, or a joint."""
    return token.pos_ != "PRON" and (
        token.text[:1].isupper()
        or token.lower_ in words("titles")
        or token.lower_ in words("role_qualifiers")
        or token.lower_ in {"of", "the", "and", "'s", "’s"}
    )


def _second_subject(head: Token) -> Token | None:
    """A name set off after a subject that the parse made a second subject of the verb, not
    the first one's apposition: ``The Police Public Relations Officer in the state, SP
    Adekunle Ojo-Benson, in a statement ..., said``."""
    comma = head.right_edge.i  # the parse may hang the comma on the subject
    if head.doc[comma].text != ",":
        comma += 1
    if head.dep_ != "nsubj" or comma + 1 >= len(head.doc) or head.doc[comma].text != ",":
        return None
    return next(
        (
            c
            for c in head.head.children
            if c.dep_ == "nsubj" and c.i != head.i and c.left_edge.i == comma + 1
        ),
        None,
    )


def _courtesy_alone(phrase: Token) -> bool:
    """A phrase of courtesy titles and brackets only (``Dr. (Mrs.)``)."""
    return all(t.is_punct or t.lower_ in words("honorifics") for t in phrase.subtree)


def named_in_apposition(head: Token) -> Span | None:
    """The person a described source is named as right after (``his sister Amanda
    Clarke``, ``Trump's campaign manager, Corey Lewandowski,``, ``a man named John
    Smith``: `_called`); not one of several
    (``presidential candidates Hillary Clinton and Donald Trump``).

    After a person, a place or a body the description is of (``a spokesperson for Paul
    Calandra, Hannah Jensen,``, ``The mayor of Fort St. James, Bev Playfair,``, ``a
    spokeswoman for the attorney general's office, Renée Albright,``) the parse
    hangs the name on that name, which cannot be a second person as well: the name is
    the description's."""
    if head.tag_ in {"NNS", "NNPS"} and not _title_after_and(head):
        return None
    whose: list[Token] = []
    owners = [head]
    while owners:  # "A crime lab analyst for the Columbus Division of Police, Trevor Haines,"
        owners = [
            noun
            for owner in owners
            for prep in owner.rights
            if prep.dep_ == "prep"
            for noun in prep.children
            if noun.dep_ == "pobj"
            and (
                noun.pos_ == "PROPN"
                or person_at(noun) is not None
                or noun.lemma_.lower() in words("institution_heads")  # "for the ... office, Renée"
                # "The Opposition spokeswoman on housing, Siobhán Nic Aodha,": a portfolio
                or any(c.dep_ == "appos" and person_at(c) is not None for c in noun.rights)
            )
        ]
        whose += owners
    second = _second_subject(head)
    for child in [
        *head.rights,
        *(c for noun in whose for c in noun.rights),
        *([second] if second is not None else []),
    ]:
        if names_clause_end(child) or _courtesy_alone(child):
            continue  # "the governor, who spoke through his Chief Press Secretary, Mr. X,";
            # "the Executive Secretary of SEMA, Dr. (Mrs.) Ufuoma Ighodaro-Eke," (the
            # parse made "Dr." one apposition and the name another)
        if (child.dep_ == "appos" or child == second or _joined_without_and(child)) and not (
            _listed(child)
        ):
            person = person_at(child)
            if child.head is head or (person is not None and person != person_at(child.head)):
                return person
        if (called := _called(child)) is not None:
            return called  # "an editor at Bellweather Books named Howard Crane"
    return None


def _called(participle: Token) -> Span | None:
    """The person a description says someone is named or called: ``A man named John
    Smith``; not a nickname in quotation marks (``a coach called "the Hammer"``)."""
    name = _name_given(participle)
    return person_at(name) if name is not None else None


def _name_given(participle: Token) -> Token | None:
    """The name in ``named X`` or ``called X`` after a noun (``a man named John Smith``,
    ``a company called RentCheck Pro``)."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return None
    if participle.lemma_.lower() not in {"name", "call"}:
        return None
    return next((c for c in participle.children if c.dep_ in {"oprd", "dobj", "attr"}), None)


def _title_after_and(plural: Token) -> bool:
    """A plural the parse made the head of a title it begins (``The First Nation's lands
    and resources director, Martina Van Bibber,``): the title, after ``and``, is one
    person's."""
    return any(c.dep_ == "conj" and c.tag_ == "NN" and is_title(c) for c in plural.rights)


def _joined_without_and(word: Token) -> bool:
    """An apposition the parse read as a conjunct: ``The panel's top Democrat, Rep.
    Simone Achebe of Maryland, said``, a name set off by a comma with no ``and`` or
    ``or`` to join it to the words before."""
    return (
        word.dep_ == "conj"
        and word.left_edge.i > 0
        and word.doc[word.left_edge.i - 1].text == ","
        and not any(c.dep_ in {"cc", "preconj"} for c in word.head.children)
    )


def _listed(word: Token) -> bool:
    return any(c.dep_ == "conj" and not party_tag(c) for c in word.children)


_PARTY_TAG = re.compile(r"[DRI]-[A-Z]")


def party_tag(conjunct: Token) -> bool:
    """``D-Scranton`` in ``Rep. Teresa Muldoon, D-Scranton, the bill's prime sponsor``: the
    party and home town of the name before, which the parse may take for a second name
    joined to it."""
    return _PARTY_TAG.match(conjunct.doc[conjunct.left_edge.i : conjunct.i + 1].text) is not None


def _ampersand(word: Token) -> bool:
    """The words joined to ``word`` are one name (``Harrow & Pike``), not a list."""
    return any(c.dep_ == "cc" and c.text == "&" for c in word.children)


def _describes(name: Token, word: Token) -> bool:
    """``word`` is in an adjective before ``name`` (``Athens-based`` before ``Kallistos
    Maritime``)."""
    return any(a.dep_ == "amod" and a.head == name for a in [word, *word.ancestors])


def body_in_apposition(head: Token) -> Span | None:
    """The organisation a described source is named as right after (``The film's
    distributor, Lantern Pictures, has described it as ...``, ``its parent company,
    Alphabet,``, ``a company called RentCheck Pro``): the body, whom the description
    only says what it is to the story."""
    if (
        head.tag_ in {"NNS", "NNPS"}
        or head.pos_ != "NOUN"
        or gendered(head)  # "Schilling's son, Grant,": a person, whatever the recogniser says
        or head.lower_ in words("unnamed_heads")
    ):
        return None
    for child in [*head.rights, *_closing_apposition(head)]:
        if (name := _name_given(child)) is not None:  # "a company called RentCheck Pro"
            ent = next((e for e in head.doc.ents if name in e), None)
            if ent is not None and ent.label_ != "PERSON":
                start = (
                    ent.start - 1
                    if ent.start and head.doc[ent.start - 1].text == "The"
                    else ent.start
                )
                return head.doc[start : ent.end]  # "called “The Local”": its "The" is its name's
        if child.dep_ != "appos" or (_listed(child) and not _ampersand(child)):
            continue
        ent = next((e for e in head.doc.ents if e.start <= child.i < e.end), None)
        if (
            ent is not None
            and ent.label_ == "ORG"
            # the whole apposition, not a tag in it, but for where it is based ("Athens-based")
            and all(_describes(child, t) for t in head.doc[child.left_edge.i : ent.start])
            # no person in it ("Ont" of "in Guelph, Ont.," after the name is a place's)
            and not any(t.ent_type_ == "PERSON" for t in head.doc[child.left_edge.i : ent.end])
        ):
            return ent[1:] if ent[0].lower_ == "the" else ent
    return None


def _closing_apposition(head: Token) -> list[Token]:
    """The apposition that closes a description with a phrase of its own, which the parse
    hangs on the phrase's last noun: in ``The union representing rank-and-file Mounties,
    the Federal Police Association, said`` the association is set beside ``Mounties``, but
    it names the union."""
    last = max(t.i for t in head.subtree)
    return [
        t
        for t in head.subtree
        if t.dep_ == "appos"
        and t.head != head
        and t.head.i > head.i
        and t.right_edge.i + 1 == last
        and head.doc[last].text == ","
    ]
