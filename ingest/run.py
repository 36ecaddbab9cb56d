"""Ingest as a library call: ``quotedb.ingest.run(paths, db)`` reads, extracts and stores.

The ``quotedb ingest`` and ``quotedb demo`` commands, the benchmarks and a
notebook all come through `run`, so they store the same rows and count them
the same way, whichever engine parses (this process, a pool, a Dask cluster).
It prints nothing but an optional progress bar: a file that fails is a
`Failure` in the returned `Summary`, and is passed to ``on_failure`` as it is
met, for a command to print.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .records import Article, Failure

if TYPE_CHECKING:
    from .records import Quote
    from .stance import Topic

# The rest is imported by the functions that use it: every import of a module of
# this package runs the package's __init__, which imports this module, and the
# engines' workers need neither trafilatura, the database nor Whoosh.

OnFailure = Callable[[Failure], object]


@dataclass
class Summary:
    """What one ingest did: articles read (of which unchanged), quotes stored, what failed."""

    articles: int = 0
    unchanged: int = 0
    quotes: int = 0
    failures: list[Failure] = field(default_factory=list)
    orphaned: int = 0  # corrections whose quoted words are gone from their article

    @property
    def failed(self) -> int:
        """Files that failed, a JSONL file with several bad lines counted once."""
        return len({failure.file for failure in self.failures})

    def line(self) -> str:
        unchanged = f"{self.unchanged} unchanged, " if self.unchanged else ""
        orphaned = (
            f"; {self.orphaned} corrections orphaned (their words are gone: "
            "quotedb corrections export lists them)"
            if self.orphaned
            else ""
        )
        return (
            f"{self.articles} articles read, {unchanged}{self.quotes} quotes stored, "
            f"{self.failed} files failed{orphaned}"
        )


Sidecar = dict[str, dict[str, str]]
ACTS = ("speech", "thought")


@dataclass(frozen=True)
class Keep:
    """Which extracted records a run keeps: those the scorer is at least
    ``min_confidence`` sure of, of the ``acts`` asked for (speech: said, wrote, told;
    thought: believes, wants, plans). Part of what an article's rows were made from,
    so asking for other records extracts again.

    None keeps what the scorer keeps (its threshold, 0.5); a lower confidence also
    keeps the candidates it doubts, down to that one, for whoever would rather see
    more and check them (they get no stance: `pipeline._quotes`)."""

    min_confidence: float | None = None
    acts: tuple[str, ...] = ACTS

    def __call__(self, quotes: list[Quote]) -> list[Quote]:
        least = self.min_confidence or 0.0
        return [q for q in quotes if q.confidence >= least and q.act in self.acts]


def articles(
    paths: Iterable[str | os.PathLike],
    on_failure: OnFailure,
    max_bytes: int | None = None,
    sidecar: Sidecar | None = None,
) -> Iterator[Article]:
    """The articles under ``paths`` with the metadata a ``sidecar`` table gives them.

    An article file that neither states a date nor has one in the sidecar is dated
    by its file name, if that holds one (`dates.named_date`); the lines of a JSONL
    file are not, its name dates the export.

    Each file that is not an article goes to ``on_failure`` as it is met;
    ``max_bytes`` is the largest article file (default `read.DEFAULT_MAX_BYTES`).
    """
    from . import dates, metadata
    from .read import DEFAULT_MAX_BYTES, read_paths

    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    for item in read_paths(paths, max_bytes):
        if isinstance(item, Failure):
            on_failure(item)
            continue
        article = metadata.apply(item, sidecar or {})
        if not article.published and Path(article.path).is_file():
            article = replace(article, published=dates.named_date(article.path))
        yield article


def extracted(
    found: Iterable[Article],
    on_failure: OnFailure,
    model: str | None = None,
    topic: Topic | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    keep: Keep = Keep(),
) -> Iterator[list[tuple[Article, list[Quote]]]]:
    """Chunks of articles with the quotes ``keep`` keeps, in the order read.

    An article the extractor fails on goes to ``on_failure``: a scraped corpus
    can hold text no test foresaw, and losing the rest of a batch to one such
    article would be worse than skipping it with its error named.
    """
    from . import engines

    for chunk in engines.extract(found, model, topic, workers, scheduler, keep.min_confidence):
        done = []
        for article, result in chunk:
            if isinstance(result, Failure):
                on_failure(result)
            else:
                done.append((article, keep(result)))
        yield done


def run(
    paths: Iterable[str | os.PathLike],
    db: str | os.PathLike,
    *,
    model: str | None = None,
    topic: Topic | str | None = None,
    max_bytes: int | None = None,
    sidecar: str | os.PathLike | Sidecar | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    keep: Keep = Keep(),
    on_failure: OnFailure | None = None,
    progress: bool = False,
) -> Summary:
    """Read, extract and store the articles under ``paths`` in the database at ``db``.

    This process is the database's only writer. Articles stored before with the
    same fingerprint are skipped before they reach a parser; the search index is
    updated for the stored ones, or rebuilt if it was already behind the
    database when this run began. A rebuild runs in as many processes as
    parsing did here (one per core for a Dask cluster's ingest), whose cores are
    idle by then, and statements are linked while the others index.

    ``model`` is a spaCy pipeline (default: ``$QUOTEDB_SPACY_MODEL`` or the
    bundled one); ``topic`` the topic stance is judged toward (its name, or a
    `Topic` with terms and opponents); ``sidecar`` a
    CSV/TSV of metadata per file (`quotedb.ingest.metadata`), or the table read
    from one; ``workers`` the processes parsing here, or
    ``scheduler`` a Dask scheduler address to parse on; ``force`` extracts
    unchanged articles again; ``keep`` chooses records by confidence and act;
    ``progress`` shows a progress bar on a terminal.
    Raises `sqlite3.OperationalError` if another process keeps the database
    locked: every article stored until then is whole.
    """
    from quotedb.db import corrections, load, statements
    from quotedb.db.search import QuoteIndex
    from tqdm import tqdm

    from quotedb import __version__

    from . import engines, metadata, weights
    from .parse import model_name
    from .stance import Topic

    if sidecar is not None and not isinstance(sidecar, dict):
        sidecar = metadata.read(sidecar)
    if isinstance(topic, str):
        topic = Topic(topic)
    summary = Summary()

    def failed(failure: Failure) -> None:
        summary.failures.append(failure)
        if on_failure:
            on_failure(failure)

    database = load.open_db(str(db))
    made_with = f"{__version__}|{model_name(model)}|{weights.digest()}|{topic!r}|{keep!r}"
    writer = load.Writer(database, settings=made_with)
    quote_index = QuoteIndex(db)
    stored: list[str] = []
    index_was_current = True

    def changed(found: Iterable[Article]) -> Iterator[Article]:
        for article in found:
            if not force and writer.unchanged(article):
                summary.articles += 1
                summary.unchanged += 1
                bar.update()
            else:
                yield article

    found = changed(articles(paths, failed, max_bytes, sidecar))
    with tqdm(
        desc="ingest", unit=" articles", file=sys.stderr, disable=None if progress else True
    ) as bar:
        for chunk in extracted(found, failed, model, topic, workers, scheduler, keep):
            if chunk:
                if not stored:
                    index_was_current = quote_index.is_current()
                    quote_index.mark_pending()
                summary.quotes += writer.store(chunk)
                stored += [article.id for article, _ in chunk]
            summary.articles += len(chunk)
            bar.update(len(chunk))
    writer.finish()
    if not index_was_current:
        quote_index.rebuild(
            procs=engines.worker_count(workers), meanwhile=lambda: statements.link(database)
        )
    else:
        statements.link(database)
        if stored:
            quote_index.update(stored)
    summary.orphaned = len(corrections.orphaned(database))
    return summary
