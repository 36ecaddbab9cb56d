"""Nothing lost, nothing broken: ingest a folder of bad inputs, then survive a kill -9.

Generates, in a scratch folder, every kind of bad input a real article folder
holds (empty, binary, Latin-1, UTF-16, invalid UTF-8, 50 MB, thousands of
unbalanced quotation marks, one 100,000-character line, HTML with scripts,
broken JSONL, a pipe, symlink loops, duplicate ids) next to good articles, runs
the real ``quotedb ingest`` on it and reports:

- files tried, files failed with a clear message (one ``error: PATH: problem``
  line each), files failed without one;
- crashes: a traceback or an exit status other than 0 or 3 (must be 0);
- rows lost: quotes of readable articles missing from the database, compared
  with ingesting each readable article on its own (must be 0);
- after a kill -9 in the middle of an ingest: ``PRAGMA integrity_check``,
  articles with a partial set of quotes (must be 0), and whether re-running the
  command completes the job.

    python3 benchmarks/bad_inputs.py [--output report.json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import generated_article  # noqa: E402

STORY = generated_article(0, quotes=3)
PAGE = """<!doctype html><html><head><title>Harbour report | Example Times</title>
<meta name="date" content="2025-03-01"><link rel="canonical" href="https://example.org/h">
<style>body { color: red }</style><script>window.evil = "script text";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">Navigation link</a></nav><article>
{paragraphs}<script>document.write("inline script")</script></article>
<footer>Copyright Example Times</footer></body></html>"""


def bad_inputs(folder: Path) -> dict[str, bool]:
    """Write the inputs; map each path to whether it should be ingested (True) or fail."""
    rng = random.Random(8)
    expect: dict[str, bool] = {}

    def put(name: str, data: bytes, readable: bool) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expect[str(path)] = readable
        return path

    for number in range(1, 6):
        put(f"good/story-{number}.txt", generated_article(number).encode(), True)
    put("empty.txt", b"", False)
    put("whitespace.md", b" \n\n\t\n", False)
    put("binary.txt", rng.randbytes(20_000), False)
    put(
        "latin1.txt",
        generated_article(6).replace("“", '"').replace("”", '"').encode("cp1252"),
        True,
    )
    put("utf16.txt", codecs.BOM_UTF16_LE + generated_article(7).encode("utf-16-le"), True)
    put("utf8-bom.txt", codecs.BOM_UTF8 + generated_article(8).encode(), True)
    put("invalid-utf8.txt", generated_article(9).encode() + b"\xff\xfe broken \xc3", False)
    put("huge.txt", STORY.encode() * (50_000_000 // len(STORY.encode()) + 1), False)
    unbalanced = "\n\n".join(
        f"“Line {n} opens a quote that never closes, {'“' * 10} the council said"
        for n in range(300)
    )
    put("unbalanced.txt", unbalanced.encode(), True)
    filler = "The council met again to discuss the repair plan for the old harbour wall. " * 12
    line = " ".join(
        f"{filler}“We will rebuild pier {n} this year,” Ann Lee said." for n in range(110)
    )
    put("one-line.txt", line[:100_000].encode(), True)
    paragraphs = "".join(f"<p>{line}</p>\n" for line in generated_article(10).splitlines() if line)
    put("page.html", PAGE.replace("{paragraphs}", paragraphs).encode(), True)
    lines = [
        json.dumps({"id": "feed-good", "text": generated_article(11)}),
        '{"id": "cut", "text": "half a line',
        json.dumps({"id": "no-text", "title": "nothing"}),
        json.dumps({"id": "wrong-type", "text": ["a", "list"]}),
        json.dumps({"id": "feed-good", "text": generated_article(12)}),
    ]
    put("feed.jsonl", "\n".join(lines).encode(), True)
    for number, readable in ((1, True), (2, False), (3, False), (4, False), (5, False)):
        expect[f"{folder}/feed.jsonl:{number}"] = readable
    del expect[str(folder / "feed.jsonl")]
    put("reprint/story-1.txt", generated_article(13).encode(), False)  # duplicate id
    os.mkfifo(folder / "pipe.txt")
    expect[str(folder / "pipe.txt")] = False
    (folder / "good" / "loop").symlink_to(folder)
    expect[str(folder / "good" / "loop")] = False
    (folder / "self.txt").symlink_to(folder / "self.txt")
    expect[str(folder / "self.txt")] = False
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    expect[str(folder / "dangling.txt")] = False
    return expect


def ingest(corpus: Path | list[str], db_path: Path) -> subprocess.CompletedProcess:
    paths = [str(corpus)] if isinstance(corpus, Path) else corpus
    command = [sys.executable, "-m", "quotedb", "ingest", *paths, "--db", str(db_path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=3600)


def quotes_per_article(db_path: Path) -> dict[str, int]:
    query = """select articles.id, count(quotes.id) from articles
        left join quotes on quotes.article_id = articles.id group by articles.id"""
    with sqlite3.connect(db_path) as connection:
        return dict(connection.execute(query).fetchall())


def bad_input_run(scratch: Path) -> dict:
    folder = scratch / "bad"
    expect = bad_inputs(folder)
    began = time.perf_counter()
    result = ingest(folder, scratch / "bad.db")
    seconds = time.perf_counter() - began
    reported = {
        match.group(1)
        for match in re.finditer(r"^error: (.+?): \S.*$", result.stderr, re.MULTILINE)
    }
    failing = {path for path, readable in expect.items() if not readable}
    readable = [path.split(":")[0] for path, ok in expect.items() if ok]
    reference = scratch / "reference.db"
    ingest(sorted(set(readable)), reference)  # the readable files without the bad ones
    stored, wanted = quotes_per_article(scratch / "bad.db"), quotes_per_article(reference)
    lost = sum(max(0, count - stored.get(article, 0)) for article, count in wanted.items())
    return {
        "files_tried": len(expect),
        "expected_to_fail": len(failing),
        "failed_with_clear_message": len(failing & reported),
        "failed_silently": sorted(failing - reported),
        "good_reported_as_failed": sorted(reported - failing),
        "crashes": int("Traceback" in result.stderr or result.returncode not in (0, 3)),
        "exit_status": result.returncode,
        "articles_stored": len(stored),
        "quotes_stored": sum(stored.values()),
        "rows_lost": lost,
        "seconds": round(seconds, 1),
        "messages": [line for line in result.stderr.splitlines() if line.startswith("error:")],
    }


def kill_run(scratch: Path, articles: int = 60) -> dict:
    corpus = scratch / "kill-corpus"
    corpus.mkdir()
    for number in range(articles):
        (corpus / f"article-{number:05}.txt").write_text(generated_article(number))
    db_path = scratch / "kill.db"
    command = [sys.executable, "-m", "quotedb", "ingest", str(corpus), "--db", str(db_path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    while stored < articles // 4 and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
                stored = connection.execute("select count(*) from articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
    killed_mid_run = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db_path) as connection:
        integrity = connection.execute("pragma integrity_check").fetchone()[0]
    after_kill = quotes_per_article(db_path)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    complete = quotes_per_article(db_path)
    partial = [article for article, count in after_kill.items() if count != complete.get(article)]
    with sqlite3.connect(db_path) as connection:
        integrity_after_rerun = connection.execute("pragma integrity_check").fetchone()[0]
    return {
        "killed_mid_run": killed_mid_run,
        "articles_at_kill": len(after_kill),
        "integrity_after_kill": integrity,
        "partial_articles": len(partial),
        "rerun_exit_status": rerun.returncode,
        "rerun_complete": rerun.returncode == 0 and len(complete) == articles,
        "integrity_after_rerun": integrity_after_rerun,
        "rerun_errors": rerun.stderr.splitlines()[-3:] if rerun.returncode else [],
    }


def table(report: dict) -> str:
    bad, kill = report["bad_inputs"], report["kill_9"]
    rows = [
        ("files tried", bad["files_tried"]),
        ("expected to fail", bad["expected_to_fail"]),
        ("failed with a clear message", bad["failed_with_clear_message"]),
        ("failed silently", len(bad["failed_silently"])),
        ("good files reported as failed", len(bad["good_reported_as_failed"])),
        ("crashes (must be 0)", bad["crashes"]),
        ("exit status (3 = some failed)", bad["exit_status"]),
        ("quotes stored", bad["quotes_stored"]),
        ("rows lost (must be 0)", bad["rows_lost"]),
        ("ingest seconds", bad["seconds"]),
        ("kill -9 landed mid-run", kill["killed_mid_run"]),
        ("integrity_check after kill -9", kill["integrity_after_kill"]),
        ("half-written articles (must be 0)", kill["partial_articles"]),
        ("re-run completes the job", kill["rerun_complete"]),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"| {name:<{width}} | {value!s:>8} |" for name, value in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, help="Write the JSON report here too.")
    parser.add_argument("--keep", type=Path, help="Build in this folder and keep it.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quotedb-bad-") as temporary:
        scratch = options.keep or Path(temporary)
        scratch.mkdir(parents=True, exist_ok=True)
        report = {"bad_inputs": bad_input_run(scratch), "kill_9": kill_run(scratch)}
    text = json.dumps(report, indent=1)
    if options.output:
        options.output.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(table(report))


if __name__ == "__main__":
    main()
