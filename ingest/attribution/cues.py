"""Which words report speech or thought: speech and thought verbs from the lexicons, verbs
with a preposition (``called for``), other verbs whose subject names someone (framing a
quoted fragment, or with a clause the scorer may take for a report), and the nouns that
report a ``that`` clause. A cue's subject and clause are read by `cue_grammar`; which
cue reports a quoted passage is `quote_cues`' search.
"""

from __future__ import annotations

from functools import cache
from itertools import chain

from spacy.tokens import Doc, Token

from ..lexicons import words
from ..parse import per_doc
from ..speakers import is_someone
from ..speakers.references import put_to_them
from .cue_grammar import _complement


def speech_verbs(doc: Doc) -> list[bool]:
    """`is_cue` of every word of a paragraph, read once: the rules look for cues among
    all its words, and the boundary ranker asks which words an alternative adds."""
    return per_doc(doc, "quotedb.speech_verbs", lambda: [is_cue(token) for token in doc])


def is_cue(token: Token) -> bool:
    """A speech verb, a verb that carries a speaker on (``he continued``) standing bare,
    or one whose particle makes it a retort (``shot back``, ``pushed back``)."""
    if token.pos_ not in {"VERB", "AUX"} and not _verb_read_as_noun(token):
        return False
    if _aside(token) or _adds_a_thing(token) or _reminds_of(token) or put_to_them(token):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in words("speech_verbs")
        or (lemma in words("carrying_on_verbs") and _carries_on(token))
        or (lemma in _WRITTEN and _written_subject(token) and not _depicts(token))
        or puts_it(token)
        or (
            lemma in _verbs_of("phrasal_cues")
            and any(
                c.dep_ in {"prt", "advmod"} and f"{lemma} {c.lower_}" in words("phrasal_cues")
                for c in token.children
            )
        )
    )


def puts_it(verb: Token) -> bool:
    """``As Mr. Ridge put it, the barbarians are inside``, ``Foner put it bluntly: ...``:
    how someone put it is what they said; ``put it on the table`` is no saying, and
    neither is ``put it`` without ``as`` or a colon after."""
    if verb.lemma_.lower() != "put" or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in children) or any(
        c.dep_ in {"dative", "prt", "xcomp", "ccomp"} and c.i > verb.i for c in children
    ):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return True
    after = verb.right_edge.i + 1
    return after < len(verb.doc) and verb.doc[after].text == ":"


@cache
def _verbs_of(pairs: str) -> frozenset[str]:
    """What may come before a space in an entry of ``lexicons/PAIRS.txt`` (a verb and its
    particle or preposition): a word that is none of them needs no look at its children
    (for speed: most words are none)."""
    return frozenset(
        entry[:at] for entry in words(pairs) for at, char in enumerate(entry) if char == " "
    )


def _aside(verb: Token) -> bool:
    """``That said, ...``: the writer's "even so", in which nobody says anything."""
    doc, i = verb.doc, verb.i
    return (
        verb.lower_ == "said"
        and i - 1 == verb.sent.start
        and doc[i - 1].lower_ in {"that", "this"}
        and i + 1 < len(doc)
        and doc[i + 1].text == ","
    )


def _adds_a_thing(verb: Token) -> bool:
    """``the bill added billions to the deficit``, ``add a clip``: ``add`` with a thing
    for its object says what grew, not what was said. An object in quotation marks is
    what was said (``He added, "She's qualified."``), and a person after it who said it
    (``..., added another New Hampshire Democrat``)."""
    return verb.lemma_.lower() == "add" and any(
        c.dep_ == "dobj"
        and c.tag_ not in {"WDT", "WP"}  # "which he added 'is deeply regrettable'"
        and not is_someone(c)
        and not any(t.is_quote for t in c.subtree)
        for c in verb.children
    )


def _reminds_of(verb: Token) -> bool:
    """``the schools reminded him of “a third-world country”``: what something called to
    mind, not what anyone said (``reminded members that ...`` is said)."""
    return verb.lemma_.lower() == "remind" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in verb.children
    )


def _written_subject(verb: Token) -> bool:
    """``the statement read``, ``one sign read``: what a text says, its words quoted; so
    what a document finds (``the audit found that ...``, ``a report that concluded
    ...``, ``a new poll shows ...``) is what it publishes, a statement as ``according to
    the study`` is, not a belief; a person's finding stays a thought."""
    documents = words("document_heads")
    return any(
        c.dep_ == "nsubj"
        and (
            c.lemma_.lower() in documents
            or (c.tag_ == "WDT" and verb.dep_ == "relcl" and verb.head.lemma_.lower() in documents)
        )
        for c in verb.children
    )


_WRITTEN = frozenset({"read", "find", "show", "conclude"})
"""Verbs that report when a document is their subject."""


