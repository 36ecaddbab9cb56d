"""``quotedb stance``: judge lines of JSON with the stance classifier ingest uses."""

from __future__ import annotations

import json

import click

from quotedb.cli.options import model_option
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.stance import judge_many


@click.command()
@click.option(
    "--input",
    "input_file",
    type=click.File("r", encoding="utf-8"),
    required=True,
    help='JSON lines with "id", "text", "speaker" and "target"; - for standard input.',
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.option(
    "--explain", is_flag=True, help='Add the "target" judged and the "evidence" that decided.'
)
@model_option
def stance(input_file, output, explain, model) -> None:
    """Judge each line's stance toward its target: the classifier ingest uses.

    Writes one {"id", "stance", "score"} line per input line. A line with no
    "target" is judged toward the named thing it speaks about most strongly.
    """
    rows = []
    for number, line in enumerate(input_file, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append((row["id"], str(row["text"]), row.get("target"), row.get("speaker")))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            click.echo(f"error: {input_file.name}:{number}: not a stance line ({error})", err=True)
    verdicts = judge_many(
        [(text, target, speaker) for _, text, target, speaker in rows], nlp=load_nlp(model)
    )
    for (row_id, *_), verdict in zip(rows, verdicts, strict=True):
        line = {"id": row_id, "stance": verdict.label, "score": round(verdict.score, 3)}
        if explain:
            line |= {"target": verdict.target, "evidence": list(verdict.evidence)}
        output.write(json.dumps(line) + "\n")
