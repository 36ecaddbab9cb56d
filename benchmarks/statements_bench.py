"""How much statement linking adds to ingest, on a big synthetic database with reprints.

Builds a synthetic database (benchmarks/synthetic.py), then injects what linking
exists for: reprints of whole articles by another outlet a few days later, with
quotation marks, dashes, case and spacing changed, and later articles quoting an
excerpt of 6 to 12 words of one quote. Then times:

- storing: building the database plus inserting the injected articles, the
  loading half of an ingest (no language model, so the strictest denominator);
- linking from scratch: ``statements.link`` over every quote, as after a first ingest;
- a later batch: 100 more reprinted articles stored and linked into the full database;
- a removal: 100 articles' quotes deleted and the statements brought up to date.

Linking is compared with two denominators: storing alone, and a real ingest of
as many quotes (CPU per quote of `quotedb.ingest.run` on the bundled demo articles, times
the quotes). It also checks the result: how many injected occurrences share the
statement of the quote they copy. Target: linking adds at most 10% to ingest time.

    python3 benchmarks/statements_bench.py --quotes 100000 --db /tmp/statements-100k.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from quotedb.db import statements
from quotedb.ingest.parse import load_nlp
from synthetic import build

from quotedb import ingest
from quotedb.cli.serve import demo_corpus

OUTLETS = ("Reprint Wire", "Evening Echo", "The Courier")
REPRINT_EVERY = 7  # every 7th article is reprinted by another outlet
EXCERPT_EVERY = 20  # and every 20th is excerpted by a later article


def reworded(text: str, rng: random.Random) -> str:
    """The same words as a reprint prints them: other quotation marks, dashes, case, spacing."""
    text = (
        text.replace("“", '"').replace("”", '"').replace(", ", rng.choice((" -- ", " — ", ",  ")))
    )
    return text.upper() if rng.random() < 0.05 else text.replace(" ", "  ", 1)


def excerpt(text: str, rng: random.Random) -> str | None:
    tokens = text.split()
    if len(tokens) < statements.EXCERPT_WORDS + 2:
        return None
    length = rng.randint(statements.EXCERPT_WORDS, min(12, len(tokens) - 1))
    start = rng.randrange(len(tokens) - length + 1)
    return "“" + re.sub(r"^\W+|\W+$", "", " ".join(tokens[start : start + length])) + "”"


def copies(
    db: sqlite_utils.Database, articles: list[str], tag: str, rng: random.Random
) -> Iterator[tuple[dict, list[dict]]]:
    """A reprint (every article) and an excerpt article (some) of each of ``articles``."""
    for number, article_id in enumerate(articles):
        article = db["articles"].get(article_id)
        quotes = list(db["quotes"].rows_where("article_id = ?", [article_id], order_by="start"))
        published = dt.date.fromisoformat(article["published"]) + dt.timedelta(rng.randint(1, 3))
        texts = [reworded(quote["text"], rng) for quote in quotes]
        outlet = rng.choice(OUTLETS)
        yield _article(article, f"{article_id}-{tag}", outlet, published, texts, quotes)
        if number % (EXCERPT_EVERY // 2) == 0 and quotes:
            source = rng.choice(quotes)
            words = excerpt(source["text"], rng)
            if words:
                later = published + dt.timedelta(rng.randint(1, 30))
                outlet = rng.choice(OUTLETS)
                yield _article(article, f"{article_id}-{tag}x", outlet, later, [words], [source])


def _article(
    original: dict,
    article_id: str,
    outlet: str,
    published: dt.date,
    texts: list[str],
    quotes: list[dict],
) -> tuple[dict, list[dict]]:
    body = "\n\n".join(texts)
    rows, offset = [], 0
    for text, quote in zip(texts, quotes, strict=True):
        rows.append(
            {
                **quote,
                "id": f"{article_id}-{quote['id'].rsplit('-', 1)[-1]}",
                "article_id": article_id,
                "text": text,
                "context": text,
                "start": offset,
                "end": offset + len(text),
                "statement_id": None,
            }
        )
        offset += len(text) + 2
    return (
        {
            **original,
            "id": article_id,
            "source": outlet,
            "url": None,
            "published": published.isoformat(),
            "text": body,
        },
        rows,
    )


def store(db: sqlite_utils.Database, made: Iterator[tuple[dict, list[dict]]]) -> int:
    count = 0
    with db.conn:
        articles, quotes = [], []
        for article, rows in made:
            articles.append(article)
            quotes += rows
            if len(quotes) >= 5000:
                count += _insert(db, articles, quotes)
                articles, quotes = [], []
        count += _insert(db, articles, quotes)
    return count


def _insert(db: sqlite_utils.Database, articles: list[dict], quotes: list[dict]) -> int:
    db["articles"].insert_all(articles, batch_size=1000)
    db["quotes"].insert_all(quotes, batch_size=1000)
    return len(quotes)


@dataclass
class Timing:
    """Wall-clock and CPU seconds: on a shared machine CPU time is the steadier ratio."""

    wall: float
    cpu: float

    def __add__(self, other: Timing) -> Timing:
        return Timing(self.wall + other.wall, self.cpu + other.cpu)

    def __str__(self) -> str:
        return f"{self.wall:.2f} s wall, {self.cpu:.2f} s CPU"


def timed(action) -> tuple[Timing, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu), result


def ingest_per_quote() -> Timing:
    """Seconds per quote of a real `quotedb ingest` (bundled demo articles, model loaded)."""
    load_nlp()
    with tempfile.TemporaryDirectory() as folder:
        spent, summary = timed(lambda: ingest.run([str(demo_corpus())], f"{folder}/demo.db"))
    return Timing(spent.wall / summary.quotes, spent.cpu / summary.quotes)


def share(part: Timing, whole: Timing) -> str:
    return f"{100 * part.wall / whole.wall:.1f}% wall, {100 * part.cpu / whole.cpu:.1f}% CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000, help="Quotes before injection.")
    parser.add_argument("--db", default="/tmp/statements-bench.db")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    path = Path(args.db)

    per_quote = ingest_per_quote()
    build_time, _ = timed(lambda: build(path, args.quotes, args.seed))
    db = sqlite_utils.Database(path)
    ids = [row[0] for row in db.execute("select id from articles order by id")]
    chosen = ids[::REPRINT_EVERY]
    later, removed = ids[3::REPRINT_EVERY][:100], ids[5::REPRINT_EVERY][:100]
    inject_time, injected = timed(lambda: store(db, copies(db, chosen, "r", rng)))
    store_time = build_time + inject_time
    total = db["quotes"].count
    link_time, _ = timed(lambda: statements.link(db))
    ingest_time = Timing(per_quote.wall * total, per_quote.cpu * total)
    print(f"quotes: {total:,} ({args.quotes:,} generated + {injected:,} reprinted or excerpted)")
    print(f"store: {store_time} (build {build_time.wall:.1f} s + inject {inject_time.wall:.1f} s)")
    print(f"link from scratch: {link_time}; {1e6 * link_time.cpu / total:.0f} us CPU per quote")
    print(f"  = {share(link_time, store_time)} of storing alone")
    print(
        f"  = {share(link_time, ingest_time)} of a real ingest of as many quotes"
        f" ({1e3 * per_quote.cpu:.1f} ms CPU per quote on the demo articles)"
    )
    for kind, tag in (("reprinted", "-r-"), ("excerpted", "-rx-")):
        copied, same = db.execute(
            "select count(*), total(copy.statement_id = original.statement_id) from quotes copy"
            " join quotes original on original.id = replace(copy.id, ?, '-')"
            " where copy.id like ?",
            [tag, f"%{tag}%"],
        ).fetchone()
        print(f"{kind} quotes on their original's statement: {same:,.0f} / {copied:,}")
    print(f"statements: {db['statements'].count:,}; shingles: {db['statement_shingles'].count:,}")
    batch_store, batch = timed(lambda: store(db, copies(db, later, "b", rng)))
    batch_link, _ = timed(lambda: statements.link(db))
    print(f"later batch of {batch:,} quotes: store {batch_store}; link {batch_link}")
    with db.conn:
        marks = ",".join("?" * len(removed))
        remove_store, _ = timed(
            lambda: db.execute(f"delete from quotes where article_id in ({marks})", removed)
        )
    remove_link, _ = timed(lambda: statements.link(db))
    print(f"removing 100 articles' quotes: delete {remove_store}; link {remove_link}")
    orphans = db.execute(
        "select count(*) from statements where not exists"
        " (select 1 from quotes where statement_id = statements.id)"
    ).fetchone()[0]
    print(f"orphan statements: {orphans}", file=sys.stderr if orphans else sys.stdout)


if __name__ == "__main__":
    main()
