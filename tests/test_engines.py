"""Parallel, incremental and distributed ingest store exactly what a plain ingest stores."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from quotedb.db.search import QuoteIndex
from quotedb.ingest.attribution.model import shipped
from quotedb.ingest.parse import model_name
from quotedb.ingest.weights import weights_file

from quotedb.cli import cli


def ingest(corpus: Path, db_path: Path, *options: str) -> str:
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(db_path), *options], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def contents(db_path: Path) -> list[tuple]:
    """Every quote with its speaker and statement: what a reader of the database sees."""
    db = sqlite_utils.Database(db_path)
    return db.execute(
        """select quotes.id, quotes.article_id, quotes.text, speakers.name, statements.text
        from quotes left join speakers on speakers.id = quotes.speaker_id
        left join statements on statements.id = quotes.statement_id order by quotes.id"""
    ).fetchall()


def full_text(db_path: Path, word: str) -> set[str]:
    db = sqlite_utils.Database(db_path)
    return {row["id"] for row in db["quotes"].search(word, columns=["id"])}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, write_corpus) -> Path:
    return write_corpus(tmp_path_factory.mktemp("engines") / "corpus", 24)


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory) -> Path:
    db_path = tmp_path_factory.mktemp("one") / "quotes.db"
    ingest(corpus, db_path, "--workers", "1")
    return db_path


def test_two_workers_store_the_same_quotes_speakers_and_statements_as_one(
    corpus, one_worker, tmp_path
):
    ingest(corpus, tmp_path / "quotes.db", "--workers", "2")
    assert contents(tmp_path / "quotes.db") == contents(one_worker)
    assert len(contents(one_worker)) == 24 * 6


def test_workers_start_in_a_folder_holding_a_quotedb_source_folder(tmp_path, write_corpus):
    """As at the root of a quotedb checkout, where README's commands are run."""
    write_corpus(tmp_path / "corpus", 10)
    (tmp_path / "quotedb").mkdir()
    (tmp_path / "quotedb" / "__init__.py").write_text("", encoding="utf-8")
    command = [shutil.which("quotedb"), "ingest", "corpus", "--db", "quotes.db", "--workers", "2"]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert sqlite_utils.Database(tmp_path / "quotes.db")["quotes"].count == 10 * 6


def local_cluster(**options):
    """Two single-threaded Dask workers on loopback, as a small real cluster."""
    distributed = pytest.importorskip("distributed")
    return distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        protocol="tcp",
        **options,
    )


def dask_ingest(corpus, db_path, cluster) -> str:
    return ingest(corpus, db_path, "--engine", "dask", "--scheduler", cluster.scheduler_address)


def test_a_dask_cluster_stores_the_same_quotes_as_one_worker(corpus, one_worker, tmp_path):
    with local_cluster() as cluster:
        output = dask_ingest(corpus, tmp_path / "quotes.db", cluster)
    assert "24 articles read, 144 quotes stored" in output
    assert contents(tmp_path / "quotes.db") == contents(one_worker)


def test_a_cluster_started_as_the_readme_says_has_spacy_loaded_before_its_first_ingest(
    corpus, one_worker, tmp_path
):
    preload = ["quotedb.ingest.engines"]
    with (
        local_cluster(preload=preload, scheduler_kwargs={"preload": preload}) as cluster,
        pytest.importorskip("distributed").Client(cluster) as client,
    ):
        assert list(client.run(imported, model_name()).values()) == [True, True]
        dask_ingest(corpus, tmp_path / "quotes.db", cluster)
    assert contents(tmp_path / "quotes.db") == contents(one_worker)


def imported(module: str) -> bool:
    return module in sys.modules


def test_the_dask_engine_needs_a_scheduler(corpus, tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(tmp_path / "q.db"), "--engine", "dask"]
    )
    assert result.exit_code == 2
    assert "--engine dask and --scheduler ADDRESS go together" in result.output


STORY = "Port news\n\n“We will rebuild the pier before winter,” Ann Lee said.\n"
CHANGED = "Port news\n\n“The lighthouse stays dark until spring,” Omar Diaz said.\n"


