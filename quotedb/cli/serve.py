"""``quotedb serve`` and ``quotedb demo``: Datasette over a database, with the shipped
metadata and settings; the bundled demo articles and topic."""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

import click

from quotedb.cli.extract import echo_failure
from quotedb.ingest import run as ingest_run
from quotedb.ingest.stance import Topic


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


@click.command()
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


@click.command()
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
        [str(demo_corpus())], db_path, topic=Topic.from_file(demo_topic()), on_failure=echo_failure
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
