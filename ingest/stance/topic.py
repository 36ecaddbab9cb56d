"""What stance is judged toward: a topic, read and checked from the user's file.

A topic file is written by hand, so every mistake in it is reported on one
line naming the file, the key and the problem, before any article is read.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUPPORT, OPPOSE, NEUTRAL = "support", "oppose", "neutral"
LABELS = (SUPPORT, OPPOSE, NEUTRAL)
"""The three stances, in the order the model's classes are stored."""
SIDES = {SUPPORT: 1.0, OPPOSE: -1.0, NEUTRAL: 0.0}


class TopicError(ValueError):
    """A topic file that cannot be used; the message is one line naming file and key."""


@dataclass(frozen=True)
class Topic:
    """What stance is judged toward: a name plus target terms and entities.

    ``terms`` name the thing itself (the policy, the campaign); ``opponents``
    name what it is directed against, whose criticism supports the topic.
    ``support_frames`` and ``oppose_frames`` are the words each side of the
    debate frames it in (``self-defense`` against ``sovereignty``), which the
    user knows and a quote need not connect to the topic in so many words.
    ``premises`` are the claims the topic rests on (``the boats carry drugs``):
    asserting one supports the topic, doubting or denying it opposes it. A
    word written ``boat/vessel`` may be any of its alternatives, in any
    inflection. ``examples`` are quotes the user has labelled, as ``(text,
    stance)`` pairs; a quote much like one leans the same way.
    """

    name: str
    terms: tuple[str, ...] = ()
    opponents: tuple[str, ...] = ()
    support_frames: tuple[str, ...] = ()
    oppose_frames: tuple[str, ...] = ()
    premises: tuple[str, ...] = ()
    examples: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_file(cls, path: str | Path) -> Topic:
        """Read a topic from TOML or JSON: ``name``, ``terms``, ``opponents``,
        a ``framing`` table with ``support`` and ``oppose`` lists, a ``premise``
        table with a ``claims`` list, and ``examples``, each a table with
        ``text`` and ``stance``. Raises `TopicError` on anything else."""
        try:
            raw = Path(path).read_bytes()
            data = json.loads(raw) if str(path).endswith(".json") else tomllib.loads(raw.decode())
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise TopicError(f"{path}: not a readable topic file ({error})") from None
        return _checked(data, str(path))


_KEYS = {"name", "terms", "opponents", "framing", "premise", "examples"}


def _checked(data: Any, path: str) -> Topic:
    """The topic ``data`` describes, or a `TopicError` naming the first bad key."""

    def fail(key: str, problem: str) -> TopicError:
        return TopicError(f"{path}: {key}: {problem}")

    if not isinstance(data, dict):
        raise fail("(top level)", "must be a table of keys")
    if unknown := sorted(set(data) - _KEYS):
        raise fail(unknown[0], f"unknown key (expected one of {', '.join(sorted(_KEYS))})")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "missing or empty; give the topic a name")

    def words(value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(key, 'must be a list of non-empty strings, e.g. ["strikes", "campaign"]')
        return tuple(value)

    def table(key: str, allowed: set[str]) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise fail(key, f"must be a table with {' and '.join(sorted(allowed))}")
        if unknown := sorted(set(value) - allowed):
            expected = ", ".join(sorted(allowed))
            raise fail(f"{key}.{unknown[0]}", f"unknown key (expected {expected})")
        return value

    framing = table("framing", {"support", "oppose"})
    premise = table("premise", {"claims"})
    examples = data.get("examples", [])
    if not isinstance(examples, list):
        raise fail("examples", "must be a list of tables with text and stance")
    pairs = []
    for n, example in enumerate(examples, start=1):
        if not isinstance(example, dict) or not isinstance(example.get("text"), str):
            raise fail(f"examples[{n}]", "needs a text (string) and a stance")
        if example.get("stance") not in LABELS:
            raise fail(f"examples[{n}].stance", "must be support, oppose or neutral")
        pairs.append((example["text"], example["stance"]))
    return Topic(
        name=name.strip(),
        terms=words(data.get("terms", []), "terms"),
        opponents=words(data.get("opponents", []), "opponents"),
        support_frames=words(framing.get("support", []), "framing.support"),
        oppose_frames=words(framing.get("oppose", []), "framing.oppose"),
        premises=words(premise.get("claims", []), "premise.claims"),
        examples=tuple(pairs),
    )
