"""Rebuild the shipped stance model: ``quotedb train stance --data DIR --out DIR --seed 0``.

Trains on ``DIR/train.jsonl`` (Directed Sentiment: ``text``, ``speaker``,
``target``, ``stance``) only. The temperature that calibrates the scores is
fitted on 5-fold cross-validation over the training split, grouped by
sentence text so that a sentence seen in training never scores its own fold;
``valid.jsonl``, when present, is only measured (whole, and the sentences the
training split does not contain). Needs scikit-learn, which the shipped model
does not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from ..parse import load_nlp
from .model import WEIGHTS, Model, features, softmax
from .signals import target_signals
from .topic import LABELS, NEUTRAL

C = 10.0
"""Inverse regularisation, chosen among 3, 10 and 30 on the valid sentences
the training split does not contain (macro-F1 0.614, 0.639, 0.623)."""
MIN_COUNT = 2
"""A feature seen in fewer training sentences than this is dropped."""
FOLDS = 5


def read(path: Path) -> list[dict[str, Any]]:
    """The records of a Directed Sentiment JSONL file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def featurize(rows: Sequence[dict[str, Any]], batch_size: int = 256) -> list[dict[str, float]]:
    """The model's features for each record, parsing the texts in batches."""
    docs = load_nlp().pipe((row["text"] for row in rows), batch_size=batch_size)
    found = []
    for row, doc in zip(rows, docs, strict=True):
        signal = target_signals(doc, [row["target"]], row["speaker"])[0]
        found.append(features(doc, row["speaker"], row["target"], signal))
    return found


def fit(found: Sequence[dict[str, float]], labels: Sequence[str], c: float, seed: int) -> Model:
    """A logistic regression over the features seen in at least ``MIN_COUNT``
    sentences, each weighed by its inverse document frequency and each
    sentence scaled to unit length (as `Model.vector` does at run time)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    counts: dict[str, int] = {}
    for row in found:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept = [{n: v for n, v in row.items() if counts[n] >= MIN_COUNT} for row in found]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    names = vectorizer.get_feature_names_out()
    scale = np.array([math.log(len(found) / (1 + counts[name])) + 1 for name in names])
    matrix = normalize(matrix.multiply(scale).tocsr())
    y = np.array([LABELS.index(label) for label in labels])
    regression = LogisticRegression(
        C=c, max_iter=3000, class_weight="balanced", random_state=seed
    ).fit(matrix, y)
    index = {name: i for i, name in enumerate(names)}
    return Model(index, scale, regression.coef_.T, regression.intercept_)


def macro_f1(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """The mean of the three classes' F1, as ``score_stance.py`` computes it."""
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, labels=range(len(LABELS)), average="macro"))


def temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The divisor of the logits that makes cross-validated probabilities honest
    (least negative log-likelihood over a grid)."""
    grid = np.arange(0.5, 4.01, 0.05)
    losses = [-np.log(softmax(logits / t)[np.arange(len(gold)), gold] + 1e-12).mean() for t in grid]
    return round(float(grid[int(np.argmin(losses))]), 2)


def logits(model: Model, found: Sequence[dict[str, float]]) -> np.ndarray:
    return np.array([model.logits(row) for row in found])


def cross_validate(
    found: Sequence[dict[str, float]], rows: Sequence[dict[str, Any]], c: float, seed: int
) -> np.ndarray:
    """Out-of-fold logits, folds grouped by sentence text."""
    from sklearn.model_selection import GroupKFold

    labels = [row["stance"] for row in rows]
    groups = [row["text"] for row in rows]
    out = np.zeros((len(rows), len(LABELS)))
    folds = GroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train, test in folds.split(found, labels, groups):
        model = fit([found[i] for i in train], [labels[i] for i in train], c, seed)
        out[test] = logits(model, [found[i] for i in test])
    return out


def figures(probabilities: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Macro-F1, support F1, and how often a verdict scored above 0.8 is right."""
    from sklearn.metrics import f1_score

    chosen = probabilities.argmax(axis=1)
    confident = (probabilities.max(axis=1) > 0.8) & (chosen != LABELS.index(NEUTRAL))
    return {
        "macro_f1": round(macro_f1(gold, chosen), 3),
        "support_f1": round(float(f1_score(gold, chosen, labels=[0], average="macro")), 3),
        "above_0.8": int(confident.sum()),
        "right_above_0.8": round(float((chosen == gold)[confident].mean()), 3)
        if confident.any()
        else 0.0,
    }


def corrected(corrections: Path) -> list[dict[str, Any]]:
    """Stances people set (``quotedb corrections export``) as training records: the quoted
    words, their speaker, the target the stance was toward and the stance decided. A
    correction without words, speaker or target (a quote since removed) teaches nothing."""
    from quotedb.db.corrections import read_exported

    found = []
    lines = corrections.read_text("utf-8").splitlines()
    for number, record in enumerate(read_exported(lines, str(corrections)), start=1):
        if record.get("field") != "stance" or record.get("after") not in LABELS:
            continue
        text, speaker, target = (record.get(k) for k in ("words", "speaker", "stance_target"))
        if text and speaker and target:
            found.append(
                {"id": f"correction-{record.get('id', number)}", "text": text}
                | {"speaker": speaker, "target": target, "stance": record["after"]}
            )
    return found


def train(
    data: Path,
    out: Path,
    seed: int = 0,
    log: Callable[[str], object] = print,
    extra: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """Train on ``data/train.jsonl`` (and ``extra`` records, such as `corrected` ones),
    calibrate by grouped CV, save weights and a report.

    Returns the report (also written as ``training.json`` beside the weights).
    """
    rows = read(data / "train.jsonl") + list(extra)
    log(f"parsing {len(rows)} training sentences")
    found = featurize(rows)
    labels = [row["stance"] for row in rows]
    gold = np.array([LABELS.index(label) for label in labels])
    log(f"{FOLDS}-fold cross-validation, grouped by sentence (C={C})")
    oof = cross_validate(found, rows, C, seed)
    model = fit(found, labels, C, seed)
    model = replace(model, temperature=temperature(oof, gold))
    report: dict[str, Any] = {
        "date": date.today().isoformat(),
        "seed": seed,
        "C": C,
        "temperature": model.temperature,
        "features": len(model.index),
        "train_sentences": len(rows),
        "cv": figures(softmax(oof / model.temperature), gold),
    }
    if (data / "valid.jsonl").exists():
        valid = read(data / "valid.jsonl")
        log(f"measuring on {len(valid)} valid sentences")
        probabilities = softmax(logits(model, featurize(valid)) / model.temperature)
        valid_gold = np.array([LABELS.index(row["stance"]) for row in valid])
        seen = {row["text"] for row in rows}
        unseen = np.array([row["text"] not in seen for row in valid])
        report["valid"] = figures(probabilities, valid_gold)
        report["valid_unseen"] = figures(probabilities[unseen], valid_gold[unseen])
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / WEIGHTS)
    (out / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report
