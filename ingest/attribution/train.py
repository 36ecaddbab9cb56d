"""Train the attribution scorer from human-annotated articles (PolNeAR's brat format).

``quotedb train attribution --data TRAIN --dev DEV --out DIR`` runs the rules
over every training article, keeping every candidate they propose; a candidate
is a positive example when its content overlaps a human attribution's content
with Jaccard >= 0.5 on non-space characters (the scorer's own matching rule).
Each training article's candidates have their boundaries drawn by a ranker
fitted without that article (`train_bounds.held_out_rankers`), as a new
article's will be. A logistic regression learns from them; its out-of-fold
log-odds (folds by article) fit the calibration (Platt scaling), and the dev
split, never trained on, chooses the regularisation (by log loss: the confidence is
what users filter on, so the probabilities' quality over all candidates matters, not
F1 at one threshold) and the threshold (0.5 or more) below which a candidate is not
stored. Everything is seeded, so the same data gives the same model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from ..read import read_paths
from ..records import Failure
from .features import Features, spelled_out
from .model import Scorer

_SPAN = re.compile(r"(\d+) (\d+)")
REGULARISATION = (0.03, 0.1, 0.3, 1.0)  # logistic regression C values tried on dev
#: The lowest threshold tried: a stored record is more likely a statement than not (below
#: it dev F1 hardly moves, while precision falls).
STORED = 0.5


@dataclass(frozen=True)
class Example:
    """One candidate the rules proposed, with its features and what the annotators say."""

    article: str
    spans: tuple[tuple[int, int], ...]
    features: Features
    label: bool  # matches a human attribution (Jaccard >= 0.5)


def read_contents(ann: Path) -> list[list[tuple[int, int]]]:
    """The content spans of each attribution in a brat ``.ann`` file (``Content`` and
    ``Content2`` of one ``E`` line are one content)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[str] = []
    for line in ann.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            spans[fields[0]] = [(int(a), int(b)) for a, b in _SPAN.findall(fields[1])]
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1])
    contents = []
    for event in events:
        parts = [arg.split(":", 1) for arg in event.split()[1:] if ":" in arg]
        content = [
            s for role, ref in parts if role.startswith("Content") for s in spans.get(ref, [])
        ]
        if content:
            contents.append(content)
    return contents


