"""Where a statement's content starts and ends: alternatives to a rule's span (what the
boundary ranker sees of each is `bounds_features`).

A rule's content is often right in substance and wrong at an edge: the parse
hangs a trailing ``, arguing that ...`` or ``, which ...`` on the reported
clause, a quoted fragment stands for the clause that holds it (``said there
remains a "significant difference" when ...``), or an indirect report runs on
into the next sentence. `alternatives` proposes the spans a reader might have
drawn instead (cut at a clause boundary, stretched to the sentence or the
cue's whole clause, narrowed to the quoted words); the learned ranker (a
`model.Scorer` in ``bounds.json``, trained by `train_bounds`) picks one. The
first alternative is always the rule's own span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..dates import after_dateline
from ..parse import hyphen_joins
from .candidate import Attribution
from .content import _content_spans, next_act
from .cues import speech_verbs
from .edges import _stretched
from .features import _span
from .passages import quote_ends_report

_CLAUSE_MARKS = {",", ";", ":", "—", "–", "--", "―", "(", "-"}
_COMPLEMENTIZERS = {"that", "whether", "if"}
_MAX_CUTS = 4  # clause boundaries tried from each edge
# phrases a report may or may not include: "... after prosecutors decided", "But in May ..."
_HUNG = {"advcl", "prep", "npadvmod", "advmod", "conj", "cc", "relcl", "acl", "mark", "appos"}


def _tokens(doc: Doc, spans: list[tuple[int, int]], offset: int) -> list[Span] | None:
    """The paragraph spans of article offsets, or None when any lies outside the paragraph."""
    found = [_span(doc, start - offset, end - offset) for start, end in spans]
    kept = [span for span in found if span is not None and len(span)]
    return kept if len(kept) == len(found) else None


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[start, end)`` without edge punctuation other than quotation marks,
    nor the paragraph's dateline (`after_dateline`)."""
    if start < (first := after_dateline(doc)) < end:
        start = first
    while start < end and (doc[start].is_punct or doc[start].is_space) and not doc[start].is_quote:
        start += 1
    while end > start and (
        ((doc[end - 1].is_punct or doc[end - 1].is_space) and not doc[end - 1].is_quote)
        or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return (start, end) if end - start >= 2 else None


def _chars(doc: Doc, start: int, end: int, offset: int) -> tuple[int, int]:
    return doc[start].idx + offset, doc[end - 1].idx + len(doc[end - 1]) + offset


def _cue_token(doc: Doc, attribution: Attribution, offset: int) -> Token | None:
    cue = attribution.cue
    span = _span(doc, cue.start - offset, cue.end - offset) if cue is not None else None
    return span.root if span is not None and len(span) else None


def alternatives(
    attribution: Attribution,
    doc: Doc,
    offset: int,
    quoted: list[tuple[int, int]],
    others: Sequence[list[tuple[int, int]]] = (),
) -> list[tuple[str, list[tuple[int, int]]]]:
    """The content spans to choose among, each named by how it was drawn; the rule's own
    span first. ``quoted`` are the paragraph's quoted passages (article offsets), which
    a boundary never cuts through; ``others`` the contents of the paragraph's other
    candidates, which no alternative may become (one statement, two records)."""
    proposed = list(attribution.spans)
    spans = _tokens(doc, proposed, offset)
    if spans is None:
        return [("proposed", proposed)]
    found: dict[tuple[tuple[int, int], ...], str] = {tuple(proposed): "proposed"}

    def add(name: str, drawn: list[tuple[int, int]]) -> None:
        found.setdefault(tuple(_merged([_stretched(s, e, quoted) for s, e in drawn])), name)

    head, tail = spans[0], spans[-1]
    before, after = proposed[:-1], proposed[1:]
    # cut the end at a clause boundary inside the last piece, or after a quoted passage
    # that words hung on the cue follow (``as a “crazy system” during a campaign stop``)
    closing = {e - offset for _, e in quoted}
    cuts = [
        i
        for i in range(tail.start + 2, tail.end)
        if doc[i - 1].text in _CLAUSE_MARKS
        and not _in_word(doc, i)
        or doc[i].dep_ == "cc"
        or doc[i].lower_ in {"which"}
        or (doc[i - 1].is_quote and doc[i - 1].idx + len(doc[i - 1]) in closing)
    ]
    for i in cuts[-_MAX_CUTS:]:
        edge = _trimmed(doc, tail.start, i)
        if edge:
            add("cut-end", before + [_chars(doc, *edge, offset)])
    # cut the start after a clause boundary or a leading "that" inside the first piece
    starts = [
        i
        for i in range(head.start + 1, head.end - 1)
        if doc[i - 1].text in _CLAUSE_MARKS
        and not _in_word(doc, i)
        or doc[i - 1].lower_ in {"that", "whether"}
        or (doc[i].dep_ == "mark" and doc[i].lower_ in _COMPLEMENTIZERS)
        or (doc[i].is_quote and i < head.start + 3)
    ]
    for i in starts[:_MAX_CUTS]:
        edge = _trimmed(doc, i, head.end)
        if edge:
            add("cut-start", [_chars(doc, *edge, offset)] + after)
    # stretch to the sentence's edges, and on into the next sentence
    first_sent, last_sent = head.sent, tail.sent
    edge = _trimmed(doc, head.start, last_sent.end)
    if edge and last_sent.end > tail.end:
        add("to-sentence-end", before + [_chars(doc, tail.start, edge[1], offset)])
    edge = _trimmed(doc, first_sent.start, head.end)
    if edge and first_sent.start < head.start:
        add("to-sentence-start", [_chars(doc, edge[0], head.end, offset)] + after)
    if last_sent.end < len(doc):  # the report goes on: "A," says Lee. "B."
        following = doc[last_sent.end].sent
        edge = _trimmed(doc, following.start, following.end)
        if edge:
            add("next-sentence", proposed + [_chars(doc, *edge, offset)])
    # cut before a phrase hung on the content's root, or after one fronted before it
    for root in _roots(tail):
        for child in [root, *root.rights]:  # a root itself may be hung on the cue
            if tail.start + 2 <= child.left_edge.i < tail.end and child.dep_ in _HUNG:
                edge = _trimmed(doc, tail.start, child.left_edge.i)
                if edge:
                    add("cut-phrase-end", before + [_chars(doc, *edge, offset)])
    for root in _roots(head):
        for child in root.lefts:
            if head.start <= child.right_edge.i < head.end - 2 and child.dep_ in _HUNG:
                edge = _trimmed(doc, child.right_edge.i + 1, head.end)
                if edge:
                    add("cut-phrase-start", [_chars(doc, *edge, offset)] + after)
    # the cue's whole clause, and the quoted words alone
    kept = frozenset(i for span in spans for i in range(span.start, span.end))
    cue = _cue_token(doc, attribution, offset)
    if cue is not None:
        clause = [(s.start_char + offset, s.end_char + offset) for s in _content_spans(cue)]
        if clause:
            add("cue-clause", clause)
    inside = [(s, e) for s, e in attribution.quoted if proposed[0][0] <= s and e <= proposed[-1][1]]
    if inside and inside != proposed:
        add("quoted-only", inside)
    ends = _report_ends(quoted, cue, offset)
    return [
        (name, list(drawn))
        for drawn, name in found.items()
        if name == "proposed"
        or not (
            any(
                _same(list(drawn), other) or _takes(list(drawn), proposed, other)
                for other in others
            )
            or (
                attribution.type == "direct"
                and drawn[-1][1] == proposed[-1][1]
                and _complementizer_only(doc, drawn, head, offset)
            )
            or _adds_report(doc, list(drawn), kept, cue, offset)
            or any(start < e < end for e in ends for start, end in drawn)
        )
    ]


def _in_word(doc: Doc, i: int) -> bool:
    """Token ``i`` is inside a hyphenated word (``re-evaluated``): no boundary falls there."""
    return hyphen_joins(doc, i) or hyphen_joins(doc, i - 1)


def _report_ends(quoted: list[tuple[int, int]], cue: Token | None, offset: int) -> list[int]:
    """The ends of the quotes in the cue's sentence that end what it reports
    (`passages.quote_ends_report`: a name between the quote and the cue after it, or a
    colon introducing it). No alternative runs on over one: the words after it say who
    spoke, or are the writer's."""
    if cue is None:
        return []
    sentence = cue.sent
    return [
        e
        for s, e in quoted
        if sentence.start_char <= s - offset
        and e - offset <= sentence.end_char
        and quote_ends_report(cue, s - offset, e - offset)
    ]


def _adds_report(
    doc: Doc, drawn: list[tuple[int, int]], kept: frozenset[int], cue: Token | None, offset: int
) -> bool:
    """The alternative takes in a reporting verb the rule's span left out (``declared
    the army would "repel any aggression" and reiterated ...``, ``the claim that ...
    has further fueled skepticism, with experts suggesting ...``), its own cue or the
    speaker's next act (`content.next_act`): the words it adds are another report, or
    the sentence the report sits in."""
    speech = speech_verbs(doc)
    return any(
        t.i not in kept
        and (speech[t.i] or t == cue or (cue is not None and (t == cue.head or next_act(t, cue))))
        for span in _tokens(doc, drawn, offset) or []
        for t in span
    )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in text order with overlapping pieces joined: a piece drawn twice (the
    next sentence when the last piece already runs into it) would show its words twice."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _complementizer_only(
    doc: Doc, drawn: tuple[tuple[int, int], ...], head: Span, offset: int
) -> bool:
    """The alternative only puts ``that`` before a direct quote (``said that "..."``): the
    quote stays the quoted words, typed direct (the demo gold's convention; PolNeAR's
    annotators would include the ``that``)."""
    start = doc.char_span(drawn[0][0] - offset, drawn[0][1] - offset, alignment_mode="expand")
    if start is None or start.start >= head.start:
        return False
    return all(t.lower_ in _COMPLEMENTIZERS or t.is_punct for t in doc[start.start : head.start])


