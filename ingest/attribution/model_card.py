"""The model card written beside the trained weights: data, features, figures, date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .train import STORED, Report


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
  {d["proposed_exact"]}); the best of its alternatives would match for {d["best"]} and
  exactly for {d["best_exact"]}, the most a better ranker could reach.
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

**Tried, not kept** (2026-12-06, on the candidates of commit 3e07bf5): gradient-boosted
trees (scikit-learn `HistGradientBoostingClassifier`, 200-600 trees of 15-31 leaves, over
the features seen in 20 or more candidates) in place of the logistic regression: dev log
loss 0.330-0.333 against 0.330, best dev F1 0.704-0.705 against 0.707; averaging the two
models' log-odds: log loss 0.322-0.324, best F1 0.707, the same records kept within a
few. For the boundary ranker, the same trees chose a matching content for 955-956 dev
candidates (exactly: 761-763) against the logistic regression's 957 (758), and a
pairwise logistic regression (each best alternative against each worse one) 938-947
(746-759). The pipeline's token vectors (as the scorer reads them) at the
alternative's first and last words and at the words just beyond its edges, added to the
ranker's features (2026-12-06, commit e7b6479): 955-959 matches (exactly: 755-763)
against 958 (759), within a few either way. What separates the alternatives the
annotators drew from the others is not in the features; no form of model found it.
"""
    path = directory / "MODEL_CARD.md"
    path.write_text(card, "utf-8")
    figures = {**report.__dict__, "bounds": bounds}
    (directory / "report.json").write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    return path
