"""Options more than one verb takes, and the check that ``--db`` names a database of quotes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click
import sqlite_utils

from quotedb.ingest.run import ACTS

model_option = click.option(
    "--model", envvar="QUOTEDB_SPACY_MODEL", help="spaCy pipeline to load (installed package)."
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


db_option = click.option(
    "--db", "db_path", default="quotes.db", show_default=True, type=click.Path(dir_okay=False)
)


def existing_db(db_path: str) -> str:
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `quotedb ingest` first")
    try:
        has_quotes = sqlite_utils.Database(db_path)["quotes"].exists()
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db_path}: not a SQLite database ({error})") from None
    if not has_quotes:
        raise click.ClickException(f"{db_path}: no quotes table; run `quotedb ingest` first")
    return db_path
