"""Find the paragraphs worth reading: scraping debris out, offsets kept.

Scraped articles carry page furniture (form labels, share buttons), a repeated
headline or a repeated block of paragraphs. Rather than rewriting the text,
which would break every offset, cleaning returns the ranges of the original
text that later stages should look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .dates import header_date
from .lexicons import lines, words
from .names import fold

_HEADER = re.compile(r"\A\s*date:?\s+\d{4}-\d{2}-\d{2}\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    """A kept paragraph, as offsets into the article text."""

    start: int
    end: int


@cache
def _boilerplate() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in lines("boilerplate"))


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    return any(pattern.search(line) for pattern in _boilerplate())


@cache
def _label_line(lexicon: str, marks: str) -> re.Pattern[str]:
    """A line that is only one of ``lexicon``'s labels, optionally followed by one of
    ``marks`` (a pattern for one character: ``:``, ``[:|]``)."""
    labels = "|".join(re.escape(label) for label in sorted(words(lexicon)))
    return re.compile(rf"^(?:{labels})\s*{marks}?$", re.IGNORECASE)


_ABOUT = re.compile(r"^About (?:[A-Z0-9][\w&.'’-]*\s?){1,6}(?:\([^()]*\))?$")
"""The heading of a press release's end matter (``About Pennant Pay``, ``About VRD-217``):
the company's own description, forward-looking-statement disclaimers and media
contacts, none of it anyone's statement."""

_LINK_WORDS = 25  # a linked headline is shorter than this
_CLOSED = tuple(".!?…\"”’'")  # a sentence ends so; a linked headline does not


def _linked_headline(line: str) -> bool:
    """A line under a bare ``READ MORE:`` label that is the title of the story it links
    to: short, and without a sentence's closing punctuation."""
    return len(line.split()) < _LINK_WORDS and not line.endswith(_CLOSED)


def _key(line: str) -> str:
    return " ".join(fold(line).split())


def paragraphs(text: str) -> list[Paragraph]:
    """The non-empty lines of ``text`` that are neither boilerplate nor repeats.

    A line repeated later (even with other quotation marks) is kept only the
    first time, so a scraped duplicate block yields no duplicate quotes. A bare
    ``READ MORE:`` or ``RELATED:`` line (``lexicons/link_labels.txt``) and the linked
    headlines under it are skipped. A bare ``Sources`` line
    (``lexicons/reference_labels.txt``) ends the article: what follows is its list of
    sources; so does a press release's ``About <Company>`` heading (`_ABOUT`) after the
    first line, what follows being its end matter.
    """
    kept: list[Paragraph] = []
    seen: set[str] = set()
    offset = 0
    if header_date(text):
        offset = _HEADER.match(text).end()
    linking = False  # under a bare "READ MORE:", the titles of the stories it links to
    for match in re.finditer(r"[^\n]+", text[offset:]):
        start, end = match.start() + offset, match.end() + offset
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        if _label_line("reference_labels", ":").match(stripped) or (
            kept and _ABOUT.match(stripped)
        ):
            break
        linking = (linking and _linked_headline(stripped)) or bool(
            _label_line("link_labels", "[:|]").match(stripped)
        )
        if linking or is_boilerplate(stripped):
            continue
        key = _key(stripped)
        if key in seen:
            continue
        seen.add(key)
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        kept.append(Paragraph(start, end))
    return kept
