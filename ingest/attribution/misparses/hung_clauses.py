"""Reports whose clause the parse hung on something other than the cue: on the document
or occasion it names (``said in a statement that ...``: `through_document`), on whom it
tells (``told a meeting of fisheries ministers that ...``: `through_addressee`), or above
it, the report's verb made the head of ``with`` (``with economists warning the central
bank could raise rates``: `clause_above`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...lexicons import words
from ...speakers import can_speak, is_someone
from ...speakers.documents import ISSUING
from ..cue_grammar import SUBJECTS, TELLING, _complement, is_finite, opened_by_that
from ..edges import _strip


def clause_above(cue: Token) -> Span | None:
    """The clause the parse turned inside out after ``with X saying``: in ``The bill
    passed, with economists warning the central bank could raise rates`` it reads ``the
    central bank`` as what was warned and makes ``could raise`` the head of ``with``, with
    the participle its subject. The object and the finite verb that follows it are the
    report (`objects.object_as_subject` mends the same misreading where the verb stays below
    the cue)."""
    obj = next((c for c in reversed(list(cue.rights)) if c.dep_ == "dobj"), None)
    if cue.tag_ != "VBG" or obj is None or obj.right_edge.i + 1 >= len(cue.doc):
        return None
    verb = next((a for a in cue.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ != "pcomp" or verb.head.lower_ != "with" or not is_finite(verb):
        return None
    following = cue.doc[obj.right_edge.i + 1]
    if following != verb and not (following.head == verb and following.dep_ in _VERB_GROUP):
        return None
    return _strip(cue.doc[obj.left_edge.i : verb.right_edge.i + 1])


_VERB_GROUP = frozenset({"aux", "auxpass", "neg"})


def through_document(cue: Token) -> list[Token]:
    """The ``that`` clause the parse hangs on the document or the occasion a cue names: in
    ``The Centre said in a statement that the risk remains low`` it reads the clause as
    the statement's, and in ``She said in a speech that the law would pass`` as a
    relative clause with ``that`` its object; the verb reports nothing, and the clause is
    what was said. A relative clause of the occasion stays one (``said in an interview
    that aired Sunday``, ``in a speech that he gave Monday``)."""
    return [
        clause
        for prep in cue.rights
        if prep.dep_ == "prep" and prep.lower_ in {"in", "on", "via", "during"}
        for noun in prep.children
        if noun.dep_ == "pobj"
        for clause in noun.rights
        if clause.dep_ in {"acl", "relcl"}
        and (
            (opened_by_that(clause) and noun.lemma_.lower() in words("document_heads"))
            or _that_as_object(clause)
        )
    ][:1]


def _that_as_object(clause: Token) -> bool:
    """A clause the parse opened with a relative ``that`` as its object, though it has a
    subject of its own and its verb wants no text for an object (``the road would
    close``, not ``that the board sent``): a complement."""
    that = clause.doc[clause.left_edge.i]
    return (
        that.lower_ == "that"
        and that.head == clause
        and that.dep_ == "dobj"
        and any(c.dep_ == "nsubj" for c in clause.children)
        and clause.lemma_.lower() not in _TAKES_A_TEXT
    )


_TAKES_A_TEXT = ISSUING | {
    "write",
    "sign",
    "draft",
    "prepare",
    "deliver",
    "give",
    "make",
    "read",
    "see",
    "hear",
    "watch",
    "receive",
    "obtain",
    "record",
    "tape",
    "air",
    "broadcast",
    "hold",
    "conduct",
    "host",
}
"""Verbs whose object is a text or an occasion (those that issue one among them): after
``a letter that`` or ``a speech that`` they make a relative clause (`_that_as_object`)."""


ADDRESSING = TELLING | {"warn", "caution", "advise"}
"""Verbs of telling someone something: their ``that`` clause follows whom they tell."""


def through_addressee(cue: Token) -> list[Token]:
    """The ``that`` clause the parse hangs on whom a cue tells: in ``she told a meeting of
    fisheries ministers that few people understood ...`` it reads a relative clause of
    the ministers, but a relative ``that`` is its clause's subject or object, and this
    one only introduces it (`cue_grammar._complement`). So in ``telling reporters during a
    visit to Scotland that he thinks ...``, where it hangs on the visit."""
    if cue.lemma_.lower() not in ADDRESSING:
        return []
    told = next((c for c in cue.rights if c.dep_ in {"dobj", "dative"}), None)
    if told is None:
        return []
    return [
        clause
        for phrase in cue.rights
        if phrase.i >= told.i
        for clause in phrase.subtree
        if clause.dep_ in {"acl", "relcl"}
        and (
            _complement(clause)
            or (clause.head == told and (_without_that(clause, told) or _occasion(clause, told)))
        )
    ][:1]


def _occasion(clause: Token, told: Token) -> bool:
    """A ``that`` clause with a subject of its own after an occasion the cue "told"
    (``told the same briefing that stocks ... would run out``): what no one can be told
    has no relative clause a cue would take, whatever the parse made of ``that``."""
    that = clause.doc[clause.left_edge.i]
    return (
        that.lower_ == "that"
        and not is_someone(told)
        and not can_speak(told)
        and any(c.dep_ in SUBJECTS and c.left_edge.i == that.i + 1 for c in clause.children)
    )


def _without_that(clause: Token, told: Token) -> bool:
    """A clause right after whom a cue tells, read as a relative clause of theirs, that
    is what they were told: ``told inspectors she had stopped drinking water``. A
    relative clause without ``that`` lacks the object it hangs on (``told the people
    she met``); this one opens with its own subject and has its complement."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    return (
        subject is not None
        and subject.left_edge.i == told.i + 1
        and not any(c.tag_ in {"WDT", "WP", "WP$"} or c.lower_ == "that" for c in clause.children)
        and _complete(clause)
        and not any(c.dep_ == "prep" and not list(c.children) for c in clause.children)
    )


def _complete(clause: Token) -> bool:
    """A clause with no object missing: an object, a complement, or a passive's
    auxiliary. One a ``that`` opens may still be a relative clause whose ``that`` is the
    object (``in the interview that Fox aired on Sunday``), which no report is; an
    intransitive verb's clause is complete too, but cannot be told from it."""
    return any(c.dep_ in _COMPLETE for c in clause.children)


_COMPLETE = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "auxpass"})
"""What a clause has when no object is missing from it: an object, a complement, or a
passive's auxiliary."""
