"""Where a statement's content starts and ends: alternatives to a rule's span, and what
the boundary ranker sees of each.

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

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_QUOTE
from spacy.tokens import Doc, Span, Token

from ..dates import after_dateline
from ..parse import per_doc, text_of
from .candidate import Attribution
from .content import _content_spans, quote_ends_report
from .cues import speech_verbs
from .edges import _stretched
from .features import _QUOTE_MARKS, _span

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


def _report_ends(quoted: list[tuple[int, int]], cue: Token | None, offset: int) -> list[int]:
    """The ends of the quotes in the cue's sentence that end what it reports
    (`content.quote_ends_report`: a name between the quote and the cue after it, or a
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
    has further fueled skepticism, with experts suggesting ...``) or its own cue: the
    words it adds are another report, or the sentence the report sits in."""
    speech = speech_verbs(doc)
    return any(
        t.i not in kept and (speech[t.i] or t == cue or (cue is not None and t == cue.head))
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


def _word(token: Token) -> str:
    """A boundary token as the ranker sees it: closed-class words and punctuation by
    their text, the rest by part of speech."""
    if token.is_punct or token.is_stop:
        return token.lower_
    return token.pos_


@dataclass(frozen=True)
class _Paragraph:
    """What the ranker reads of every token, as plain lists (read for every token of every
    option), worked out once per paragraph and kept in ``doc.user_data``."""

    sentence_starts: list[int]
    heads: list[int]
    punct: list[bool]
    marks: list[bool]  # quotation marks
    subjects: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Paragraph:
        return per_doc(doc, _PARAGRAPH, lambda: cls._read(doc))

    @classmethod
    def _read(cls, doc: Doc) -> _Paragraph:
        parse = doc.to_array([HEAD, IS_PUNCT, IS_QUOTE, DEP]).astype("int64")
        return cls(
            [sentence.start for sentence in doc.sents],
            (parse[:, 0] + numpy.arange(len(doc))).tolist(),
            parse[:, 1].astype(bool).tolist(),
            parse[:, 2].astype(bool).tolist(),
            (parse[:, 3] == doc.vocab.strings["nsubj"]).tolist(),
        )


_PARAGRAPH = "quotedb.bounds.paragraph"


@dataclass(frozen=True)
class _Candidate:
    """What every alternative of one candidate is compared with, worked out once."""

    attribution: Attribution
    cue: Token | None
    cue_words: range  # the cue's subtree
    proposed: frozenset[int]  # the tokens of the rule's span
    paragraph: _Paragraph


def option_features(
    attribution: Attribution,
    options: list[tuple[str, list[tuple[int, int]]]],
    doc: Doc,
    offset: int,
) -> list[dict[str, float]]:
    """What the ranker weighs for each alternative: how it was drawn, the words at and
    beyond its edges, whether it keeps its quotation marks paired, whether it is a
    whole clause of the parse, and what it adds to or drops from the rule's span."""
    cue = _cue_token(doc, attribution, offset)
    spans = _tokens(doc, attribution.spans, offset) or []
    candidate = _Candidate(
        attribution,
        cue,
        range(cue.left_edge.i, cue.right_edge.i + 1) if cue is not None else range(0),
        frozenset(i for span in spans for i in range(span.start, span.end)),
        _Paragraph.of(doc),
    )
    return [_option(candidate, name, drawn, doc, offset) for name, drawn in options]


