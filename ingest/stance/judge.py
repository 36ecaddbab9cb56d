"""The public verdict: a quote's stance, its calibrated score and its evidence.

Toward a target (a name or phrase) or, with no topic, toward the named thing
the quote speaks about most strongly, the learned model (``model.py``)
decides from the sentence and the rules' signals. Toward a ``Topic`` (a
policy with its terms, opponents, framing, premises and examples, which the
training data knows nothing of) the rules of ``signals.py`` decide, with the
topic's labelled examples as nearest neighbours.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from ..dates import after_dateline
from ..lexicons import words
from ..parse import load_nlp
from ..speakers import PLACE_ENTITIES
from .mentions import speaker_mentions
from .model import features, load_model
from .signals import Signal, target_signals, topic_signal
from .topic import LABELS, NEUTRAL, OPPOSE, SUPPORT, Topic

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc, Span, Token

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
    for, with the speaker and target marks spelled out; None for the others,
    and for words that take no side of their own (``of the``, ``(target) 's``)."""
    kind, _, value = feature.partition(":")
    said = [word for word in value.split() if word not in ("<S>", "<T>")]
    if kind not in SHOWN or "<num>" in value or not any(_sided(word) for word in said):
        return None
    return value.replace("<S>", "(speaker)").replace("<T>", "(target)")


def _sided(word: str) -> bool:
    """A word that may take a side: not punctuation, not a function word."""
    return any(c.isalpha() for c in word) and word not in words("stance_function_words")


def _named(text: Doc | Span, setting: Container[int] = frozenset()) -> list[Span]:
    """The entities of a text that a quote with no topic may be judged toward: not
    those of its ``setting`` (token indices, see `setting_of`)."""
    return [
        ent
        for ent in text.ents
        if ent.label_ in TARGET_KINDS and not any(t.i in setting for t in ent)
    ]


def setting_of(
    statement: Span,
    content: Sequence[tuple[int, int]],
    source: tuple[int, int] | None,
) -> frozenset[int]:
    """The words of ``statement`` (the sentences of a quote, cut from its parsed
    paragraph; offsets are the paragraph's characters) that only set the scene of the
    report: whom the speaker told (``told CBS News``, ``said to reporters``), where
    and when (``in Charlotte``, ``on Twitter``, ``during a visit to Ohio``), who
    passed it on (``According to Yahoo News``) and the speaker's own description
    (``Lynch, attorney general of North Carolina``), the dateline the paragraph opens
    with (``MONTREAL — ...``); and, in the quote too, the places where something
    happened (``a shooting in Scarborough``). A quote is not
    judged toward what is named there: it came out ``opposes: North Carolina``. Other
    words of the quote never count as setting, and the rest of the sentences stays
    (``critics questioned its legitimacy`` is about the strikes the sentence before
    names).
    """
    doc = statement.doc
    said = {t.i for s, e in content for t in _within(doc, s, e)}
    scene: set[int] = set()
    places = {t.i for t in statement if _where(t)}
    for token in statement:
        if token.i in said:
            continue
        addressee = token.dep_ == "dative" or (
            token.dep_ == "dobj" and token.head.lemma_.lower() in _ADDRESSING
        )
        if addressee or (token.dep_ == "prep" and token.lower_ in _SETTING):
            scene.update(t.i for t in token.subtree)
    named = _within(doc, *source) if source else doc[0:0]
    if len(named):
        described = [c for c in named.root.children if c.dep_ not in _SIDES]
        scene.update(t.i for c in described for t in c.subtree)
    dateline = after_dateline(doc)  # "MONTREAL — ...": where it was filed
    scene.update(t.i for t in statement if t.i < dateline)
    return frozenset((scene - said) | places)


def _where(token: Token) -> bool:
    """A word of a place named as where something happened (``a shooting in
    Scarborough``, ``a rally in New York``), in the quote or not: where, not whom,
    the words are about."""
    noun = token if token.dep_ == "pobj" else token.head
    return (
        token.ent_type_ in PLACE_ENTITIES
        and noun.dep_ == "pobj"
        and noun.head.lower_ in words("place_prepositions")
    )


