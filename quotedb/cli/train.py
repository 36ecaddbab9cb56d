"""``quotedb train``: rebuild the shipped attribution or stance model from its training split."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click
from tqdm import tqdm

from quotedb.cli.options import model_option, workers_option
from quotedb.ingest import engines
from quotedb.ingest.attribution.model import RANKER
from quotedb.ingest.parse import load_nlp, pipeline_name


@click.group()
def train() -> None:
    """Rebuild a shipped model from its training split (needs scikit-learn: the train extra)."""


@train.command("attribution")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Training split in PolNeAR's layout: text/*.txt and attributions/*.ann.",
)
@click.option(
    "--dev",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Dev split, same layout: chooses regularisation and threshold, never trained on.",
)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="Use only the first N articles of each.")
@click.option(
    "--corrections",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Exported corrections (quotedb corrections export): reviewed quotes as extra examples.",
)
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The folder holding the corrected articles (named by their ids), with --corrections.",
)
@model_option
@workers_option
def train_attribution(data, dev, out, seed, limit, corrections, articles, model, workers) -> None:
    """Train the boundary ranker and the attribution scorer; write bounds.json,
    model.json and MODEL_CARD.md to OUT.

    Point QUOTEDB_ATTRIBUTION_MODEL at OUT to use it, or copy it over
    ingest/models/attribution/ to ship it.
    """
    from quotedb.ingest.attribution import model_card, train_bounds, train_corrections
    from quotedb.ingest.attribution import train as trainer

    procs = engines.worker_count(workers)
    if corrections and articles is None:
        raise click.UsageError("--corrections needs --articles, the corrected articles")

    def echo(line: str) -> None:
        click.echo(line, err=True)

    with tqdm(desc="choices", unit=" candidates", file=sys.stderr, disable=None) as bar:
        train_choices = list(_counted(bar, train_bounds.choices(data, model, procs, limit)))
        if corrections:
            train_choices += _reviewed(train_bounds.corrected_choices, corrections, articles, model)
        dev_choices = list(_counted(bar, train_bounds.choices(dev, model, procs, limit)))
    ranker, bounds = train_bounds.fit_ranker(train_choices, dev_choices, seed, progress=echo)
    held_out = train_bounds.held_out_rankers(train_choices, bounds["regularisation"], seed)
    with tqdm(desc="candidates", unit=" candidates", file=sys.stderr, disable=None) as bar:
        train_rows = list(
            _counted(bar, trainer.examples(data, model, procs, limit, ranker, held_out))
        )
        if corrections:
            train_rows += _reviewed(
                train_corrections.corrected_examples, corrections, articles, model, ranker
            )
        dev_rows = list(_counted(bar, trainer.examples(dev, model, procs, limit, ranker)))
    pipeline = pipeline_name(load_nlp(model))
    scorer, report = trainer.fit(
        train_rows, dev_rows, trainer.gold_count(dev, limit), seed, echo, pipeline
    )
    scorer.save(out)
    ranker.save(out, RANKER)
    card = model_card.write_card(out, report, bounds, data, dev, seed, pipeline)
    click.echo(
        f"dev: precision {report.dev['precision']:.3f}, recall {report.dev['recall']:.3f} "
        f"at threshold {report.dev['threshold']:.2f}; wrote {out / 'model.json'}, "
        f"{out / RANKER} and {card}",
        err=True,
    )


T = TypeVar("T")


def _reviewed(read: Callable[..., list[T]], corrections: Path, *args: object) -> list[T]:
    """Training examples from exported corrections; a bad export is a one-line error."""
    try:
        return read(corrections, *args)
    except ValueError as error:
        raise click.ClickException(str(error)) from None


def _counted(bar: tqdm, items: Iterable[T]) -> Iterator[T]:
    """``items``, each ticking the progress bar."""
    for item in items:
        bar.update()
        yield item


@train.command("stance")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder with train.jsonl (and valid.jsonl, only measured), Directed Sentiment format.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for weights.npz and training.json (the shipped one: ingest/models/stance).",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the folds and the solver.")
@click.option(
    "--corrections",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Exported corrections (quotedb corrections export): stances people set, as examples.",
)
def train_stance(data: Path, out: Path, seed: int, corrections: Path | None) -> None:
    """Train the stance model and print its cross-validated and valid figures."""
    from quotedb.ingest.stance.train import corrected, train

    try:
        extra = corrected(corrections) if corrections else []
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if corrections:
        click.echo(f"{len(extra)} stance corrections added to the training records", err=True)
    report = train(data, out, seed, log=lambda line: click.echo(line, err=True), extra=extra)
    click.echo(json.dumps(report, indent=2))
