"""Load the word lists in ``lexicons/``: data files, one entry a line, ``#`` comments."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``lexicons/NAME.txt``, lower-cased."""
    return frozenset(entry.lower() for entry in lines(name))


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/NAME.txt`` as written, in file order."""
    text = resources.files(__package__).joinpath("lexicons", f"{name}.txt").read_text("utf-8")
    entries = (line.split(" #", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))
