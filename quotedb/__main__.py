from quotedb.cli import cli

cli()
