"""Fast at every size: ingest speed and scaling, re-ingest, load rate, memory, 1M quotes served.

One command measures every figure of issue 7 side by side in one run and writes
a JSON report plus a table. Timings are ratios of runs made one after the other
on the same texts, because absolute times on a shared machine are noisy; the
machine's load average is recorded with them.

    python3 benchmarks/scale.py ../shared/eval/polnear-dev/text --quotes 1000000
    python3 benchmarks/scale.py --smoke          # seconds, demo articles: what CI runs

Figures:

- ``pipe_ratio``: single-process ingest words/s over plain spaCy ``nlp.pipe``
  words/s on the same texts (both in this process, the model already loaded),
  and ``extract_ratio`` the same for extraction alone: medians of ``--rounds``
  rounds, each timing the three one after the other (`pipe_figures`);
- ``workers_speedup``: ``quotedb ingest --workers 1`` time over ``--workers 2``
  (separate processes, start-up and model loading included);
- ``reingest_share``: an unchanged re-ingest's time over the first ingest's;
- ``load_rate``: quotes/s the writer stores into SQLite with full-text search,
  from extracted quotes (the corpus's, copied under new article ids) into a new
  database: ``Writer.store`` of every chunk, then ``Writer.finish``, which a bulk
  load needs before its quotes are searchable (``load_finish_s`` of ``load_s``);
  linking the statements after (``quotedb.db.statements.link``, as ingest does)
  is not in the rate but reported as ``load_link_s``; ``load_floor_rate`` is
  the same rows written by SQLite alone (`load_floor`), the most any writer
  could reach on this machine with this schema;
- ``memory_ratio``: peak resident memory of ``--workers 1`` ingest on ten copies
  of the corpus over one copy;
- ``dask_speedup``: ``--workers 1`` time over ``--engine dask`` on a scheduler
  and two single-threaded workers on 127.0.0.1 started as README's recipe says,
  on the cluster's second ingest (``dask_first_speedup``: its first, as soon as
  the workers have joined); this and ``workers_speedup`` are medians of
  ``--rounds`` rounds, each running ``--workers 1``, ``--workers 2`` and a new
  cluster one after the other (each round's ratio is reported too), so a busy
  spell on the shared machine skews one round rather than the figure;
- ``search_page`` and ``table_page``: Datasette's quotes table with ``_search``
  and the speaker, stance and type facets, and without search, on a synthetic
  database of ``--quotes`` quotes (benchmarks/synthetic.py, no Whoosh index):
  p50/p95, the facets every page returned, and any the pages said timed out.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import sqlite_utils
from quotedb.db import load, statements
from quotedb.ingest import engines
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.read import read_paths
from quotedb.ingest.records import Article
from synthetic import build

from quotedb import ingest
from quotedb.cli.serve import DATASETTE_SETTINGS, demo_corpus, metadata_path

TARGETS = {
    "pipe_ratio": (">=", 0.9),
    "workers_speedup": (">=", 1.6),
    "reingest_share": ("<=", 0.05),
    "load_rate": (">=", 50_000),
    "memory_ratio": ("<=", 1.2),
    "dask_speedup": (">=", 1.6),
    "search_page_p95_ms": ("<=", 500),
    "table_page_p95_ms": ("<=", 300),
}
# How README's recipe starts a Dask scheduler and workers, one thread each.
DASK_PRELOAD = ["--preload", "quotedb.ingest.engines"]
DASK_WORKER_OPTIONS = ["--nthreads", "1", *DASK_PRELOAD]
DASK_WORKER_ENVIRONMENT = {"MALLOC_MMAP_THRESHOLD_": str(32 * 2**20)}
# Names and topic words people search for; in the synthetic text, which draws on
# the small vocabulary of the demo articles, each is in 2-16% of the quotes.
SEARCH_WORDS = ["Petro", "Rubio", "Hegseth", "boats", "sovereignty", "terrorist", "law", "war"]
SEARCH_WORDS += ["cartel", "Venezuela", "Maduro"]
# Runs a command and prints the peak resident memory of its largest process (KiB).
_PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def copy_corpus(articles: list[Article], folder: Path, copies: int) -> Path:
    """``copies`` copies of every article as .txt files under new names."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for copy in range(copies):
        for article in articles:
            (folder / f"{article.id}-{copy}.txt").write_text(article.text, encoding="utf-8")
    return folder


