"""The plugin's pages: search, charts, and what the quote, article and speaker rows show.

Each row page answers its question first (who said what, when, where) and keeps
Datasette's table of every column below it. Text is handed to the templates as
plain strings in pieces (``(text, quote)``), so Jinja escapes every word.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple
from urllib.parse import urlencode

from datasette.database import Database
from datasette.utils import tilde_encode, urlsafe_components
from datasette.utils.asgi import AsgiStream, Base400, Response

from ...ingest.dates import without_header
from .. import export
from ..search import FACETS, SYNTAX, QuoteIndex, SearchError

PAGE_SIZE = 20
STANCES = ("support", "neutral", "oppose")
STANCE_COLOURS = {"support": "#2b8a3e", "neutral": "#868e96", "oppose": "#c92a2a"}
_checked: dict[str, tuple] = {}


async def _quotes_database(datasette, request):
    wanted = request.args.get("db")
    for name, db in datasette.databases.items():
        if name == "_internal" or not db.path or wanted not in (None, name):
            continue
        if await db.table_exists("quotes"):
            return name, db
    return None, None


def _no_database(request) -> Response:
    wanted = request.args.get("db")
    named = f" named {wanted!r}" if wanted else ""
    return Response.text(f"error: no database with a quotes table{named}\n", status=404)


def _stamp(path: str, quote_index: QuoteIndex) -> tuple[int, ...]:
    return tuple(
        os.stat(name).st_mtime_ns if os.path.exists(name) else 0
        for name in (path, path + "-wal", quote_index.directory)
    )


def _current_index(path: str) -> tuple[QuoteIndex, str | None]:
    """The index of ``path``, rebuilt if stale; checked again only when the files change."""
    quote_index = QuoteIndex(path)
    if _checked.get(path) == _stamp(path, quote_index):
        return quote_index, None
    try:
        quote_index.ensure_current()
    except Exception as error:  # noqa: BLE001 - a read-only database still gets searched
        return quote_index, f"The search index may be out of date ({error}); run quotedb index."
    _checked[path] = _stamp(path, quote_index)
    return quote_index, None


class _Asked(NamedTuple):
    """What a search request asks: of which database, which words, narrowed how."""

    name: str
    db: Database
    text: str
    narrow: dict[str, str]


async def _asked(datasette, request) -> _Asked | Response:
    name, db = await _quotes_database(datasette, request)
    if db is None:
        return _no_database(request)
    narrow = {facet: request.args[facet] for facet in FACETS if request.args.get(facet)}
    return _Asked(name, db, request.args.get("q", "").strip(), narrow)


def _url(datasette, path: str, params: dict[str, str]) -> str:
    query = urlencode({name: value for name, value in params.items() if value})
    return datasette.urls.path(path) + (f"?{query}" if query else "")


def _row_url(datasette, database: str, table: str, key: object) -> str | None:
    if key is None:
        return None
    return f"{datasette.urls.table(database, table)}/{tilde_encode(str(key))}"


async def search_page(datasette, request):
    asked = await _asked(datasette, request)
    if isinstance(asked, Response):
        return asked
    name, db, text, narrow = asked
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    params = {"q": text, **narrow}
    if request.args.get("db"):
        params["db"] = name
    context = {
        "q": text,
        "database": name,
        "narrow": narrow,
        "results": None,
        "error": None,
        "syntax": SYNTAX,
    }
    if text:
        quote_index, warning = await asyncio.to_thread(_current_index, db.path)
        context["warning"] = warning
        try:
            results = await asyncio.to_thread(
                quote_index.search, text, PAGE_SIZE, page, narrow, True
            )
        except SearchError as error:
            context["error"] = str(error)
        else:
            context.update(_results_context(datasette, name, text, params, page, results))
    return Response.html(
        await datasette.render_template("quotedb_search.html", context, request=request)
    )


def _results_context(datasette, name: str, text: str, params: dict, page: int, results) -> dict:
    """What the search page shows around its hits: facets, filters, downloads, pages."""
    context = {"results": results}
    context["facets"] = [
        (
            facet,
            [
                (value, count, _url(datasette, "/-/search", {**params, facet: value}))
                for value, count in list(values.items())[:15]
            ],
        )
        for facet, values in results.facets.items()
    ]
    context["remove"] = [
        (facet, params[facet], _url(datasette, "/-/search", {**params, facet: ""}))
        for facet in FACETS
        if params.get(facet)
    ]
    if results.suggestion:
        context["suggestion_url"] = _url(
            datasette, "/-/search", {**params, "q": results.suggestion}
        )
    context["statements_url"] = (
        datasette.urls.table(name, "statements") + "?" + urlencode({"_search": text})
    )
    context["downloads"] = {
        fmt: _url(datasette, f"/-/search.{fmt}", params) for fmt in ("csv", "json")
    }
    pages = -(-results.total // PAGE_SIZE)
    if page < pages:
        context["next_url"] = _url(datasette, "/-/search", {**params, "page": str(page + 1)})
    context["page"], context["pages"] = page, pages
    context["links"] = {
        hit.id: {
            "quote": _row_url(datasette, name, "quotes", hit.id),
            "article": _row_url(datasette, name, "articles", hit.article_id),
            "speaker": _row_url(datasette, name, "speakers", hit.speaker_id),
        }
        for hit in results.hits
    }
    return context


async def search_download(datasette, request):
    """The whole result set (not just the page) as CSV or a JSON array, streamed."""
    asked = await _asked(datasette, request)
    if isinstance(asked, Response):
        return asked
    _, db, text, narrow = asked
    filters = export.Filters(
        speaker=narrow.get("speaker"),
        stance=narrow.get("stance"),
        type=narrow.get("type"),
        search=text or None,
    )
    quote_index, _ = await asyncio.to_thread(_current_index, db.path)
    try:
        if text:
            await asyncio.to_thread(quote_index.search, text, 1)
    except SearchError as error:
        return Response.text(f"error: {error}\n", status=400)
    fmt = request.url_vars["format"]

    async def stream(writer) -> None:
        pieces = export.pieces(export.rows(db.path, filters), fmt)
        while batch := await asyncio.to_thread(_take, pieces, 500):
            await writer.write("".join(batch))

    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    headers = {"content-disposition": f'attachment; filename="quotes-search.{fmt}"'}
    return AsgiStream(stream, headers=headers, content_type=content_type)


def _take(items: Iterator[str], count: int) -> list[str]:
    return list(itertools.islice(items, count))


async def row_context(datasette, database: str, table: str, request) -> dict:
    """The facts and lists a quote, article, speaker or statement page shows above its row."""
    db = datasette.get_database(database)
    (key,) = urlsafe_components(request.url_vars["pks"])
    if table == "quotes":
        quote = await _quote(datasette, db, database, key)
        return {
            "quote": quote,
            "quote_id": key,
            "quote_in_context": await _quote_in_context(db, key),
        }
    if table == "articles":
        quotes = await _article_quotes(datasette, db, database, key)
        article = await _article(db, key)
        paragraphs = await _marked_text(db, key, quotes)
        if article and paragraphs and _plain(paragraphs[0]) == article["title"]:
            paragraphs = paragraphs[1:]  # the headline, shown as the page's title
        return {"article": article, "article_quotes": quotes, "article_text": paragraphs}
    if table == "speakers":
        return {"speaker_id": key, "speaker": await _speaker(datasette, db, database, key)}
    return {"occurrences": await _occurrences(datasette, db, database, key)}


async def _quote(datasette, db, database: str, quote_id: str) -> dict | None:
    """The quote with its speaker (name, role) and article (title, outlet, date)."""
    rows = await db.execute(
        "select quotes.*, speakers.name as speaker, articles.title, articles.source,"
        " articles.published, articles.url from quotes"
        " left join speakers on speakers.id = quotes.speaker_id"
        " left join articles on articles.id = quotes.article_id where quotes.id = ?",
        [quote_id],
    )
    row = rows.first()
    if row is None:
        return None
    return {
        **dict(row),
        "speaker_url": _row_url(datasette, database, "speakers", row["speaker_id"]),
        "article_url": _row_url(datasette, database, "articles", row["article_id"]),
    }


async def _quote_in_context(db, quote_id: str) -> dict | None:
    """The quote's paragraph split into (text, is_quote) pieces."""
    rows = await db.execute(
        "select quotes.spans, articles.text from quotes join articles"
        " on articles.id = quotes.article_id where quotes.id = ?",
        [quote_id],
    )
    row = rows.first()
    if row is None or not row["text"]:
        return None
    text = row["text"]
    spans = sorted((int(s), int(e)) for s, e in json.loads(row["spans"] or "[]"))
    if not spans:
        return None
    start = text.rfind("\n", 0, spans[0][0]) + 1
    end = text.find("\n", spans[-1][1])
    end = len(text) if end == -1 else end
    pieces, cursor = [], start
    for span_start, span_end in spans:
        pieces += [(text[cursor:span_start], False), (text[span_start:span_end], True)]
        cursor = span_end
    pieces.append((text[cursor:end], False))
    return {"pieces": [piece for piece in pieces if piece[0]]}


