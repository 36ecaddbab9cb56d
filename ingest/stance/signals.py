"""Stance of a quote toward a topic or target: support, oppose or neutral.

The classifier is a handful of transparent rules over a spaCy parse, so every
label can be traced to the words that produced it (``Stance.evidence``). Each
part decides one thing:

* ``polarity.py``: how a word leans (an attitude word's polarity, else its
  VADER valence), and how negation, refusal and concession turn it;
* ``attitudes.py``: which attitude in the sentence has a mention of the target
  on its object side (attitude words, idioms, light verbs, hostile deeds,
  receiving verbs, what the sentence calls it), and who holds it;
* ``topic_evidence.py``: what counts toward a topic besides attitudes to its
  terms: framing, missing evidence, premises, labelled examples, and what a
  quote that names no term is about.

This module weighs them into a ``Signal``, a score and the words that moved it:

* toward one mention, the attitude that governs it and what the sentence
  calls it count most; what is predicated of the target (``X is failing``,
  ``X, who lied``) and the words around it carry their valence, weighted by
  distance in the parse tree so that the mood of a far-away clause counts
  little; an attitude held by someone other than the speaker counts little;
* with a ``Topic``, the reporting verb (``cue``) counts as an attitude word
  toward it; saying something bad about the topic's opponents supports
  the topic, and so does a hostile reporting verb whose quote names only them,
  unless the quote is a phrase naming something else (``condemned | the
  action, saying the cartels ...``): that phrase, and the pronouns agreeing
  with it (``calling it a moral failure``), stand for the topic; framing,
  premises and the nearest example add their side; denying a claim turns its
  stance around, and a naming cue (``called it ...``,
  ``lexicons/stance_naming.txt``) makes a bare phrase the verdict.

These signals are what a person can check; with a target (not a topic) the
learned model (``model.py``) reads them as features and decides.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .attitudes import (
    _characterizations,
    _governing_attitude,
    _held_by,
    _passive_verbs,
    _phrase_head,
    _received,
)
from .lexicon import Lexicon, load_lexicon
from .mentions import (
    SUBJECTS,
    Lookup,
    distinct,
    mentions_of,
    phrases_in,
    speaker_mentions,
    target_mentions,
)
from .polarity import (
    _cue,
    _denied,
    _distance,
    _negated,
    _polarities,
    _said_outright,
    _weakened,
)
from .topic import NEUTRAL, OPPOSE, SUPPORT, Topic
from .topic_evidence import (
    _claims_made,
    _cue_lemma,
    _is_claim,
    _missing,
    _names_other_object,
    _nearest_example,
    _referred_back,
    _stand_ins,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

THRESHOLD = 0.45
"""|tanh(score)| above which the rules' verdict is support or oppose rather than neutral."""

CUE_WEIGHT = 1.0
"""Weight of an attitude word that governs the target (``condemned X``), and toward a
topic of the reporting verb when it is one (``X condemned the strikes as ...``)."""
NAMED_WEIGHT = 1.0
"""Weight of what the sentence calls the target: ``X is a fraud``, ``X, a
brilliant leader``, ``called X reckless``; as direct as an attitude word."""
PREDICATE_WEIGHT = 0.3
"""Weight of what the sentence says the target is or does."""
CONTEXT_WEIGHT = 0.35
"""Weight of the distance-discounted valence of the rest of the sentence."""
OPPONENT_PRIOR = 0.5
"""Calling something by an opponent's name (``narco-terrorists``) asserts the
topic's premise; denying the link (``no link to the cartel``) denies it."""
FRAME_WEIGHT = 0.8
"""Speaking in one side's terms: questioning legality or evidence opposes the
topic's action, and so do the topic's own ``oppose_frames``; its
``support_frames`` support it."""

PREMISE_WEIGHT = 1.0
"""Asserting a claim the topic rests on, or denying it, says as much as an
attitude word toward the topic itself."""
EXAMPLE_WEIGHT = 1.0
"""Weight of the nearest user-labelled example, times its likeness."""

UNHELD_WEIGHT = 0.3
"""An attitude that the sentence gives to someone other than the holder."""

MODIFIERS = frozenset({"amod", "appos", "acl", "relcl", "nmod", "prep"})
COMPLEMENTS = frozenset(
    {"acomp", "attr", "oprd", "xcomp", "ccomp", "dobj", "advmod", "prep", "npadvmod"}
)


