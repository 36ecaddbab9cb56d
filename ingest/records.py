"""The plain dataclasses that pass between pipeline stages.

Every offset is a Python ``str`` index into the article's text exactly as read
from the file, so a record can always be checked against its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    """A stretch of article text: a source mention, a cue, a quote part."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Article:
    """One article as read from disk, before any analysis."""

    id: str
    text: str
    path: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    content_hash: str = ""


@dataclass
class Quote:
    """One attributed statement found in an article.

    ``spans`` holds one ``(start, end)`` pair, or several when the attribution
    interrupts the quote (``"A," he said. "B."``).
    """

    article: str
    spans: list[tuple[int, int]]
    text: str
    type: str  # direct | mixed | indirect
    cue: Mention | None = None
    speaker_mention: Mention | None = None
    speaker: str | None = None
    speaker_kind: str | None = None  # person | organization | group | document | unnamed
    role: str | None = None
    date: str | None = None
    date_precision: str | None = None  # day | month | year
    date_source: str | None = None  # statement (the text dates it) | article (its date)
    article_date: str | None = None
    stance: str = "neutral"
    stance_score: float = 0.0
    stance_evidence: list[str] = field(default_factory=list)  # the words that moved the score
    topic: str | None = None
    confidence: float = 0.5  # calibrated: the share of such records that are right; 3 decimals
    act: str = "speech"  # speech | thought
    context: str | None = None

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_json(self) -> dict[str, Any]:
        """The record `quotedb extract` prints: a contract other tools read."""
        return {
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "spans": [list(span) for span in self.spans],
            "text": self.text,
            "type": self.type,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_json() if self.speaker_mention else None,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue.to_json() if self.cue else None,
            "role": self.role,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "article_date": self.article_date,
            "stance": self.stance,
            "stance_score": round(self.stance_score, 3),
            "stance_evidence": self.stance_evidence,
            "topic": self.topic,
            "confidence": self.confidence,
            "act": self.act,
        }


@dataclass(frozen=True)
class Failure:
    """A file (or one line of a JSONL file) that could not be read."""

    path: str
    problem: str

    @property
    def file(self) -> str:
        """The file, without the ``:LINE`` that names one line of a JSONL file."""
        head, colon, tail = self.path.rpartition(":")
        return head if colon and tail.isdigit() else self.path

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"