def test_reingest_skips_unchanged_articles_and_replaces_changed_ones_leaving_no_orphans(
    tmp_path, write_article
):
    write_article(STORY, "corpus/port.txt")
    write_article("Harbour\n\n“Ferries run again on Monday,” Mei Chen said.\n", "corpus/ferry.txt")
    db_path = tmp_path / "quotes.db"
    ingest(tmp_path / "corpus", db_path)
    assert "2 articles read, 2 unchanged, 0 quotes stored" in ingest(tmp_path / "corpus", db_path)

    write_article(CHANGED, "corpus/port.txt")
    output = ingest(tmp_path / "corpus", db_path)

    assert "2 articles read, 1 unchanged, 1 quotes stored" in output
    db = sqlite_utils.Database(db_path)
    assert {row["name"] for row in db["speakers"].rows} == {"Mei Chen", "Omar Diaz"}
    assert {row["text"] for row in db["statements"].rows} == {
        "“The lighthouse stays dark until spring,”",
        "“Ferries run again on Monday,”",
    }
    assert full_text(db_path, "pier") == set()
    assert len(full_text(db_path, "lighthouse")) == 1
    assert [row["name"] for row in db["speakers"].search("Ann")] == []
    quote_index = QuoteIndex(db_path)
    assert quote_index.is_current()
    assert quote_index.search("pier").total == 0
    assert quote_index.search("lighthouse").total == 1


def test_force_extracts_unchanged_articles_again(tmp_path, write_article):
    write_article(STORY, "corpus/port.txt")
    db_path = tmp_path / "quotes.db"
    ingest(tmp_path / "corpus", db_path)
    output = ingest(tmp_path / "corpus", db_path, "--force")
    assert "1 articles read, 1 quotes stored" in output
    assert len(full_text(db_path, "pier")) == 1


def test_another_topic_is_a_change(tmp_path, write_article):
    write_article(STORY, "corpus/port.txt")
    db_path = tmp_path / "quotes.db"
    ingest(tmp_path / "corpus", db_path)
    output = ingest(tmp_path / "corpus", db_path, "--topic", "harbour repairs")
    assert "1 articles read, 1 quotes stored" in output


def test_other_attribution_weights_are_a_change(tmp_path, write_article, monkeypatch):
    # a newsroom retrains on its corrections and points QUOTEDB_ATTRIBUTION_MODEL at it
    write_article(STORY, "corpus/port.txt")
    db_path = tmp_path / "quotes.db"
    ingest(tmp_path / "corpus", db_path)
    retrained = tmp_path / "model"
    shutil.copytree(Path(weights_file().parent), retrained)  # the shipped weights, copied
    scorer = json.loads((retrained / "model.json").read_text("utf-8"))
    (retrained / "model.json").write_text(json.dumps(scorer | {"bias": scorer["bias"] + 0.1}))
    monkeypatch.setenv("QUOTEDB_ATTRIBUTION_MODEL", str(retrained))
    shipped.cache_clear()
    try:
        assert "1 articles read, 1 quotes stored" in ingest(tmp_path / "corpus", db_path)
        assert "1 unchanged" in ingest(tmp_path / "corpus", db_path)
    finally:
        monkeypatch.delenv("QUOTEDB_ATTRIBUTION_MODEL")
        shipped.cache_clear()


def descendants(pid: int) -> set[int]:
    """The processes started by ``pid``, and by them, read from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_ingest_is_killed(tmp_path, write_corpus):
    corpus = write_corpus(tmp_path / "corpus", 40)
    command = [
        sys.executable,
        "-m",
        "quotedb",
        "ingest",
        str(corpus),
        "--db",
        str(tmp_path / "quotes.db"),
        "--workers",
        "2",
    ]
    ingest_process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(workers := descendants(ingest_process.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(workers) >= 3, "a forkserver and two workers"
    ingest_process.kill()
    ingest_process.wait()
    deadline = time.monotonic() + 30
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in workers if running(pid)] == []
