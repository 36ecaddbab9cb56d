"""The ``quotedb`` command: the user's verbs (extract, ingest, serve, demo, ...)."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path

import click
import sqlite_utils
from tqdm import tqdm

from quotedb import __version__
from quotedb.db import export, load, statements
from quotedb.db.search import QuoteIndex, SearchError
from quotedb.db.speakers import Registry
from quotedb.ingest import engines, metadata
from quotedb.ingest.parse import load_nlp, model_name
from quotedb.ingest.read import DEFAULT_MAX_BYTES, read_paths
from quotedb.ingest.records import Article, Failure, Quote
from quotedb.ingest.stance import Topic, TopicError, judge_many

EXIT_SOME_FAILED = 3
EXIT_DATABASE_BUSY = 4


def _articles(
    paths: tuple[str, ...], max_bytes: int, failures: list[Failure], sidecar: str | None = None
):
    try:
        table = metadata.read(sidecar) if sidecar else {}
    except (OSError, UnicodeDecodeError, metadata.MetadataError) as error:
        raise click.ClickException(f"--metadata: {error}") from error
    for item in read_paths(paths, max_bytes):
        if isinstance(item, Failure):
            failures.append(item)
            click.echo(f"error: {item}", err=True)
        else:
            yield metadata.apply(item, table)


def _extracted(
    articles: Iterable[Article],
    model: str | None,
    topic: Topic | None,
    failures: list[Failure],
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[list[tuple[Article, list[Quote]]]]:
    """Chunks of articles with their quotes; an article the extractor fails on is reported.

    A scraped corpus can hold text no test foresaw: losing the rest of a batch to
    one such article would be worse than skipping it with its error named.
    """
    for chunk in engines.extract(articles, model, topic, workers, scheduler):
        extracted = []
        for article, result in chunk:
            if isinstance(result, Failure):
                failures.append(result)
                click.echo(f"error: {result}", err=True)
            else:
                extracted.append((article, result))
        yield extracted


def _topic(topic: str | None, topic_file: str | None) -> Topic | None:
    if topic_file:
        try:
            loaded = Topic.from_file(topic_file)
        except TopicError as error:
            raise click.ClickException(str(error)) from None
        return replace(loaded, name=topic) if topic else loaded
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
metadata_option = click.option(
    "--metadata",
    "sidecar",
    type=click.Path(exists=True, dir_okay=False),
    help="CSV/TSV of published date, title, url, source per file name (fills what files lack).",
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes that parse articles at once  [default: one per core]",
)
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
@metadata_option
@workers_option
def extract(paths, format_, model, topic, topic_file, max_bytes, sidecar, workers) -> None:
    """Print the quotes in PATHS as JSON lines, without touching a database.

    Speakers get one name across all PATHS, as in the database, so the quotes
    are printed once every article is read.
    """
    failures: list[Failure] = []
    articles = _articles(paths, max_bytes, failures, sidecar)
    chunks = _extracted(articles, model, _topic(topic, topic_file), failures, workers)
    found = [quote for chunk in chunks for _, quotes in chunk for quote in quotes]
    Registry().canonical(found)
    for quote in found:
        click.echo(json.dumps(quote.to_json(), ensure_ascii=False))
    if failures:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
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
def ingest(
    paths, db_path, model, topic, topic_file, max_bytes, sidecar, workers, engine, scheduler, force
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
        summary = run_ingest(
            paths,
            db_path,
            model,
            _topic(topic, topic_file),
            max_bytes,
            sidecar,
            workers=workers,
            scheduler=scheduler,
            force=force,
        )
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
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


class Summary:
    def __init__(self) -> None:
        self.articles = self.unchanged = self.quotes = self.failed = 0

    def line(self) -> str:
        unchanged = f"{self.unchanged} unchanged, " if self.unchanged else ""
        return (
            f"{self.articles} articles read, {unchanged}{self.quotes} quotes stored, "
            f"{self.failed} files failed"
        )


def run_ingest(
    paths,
    db_path: str,
    model: str | None,
    topic: Topic | None,
    max_bytes: int,
    sidecar: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
) -> Summary:
    """Read, extract and store; this process is the database's only writer.

    Articles stored before with the same fingerprint are skipped before they
    reach a parser; the search index is updated for the stored ones, or
    rebuilt if it was already behind the database when this run began. A
    rebuild runs in as many processes as parsing did here (one per core for a
    Dask cluster's ingest), whose cores are idle by then, and statements are
    linked while the others index.
    """
    db = load.open_db(db_path)
    writer = load.Writer(db, settings=f"{__version__}|{model_name(model)}|{topic!r}")
    failures: list[Failure] = []
    summary = Summary()
    quote_index = QuoteIndex(db_path)
    stored: list[str] = []
    index_was_current = True

    def changed(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if not force and writer.unchanged(article):
                summary.articles += 1
                summary.unchanged += 1
                progress.update()
            else:
                yield article

    articles = changed(_articles(paths, max_bytes, failures, sidecar))
    with tqdm(desc="ingest", unit=" articles", file=sys.stderr, disable=None) as progress:
        for chunk in _extracted(articles, model, topic, failures, workers, scheduler):
            if chunk:
                if not stored:
                    index_was_current = quote_index.is_current()
                    quote_index.mark_pending()
                summary.quotes += writer.store(chunk)
                stored += [article.id for article, _ in chunk]
            summary.articles += len(chunk)
            progress.update(len(chunk))
    writer.finish()
    if not index_was_current:
        quote_index.rebuild(
            procs=engines.worker_count(workers), meanwhile=lambda: statements.link(db)
        )
    else:
        statements.link(db)
        if stored:
            quote_index.update(stored)
    summary.failed = len({failure.file for failure in failures})
    return summary


@cli.command()
@click.option(
    "--input",
    "input_file",
    type=click.File("r", encoding="utf-8"),
    required=True,
    help='JSON lines with "id", "text", "speaker" and "target"; - for standard input.',
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.option(
    "--explain", is_flag=True, help='Add the "target" judged and the "evidence" that decided.'
)
@model_option
def stance(input_file, output, explain, model) -> None:
    """Judge each line's stance toward its target: the classifier ingest uses.

    Writes one {"id", "stance", "score"} line per input line. A line with no
    "target" is judged toward the named thing it speaks about most strongly.
    """
    rows = []
    for number, line in enumerate(input_file, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append((row["id"], str(row["text"]), row.get("target"), row.get("speaker")))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            click.echo(f"error: {input_file.name}:{number}: not a stance line ({error})", err=True)
    verdicts = judge_many(
        [(text, target, speaker) for _, text, target, speaker in rows], nlp=load_nlp(model)
    )
    for (row_id, *_), verdict in zip(rows, verdicts, strict=True):
        line = {"id": row_id, "stance": verdict.label, "score": round(verdict.score, 3)}
        if explain:
            line |= {"target": verdict.target, "evidence": list(verdict.evidence)}
        output.write(json.dumps(line) + "\n")


@cli.group("train")
def train_group() -> None:
    """Rebuild a shipped model from its training split (needs scikit-learn)."""


@train_group.command("stance")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder with train.jsonl (and valid.jsonl, only measured), Directed Sentiment format.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for weights.npz and training.json (the shipped one: ingest/models/stance).",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the folds and the solver.")
def train_stance(data: Path, out: Path, seed: int) -> None:
    """Train the stance model and print its cross-validated and valid figures."""
    from quotedb.ingest.stance.train import train

    report = train(data, out, seed, log=lambda line: click.echo(line, err=True))
    click.echo(json.dumps(report, indent=2))


def metadata_path() -> Path:
    return Path(str(resources.files("quotedb").joinpath("metadata.json")))


def demo_corpus() -> Path:
    return Path(str(resources.files("quotedb").joinpath("demo", "articles")))


def demo_topic() -> Path:
    return Path(str(resources.files("quotedb").joinpath("demo", "topic.toml")))


# suggest_facets off: suggestions re-run the page's query once per column, which
# on a search matching a sizeable share of a million quotes costs more than the
# page itself (facets can still be added from any column's menu).
DATASETTE_SETTINGS = {
    "suggest_facets": "off",
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


LOCAL_HOST = "127.0.0.1"


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path())
@click.option("--port", default=8001, show_default=True)
@click.option(
    "--host",
    default=LOCAL_HOST,
    show_default=True,
    help="Address to listen on. Anything but 127.0.0.1 lets other machines read every "
    "quote and run read-only SQL, with no login; see the README before changing it.",
)
def serve(db_path, port, host) -> None:
    """Serve the database with Datasette, read-only, on this machine only by default.

    Datasette opens the file read-only (SQLite ``mode=ro``), so no page or query
    can change it, and keeps serving while `quotedb ingest` adds articles.
    """
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database; run `quotedb ingest` first")
    if host != LOCAL_HOST:
        click.echo(
            f"warning: serving on {host}: anyone who can reach this address can read the "
            "whole database and run read-only SQL on it, without logging in",
            err=True,
        )
    _datasette(datasette_args(db_path, host, port))


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


db_option = click.option(
    "--db", "db_path", default="quotes.db", show_default=True, type=click.Path(dir_okay=False)
)


def _existing(db_path: str) -> str:
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `quotedb ingest` first")
    try:
        has_quotes = sqlite_utils.Database(db_path)["quotes"].exists()
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db_path}: not a SQLite database ({error})") from None
    if not has_quotes:
        raise click.ClickException(f"{db_path}: no quotes table; run `quotedb ingest` first")
    return db_path


@cli.command()
@click.argument("query", required=False)
@db_option
@click.option("--limit", default=20, show_default=True, help="Show at most this many quotes.")
@click.option("--format", "format_", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--similar", "similar_to", metavar="QUOTE_ID", help="List quotes like this one.")
def search(query, db_path, limit, format_, similar_to) -> None:
    """Search quotes: words, "phrases", field:value, fuzzy Padrno~, date:[A to B].

    Fields: text, speaker, role, stance, type, date, title. Bare words search the
    text, speaker names and aliases, roles and article titles. Rebuilds the index
    first if it is missing or out of step with the database.
    """
    quote_index = QuoteIndex(_existing(db_path))
    if quote_index.ensure_current():
        click.echo(f"rebuilt the search index in {quote_index.directory}", err=True)
    try:
        if similar_to:
            results = quote_index.similar(similar_to, limit)
        elif query:
            results = quote_index.search(query, limit)
        else:
            raise SearchError("give a QUERY or --similar QUOTE_ID")
    except SearchError as error:
        raise click.ClickException(str(error)) from None
    if results.suggestion:
        click.echo(f"did you mean: {results.suggestion}", err=True)
    if format_ == "table":
        click.echo(f"{results.total} quotes match {results.query!r}", err=True)
        for hit in results.hits:
            click.echo(
                f"{hit.id}  {hit.date or '':10}  {hit.stance or '':8}  {hit.speaker or '?'}: "
                f"{hit.snippet()}"
            )
    else:
        records = (hit.to_json() for hit in results.hits)
        if format_ == "json":
            click.echo(json.dumps(list(records), ensure_ascii=False, indent=1))
        else:
            fieldnames = ["id", "score", "date", "stance", "type", "speaker", "role"]
            fieldnames += ["title", "article_id", "speaker_id", "text", "snippet"]
            writer = csv.DictWriter(sys.stdout, fieldnames=fieldnames)
            writer.writeheader()
            writer.writerows(records)


@cli.command("index")
@db_option
@click.option("--rebuild", is_flag=True, help="Rebuild even if the index looks current.")
def index_command(db_path, rebuild) -> None:
    """Bring the search index (DB.whoosh/ next to the database) in step with the database."""
    quote_index = QuoteIndex(_existing(db_path))
    if rebuild or not quote_index.is_current():
        count = quote_index.rebuild(procs=engines.worker_count())
        click.echo(f"indexed {count} quotes in {quote_index.directory}", err=True)
    else:
        click.echo(f"{quote_index.directory} is up to date", err=True)


@cli.command("export")
@db_option
@click.option("--format", "format_", type=click.Choice(export.FORMATS), default="csv")
@click.option("--speaker", help="Speaker name or alias (any case).")
@click.option("--stance", type=click.Choice(["support", "oppose", "neutral"]))
@click.option("--type", "type_", type=click.Choice(["direct", "mixed", "indirect"]))
@click.option("--since", metavar="DATE", help="Statements on or after this ISO date.")
@click.option("--until", metavar="DATE", help="Statements on or before this ISO date.")
@click.option("--search", "search_", metavar="QUERY", help="Only quotes matching this search.")
@click.option(
    "--statements",
    "by_statement",
    is_flag=True,
    help="One row per distinct statement (reprints counted once) instead of per occurrence.",
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def export_command(
    db_path, format_, speaker, stance, type_, since, until, search_, by_statement, output
):
    """Write the quotes matching the filters with speaker, role, date and article."""
    filters = export.Filters(speaker, stance, type_, since, until, search_)
    db_path = _existing(db_path)
    try:
        if by_statement:
            records, columns, noun = (
                export.statement_rows(db_path, filters),
                export.STATEMENT_COLUMNS,
                "statements",
            )
        else:
            records, columns, noun = export.rows(db_path, filters), export.COLUMNS, "quotes"
        count = export.write(records, output, format_, columns)
    except SearchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{count} {noun} exported", err=True)
