from __future__ import annotations

from pathlib import Path

import pytest
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.read import read_path


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture
def write_article(tmp_path: Path):
    """Write an article file and return its path."""

    def write(text: str, name: str = "story.txt") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def article_from(write_article):
    """An `Article` read from a file holding ``text``."""

    def make(text: str, name: str = "story.txt"):
        (article,) = read_path(write_article(text, name))
        return article

    return make
