"""What a rule proposes: one attribution candidate (content spans, cue, source mention), in
article offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..records import Mention


@dataclass
class Attribution:
    """Content, cue and source mention found in one paragraph (article offsets)."""

    spans: list[tuple[int, int]]
    type: str
    cue: Mention | None
    source: Mention | None
    rule: str  # the rule that proposed it (`rules` and its parts): a feature of the scorer
    confidence: float = 0.5  # the rule's own prior; the scorer's probability replaces it
    act: str = "speech"  # speech (said, wrote, told) | thought (believes, wants, plans)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    introduces: bool = False  # a speech verb and a colon: the next paragraph is what was said
    drawn: str = "proposed"  # how the boundary ranker drew the content (`bounds`)
    lead: float | None = None  # how far the ranker's choice led the next (None: no choice)


def _mention(span: Span | Token, offset: int) -> Mention:
    start, end = (
        (span.idx, span.idx + len(span))
        if isinstance(span, Token)
        else (span.start_char, span.end_char)
    )
    return Mention(span.text, start + offset, end + offset)
