"""Crashes and concurrent writers never leave a half-written or corrupt database.

These run the real ``quotedb ingest`` command in subprocesses, as a user would.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 40


def ingest_command(corpus: Path, db_path: Path) -> list[str]:
    return [sys.executable, "-m", "quotedb", "ingest", str(corpus), "--db", str(db_path)]


def stored_articles(db_path: Path) -> int:
    """Articles committed so far, read the way any other process would read them."""
    if not db_path.exists():
        return 0
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as connection:
        try:
            return connection.execute("select count(*) from articles").fetchone()[0]
        except sqlite3.OperationalError:  # the schema is not created yet
            return 0


def integrity(db_path: Path) -> str:
    with sqlite3.connect(db_path) as connection:
        return connection.execute("pragma integrity_check").fetchone()[0]


def quotes_per_article(db_path: Path) -> dict[str, int]:
    """Each stored article with its number of quotes (0 for an article without any)."""
    query = """
        select articles.id, count(quotes.id) from articles
        left join quotes on quotes.article_id = articles.id group by articles.id
    """
    with sqlite3.connect(db_path) as connection:
        return dict(connection.execute(query).fetchall())


def test_kill_9_mid_ingest_leaves_whole_articles_and_a_rerun_finishes(tmp_path, write_corpus):
    corpus = write_corpus(tmp_path / "corpus", ARTICLES)
    db_path = tmp_path / "quotes.db"
    command = ingest_command(corpus, db_path)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while stored_articles(db_path) < 5 and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    process.stderr.close()

    assert integrity(db_path) == "ok"
    after_crash = quotes_per_article(db_path)
    assert 5 <= len(after_crash) < ARTICLES, "the kill should land mid-way through the corpus"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ARTICLES} articles read" in rerun.stderr
    assert integrity(db_path) == "ok"
    complete = quotes_per_article(db_path)
    assert len(complete) == ARTICLES
    assert all(count > 0 for count in complete.values())
    # Every article that survived the crash had all of its quotes, not some.
    assert after_crash == {article: complete[article] for article in after_crash}


def ingest_twice_at_once(tmp_path: Path, write_corpus) -> tuple[Path, list, list[Path]]:
    """Start two ingests of different articles into one new database at the same moment."""
    db_path = tmp_path / "quotes.db"
    first = write_corpus(tmp_path / "first", 12)
    second = tmp_path / "second"
    second.mkdir()
    for path in first.iterdir():  # the same stories under other ids
        (second / f"other-{path.name}").write_text(path.read_text(encoding="utf-8"))
    processes = [
        subprocess.Popen(ingest_command(corpus, db_path), stderr=subprocess.PIPE, text=True)
        for corpus in (first, second)
    ]
    results = [(process.communicate(timeout=300)[1], process.returncode) for process in processes]
    return db_path, results, [first, second]


def test_two_ingests_at_once_queue_for_the_database_and_never_corrupt_it(tmp_path, write_corpus):
    db_path, results, corpora = ingest_twice_at_once(tmp_path, write_corpus)
    assert integrity(db_path) == "ok"
    stored = quotes_per_article(db_path)
    for corpus in corpora:
        assert all(stored.get(path.stem) for path in corpus.iterdir()), results


def test_two_ingests_at_once_both_finish_or_one_says_the_database_is_busy(tmp_path, write_corpus):
    _, results, _ = ingest_twice_at_once(tmp_path, write_corpus)
    for stderr, code in results:
        assert "Traceback" not in stderr
        assert code == 0 or (code == 4 and "database is locked" in stderr), stderr


OPEN_WHEN_TOLD = """
import sys, time
from quotedb.db import load
print("ready", flush=True)
start = float(sys.stdin.readline())
while time.time() < start:
    pass
load.open_db(sys.argv[1])
"""


def test_two_processes_creating_one_database_at_the_same_instant_both_open_it(tmp_path):
    # Switching a new database to write-ahead logging answers the second process
    # "locked" at once, without the busy timeout; it failed in most such races.
    for trial in range(5):
        db_path = tmp_path / f"race-{trial}.db"
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_WHEN_TOLD, str(db_path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for process in processes:
            assert process.stdout.readline() == "ready\n"
        start = time.time() + 0.2
        for process in processes:
            process.stdin.write(f"{start}\n")
            process.stdin.flush()
        for process in processes:
            _, error = process.communicate(timeout=120)
            assert process.returncode == 0, error
