"""Reports fronted before ``, SUBJECT said.`` of which the parse gave the cue none
(`fronted_report`): it hung them on an adverbial clause of the cue, read their verb as a
noun, or joined the cue to them as a second clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...speakers.references import put_to_them
from ..cue_grammar import is_finite, nearest_subject
from ..edges import _strip
from .hung_clauses import ADDRESSING

_SETTING = frozenset({"prep", "npadvmod", "advmod", "dative", "punct", "agent"})
"""What may follow a cue that ends its sentence: when, where, how and to whom."""


def fronted_report(cue: Token) -> Span | None:
    """The report before ``, SUBJECT said.`` when the parse gave the cue none of it.

    In ``As Trump prepared to speak, a 15-year-old girl outside the venue was
    pepper-sprayed by another bystander, police said.`` it hung the report on the
    ``As`` clause, an adverbial clause of ``said``; in ``The drug cut levels by half,
    the company announced on Monday.`` it read ``cut`` as a noun and ``levels`` as a
    second subject of ``announced``; in ``This includes a special force ..., Defense
    Secretary Ash Carter told a Senate panel Wednesday.`` it joined ``told`` to
    ``includes`` as a second clause with no ``and``. A tensed cue heading its sentence
    (or so joined to its head) that ends it (nothing after it but when, where, how and
    to whom: ``told a Senate panel Wednesday.``, ``said, speaking on condition of
    anonymity``), its subject right after a comma, reports the words before that comma
    when they hold a clause (a subject or a tensed verb): not ``In a statement, the
    company said:``, nor ``When the vote ended, she said.``, a subordinate clause alone.
    """
    doc, sentence = cue.doc, cue.sent
    subject = nearest_subject(cue)
    if (
        not (cue.dep_ == "ROOT" or _joined_by_comma(cue) or _hung_on_root(cue))
        or not (cue.tag_ in {"VBD", "VBZ"} or _past_read_as_participle(cue))
        or subject is None
    ):
        return None
    comma = subject.left_edge.i - 1
    words_after = [t for t in doc[cue.i + 1 : sentence.end] if not t.is_space]
    told = cue.lemma_.lower() in ADDRESSING
    if (
        comma < sentence.start + 3
        or doc[comma].text != ","
        or subject.tag_ in {"WP", "WDT"}
        or not words_after
        or words_after[-1].text != "."
        or any(_said_something(c, told) for c in cue.rights)
    ):
        return None
    fronted = _strip(doc[sentence.start : comma])
    if put_to_them(fronted[0]):
        return None  # "Asked what advice she gave, she pointed to ...": the reporter's question
    opening = next((t for t in fronted if t.dep_ != "cc"), fronted[0])  # "But when ..."
    subordinate = opening.dep_ == "mark" or opening.lower_ in _SUBORDINATORS
    if subordinate and not any(t.text == "," for t in fronted):
        return None
    holds_clause = any(t.dep_ in {"nsubj", "nsubjpass", "expl"} or is_finite(t) for t in fronted)
    return fronted if holds_clause and len(fronted) >= 4 else None


def _said_something(word: Token, told: bool) -> bool:
    """A word after the cue that is what was said (``Mexico said enough``, ``announced the
    plan``), not when, where or to whom (``told a Senate panel``)."""
    if word.dep_ == "dobj":
        return not told
    if word.dep_ == "advcl":  # "said, speaking on condition of anonymity"
        return word.tag_ != "VBG" or word.lower_ in {"adding", "saying"}
    return word.dep_ not in _SETTING or word.lower_ in _SAID_WORDS


_SAID_WORDS = frozenset({"so", "enough", "otherwise", "yes", "no", "nothing", "more", "much"})


def _joined_by_comma(cue: Token) -> bool:
    """The cue is a second clause the parse joined to the sentence's root with a comma
    alone, no ``and`` or ``but``: a report fronted before it, misread."""
    head = cue.head
    # the clause joined before it may have its own "and" ("will eliminate 640 jobs ... and
    # move production to Mexico, the company confirmed Tuesday"): only one after it joins
    joined = max((c.i for c in head.children if c.dep_ == "conj" and c.i < cue.i), default=head.i)
    return (
        cue.dep_ == "conj"
        and head.dep_ == "ROOT"
        and not any(c.dep_ == "cc" and joined < c.i < cue.i for c in head.children)
    )


def _hung_on_root(cue: Token) -> bool:
    """The cue is an adverbial clause of the sentence's root before it (``The Internet
    has also made it possible for people ..., she said.``: ``said`` hung on ``made``,
    with ``for`` its subordinator), or its complement (``Tap water ... contains two
    PFAS chemicals ..., the town's water utility disclosed on Monday.``): a report
    fronted before it, misread. A cue a subordinator does open (``..., as she said.``)
    has no subject right after the comma."""
    return cue.dep_ in {"advcl", "ccomp"} and cue.head.dep_ == "ROOT" and cue.head.i < cue.i


def _past_read_as_participle(cue: Token) -> bool:
    """A past tense tagged a participle (``the utility disclosed``): a subject of its own
    and no auxiliary."""
    return (
        cue.tag_ == "VBN"
        and any(c.dep_ == "nsubj" for c in cue.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in cue.children)
    )


_SUBORDINATORS = frozenset(
    {"as", "when", "after", "while", "before", "if", "because", "although", "since", "until"}
)
