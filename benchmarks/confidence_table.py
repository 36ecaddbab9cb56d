"""Precision and recall by confidence threshold: the README's table.

Scores ``quotedb extract`` output kept at each threshold with PolNeAR's own scorer
(``score_quotes.py --json``), so the figures are the scorer's, not ours. Extracted with
``--min-confidence 0``, the output holds the candidates below the model's threshold too
(the rows under 0.5); the records at or above it are the same as without it:

    quotedb extract ../shared/eval/polnear-dev/text/*.txt --min-confidence 0 > /tmp/dev.jsonl
    python benchmarks/confidence_table.py /tmp/dev.jsonl \\
        --scorer ../shared/eval/score_quotes.py --gold ../shared/eval/polnear-dev
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import click

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def score(scorer: Path, gold: Path, records: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as kept:
        kept.write("".join(records))
        kept.flush()
        result = subprocess.run(
            [sys.executable, str(scorer), "--gold", str(gold), "--pred", kept.name, "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(result.stdout)


@click.command()
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--scorer", required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", required=True, type=click.Path(exists=True, path_type=Path))
def main(predictions: Path, scorer: Path, gold: Path) -> None:
    """Print a Markdown table: threshold, records kept, precision, recall, direct and
    speech recall, speaker accuracy."""
    lines = predictions.read_text("utf-8").splitlines(keepends=True)
    confidences = [json.loads(line)["confidence"] for line in lines]
    click.echo(
        "| confidence >= | records | quote precision | quote recall | direct-quote recall "
        "| speech-report recall | speaker accuracy |"
    )
    click.echo("|---|---|---|---|---|---|---|")
    for threshold in THRESHOLDS:
        kept = [line for line, c in zip(lines, confidences, strict=True) if c >= threshold]
        figures = score(scorer, gold, kept)
        click.echo(
            f"| {threshold:.1f} | {len(kept)} | {figures['quote']['precision']:.3f} "
            f"| {figures['quote']['recall']:.3f} "
            f"| {figures['direct_quote_recall']['recall']:.3f} "
            f"| {figures['speech_report_recall']['recall']:.3f} "
            f"| {figures['speaker_accuracy']['accuracy']:.3f} |"
        )


if __name__ == "__main__":
    main()
