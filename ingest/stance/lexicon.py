"""The word lists the stance rules read: attitude words, idioms, deeds, doubts.

Loaded once per process from ``lexicons/stance_*`` (through the package's one
lexicon loader) plus the VADER lexicon's word valences (MIT licensed, shipped
in the ``vaderSentiment`` package).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicons import lines


@dataclass(frozen=True)
class Lexicon:
    """The word lists the rules read, loaded once from data files."""

    cues: dict[str, float]
    agents: frozenset[str]
    relations: dict[tuple[str, ...], float]
    mutual: dict[tuple[str, ...], float]
    light_verbs: frozenset[str]
    naming: frozenset[str]
    receiving: frozenset[tuple[str, ...]]
    actions: dict[str, float]
    valence: dict[str, float]
    denials: frozenset[str]
    claim_nouns: frozenset[str]
    doubt: tuple[str, ...]
    warrants: tuple[str, ...]
    contrast: frozenset[str]
    refusals: frozenset[str]
    charges: frozenset[str]
    sympathy: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in lines(name, "tsv")]


@cache
def load_lexicon() -> Lexicon:
    """The stance lexicons of this package plus VADER's word valences (-4..4)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    cues = _rows("stance_cues")
    relations = _rows("stance_relations")
    return Lexicon(
        cues={row[0]: float(row[1]) for row in cues},
        agents=frozenset(row[0] for row in cues if row[2:] == ["agent"]),
        relations={tuple(phrase.split()): float(polarity) for phrase, polarity, _ in relations},
        mutual={
            tuple(phrase.split()[:-1]): float(polarity)
            for phrase, polarity, direction in relations
            if direction == "mutual"
        },
        light_verbs=frozenset(lines("stance_light_verbs")),
        naming=frozenset(lines("stance_naming")),
        receiving=frozenset(tuple(line.split()) for line in lines("stance_receiving")),
        actions={lemma: float(polarity) for lemma, polarity in _rows("stance_actions")},
        valence=dict(SentimentIntensityAnalyzer().lexicon),
        denials=frozenset(lines("stance_denials")),
        claim_nouns=frozenset(lines("stance_claim_nouns")),
        doubt=lines("stance_doubt"),
        warrants=lines("stance_warrants"),
        contrast=frozenset(lines("stance_contrast")),
        refusals=frozenset(lines("stance_refusals")),
        charges=frozenset(lines("stance_charges")),
        sympathy=frozenset(lines("stance_sympathy")),
    )
