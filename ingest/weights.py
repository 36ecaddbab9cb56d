"""Where the trained attribution weights are read from, and which they are.

The scorer (``model.json``) and the boundary ranker (``bounds.json``) ship in the
package, in ``models/attribution/``. ``$QUOTEDB_ATTRIBUTION_MODEL`` points at others (a
model trained with ``quotedb train attribution --out DIR``, on a newsroom's own
corrections say), or says ``none`` for the rules alone. This module is light to
import: an ingest that finds every article unchanged asks which weights are in use
(`digest`) without loading spaCy.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

MODEL_ENV = "QUOTEDB_ATTRIBUTION_MODEL"
SCORER = "model.json"  # keeps or drops each candidate, with its confidence
RANKER = "bounds.json"  # chooses each kept candidate's content boundaries


def weights_file(name: str = SCORER) -> Path | Traversable | None:
    """The file of ``name`` that extraction reads: in ``$QUOTEDB_ATTRIBUTION_MODEL``'s
    directory (which may lack it), else in the package; None for the rules alone or
    when the package has no such file."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return None if chosen.lower() == "none" else Path(chosen) / name
    packaged = resources.files(__package__).joinpath("models", "attribution", name)
    return packaged if packaged.is_file() else None


def digest() -> str:
    """Which weights extraction uses: ``none`` for the rules alone, else a digest of the
    scorer's and the ranker's files. Part of what an ingest's rows were made from, so
    rows made with other weights are extracted again, not kept as unchanged."""
    files = [weights_file(name) for name in (SCORER, RANKER)]
    if all(file is None for file in files):
        return "none"
    made = hashlib.sha1()
    for file in files:
        made.update(file.read_bytes() if file is not None and file.is_file() else b"-")
    return made.hexdigest()[:16]
