"""What judging stance adds to extraction time (the budget: at most 15%).

Extracts the same articles, in one process with one loaded pipeline, with stance
judged (no topic: the learned model toward named targets; with the demo topic
file: the rules) and with stance switched off (every quote unjudged), in
interleaved rounds so the machine's busy spells slow all three alike:

    python3 benchmarks/stance_cost.py ../shared/eval/polnear-dev/text --rounds 3
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from quotedb.ingest import pipeline, quote_record
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.read import read_paths
from quotedb.ingest.records import Article
from quotedb.ingest.stance import Topic

from quotedb.cli.serve import demo_topic


def _seconds(articles: list[Article], nlp, topic: Topic | None) -> float:
    started = time.perf_counter()
    for _ in pipeline.extract_many(articles, nlp, topic):
        pass
    return time.perf_counter() - started


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--rounds", default=3, show_default=True)
def main(paths: tuple[Path, ...], rounds: int) -> None:
    """Print each round's seconds and the extra time stance costs, with and without a topic."""
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    nlp = load_nlp()
    _seconds(articles[:5], nlp, None)  # load the models before timing
    topic = Topic.from_file(demo_topic())
    judge = quote_record.judge  # where each record's stance is judged
    for number in range(1, rounds + 1):
        quote_record.judge = judge
        free, topical = _seconds(articles, nlp, None), _seconds(articles, nlp, topic)
        quote_record.judge = lambda text, topic=None, **_: judge(text, topic, statement=False)
        off = _seconds(articles, nlp, None)
        quote_record.judge = judge
        click.echo(
            f"round {number}: no topic {free:.1f} s, topic {topical:.1f} s, stance off {off:.1f} s"
            f" -> stance adds {free / off - 1:+.1%} (no topic), {topical / off - 1:+.1%} (topic)"
        )


if __name__ == "__main__":
    main()
