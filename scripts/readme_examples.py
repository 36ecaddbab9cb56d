"""Write the README's demo examples from what the code prints today, or check them.

    python scripts/readme_examples.py           # rewrite README.md's generated blocks
    python scripts/readme_examples.py --check   # exit 1 naming each stale block

A generated block sits between ``<!-- generated: NAME -->`` and
``<!-- /generated -->``. The examples come from running the commands on the bundled
demo articles, so a change to extraction that changes what a user sees changes
the README with it (`tests/test_readme.py` fails until it is regenerated).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(
    r"(?P<head><!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<tail><!-- /generated -->)",
    re.DOTALL,
)
ARTICLE = "quotedb/demo/articles/003_793379b2443f2ecb.txt"
TOPIC = "quotedb/demo/topic.toml"
#: The quote the extract example shows, found by its words; else the article's first
#: direct quote with a speaker.
SHOWN = "If this is true"
#: The fields the extract example shows, a line each group; the rest are elided.
GROUPS = (
    ("article", "start", "end", "spans"),
    ("text",),
    ("type", "speaker", "speaker_mention"),
    ("role", "cue"),
    ("stance", "stance_score", "confidence"),
)


def _quotedb(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``quotedb`` command as a user would, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "quotedb", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


def demo_summary() -> str:
    """The summary line ``quotedb demo`` prints for the bundled articles."""
    with tempfile.TemporaryDirectory() as folder:
        printed = _quotedb("demo", "--no-serve", "--db", f"{folder}/quotes.db").stderr
    line = next(line for line in printed.splitlines() if " articles read, " in line)
    return f"```\n{line}\n```\n"


def demo_extract() -> str:
    """One quote of ``quotedb extract`` on a demo article, its main fields shown."""
    command = ["extract", ARTICLE, "--topic-file", TOPIC]
    records = [json.loads(line) for line in _quotedb(*command).stdout.splitlines()]
    shown = next(
        (record for record in records if SHOWN in record["text"]),
        next(r for r in records if r["type"] == "direct" and r["speaker"]),
    )
    pairs = {
        key: f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in shown.items()
    }
    lines = [", ".join(pairs[key] for key in keys) for keys in GROUPS]
    record = "{" + ",\n ".join(lines) + ", ...}"
    return f"```\n$ quotedb {' '.join(command)}\n...\n{record}\n```\n"


EXAMPLES = {"demo-extract": demo_extract, "demo-summary": demo_summary}


def rewritten(readme: str) -> str:
    """``readme`` with every generated block as the code prints it now."""
    found = {match["name"] for match in BLOCK.finditer(readme)}
    if found != set(EXAMPLES):
        raise ValueError(f"README.md has generated blocks {sorted(found)}, not {sorted(EXAMPLES)}")

    def regenerated(block: re.Match[str]) -> str:
        return block["head"] + EXAMPLES[block["name"]]() + block["tail"]

    return BLOCK.sub(regenerated, readme)


def stale(readme: str) -> list[str]:
    """The names of the generated blocks of ``readme`` that differ from what the code prints."""
    now = _bodies(rewritten(readme))
    return [name for name, body in _bodies(readme).items() if now[name] != body]


def _bodies(readme: str) -> dict[str, str]:
    return {block["name"]: block["body"] for block in BLOCK.finditer(readme)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="Only report stale blocks.")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    if args.check:
        names = stale(readme)
        for name in names:
            print(f"README.md: block {name!r} is stale; run python scripts/readme_examples.py")
        sys.exit(1 if names else 0)
    README.write_text(rewritten(readme), encoding="utf-8")


if __name__ == "__main__":
    main()
