"""Which report a quoted passage belongs to: the clause of the cue that governs it (a
mixed quote), the verb that frames a fragment unless a speech verb's report around it
holds it, or the quote before it that it carries on; and the other way round, which
quoted passages a report holds and where a cue's clause stops short of a quote that is
already a record.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..parse import text_of
from .candidate import Attribution, _mention
from .content import _content_spans, _reported_clause
from .cues import _framing, speech_verbs
from .edges import _stretched, _strip
from .named_sources import _source_outside
from .passages import _after_colon, _opens_sentence, _quote_root, _words_in
from .quote_cues import _governing_cues


def _reported(
    cue: Token,
    content: Span,
    local: Sequence[tuple[int, int]],
    offset: int,
    rule: str,
) -> Attribution:
    """A mixed quote: the clause ``cue`` reports."""
    return _mixed(cue, [(content.start_char, content.end_char)], local, offset, rule)


def _mixed(
    cue: Token,
    spans: Sequence[tuple[int, int]],
    local: Sequence[tuple[int, int]],
    offset: int,
    rule: str,
) -> Attribution:
    """A mixed quote: what ``cue`` reports (paragraph offsets), each part stretched over
    every quoted passage it cuts into (the parse often leaves a closing mark outside);
    direct when each part is a quoted passage (``"That," he added, "promises ..."``)."""
    spans = [_stretched(s, e, local) for s, e in spans]
    subject = _source_outside(cue, local)
    return Attribution(
        spans=[(s + offset, e + offset) for s, e in spans],
        type="direct" if all(span in local for span in spans) else "mixed",
        cue=_mention(cue, offset),
        source=_mention(subject, offset) if subject is not None else None,
        rule=rule,
        confidence=0.8 if subject is not None else 0.5,
        quoted=[
            (s + offset, e + offset)
            for s, e in local
            if any(c_start <= s and e <= c_end for c_start, c_end in spans)
        ],
    )


def _held(
    local: Sequence[tuple[int, int]], start: int, end: int, offset: int
) -> list[tuple[int, int]]:
    """The quoted passages (``local``, paragraph offsets) that lie whole within
    ``[start, end)``, in article offsets: what a content quotes."""
    return [(s + offset, e + offset) for s, e in local if start <= s and e <= end]


def _framed_fragment(
    doc: Doc, root: Token | None, start: int, end: int
) -> tuple[Token, Span] | None:
    """A quoted fragment inside a sentence no speech verb frames: the nearest verb
    with a subject, and its clause. A quote opening its sentence stands on its own."""
    if root is None or _opens_sentence(doc, start, end) or _after_colon(doc, start):
        return None
    return _reported_clause(_governing_cues(root, start, end, _framing)[:1], start, end)


def _reported_around(doc: Doc, start: int, end: int, used: set[int]) -> bool:
    """A speech verb of the quoted fragment's sentence that the parse hangs below it
    (set off by commas, ``as he noted``) reports a clause holding the fragment: that
    report is the statement, not the verb nearest the quotation marks."""
    fragment = doc.char_span(start, end, alignment_mode="expand")
    if fragment is None:
        return False
    cues = speech_verbs(doc)
    return any(
        cues[token.i]
        and token.i not in used
        and any(c.start_char <= start and end <= c.end_char for c in _content_spans(token))
        for token in fragment[0].sent
    )


def _holds_another_report(span: Span, end: int, local: Sequence[tuple[int, int]]) -> bool:
    """A framing clause runs on over a later passage that a speech verb within it reports
    (``emailed her condolences, addressing her as "Hillary" and telling her, "you are an
    all-star player ..."``): the fragment names someone in passing; the later passage,
    reported by its own verb, is the statement."""
    doc = span.doc
    for s, e in local:
        if s < end or not span.start_char <= s < span.end_char:
            continue
        root = _quote_root(doc, s, e)
        governing = _governing_cues(root, s, e) if root is not None else []
        if governing and span.start_char <= governing[0][0].idx < span.end_char:
            return True
    return False


def _carried_on(
    doc: Doc, cue: Token | None, found: Sequence[Attribution], start: int, offset: int
) -> Attribution | None:
    """The paragraph's last direct quote, when a quote opens the sentence right after that
    quote's cue and has no cue of its own, the nearest verb, if any, trailing that cue:
    in ``"A," one official said, speaking on condition of anonymity to discuss
    directives. "B."`` ``discuss`` reports nothing of B, which carries on A; so in
    ``"A," he told the AP after hinting that "changes" could come. "B."``."""
    if cue is not None and cue.idx >= start:
        return None  # a cue after the quote ("B," he added) is the quote's own
    last = next((a for a in reversed(found) if a.type == "direct" and a.cue is not None), None)
    if last is None or last.spans[-1][1] - offset > start:
        return None
    said = doc.char_span(last.cue.start - offset, last.cue.end - offset, alignment_mode="expand")
    if said is None or said.end_char > start:
        return None
    if cue is not None and (cue.i <= said.root.i or cue.sent != said.root.sent):
        return None
    between = text_of(doc)[said.end_char : start].rstrip()
    stops = sum(between.count(mark) for mark in ".!?")
    return last if stops == 1 and between.endswith((".", "!", "?")) else None


def _followed_by(last: Attribution, span: tuple[int, int]) -> bool:
    """A quote with no cue of its own carries on the paragraph's last quoted statement:
    a direct quote, or a mixed one whose cue comes between the two (``The summit
    accomplished "too little," he added. "Without changing policies, Europe risks a
    lot."``)."""
    if last.type == "direct":
        return True
    return (
        last.type == "mixed"
        and last.source is not None
        and last.cue is not None
        and last.spans[-1][1] <= last.cue.start
        and last.cue.end <= span[0]
    )


def _cut_before_quotes(contents: list[Span], covered: Sequence[tuple[int, int]]) -> list[Span]:
    """``contents`` cut where its sentence ends, when it runs on into a quote that is
    already a record: in ``In any case, Mr. Lee said, the industry was over-supplied.
    ''It was just waiting for a recession,'' he said.`` the parse hangs the next
    sentence, quote and all, on the first cue, whose report is the first sentence
    alone. Empty when fewer than three words are left."""
    if not contents:
        return contents
    start = contents[0].start_char
    later = [s for s, _ in covered if start < s < contents[-1].end_char]
    if not later or any(s <= start < e for s, e in covered):
        return contents
    cut = min(later)
    doc = contents[0].doc
    before = text_of(doc)[start:cut].rstrip()
    if not before.endswith((".", "!", "?")):
        return contents  # the quote is part of the sentence reported
    kept = _cut_at(contents, cut)
    return kept if kept and _words_in(doc, kept[0].start_char, kept[-1].end_char) >= 3 else []


def _cut_at(contents: list[Span], cut: int) -> list[Span]:
    """The pieces of ``contents`` before character ``cut``, the one it falls in ending there."""
    kept = [piece for piece in contents if piece.end_char <= cut]
    piece = next((p for p in contents if p.start_char < cut < p.end_char), None)
    if piece is not None:
        ending = piece.doc.char_span(piece.start_char, cut, alignment_mode="contract")
        if ending is not None and len(ending):
            kept.append(_strip(ending))
    return kept


def _before_nested_report(
    contents: list[Span], found: Sequence[Attribution], offset: int
) -> list[Span] | None:
    """``contents`` ending before the clause of another cue inside them whose report is
    already a record: in ``The Alberta skip said her team would regroup for the
    bronze-medal game, though she admitted it would be "a tough one to get up for."``
    the quote is what she admitted, and what she said stops before ``though``. None when
    no such clause starts after three words of the content."""
    doc = contents[0].doc
    start, end = contents[0].start_char, contents[-1].end_char
    cuts = []
    for other in found:
        overlaps = any(s - offset < end and start < e - offset for s, e in other.spans)
        if other.cue is None or not overlaps:
            continue
        at = (other.cue.start - offset, other.cue.end - offset)
        cue = doc.char_span(*at, alignment_mode="expand")
        if cue is not None and start < cue.root.idx < end and _clause_beside(cue.root, contents):
            cuts.append(cue.root.left_edge.idx)
    cut = min(cuts, default=start)
    if cut <= start or _words_in(doc, start, cut) < 3:
        return None
    return _cut_at(contents, cut)


def _clause_beside(cue: Token, contents: list[Span]) -> bool:
    """``cue`` heads a clause set beside the reported one, after a comma (``..., though
    she admitted``, ``..., and she added``), not a word inside it."""
    doc = cue.doc
    edge = cue.left_edge.i
    return (
        cue.dep_ in {"advcl", "conj"}
        and any(cue.head == piece.root for piece in contents)
        and edge > 0
        and (doc[edge - 1].text == "," or doc[edge].dep_ == "cc")
    )
