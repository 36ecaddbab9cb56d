"""The scale benchmark runs end to end and reports every figure (its speed is not tested here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "scale.py"


def test_the_smoke_benchmark_writes_a_report_with_every_figure(tmp_path):
    report = tmp_path / "report.json"
    run = subprocess.run(
        [
            sys.executable,
            str(BENCHMARK),
            "--smoke",
            "--work",
            str(tmp_path),
            "--report",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(report.read_text(encoding="utf-8"))
    for name in (
        "pipe_ratio",
        "extract_ratio",
        "workers_speedup",
        "reingest_share",
        "load_rate",
        "load_floor_rate",
        "memory_ratio",
        "dask_speedup",
        "search_page_p95_ms",
        "table_page_p95_ms",
    ):
        assert figures[name] > 0, name
    assert figures["search_page_facets"] == ["act", "speaker_id", "stance", "type", "verified"]
    assert figures["search_page_facets_timed_out"] == []
    assert "| workers_speedup |" in run.stdout
