from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from quotedb.db.search import QuoteIndex
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.read import read_path
from samples import STATEMENTS, store_statements


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


SPEAKERS = ("Ann Lee", "Omar Diaz", "Mei Chen", "Tom Okafor", "Sara Novak")


def generated_article(number: int, quotes: int = 6) -> str:
    """A plausible news article with ``quotes`` attributed quotes, unique to ``number``."""
    lines = [f"Harbour report {number}", ""]
    for index in range(quotes):
        speaker = SPEAKERS[(number + index) % len(SPEAKERS)]
        lines += [
            f"The council met on day {number} to discuss repair plan {index}.",
            "",
            f"“We will rebuild pier {number}-{index} before winter,” {speaker} said.",
            "",
        ]
    return "\n".join(lines)


@pytest.fixture(scope="session")
def write_corpus():
    """Write ``count`` generated articles into ``folder`` (big corpora for crash tests)."""

    def write(folder: Path, count: int, quotes: int = 6) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(count):
            text = generated_article(number, quotes)
            (folder / f"article-{number:05}.txt").write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture(scope="session")
def quotedb_server():
    """Run ``quotedb serve`` over a database on a free 127.0.0.1 port.

    A context manager yielding the base URL and port; the server stops on exit.
    ``env``: environment variables to add for the server.
    """

    @contextmanager
    def serve(
        db_path: Path, startup_seconds: float = 30, env: dict[str, str] | None = None
    ) -> Iterator[tuple[str, int]]:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [sys.executable, "-m", "quotedb", "serve", "--db", str(db_path), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + startup_seconds
        while True:
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    process.kill()
                    pytest.fail(f"quotedb serve did not start within {startup_seconds} s")
                time.sleep(0.2)
        try:
            yield url, port
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    return serve


@pytest.fixture
def quotes_db(tmp_path: Path) -> Path:
    """A database of the sample STATEMENTS with its search index built."""
    db_path = tmp_path / "quotes.db"
    store_statements(db_path, STATEMENTS)
    QuoteIndex(db_path).rebuild()
    return db_path
