"""The ``quotedb`` command: the user's verbs (extract, ingest, serve, demo, ...)."""

from __future__ import annotations

import csv
import getpass
import json
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TypeVar

import click
import sqlite_utils
from tqdm import tqdm

from quotedb import __version__
from quotedb.db import corrections, export, load, statements
from quotedb.db.search import SYNTAX, QuerySyntaxError, QuoteIndex, SearchError
from quotedb.db.speakers import Registry
from quotedb.ingest import engines, metadata
from quotedb.ingest import run as ingest_run
from quotedb.ingest.attribution.model import RANKER
from quotedb.ingest.parse import load_nlp, pipeline_name
from quotedb.ingest.read import DEFAULT_MAX_BYTES
from quotedb.ingest.records import Failure
from quotedb.ingest.run import ACTS, Keep, extracted
from quotedb.ingest.run import articles as read_articles
from quotedb.ingest.stance import Topic, TopicError, judge_many

EXIT_SOME_FAILED = 3
EXIT_DATABASE_BUSY = 4


def _failed(failure: Failure) -> None:
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
min_confidence_option = click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    help="Only records at least this sure to be attributed statements (0-1; see the "
    "README's precision table: 0.8 keeps about nine right in ten). Below the model's "
    "threshold (0.5), extract and ingest also keep the candidates it doubts, with no stance.",
)
act_option = click.option(
    "--act",
    type=click.Choice(ACTS),
    help="Only speech (said, wrote, told) or only thought (believes, wants, plans).",
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
        _failed(failure)

    articles = read_articles(paths, failed, max_bytes, _sidecar(sidecar))
    keep = _keep(min_confidence, act)
    chunks = extracted(articles, failed, model, _topic(topic, topic_file), workers, keep=keep)
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
            on_failure=_failed,
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


@cli.group()
def train() -> None:
    """Rebuild a shipped model from its training split (needs scikit-learn: the train extra)."""


@train.command("attribution")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Training split in PolNeAR's layout: text/*.txt and attributions/*.ann.",
)
@click.option(
    "--dev",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Dev split, same layout: chooses regularisation and threshold, never trained on.",
)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="Use only the first N articles of each.")
@click.option(
    "--corrections",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Exported corrections (quotedb corrections export): reviewed quotes as extra examples.",
)
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The folder holding the corrected articles (named by their ids), with --corrections.",
)
@model_option
@workers_option
def train_attribution(data, dev, out, seed, limit, corrections, articles, model, workers) -> None:
    """Train the boundary ranker and the attribution scorer; write bounds.json,
    model.json and MODEL_CARD.md to OUT.

    Point QUOTEDB_ATTRIBUTION_MODEL at OUT to use it, or copy it over
    ingest/models/attribution/ to ship it.
    """
    from quotedb.ingest.attribution import model_card, train_bounds, train_corrections
    from quotedb.ingest.attribution import train as trainer

    procs = engines.worker_count(workers)
    if corrections and articles is None:
        raise click.UsageError("--corrections needs --articles, the corrected articles")

    def echo(line: str) -> None:
        click.echo(line, err=True)

    with tqdm(desc="choices", unit=" candidates", file=sys.stderr, disable=None) as bar:
        train_choices = list(_counted(bar, train_bounds.choices(data, model, procs, limit)))
        if corrections:
            train_choices += _reviewed(train_bounds.corrected_choices, corrections, articles, model)
        dev_choices = list(_counted(bar, train_bounds.choices(dev, model, procs, limit)))
    ranker, bounds = train_bounds.fit_ranker(train_choices, dev_choices, seed, progress=echo)
    held_out = train_bounds.held_out_rankers(train_choices, bounds["regularisation"], seed)
    with tqdm(desc="candidates", unit=" candidates", file=sys.stderr, disable=None) as bar:
        train_rows = list(
            _counted(bar, trainer.examples(data, model, procs, limit, ranker, held_out))
        )
        if corrections:
            train_rows += _reviewed(
                train_corrections.corrected_examples, corrections, articles, model, ranker
            )
        dev_rows = list(_counted(bar, trainer.examples(dev, model, procs, limit, ranker)))
    pipeline = pipeline_name(load_nlp(model))
    scorer, report = trainer.fit(
        train_rows, dev_rows, trainer.gold_count(dev, limit), seed, echo, pipeline
    )
    scorer.save(out)
    ranker.save(out, RANKER)
    card = model_card.write_card(out, report, bounds, data, dev, seed, pipeline)
    click.echo(
        f"dev: precision {report.dev['precision']:.3f}, recall {report.dev['recall']:.3f} "
        f"at threshold {report.dev['threshold']:.2f}; wrote {out / 'model.json'}, "
        f"{out / RANKER} and {card}",
        err=True,
    )


