"""The public verdict: a quote's stance, its calibrated score and its evidence.

Toward a target (a name or phrase) or, with no topic, toward the named thing
the quote speaks about most strongly, the learned model (``model.py``)
decides from the sentence and the rules' signals. Toward a ``Topic`` (a
policy with its terms, opponents, framing, premises and examples, which the
training data knows nothing of) the rules of ``signals.py`` decide, with the
topic's labelled examples as nearest neighbours.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from ..parse import load_nlp
from .mentions import speaker_mentions
from .model import features, load_model
from .signals import Signal, target_signals, topic_signal
from .topic import LABELS, NEUTRAL, OPPOSE, SUPPORT, Topic

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc, Span

TARGET_KINDS = ("PERSON", "ORG", "GPE", "NORP", "EVENT", "LAW")
"""Named things a quote with no topic may be judged toward."""
SHOWN = ("w1", "w2", "b", "p", "th")
"""Model features shown as evidence: the ones that are words of the quote."""
EVIDENCE_WORDS = 5
"""How many of the model's weightiest words a verdict shows."""


@dataclass(frozen=True)
class Stance:
    """A stance label, its signed score in -1..1 and what it was judged toward.

    ``score`` is positive for support and negative for oppose. From the model
    (toward a target), a support or oppose score's size is the calibrated
    probability of that label (of verdicts scored beyond 0.8, about nine in
    ten are right on valid, three in four on its sentences unlike any in
    training), and a neutral one's is P(support) - P(oppose);
    from the rules (toward a topic), it is their squashed score. ``evidence``
    lists the words (or the user's example) that decided it, for people to
    check.
    """

    label: str
    score: float
    target: str
    evidence: tuple[str, ...] = ()


_NOTHING_NAMED = Stance(NEUTRAL, 0.0, "")
"""A quote with no topic that names nothing but its speaker: nothing to judge it toward."""


def _from_rules(signal: Signal, target: str) -> Stance:
    return Stance(signal.label, round(signal.strength, 4), target, signal.evidence)


def _from_model(doc: Doc, targets: Sequence[str], speaker: str | None) -> Stance:
    """The model's verdict toward the one of ``targets`` it finds least neutral (the
    first, on a tie), with the words that weighed most for it."""
    model = load_model()
    judged = []
    for signal, target in zip(target_signals(doc, targets, speaker), targets, strict=True):
        found = features(doc, speaker, target, signal)
        probabilities = model.probabilities(found)
        chosen = int(probabilities.argmax())
        p_support = probabilities[LABELS.index(SUPPORT)]
        p_oppose = probabilities[LABELS.index(OPPOSE)]
        score = {SUPPORT: p_support, OPPOSE: -p_oppose}.get(LABELS[chosen], p_support - p_oppose)
        judged.append((round(float(score), 4), chosen, target, found, signal))
    if not judged:
        return _NOTHING_NAMED
    score, chosen, target, found, signal = max(judged, key=lambda verdict: abs(verdict[0]))
    # evidence for the verdict kept alone: ranking every feature costs as much as judging
    ranked = (_shown(name) for name in model.weighed(found, chosen, top=len(found)))
    shown = list(islice(filter(None, ranked), EVIDENCE_WORDS))
    label = LABELS[chosen]
    evidence = signal.evidence + tuple(shown) if label != NEUTRAL else tuple(shown)
    return Stance(label, score, target, tuple(dict.fromkeys(evidence)))


def _shown(feature: str) -> str | None:
    """A model feature as a reader sees it: the words of the quote it stands
    for, with the speaker and target marks spelled out; None for the others."""
    kind, _, value = feature.partition(":")
    bare = value.replace("<S>", "").replace("<T>", "")
    if kind not in SHOWN or "<num>" in value or not any(c.isalpha() for c in bare):
        return None
    return value.replace("<S>", "(speaker)").replace("<T>", "(target)")


def _named(text: Doc | Span) -> list[Span]:
    """The entities of a text that a quote with no topic may be judged toward."""
    return [ent for ent in text.ents if ent.label_ in TARGET_KINDS]


def _candidates(doc: Doc, speaker: str | None) -> list[str]:
    """The named things of a text, without the speaker's own mentions."""
    holders = {t.i for m in speaker_mentions(doc, speaker) for t in m}
    named = (ent.text for ent in _named(doc) if not holders & set(range(ent.start, ent.end)))
    return list(dict.fromkeys(named))


def _judge_free(doc: Doc, speaker: str | None) -> Stance:
    """Stance toward the named thing the text speaks about most strongly:
    the candidate the model finds least neutral."""
    return _from_model(doc, _candidates(doc, speaker), speaker)


def _unjudged(topic: Topic | str | None) -> Stance:
    """What a text that is nobody's statement gets: no stance, no evidence."""
    return Stance(NEUTRAL, 0.0, topic.name if isinstance(topic, Topic) else topic or "")


def judge_doc(
    doc: Doc | Span,
    topic: Topic | str | None = None,
    *,
    cue: str | None = None,
    speaker: str | None = None,
    statement: bool = True,
) -> Stance:
    """``judge`` on an already parsed text: a doc, or a span cut from one (the
    sentences of a quote in its parsed paragraph), copied to a doc of its own only
    when there is something to judge: a third of the quotes in news name nothing
    but their speaker."""
    from spacy.tokens import Span  # loaded already: there is a parse

    if not statement:
        return _unjudged(topic)
    if isinstance(doc, Span):
        if topic is None and not _named(doc):
            return _NOTHING_NAMED
        doc = doc.as_doc()
    if isinstance(topic, Topic):
        return _from_rules(topic_signal(doc, topic, cue, speaker), topic.name)
    if topic:
        return _from_model(doc, [topic], speaker)
    return _judge_free(doc, speaker)


def judge(
    text: str,
    topic: Topic | str | None = None,
    *,
    cue: str | None = None,
    speaker: str | None = None,
    doc: Doc | Span | None = None,
    statement: bool = True,
) -> Stance:
    """Stance of ``text`` (said by ``speaker`` with reporting verb ``cue``), parsed
    unless ``doc`` gives its parse.

    ``topic`` is a ``Topic``, a target entity or phrase, or None to judge
    toward whatever named entity the text speaks about most strongly (the
    verdict's ``target`` names it). ``statement=False`` says the text is not
    someone's statement (a low-confidence attribution, a scare quote): it
    then has no stance, neutral with score 0 and no evidence.
    """
    if not statement:
        return _unjudged(topic)
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
