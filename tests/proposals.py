"""What the rules propose for an article, before any learned model: the helper the
attribution and speaker tests share."""

from __future__ import annotations

from quotedb.ingest.pipeline import extract_many


def proposed(article, nlp):
    """What the rules propose, each with its rule's prior confidence and span: no learned models.
    (The scorer's decisions are tested in test_attribution_model.py.)"""
    return next(extract_many([article], nlp, scorer=None, ranker=None))[1]
