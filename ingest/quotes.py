"""Find quoted passages: pairs of quotation marks and what they enclose.

Handles straight and curly double quotes, curly single quotes used as
quotation marks (told apart from apostrophes), the ``''...''`` and ````...''``
styles, and guillemets. An unbalanced mark is dropped, never allowed to swallow
the rest of the article, and a quote may run over several paragraphs when each
paragraph re-opens it (or the next one closes it). Each paragraph is offered the
pieces of the passages it holds (`pieces_in`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .clean import Paragraph

# (opening pattern, closing pattern) per quotation style; each pattern matches one mark.
# Straight and curly double marks are one style: scraped text often mixes them ("...”),
# and a closing mark opening a paragraph (”Word) is a mistyped opening one. A quote
# ending in a quote is closed with a space between the marks (``the 'Title Sponsor,' "``).
_STYLES: dict[str, tuple[str, str]] = {
    "double": (
        r'“|^”(?=\w)|(?:(?<=^)|(?<=[\s(\[{—–-]))"(?=\S)',
        r'”|(?:(?<=\S)|(?<=[\'’] ))"(?=$|[\s.,;:!?)\]}—–-])',
    ),
    "straight single": (
        r"(?:(?<=^)|(?<=[\s(\[{—–\"“-]))(?<!')'(?=[^\W\d_])",
        r"(?:(?<=[^\W\d_])|(?<=[.,!?]))(?<!')'(?!')(?=$|[\s.,;:!?)\]}—–\"”-])",
    ),
    "single": (r"(?:(?<=^)|(?<=[\s(\[{—–\"“-]))‘(?=\S)", r"(?<=[^\s])’(?=$|[\s.,;:!?)\]}—–\"”-])"),
    "doubled": (r"(?:``|(?:(?<=^)|(?<=[\s(\[{—–-]))'')(?=\S)", r"(?<=\S)''(?=$|[\s.,;:!?)\]}—–-])"),
    "guillemet": (r"«", r"»"),
}
_WRITTEN_WITH = {
    "double": '“”"',
    "straight single": "'",
    "single": "‘’",
    "doubled": "`'",
    "guillemet": "«»",
}
"""The characters each style's marks are written with: a paragraph with none of them has
no mark of that style, and is not searched for one (for speed: most have none)."""
_OPEN = {style: re.compile(patterns[0], re.MULTILINE) for style, patterns in _STYLES.items()}
_CLOSE = {style: re.compile(patterns[1], re.MULTILINE) for style, patterns in _STYLES.items()}
MAX_PARAGRAPHS = 6
# "PENCE: Well, ...": a transcript line's speaker label in capitals
_LABEL = re.compile(r"[A-Z][A-Z.'’ -]{1,30}:\s")


@dataclass(frozen=True)
class Quoted:
    """A quoted passage; ``start``/``end`` include the quotation marks."""

    start: int
    end: int
    style: str

    @property
    def span(self) -> tuple[int, int]:
        """The passage with its quotation marks, as article offsets."""
        return self.start, self.end

    @property
    def inner(self) -> tuple[int, int]:
        width = 2 if self.style == "doubled" else 1
        return self.start + width, self.end - width


def find_quoted(text: str, paragraphs: Sequence[Paragraph]) -> list[Quoted]:
    """Every quoted passage in the kept ``paragraphs`` of ``text``, in order."""
    found: list[Quoted] = []
    for style in _STYLES:
        found.extend(_pair(text, paragraphs, style))
    found.sort(key=lambda q: (q.start, -q.end))
    return _outermost(found)


def _marks(text: str, paragraph: Paragraph, style: str) -> list[tuple[int, str]]:
    """Opening and closing marks of one style in a paragraph, as (offset, kind)."""
    segment = text[paragraph.start : paragraph.end]
    if not any(char in segment for char in _WRITTEN_WITH[style]):
        return []
    opens = {m.start() for m in _OPEN[style].finditer(segment)}
    closes = {m.start() for m in _CLOSE[style].finditer(segment)}
    marks = []
    for offset in sorted(opens | closes):
        if offset in opens and offset in closes:
            kind = "either"
        else:
            kind = "open" if offset in opens else "close"
        marks.append((paragraph.start + offset, kind))
    return marks


def _pair(text: str, paragraphs: Sequence[Paragraph], style: str) -> list[Quoted]:
    width = 2 if style == "doubled" else 1
    pairs: list[Quoted] = []
    pending: int | None = None
    pending_paragraphs = 0
    previous: Paragraph | None = None
    for paragraph in paragraphs:
        marks = _marks(text, paragraph, style)
        if pending is not None:
            first = marks[0] if marks else None
            reopens = first is not None and first[0] == paragraph.start and first[1] != "close"
            closes_here = any(kind != "open" for _, kind in marks)
            if reopens and previous is not None and _LABEL.match(text, paragraph.start + width):
                # a quoted transcript: each speaker's line is a passage of its own
                pairs.append(Quoted(pending, previous.end, style))
                pending, pending_paragraphs = None, 0
            elif reopens:
                marks = marks[1:]
            elif not closes_here or pending_paragraphs >= MAX_PARAGRAPHS:
                pending = None
        for offset, kind in marks:
            if pending is None:
                if kind != "close":
                    pending, pending_paragraphs = offset, 0
            elif kind != "open":
                pairs.append(Quoted(pending, offset + width, style))
                pending = None
            else:
                pending, pending_paragraphs = offset, 0
        if pending is not None:
            pending_paragraphs += 1
        previous = paragraph
    return pairs


def _outermost(found: list[Quoted]) -> list[Quoted]:
    """Drop passages nested inside another (a quote within a quote stays part of it)."""
    kept: list[Quoted] = []
    for quoted in found:
        if kept and quoted.start < kept[-1].end:
            continue
        kept.append(quoted)
    return kept


def pieces_in(quoted: list[Quoted], paragraph: Paragraph) -> dict[Quoted, tuple[int, int]]:
    """The quoted passages touching a paragraph, clipped to it, each mapped to its whole span.

    A quote running over several paragraphs is offered to each of them, so the
    cue can be in the first (``Lee said, "...``) or the last (``...," Lee said``);
    the record gets the whole quote once.
    """
    return {
        replace(q, start=max(q.start, paragraph.start), end=min(q.end, paragraph.end)): (
            q.start,
            q.end,
        )
        for q in quoted
        if q.start < paragraph.end and paragraph.start < q.end
    }


def by_paragraph(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` cut where a paragraph of ``text`` ends: a quote running over several
    paragraphs stays one record, with a piece for each paragraph, as it is printed and
    as a quote interrupted by its cue is (``"We are ready," she said. "The rest ..."``)."""
    pieces = []
    for start, end in spans:
        for piece in _PARAGRAPH_BREAK.split(text[start:end]):
            stripped = piece.strip()
            if stripped:
                at = text.index(stripped, start)
                pieces.append((at, at + len(stripped)))
                start = at + len(stripped)
    return pieces


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def run_on(span: tuple[int, int], pieces: dict[Quoted, tuple[int, int]]) -> tuple[int, int]:
    """``span`` run on to the end of the quote it ends with, when that quote goes on into
    later paragraphs: a transcript line (``"PENCE: Well, ...``) answered over several
    paragraphs is one statement, whose later paragraphs are not another record."""
    for piece, (_, end) in pieces.items():
        if end > piece.end and piece.start <= span[0] < piece.end - 2 <= span[1] <= piece.end:
            return span[0], end
    return span


def only_quoted(text: str, paragraph: Paragraph, pieces: dict[Quoted, tuple[int, int]]) -> bool:
    """The paragraph is a pull quote: quoted words and nothing else to read."""
    spans = [piece.span for piece in pieces]
    outside = blanked(text[paragraph.start : paragraph.end], paragraph.start, spans)
    return bool(pieces) and not any(c.isalnum() for c in outside)


def blanked(text: str, begin: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (which starts at article offset ``begin``) with the characters of
    ``spans`` (article offsets) turned to spaces, so that offsets still line up."""
    for start, end in spans:
        cut_from, cut_to = max(start - begin, 0), min(end - begin, len(text))
        if cut_from < cut_to:
            text = text[:cut_from] + " " * (cut_to - cut_from) + text[cut_to:]
    return text
