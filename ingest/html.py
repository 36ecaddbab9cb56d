"""Read a saved news web page as an article, with trafilatura.

A saved page is mostly not the article: scripts, styles, navigation, share
buttons and footers. trafilatura keeps the main text and the page's own
metadata (title, date, canonical url, site name), so quotes are found in what
the reporter wrote and offsets point into that extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True)
class Page:
    """The article inside one HTML page."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def main_text(raw: bytes) -> Page | None:
    """The article in ``raw`` HTML (any encoding the page declares), or None if none."""
    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not (document.text or "").strip():
        return None
    return Page(
        text=document.text,
        title=document.title or None,
        published=document.date or None,
        url=document.url or None,
        source=document.sitename or None,
    )
