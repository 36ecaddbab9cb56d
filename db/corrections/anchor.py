"""Finding a corrected quote again after its article was ingested anew: the quote its
words are now, though the text or the extractor drew them elsewhere."""

from __future__ import annotations

import json
from collections.abc import Iterator

import sqlite_utils

from ..schema import NOT_QUOTES


def _anchor(
    db: sqlite_utils.Database, text: str, article_id: str, words: str, spans: str | None
) -> str | None:
    """The quote of the article that the corrected words are now, if any.

    A quote with the same words, nearest where they were; else the quote that most
    overlaps the words' first piece found nearest where it was (a new model may
    draw the quote's edges elsewhere).
    """
    was = json.loads(spans or "[]") or [[0, len(words)]]
    candidates = [
        (quote_id, quote_words, json.loads(quote_spans or "[]"))
        for table in ("quotes", NOT_QUOTES)
        for quote_id, quote_words, quote_spans in db.execute(
            f"select id, text, spans from {table} where article_id = ?", [article_id]
        )
    ]
    same = [c for c in candidates if c[1] == words and c[2]]
    if same:
        return min(same, key=lambda c: abs(c[2][0][0] - was[0][0]))[0]
    piece = words[: was[0][1] - was[0][0]]
    found = list(_occurrences(text, piece))
    if not found:
        return None
    start = min(found, key=lambda i: abs(i - was[0][0]))
    end = start + len(piece)

    def overlap(candidate: tuple[str, str, list]) -> int:
        return sum(max(0, min(e, end) - max(s, start)) for s, e in candidate[2])

    best = max(candidates, key=overlap, default=None)
    return best[0] if best is not None and overlap(best) > 0 else None


def _occurrences(text: str, piece: str) -> Iterator[int]:
    at = text.find(piece) if piece else -1
    while at != -1:
        yield at
        at = text.find(piece, at + 1)