# --- stance toward one mention -------------------------------------------


@dataclass(frozen=True)
class Signal:
    """A raw rule score (unbounded; positive supports) and the words that moved it."""

    score: float
    evidence: tuple[str, ...]

    @property
    def strength(self) -> float:
        """The score squashed into -1..1."""
        return math.tanh(self.score)

    @property
    def label(self) -> str:
        """The rules' own verdict: a side once the strength passes ``THRESHOLD``."""
        if self.strength > THRESHOLD:
            return SUPPORT
        return OPPOSE if self.strength < -THRESHOLD else NEUTRAL


def _toward(
    mention: Span,
    holders: Sequence[Span],
    lexicon: Lexicon,
    weak: set[int],
    others: set[int] = frozenset(),  # type: ignore[assignment]
) -> Signal:
    """What the sentence says about one mention of the target.

    Four parts: the nearest attitude word that has the mention on its object
    side; what the sentence calls the mention; what else is predicated of it
    when it is a subject, or said of it by its modifiers; and the valence of
    the other words in its sentence, discounted by parse-tree distance.
    """
    root = _phrase_head(mention.root, lexicon)
    polarities = _polarities(mention.doc, lexicon)  # by token index
    inside = {t.i for t in mention} | set(others)
    holder_tokens = {t.i for h in holders for t in h}
    evidence: list[str] = []

    cue_score = 0.0
    owned = root.head if root.dep_ == "poss" else root
    attitude = _governing_attitude(root, holder_tokens, lexicon)
    passive = next((v for v in _passive_verbs(root) if _cue(v, lexicon)), None)
    if attitude is None and passive is not None:
        attitude = (_cue(passive, lexicon), passive, passive.text)
    if attitude is not None:
        polarity, word, shown = attitude
        denied = _negated(word) or (word.dep_ == "acomp" and _negated(word.head))
        cue_score = polarity * (-0.8 if denied else 1.0)
        if holder_tokens and not _held_by(word, holder_tokens):
            cue_score *= UNHELD_WEIGHT
        evidence.append(shown)
    elif received := _received(owned, lexicon):
        verb, noun = received
        cue_score = _cue(noun, lexicon) * (-0.8 if _negated(verb) else 1.0)
        givers = {t.i for t in noun.subtree} | {
            t.i for c in verb.children if c.lower_ == "from" for t in c.subtree
        }
        if holder_tokens and not holder_tokens & givers:
            cue_score *= UNHELD_WEIGHT
        evidence.append(f"{verb.text} {noun.text}")

    said: list[Token] = [
        t for child in root.children if child.dep_ in MODIFIERS for t in child.subtree
    ]
    named = [
        t for t in _characterizations(root, owned, lexicon) if t.i not in inside | holder_tokens
    ]
    if owned.dep_ in SUBJECTS:
        verb = owned.head
        said.append(verb)
        said += [
            t
            for child in verb.children
            if child.dep_ in COMPLEMENTS and child.i not in inside
            for t in child.subtree
        ]
    # Saying the target broke the law or lied is a charge against it, whatever
    # VADER makes of the words (``provides fake news``, ``violated the law``).
    said_ids = {t.i for t in said} - inside - holder_tokens
    charges = [
        span
        for span in phrases_in(Lookup.of(mention.doc), lexicon.doubt, ())
        if {t.i for t in span} <= said_ids and _said_outright(span)
    ]
    named_score = -float(len(charges))
    evidence += [span.text for span in charges]
    charged = {t.i for span in charges for t in span}
    predicate = 0.0
    for t in named:
        if t.i in charged:
            continue
        value = polarities[t.i] * (0.5 if t.i in weak else 1.0)
        if value:
            named_score += value
            evidence.append(t.text)
    named_ids = {t.i for t in named} | charged
    for t in said:
        if t.i in inside or t.i in holder_tokens or t.i in named_ids:
            continue
        value = polarities[t.i] * (0.5 if t.i in weak else 1.0)
        if value:
            predicate += value
            evidence.append(t.text)

    context = 0.0
    counted = inside | holder_tokens | {t.i for t in said}
    for t in mention.sent:
        if t.i in counted or t.dep_ == "neg":
            continue
        value = polarities[t.i]
        if value:
            context += value * (0.5 if t.i in weak else 1.0) / (1 + _distance(t, root))
    score = (
        CUE_WEIGHT * cue_score
        + NAMED_WEIGHT * named_score
        + PREDICATE_WEIGHT * predicate
        + CONTEXT_WEIGHT * context
    )
    return Signal(score, tuple(evidence))