def _within(doc: Doc, start: int, end: int) -> Span:
    """The tokens of ``doc`` inside characters ``[start, end)`` (empty if none)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span if span is not None else doc[0:0]


_ADDRESSING = frozenset({"tell", "ask", "inform", "remind", "assure", "notify", "brief"})
"""Cues whose object is whom the speaker addressed, not what the words are about."""
_SETTING = frozenset(
    {"to", "in", "at", "on", "during", "from", "near", "outside", "inside", "with", "via"}
    | {"according"}
)
"""Prepositions that, outside the quote's words, say where, when, how or to whom it
was said, or who passed it on (``According to Yahoo News, ...``)."""
_SIDES = frozenset({"prep", "relcl", "acl"})
"""What of a source's phrase may say whom it sides with (``critics of the strike``)."""


def _candidates(doc: Doc, speaker: str | None, setting: Container[int] = frozenset()) -> list[str]:
    """The named things of a text, without the speaker's own mentions (with what
    describes them: ``Retired U.S. Air Force Gen. Norman Ham``, ``Ryan (R-Wis.)``) and
    what names the report's ``setting``."""
    holders = {t.i for m in speaker_mentions(doc, speaker) for t in _described(m)}
    named = (
        _unpossessed(ent).text
        for ent in _named(doc, setting)
        if not holders & set(range(ent.start, ent.end))
    )
    return list(dict.fromkeys(named))


def _unpossessed(ent: Span) -> Span:
    """A name without the possessive the recogniser may take in with it (``Donald
    Trump’s``): the target is Donald Trump, whatever of his the quote speaks of."""
    return ent[:-1] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent


def _described(mention: Span) -> Iterator[Token]:
    """A name with the words before it in its noun phrase and its appositions."""
    yield from mention
    root = mention.root
    for child in root.children:
        if child.i < mention.start or child.dep_ == "appos":
            yield from child.subtree


def _judge_free(doc: Doc, speaker: str | None, setting: Container[int] = frozenset()) -> Stance:
    """Stance toward the named thing the text speaks about most strongly:
    the candidate the model finds least neutral."""
    return _from_model(doc, _candidates(doc, speaker, setting), speaker)


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
    setting: Container[int] = frozenset(),
) -> Stance:
    """``judge`` on an already parsed text: a doc, or a span cut from one (the
    sentences of a quote in its parsed paragraph), copied to a doc of its own only
    when there is something to judge: a third of the quotes in news name nothing
    but their speaker. With no topic, what names the report's ``setting`` (indices of
    the span's doc, see `setting_of`) is not what the quote is judged toward."""
    from spacy.tokens import Span  # loaded already: there is a parse

    if not statement:
        return _unjudged(topic)
    if isinstance(doc, Span):
        if topic is None and not _named(doc, setting):
            return _NOTHING_NAMED
        setting = frozenset(i - doc.start for i in setting)
        doc = doc.as_doc()
    if isinstance(topic, Topic):
        return _from_rules(topic_signal(doc, topic, cue, speaker), topic.name)
    if topic:
        return _from_model(doc, [topic], speaker)
    return _judge_free(doc, speaker, setting)


def judge(
    text: str,
    topic: Topic | str | None = None,
    *,
    cue: str | None = None,
    speaker: str | None = None,
    doc: Doc | Span | None = None,
    statement: bool = True,
    setting: Container[int] = frozenset(),
) -> Stance:
    """Stance of ``text`` (said by ``speaker`` with reporting verb ``cue``), parsed
    unless ``doc`` gives its parse.

    ``topic`` is a ``Topic``, a target entity or phrase, or None to judge
    toward whatever named entity the text speaks about most strongly (the
    verdict's ``target`` names it). ``statement=False`` says the text is not
    someone's statement (a low-confidence attribution, a scare quote): it
    then has no stance, neutral with score 0 and no evidence. ``setting``: see
    `judge_doc`.
    """
    if not statement:
        return _unjudged(topic)
    parsed = doc if doc is not None else load_nlp()(text)
    return judge_doc(parsed, topic, cue=cue, speaker=speaker, setting=setting)


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
