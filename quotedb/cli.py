"""The ``quotedb`` command: the user's verbs (extract, ingest, serve, demo, ...)."""

from __future__ import annotations

import json
import sys
import tempfile
from importlib import resources
from pathlib import Path

import click
from tqdm import tqdm

from quotedb import __version__
from quotedb.db import load
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.pipeline import extract_many
from quotedb.ingest.read import DEFAULT_MAX_BYTES, read_paths
from quotedb.ingest.records import Failure
from quotedb.ingest.stance import Topic

EXIT_SOME_FAILED = 3


def _articles(paths: tuple[str, ...], max_bytes: int, failures: list[Failure]):
    for item in read_paths(paths, max_bytes):
        if isinstance(item, Failure):
            failures.append(item)
            click.echo(f"error: {item}", err=True)
        else:
            yield item


def _topic(topic: str | None, topic_file: str | None) -> Topic | None:
    if topic_file:
        loaded = Topic.from_file(topic_file)
        return Topic(topic, loaded.terms, loaded.opponents) if topic else loaded
    return Topic(topic) if topic else None


path_argument = click.argument("paths", nargs=-1, required=True, type=click.Path())
model_option = click.option(
    "--model", envvar="QUOTEDB_SPACY_MODEL", help="spaCy pipeline to load (installed package)."
)
topic_options = [
    click.option("--topic", help="Judge stance toward this topic, e.g. 'US strikes on Venezuela'."),
    click.option(
        "--topic-file",
        type=click.Path(exists=True, dir_okay=False),
        help="TOML file with the topic, its target terms and its opponents.",
    ),
]
max_bytes_option = click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Skip files larger than this many bytes.",
)


def _with(options):
    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@click.group()
@click.version_option(__version__)
def cli() -> None:
    """Split news articles into attributed quotes and search them in Datasette."""


@cli.command()
@path_argument
@click.option("--format", "format_", type=click.Choice(["jsonl"]), default="jsonl")
@model_option
@_with(topic_options)
@max_bytes_option
def extract(paths, format_, model, topic, topic_file, max_bytes) -> None:
    """Print the quotes in PATHS as JSON lines, without touching a database."""
    failures: list[Failure] = []
    nlp = load_nlp(model)
    for _article, quotes in extract_many(
        _articles(paths, max_bytes, failures), nlp, _topic(topic, topic_file)
    ):
        for quote in quotes:
            click.echo(json.dumps(quote.to_json(), ensure_ascii=False))
    if failures:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@path_argument
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path())
@model_option
@_with(topic_options)
@max_bytes_option
def ingest(paths, db_path, model, topic, topic_file, max_bytes) -> None:
    """Extract the quotes in PATHS (files or folders) and store them in the database.

    Reads .txt, .md and .jsonl articles, recursively. Re-ingesting the same
    articles replaces their rows; it never adds duplicates. Exits 3 when some
    files could not be read (the rest are still stored).
    """
    summary = run_ingest(paths, db_path, model, _topic(topic, topic_file), max_bytes)
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


class Summary:
    def __init__(self) -> None:
        self.articles = self.quotes = self.failed = 0

    def line(self) -> str:
        return (
            f"{self.articles} articles read, {self.quotes} quotes stored, "
            f"{self.failed} files failed"
        )


def run_ingest(paths, db_path: str, model: str | None, topic: Topic | None, max_bytes: int):
    db = load.open_db(db_path)
    failures: list[Failure] = []
    summary = Summary()
    articles = _articles(paths, max_bytes, failures)
    nlp = load_nlp(model)
    with tqdm(desc="ingest", unit=" articles", file=sys.stderr, disable=None) as progress:
        for article, quotes in extract_many(articles, nlp, topic):
            summary.articles += 1
            summary.quotes += load.store(db, article, quotes)
            progress.update()
    load.refresh_search(db)
    summary.failed = len({failure.path.split(":")[0] for failure in failures})
    return summary


def metadata_path() -> Path:
    return Path(str(resources.files("quotedb").joinpath("metadata.json")))


def demo_corpus() -> Path:
    return Path(str(resources.files("quotedb").joinpath("demo", "articles")))


def demo_topic() -> Path:
    return Path(str(resources.files("quotedb").joinpath("demo", "topic.toml")))


DATASETTE_SETTINGS = {
    "facet_time_limit_ms": "1000",
    "sql_time_limit_ms": "3000",
    "allow_csv_stream": "on",
    "max_csv_mb": "100",
}


def datasette_args(db_path: str, host: str, port: int) -> list[str]:
    args = ["serve", db_path, "--metadata", str(metadata_path()), "-h", host, "-p", str(port)]
    for name, value in DATASETTE_SETTINGS.items():
        args += ["--setting", name, value]
    return args


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path())
@click.option("--port", default=8001, show_default=True)
def serve(db_path, port) -> None:
    """Serve the database with Datasette on 127.0.0.1."""
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `quotedb ingest` first")
    _datasette(datasette_args(db_path, "127.0.0.1", port))


@cli.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(),
    help="Where to build the demo database (default: a fresh temporary file).",
)
@click.option("--port", default=8001, show_default=True)
@click.option("--no-serve", is_flag=True, help="Build the database and stop.")
def demo(db_path, port, no_serve) -> None:
    """Ingest the bundled demo articles into a fresh database and serve it."""
    db_path = db_path or str(Path(tempfile.mkdtemp(prefix="quotedb-")) / "quotes.db")
    for stale in Path(db_path).parent.glob(Path(db_path).name + "*"):
        stale.unlink()
    summary = run_ingest(
        [str(demo_corpus())], db_path, None, Topic.from_file(demo_topic()), DEFAULT_MAX_BYTES
    )
    click.echo(summary.line(), err=True)
    click.echo(f"database: {db_path}", err=True)
    if not no_serve:
        click.echo(f"serving on http://127.0.0.1:{port}/quotes/quotes", err=True)
        _datasette(datasette_args(db_path, "127.0.0.1", port))


def _datasette(args: list[str]) -> None:
    from datasette.cli import cli as datasette_cli

    datasette_cli.main(args, prog_name="datasette")