def fresh(db_path: Path) -> str:
    for old in db_path.parent.glob(db_path.name + "*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    return str(db_path)


def cli_ingest(corpus: Path, db_path: Path, *options: str) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of ``quotedb ingest`` in its own process."""
    command = [sys.executable, "-m", "quotedb", "ingest", str(corpus), "--db", str(db_path)]
    began = time.perf_counter()
    peak = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *command, *options],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return time.perf_counter() - began, int(peak.split()[-1])


def ingest_figures(
    articles: list[Article], work: Path, smoke: bool, rounds: int
) -> dict[str, object]:
    corpus = copy_corpus(articles, work / "corpus", 1)
    figures = pipe_figures(articles, corpus, work, rounds)
    one, peak_one = cli_ingest(corpus, Path(fresh(work / "one.db")), "--workers", "1")
    again, _ = cli_ingest(corpus, work / "one.db", "--workers", "1")
    importing = [sys.executable, "-c", "import quotedb.cli"]
    startup = timed(lambda: subprocess.run(importing, check=True))
    figures |= {
        "first_ingest_s": round(one, 2),
        "reingest_s": round(again, 2),
        "reingest_share": round(again / one, 4),
        # Python starting and importing quotedb (spaCy, Datasette, Whoosh): the
        # same for any corpus, so the share falls as the corpus grows.
        "startup_s": round(startup, 2),
        "reingest_share_after_startup": round((again - startup) / (one - startup), 4),
    }
    figures |= engine_figures(corpus, work, rounds)

    copies = 2 if smoke else 10
    big = copy_corpus(articles, work / "corpus-big", copies)
    _, peak_big = cli_ingest(big, Path(fresh(work / "big.db")), "--workers", "1")
    figures |= {
        "memory_copies": copies,
        "peak_rss_1x_mb": round(peak_one / 1024),
        f"peak_rss_{copies}x_mb": round(peak_big / 1024),
        "memory_ratio": round(peak_big / peak_one, 3),
    }
    figures |= load_figures(articles, work, smoke)
    return figures


def pipe_figures(
    articles: list[Article], corpus: Path, work: Path, rounds: int
) -> dict[str, object]:
    """Plain ``nlp.pipe``, extraction alone and a whole single-process ingest of the same
    texts, one after the other in each of ``rounds`` rounds: medians, and each round's ratio.

    ``extract_ratio`` (``nlp.pipe`` time over extraction's) is what skipping text that
    cannot hold a quote gains; ``pipe_ratio`` adds storing, both search indexes and
    linking statements.
    """
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # initialise lazily loaded components before timing
    runs = []
    for _ in range(rounds):
        pipe = timed(lambda: list(nlp.pipe(texts)))
        extracting = timed(lambda: list(engines.extract(articles, workers=1)))
        single = timed(
            lambda: ingest.run([str(corpus)], fresh(work / "single.db"), max_bytes=10**6, workers=1)
        )
        runs.append(
            {
                "pipe_s": pipe,
                "extract_s": extracting,
                "ingest_s": single,
                "extract_ratio": pipe / extracting,
                "pipe_ratio": pipe / single,
            }
        )
    figures = medians(runs)
    return {
        "articles": len(articles),
        "words": words,
        "pipe_words_per_s": round(words / figures["pipe_s"]),
        "extract_words_per_s": round(words / figures["extract_s"]),
        "ingest_words_per_s": round(words / figures["ingest_s"]),
        **figures,
    }


def medians(runs: list[dict[str, float]]) -> dict[str, Any]:
    """Each figure's median over the rounds, and each round's value under ``<name>_rounds``."""
    figures: dict[str, Any] = {}
    for name in runs[0]:
        values = [round(run[name], 3) for run in runs]
        figures[name] = round(statistics.median(values), 3)
        figures[f"{name}_rounds"] = values
    return figures


def engine_figures(corpus: Path, work: Path, rounds: int) -> dict[str, object]:
    """``--workers 2`` and the Dask engine against ``--workers 1``: the median of ``rounds``
    rounds, with each round's figure under ``<name>_rounds``."""
    return medians([engine_round(corpus, work) for _ in range(rounds)])


def engine_round(corpus: Path, work: Path) -> dict[str, float]:
    """One ingest each with ``--workers 1``, ``--workers 2`` and two on a new Dask cluster:
    the first as soon as both workers have joined, the second as every ingest after the
    first on a long-running cluster. ``dask_workers_start_s`` is how long the workers took
    to join (they load spaCy then)."""
    one, _ = cli_ingest(corpus, Path(fresh(work / "one-round.db")), "--workers", "1")
    two, _ = cli_ingest(corpus, Path(fresh(work / "two.db")), "--workers", "2")
    with dask_cluster(work, 2) as (address, start):
        cold, warm = (
            cli_ingest(
                corpus, Path(fresh(work / "dask.db")), "--engine", "dask", "--scheduler", address
            )[0]
            for _ in range(2)
        )
    return {
        "workers_1_s": one,
        "workers_2_s": two,
        "workers_speedup": one / two,
        "dask_workers_start_s": start,
        "dask_first_s": cold,
        "dask_first_speedup": one / cold,
        "dask_s": warm,
        "dask_speedup": one / warm,
    }


@contextmanager
def dask_cluster(work: Path, workers: int) -> Iterator[tuple[str, float]]:
    """The scheduler's address and the seconds ``workers`` single-threaded workers took to join.

    Separate processes on 127.0.0.1, as a user starts them: a LocalCluster would spawn
    workers that import this script's modules, and its nannies would put the workers'
    environment (``MALLOC_TRIM_THRESHOLD_``) into this process's, and so into every
    ingest run after it.
    """
    from distributed import Client

    scheduler_file = work / "dask-scheduler.json"
    scheduler_file.unlink(missing_ok=True)
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    local = ["--host", "127.0.0.1", "--no-dashboard", "--scheduler-file", str(scheduler_file)]
    processes = []
    try:
        processes.append(
            subprocess.Popen([*dask, "scheduler", "--port", "0", *local, *DASK_PRELOAD], **quiet)
        )
        began = time.perf_counter()
        processes.append(
            subprocess.Popen(
                [*dask, "worker", *local, "--nworkers", str(workers), *DASK_WORKER_OPTIONS],
                env=os.environ | DASK_WORKER_ENVIRONMENT,
                **quiet,
            )
        )
        with Client(scheduler_file=str(scheduler_file), timeout="60s") as client:
            client.wait_for_workers(workers, timeout=300)
            start, address = time.perf_counter() - began, client.scheduler.address
        yield address, start
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait()


def load_figures(articles: list[Article], work: Path, smoke: bool) -> dict[str, object]:
    """Store the corpus's extracted quotes, copied until there are enough, in ingest's chunks."""
    quotes_wanted = 2_000 if smoke else 200_000
    extracted = [pair for chunk in engines.extract(articles, workers=1) for pair in chunk]
    per_copy = sum(len(quotes) for _, quotes in extracted) or 1
    copies = -(-quotes_wanted // per_copy)
    batch = [
        (Article(**{**vars(article), "id": f"{article.id}-{copy}"}), quotes)
        for copy in range(copies)
        for article, quotes in extracted
    ]
    db = load.open_db(fresh(work / "load.db"))
    writer = load.Writer(db)
    chunks = [
        batch[start : start + engines.CHUNK_ARTICLES]
        for start in range(0, len(batch), engines.CHUNK_ARTICLES)
    ]
    storing = timed(lambda: [writer.store(chunk) for chunk in chunks])
    finishing = timed(writer.finish)
    linking = timed(lambda: statements.link(db))
    stored = db["quotes"].count
    floor = load_floor(db, fresh(work / "floor.db"))
    rate = stored / (storing + finishing)
    return {
        "load_quotes": stored,
        "load_s": round(storing + finishing, 2),
        "load_finish_s": round(finishing, 2),
        "load_rate": round(rate),
        "load_link_s": round(linking, 2),
        "load_floor_rate": round(stored / floor),
        "load_share_of_floor": round(rate / (stored / floor), 3),
    }


def load_floor(loaded: sqlite_utils.Database, path: str) -> float:
    """Seconds SQLite alone takes to load the rows of ``loaded`` into a new database.

    The rows are read out first, then written with plain ``executemany`` into
    the same schema without its lookups, and finished as a bulk load finishes
    (full-text indexes, lookups, roles): the writer's work less its own Python.
    """
    tables = ("articles", "speakers", "quotes")
    rows = {table: list(loaded.execute(f"select * from {table}")) for table in tables}
    db = load.open_db(path)

    def write() -> None:
        with load.write_transaction(db):
            load.begin_bulk(db)
            for table in tables:
                marks = ", ".join("?" * len(db[table].columns))
                db.conn.executemany(f"insert into {table} values ({marks})", rows[table])
        with load.write_transaction(db):
            load.complete_bulk(db)

    return timed(write)


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * len(ordered)) - 1)]