def _depicts(verb: Token) -> bool:
    """``The video shows a spokeswoman saying ...``: what a picture shows
    (`lexicons/shared_media.txt`) is what it depicts, not what it says (``the poll shows
    Clinton leads``)."""
    return verb.lemma_.lower() == "show" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in words("shared_media") for c in verb.children
    )


def _verb_read_as_noun(token: Token) -> bool:
    """``Trump claims he's worth $10 billion``: the tagger reads ``claims`` as a plural
    noun, the parser as the verb it is, with a subject and a clause."""
    return (
        token.tag_ == "NNS"
        and any(c.dep_ == "nsubj" for c in token.children)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


# a carrying-on verb with one of these goes on to something else ("went on to win")
_NOT_BARE = {"dobj", "xcomp", "prep", "attr", "acomp", "oprd", "agent", "dative", "npadvmod"}


def _carries_on(verb: Token) -> bool:
    """``"...," he continued.`` or ``She went on: "..."``: someone is its subject and it
    has neither an object nor a complement (``went on to win``), so what it goes on
    with is the quote."""
    children = list(verb.children)
    if verb.lemma_.lower() == "go" and not any(
        c.dep_ == "prt" and c.lower_ == "on" for c in children
    ):
        return False
    return any(c.dep_ == "nsubj" and is_someone(c) for c in children) and not any(
        (c.dep_ in _NOT_BARE and not _quoted_before(c, verb)) or _intended(c) for c in children
    )


def _quoted_before(word: Token, verb: Token) -> bool:
    """The object the parse gave a verb is the quote before it (``“Honesty,” he
    answered``): what it goes on with, no thing it takes."""
    first = word.left_edge
    return word.i < verb.i and (first.is_quote or (first.i > 0 and first.nbor(-1).is_quote))


def is_thought(token: Token) -> bool:
    """A verb that attributes a belief, plan or finding (``lexicons/thought_verbs.txt``),
    or a view of something as something (``sees him as a threat``,
    ``lexicons/view_verbs.txt``)."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    return lemma in words("thought_verbs") or (
        lemma in words("view_verbs")
        and any(c.dep_ == "dobj" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
    )


def _prep_cue(verb: Token) -> Token | None:
    """The preposition that makes ``verb`` a cue (``called for``, ``spoke of``), from
    ``lexicons/prep_cues.txt``; ``spoke on Fox News`` reports nothing.

    In ``called for Trump to drop out`` the parse makes ``for`` the marker of the
    clause that follows, hung on the verb: the preposition all the same. Those
    markers are looked for only when no preposition of the verb's own is one.
    """
    lemma = verb.lemma_.lower()
    if lemma not in _verbs_of("prep_cues"):
        return None
    follows = (
        mark
        for clause in verb.rights
        if clause.dep_ in {"advcl", "ccomp", "xcomp"}
        for mark in clause.lefts
        if mark.dep_ == "mark" and mark.i == verb.i + 1
    )
    return next(
        (
            prep
            for prep in chain(verb.rights, follows)
            if prep.dep_ in {"prep", "mark"} and f"{lemma} {prep.lower_}" in words("prep_cues")
        ),
        None,
    )


def _intended(cue: Token) -> bool:
    """``met to discuss the plan``, ``refused to describe it``: an act meant or
    refused, not one reported, so its object is no statement. One that goes on
    (``continues to deny the allegations``) is reported all the same."""
    return (
        cue.dep_ in {"advcl", "xcomp"}
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in cue.children)
        and not (cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _GOING_ON)
    )


_GOING_ON = frozenset({"continue", "keep", "begin", "start"})


def _framing(verb: Token) -> bool:
    """A verb whose subject names someone: ``Tribe likened the rules to "burning the
    Constitution"`` quotes Tribe even though the verb does not report speech."""
    return verb.pos_ == "VERB" and any(
        child.dep_ == "nsubj" and is_someone(child) for child in verb.children
    )


def _reports(verb: Token) -> bool:
    """A verb outside the lexicons that may still attribute: its subject names someone and
    it has a clause (``Cruz signalled that ...``, ``Trump reckons the polls ...``).
    Whether it does is the learned scorer's call, from its lemma. An infinitive is an
    act refused or meant (``declined to discuss``), not something said."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and is_someone(c) for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


@cache
def claim_nouns() -> frozenset[str]:
    """Speech nouns and documents: the nouns that report a ``that`` clause (``the claim
    that ...``, ``a report that ...``)."""
    return words("speech_nouns") | words("document_heads")


def _claim_clause(noun: Token) -> Token | None:
    """The ``that`` clause of a speech noun or a document, if it has one."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in claim_nouns():
        return None
    return next(
        (
            c
            for c in noun.rights
            if (c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children))
            or (c.dep_ == "relcl" and _complement(c))  # "the vow that answers will be ...", misread
        ),
        None,
    )
