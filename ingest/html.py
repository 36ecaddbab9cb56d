"""Read a saved news web page as an article, with trafilatura.

A saved page is mostly not the article: scripts, styles, navigation, share
buttons and footers. trafilatura keeps the main text and the page's own
metadata (title, date, canonical url, site name), so quotes are found in what
the reporter wrote and offsets point into that extracted text.

A short page is still a page: when the main text is short, trafilatura tries its
own fallback extractors; when it finds none at all (a lone paragraph, a body that
looks like comments), the page's visible text is the article. trafilatura takes
only what starts like a document, so a fragment such as ``<p>...</p>`` is parsed
by lxml, which puts it in a body.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura


def _not_refused(record: logging.LogRecord) -> bool:
    """Drop trafilatura's error line on refusing a fragment: `main_text` reads it anyway."""
    return not record.getMessage().startswith("parsed tree length")


logging.getLogger("trafilatura.utils").addFilter(_not_refused)


@dataclass(frozen=True)
class Page:
    """The article inside one HTML page."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def main_text(raw: bytes, decode: Callable[[bytes], str]) -> Page | None:
    """The article in ``raw`` HTML, or None if the page shows no text at all.

    trafilatura decodes a page by the encoding it declares; ``decode`` turns a
    fragment trafilatura refuses into text, as for any other article file.
    """
    tree = trafilatura.load_html(raw)
    if tree is None:
        try:
            tree = lxml.html.document_fromstring(decode(raw))
        except lxml.etree.ParserError:  # only comments or blanks
            return None
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False
    )
    text = document.text if document is not None else None
    if not (text or "").strip():
        text = trafilatura.html2txt(tree)
    if not text.strip():
        return None
    return Page(
        text=text,
        title=(document and document.title) or None,
        published=(document and document.date) or None,
        url=(document and document.url) or None,
        source=(document and document.sitename) or None,
    )