async def page_times(db_path: Path, requests: int) -> dict[str, object]:
    from datasette.app import Datasette

    settings = {
        name: value == "on" if value in ("on", "off") else int(value)
        for name, value in DATASETTE_SETTINGS.items()
    }
    metadata = json.loads(metadata_path().read_text(encoding="utf-8"))
    datasette = Datasette([str(db_path)], settings=settings, metadata=metadata)
    await datasette.invoke_startup()
    name = db_path.stem
    quotes = sqlite_utils.Database(db_path)["quotes"]
    searches = [{"_search": SEARCH_WORDS[n % len(SEARCH_WORDS)]} for n in range(requests)]
    figures: dict[str, object] = {}
    for figure, queries in (("search_page", searches), ("table_page", [{}] * requests)):
        await datasette.client.get(f"/{name}/quotes?" + urlencode(queries[0]))  # warm the cache
        times, timed_out, facets = [], set(), None
        for query in map(urlencode, queries):
            began = time.perf_counter()
            page = await datasette.client.get(f"/{name}/quotes?{query}")
            times.append(time.perf_counter() - began)
            assert page.status_code == 200, (query, page.status_code)
            timed_out.update(_timed_out(page.text))
            data = (await datasette.client.get(f"/{name}/quotes.json?{query}")).json()
            returned = {facet["name"] for facet in data["facet_results"].values()}
            facets = returned if facets is None else facets & returned
        figures |= {
            f"{figure}_p50_ms": round(statistics.median(times) * 1000, 1),
            f"{figure}_p95_ms": round(percentile(times, 0.95) * 1000, 1),
            f"{figure}_facets": sorted(facets or ()),
            f"{figure}_facets_timed_out": sorted(timed_out),
        }
        if figure == "search_page":
            figures["search_page_by_word"] = _by_word(quotes, searches, times)
    return figures


