"""How far a source's mention runs: a subject as a noun phrase (a relative ``who`` with
the noun it stands for, a document with its issuer, a name the parse hung on a title or a
place), with its modifiers but not a dateline, a relative clause set off by commas or
the words of another clause.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..dates import after_dateline
from ..lexicons import words
from ..roles import is_title
from ..speakers import (
    PLACE_ENTITIES,
    can_speak,
    is_someone,
    party_tag,
    released_by,
    speechless,
)
from .cue_grammar import SUBJECTS


def _object_of(first: Token, later: Token) -> bool:
    """Whether ``later`` is what the preposition ending ``first``'s phrase is about, which
    the parser made a second subject: in ``A spokesperson for Housing Minister Paul
    Calandra said``, ``for`` has no object and ``Calandra`` is a subject of ``said``; the
    spokesperson spoke."""
    last = first.doc[first.right_edge.i]
    return (
        last.dep_ == "prep"
        and last.i + 1 == later.left_edge.i
        and not any(c.dep_ == "pobj" for c in last.children)
    )


def _issuer(document: Token) -> Span | None:
    """Who put out a document that speaks: whoever it says it is by (``The charges follow
    a 2023 audit by the inspector general that found ...``), else the subject of the verb
    it is the object of (``the Council issued a statement calling ...``)."""
    if document.lower_ not in words("document_heads"):
        return None
    if (author := released_by(document)) is not None:
        return author
    if document.dep_ != "dobj":
        return None
    subject = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
    return _subject(subject) if subject is not None else None


def _subject(token: Token) -> Span:
    """A subject as a noun phrase; a relative ``who`` reaches back to the noun it stands for.

    ``Mayor Ann Lee, who said ...`` gives ``Mayor Ann Lee, who``: the name for the
    speaker, and the pronoun that is the grammatical source. A document that speaks
    through a relative clause is its issuer's (``The Post ran a piece that noted ...``);
    a noun that cannot speak leaves the pronoun alone, no one's (``a problem that
    demands a bipartisan response``, ``new rules that promise to transform ...``).
    """
    if _is_relative(token):
        noun = _who(token)
        if (issuer := _issuer(noun)) is not None:
            return issuer  # "the Post ran a piece that noted ...": the Post's
        if speechless(noun):
            return token.doc[token.i : token.i + 1]  # "a problem that demands": no one
        antecedent = _phrase(noun)
        if antecedent.end <= token.i:
            return token.doc[antecedent.start : token.i + 1]
    if (
        named := _after_dateline(token)
        or _person_hung_on(token)
        or _fronted(token)
        or _after_opening_verb(token)
        or _after_place(token)
    ) is not None:
        return _phrase(named)
    phrase = _phrase(token)
    if (whom := _their_object(token)) is not None:
        return token.doc[phrase.start : whom.right_edge.i + 1]  # "A spokesperson for ... Calandra"
    return phrase


def _fronted(subject: Token) -> Token | None:
    """The person named in a fronted phrase the parser took for the subject, headed by
    its preposition: in ``Of Carson, Levine, who has given money to Marco Rubio, said``
    the subject is ``Of``; Levine, the last person named outside the relative clause,
    spoke."""
    if subject.pos_ != "ADP":
        return None
    clauses = [t for t in subject.subtree if t.dep_ in {"relcl", "acl"} and t.i != subject.i]
    inside = {d.i for clause in clauses for d in clause.subtree}
    people = [t for t in subject.subtree if t.ent_type_ == "PERSON" and t.i not in inside]
    return people[-1] if people else None


_FRONTING = frozenset({"outside", "inside", "near", "across", "behind", "beyond", "beside"})
"""Prepositions that open a sentence with where it happened, which the parser may read as
an adjective of a noun it then makes the subject."""


def _after_place(subject: Token) -> Token | None:
    """Who is set off after where it happened, which the parser took for the subject:
    in ``Outside Parliament, the Rail Commuters Action Forum said ...`` the subject is
    ``Parliament`` (``Outside`` a part of its name) and the forum its apposition."""
    first = subject.left_edge
    if first.lower_ not in _FRONTING or first.i != subject.sent.start:
        return None
    return next((c for c in subject.rights if c.dep_ == "appos"), None)


def _after_opening_verb(subject: Token) -> Token | None:
    """Who is set off after a verb opening the sentence, which the parser took for the
    subject: in ``Reacting, the Deputy Minister of Finance, Mr Nana Yaw Owusu-Sekyere,
    said ...`` the subject is ``Reacting`` and the minister its apposition; the person
    named after the title, wherever the parser hung the name, is who spoke."""
    doc = subject.doc
    if (
        subject.pos_ != "VERB"
        or subject.i != subject.sent.start
        or subject.i + 1 >= len(doc)
        or doc[subject.i + 1].text != ","
    ):
        return None
    described = next((c for c in subject.rights if c.dep_ == "appos"), None)
    named = [
        c
        for c in subject.rights
        if described is not None and c.i > described.i and c.ent_type_ == "PERSON"
    ]
    return named[0] if named else described


def _their_object(subject: Token) -> Token | None:
    """The other subject of the same verb that is the object of ``subject``'s last
    preposition (`_object_of`)."""
    return next(
        (
            c
            for c in subject.head.children
            if c.i > subject.i and c.dep_ in SUBJECTS and _object_of(subject, c)
        ),
        None,
    )


def _person_hung_on(head: Token) -> Token | None:
    """The person a body's noun was given as its modifier: in ``said Const. Jane Doe of
    Toronto police`` the parser makes ``police`` the subject and hangs ``Doe of Toronto``
    on it, but the constable is who spoke."""
    if head.ent_type_ == "PERSON" or head.pos_ != "NOUN":
        return None
    return next(
        (
            child
            for child in head.lefts
            if child.dep_ in {"nmod", "compound"}
            and child.ent_type_ == "PERSON"
            and any(p.dep_ == "prep" and p.lower_ == "of" for p in child.rights)
        ),
        None,
    )


def _who(relative: Token) -> Token:
    """The noun a relative pronoun stands for: the one its clause hangs on, or for ``who``
    after a noun that cannot speak, the people named in that noun's phrase (``a focal
    point for demonstrators, who called ...``: the demonstrators)."""
    noun = relative.head.head if relative.head.dep_ == "relcl" else _noun_before(relative)
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        noun = noun.head  # "the Atlantic Fiscal Institute, a Halifax think tank, which said"
    if relative.lower_ == "who" and (person := _described_from(noun)) is not None:
        return person  # "Linda Marsh, 67, a retired schoolteacher from Ankeny who said"
    if relative.lower_ != "who" or (can_speak(noun) and noun.ent_type_ not in PLACE_ENTITIES):
        return noun  # not "a retired schoolteacher from Braintree who said": she said
    people = [  # not "a handful of Democrats, who": that phrase names the people already
        t
        for t in noun.subtree
        if t.dep_ == "pobj"
        and t.head.lower_ != "of"
        and t.i < relative.i
        and is_someone(t)
        and t.ent_type_ not in PLACE_ENTITIES
    ]
    if people:
        return people[-1]
    holder = noun  # "one Democrat familiar with the discussion, who added": the Democrat
    while holder.dep_ in {"pobj", "prep", "amod", "appos"} and holder.head.i < holder.i:
        holder = holder.head
        if holder.pos_ in {"NOUN", "PROPN"} and can_speak(holder):
            return holder
    return noun


def _described_from(place: Token) -> Token | None:
    """The person named before a description that says where they are from, whom a ``who``
    the parser hung on the place stands for: ``said Linda Marsh, 67, a retired
    schoolteacher from Ankeny who said ...`` (the recogniser may take the town for
    anything, a name included: ``a 54-year-old homemaker from Ram Nagar, who said``; but
    ``a letter from Ann Lee, who said`` is hers)."""
    if place.dep_ != "pobj" or place.head.lower_ not in _FROM:
        return None
    described = place.head.head
    if place.ent_type_ == "PERSON" and not is_someone(described):
        return None
    named = described.head
    if described.dep_ == "appos" and named.ent_type_ == "PERSON" and named.i < described.i:
        return named
    return None


_FROM = frozenset({"from", "in", "of", "at"})


def _after_dateline(token: Token) -> Token | None:
    """The subject after a dateline the parse took for the subject: ``CLEVELAND, July
    19 (UPI) — Former Attorney General Michael Mukasey told ...`` is Mukasey's, whether
    the parse hangs him on the place or on the verb. Inside the paragraph's dateline
    (`after_dateline`), whoever the parse hangs on the place is the subject (``VANCOUVER
    — Leaders of several First Nations say``); an upper-case name starting a sentence
    elsewhere yields only to a name (not ``NATO, the alliance, said``)."""
    opening = token.doc[token.sent.start : token.i + 1]  # "SYLVAN LAKE, Alta. —" too
    if not (
        len(opening) <= 3
        and all(t.text.isupper() and t.dep_ in {"compound", "amod"} for t in opening[:-1])
        and token.text.isupper()
        and len(token.text) > 1
    ):
        return None
    dateline = token.i < after_dateline(token.doc)
    named = [c for c in token.rights if c.dep_ == "appos" and (dateline or c.pos_ == "PROPN")]
    named += [c for c in token.head.children if c.dep_ in SUBJECTS and c.i > token.i]
    return named[-1] if named else None


def _is_relative(token: Token) -> bool:
    """A relative pronoun opening its clause: ``who`` in ``Lee, who said``, also where
    the parse did not read the clause as relative (``turned to the Chicago Police
    Department which reported ...`` hangs ``reported`` on ``turned``)."""
    if token.lower_ not in {"who", "which", "that"}:
        return False
    if token.head.dep_ == "relcl":
        return True
    before = _noun_before(token)
    return token.lower_ != "that" and before.i < token.i and before.pos_ in {"NOUN", "PROPN"}


def _noun_before(token: Token) -> Token:
    """The head of the noun phrase right before ``token`` (a comma between), or
    ``token`` itself when there is none."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == ",":
        i -= 1
    if i < 0:
        return token
    noun = token.doc[i]
    while noun.dep_ in {"compound", "nmod"} and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _phrase(head: Token) -> Span:
    """The head's noun phrase without relative clauses or long appositives, with the rest
    of its name (``the Centre for Disease Control``) and the names coordinated with it
    (``both Russia and China``, not ``both Russia``)."""
    left = _left_edge(head)
    right = head
    named = head.i + 1  # the end of the name the head is part of: "Centre for Disease Control"
    while head.ent_iob_ != "O" and named < len(head.doc) and head.doc[named].ent_iob_ == "I":
        named += 1
    for child in head.rights:
        if (
            child.dep_ in {"compound", "flat", "nummod"}
            or (child.dep_ == "prep" and (child.lower_ == "of" or child.right_edge.i < named))
            or (head.pos_ == "NUM" and child.dep_ in {"prep", "appos"})
        ):  # "one in three nurses": a number's phrase goes on to whom it counts
            right = _before_relative(child)
        elif child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN"} and not party_tag(child):
            right = _phrase(child)[-1]
    return head.doc[left.i : _titled_person_after(right).i + 1]