def _takes(
    drawn: list[tuple[int, int]], proposed: list[tuple[int, int]], other: list[tuple[int, int]]
) -> bool:
    """The alternative takes in most of another candidate's content that the rule's span
    left alone (``told reporters the funding was "a joke," saying the province ...``
    stretched over what ``saying`` reports): one statement would be in two records."""
    size = sum(e - s for s, e in other) or 1
    return _shared(drawn, other) > 0.5 * size >= _shared(proposed, other)


def _shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _same(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Two contents that share most of their characters (Jaccard >= 0.8)."""
    shared = _shared(a, b)
    union = sum(e - s for s, e in a) + sum(e - s for s, e in b) - shared
    return union > 0 and shared / union >= 0.8


def _roots(span: Span) -> list[Token]:
    """The tokens of ``span`` whose head is outside it."""
    return [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]


def redrawn(
    attribution: Attribution,
    name: str,
    drawn: list[tuple[int, int]],
    passages: Sequence[tuple[int, int]],
    text: str,
) -> Attribution:
    """The candidate with the content the ranker chose (``name``: how it was drawn), its
    quoted passages and type read again from the paragraph's ``passages`` (marks
    included, article offsets): direct if all its words are inside them, mixed if
    some are, indirect if none."""
    if drawn == attribution.spans:
        return attribution
    held = sorted((s, e) for s, e in passages if any(a < e and s < b for a, b in drawn))
    kind = "indirect"
    if held:
        kind = "direct" if not _words_outside(drawn, held, text) else "mixed"
    inside = [(s, e) for s, e in held if any(a <= s and e <= b for a, b in drawn)]
    return replace(attribution, spans=drawn, type=kind, quoted=inside, drawn=name)


def _words_outside(
    drawn: list[tuple[int, int]], passages: list[tuple[int, int]], text: str
) -> bool:
    """Whether any letter or digit of ``drawn`` lies outside the (sorted) ``passages``."""
    for start, end in drawn:
        at = start
        for s, e in passages:
            if e <= at or s >= end:
                continue
            if any(ch.isalnum() for ch in text[at:s]):
                return True
            at = max(at, e)
        if any(ch.isalnum() for ch in text[at:end]):
            return True
    return False
