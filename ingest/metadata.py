"""A sidecar file of article metadata, for articles whose text carries none.

``--metadata FILE`` names a CSV or TSV file with a header row: one row per
article, keyed by its file name or stem (a ``filename``, ``file``, ``name``,
``path`` or ``id`` column), with any of a published date, title, url and source.
Column names are matched loosely (``publication_date`` and ``date`` are both
the published date, ``publisher`` is the source), so an export from another
tool works as it is. What the article itself states wins: the sidecar only
fills what is missing.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import replace
from pathlib import Path, PurePath

from . import dates
from .records import Article

KEY_COLUMNS = ("filename", "file", "name", "path", "id")
FIELDS = {
    "published": ("published", "publication_date", "date", "pub_date", "published_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "outlet"),
}
log = logging.getLogger(__name__)


class MetadataError(ValueError):
    """The sidecar cannot be used: no key column, or not a delimited file."""


def read(path: str | Path) -> dict[str, dict[str, str]]:
    """``{key: {field: value}}``, each row under its file name and its stem."""
    text = Path(path).read_text(encoding="utf-8-sig")
    delimiter = "\t" if "\t" in text.partition("\n")[0] else ","
    rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
    columns = {name.strip().lower(): name for name in (rows[0].keys() if rows else [])}
    key_column = next((columns[c] for c in KEY_COLUMNS if c in columns), None)
    if key_column is None:
        raise MetadataError(f"{path}: no column naming the file ({', '.join(KEY_COLUMNS)})")
    table: dict[str, dict[str, str]] = {}
    for row in rows:
        found = _fields(row, columns)
        name = PurePath((row[key_column] or "").strip()).name
        if "published" in found and not (published := dates.iso_date(found["published"])):
            log.warning("%s: %s: date %r not understood", path, name, found.pop("published"))
        elif "published" in found:
            found["published"] = published
        table[name] = table[PurePath(name).stem] = {k: v for k, v in found.items() if v}
    return table


def _fields(row: dict[str, str], columns: dict[str, str]) -> dict[str, str]:
    found = {}
    for field, names in FIELDS.items():
        column = next((columns[name] for name in names if name in columns), None)
        value = (row.get(column) or "").strip() if column else ""
        if value and value.lower() not in {"none", "null", "nan"}:
            found[field] = value
    return found


def apply(article: Article, table: dict[str, dict[str, str]]) -> Article:
    """The article with what the sidecar says about it filled in where it says nothing itself."""
    path = PurePath(article.path.split(":")[0])
    row = table.get(path.name) or table.get(path.stem) or table.get(article.id) or {}
    missing = {field: value for field, value in row.items() if not getattr(article, field)}
    return replace(article, **missing) if missing else article
