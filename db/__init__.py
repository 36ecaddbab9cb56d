"""Storage and search: the SQLite schema, loading, and what serves it."""