def _characters(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(
        i for s, e in spans for i in range(s, min(e, len(text))) if not text[i].isspace()
    )


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared characters over all characters of two contents (0 for two empty ones)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _matched(predicted: list[frozenset[int]], gold: list[frozenset[int]]) -> set[int]:
    """The predictions matched one to one, highest Jaccard first, at 0.5 or more (the
    scorer's rule: a fragment reported again inside its longer record is not matched)."""
    pairs = sorted(
        (
            (_jaccard(p, g), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if p & g
        ),
        reverse=True,
    )
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    for jaccard, i, j in pairs:
        if jaccard < 0.5:
            break
        if i not in taken_p and j not in taken_g:
            taken_p.add(i)
            taken_g.add(j)
    return taken_p


class _Recorder:
    """A scorer that keeps every candidate and remembers the features it was shown."""

    threshold = 0.0

    def __init__(self) -> None:
        self.seen: list[Features] = []

    def confidence(self, features: Features) -> float:
        self.seen.append(features)
        return 1.0


class _Options:
    """A boundary ranker that remembers every choice it was offered and leaves it to
    ``ranker`` (the rules' own span when there is none)."""

    def __init__(self, ranker: Scorer | None) -> None:
        self.ranker = ranker
        self.offered: list[Options] = []

    def choose(
        self, spans: list[list[tuple[int, int]]], seen: list[dict[str, float]]
    ) -> tuple[int, float | None]:
        self.offered.append(list(zip(spans, seen, strict=True)))
        return self.ranker.choose(spans, seen) if self.ranker is not None else (0, None)


Candidates = list[tuple[list[tuple[int, int]], Features]]  # spans, features
Options = list[tuple[list[tuple[int, int]], dict[str, float]]]  # one candidate's alternatives
Found = tuple[str, str, Candidates, list[Options]]  # article id, text, candidates, choices


def _candidates_of(paths: list[str], model: str | None, ranker: Scorer | None) -> list[Found]:
    """Every article in these text files with its text, every candidate the rules
    propose in it (its content drawn by ``ranker``) and every choice of content
    boundaries offered. Runs in a worker."""
    from ..parse import load_nlp
    from ..pipeline import extract_many

    nlp = load_nlp(model)
    found = []
    for article in (a for a in read_paths(paths) if not isinstance(a, Failure)):
        recorder, options = _Recorder(), _Options(ranker)
        [(_, quotes)] = extract_many(
            [article], nlp, scorer=recorder, ranker=options, every_candidate=True
        )
        spans = [quote.spans for quote in quotes]
        candidates = list(zip(spans, recorder.seen, strict=True))
        found.append((article.id, article.text, candidates, options.offered))
    return found


def _run(
    data: Path,
    model: str | None,
    workers: int,
    limit: int | None,
    ranker: Scorer | None,
    rankers: Mapping[str, Scorer] | None = None,
) -> Iterator[tuple[Found, list[list[tuple[int, int]]]]]:
    """What the rules find in each article of a PolNeAR-style folder (``text/*.txt``,
    ``attributions/*.ann``), in name order, with the article's human contents; each
    article's boundaries drawn by its own entry in ``rankers``, if any, else ``ranker``."""
    texts = sorted((data / "text").glob("*.txt"))[:limit]
    groups: dict[int, tuple[Scorer | None, list[Path]]] = {}  # by ranker (not hashable)
    for path in texts:
        chosen = (rankers or {}).get(path.stem, ranker)
        groups.setdefault(id(chosen), (chosen, []))[1].append(path)
    chunks = [
        ([str(p) for p in paths[i : i + 8]], chosen)
        for chosen, paths in groups.values()
        for i in range(0, len(paths), 8)
    ]

    def with_gold(found: Found) -> tuple[Found, list[list[tuple[int, int]]]]:
        ann = data / "attributions" / f"{found[0]}.ann"
        return found, read_contents(ann) if ann.exists() else []

    with ProcessPoolExecutor(workers) if workers > 1 else nullcontext() as pool:
        done = (pool.map if pool is not None else map)(
            _candidates_of,
            [paths for paths, _ in chunks],
            [model] * len(chunks),
            [chosen for _, chosen in chunks],
        )
        found = (article for articles in done for article in articles)
        if len(groups) > 1:  # chunks went ranker by ranker: back to name order
            found = iter(sorted(found, key=lambda article: article[0]))
        yield from map(with_gold, found)


def examples(
    data: Path,
    model: str | None = None,
    workers: int = 1,
    limit: int | None = None,
    ranker: Scorer | None = None,
    rankers: Mapping[str, Scorer] | None = None,
) -> Iterator[Example]:
    """The labelled candidates of a PolNeAR-style folder, their contents drawn by
    ``ranker`` (the rules' own spans when None) or by an article's own entry in
    ``rankers`` (`train_bounds.held_out_rankers`), articles in name order."""
    found = _run(data, model, workers, limit, ranker, rankers)
    for (article, text, candidates, _), contents in found:
        matched = _matched(
            [_characters(text, spans) for spans, _ in candidates],
            [_characters(text, c) for c in contents],
        )
        for i, (spans, seen) in enumerate(candidates):
            yield Example(article, tuple(map(tuple, spans)), seen, i in matched)


def gold_count(data: Path, limit: int | None = None) -> int:
    """How many human attributions the folder's articles hold."""
    anns = sorted((data / "text").glob("*.txt"))[:limit]
    return sum(
        len(read_contents(data / "attributions" / f"{p.stem}.ann"))
        for p in anns
        if (data / "attributions" / f"{p.stem}.ann").exists()
    )


@dataclass(frozen=True)
class Report:
    """What training measured, for the model card."""

    train_examples: int
    train_positive: int
    regularisation: float
    cross_validated: dict[str, float]
    dev: dict[str, float]
    by_threshold: list[dict[str, float]]


def _f1_at(probabilities, labels, gold: int, threshold: float) -> dict[str, float]:
    kept = [y for p, y in zip(probabilities, labels, strict=True) if p >= threshold]
    matched = sum(kept)
    precision = matched / len(kept) if kept else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "kept": len(kept),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def fit(
    train: list[Example],
    dev: list[Example],
    dev_gold: int,
    seed: int = 0,
    progress: Callable[[str], None] = lambda _: None,
    pipeline: str | None = None,
) -> tuple[Scorer, Report]:
    """The calibrated scorer and what was measured on the way (needs scikit-learn).
    ``pipeline`` names the spaCy pipeline that parsed the examples, whose token
    vectors the weights then read (`Scorer.reading`)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    vectorizer = DictVectorizer()
    # one candidate spelled out at a time: all of them at once held a gigabyte of floats
    x = vectorizer.fit_transform(spelled_out(e.features) for e in train)
    y = np.array([e.label for e in train])
    x_dev = vectorizer.transform(spelled_out(e.features) for e in dev)
    y_dev = [e.label for e in dev]

    def model(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, max_iter=2000, random_state=seed)

    best_c, best_loss = REGULARISATION[0], float("inf")
    for c in REGULARISATION:
        p_dev = model(c).fit(x, y).predict_proba(x_dev)[:, 1]
        loss = log_loss(y_dev, p_dev, labels=[False, True])
        f1 = max(_f1_at(p_dev, y_dev, dev_gold, t / 100)["f1"] for t in range(5, 95, 5))
        progress(f"C={c}: dev log loss {loss:.4f}, best dev F1 {f1:.4f}")
        if loss < best_loss:
            best_c, best_loss = c, loss
    groups = [e.article for e in train]
    folds = min(5, len(set(groups)))
    out_of_fold = np.zeros(len(train))  # log-odds of a model that never saw the article
    for fold, (fit_rows, held) in enumerate(GroupKFold(folds).split(x, y, groups)):
        fitted = model(best_c).fit(x[fit_rows], y[fit_rows])
        out_of_fold[held] = fitted.decision_function(x[held])
        progress(f"fold {fold + 1}/{folds}")
    platt = LogisticRegression(C=1e6).fit(out_of_fold.reshape(-1, 1), y)
    calibration = (float(platt.coef_[0][0]), float(platt.intercept_[0]))
    final = model(best_c).fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, final.coef_[0], strict=True) if w != 0.0}
    unthresholded = Scorer(weights, float(final.intercept_[0]), 0.0, calibration)
    calibrated_oof = platt.predict_proba(out_of_fold.reshape(-1, 1))[:, 1]
    train_gold = sum(y)  # the folds' recall is over the candidates' own positives
    cv = _f1_at(calibrated_oof, list(y), int(train_gold), 0.5)
    # as extraction keeps and shows them (three decimals, `pipeline`)
    p_dev = [round(unthresholded.confidence(e.features), 3) for e in dev]
    by_threshold = [_f1_at(p_dev, y_dev, dev_gold, t / 100) for t in range(0, 100, 5)]
    best = max(
        (row for row in by_threshold if row["threshold"] >= STORED), key=lambda row: row["f1"]
    )
    scorer = Scorer(weights, unthresholded.bias, best["threshold"], calibration, pipeline)
    report = Report(
        train_examples=len(train),
        train_positive=int(train_gold),
        regularisation=best_c,
        cross_validated=cv,
        dev=best,
        by_threshold=by_threshold,
    )
    return scorer, report
