"""`quotedb serve`: local by default, read-only, serving through ingests, escaping text."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from quotedb.cli import cli
from quotedb.cli import serve as serve_module
from quotedb.cli.serve import metadata_path, served_metadata

HOSTILE = (
    "Harbour row <script>alert('title')</script>\n\n"
    "“We will not allow <script>alert('quote')</script> in our port,” Mayor Ann Lee said.\n"
)


def listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses a local process listens on at ``port`` (from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def ingest(corpus: Path, db_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(db_path)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def served(tmp_path_factory, write_corpus, quotedb_server):
    """A `quotedb serve` subprocess over a small database, and its base URL."""
    folder = tmp_path_factory.mktemp("served")
    db_path = folder / "quotes.db"
    ingest(write_corpus(folder / "corpus", 3), db_path)
    with quotedb_server(db_path, startup_seconds=60) as (base, port):
        yield base, port, db_path


def fetch(url: str, data: bytes | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, data=data, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def quote_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as connection:
        return connection.execute("select count(*) from quotes").fetchone()[0]


def test_serve_listens_on_this_machine_only(served):
    base, port, _ = served
    assert listening_addresses(port) == {"127.0.0.1"}
    status, body = fetch(f"{base}/quotes/quotes.json?_shape=array&_size=1")
    assert status == 200
    assert json.loads(body)[0]["text"]


def test_no_page_or_query_can_change_the_database(served):
    base, _, db_path = served
    before = quote_count(db_path)
    for sql in (
        "delete from quotes",
        "update quotes set text = 'x'",
        "insert into speakers (name) values ('x')",
        "drop table quotes",
        "pragma journal_mode = delete",
        "attach database ':memory:' as other",
    ):
        status, _ = fetch(f"{base}/quotes.json?" + urllib.parse.urlencode({"sql": sql}))
        assert status >= 400, sql
    for path in ("/quotes/quotes", "/quotes", "/quotes/-/query?sql=delete+from+quotes"):
        status, _ = fetch(base + path, data=b"sql=delete+from+quotes")
        assert status >= 400, path
    assert quote_count(db_path) == before


def test_binding_elsewhere_takes_an_explicit_flag_and_warns(tmp_path, monkeypatch):
    db_path = tmp_path / "quotes.db"
    sqlite3.connect(db_path).close()
    calls: list[list[str]] = []
    monkeypatch.setattr(serve_module, "_datasette", calls.append)
    default = CliRunner().invoke(cli, ["serve", "--db", str(db_path)])
    exposed = CliRunner().invoke(cli, ["serve", "--db", str(db_path), "--host", "0.0.0.0"])
    assert (default.exit_code, exposed.exit_code) == (0, 0)
    assert calls[0][calls[0].index("-h") + 1] == "127.0.0.1"
    assert "warning" not in default.output
    assert calls[1][calls[1].index("-h") + 1] == "0.0.0.0"
    assert "warning: serving on 0.0.0.0: anyone who can reach this address" in exposed.output


def test_serving_a_missing_database_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "none.db: no such database; run `quotedb ingest` first" in result.output


def test_reads_keep_working_while_an_ingest_writes(served, tmp_path, write_corpus):
    base, _, db_path = served
    more = write_corpus(tmp_path / "more", 40)
    writer = subprocess.Popen(
        [sys.executable, "-m", "quotedb", "ingest", str(more), "--db", str(db_path)],
        stderr=subprocess.PIPE,
        text=True,
    )
    counts, errors = [], []
    while writer.poll() is None:
        for path in ("/quotes/quotes.json?_size=5", "/quotes/articles"):
            status, body = fetch(base + path)
            if status != 200 or "locked" in body:
                errors.append((path, status, body[:200]))
        status, body = fetch(
            f"{base}/quotes.json?sql=select+count(*)+as+n+from+quotes&_shape=array"
        )
        counts.append(json.loads(body)[0]["n"])
    assert writer.communicate()[1].count("Traceback") == 0
    assert writer.returncode == 0
    assert errors == []
    assert len(set(counts)) > 1, "the reads should have overlapped the writes"
    assert counts == sorted(counts)


def datasette_get(db_path: Path, path: str) -> str:
    metadata = json.loads(metadata_path().read_text(encoding="utf-8"))
    response = asyncio.run(Datasette([str(db_path)], metadata=metadata).client.get(path))
    assert response.status_code == 200, path
    return response.text


def test_script_in_quotes_and_articles_is_shown_escaped(tmp_path, write_article):
    db_path = tmp_path / "quotes.db"
    ingest(write_article(HOSTILE, "corpus/hostile.txt").parent, db_path)
    with sqlite3.connect(db_path) as connection:
        (quote_id,) = connection.execute("select id from quotes where text like '%<script>%'")
    pages = [
        "/quotes/quotes",
        f"/quotes/quotes/{quote_id[0]}",
        "/quotes/articles",
        "/quotes/articles/hostile",
        "/quotes/quotes?_search=port",
    ]
    for page in pages:
        html = datasette_get(db_path, page)
        assert "<script>alert(" not in html, page
        assert "&lt;script&gt;alert(" in html, page


def test_serve_configures_the_database_under_its_own_name(tmp_path):
    """Datasette reads table configuration by database name, in 0.65 and 1.0 alike."""
    written = served_metadata(str(tmp_path / "news.db"), tmp_path)
    databases = json.loads(written.read_text(encoding="utf-8"))["databases"]
    shipped = json.loads(metadata_path().read_text(encoding="utf-8"))["databases"]["quotes"]
    assert databases["news"] == shipped and "quotes" not in databases
