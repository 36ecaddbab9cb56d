"""Train the boundary ranker (`bounds`): which of a candidate's alternative contents a
human annotator drew.

The rules run over every training article with no ranker; each candidate's
alternatives (`bounds.alternatives`, the rules' own span first) are measured
against the human content closest to them. A logistic regression learns to tell
the alternatives that overlap it most from the others; at run time the
highest-scoring alternative is kept. Only candidates that some alternative
matches (Jaccard >= 0.5) and whose alternatives differ in how well they match
teach anything. The dev split chooses the regularisation by how many of its
candidates the chosen alternatives match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Scorer
from .train import Options, _characters, _jaccard, _run
from .train_corrections import reviewed, reviewed_articles

REGULARISATION = (0.03, 0.1, 0.3)  # logistic regression C values tried on dev
_TIE = 1e-3  # alternatives this close to the best overlap are as good as it


@dataclass(frozen=True)
class Choice:
    """The alternative contents of one candidate (the rules' own span first), with how
    much each overlaps the human content closest to them."""

    article: str
    features: tuple[dict[str, float], ...]
    overlap: tuple[float, ...]  # Jaccard on non-space characters


def choices(
    data: Path, model: str | None = None, workers: int = 1, limit: int | None = None
) -> Iterator[Choice]:
    """Every choice of content boundaries offered in a PolNeAR-style folder's articles,
    measured against their human contents."""
    for (article, text, _, offered), contents in _run(data, model, workers, limit, None):
        yield from _measured(article, text, offered, contents)


def corrected_choices(corrections: Path, articles: Path, model: str | None = None) -> list[Choice]:
    """The choices offered in reviewed articles (found in ``articles`` by their id),
    measured against the spans people confirmed or drew (``quotedb corrections
    export``): a newsroom's span corrections teach the ranker its own conventions."""
    decided = reviewed(corrections)
    return [
        choice
        for article, text, _, offered in reviewed_articles(decided, articles, model)
        for choice in _measured(
            article, text, offered, [list(s) for s, ok in decided[article].items() if ok]
        )
    ]


def _measured(
    article: str, text: str, offered: list[Options], contents: list[list[tuple[int, int]]]
) -> Iterator[Choice]:
    """Each choice with each alternative's overlap with the content it comes closest to."""
    gold = [_characters(text, c) for c in contents]
    if not gold:
        return
    for options in offered:
        drawn = [_characters(text, spans) for spans, _ in options]
        rows = [[_jaccard(d, g) for g in gold] for d in drawn]
        closest = max(range(len(gold)), key=lambda j: max(row[j] for row in rows))
        yield Choice(
            article, tuple(seen for _, seen in options), tuple(row[closest] for row in rows)
        )


def _teaches(choice: Choice) -> bool:
    best = max(choice.overlap)
    return best >= 0.5 and min(choice.overlap) < best - _TIE


def _picked(scores, choices: list[Choice]) -> dict[str, int]:
    """How often the rules' span, the ranker's choice and the best of the alternatives
    (what a perfect ranker would reach) match their human content."""
    kinds = ("proposed", "chosen", "best")
    counted = dict.fromkeys(("candidates", *kinds, *(f"{kind}_exact" for kind in kinds)), 0)
    row = 0
    for choice in choices:
        n = len(choice.overlap)
        pick = max(range(n), key=lambda i: scores[row + i])
        row += n
        counted["candidates"] += 1
        counted["proposed"] += choice.overlap[0] >= 0.5
        counted["chosen"] += choice.overlap[pick] >= 0.5
        counted["proposed_exact"] += choice.overlap[0] >= 1 - _TIE
        counted["chosen_exact"] += choice.overlap[pick] >= 1 - _TIE
        counted["best"] += max(choice.overlap) >= 0.5
        counted["best_exact"] += max(choice.overlap) >= 1 - _TIE
    return counted


def fit_ranker(
    train: list[Choice],
    dev: list[Choice],
    seed: int = 0,
    progress: Callable[[str], None] = lambda _: None,
) -> tuple[Scorer, dict]:
    """The ranker's weights and what dev measured (needs scikit-learn)."""
    from sklearn.linear_model import LogisticRegression

    teaching = [c for c in train if _teaches(c)]
    if not teaching:  # nothing to learn: the rules' own spans are kept
        none = {
            "train_choices": 0,
            "regularisation": None,
            "dev": _picked([0.0] * sum(len(c.overlap) for c in dev), dev),
        }
        return Scorer({}, 0.0, 0.0), none
    x, labels, vectorizer = _design(teaching)
    x_dev = vectorizer.transform([f for c in dev for f in c.features])

    best: tuple[int, float, LogisticRegression, dict] | None = None
    for c in REGULARISATION:
        model = LogisticRegression(C=c, max_iter=3000, random_state=seed).fit(x, labels)
        measured = _picked(model.decision_function(x_dev), dev)
        progress(
            f"boundaries C={c}: {measured['chosen']} of {measured['candidates']} dev "
            f"candidates match (rules' spans: {measured['proposed']})"
        )
        score = measured["chosen"] + measured["chosen_exact"]
        if best is None or score > best[0]:
            best = (score, c, model, measured)
    assert best is not None
    _, c, model, measured = best
    report = {"train_choices": len(teaching), "regularisation": c, "dev": measured}
    return _ranker(model, vectorizer), report


def held_out_rankers(
    train: list[Choice], regularisation: float, seed: int = 0, folds: int = 5
) -> dict[str, Scorer]:
    """For each training article, a ranker fitted without it (articles dealt to ``folds``
    folds in name order), so that the scorer learns from, and is calibrated on,
    boundaries drawn as they will be on new text. Drawn by the shipped ranker, which
    saw them, a training article's boundaries match their human contents more often
    than a new article's, and the calibration came out over-confident: on PolNeAR
    dev, 74% of the records scored 0.80 to 0.82 were right, and 91.7% of those scored
    0.8 or more (94.1% with held-out rankers)."""
    from sklearn.linear_model import LogisticRegression

    articles = sorted({choice.article for choice in train})
    fold_of = {article: i % folds for i, article in enumerate(articles)}
    held: dict[str, Scorer] = {}
    for fold in range(folds):
        teaching = [c for c in train if fold_of[c.article] != fold and _teaches(c)]
        if not teaching:
            continue
        x, labels, vectorizer = _design(teaching)
        model = LogisticRegression(C=regularisation, max_iter=3000, random_state=seed)
        ranker = _ranker(model.fit(x, labels), vectorizer)
        held.update({article: ranker for article in articles if fold_of[article] == fold})
    return held


def _design(teaching: list[Choice]):
    """The alternatives' features as a matrix, and which of them are the best drawn."""
    from sklearn.feature_extraction import DictVectorizer

    rows = [f for c in teaching for f in c.features]
    labels = [o >= max(c.overlap) - _TIE for c in teaching for o in c.overlap]
    vectorizer = DictVectorizer()
    return vectorizer.fit_transform(rows), labels, vectorizer


def _ranker(model, vectorizer) -> Scorer:
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True) if w != 0.0}
    return Scorer(weights, float(model.intercept_[0]), 0.0)