def _titled_person_after(last: Token) -> Token:
    """The end of the person a phrase ending on ``last`` goes on to name when the parser
    took the title between for a verb: in ``said Jets captain Ryan Pelkey`` it made
    ``captain`` a verb with the team its subject; the captain spoke. ``last`` itself
    when no title and name follow."""
    doc = last.doc
    at = last.i + 1
    while at < len(doc) and doc[at].is_lower and _in_title(doc[at]):
        at += 1
    if at == last.i + 1 or at >= len(doc) or doc[at].ent_type_ != "PERSON":
        return last
    while at + 1 < len(doc) and doc[at + 1].ent_iob_ == "I":
        at += 1
    return doc[at]


def _in_title(token: Token) -> bool:
    """A title word (``captain``, ``coach``), or one that opens one (``head coach``; not
    ``told`` of ``told host Sean Hannity``)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return is_title(token) or (
        following is not None
        and is_title(following)
        and token.lemma_.lower() not in words("speech_verbs")  # "head" may be read a verb
    )


def _before_relative(modifier: Token) -> Token:
    """The last word of ``modifier``'s phrase before a relative clause set off in it:
    ``residents of Lytton, which was destroyed by fire in 2021,`` are residents of
    Lytton; ``the head of the union that represents nurses`` keeps the clause that says
    which union."""
    right = modifier.right_edge
    clauses = [
        t.left_edge.i
        for t in modifier.subtree
        if t.dep_ == "relcl" and t.i > modifier.i and t.doc[t.left_edge.i - 1].text == ","
    ]
    if clauses:
        right = modifier.doc[min(clauses) - 1]
        while right.i > modifier.i and right.is_punct:
            right = right.nbor(-1)
    return right


_OPENING = frozenset({"advcl", "acl"})


def _left_edge(head: Token) -> Token:
    """Where the head's noun phrase starts.

    A plural takes no ``a``: in ``a move critics argue is driven by ...`` the
    parser hung the antecedent ``a move`` on ``critics``, whose phrase starts after it.
    Nor does a phrase start in the paragraph's dateline, which the parse may hang on it,
    nor with a participle opening the sentence.
    """
    doc = head.doc
    lefts = list(head.lefts)
    if head.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in lefts):
        nouns = [c for c in lefts if c.dep_ == "compound" and c.tag_ == "NN" and not c.ent_type_]
        if nouns:
            return doc[nouns[-1].i + 1]
    edge = head.left_edge
    for clause in lefts:  # "Reacting to the judgment, counsel to the governor, ...":
        after = clause.right_edge.i + 1  # the parser hung the opening participle on it
        if clause.dep_ in _OPENING and clause.tag_ == "VBG" and doc[after].text == ",":
            edge = max(edge, doc[after + 1], key=lambda t: t.i)
    if edge.i < (first := after_dateline(doc)) <= head.i:
        edge = doc[first]  # "HALIFAX — Nurses in rural Nova Scotia say": not the place
    while edge.i < head.i and edge.is_punct:
        edge = edge.nbor()
    return edge
