"""``quotedb correct`` and ``quotedb corrections``: correct a quote, move corrections between
databases."""

from __future__ import annotations

import getpass
import json

import click

from quotedb.cli.options import db_option, existing_db
from quotedb.db import corrections, load, statements


@click.command()
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
    db = load.open_db(existing_db(db_path))
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


@click.group("corrections")
def corrections_group() -> None:
    """Move reviewed work between databases: corrections as JSON lines."""


@corrections_group.command("export")
@db_option
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def corrections_export(db_path, output) -> None:
    """Write every correction as a JSON line: article, quoted words, spans, field, before,
    after, actor, time, note, and status (applied, or orphaned when its words are gone)."""
    records = list(corrections.export_corrections(load.open_db(existing_db(db_path))))
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
