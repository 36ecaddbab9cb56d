"""quotedb: attributed quotes from news articles, in SQLite, searched with Datasette."""

__version__ = "0.1.0"
