"""The pipeline from an article file to attributed quote records.

`run` is the library entry point: ``quotedb.ingest.run(paths, "quotes.db")``
reads, extracts and stores, and returns a `Summary`.
"""

from .run import Keep, Summary, run

__all__ = ["Keep", "Summary", "run"]
