"""Article dates and statement dates.

The article date comes from a ``date YYYY-MM-DD`` header line or front matter;
a statement's date from a time expression near the quote, resolved against the
article date. Dates are ISO strings cut to their precision: ``2025-10-14``,
``2025-05`` or ``2025``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_HEADER = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(
    rf"\b(?:on\s+)?(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:in\s+)?(?:early|mid|late|mid-)?\s*({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_WEEKDAY = re.compile(rf"\b(?:on|last)\s+({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(yesterday|today|last week|last month|last year)\b", re.IGNORECASE)


def header_date(text: str) -> str | None:
    """The date of a ``date 2025-10-14`` header, even when fused with the headline."""
    match = _HEADER.match(text)
    return match.group(1) if match else None


def front_matter(text: str) -> dict[str, str]:
    """``key: value`` pairs of a Markdown front-matter block, lower-cased keys."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    pairs = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and value.strip():
            pairs[key.strip().lower()] = value.strip().strip("\"'")
    if "published" in pairs and "date" not in pairs:
        pairs["date"] = pairs["published"]
    if "date" in pairs:
        pairs["date"] = pairs["date"][:10]
    return pairs


def statement_date(nearby: str, article_date: str | None) -> tuple[str | None, str | None]:
    """The date a time expression in ``nearby`` refers to, and its precision.

    ``nearby`` is the text around a quote (its sentence and the one before).
    Expressions without a year take the article's year; relative ones need
    the article date to resolve at all.
    """
    anchor = _parse_iso(article_date)
    if match := _MONTH_DAY.search(nearby):
        month, day = MONTHS[match.group(1).lower()], int(match.group(2))
        year = int(match.group(3)) if match.group(3) else (anchor.year if anchor else None)
        if year and 1 <= day <= 31:
            try:
                return date(year, month, day).isoformat(), "day"
            except ValueError:
                pass
    if match := _MONTH_YEAR.search(nearby):
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower()]:02d}", "month"
    if anchor is None:
        return None, None
    if match := _WEEKDAY.search(nearby):
        back = (anchor.weekday() - WEEKDAYS.index(match.group(1).lower())) % 7 or 7
        return (anchor - timedelta(days=back)).isoformat(), "day"
    if match := _RELATIVE.search(nearby):
        phrase = match.group(1).lower()
        if phrase == "today":
            return anchor.isoformat(), "day"
        if phrase == "yesterday":
            return (anchor - timedelta(days=1)).isoformat(), "day"
        if phrase == "last week":
            return (anchor - timedelta(days=7)).isoformat()[:7], "month"
        if phrase == "last month":
            first = anchor.replace(day=1) - timedelta(days=1)
            return first.isoformat()[:7], "month"
        return str(anchor.year - 1), "year"
    return None, None


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
