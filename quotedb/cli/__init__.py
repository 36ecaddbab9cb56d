"""The ``quotedb`` command: the user's verbs (extract, ingest, serve, demo, ...), one module
per verb or pair of verbs, registered here on the one group."""

from __future__ import annotations

import click

from quotedb import __version__
from quotedb.cli import corrections, extract, search, serve, stance, train


@click.group()
@click.version_option(__version__)
def cli() -> None:
    """Split news articles into attributed quotes and search them in Datasette."""


cli.add_command(extract.extract)
cli.add_command(extract.ingest)
cli.add_command(train.train)
cli.add_command(stance.stance)
cli.add_command(serve.serve)
cli.add_command(serve.demo)
cli.add_command(search.search)
cli.add_command(search.index_command)
cli.add_command(search.export_command)
cli.add_command(corrections.correct)
cli.add_command(corrections.corrections_group)