T = TypeVar("T")


def _reviewed(read: Callable[..., list[T]], corrections: Path, *args: object) -> list[T]:
    """Training examples from exported corrections; a bad export is a one-line error."""
    try:
        return read(corrections, *args)
    except ValueError as error:
        raise click.ClickException(str(error)) from None


def _counted(bar: tqdm, items: Iterable[T]) -> Iterator[T]:
    """``items``, each ticking the progress bar."""
    for item in items:
        bar.update()
        yield item


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


@train.command("stance")
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
@click.option(
    "--corrections",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Exported corrections (quotedb corrections export): stances people set, as examples.",
)
def train_stance(data: Path, out: Path, seed: int, corrections: Path | None) -> None:
    """Train the stance model and print its cross-validated and valid figures."""
    from quotedb.ingest.stance.train import corrected, train

    try:
        extra = corrected(corrections) if corrections else []
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if corrections:
        click.echo(f"{len(extra)} stance corrections added to the training records", err=True)
    report = train(data, out, seed, log=lambda line: click.echo(line, err=True), extra=extra)
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


def served_metadata(db_path: str, folder: Path) -> Path:
    """``metadata.json`` with its quotes configuration under the name Datasette gives
    ``db_path`` (the file's stem: ``news.db`` is ``news``), written in ``folder``.

    Datasette reads a database's table configuration by its name, in 0.65 and in
    1.0 alike; serving a ``news.db`` with the file as shipped would leave it bare.
    """
    metadata = json.loads(metadata_path().read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    databases[Path(db_path).stem] = databases.pop("quotes")
    path = folder / "metadata.json"
    path.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    return path


def datasette_args(db_path: str, host: str, port: int, metadata: Path) -> list[str]:
    args = ["serve", db_path, "--metadata", str(metadata), "-h", host, "-p", str(port)]
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
@click.option("--root", is_flag=True, help="Print a link that signs you in as root, an editor.")
def serve(db_path, port, host, root) -> None:
    """Serve the database with Datasette, on this machine only by default.

    Datasette opens the file read-only (SQLite ``mode=ro``), so no page or query
    can change it, and keeps serving while `quotedb ingest` adds articles. The one
    write is a correction by a signed-in editor (``POST /-/corrections``): root
    (``--root``), or ``editor`` with the password whose hash (``datasette
    hash-password``) is in ``QUOTEDB_EDITOR_PASSWORD_HASH``.
    """
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database; run `quotedb ingest` first")
    if host != LOCAL_HOST:
        click.echo(
            f"warning: serving on {host}: anyone who can reach this address can read the "
            "whole database and run read-only SQL on it, without logging in",
            err=True,
        )
    with tempfile.TemporaryDirectory(prefix="quotedb-serve-") as folder:
        metadata = served_metadata(db_path, Path(folder))
        _datasette(datasette_args(db_path, host, port, metadata) + (["--root"] if root else []))


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
    summary = ingest_run(
        [str(demo_corpus())], db_path, topic=Topic.from_file(demo_topic()), on_failure=_failed
    )
    click.echo(summary.line(), err=True)
    click.echo(f"database: {db_path}", err=True)
    if not no_serve:
        click.echo(f"serving on http://127.0.0.1:{port}/quotes/quotes", err=True)
        with tempfile.TemporaryDirectory(prefix="quotedb-serve-") as folder:
            metadata = served_metadata(db_path, Path(folder))
            _datasette(datasette_args(db_path, "127.0.0.1", port, metadata))


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
@act_option
def search(query, db_path, limit, format_, similar_to, act) -> None:
    """Search quotes: words, "phrases", field:value, fuzzy Padrno~, date:[A to B].

    Fields: text, speaker, role, stance, type, act, date, title. Bare words search the
    quote text and speaker names and aliases; titles only with title:. Rebuilds the index
    first if it is missing or out of step with the database.
    """
    quote_index = QuoteIndex(_existing(db_path))
    if quote_index.ensure_current():
        click.echo(f"rebuilt the search index in {quote_index.directory}", err=True)
    try:
        if similar_to:
            results = quote_index.similar(similar_to, limit)
        elif query:
            results = quote_index.search(query, limit, narrow={"act": act} if act else None)
        else:
            raise SearchError("give a QUERY or --similar QUOTE_ID")
    except SearchError as error:
        if isinstance(error, QuerySyntaxError):
            click.echo(f"syntax: {SYNTAX}", err=True)
        raise click.ClickException(str(error)) from None
    if results.suggestion:
        click.echo(f"did you mean: {results.suggestion}", err=True)
    if format_ == "table":
        quotes = "quote matches" if results.total == 1 else "quotes match"
        click.echo(f"{results.total} {quotes} {results.query!r}", err=True)
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
@min_confidence_option
@act_option
@click.option(
    "--statements",
    "by_statement",
    is_flag=True,
    help="One row per distinct statement (reprints counted once) instead of per occurrence.",
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def export_command(
    db_path,
    format_,
    speaker,
    stance,
    type_,
    since,
    until,
    search_,
    min_confidence,
    act,
    by_statement,
    output,
):
    """Write the quotes matching the filters with speaker, role, date and article, as people
    corrected them: ``verified``, and ``machine_values`` with what the extractor said."""
    filters = export.Filters(
        speaker, stance, type_, since, until, search_, min_confidence or None, act
    )
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


@cli.command()
@click.argument("quote_id")
@db_option
@click.option("--speaker", metavar="NAME", help="Who said it: a speaker's name or alias, or new.")
@click.option("--not-a-quote", is_flag=True, help="Out of tables, search and exports; restorable.")
@click.option("--restore", is_flag=True, help="Undo --not-a-quote.")
@click.option("--stance", type=click.Choice(corrections.QUOTE_FIELDS["stance"]))
@click.option("--type", "type_", type=click.Choice(corrections.QUOTE_FIELDS["type"]))
@click.option("--role", help="The speaker's role at this quote.")
@click.option("--date", metavar="ISO", help="When the statement was made.")
@click.option("--verified", is_flag=True, help="A person checked it against the article.")
@click.option("--note", help="Why: kept with each correction (alone: a remark on the quote).")
@click.option("--actor", default=getpass.getuser, show_default="your user name")
def correct(
    quote_id,
    db_path,
    speaker,
    not_a_quote,
    restore,
    stance,
    type_,
    role,
    date,
    verified,
    note,
    actor,
) -> None:
    """Correct a quote; the correction is kept in the audit trail and survives every re-ingest."""
    if not_a_quote and restore:
        raise click.UsageError("--not-a-quote and --restore contradict each other")
    changes = {"speaker": speaker, "stance": stance, "type": type_, "role": role, "date": date}
    changes = {name: value for name, value in changes.items() if value is not None}
    if not_a_quote or restore:
        changes["is_quote"] = "1" if restore else "0"
    if verified:
        changes["verified"] = "1"
    if not changes and note:
        changes["note"] = ""
    if not changes:
        raise click.UsageError("nothing to correct: give --speaker, --stance, --verified, ...")
    db = load.open_db(_existing(db_path))
    articles: set[str] = set()
    try:
        with load.write_transaction(db):
            for name, value in changes.items():
                applied = corrections.correct_quote(db, quote_id, name, value, actor, note)
                articles |= applied.articles
    except corrections.CorrectionError as error:
        raise click.ClickException(f"{db_path}: {error}") from None
    statements.link(db)
    corrections.refresh_index(db_path, articles)
    click.echo(f"{quote_id}: {', '.join(changes)} corrected", err=True)


@cli.group("corrections")
def corrections_group() -> None:
    """Move reviewed work between databases: corrections as JSON lines."""


@corrections_group.command("export")
@db_option
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def corrections_export(db_path, output) -> None:
    """Write every correction as a JSON line: article, quoted words, spans, field, before,
    after, actor, time, note, and status (applied, or orphaned when its words are gone)."""
    records = list(corrections.export_corrections(load.open_db(_existing(db_path))))
    output.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    click.echo(f"{len(records)} corrections exported", err=True)


@corrections_group.command("import")
@click.argument("input_file", type=click.File("r", encoding="utf-8"))
@db_option
def corrections_import(input_file, db_path) -> None:
    """Add the corrections of an export (skipping those already here) and apply them."""
    try:
        records = list(corrections.read_exported(input_file, input_file.name))
    except corrections.CorrectionError as error:
        raise click.ClickException(str(error)) from None
    db = load.open_db(db_path)
    try:
        with load.write_transaction(db):
            added, applied = corrections.import_corrections(db, records)
    except corrections.CorrectionError as error:
        raise click.ClickException(f"{input_file.name}: {error}") from None
    statements.link(db)
    corrections.refresh_index(db_path, applied.articles)
    orphaned = len(corrections.orphaned(db))
    click.echo(f"{added} corrections imported, {orphaned} orphaned", err=True)
