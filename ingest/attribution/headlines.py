"""What a headline reports: its quoted words that no cue reported, said by the subject
of its verb or the name before its colon.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from .candidate import Attribution, _mention
from .cue_grammar import SUBJECTS
from .edges import _stretched, _strip
from .reports import _held
from .source_phrases import _phrase


def _headline(
    doc: Doc, offset: int, local: Sequence[tuple[int, int]], found: Sequence[Attribution]
) -> list[Attribution]:
    """A headline's quoted words that no cue reported: the headline reports them with
    all that follows its verb (``Black Lawmakers Rip Donald Trump As A ‘Disgusting
    Fraud.’``) or its colon (``Obama on Climate Change: The Trends Are 'Terrifying.'``),
    for the subject of the verb or the name before the colon."""
    reported = [(s - offset, e - offset) for a in found for s, e in a.spans]
    for start, end in local:
        if any(s <= start and end <= e for s, e in reported):
            continue
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            continue
        if (named := named_after(first)) is not None:  # "‘...’: Desjarlais back on the ice"
            cue, source, kind = doc[first.end], named, "direct"
            c_start, c_end = start, end
        else:
            sentence = first.sent
            colon = next((t for t in doc[: first.start] if t.text == ":"), None)
            if colon is not None:
                cue, source = colon, _label_head(doc[: colon.i])
            else:
                cue = sentence.root
                source = _headline_subject(cue)
            if source is None or cue.i >= first.start or cue.pos_ not in {"VERB", "AUX", "PUNCT"}:
                continue
            content = _strip(doc[cue.i + 1 : sentence.end])
            c_start, c_end = _stretched(content.start_char, content.end_char, local)
            kind = "mixed"
        return [
            Attribution(
                spans=[(c_start + offset, c_end + offset)],
                type=kind,
                cue=_mention(cue, offset),
                source=_mention(source, offset),
                rule="headline",
                confidence=0.4,
                quoted=_held(local, c_start, c_end, offset),
            )
        ]
    return []


def named_after(quote: Span) -> Span | None:
    """The name a headline opening with a quote goes on with after its colon: ``‘I just
    wanted to be normal again’: Desjarlais back on the ice`` is Desjarlais's (one with a
    verb after the colon, ``Smith vows ...``, is read by that verb)."""
    doc = quote.doc
    if quote.start != 0 or quote.end + 1 >= len(doc) or doc[quote.end].text != ":":
        return None
    end = quote.end + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end == quote.end + 1 or (end < len(doc) and doc[end].pos_ in {"VERB", "AUX"}):
        return None
    return doc[quote.end + 1 : end]


def _label_head(label: Span) -> Span | None:
    """The noun a headline's label before its colon is about (``Obama`` in ``Obama on
    Climate Change``), unless the label is page furniture or a clause."""
    if not len(label) or label.text.lower() in words("colon_labels"):
        return None
    head = label.root
    if head.pos_ not in {"PROPN", "NOUN"} or any(t.pos_ in {"VERB", "AUX"} for t in label):
        return None
    return _phrase(head)


def _headline_subject(verb: Token) -> Span | None:
    """The nouns before a headline's verb. Even parsed in sentence case, a title's
    subject may come out as loose compounds (``Gold Star Mom Corners Obama``)."""
    lefts = [c for c in verb.lefts if c.dep_ in SUBJECTS or c.dep_ == "compound"]
    if not lefts or lefts[0].left_edge.i != verb.sent.start:
        return None
    subject = verb.doc[verb.sent.start : verb.i]
    return subject if any(t.pos_ in {"NOUN", "PROPN"} for t in subject) else None
