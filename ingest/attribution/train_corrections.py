"""Training examples from what people decided in the database: the exported corrections
(``quotedb corrections export``) of a newsroom's reviewed articles, labelling the
candidates the rules find in them as statements or not.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Scorer
from .train import Example, Found, _candidates_of, _characters, _jaccard


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
