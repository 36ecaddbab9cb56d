"""The README shows what the code prints: its demo examples are generated, and checked here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "readme_examples.py"


def test_the_readme_demo_examples_are_what_the_demo_prints():
    spec = importlib.util.spec_from_file_location("readme_examples", SCRIPT)
    examples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(examples)
    readme = examples.README.read_text(encoding="utf-8")
    assert examples.stale(readme) == [], "run: python scripts/readme_examples.py"
