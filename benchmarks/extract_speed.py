"""How fast quote extraction is next to a plain spaCy ``nlp.pipe`` over the same texts.

Parsing dominates the cost of extraction, so the budget is stated relative to
it: ``quotedb extract`` should run at 0.8x the speed of ``nlp.pipe`` or better.
Both are timed in one run, on the same articles and the same loaded pipeline:
the bundled demo articles plus any folders or files given (for example the
PolNeAR dev texts; they are only read, never copied).

    python3 benchmarks/extract_speed.py ../shared/eval/polnear-dev/text

Prints the seconds for each, the words per second, and the ratio
(pipe time / extract time; 1.0 means extraction costs nothing beyond parsing).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from quotedb.ingest.parse import load_nlp
from quotedb.ingest.pipeline import extract_many
from quotedb.ingest.read import read_paths
from quotedb.ingest.records import Article

from quotedb.cli import demo_corpus

TARGET = 0.8


def _best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` timed runs: the least disturbed by other processes."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="more article files or folders")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    args = parser.parse_args()

    articles = [
        item for item in read_paths([demo_corpus(), *args.paths]) if isinstance(item, Article)
    ]
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # load lazily initialised components before timing

    pipe = _best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    extract = _best_of(args.repeat, lambda: [quotes for _, quotes in extract_many(articles, nlp)])
    ratio = pipe / extract
    print(f"{len(articles)} articles, {words} words")
    print(f"nlp.pipe        {pipe:7.2f} s  {words / pipe:9.0f} words/s")
    print(f"quotedb extract {extract:7.2f} s  {words / extract:9.0f} words/s")
    verdict = "ok" if ratio >= TARGET else f"below the {TARGET}x target"
    print(f"ratio (pipe / extract) {ratio:.2f}x  {verdict}")


if __name__ == "__main__":
    main()
