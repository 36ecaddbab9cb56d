"""The learned stance model: a speaker's stance toward a target in one sentence.

A multinomial logistic regression (trained by ``train.py`` on the Directed
Sentiment training split) over sparse features of the sentence as seen from
the two mentions: its words with the speaker and target marked, the words
between them, the parse path joining them, what the target's clause does, and
the rules' own verdict and evidence (``signals.py``). The rules propose, the
model decides.

The weights ship as ``models/stance/weights.npz`` (feature names, each one's
scale and row of class weights, intercepts and a calibrating temperature);
reading them needs only numpy, once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..parse import per_doc, tokens_of
from .lexicon import Lexicon, load_lexicon
from .mentions import speaker_mentions, target_mentions
from .signals import Signal
from .topic import LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEIGHTS = "weights.npz"


def model_dir() -> Path:
    """Where the shipped weights live (package data)."""
    return Path(str(resources.files("quotedb.ingest").joinpath("models", "stance")))


NEGATIONS = frozenset({"not", "n't", "never", "no"})


@dataclass(frozen=True)
class _Read:
    """What every target of one quote shares: the speaker's mentions, and each word
    as itself and as its shape. Worked out once per (text, speaker), kept in the
    doc's ``user_data``: without a topic, each named thing of a quote is a target."""

    holders: list[Span]
    speaker_ids: frozenset[int]
    tokens: list[Token]
    words: list[str]
    shapes: list[str]

    @classmethod
    def of(cls, doc: Doc, speaker: str | None) -> _Read:
        return per_doc(doc, ("quotedb.stance", speaker), lambda: cls._read(doc, speaker))

    @classmethod
    def _read(cls, doc: Doc, speaker: str | None) -> _Read:
        holders = speaker_mentions(doc, speaker)
        tokens = [t for t in tokens_of(doc) if not t.is_space]
        lexicon = load_lexicon()
        return cls(
            holders,
            frozenset(t.i for m in holders for t in m),
            tokens,
            [_word(t) for t in tokens],
            [_shape(t, lexicon) for t in tokens],
        )


def features(doc: Doc, speaker: str | None, target: str, signal: Signal) -> dict[str, float]:
    """The features of one (sentence, speaker, target) triple.

    Words are marked ``<S>`` and ``<T>`` where the speaker and the target are
    mentioned, so that ``<S> praised <T>`` and ``<T> praised <S>`` differ;
    the sentence is also read as a shape (attitude words, valences and
    negations kept, other words as their part of speech) so that what was
    learned from one wording carries to another.
    """
    read = _Read.of(doc, speaker)
    holders, speaker_ids = read.holders, read.speaker_ids
    targets = [m for m in target_mentions(doc, target) if not speaker_ids >= {t.i for t in m}]
    target_ids = {t.i for m in targets for t in m} - speaker_ids
    lexicon = load_lexicon()
    marks = [_mark(t, speaker_ids, target_ids) for t in read.tokens]
    words = _once([m or w for m, w in zip(marks, read.words, strict=True)], ("<S>", "<T>"))
    shape = _once([m or w for m, w in zip(marks, read.shapes, strict=True)])
    bare = [w for w in shape if w.isupper() or w.startswith("<")]
    found: dict[str, float] = {}
    for prefix, sequence, sizes in (
        ("w", words, (1, 2)),
        ("a", shape, (2, 3)),
        ("c", bare, (2, 3)),
    ):
        for n in sizes:
            for i in range(len(sequence) - n + 1):
                found[f"{prefix}{n}:" + " ".join(sequence[i : i + n])] = 1.0
    found["has:S" if holders else "no:S"] = 1.0
    found["has:T" if targets else "no:T"] = 1.0
    if holders and targets:
        _pair(found, holders[0], targets[0], speaker_ids | target_ids)
    for mention in targets[:2]:
        _target(found, mention.root, lexicon)
    found["rule"] = signal.strength
    found["rule:" + signal.label] = 1.0
    for word in signal.evidence:
        found["ev:" + word.lower()] = 1.0
    return found


def _mark(token: Token, speaker: set[int], target: set[int]) -> str | None:
    if token.i in target:
        return "<T>"
    if token.i in speaker:
        return "<S>"
    return None


def _word(token: Token) -> str:
    return "<num>" if token.like_num else token.lower_


def _shape(token: Token, lexicon: Lexicon) -> str:
    """A word as its part in a stance: attitude word, valence, negation, else its POS."""
    lemma = token.lemma_.lower()
    if token.dep_ == "neg" or token.lower_ in NEGATIONS:
        return "NEG"
    if cue := lexicon.cues.get(lemma):
        return "CUE+" if cue > 0 else "CUE-"
    if value := lexicon.valence.get(token.lower_) or lexicon.valence.get(lemma):
        return "VAL+" if value > 0 else "VAL-"
    return token.pos_.lower()


