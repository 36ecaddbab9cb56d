"""``quotedb search``, ``index`` and ``export``: reading quotes back out of a database."""

from __future__ import annotations

import csv
import json
import sys

import click

from quotedb.cli.options import act_option, db_option, existing_db, min_confidence_option
from quotedb.db import export
from quotedb.db.search import SYNTAX, QuerySyntaxError, QuoteIndex, SearchError
from quotedb.ingest import engines


@click.command()
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
    quote_index = QuoteIndex(existing_db(db_path))
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


@click.command("index")
@db_option
@click.option("--rebuild", is_flag=True, help="Rebuild even if the index looks current.")
def index_command(db_path, rebuild) -> None:
    """Bring the search index (DB.whoosh/ next to the database) in step with the database."""
    quote_index = QuoteIndex(existing_db(db_path))
    if rebuild or not quote_index.is_current():
        count = quote_index.rebuild(procs=engines.worker_count())
        click.echo(f"indexed {count} quotes in {quote_index.directory}", err=True)
    else:
        click.echo(f"{quote_index.directory} is up to date", err=True)


@click.command("export")
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
    db_path = existing_db(db_path)
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
