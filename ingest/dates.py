"""Article dates and statement dates.

The article date comes from a ``date YYYY-MM-DD`` header line, front matter, a
dateline (``HARBOR CITY, March 3, 2025 —``) or the page's metadata, in any of
the common spellings python-dateutil reads; a statement's date from a time
expression near the quote, resolved against the article date (or, for an
undated article, the latest year it mentions).
Dates are ISO strings cut to their precision: ``2025-10-14``, ``2025-05`` or
``2025``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import PurePath
from typing import TYPE_CHECKING

from dateutil import parser as dateutil_parser

from .parse import per_doc, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
_FULL_MONTHS = [name.capitalize() for name in MONTHS if len(name) > 3 or name == "may"]
_MONTH_ALONE = re.compile(
    # "in May", "early October", or a bare capitalised month ("October declaration");
    # a bare "May" is too often the verb.
    r"\b(?:[Ii]n|[Ee]arly|[Mm]id-?|[Ll]ate|[Ss]ince|[Ll]ast|[Tt]his)\s+"
    rf"({'|'.join(_FULL_MONTHS)})\b"
    rf"|\b({'|'.join(m for m in _FULL_MONTHS if m != 'May')})\b(?!\s+\d)"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "HARBOR CITY, March 3, 2025 —", "LONDON, 12 September 2016 (Reuters) -" or
# "JERUSALEM -": a place in capitals, maybe a date and an agency, then a dash, at the
# start of one of the first paragraphs; or a date and an agency alone ("Nov 4 (Reuters) -");
# or the time that heads an entry of a live-updates page ("3:30 p.m. — ...", "11 a.m. MT -").
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z][A-Z.'’ -]*(?:,\s*[A-Z][A-Za-z.]*)*(?:,\s*(?P<date>[^—–―\n]{6,40}?))?"
    r"\s*(?:\([^)\n]*\)\s*)?"
    rf"|(?i:{_MONTH})\.?\s+\d{{1,2}}\s*\([A-Z][^)\n]*\)\s*"
    r"|\d{1,2}(?::\d\d)?\s*(?:[ap]\.\s?m\.|[AaPp][Mm]\b)(?:\s*[A-Z]{1,2}T\b)?\s*)"
    r"(?:—|–|―|--| -)\s*",
    re.MULTILINE,
)
_DATELINE_PARAGRAPHS = 4
# "Posted: Mar 03, 2024 8:15 PM EST | Last Updated: 2 hours ago", "Published March 3,
# 2024", "Updated 9:41 AM EDT, Tue March 5, 2024": a scraped page's date line near its
# top; the date it was posted wins over the one it was updated.
_POSTED = re.compile(
    r"(?:^|[|·•]\s*)(?P<what>first published|published|posted|last updated|updated)"
    r"(?: on)?\s*:?\s*(?P<date>[^|·•\n]{6,60})",
    re.IGNORECASE | re.MULTILINE,
)
_POSTED_LINES = 8
# "Saturday, November 21, 2026", "21 November 2026 4:12 PM EST", "2026-11-21": a line
# near the top that is nothing but the date the page gives itself.
_DATE_ONLY = re.compile(
    rf"^[ \t]*(?P<date>(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
    rf"(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}\s+(?:{_MONTH})\.?,?)"
    r"\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_WEEKDAY = re.compile(rf"\b(?:on|last)\s+({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(yesterday|today|last week|last month|last year)\b", re.IGNORECASE)


def header_date(text: str) -> str | None:
    """The date of a ``date 2025-10-14`` header, even when fused with the headline."""
    match = _HEADER.match(text)
    return match.group(1) if match else None


def without_header(line: str) -> str:
    """``line`` without a leading ``date 2025-10-14`` header fused with the headline."""
    match = _HEADER.match(line)
    return line[match.end() :].strip() if match else line


def dateline_date(text: str) -> str | None:
    """The ISO date of a dateline opening one of the article's first paragraphs."""
    for match in _DATELINE.finditer(_top(text, _DATELINE_PARAGRAPHS * 2)):
        if match.group("date") and (found := iso_date(match.group("date"))):
            return found
    return None


def _top(text: str, lines: int) -> str:
    """The first ``lines`` lines of ``text`` (blank ones counted), where a page dates itself."""
    return "\n".join(text.lstrip().split("\n", lines)[:lines])


def posted_date(text: str) -> str | None:
    """The ISO date of a ``Posted: ...`` or ``Published ...`` line, or of a line that is
    only a date, among the article's first lines (an ``Updated`` one if that is all there
    is)."""
    top = _top(text, _POSTED_LINES * 2)
    labelled = [
        (m.start(), m["what"].lower().endswith("updated"), m) for m in _POSTED.finditer(top)
    ]
    bare = [(m.start(), False, m) for m in _DATE_ONLY.finditer(top)]
    found = [
        (updated, iso)
        for _, updated, m in sorted(labelled + bare, key=lambda found: found[0])
        if (iso := iso_date(m["date"]))
    ]
    if not found:
        return None
    return next((iso for updated, iso in found if not updated), found[0][1])