def _once(sequence: list[str], collapsed: Sequence[str] | None = None) -> list[str]:
    """``sequence`` with runs of a repeated item (of ``collapsed``, if given) kept once."""
    return [
        item
        for i, item in enumerate(sequence)
        if i == 0 or item != sequence[i - 1] or (collapsed is not None and item not in collapsed)
    ]


def _pair(found: dict[str, float], speaker: Span, target: Span, marked: set[int]) -> None:
    """Where the two mentions stand to each other: order, the words between, the parse path."""
    first, last = sorted((speaker, target), key=lambda m: m.start)
    found["order:" + ("ST" if first is speaker else "TS")] = 1.0
    between = [t for t in speaker.doc[first.end : last.start] if not t.is_punct]
    found["gap:" + str(min(len(between) // 4, 4))] = 1.0
    for t in between:
        if t.i not in marked:
            found["b:" + t.lemma_.lower()] = 1.0
    for t in _path(speaker.root, target.root)[1:-1]:
        found["p:" + t.lemma_.lower()] = 1.0


def _path(a: Token, b: Token) -> list[Token]:
    """The tokens on the parse path from ``a`` up to the common ancestor and down to ``b``."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    shared = next((t for t in up if t in down), None)
    if shared is None:
        return []
    return up[: up.index(shared) + 1] + list(reversed(down[: down.index(shared)]))


def _target(found: dict[str, float], root: Token, lexicon: Lexicon) -> None:
    """What the target does or undergoes (its dependency and the word it hangs
    from) and how warm or hostile the words around that word are."""
    head = root.head.lemma_.lower()
    found["td:" + root.dep_] = 1.0
    found["th:" + head] = 1.0
    found["thd:" + root.dep_ + ":" + head] = 1.0
    for t in root.head.subtree:
        if value := lexicon.valence.get(t.lower_):
            name = "near:+" if value > 0 else "near:-"
            found[name] = found.get(name, 0.0) + abs(value) / 4


@dataclass(frozen=True)
class Model:
    """Shipped weights: ``index`` maps a feature name to its row of ``coef``.

    A sentence's features are weighed by ``scale`` (each feature's inverse
    document frequency in training, so that a word every sentence has counts
    little) and scaled to unit length, so that a long sentence does not speak
    louder than a short one. ``temperature`` divides the logits so that the
    probabilities are right as often as they claim (fitted on the training
    split's cross-validation folds).
    """

    index: dict[str, int]
    scale: np.ndarray  # features
    coef: np.ndarray  # features x classes (LABELS order)
    intercept: np.ndarray  # classes
    temperature: float = 1.0

    @classmethod
    def load(cls, path: str | Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            if tuple(str(label) for label in data["labels"]) != LABELS:
                raise ValueError(f"{path}: classes are not {LABELS}")
            return cls(
                {str(name): i for i, name in enumerate(data["names"])},
                data["scale"].astype(np.float64),
                data["coef"].astype(np.float64),
                data["intercept"].astype(np.float64),
                float(data["temperature"]),
            )

    def save(self, path: str | Path) -> None:
        names = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            names=np.array(names),
            scale=self.scale.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept,
            temperature=np.array(self.temperature),
            labels=np.array(LABELS),
        )

    def vector(self, found: dict[str, float]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The known features of a sentence, their rows and their weighed, unit-length values."""
        row = self.index.get  # one look-up per feature: this runs for every target judged
        known = [
            (name, at, value) for name, value in found.items() if (at := row(name)) is not None
        ]
        names = [name for name, _, _ in known]
        rows = np.array([at for _, at, _ in known], dtype=np.int64)
        values = np.array([value for _, _, value in known]) * self.scale[rows]
        norm = float(np.sqrt((values**2).sum()))
        return names, rows, values / norm if norm else values

    def logits(self, found: dict[str, float]) -> np.ndarray:
        """The untempered class scores of one feature dict."""
        _, rows, values = self.vector(found)
        return self.intercept + values @ self.coef[rows]

    def probabilities(self, found: dict[str, float]) -> np.ndarray:
        """Calibrated P(support), P(oppose), P(neutral) for one feature dict."""
        return softmax(self.logits(found) / self.temperature)

    def weighed(self, found: dict[str, float], label: int, top: int = 5) -> list[str]:
        """The features that pushed hardest toward ``label`` (for the evidence)."""
        names, rows, values = self.vector(found)
        pushes = values * (self.coef[rows, label] - self._mean_weight[rows])
        order = np.argsort(-pushes)[:top]
        return [names[i] for i in order if pushes[i] > 0]

    @cached_property
    def _mean_weight(self) -> np.ndarray:
        """Each feature's mean weight over the classes, worked out once per model rather
        than for the rows of every verdict's evidence."""
        return self.coef.mean(axis=1)


def softmax(logits: np.ndarray) -> np.ndarray:
    odds = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return odds / odds.sum(axis=-1, keepdims=True)


@cache
def load_model() -> Model:
    """The shipped model, read once per process."""
    return Model.load(model_dir() / WEIGHTS)