async def _article(db, article_id: str) -> dict | None:
    rows = await db.execute(
        "select id, title, source, published, url from articles where id = ?", [article_id]
    )
    row = rows.first()
    return dict(row) if row else None


async def _article_quotes(datasette, db, database: str, article_id: str) -> list[dict]:
    rows = await db.execute(
        "select quotes.id, quotes.text, quotes.type, quotes.stance, quotes.date,"
        " quotes.spans, quotes.speaker_id, speakers.name as speaker from quotes"
        " left join speakers on speakers.id = quotes.speaker_id"
        " where quotes.article_id = ? order by quotes.start",
        [article_id],
    )
    return [
        {
            **dict(row),
            "number": number,
            "url": _row_url(datasette, database, "quotes", row["id"]),
            "speaker_url": _row_url(datasette, database, "speakers", row["speaker_id"]),
        }
        for number, row in enumerate(rows.rows, start=1)
    ]


async def _marked_text(db, article_id: str, quotes: list[dict]) -> list[list[tuple]]:
    """The article as paragraphs of ``(text, quote or None)`` pieces, every quote span marked.

    Spans that overlap one already marked are marked from where it ends.
    """
    rows = await db.execute("select text from articles where id = ?", [article_id])
    row = rows.first()
    if row is None or not row["text"]:
        return []
    text = row["text"]
    spans = sorted(
        (int(start), int(end), quote)
        for quote in quotes
        for start, end in json.loads(quote["spans"] or "[]")
    )
    pieces, cursor = [], 0
    for start, end, quote in spans:
        start = max(start, cursor)
        if start >= end:
            continue
        pieces += [(text[cursor:start], None), (text[start:end], quote)]
        cursor = end
    pieces.append((text[cursor:], None))
    paragraphs: list[list[tuple]] = [[]]
    for piece, quote in pieces:
        lines = piece.split("\n") if quote is None else [piece]
        for number, line in enumerate(lines):
            if number:
                paragraphs.append([])
            if line:
                paragraphs[-1].append((line, quote))
    return [paragraph for paragraph in paragraphs if "".join(p for p, _ in paragraph).strip()]


