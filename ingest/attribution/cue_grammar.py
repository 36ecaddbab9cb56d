"""The grammar the rules read around a cue: which dependents are subjects, the cue's
subject (the one nearest it, or a speaker named after it, inverted), whether a verb is
tensed, and how a clause opens (``that``, ``whether``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..speakers import is_someone

SUBJECTS = {"nsubj", "nsubjpass"}
TENSED = frozenset({"VBD", "VBZ", "VBP"})  # a verb in the past or present tense


def is_finite(verb: Token) -> bool:
    """The verb is tensed (``said``, ``says``) or an auxiliary before it is (``has said``,
    ``will say``): a clause of its own, which has a subject somewhere."""
    return verb.tag_ in TENSED or any(
        c.dep_ == "aux" and c.tag_ in TENSED | {"MD"} for c in verb.lefts
    )


def asks_whether(clause: Token) -> bool:
    """The clause is a yes-or-no question, opened by ``whether`` or ``if`` (``asked Trump
    if the project was still in his plans``, ``declined to comment on whether ...``)."""
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children)


def inverted_subject(cue: Token) -> Token | None:
    """The speaker named after a cue that follows what was said: ``The rules will hurt
    small businesses, argued Reyes.`` The parse makes the verb a conjunct of the
    clause and the name its object, or the sentence's root with the clause before it
    and the name its object (``Nobody was consulted, complained resident Jane Doe.``):
    a finite speech verb right after a comma, with no subject and no clause after it,
    and a name that ends the sentence, is inverted."""
    doc = cue.doc
    if (
        cue.i == 0
        or doc[cue.i - 1].text != ","
        or cue.tag_ not in {"VBD", "VBZ", "VBN"}  # "..., warned economist Jane Doe": VBN
        or (cue.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in cue.children))
        or cue.lemma_.lower() in TELLING
        or any(_not_inverted(c, cue) or (c.dep_ == "ccomp" and c.i > cue.i) for c in cue.children)
        or (cue.dep_ == "ROOT" and not any(c.dep_ == "ccomp" for c in cue.lefts))
    ):
        return None
    named = next((c for c in cue.rights if c.left_edge.i == cue.i + 1), None)
    if named is None or named.dep_ not in _NAMED_AFTER or not is_someone(named):
        return None
    after = named.right_edge.i + 1
    ends = after >= cue.sent.end or doc[after].text in {".", ",", ";"}
    return named if ends else None


_NAMED_AFTER = {"dobj", "attr", "npadvmod", "appos", "nsubj"}

TELLING = frozenset({"tell", "inform", "remind", "assure", "notify", "convince"})
"""Verbs whose object is whom they tell, never who spoke: ``..., Sonya Sharp, wearing a
pin, told reporters`` is no ``..., argued Reyes`` (``warned`` may be either)."""


def _not_inverted(child: Token, cue: Token) -> bool:
    """A subject that makes the cue no inverted one: any but the subject after a
    conjunct (``... is under pressure from imports, said the company's chief
    executive``), which the parse reads right, the verb joined to the clause it reports."""
    return child.dep_ in SUBJECTS and (child.i < cue.i or cue.dep_ != "conj")


def _has_subject(verb: Token) -> bool:
    """The verb names its own subject. A belief is attributed only then: a participle
    (``a video showing``, ``believing that``) describes rather than attributes."""
    return any(child.dep_ == "nsubj" for child in verb.children)


def nearest_subject(cue: Token) -> Token | None:
    """The cue's subject nearest it on its left: of two the parse gave it (``The drug cut
    levels by half, the company announced``), the one after the comma."""
    return max((c for c in cue.lefts if c.dep_ == "nsubj"), key=lambda c: c.i, default=None)


def _complement(clause: Token) -> bool:
    """A clause opened by ``that`` as a complementizer, with a subject of its own: not a
    relative clause, whatever the parse says, since a relative ``that`` is the clause's
    own subject or object (``the report that he wrote``)."""
    return opened_by_that(clause) and any(c.dep_ in SUBJECTS for c in clause.children)


def opened_by_that(clause: Token) -> bool:
    """The clause's ``that`` is its complementizer (the parse's ``mark``)."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