def _option(
    candidate: _Candidate, name: str, drawn: list[tuple[int, int]], doc: Doc, offset: int
) -> dict[str, float]:
    attribution = candidate.attribution
    spans = _tokens(doc, drawn, offset)
    if spans is None:
        return {"op=" + name: 1.0}
    first, last = spans[0][0], spans[-1][-1]
    paragraph = candidate.paragraph
    starts = paragraph.sentence_starts
    following = bisect.bisect_right(starts, last.i)
    sentence_end = starts[following] if following < len(starts) else len(doc)
    text = " ".join(text_of(doc)[s - offset : e - offset] for s, e in drawn)
    marks = sum(text.count(m) for m in _QUOTE_MARKS)
    size = sum(e - s for s, e in drawn)
    proposed = sum(e - s for s, e in attribution.spans) or 1
    found = {
        "op=" + name: 1.0,
        "first=" + _word(first): 1.0,
        "first-dep=" + first.dep_: 1.0,
        "last=" + _word(last): 1.0,
        "before=" + (_word(doc[first.i - 1]) if first.i > 0 else "START"): 1.0,
        "after=" + (_word(doc[last.i + 1]) if last.i + 1 < len(doc) else "END"): 1.0,
        "after-dep=" + (doc[last.i + 1].dep_ if last.i + 1 < len(doc) else "END"): 1.0,
        "unpaired-marks": float(marks % 2 == 1),
        "sentence-start": float(first.i in starts),
        "sentence-end": float(last.i + 1 >= sentence_end - 1),
        "sentences=" + str(min(following - bisect.bisect_right(starts, first.i) + 1, 3)): 1.0,
        "ratio=" + _ratio(size / proposed): 1.0,
    }
    inside = frozenset(i for span in spans for i in range(span.start, span.end))
    found.update(_shape(spans, inside, candidate))
    cue = attribution.cue
    if cue is not None:
        found["holds-cue"] = float(any(s <= cue.start < e for s, e in drawn))
        side = (
            "before" if cue.end <= drawn[0][0] else "after" if cue.start >= drawn[-1][1] else "in"
        )
        found["cue-side=" + side] = 1.0
    if candidate.cue is not None:
        found["cue=" + candidate.cue.lemma_.lower()] = 1.0
        found["cue-dep=" + candidate.cue.dep_] = 1.0
    source = attribution.source
    if source is not None:
        found["holds-source"] = float(any(s <= source.start < e for s, e in drawn))
    if name != "proposed":
        speech = speech_verbs(doc)  # read once per paragraph
        for label, changed in (
            ("added", sorted(inside - candidate.proposed)),
            ("dropped", sorted(candidate.proposed - inside)),
        ):
            if not changed:
                continue
            edge = doc[changed[0]]
            found[f"{label}-first=" + _word(edge)] = 1.0
            found[f"{label}-first-dep=" + edge.dep_] = 1.0
            found[f"{label}-cue"] = float(any(speech[i] for i in changed))
            found[f"{label}-marks"] = float(any(paragraph.marks[i] for i in changed))
            found[f"{label}-subject"] = float(any(paragraph.subjects[i] for i in changed))
            # what kind of phrase it is (``, encouraging his supporters to ...`` is
            # another act; ``in Flint`` may be part of the report)
            found[f"{label}-size=" + _size(len(changed))] = 1.0
            found[f"{label}-root-dep=" + _top(doc, changed, paragraph.heads).dep_] = 1.0
            found[f"{label}-verb"] = float(any(doc[i].pos_ in {"VERB", "AUX"} for i in changed))
    on = {k: v for k, v in found.items() if v}
    # each also crossed with how the option was drawn, and with the candidate's type
    # (crossing with the rule as well was measured on dev and did not help)
    typed = {f"{name}|{attribution.type}|{k}": v for k, v in on.items()}
    mine = {f"{name}|{k}": v for k, v in on.items() if not k.startswith("op=")}
    return {**on, **mine, **typed}


def _shape(spans: list[Span], inside: frozenset[int], candidate: _Candidate) -> dict[str, float]:
    """Whether the alternative is a whole piece of the parse: reported content is
    usually one clause (one root, its subtree complete), attached to the cue. (A
    subtree is the run of tokens between its edges: the parse is projective.)"""
    heads, punct = candidate.paragraph.heads, candidate.paragraph.punct
    tops = [
        i
        for span in spans
        for i in range(span.start, span.end)
        if not punct[i] and (heads[i] == i or heads[i] not in inside)
    ]
    if not tops:
        return {}
    doc = spans[0].doc
    roots = [doc[i] for i in tops]
    main = max(roots, key=lambda t: t.right_edge.i - t.left_edge.i)
    missing = {
        i
        for root in roots
        for i in range(root.left_edge.i, root.right_edge.i + 1)
        if i not in inside and not punct[i]
    }
    found = {
        "roots=" + str(min(len(roots), 3)): 1.0,
        "closed": float(all(i in candidate.cue_words for i in missing)),
        "whole-subtree": float(not missing),
        "root-dep=" + main.dep_: 1.0,
        "root-pos=" + main.pos_: 1.0,
    }
    cue = candidate.cue
    if cue is not None:
        found["root-under-cue"] = float(main.head == cue or main == cue.head)
        found["roots-off-cue"] = float(
            any(r.head != cue and r != cue.head and r.i != cue.i for r in roots)
        )
    return found


def _ratio(value: float) -> str:
    for edge in (0.5, 0.8, 0.99, 1.01, 1.3, 2.0):
        if value < edge:
            return f"<{edge:g}"
    return ">=2"


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


def _size(words: int) -> str:
    for edge in (2, 3, 6, 11):
        if words < edge:
            return f"<{edge}"
    return ">10"


def _top(doc: Doc, tokens: list[int], heads: list[int]) -> Token:
    """The widest of ``tokens`` whose head lies outside them: the added or dropped
    words' own root."""
    inside = set(tokens)
    tops = [i for i in tokens if heads[i] not in inside] or tokens
    return doc[max(tops, key=lambda i: doc[i].right_edge.i - doc[i].left_edge.i)]
