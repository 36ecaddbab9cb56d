"""What a correction may change: the fields of a quote and of a speaker, the values
each accepts, and the error that refuses any other."""

from __future__ import annotations

# Fields a quote correction changes, with the values each accepts (None: any text).
QUOTE_FIELDS: dict[str, tuple[str, ...] | None] = {
    "is_quote": ("0", "1"),
    "verified": ("0", "1"),
    "speaker": None,
    "role": None,
    "stance": ("support", "oppose", "neutral"),
    "type": ("direct", "mixed", "indirect"),
    "date": None,
    "span": None,  # JSON [[start, end], ...]: offsets in the article's text
    "note": None,  # a remark with no change
}
# Fields a speaker correction changes: merge's value is the speaker to merge into.
SPEAKER_FIELDS: dict[str, tuple[str, ...] | None] = {"merge": None, "not_a_speaker": ("1",)}
# Quote fields that are a column of the quotes table, as the extractor fills it.
_COLUMNS = ("role", "stance", "type", "date")


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown quote or speaker, field or value."""


def _checked(fields: dict[str, tuple[str, ...] | None], name: str, value: str) -> str:
    if name not in fields:
        raise CorrectionError(f"unknown field {name!r}; one of: {', '.join(fields)}")
    value = (value or "").strip()
    choices = fields[name]
    if choices is not None and value not in choices:
        raise CorrectionError(f"{name} must be one of: {', '.join(choices)}; not {value!r}")
    if name in ("speaker", "merge") and not value:
        raise CorrectionError(f"{name} needs a speaker's name")
    return value
