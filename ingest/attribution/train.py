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

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
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


def reviewed(corrections: Path) -> dict[str, dict[tuple[tuple[int, int], ...], bool]]:
    """What people decided in exported corrections (``quotedb corrections export``), per
    article: spans confirmed as statements (``verified``, a corrected ``span``) and
    spans marked "not a quote". The latest decision on the same words wins."""
    from quotedb.db.corrections import read_exported

    decided: dict[str, dict[tuple[tuple[int, int], ...], bool]] = {}
    lines = corrections.read_text("utf-8").splitlines()
    for record in read_exported(lines, str(corrections)):
        spans = tuple(tuple(s) for s in json.loads(record.get("spans") or "[]"))
        field, after = record["field"], record.get("after")
        article = decided.setdefault(str(record.get("article_id")), {})
        if field == "is_quote":
            article[spans] = after != "0"
        elif field == "verified" and after == "1":
            article[spans] = True
        elif field == "span" and after:
            article[spans] = False
            article[tuple(tuple(s) for s in json.loads(after))] = True
    return {article: spans for article, spans in decided.items() if spans}


def reviewed_articles(
    decided: dict[str, dict[tuple[tuple[int, int], ...], bool]],
    articles: Path,
    model: str | None = None,
    ranker: Scorer | None = None,
) -> list[Found]:
    """What the rules find in the reviewed articles, found in ``articles`` by their id."""
    paths = [str(p) for p in sorted(articles.rglob("*")) if p.is_file() and p.stem in decided]
    return _candidates_of(paths, model, ranker)


def corrected_examples(
    corrections: Path, articles: Path, model: str | None = None, ranker: Scorer | None = None
) -> list[Example]:
    """The candidates of the reviewed articles (found in ``articles`` by their id), labelled
    by what people decided: a newsroom's reviews as extra training examples. A candidate
    no decision touches (Jaccard < 0.5 with every reviewed span) is left out."""
    decided = reviewed(corrections)
    examples = []
    for article, text, candidates, _ in reviewed_articles(decided, articles, model, ranker):
        marks = [
            (_characters(text, spans), label) for spans, label in decided.get(article, {}).items()
        ]
        for spans, seen in candidates:
            chars = _characters(text, spans)
            overlaps = [(_jaccard(chars, c), label) for c, label in marks if c]
            best = max(overlaps, default=(0.0, False))
            if best[0] >= 0.5:
                examples.append(Example(article, tuple(map(tuple, spans)), seen, best[1]))
    return examples


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


def write_card(
    directory: Path,
    report: Report,
    bounds: dict,
    data: Path,
    dev: Path,
    seed: int,
    pipeline: str,
) -> Path:
    """MODEL_CARD.md beside the weights: data, features, figures, date."""
    rows = "\n".join(
        f"| {r['threshold']:.2f} | {r['kept']} | {r['precision']:.3f} | {r['recall']:.3f} "
        f"| {r['f1']:.3f} |"
        for r in report.by_threshold
    )
    d = bounds["dev"]
    card = f"""# Attribution scorer and boundary ranker

`model.json` decides, for each candidate the attribution rules propose, whether it is an
attributed statement, and gives it a calibrated `confidence`. `bounds.json` first chooses
where its content starts and ends. Built {date.today().isoformat()} by

    quotedb train attribution --data {data} --dev {dev} --out {directory} --seed {seed}

- **Data:** `{data.name}`, the training split of PolNeAR (Newell, Margolin and Ruths, LREC
  2018): {report.train_examples} candidates from the rules, {report.train_positive} of them
  matching a human attribution (Jaccard >= 0.5 on non-space characters). The dev split
  (`{dev.name}`) chose the regularisation (C = {report.regularisation}, lowest log loss)
  and the threshold (best F1 at {STORED} or above, so that a stored record is more
  likely right than wrong); it
  was never trained on. The demo articles were not used.
- **Model:** logistic regression over indicator features (`ingest/attribution/features.py`):
  the rule that proposed the candidate and its prior, type, act, content length, quoted
  share, edge words and punctuation, the cue's lemma, tag, dependency, side and distance,
  the source mention's part of speech, entity type, length and what it resolved to, how
  far the boundary ranker's choice led the next alternative (a narrow lead is a doubtful
  boundary), each also crossed with the rule; and the token vectors of the spaCy
  pipeline that parsed ({pipeline}: its tok2vec layer, which its tagger and
  parser read) at the cue, the word it hangs on and the source, at the content's
  first and last words and averaged over it, which another pipeline's parse leaves
  unread. Calibrated by Platt scaling (a slope and intercept on the log-odds) fitted
  on 5-fold out-of-fold predictions (folds by article), so confidence reads as a
  probability of being right, and smoothly: records share no confidence by accident
  of a step. The training candidates' boundaries are drawn by boundary rankers
  fitted without their article (5 folds), as a new article's are drawn
  by one that never saw it.
- **Boundary ranker** (`ingest/attribution/bounds.py`, features in `bounds_features.py`,
  trained by `train_bounds.py`):
  logistic regression over each alternative content of a candidate (the rules' span, cut
  at a clause boundary, stretched to the sentence, the next sentence or the cue's clause,
  narrowed to the quoted words): how it was drawn, the words at and beyond its edges,
  whether it is one whole clause of the parse, what it adds or drops; crossed with how
  it was drawn and with the type. Trained on the {bounds["train_choices"]} training candidates whose
  alternatives differ in how well they match a human content (C = {bounds["regularisation"]},
  chosen on dev). On dev, of {d["candidates"]} candidates near a human content, the chosen
  content matches one (Jaccard >= 0.5) for {d["chosen"]} (the rules' own span:
  {d["proposed"]}) and has exactly its characters for {d["chosen_exact"]} (rules:
  {d["proposed_exact"]}).
- **Cross-validated on train** (calibrated out-of-fold, threshold 0.5, recall over the
  candidates' positives): precision {report.cross_validated["precision"]:.3f}, recall
  {report.cross_validated["recall"]:.3f}.
- **Dev** at the chosen threshold {report.dev["threshold"]:.2f}: {report.dev["kept"]} kept,
  precision {report.dev["precision"]:.3f}, recall {report.dev["recall"]:.3f} over all dev
  attributions (beliefs and polls included), F1 {report.dev["f1"]:.3f}. Figures from
  `score_quotes.py` are in the README.

Precision and recall on dev by confidence threshold (recall over all dev attributions):

| threshold | kept | precision | recall | F1 |
|---|---|---|---|---|
{rows}
"""
    path = directory / "MODEL_CARD.md"
    path.write_text(card, "utf-8")
    figures = {**report.__dict__, "bounds": bounds}
    (directory / "report.json").write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    return path
