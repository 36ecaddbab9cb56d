"""``quotedb extract`` and ``quotedb ingest``: the quotes in articles, printed or stored;
the options and exit codes the two share."""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import replace

import click

from quotedb.cli.options import act_option, min_confidence_option, model_option, workers_option
from quotedb.db import load
from quotedb.db.speakers import Registry
from quotedb.ingest import metadata
from quotedb.ingest import run as ingest_run
from quotedb.ingest.read import DEFAULT_MAX_BYTES
from quotedb.ingest.records import Failure
from quotedb.ingest.run import ACTS, Keep, extracted
from quotedb.ingest.run import articles as read_articles
from quotedb.ingest.stance import Topic, TopicError

EXIT_SOME_FAILED = 3
EXIT_DATABASE_BUSY = 4


def echo_failure(failure: Failure) -> None:
    click.echo(f"error: {failure}", err=True)


def _sidecar(sidecar: str | None) -> dict[str, dict[str, str]] | None:
    try:
        return metadata.read(sidecar) if sidecar else None
    except (OSError, UnicodeDecodeError, metadata.MetadataError) as error:
        raise click.ClickException(f"--metadata: {error}") from error


def _topic(topic: str | None, topic_file: str | None) -> Topic | None:
    if topic_file:
        try:
            loaded = Topic.from_file(topic_file)
        except TopicError as error:
            raise click.ClickException(str(error)) from None
        return replace(loaded, name=topic) if topic else loaded
    return Topic(topic) if topic else None


path_argument = click.argument("paths", nargs=-1, required=True, type=click.Path())
topic_options = [
    click.option("--topic", help="Judge stance toward this topic, e.g. 'US strikes on Venezuela'."),
    click.option(
        "--topic-file",
        type=click.Path(exists=True, dir_okay=False),
        help="TOML file with the topic, its target terms and its opponents.",
    ),
]
metadata_option = click.option(
    "--metadata",
    "sidecar",
    type=click.Path(exists=True, dir_okay=False),
    help="CSV/TSV of published date, title, url, source per file name (fills what files lack).",
)
max_bytes_option = click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Skip files larger than this many bytes.",
)


def _keep(min_confidence: float | None, act: str | None) -> Keep:
    return Keep(min_confidence, (act,) if act else ACTS)


def _with(options):
    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@click.command()
@path_argument
@click.option("--format", "format_", type=click.Choice(["jsonl"]), default="jsonl")
@model_option
@_with(topic_options)
@max_bytes_option
@metadata_option
@workers_option
@min_confidence_option
@act_option
def extract(
    paths, format_, model, topic, topic_file, max_bytes, sidecar, workers, min_confidence, act
) -> None:
    """Print the quotes in PATHS as JSON lines, without touching a database.

    Speakers get one name across all PATHS, as in the database, so the quotes
    are printed once every article is read.
    """
    failures: list[Failure] = []

    def failed(failure: Failure) -> None:
        failures.append(failure)
        echo_failure(failure)

    articles = read_articles(paths, failed, max_bytes, _sidecar(sidecar))
    keep = _keep(min_confidence, act)
    chunks = extracted(articles, failed, model, _topic(topic, topic_file), workers, keep=keep)
    found = [quote for chunk in chunks for _, quotes in chunk for quote in quotes]
    Registry().canonical(found)
    for quote in found:
        click.echo(json.dumps(quote.to_json(), ensure_ascii=False))
    if failures:
        sys.exit(EXIT_SOME_FAILED)


@click.command()
@path_argument
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path())
@model_option
@_with(topic_options)
@max_bytes_option
@metadata_option
@workers_option
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Parse on this machine, or on the Dask cluster at --scheduler.",
)
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--force", is_flag=True, help="Extract unchanged articles again too.")
@min_confidence_option
@act_option
def ingest(
    paths,
    db_path,
    model,
    topic,
    topic_file,
    max_bytes,
    sidecar,
    workers,
    engine,
    scheduler,
    force,
    min_confidence,
    act,
) -> None:
    """Extract the quotes in PATHS (files or folders) and store them in the database.

    Reads .txt, .md, .html and .jsonl articles, recursively. An article already
    stored with the same text, metadata, model and topic is skipped; a changed
    one has its rows replaced, never duplicated. Exits 3 when some files could
    not be read (the rest are still stored), 4 when another process kept the
    database locked (every article stored so far is whole; re-run to finish).
    """
    if (engine == "dask") != (scheduler is not None):
        raise click.UsageError("--engine dask and --scheduler ADDRESS go together")
    try:
        summary = ingest_run(
            paths,
            db_path,
            model=model,
            topic=_topic(topic, topic_file),
            max_bytes=max_bytes,
            sidecar=_sidecar(sidecar),
            workers=workers,
            scheduler=scheduler,
            force=force,
            keep=_keep(min_confidence, act),
            on_failure=echo_failure,
            progress=True,
        )
    except sqlite3.OperationalError as error:
        if not load.is_busy(error):
            raise
        click.echo(
            f"error: {db_path}: database is locked by another process (another ingest?); "
            "the articles stored so far are complete: re-run this command when it is done",
            err=True,
        )
        sys.exit(EXIT_DATABASE_BUSY)
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)
