"""How fast quote extraction is next to a plain spaCy ``nlp.pipe`` over the same texts.

Parsing dominates the cost of extraction, so the budget is stated relative to
it: single-process ``quotedb extract`` words/s divided by ``nlp.pipe`` words/s
should be 0.9 or more (``scale.py``'s ``pipe_ratio`` is the same ratio for a
whole ingest, storing and indexing included). Both are timed in one run, on the same articles
and the same loaded pipeline: the bundled demo articles plus any folders or
files given (for example the PolNeAR dev texts; they are only read, never
copied). Both rates count all the words of all the texts (whitespace-split),
whatever extraction skips.

    python3 benchmarks/extract_speed.py ../shared/eval/polnear-dev/text

Prints the seconds and words per second of ``nlp.pipe``, of extraction, and of
extraction with every paragraph parsed in full (``parse_all``: what skipping
paragraphs that cannot hold a quote saves), and the ratios to ``nlp.pipe``
(1.0: extraction costs what parsing the texts costs).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from quotedb.ingest.parse import load_nlp
from quotedb.ingest.pipeline import extract_many
from quotedb.ingest.read import read_paths
from quotedb.ingest.records import Article

from quotedb.cli.serve import demo_corpus

TARGET = 0.9
CHUNK = 8  # articles timed at a time


def _best_of(
    repeat: int, runs: dict[str, Callable[[list[Article]], object]], articles: list[Article]
) -> dict[str, float]:
    """Each run's seconds over all ``articles``, the fastest of ``repeat`` rounds.

    The runs take turns on one small chunk of articles after another, so that
    a busy spell on the shared machine slows all of them alike instead of
    whichever ran then; the fastest round is the least disturbed.
    """
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    rounds = []
    for _ in range(repeat):
        taken = dict.fromkeys(runs, 0.0)
        for number, chunk in enumerate(chunks):
            names = list(runs) if number % 2 else list(reversed(runs))
            for name in names:
                began = time.perf_counter()
                runs[name](chunk)
                taken[name] += time.perf_counter() - began
        rounds.append(taken)
    return {name: min(taken[name] for taken in rounds) for name in runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="more article files or folders")
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the fastest counts")
    args = parser.parse_args()

    articles = [
        item for item in read_paths([demo_corpus(), *args.paths]) if isinstance(item, Article)
    ]
    words = sum(len(article.text.split()) for article in articles)
    nlp = load_nlp()
    list(extract_many(articles[:2], nlp))  # load lazily initialised components and lexicons

    best = _best_of(
        args.repeat,
        {
            "nlp.pipe": lambda chunk: list(nlp.pipe(article.text for article in chunk)),
            "quotedb extract": lambda chunk: list(extract_many(chunk, nlp)),
            "extract, parse_all": lambda chunk: list(extract_many(chunk, nlp, parse_all=True)),
        },
        articles,
    )
    print(f"{len(articles)} articles, {words} words")
    for name, seconds in best.items():
        print(f"{name:<19} {seconds:7.2f} s  {words / seconds:9.0f} words/s")
    ratio = best["nlp.pipe"] / best["quotedb extract"]  # same words: a words/s ratio
    full = best["nlp.pipe"] / best["extract, parse_all"]
    verdict = "ok" if ratio >= TARGET else f"below the {TARGET}x target"
    print(f"ratio (extract words/s / nlp.pipe words/s) {ratio:.2f}x  {verdict}")
    print(f"ratio, every paragraph parsed in full      {full:.2f}x")


if __name__ == "__main__":
    main()
