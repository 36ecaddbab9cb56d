"""What the boundary ranker weighs for each alternative `bounds.alternatives` draws: how
it was drawn, the words at and beyond its edges, whether it keeps its quotation marks
paired, whether it is a whole clause of the parse, and what it adds to or drops from
the rule's span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_QUOTE
from spacy.tokens import Doc, Span, Token

from ..parse import per_doc, text_of
from .bounds import _cue_token, _tokens
from .candidate import Attribution
from .cues import speech_verbs
from .features import _QUOTE_MARKS


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
