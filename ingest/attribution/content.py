"""What was said: the clause a cue reports, as one span or two around a parenthetical
cue (its edges are trimmed by `edges`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..lexicons import words
from ..parse import text_of
from .clause_words import _without
from .cue_grammar import SUBJECTS, TENSED, inverted_subject, nearest_subject, opened_by_that
from .cues import _intended, _prep_cue, is_thought, put_to_them, puts_it
from .edges import _non_space, _stretched, _strip
from .misparses import (
    ADDRESSING,
    asked,
    clause_above,
    clause_after,
    fronted_report,
    object_as_subject,
    object_opening_list,
    own_clauses,
    subordinate_report,
    through_addressee,
    through_document,
    unmarked_clause,
)
from .outlets import _after_outlet, _before_outlet
from .parenthetical import _parenthetical, speaking_how
from .passages import quote_ends_report
from .unsaid import says_nothing


def _clause_around(
    cue: Token, start: int, end: int, local: Sequence[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """What ``cue`` reports, when it holds the quoted passage and more.

    The parse may hang a quoted fragment off the clause rather than under the cue
    (``But the weapons, he added, are like ''bombs you can't use.''``): the
    passage is then part of the cue's content all the same. Pieces stretched over the
    same passage are one (``"Own it, express it, be brave," Lee said``: the clause
    without the speech verb inside it is two pieces of one quote). A quote that is a whole
    piece on its own, the other pieces unquoted, is no part of a clause: the words on the
    cue's other side are the writer's (``"We're playing 'Tin Roof,'" he says, before
    Kessler throws a guitar pick at him``), and a piece with a verb of saying of its own
    reports that verb's words (``“A,” she said, before adding with a smile: “B.”``, the
    parse hanging the second quote on the first).
    """
    pieces = _content_spans(cue)
    spans = list(dict.fromkeys(_stretched(c.start_char, c.end_char, local) for c in pieces))
    if not any(s <= start and end <= e for s, e in spans):
        return None
    if any(
        t.pos_ == "VERB" and t.lemma_.lower() in words("speech_verbs") and t.i != cue.i
        for piece in pieces
        if not piece.start_char <= start < piece.end_char
        for t in piece
    ):
        return None
    if (start, end) in spans and not any(
        s < qe and qs < e for s, e in spans if (s, e) != (start, end) for qs, qe in local
    ):
        return None  # '"We're playing 'Tin Roof,'" he says, before Kessler throws a pick':
        # the quote is a whole piece, the words after the cue the writer's
    reported = sum(_non_space(text_of(cue.doc)[s:e]) for s, e in spans)
    return spans if _non_space(text_of(cue.doc)[start:end]) < 0.8 * reported else None


def _reported_clause(
    governing: Sequence[tuple[Token, Token]], start: int, end: int
) -> tuple[Token, Span] | None:
    """The outermost cue whose clause is more than the quoted words, with that clause.

    In ``Clinton says she appreciated what she calls a "war of words"`` the quote is
    all that ``calls`` governs, but part of what ``says`` reports; the report is
    the statement. In ``said the plan was "a betrayal of ..."`` the clause names what
    the quote is about: a tenth more than the quote is enough (asking a fifth more,
    the training split had 8 fewer contents with exactly the annotators' words, dev 3).
    """
    if not governing:
        return None
    doc = governing[0][0].doc
    quoted = _non_space(text_of(doc)[start:end])
    for cue, child in reversed(governing):
        content = _after_introduction(_governed(cue, child), start)
        if content.end_char > end and quote_ends_report(cue, start, end):
            content = doc.char_span(content.start_char, end, alignment_mode="contract") or content
        elif cue == governing[0][0] and _runs_on(content, start, end):
            content = doc.char_span(content.start_char, end, alignment_mode="expand") or content
        if quoted < 0.9 * _non_space(content.text):
            return cue, content
    return None


def _runs_on(content: Span, start: int, end: int) -> bool:
    """The quote at [start, end) opens inside the clause ``content`` and runs on past
    its sentence: ``added that he was the only one "fighting to defend the Constitution.
    I'll tell you this, ..."`` said all of it. Only for the cue right above the quote
    (not ``emphasized the threat, stating, "These people are terrorists. They ..."``),
    and not for a quote that only a ``that`` opens (``told that "..."``): those stay
    the quoted words, typed direct."""
    if not content.start_char < start < content.end_char < end:
        return False
    sentence_end = content[-1].sent.end_char
    opening = content.doc.char_span(content.start_char, start, alignment_mode="expand")
    return end > sentence_end + 1 and (
        opening is not None
        and any(not (t.is_punct or t.lower_ in {"that", "whether", "if"}) for t in opening)
    )


def _after_introduction(content: Span, start: int) -> Span:
    """``content`` from the quote at ``start`` on when a colon before it introduces the
    quote (``Murphy lamented the fundraising: “There’s just a ton of ...,” he said``):
    the words before the colon are the writer's, though the parse hangs them on the
    quote."""
    colon = next((t for t in content[:-1] if t.text == ":" and t.nbor().idx == start), None)
    return content if colon is None else content.doc[colon.i + 1 : content.end]


def _governed(cue: Token, child: Token) -> Span:
    """What a cue says about: its clause (fronted or after it), or its complements.

    ``said Monday that it was "fair"`` gives the ``that`` clause; ``called Trump a
    "liar"`` gives ``Trump a "liar"``; ``telling reporters during a visit that he thinks
    it is "a great thing"`` the ``that`` clause the parse hung on the visit.
    """
    doc = cue.doc
    hung = through_addressee(cue) if child.dep_ != "ccomp" and child.i > cue.i else []
    if hung and child.left_edge.i <= hung[0].left_edge.i <= child.right_edge.i:
        child = hung[0]
    child = _first_of_coordinated(cue, child)
    if child.dep_ == "ccomp" or child.i < cue.i or child in hung:
        spans = _without(child, cue)
        if spans and child.i > cue.i:  # "that A and that B": both said
            spans = _with_second_complement(spans, cue)
        if spans:
            return doc[spans[0].start : spans[-1].end]
        return _strip(doc[child.left_edge.i : child.right_edge.i + 1])
    parts = _after_addressee(
        cue, child, [c for c in cue.rights if c.dep_ in _GOVERNED or c == child]
    )
    first, last = min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts)
    return _strip(doc[first : last + 1])


def _first_of_coordinated(cue: Token, child: Token) -> Token:
    """The cue's first ``that`` clause when ``child`` is a second one the parse joined to
    the cue itself (``told reporters that policy was “well positioned” and that
    officials could “be patient”``: ``be`` a ``conj`` of ``told``): what was said runs
    from the first, not from whom it was told."""
    if child.dep_ != "conj" or child.i < cue.i or not opened_by_that(child):
        return child
    return next((c for c in cue.rights if c.dep_ == "ccomp" and c.i < child.i), child)


def _after_addressee(cue: Token, child: Token, parts: list[Token]) -> list[Token]:
    """The parts of what a telling cue governs after whom it tells, when punctuation sets
    that off from the words told: in ``She told the crowd, "Thank you all for coming"``
    the crowd is no part of what she said."""
    doc = cue.doc
    told = [
        p
        for p in parts
        if p.dep_ in {"dobj", "dative"}
        and p.right_edge.i < child.left_edge.i
        and doc[p.right_edge.i + 1].is_punct
    ]
    if not told or cue.lemma_.lower() not in ADDRESSING:
        return parts
    return [p for p in parts if p.left_edge.i > told[-1].right_edge.i]


# what a cue's content spans: its clause, object and complements
_GOVERNED = {"dobj", "dative", "ccomp", "xcomp", "oprd", "prep", "attr", "acomp", "obj"}
# what a cue governs of its own, beyond when and where ("said on Tuesday")
_OWN_OBJECTS = _GOVERNED - {"prep"}


def _content_spans(cue: Token) -> list[Span]:
    """The clause a cue governs, as one span or two around a parenthetical cue.

    ``said that ...`` and a fronted ``..., officials said`` give the ``ccomp``;
    ``urged X to ...`` the object and the infinitive; ``..., he said, ...`` the
    sentence around the cue (`_parenthetical`). A refused act (``declined to discuss
    whether ...``) governs nothing: its speaker said no such thing.
    """
    if cue.lower_ == "according":
        return _according_clause(cue)
    if says_nothing(cue):
        return []
    if (around := _parenthetical(cue)) is not None:
        return around
    doc = cue.doc
    clauses = own_clauses(cue) or through_document(cue) or through_addressee(cue)
    clauses = [c for c in clauses if not put_to_them(c)]  # "Asked why ..., Sanders said ..."
    clauses.sort(key=lambda c: c.i < cue.i)  # a clause to the right wins
    if clauses:
        spans = _with_second_complement(_after_outlet(_without(clauses[0], cue), cue), cue)
        subject = object_as_subject(cue, clauses[0]) or object_opening_list(cue, clauses[0])
        if spans and subject is not None and spans[0].start == clauses[0].left_edge.i:
            spans[0] = doc[subject.left_edge.i : spans[0].end]
        fronted = fronted_report(cue) if spans else None
        if fronted is not None and fronted.start <= spans[0].start < spans[-1].end < fronted.end:
            # "... completed before Thursday's trade deadline, a person familiar with the
            # talks said": the parse took the deadline for a second subject of the cue
            spans[-1] = doc[spans[-1].start : fronted.end]
        return spans
    if (report := subordinate_report(cue)) is not None:
        return [report]
    if (question := asked(cue)) is not None:
        return [_strip(doc[question.left_edge.i : question.right_edge.i + 1])]
    if (clause := clause_above(cue) or unmarked_clause(cue)) is not None:
        return [clause]
    infinitive = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if infinitive is not None:
        first = min(
            (c for c in cue.rights if c.dep_ in {"dobj", "prep"} and c.i < infinitive.i),
            key=lambda c: c.i,
            default=infinitive,
        )
        if first.dep_ == "prep" and first.i == cue.i + 1:  # "called on leaders to ..."
            first = next((c for c in first.children if c.dep_ == "pobj"), infinitive)
        span = _strip(doc[first.left_edge.i : _infinitive_end(infinitive, cue)])
        return [span] if len(span) >= 3 else []
    if cue.dep_ == "parataxis" or _as_noted(cue) or inverted_subject(cue) is not None:
        spans = _without(_clause_noted(cue), cue)
        return [s for s in spans if s.end <= cue.i] if _said_how(cue) else spans
    if (subject := _hung_after(cue)) is not None:
        return [_strip(doc[cue.head.left_edge.i : subject.left_edge.i])]
    if (fronted := fronted_report(cue)) is not None:
        return [fronted]
    prep = _prep_cue(cue)
    if prep is not None:
        if prep.dep_ == "mark":  # "called for Trump to drop out": the clause it marks
            span = _strip(doc[prep.i + 1 : prep.head.right_edge.i + 1])
            return [span] if len(span) >= 2 else []
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if objects:
            span = _strip(doc[objects[0].left_edge.i : objects[-1].right_edge.i + 1])
            return [span] if len(span) >= 2 else []
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    lemma = cue.lemma_.lower()
    if (
        obj is not None
        and (
            lemma in words("object_cues")
            or (is_thought(cue) and lemma not in words("clause_thoughts"))
        )
        and not _intended(cue)
        and (lemma not in words("complement_cues") or _names_it(cue))
    ):
        parts = [obj] + [c for c in cue.rights if c.dep_ in {"prep", "oprd"} and c.i > obj.i]
        span = _strip(doc[obj.left_edge.i : max(p.right_edge.i for p in parts) + 1])
        return [_before_outlet(span)] if len(span) >= 3 else []
    if (after := clause_after(cue)) is not None:
        return [after]
    return []


def _infinitive_end(infinitive: Token, cue: Token) -> int:
    """Where an infinitive the cue governs ends: before the speaker's next act
    (`next_act`) the parse coordinates with it."""
    act = next((c for c in infinitive.rights if next_act(c, cue)), None)
    if act is None:
        return infinitive.right_edge.i + 1
    end = act.left_edge.i
    while end > infinitive.i + 1 and infinitive.doc[end - 1].dep_ in {"cc", "punct"}:
        end -= 1
    return end


def next_act(verb: Token, cue: Token) -> bool:
    """``verb`` is the speaker's next act, no part of what the cue reports: a verb with
    no subject of its own coordinated with the cue (``called his opponent "Senator Cruz"
    instead and made no mention of ...``), or with an infinitive the cue governs when it
    is no infinitive itself (``urged the party to coalesce around them and tried to make
    the case``, ``urging voters to see the big picture and promising to ...``). Not
    after a relative clause, which such a verb may go on (``point to the bill, which put
    more officers on the streets, but also led to ...``: the bill led)."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    head = verb.head
    if head == cue:
        return not any(t.dep_ == "relcl" for t in verb.doc[cue.i + 1 : verb.i])
    return (
        head.dep_ == "xcomp"
        and head.head == cue
        and head.tag_ == "VB"
        and verb.tag_ in {"VBD", "VBZ", "VBP", "VBG"}
    )


def _with_second_complement(spans: list[Span], cue: Token) -> list[Span]:
    """``spans`` run on over a second ``that`` clause the parse coordinates with the cue
    itself: in ``Kasich said the U.S. needs to secure the border, but that he would not
    support mass deportation``, ``support`` is a ``conj`` of ``said``, yet its ``that``
    makes it a second thing said, not a second act of the speaker. So with a list of
    ``that`` clauses each hung on the cue (``recommended that A, that B, and that C``),
    and with one hung on the first clause."""
    if not spans:
        return spans
    doc = cue.doc
    second = [
        c
        for c in cue.rights
        if c.dep_ in {"conj", "ccomp"}
        and c.left_edge.i >= spans[-1].end
        and ((opened_by_that(c) and c.left_edge.head == c) or _that_after_but(c.left_edge))
    ]
    # or to the first clause, after "and" or "but": "said the removal is temporary and
    # that the committee ... will report back" made "report" a conj of "is"
    second += [
        c
        for clause in cue.rights
        if clause.dep_ == "ccomp"
        for c in clause.rights
        if c.dep_ == "conj" and c.left_edge.i >= spans[-1].end and _that_after_but(c.left_edge)
    ]
    if not second:
        return spans
    last = max(c.right_edge.i for c in second)
    return [*spans[:-1], _strip(doc[spans[-1].start : last + 1])]


def _that_after_but(word: Token) -> bool:
    """``..., but that sovereignty also means ...``: a ``that`` right after ``but`` or
    ``and`` opens a second thing said, though the parse read it as ``that sovereignty``;
    not one that is the clause's subject (``but that wasn't the case``)."""
    return (
        word.lower_ == "that"
        and word.i > 0
        and word.doc[word.i - 1].dep_ == "cc"
        and word.dep_ not in {"nsubj", "nsubjpass"}
    )


def _said_how(cue: Token) -> bool:
    """``"...," she said, her voice breaking``: the parse hangs the cue on the participle
    after it (or on ``breaking`` tagged a noun), which tells how the words were said, not
    more of them: no finite verb follows the cue there. So a participle of speaking after
    the cue (``A, two of the people said, speaking on condition of anonymity``)."""
    manner, doc = cue.head, cue.doc
    after = doc[cue.i + 1 : manner.right_edge.i + 1]
    if cue.dep_ == "parataxis" and any(  # "A, two of the people said, speaking on ..."
        c.dep_ == "advcl" and c.i > cue.i and speaking_how(c) for c in manner.rights
    ):
        return True
    return (
        cue.dep_ == "parataxis"
        and manner.i > cue.i
        and manner.lower_.endswith("ing")
        and not any(t.tag_ in TENSED or t.tag_ == "MD" for t in after)
    )


def _according_clause(according: Token) -> list[Span]:
    """The clause before ``according to X`` that the phrase hangs on, when the parse
    makes it less than the sentence (``There is one law ..., and Clinton broke it,
    according to McCarthy``). The rule reports the whole sentence; which one the
    writer meant is the boundary ranker's call (`bounds.alternatives`)."""
    head = according.head
    if according.dep_ == "ROOT" or head.i > according.i:
        return []
    span = _strip(according.doc[head.left_edge.i : according.i])
    return [span] if len(span) >= 3 else []


def _hung_after(cue: Token) -> Token | None:
    """The subject of a fronted report whose cue the parse hung on the reported verb as
    an adverbial clause: ``Deficits will end this year, sooner than expected, the Budget
    Office reported on Tuesday -- a development that ...``. After a comma, with a
    subject of its own and nothing it governs itself (no object, clause or mark such as
    ``when``), the cue reports what comes before its subject, as ``..., officials
    said`` does."""
    subject = nearest_subject(cue)
    if (
        cue.dep_ != "advcl"
        or cue.head.i > cue.i
        or cue.tag_ not in TENSED
        or subject is None
        or subject.tag_ in {"WP", "WDT"}
        or subject.left_edge.i <= cue.head.i
        or cue.doc[subject.left_edge.i - 1].text != ","
        or any(c.dep_ in _OWN_OBJECTS or c.dep_ == "mark" for c in cue.children)
    ):
        return None
    return subject


def _as_noted(cue: Token) -> bool:
    """``as Comey noted, people involved could still face sanctions``: a cue in an ``as``
    clause reports the clause it hangs on, as a parenthetical ``, he said,`` does. One
    with an object or complement of its own (``as he was saying goodbye``, ``as Sanders
    criticized Clinton for ...``, ``as Trump called for ...``) tells when, not what."""
    return (
        cue.dep_ == "advcl"
        and cue.tag_ != "VBG"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        and (puts_it(cue) or not any(c.dep_ in _OWN_OBJECTS for c in cue.children))
        and _prep_cue(cue) is None
    )


def _clause_noted(cue: Token) -> Token:
    """The clause a parenthetical cue comments on: in ``The requirement, as Smith put it
    in his memo, is a lawful source of income`` the parse hangs the ``as`` clause on the
    subject, yet what Smith said is the sentence it sits in."""
    head = cue.head
    if head.dep_ in SUBJECTS and head.i < cue.i and head.head.i > cue.i:
        return head.head
    return head


def _names_it(cue: Token) -> bool:
    """``called the plan a disgrace``, ``branded him as a liar``: the verb's object has
    a complement saying what it is called, so the verb reports a verdict."""
    return any(
        c.dep_ in {"oprd", "xcomp"} or (c.dep_ == "prep" and c.lower_ == "as") for c in cue.children
    )
