"""How fast search answers on a big database: the Whoosh query and the Datasette page.

Builds (or reuses) a synthetic database (benchmarks/synthetic.py), indexes it,
then times a mix of queries people type: words, phrases, names, fuzzy names,
fields, date ranges, misspellings that get a "did you mean", with facet counts
as the search page asks for them. Targets on a 2-core machine: Whoosh query
p95 <= 100 ms, search page p95 <= 300 ms (Datasette's in-process client, so the
page is rendered exactly as a browser would get it, minus the socket).

    python3 benchmarks/search_bench.py --quotes 100000 --db /tmp/quotes-100k.db
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import sqlite_utils
from datasette.app import Datasette
from quotedb.db.search import QuoteIndex
from quotedb.ingest import engines
from synthetic import build

from quotedb.cli.serve import DATASETTE_SETTINGS

WORDS = ["strikes", "cartel", "Venezuela", "boats", "military", "war", "drug", "president"]
PHRASES = ['"drug boats"', '"armed conflict"', '"Tren de Aragua"', '"national security"']
TEMPLATES = [
    "{word}",
    "{word} {word2}",
    "{phrase}",
    "speaker:{surname}",
    "{surname}",
    "{typo}",
    "{typo}~",
    "stance:oppose {word}",
    "type:direct {word} date:[{year}-01-01 to {year}-06-30]",
    "role:minister {word}",
    "{word} OR {word2}",
    "title:{word}",
]


def queries(db_path: Path, count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    surnames = [
        row["surname"]
        for row in sqlite_utils.Database(db_path).query(
            "select json_extract(aliases, '$[0]') as surname from speakers order by id limit 200"
        )
        if row["surname"] and len(row["surname"]) > 3
    ]
    made = []
    for number in range(count):
        surname = rng.choice(surnames)
        cut = rng.randrange(1, len(surname) - 1)
        made.append(
            TEMPLATES[number % len(TEMPLATES)].format(
                word=rng.choice(WORDS),
                word2=rng.choice(WORDS),
                phrase=rng.choice(PHRASES),
                surname=surname,
                typo=surname[:cut] + surname[cut + 1 :],
                year=rng.randrange(2019, 2025),
            )
        )
    return made


def percentiles(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)]
    return f"n={len(ms)} p50={statistics.median(ms):.1f} ms p95={p95:.1f} ms max={ms[-1]:.1f} ms"


def time_whoosh(index: QuoteIndex, texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        began = time.perf_counter()
        index.search(text, limit=20, facets=True)
        times.append(time.perf_counter() - began)
    return times


async def time_pages(db_path: Path, texts: list[str]) -> list[float]:
    # `quotedb serve` passes these as command-line strings; the constructor wants values
    settings = {
        name: value == "on" if value in ("on", "off") else int(value)
        for name, value in DATASETTE_SETTINGS.items()
    }
    datasette = Datasette([str(db_path)], settings=settings)
    await datasette.invoke_startup()
    await datasette.client.get("/-/search?q=warmup")
    times = []
    for text in texts:
        began = time.perf_counter()
        response = await datasette.client.get("/-/search?" + urlencode({"q": text}))
        times.append(time.perf_counter() - began)
        assert response.status_code == 200, (text, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/quotedb-bench/quotes-100k.db")
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--rebuild", action="store_true", help="Regenerate the database.")
    args = parser.parse_args()
    db_path = Path(args.db)
    if args.rebuild or not db_path.exists():
        began = time.perf_counter()
        build(db_path, args.quotes)
        print(f"generated {args.quotes:,} quotes: {time.perf_counter() - began:.1f} s")
    index = QuoteIndex(db_path)
    if not index.is_current():
        began = time.perf_counter()
        # In as many processes as a first ingest on this machine builds it with.
        count = index.rebuild(procs=engines.worker_count())
        print(f"indexed {count:,} quotes: {time.perf_counter() - began:.1f} s")
    texts = queries(db_path, args.queries)
    time_whoosh(index, texts[:10])  # warm the OS cache and Whoosh's readers
    whoosh = time_whoosh(index, texts)
    pages = asyncio.run(time_pages(db_path, texts))
    total = sqlite_utils.Database(db_path)["quotes"].count
    print(f"database: {db_path} ({total:,} quotes)")
    print(f"whoosh query (20 hits, highlights, facets, did-you-mean): {percentiles(whoosh)}")
    print(f"datasette /-/search page:                                 {percentiles(pages)}")
    words_only = [t for t, q in zip(whoosh, texts, strict=True) if '"' not in q]
    print(f"whoosh query without phrases: {percentiles(words_only)}")
    first_phrases = {}
    for t, q in zip(whoosh, texts, strict=True):
        if '"' in q:
            first_phrases.setdefault(q, t)
    print(
        "phrases, first time (then cached): "
        + ", ".join(f"{q} {t * 1000:.0f} ms" for q, t in first_phrases.items())
    )
    slowest = sorted(zip(whoosh, texts, strict=True), reverse=True)[:3]
    print("slowest whoosh queries: " + "; ".join(f"{t * 1000:.0f} ms {q!r}" for t, q in slowest))
    sys.exit(0)


if __name__ == "__main__":
    main()