def topic_signal(doc: Doc, topic: Topic, cue: str | None, speaker: str | None) -> Signal:
    """What the rules make of a quote toward a topic: its terms, its opponents,
    the framing and premises the user gave, and the reporting verb."""
    lexicon = load_lexicon()
    weak = _weakened(doc, lexicon)
    holders = speaker_mentions(doc, speaker)
    terms = distinct(mentions_of(doc, topic.terms, lenient=False))
    opponents = distinct(
        mentions_of(doc, topic.opponents, lenient=False), {t.i for m in terms for t in m}
    )
    if not terms and not opponents:
        terms = _stand_ins(doc)
    elif not terms and _names_other_object(doc, opponents, lexicon):
        terms = _referred_back(doc)
    mentioned = {t.i for m in (*terms, *opponents) for t in m}
    raw, evidence = 0.0, []
    for mention in terms:
        signal = _toward(mention, holders, lexicon, weak, mentioned)
        raw += signal.score
        evidence += signal.evidence
    for mention in opponents:
        signal = _toward(mention, holders, lexicon, weak, mentioned)
        denied = _denied(mention.root)
        raw += (-OPPONENT_PRIOR if denied else OPPONENT_PRIOR) - signal.score
        evidence += [mention.text, *signal.evidence]
    text = Lookup.of(doc)
    framed = [
        *((-1, span) for span in phrases_in(text, lexicon.doubt, opponents)),
        *((-1, span) for span in phrases_in(text, topic.oppose_frames, opponents)),
        *((1, span) for span in phrases_in(text, topic.support_frames, opponents)),
    ]
    framed = [(side, span) for side, span in framed if _said_outright(span)]
    framed += [
        (-1, span) for span in phrases_in(text, lexicon.warrants, opponents) if _missing(span)
    ]
    for side, span in framed:
        raw += side * FRAME_WEIGHT
        evidence.append(span.text)
    for side, claim in _claims_made(text, topic, lexicon):
        raw += side * PREMISE_WEIGHT
        evidence.append(claim if side > 0 else f"doubts: {claim}")
    if nearest := _nearest_example(doc, topic):
        likeness, side, text = nearest
        raw += side * likeness * EXAMPLE_WEIGHT
        evidence.append(f"like: {text}")
    if not opponents and not _is_claim(doc, lexicon) and _cue_lemma(cue, lexicon.naming):
        polarities = _polarities(doc, lexicon)
        verdict = [t for t in doc if t.i not in mentioned and polarities[t.i]]
        raw += sum(polarities[t.i] for t in verdict)
        evidence += [t.text for t in verdict]
    if lemma := _cue_lemma(cue, lexicon.cues):
        if lemma in lexicon.denials and _is_claim(doc, lexicon) and abs(raw) > THRESHOLD:
            raw = -raw
        else:
            only_opponents = opponents and not terms
            raw += lexicon.cues[lemma] * CUE_WEIGHT * (-1.0 if only_opponents else 1.0)
        evidence.append(cue or "")
    return Signal(raw, tuple(dict.fromkeys(evidence)))


def target_signals(doc: Doc, targets: Sequence[str], speaker: str | None) -> list[Signal]:
    """What the rules make of the text toward each of ``targets``; the text's
    concessions and the speaker's own mentions are read once for all of them."""
    lexicon = load_lexicon()
    weak = _weakened(doc, lexicon)
    holders = speaker_mentions(doc, speaker)
    holder_tokens = {t.i for h in holders for t in h}
    verdicts = []
    for target in targets:
        found = target_mentions(doc, target)
        mentions = [m for m in found if not holder_tokens >= {t.i for t in m}]
        signals = [_toward(m, holders, lexicon, weak) for m in mentions]
        evidence = dict.fromkeys(e for s in signals for e in s.evidence)
        verdicts.append(Signal(sum(s.score for s in signals), tuple(evidence)))
    return verdicts