def _plain(paragraph: list[tuple]) -> str:
    """A paragraph's words without a ``date 2025-10-14`` header: to compare with the title."""
    return without_header("".join(piece for piece, _ in paragraph).strip())


async def _speaker(datasette, db, database: str, speaker_id: str) -> dict | None:
    """Who a speaker is (aliases, roles over time) and what they said, newest first."""
    rows = await db.execute(
        "select id, name, kind, role, aliases from speakers where id = ?", [speaker_id]
    )
    row = rows.first()
    if row is None:
        return None
    roles = await db.execute(
        "select role, min(date) as since, max(date) as until, count(*) as quotes from quotes"
        " where speaker_id = ? and role != '' group by role order by since is null, since",
        [speaker_id],
    )
    quotes = await db.execute(
        "select quotes.id, quotes.text, quotes.stance, quotes.type, quotes.date,"
        " quotes.date_source, quotes.article_id, articles.title from quotes"
        " join articles on articles.id = quotes.article_id where quotes.speaker_id = ?"
        " order by quotes.date is null, quotes.date desc, quotes.article_id, quotes.start",
        [speaker_id],
    )
    months = await db.execute(
        "select substr(date, 1, 7) as month, stance, count(*) as n from quotes"
        " where speaker_id = ? and length(date) >= 7 group by month, stance order by month",
        [speaker_id],
    )
    counts = {stance: 0 for stance in STANCES}
    for quote in quotes.rows:
        counts[quote["stance"] or "neutral"] += 1
    name = row["name"]
    return {
        **dict(row),
        "aliases": json.loads(row["aliases"] or "[]"),
        "roles": [dict(role) for role in roles.rows],
        "counts": counts,
        "undated": sum(1 for quote in quotes.rows if not quote["date"]),
        "quotes": [
            {
                **dict(quote),
                "url": _row_url(datasette, database, "quotes", quote["id"]),
                "article_url": _row_url(datasette, database, "articles", quote["article_id"]),
            }
            for quote in quotes.rows
        ],
        "timeline": _timeline(months.rows),
        "colours": STANCE_COLOURS,
        "search_url": _url(datasette, "/-/search", {"q": f'speaker:"{name}"'}),
        "csv_url": _url(datasette, "/-/search.csv", {"speaker": name}),
    }


