"""Where articles are parsed: in this process, in a pool of processes, or on a Dask cluster.

Parsing and extraction are nearly all of an ingest's cost, and each article is
independent of the others, so they spread over cores and machines; storing is
cheap and must stay in one process, so every engine hands its results back to
the caller (`quotedb.ingest.run`, the one writer) in the order the articles
came in. That order keeps speaker naming the same whichever engine ran, since a
bare surname goes to the person quoted most so far.

Articles travel in chunks of about `CHUNK_CHARS` characters: big enough that
shipping a chunk costs little next to parsing it, small enough that the writer
gets results often. At most `IN_FLIGHT` chunks per worker are out at once, so
memory stays bounded however large the corpus: articles are read only as fast
as results come back.

Each worker process loads the spaCy pipeline once and keeps it
(`quotedb.ingest.parse.load_nlp` caches it), rather than once per chunk. A Dask
scheduler and workers started with ``--preload quotedb.ingest.engines`` import
this module, and the workers load the pipeline, as they start (`dask_setup`),
so even the first ingest on a new cluster waits for neither.

A Dask nanny starts its workers with ``MALLOC_TRIM_THRESHOLD_`` set, which stops
glibc adapting its mmap threshold: each array spaCy allocates for a document is
then mapped and unmapped afresh, and the page faults cost a worker 10-50% more
CPU for the same articles. README's recipe sets ``MALLOC_MMAP_THRESHOLD_`` (32
MiB, the ceiling glibc would adapt to) on the workers to undo that.

spaCy's own ``nlp.pipe(n_process=...)`` would parse in parallel too, but it
ships every parsed ``Doc`` back to be analysed in one process, which then
becomes the bottleneck; here the whole extraction runs in the workers and only
the small `Quote` records travel.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Protocol

from quotedb.processes import forkserver_context

from .parse import load_nlp
from .records import Article, Failure, Quote
from .stance import Topic

if TYPE_CHECKING:
    from distributed import Scheduler, Worker

CHUNK_CHARS = 20_000
CHUNK_ARTICLES = 8
IN_FLIGHT = 2

Extracted = tuple[Article, list[Quote] | Failure]


class _Pending(Protocol):
    def result(self) -> list[list[Quote] | str]: ...


def extract_chunk(
    articles: list[Article], model: str | None, topic: Topic | None, floor: float | None = None
) -> list[list[Quote] | str]:
    """The quotes of each article, or why the extractor failed on it (``floor``: the
    least confidence kept, when below the scorer's threshold; `pipeline.extract_many`).

    Runs where the work is done (a pool or Dask worker, or this process). The
    chunk's paragraphs are parsed together; if the extractor chokes on an
    article, the rest go again one at a time, so that the article becomes a
    message, not a lost chunk: a scraped corpus can hold text no test foresaw.
    """
    from .pipeline import extract_many  # spaCy's import waits for an article to parse

    nlp = load_nlp(model)
    results: list[list[Quote] | str] = []
    with contextlib.suppress(Exception):  # the failing article is found again below
        results.extend(quotes for _, quotes in extract_many(articles, nlp, topic, floor=floor))
    for article in articles[len(results) :]:
        try:
            results.extend(quotes for _, quotes in extract_many([article], nlp, topic, floor=floor))
        except Exception as error:  # noqa: BLE001 - reported as a failure line, batch goes on
            results.append(f"could not extract quotes ({error!r})")
    return results


def chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Consecutive articles in chunks of about `CHUNK_CHARS` characters."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text)
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK_ARTICLES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def worker_count(workers: int | None = None) -> int:
    """``workers``, or by default one per core of this machine."""
    return workers or os.cpu_count() or 1


def extract(
    articles: Iterable[Article],
    model: str | None = None,
    topic: Topic | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    floor: float | None = None,
) -> Iterator[list[Extracted]]:
    """Each chunk of articles with their quotes (or a `Failure`), in the order read
    (``floor``: see `extract_chunk`).

    ``scheduler`` (a Dask scheduler address) runs extraction on that cluster;
    otherwise ``workers`` processes on this machine (default: one per core),
    and a single worker runs in this process with no pool at all.
    """
    if scheduler is not None:
        yield from _on_dask(chunks(articles), model, topic, scheduler, floor)
        return
    workers = worker_count(workers)
    if workers == 1:
        for chunk in chunks(articles):
            yield _paired(chunk, extract_chunk(chunk, model, topic, floor))
        return
    pending = chunks(articles)
    first = next(pending, None)
    if first is None:
        return  # nothing to parse (an unchanged re-ingest): no workers started
    # Preloading the pipeline module makes each worker's start cost a fork
    # instead of importing spaCy again.
    context = forkserver_context([__name__, f"{__package__}.pipeline"])
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(model, os.getpid())
    ) as pool:
        yield from _ordered(
            itertools.chain([first], pending),
            lambda chunk: pool.submit(extract_chunk, chunk, model, topic, floor),
            IN_FLIGHT * workers,
        )


def _start_worker(model: str | None, ingest_pid: int) -> None:
    """Load the pipeline, and end this worker if the ingest that started it is killed.

    A pool worker waits for work on a pipe it holds both ends of, so after a
    ``kill -9`` of the ingest it would wait forever, holding its pipeline's memory.
    """
    load_nlp(model)
    threading.Thread(target=_exit_after, args=(ingest_pid,), daemon=True).start()


def _exit_after(pid: int) -> None:
    while True:
        time.sleep(1)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)


def dask_setup(server: Scheduler | Worker) -> None:
    """Ready a Dask scheduler or worker started with ``--preload quotedb.ingest.engines``.

    The scheduler unpickles every task, so it imports `extract_chunk`'s module
    (not spaCy, which that module imports only to parse), and a worker loads
    the pipeline, which takes seconds. Done as they start, before they take
    part, no ingest waits for it. A worker's pipeline is its default
    (``$QUOTEDB_SPACY_MODEL``); an ingest naming another model loads that one
    in its first chunk.
    """
    from distributed import Worker

    if isinstance(server, Worker):
        load_nlp()


def _on_dask(
    chunks_: Iterator[list[Article]],
    model: str | None,
    topic: Topic | None,
    scheduler: str,
    floor: float | None = None,
) -> Iterator[list[Extracted]]:
    try:
        from distributed import Client
    except ImportError as error:
        raise RuntimeError(
            "the Dask engine needs dask and distributed: pip install 'quotedb[dask]'"
        ) from error
    with Client(scheduler) as client:
        slots = sum(client.nthreads().values()) or 1
        yield from _ordered(
            chunks_,
            lambda chunk: client.submit(extract_chunk, chunk, model, topic, floor, pure=False),
            IN_FLIGHT * slots,
        )


def _ordered(
    chunks_: Iterator[list[Article]],
    submit: Callable[[list[Article]], _Pending],
    window: int,
) -> Iterator[list[Extracted]]:
    """Results in submission order, with at most ``window`` chunks submitted and not collected."""
    pending: deque[tuple[list[Article], _Pending]] = deque()
    while True:
        while len(pending) < window and (chunk := next(chunks_, None)) is not None:
            pending.append((chunk, submit(chunk)))
        if not pending:
            return
        chunk, future = pending.popleft()
        yield _paired(chunk, future.result())


def _paired(chunk: list[Article], results: list[list[Quote] | str]) -> list[Extracted]:
    return [
        (article, Failure(article.path, result) if isinstance(result, str) else result)
        for article, result in zip(chunk, results, strict=True)
    ]
