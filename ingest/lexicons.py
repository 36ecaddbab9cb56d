"""Load the word lists in ``lexicons/``: data files, one entry a line, ``#`` comments.

The one loader of the package's word lists, for every stage."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``lexicons/NAME.txt``, lower-cased."""
    return frozenset(entry.lower() for entry in lines(name))


@cache
def lines(name: str, kind: str = "txt") -> tuple[str, ...]:
    """The entries of ``lexicons/NAME.KIND`` as written, in file order (a ``tsv``
    file's entries are its rows, columns split by TAB)."""
    text = resources.files(__package__).joinpath("lexicons", f"{name}.{kind}").read_text("utf-8")
    entries = (line.split(" #", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))


@cache
def pairs(name: str) -> dict[str, str]:
    """A two-column list (``lexicons/NAME.txt``, the columns split by TAB) as a dict
    keyed by the first column, lower-cased: ``sgt.`` -> ``Sergeant``."""
    split = (line.split("\t", 1) for line in lines(name))
    return {key.lower(): value for key, value in split}