async def _occurrences(datasette, db, database: str, statement_id: str) -> list[dict]:
    """Where and when a statement was printed, oldest first: how it spread."""
    rows = await db.execute(
        "select quote_id, article_id, seen, outlet, title, text from statement_occurrences"
        " where statement_id = ? order by seen is null, seen, outlet",
        [statement_id],
    )
    return [
        {
            **dict(row),
            "url": _row_url(datasette, database, "quotes", row["quote_id"]),
            "article_url": _row_url(datasette, database, "articles", row["article_id"]),
        }
        for row in rows.rows
    ]


async def charts_page(datasette, request):
    name, db = await _quotes_database(datasette, request)
    if db is None:
        return _no_database(request)
    months = await db.execute(
        "select substr(date, 1, 7) as month, stance, count(*) as n from quotes"
        " where length(date) >= 7 group by month, stance order by month"
    )
    undated = await db.execute("select count(*) from quotes where date is null or length(date) < 7")
    opposers = await db.execute(
        "select speakers.id, speakers.name, sum(quotes.stance = 'oppose') as oppose,"
        " count(*) as total from quotes join speakers on speakers.id = quotes.speaker_id"
        " group by speakers.id having oppose > 0 order by oppose desc, total, speakers.name"
        " limit 10"
    )
    speakers = await db.execute(
        "with top as (select speaker_id, count(*) as total from quotes"
        " where speaker_id is not null group by speaker_id order by total desc limit 15)"
        " select speakers.name, quotes.stance, count(*) as n, top.total from quotes"
        " join top on top.speaker_id = quotes.speaker_id"
        " join speakers on speakers.id = quotes.speaker_id"
        " group by speakers.name, quotes.stance order by top.total desc, speakers.name"
    )
    context = {
        "database": name,
        "colours": STANCE_COLOURS,
        "timeline": _timeline(months.rows),
        "undated": undated.first()[0],
        "opposers": [
            {**dict(row), "url": _row_url(datasette, name, "speakers", row["id"])}
            for row in opposers.rows
        ],
        "speakers": _bars(speakers.rows, "name"),
    }
    return Response.html(
        await datasette.render_template("quotedb_charts.html", context, request=request)
    )


def _stacked(groups: dict[str, dict[str, int]]) -> list[dict]:
    """Each group's stance counts as stacked segments: offset and size per stance."""
    stacked = []
    for label, counts in groups.items():
        offset, segments = 0, []
        for stance in STANCES:
            if counts.get(stance):
                segments.append({"stance": stance, "offset": offset, "size": counts[stance]})
                offset += counts[stance]
        stacked.append({"label": label, "total": offset, "segments": segments})
    return stacked


def _timeline(rows) -> dict:
    """Monthly bars from the first month to the last, empty months included, each labelled
    as a month (``Oct 2025``)."""
    found = {row["month"] for row in rows}
    months = []
    if found:
        year, month = map(int, min(found).split("-"))
        while f"{year:04d}-{month:02d}" <= max(found):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    timeline = _bars(rows, "month", months)
    for bar in timeline["bars"]:
        bar["month"] = date.fromisoformat(bar["label"] + "-01").strftime("%b %Y")
    return timeline


def _bars(rows, label: str, labels: list[str] = ()) -> dict:
    """Stacked bars of ``rows``' counts by ``label``; every one of ``labels`` gets a bar."""
    groups: dict[str, dict[str, int]] = {name: {} for name in labels}
    for row in rows:
        groups.setdefault(row[label], {})[row["stance"] or "neutral"] = row["n"]
    bars = _stacked(groups)
    return {"bars": bars, "max": max((bar["total"] for bar in bars), default=1)}


async def client_error(datasette, request, exception: Base400) -> Response:
    """Datasette's error page (or JSON) for a 4xx, without printing a traceback."""
    status, message = exception.status, exception.args[0] if exception.args else ""
    info = {"ok": False, "error": message, "status": status, "title": None}
    if request.path.endswith(".json"):
        return Response.json(info, status=status)
    html = await datasette.render_template([f"{status}.html", "error.html"], info, request=request)
    return Response.html(html, status=status)
