"""The public verdict: a quote's stance, its calibrated score and its evidence."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..parse import load_nlp
from .signals import THRESHOLD, Signal, target_signals, topic_signal
from .topic import NEUTRAL, OPPOSE, SUPPORT, Topic

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Stance:
    """A stance label, its signed score in -1..1 and what it was judged toward.

    ``evidence`` lists the words that moved the score, for people to check.
    """

    label: str
    score: float
    target: str
    evidence: tuple[str, ...] = ()


def _label(score: float) -> str:
    if score > THRESHOLD:
        return SUPPORT
    if score < -THRESHOLD:
        return OPPOSE
    return NEUTRAL


def _from_rules(signal: Signal, target: str) -> Stance:
    score = round(math.tanh(signal.score), 4)
    return Stance(_label(score), score, target, signal.evidence)


def _judge_targets(doc: Doc, targets: Sequence[str], speaker: str | None) -> list[Stance]:
    signals = target_signals(doc, targets, speaker)
    return [_from_rules(s, t) for s, t in zip(signals, targets, strict=True)]


def _judge_free(doc: Doc, speaker: str | None) -> Stance:
    """Stance toward the named things the text speaks about most strongly."""
    named = (
        ent for ent in doc.ents if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "EVENT", "LAW")
    )
    targets = list(dict.fromkeys(ent.text for ent in named))
    best = Stance(NEUTRAL, 0.0, ", ".join(targets))
    for stance in _judge_targets(doc, targets, speaker):
        if abs(stance.score) > abs(best.score):
            best = stance
    return best


def judge_doc(
    doc: Doc,
    topic: Topic | str | None = None,
    *,
    cue: str | None = None,
    speaker: str | None = None,
) -> Stance:
    """``judge`` on an already parsed text."""
    if isinstance(topic, Topic):
        return _from_rules(topic_signal(doc, topic, cue, speaker), topic.name)
    if topic:
        return _judge_targets(doc, [topic], speaker)[0]
    return _judge_free(doc, speaker)


def judge(
    text: str,
    topic: Topic | str | None = None,
    *,
    cue: str | None = None,
    speaker: str | None = None,
    doc: Doc | None = None,
) -> Stance:
    """Stance of ``text`` (said by ``speaker`` with reporting verb ``cue``).

    ``topic`` is a ``Topic``, a target entity or phrase, or None to judge
    toward whatever named entity the text speaks about most strongly.
    """
    return judge_doc(doc if doc is not None else load_nlp()(text), topic, cue=cue, speaker=speaker)


def judge_many(
    items: Iterable[tuple[str, Topic | str | None, str | None, str | None]],
    *,
    nlp: spacy.Language | None = None,
    batch_size: int = 256,
) -> Iterator[Stance]:
    """``judge`` over ``(text, topic, speaker, cue)`` tuples, parsing in batches.

    Shorter tuples are padded with None, so ``(text, target)`` works too.
    """
    rows = [tuple(item) + (None,) * (4 - len(item)) for item in items]
    nlp = nlp or load_nlp()
    docs = nlp.pipe((row[0] for row in rows), batch_size=batch_size)
    for (_, topic, speaker, cue), doc in zip(rows, docs, strict=True):
        yield judge_doc(doc, topic, cue=cue, speaker=speaker)
