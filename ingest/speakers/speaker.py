"""The record a source mention resolves to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """A resolved source: its canonical name within the article, kind and role."""

    name: str
    kind: str  # person | organization | group | document | unnamed
    role: str | None = None
