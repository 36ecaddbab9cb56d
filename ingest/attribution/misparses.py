"""Reports the parse misread, mended: a report's subject read as the cue's object
(``Landlords warned the move could slow construction``), its clause hung on the
document or the person it was told to, its verb made the head of ``with`` (``with
economists warning the central bank could raise rates``), a question read as a
condition. `content._content_spans` asks these when the parse gives a cue no clause of
its own."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from ..speakers import can_speak, is_someone
from ..speakers.documents import ISSUING
from ..speakers.references import put_to_them
from .cues import (
    SUBJECTS,
    TELLING,
    _complement,
    asks_whether,
    claim_nouns,
    is_cue,
    is_finite,
    nearest_subject,
    opened_by_that,
)
from .edges import _strip

_ASKING = {"ask", "wonder", "question", "inquire"}  # their "if ..." is the question put


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


def clause_above(cue: Token) -> Span | None:
    """The clause the parse turned inside out after ``with X saying``: in ``The bill
    passed, with economists warning the central bank could raise rates`` it reads ``the
    central bank`` as what was warned and makes ``could raise`` the head of ``with``, with
    the participle its subject. The object and the finite verb that follows it are the
    report (`object_as_subject` mends the same misreading where the verb stays below
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
    one only introduces it (`cues._complement`). So in ``telling reporters during a
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


def unmarked_clause(cue: Token) -> Span | None:
    """The report the parse hung on the cue as an adverbial clause with no subordinator:
    in ``Trump said after the convention he would not accept Cruz's endorsement`` it
    read ``after the convention`` as opening the clause, so ``would not accept`` became
    a clause saying when. A clause saying when or why has its ``after``, ``because`` or
    ``if``; one with none, a tensed verb and a subject of its own after the cue is what
    was said, from its subject on."""
    for clause in cue.rights:
        if clause.dep_ != "advcl" or not is_finite(clause):
            continue
        if any(c.dep_ == "mark" or c.tag_ in {"WRB", "WDT", "WP"} for c in clause.children):
            continue
        if _comparison(clause):
            continue
        subject = next((c for c in clause.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
        inverted = subject is not None and any(
            c.dep_ in {"aux", "auxpass"} and c.i < subject.i for c in clause.children
        )  # "should Donald Trump win": a condition after all
        if subject is not None and not inverted:
            # quoted words are reported by a cue of their own (`attribute`)
            if any(t.is_quote for t in cue.doc[cue.i : clause.right_edge.i + 2]):
                return None
            return _strip(cue.doc[subject.left_edge.i : clause.right_edge.i + 1])
    return None


def _comparison(clause: Token) -> bool:
    """``The more Democrats learn about him, the more they like him``: one clause
    measured against the other, no report."""
    first = clause.left_edge
    return first.lower_ == "the" and first.nbor().tag_ in {"JJR", "RBR"}


def clause_of_subordinate(cue: Token) -> Token | None:
    """The clause the parse gave the main verb that is a subordinate cue's report: in
    ``While he acknowledged funding was a major reason ..., Ham also noted ...`` and
    ``Warren told Stumpf to resign, after he admitted under Warren's grilling he hadn't
    been held accountable`` it hangs ``was`` and ``been held`` on ``noted`` and
    ``told`` (the first with ``acknowledged`` inside it), and ``acknowledged`` and
    ``admitted``, with a subordinator and nothing of their own after them, report
    nothing. The clause whose subject comes right after such a cue is the cue's (and
    no longer the main verb's, `own_clauses`)."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" for c in cue.children):
        return None
    if any(c.dep_ in _OWN_REPORT for c in cue.rights):
        return None
    after = cue.right_edge.i + 1
    return next(
        (
            clause
            for clause in (cue.head, *cue.head.children)
            if clause.dep_ == "ccomp"
            and any(c.dep_ in SUBJECTS and c.left_edge.i == after for c in clause.children)
        ),
        None,
    )


def subordinate_report(cue: Token) -> Span | None:
    """What a subordinate cue reports (`clause_of_subordinate`), from the clause's
    subject on: the words before it are the main clause's, wherever the parse hung
    them."""
    clause = clause_of_subordinate(cue)
    if clause is None:
        return None
    return _strip(cue.doc[cue.right_edge.i + 1 : clause.right_edge.i + 1])


_OWN_REPORT = frozenset({"ccomp", "xcomp", "dobj", "dative"})
"""What a cue has when its report is its own: a clause or what it says."""


def own_clauses(cue: Token) -> list[Token]:
    """The ``ccomp`` clauses the parse gave a cue that are its own: not one a
    subordinate cue reports (`clause_of_subordinate`), nor a relative clause misread as
    one (`_relative_read_as_clause`)."""
    return [
        c
        for c in cue.children
        if c.dep_ == "ccomp" and not _subordinates(c) and not _relative_read_as_clause(c, cue)
    ]


def _relative_read_as_clause(clause: Token, cue: Token) -> bool:
    """A clause after the cue whose subject is a relative ``that`` or ``which`` right
    after a noun: in ``announced the cuts in an email to staff Wednesday morning that was
    later shared with the Business Journal`` the parse hung the email's relative clause
    on the verb, with ``that`` its subject; a ``that`` opening a report marks it, and is
    no subject. One before the cue is the report (``town halls which he said could not
    be corrupted``)."""
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (
        subject is not None
        and subject.i > cue.i
        and subject.tag_ == "WDT"
        and subject.i == clause.left_edge.i
        and subject.i > 0
        and subject.doc[subject.i - 1].pos_ in {"NOUN", "PROPN"}
    )


def _subordinates(clause: Token) -> bool:
    return any(
        other.dep_ == "advcl" and is_cue(other) and clause_of_subordinate(other) == clause
        for other in (*clause.children, *clause.head.children)
    )


def asked(cue: Token) -> Token | None:
    """The question in ``Hannity asked Trump if the project was still in his plans``: the
    parse reads the ``if`` clause as a condition hung on the verb of asking."""
    if cue.lemma_.lower() not in _ASKING:
        return None
    return next(
        (child for child in cue.rights if child.dep_ == "advcl" and asks_whether(child)),
        None,
    )


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
