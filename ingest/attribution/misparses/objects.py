"""Reports whose subject the parse read as the cue's object: in ``Landlords warned the
move could slow construction`` it reads ``the move`` as what was warned
(`object_as_subject`), in ``has said class sizes, violence in schools and wages are its
main concerns`` the list's first item as what was said (`object_opening_list`); and the
rest of a sentence whose cue the parse gave no clause, so misread or with the ``that``
clause hung on where it was said (`clause_after`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..cue_grammar import SUBJECTS, is_finite
from ..cues import claim_nouns
from ..edges import _strip
from .hung_clauses import _complete


def clause_after(cue: Token) -> Span | None:
    """The rest of the sentence after a cue, when the parse gave the verb no clause
    but the words after it hold one: it hung a ``that`` clause on the noun before it
    (``said in one of a series of messages that the truck ...``, ``insisted in the
    same interview that Mr. Khan was wrong``) or, after ``said``, read the report's
    subject as an object (``said his focus groups show that ...``). ``Say`` takes
    what was said, not a thing, but for a word (``said nothing when ...``, ``said
    goodbye``), which is no clause's subject; other cues take things (``announced
    the plan``)."""
    doc, sentence = cue.doc, cue.sent
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    that = next((t for t in doc[cue.i + 1 : sentence.end] if _introduces(t)), None)
    saying = cue.lemma_.lower() == "say"
    if saying and obj is not None and obj.left_edge.i == cue.i + 1 and _may_be_subject(obj):
        start = obj.left_edge.i
    elif (
        that is not None
        and not any(_verb_between(t, cue) for t in doc[cue.i + 1 : that.i])
        and (saying or _hung_on_setting(cue, that))
    ):
        start = that.i
    else:
        return None
    rest = _strip(doc[start : sentence.end])
    if any(t.is_quote for t in rest):
        return None  # quoted words are reported by a cue of their own (`attribute`)
    # a verb of its own, not of a clause saying when (``a prayer before the game started``);
    # the one a complementizer ``that`` marks is its own, whatever the parse hung it on
    marked = doc[start].head if doc[start].dep_ == "mark" else None
    verbs = [
        t
        for t in rest
        if t.pos_ in {"VERB", "AUX"}
        and (t.dep_ not in _WHEN_CLAUSES or t == marked or _with_modal(t))
    ]
    return rest if any(is_finite(t) for t in verbs) else None


def _verb_between(word: Token, cue: Token) -> bool:
    """A tensed verb between the cue and ``that`` whose clause the ``that`` may be: not
    one of a relative clause of where it was said (``said on CNN, where he is now a
    paid contributor, that Manafort should be held to account``)."""
    return (
        word.pos_ in {"VERB", "AUX"}
        and is_finite(word)
        and not (word.dep_ == "relcl" and _under_prep(word, cue))
    )


def _hung_on_setting(cue: Token, that: Token) -> bool:
    """The words between the cue and ``that`` are where or when it was said, and the
    parse hung the clause on the noun there (``insisted in the same interview that
    ...``): not a thing the cue takes, whose relative clause that is (``touted the bill
    that ...``), nor a claim the noun reports (``responded to criticism that ...``)."""
    between = cue.doc[cue.i + 1 : that.i]
    clause, noun = that.head, that.head.head
    return (
        len(between) > 0
        and all(_under_prep(t, cue) for t in between)
        and clause.dep_ in {"acl", "relcl"}
        and noun.dep_ == "pobj"
        and noun.lemma_.lower() not in claim_nouns()  # "asked about claims that ...": theirs
        and _complete(clause)
    )


def _under_prep(token: Token, cue: Token) -> bool:
    """``token`` lies in a prepositional phrase the cue governs."""
    child = token
    for ancestor in token.ancestors:
        if ancestor == cue:
            return child.dep_ == "prep"
        child = ancestor
    return False


def _introduces(word: Token) -> bool:
    """A ``that`` opening a clause: its complementizer, or the relative adverb the parse
    makes it when it hangs the clause on the noun before (``said for the first time
    that some emails have been located``, where ``that`` is no relative pronoun's
    subject or object)."""
    return word.lower_ == "that" and (
        word.dep_ == "mark" or (word.dep_ == "advmod" and word.head.dep_ == "relcl")
    )


_WHEN_CLAUSES = frozenset({"advcl", "pcomp", "relcl"})
"""Clauses that say when or which, not what: their verbs make no report of their own."""


def _with_modal(verb: Token) -> bool:
    """A verb with a modal, which a clause saying when seldom has: in ``said firms that
    still allow traders to allocate trades after execution should expect scrutiny`` the
    parse read ``after`` as the subordinator of ``should expect``, the report's verb."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _may_be_subject(noun: Token) -> bool:
    """A name, a plural or a noun with its determiner or modifiers (``his focus
    groups``, ``families``): not a bare word ``said`` takes as a thing (``said
    goodbye to ...``), nor what says it said something (``said the same thing``)."""
    if noun.lemma_.lower() in _SAID_THINGS:
        return False
    return noun.pos_ == "PROPN" or (
        noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or noun.n_lefts > 0)
    )


_SAID_THINGS = frozenset({"thing", "word", "lot", "much", "little", "something", "nothing"})
"""What ``said`` takes as a thing said rather than as a report's subject."""


def object_as_subject(cue: Token, clause: Token) -> Token | None:
    """The object the parse gave the cue that is its clause's subject: in ``Landlords
    warned the move could slow construction`` it reads ``the move`` as what was warned,
    and leaves ``could slow`` a finite clause with no subject of its own."""
    if clause.i < cue.i or any(c.dep_ in SUBJECTS | {"expl", "csubj"} for c in clause.children):
        return None
    objects = [c for c in cue.rights if c.dep_ == "dobj" and c.i < clause.i]
    if not is_finite(clause) or not objects or objects[-1].right_edge.i + 1 != clause.left_edge.i:
        return None
    return objects[-1]


def object_opening_list(cue: Token, clause: Token) -> Token | None:
    """The object the parse gave ``said`` that opens the list its clause's subject ends:
    in ``The union has said class sizes, violence in schools and wages are its main
    concerns`` it reads ``class sizes`` as what was said and the rest as the report.
    ``Say`` takes a report, not a thing (`_may_be_subject`), and the subject after the
    comma must be a list's last items (``violence ... and wages``)."""
    if clause.i < cue.i or cue.lemma_.lower() != "say":
        return None
    subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
    objects = [c for c in cue.rights if c.dep_ == "dobj" and c.i < clause.i]
    if not (subjects and objects and _may_be_subject(objects[-1])):
        return None
    last = objects[-1].right_edge  # the comma, where the parse hung it on the object
    between = cue.doc[last.i + (last.text != ",") : clause.left_edge.i]
    listed = any(t.dep_ == "cc" for t in subjects[0].subtree)
    single = not any(t.dep_ == "cc" for t in objects[-1].subtree)
    return objects[-1] if listed and single and between.text == "," else None