# "This report by The Canadian Press was first published March 3, 2024.": a wire
# story's closing line.
_FIRST_PUBLISHED = re.compile(
    r"^\s*This (?:report|story|article)\b[^\n]{0,80}?\bwas first published"
    r"(?: on)?\s+(?P<date>[^\n]{6,40}?)\.?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSING_LINES = 8


def closing_date(text: str) -> str | None:
    """The ISO date a wire story's closing line gives (``This report by The Canadian
    Press was first published March 3, 2024.``)."""
    closing = "\n".join(text.rstrip().split("\n")[-_CLOSING_LINES * 2 :])
    for match in _FIRST_PUBLISHED.finditer(closing):
        if found := iso_date(match.group("date")):
            return found
    return None


_NAMED = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](\d\d)[-_.](\d\d)(?!\d)")


def named_date(path: str) -> str | None:
    """The date a file's name gives, as scrapers and archives name articles
    (``breitbart_2016-09-12_stealth-over-health.txt``, ``2024_03_03-rent-control.html``):
    the last resort for an article whose record and text give none."""
    match = _NAMED.search(PurePath(path).name)
    found = _parse_iso("-".join(match.groups())) if match else None
    return found.isoformat() if found else None


def dateline_length(paragraph: str) -> int:
    """How many characters of ``paragraph`` a dateline opening it takes, dash and all
    (0 without one): the writer's, not part of what anyone said."""
    match = _DATELINE.match(paragraph)
    return match.end() if match else 0


def after_dateline(doc: Doc) -> int:
    """The first token of a parsed paragraph after the dateline opening it (``JERUSALEM
    — ...``, ``WASHINGTON ― ...``): the writer's words, not anyone's, so no content
    starts in it and no one it names speaks or is a stance's target. 0 without one;
    the paragraph's length when it is all dateline."""

    def find() -> int:
        opening = dateline_length(text_of(doc))
        if not opening:
            return 0
        rest = doc.char_span(opening, len(text_of(doc)), alignment_mode="expand")
        return rest.start if rest is not None and len(rest) else len(doc)

    return per_doc(doc, "quotedb.after_dateline", find)


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
    return pairs


def iso_date(value: str) -> str | None:
    """``2016-09-12``, ``September 12, 2016``, ``12 September 2016``, ``2016/09/12`` or
    ``Mon, 12 Sep 2016 08:00:00 GMT`` -> ``2016-09-12``; None if it is not a whole date.

    A value without a year is refused: python-dateutil would fill in this year.
    """
    value = value.strip()
    if parsed := _parse_iso(value):
        return parsed.isoformat()
    if not re.search(r"\d{4}", value):
        return None
    try:
        return dateutil_parser.parse(value, ignoretz=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def statement_date(
    nearby: str, article_date: str | None, year: int | None = None
) -> tuple[str | None, str | None]:
    """The date a time expression in ``nearby`` refers to, and its precision.

    ``nearby`` is the sentence that attributes the quote, without the quoted
    words (a date inside a quote is about what is said, not when it was said).
    A day or month without a year takes the article's year, or ``year`` when
    the article has no date, and steps back a year if it would fall after the
    article; relative expressions need the article date to resolve at all.
    """
    anchor = _parse_iso(article_date)
    default_year = anchor.year if anchor else year
    if match := _MONTH_DAY.search(nearby):
        month, day = MONTHS[match.group(1).lower()], int(match.group(2))
        stated = int(match.group(3)) if match.group(3) else None
        if when := _in_year(stated or default_year, month, day, anchor, stated is None):
            return when.isoformat(), "day"
    if match := _MONTH_YEAR.search(nearby):
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1).lower()]:02d}", "month"
    if match := _MONTH_ALONE.search(nearby):
        month = MONTHS[(match.group(1) or match.group(2)).lower()]
        if when := _in_year(default_year, month, 1, anchor, True):
            return when.isoformat()[:7], "month"
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


def timeline_year(text: str) -> int | None:
    """The year an undated article is set in: the latest year it mentions, if any."""
    years = [int(found) for found in _YEAR.findall(text)]
    return max(years) if years else None


def _in_year(
    year: int | None, month: int, day: int, anchor: date | None, movable: bool
) -> date | None:
    """``year-month-day``, a year earlier when a yearless date would fall after the article."""
    if not year:
        return None
    try:
        when = date(year, month, day)
        if movable and anchor and when > anchor:
            when = date(year - 1, month, day)
    except ValueError:
        return None
    return when


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