def _timed_out(page: str) -> list[str]:
    """The facets a Datasette 0.65 table page says timed out (its JSON does not say)."""
    found = re.search(r'<p class="facets-timed-out">These facets timed out: ([^<]*)</p>', page)
    return found.group(1).split(", ") if found else []


def _by_word(
    quotes: sqlite_utils.db.Table, searches: list[dict[str, str]], times: list[float]
) -> dict[str, dict[str, float]]:
    """Median page time per search word, next to the share of quotes the word is in."""
    spent: dict[str, list[float]] = {}
    for search, seconds in zip(searches, times, strict=True):
        spent.setdefault(search["_search"], []).append(seconds)
    total = quotes.count
    return {
        word: {
            "share_of_quotes": round(
                quotes.db.execute(
                    "select count(*) from quotes_fts where quotes_fts match ?", [word]
                ).fetchone()[0]
                / total,
                4,
            ),
            "median_ms": round(statistics.median(seconds) * 1000),
        }
        for word, seconds in spent.items()
    }


def serving_figures(quotes: int, db_path: Path, requests: int) -> dict[str, object]:
    if not db_path.exists():
        build(db_path, quotes)
    return {"served_quotes": quotes, **asyncio.run(page_times(db_path, requests))}


def table(figures: dict[str, object]) -> str:
    lines = ["| figure | value | target | met |", "|---|---|---|---|"]
    for name, value in figures.items():
        target = TARGETS.get(name)
        if target is None:
            lines.append(f"| {name} | {value} | | |")
            continue
        sign, bound = target
        met = value >= bound if sign == ">=" else value <= bound
        lines.append(f"| {name} | {value} | {sign} {bound} | {'yes' if met else 'NO'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="article files or folders (default: demo)")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes served")
    parser.add_argument("--served-db", help="synthetic database to reuse or build")
    parser.add_argument("--requests", type=int, default=60, help="page loads per figure")
    parser.add_argument("--work", default="/tmp/quotedb-scale", help="scratch folder")
    parser.add_argument("--report", default="/tmp/quotedb-scale/report.json")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the speed figures")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for CI")
    parser.add_argument(
        "--part",
        choices=["all", "ingest", "engines", "load", "serving"],
        default="all",
        help="measure only this (engines: --workers 1 against --workers 2 and Dask; "
        "load: load_rate alone, without the ingest runs)",
    )
    args = parser.parse_args()
    if args.smoke:
        args.quotes, args.requests, args.rounds = min(args.quotes, 2_000), min(args.requests, 5), 1
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    articles = [
        item for item in read_paths(args.paths or [demo_corpus()]) if isinstance(item, Article)
    ]
    figures: dict[str, object] = {
        "load_average_before": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    }
    if args.part in ("all", "ingest"):
        figures |= ingest_figures(articles, work, args.smoke, args.rounds)
    if args.part == "engines":
        figures |= engine_figures(copy_corpus(articles, work / "corpus", 1), work, args.rounds)
    if args.part == "load":
        figures |= load_figures(articles, work, args.smoke)
    if args.part in ("all", "serving"):
        served = Path(args.served_db or work / f"synthetic-{args.quotes}.db")
        figures |= serving_figures(args.quotes, served, args.requests)
    figures["load_average_after"] = round(os.getloadavg()[0], 2)
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(table(figures))
    print(f"report: {args.report}")


if __name__ == "__main__":
    main()
