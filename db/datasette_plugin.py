"""quotedb's Datasette plugin: the search page, charts and richer quote and article pages.

Registered through the ``datasette`` entry point, so ``datasette quotes.db -m
metadata.json`` has it as well as ``quotedb serve``. Pages work for any database
file name: they use the first attached database that has a ``quotes`` table
(or ``?db=NAME``). Every piece of quote or article text reaches the page through
Jinja's autoescaping, never as markup, because quotes can contain HTML.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.database import Database
from datasette.utils import tilde_encode, urlsafe_components
from datasette.utils.asgi import AsgiStream, Response

from . import export, facets
from .search import FACETS, QuoteIndex, SearchError

TEMPLATES = Path(__file__).with_name("templates")
PAGE_SIZE = 20
STANCES = ("support", "neutral", "oppose")
STANCE_COLOURS = {"support": "#2b8a3e", "neutral": "#868e96", "oppose": "#c92a2a"}
_checked: dict[str, tuple] = {}


@hookimpl
def prepare_jinja2_environment(env, datasette) -> None:
    # A module plugin gets no templates directory of its own; add ours just ahead
    # of Datasette's defaults so a user's --template-dir still wins.
    env.loader.loaders[0].searchpath.insert(-1, str(TEMPLATES))


@cache
def _quotes_configuration() -> dict:
    text = resources.files("quotedb").joinpath("metadata.json").read_text(encoding="utf-8")
    return json.loads(text)["databases"]["quotes"]


@hookimpl
def prepare_connection(conn) -> None:
    # A search or facet over a million quotes reads much of the quotes table;
    # reading it mapped, not copied page by page into SQLite's cache, is ~1.5x faster.
    conn.execute("pragma mmap_size = 4294967296")


@hookimpl
def register_facet_classes():
    return [facets.CountedFacet]


@hookimpl
def startup(datasette):
    async def load_facet_columns():
        await facets.load_columns(datasette)

    return load_facet_columns


@hookimpl
def get_metadata(datasette, key, database, table):
    """The quotes tables' facets, labels and canned queries for any database file name.

    ``metadata.json`` configures a database called ``quotes``; a user's
    ``news.db`` has the same tables and deserves the same configuration. A
    ``-m metadata.json`` given on the command line still takes precedence.
    """
    names = [name for name in datasette.databases if not name.startswith("_")]
    return {"databases": {name: _quotes_configuration() for name in names}}


@hookimpl
def register_routes():
    return [
        (r"^/-/search$", search_page),
        (r"^/-/search\.(?P<format>csv|json)$", search_download),
        (r"^/-/charts$", charts_page),
    ]


@hookimpl
def menu_links(datasette):
    return [
        {"href": datasette.urls.path("/-/search"), "label": "Search quotes"},
        {"href": datasette.urls.path("/-/charts"), "label": "Quote charts"},
    ]


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table not in ("quotes", "articles", "statements") or request is None:
        return {}

    async def row_vars():
        db = datasette.get_database(database)
        (key,) = urlsafe_components(request.url_vars["pks"])
        if table == "quotes":
            return {"quote_in_context": await _quote_in_context(db, key)}
        if table == "statements":
            return {"occurrences": await _occurrences(db, database, key, datasette)}
        return {"article_quotes": await _article_quotes(db, database, key, datasette)}

    return row_vars


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
    context = {"q": text, "database": name, "narrow": narrow, "results": None, "error": None}
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
            context["results"] = results
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
                (facet, value, _url(datasette, "/-/search", {**params, facet: ""}))
                for facet, value in narrow.items()
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
                context["next_url"] = _url(
                    datasette, "/-/search", {**params, "page": str(page + 1)}
                )
            context["page"], context["pages"] = page, pages
            context["links"] = {hit.id: _links(datasette, name, hit) for hit in results.hits}
    return Response.html(
        await datasette.render_template("quotedb_search.html", context, request=request)
    )


def _links(datasette, database: str, hit) -> dict[str, str | None]:
    def row(table: str, key: object) -> str:
        return datasette.urls.table(database, table) + "/" + tilde_encode(str(key))

    return {
        "quote": row("quotes", hit.id),
        "article": row("articles", hit.article_id),
        "speaker": row("speakers", hit.speaker_id) if hit.speaker_id is not None else None,
    }


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


async def _article_quotes(db, database: str, article_id: str, datasette) -> list[dict]:
    return await _linked_rows(
        datasette,
        db,
        database,
        "select quotes.id, quotes.text, quotes.type, quotes.stance, quotes.date,"
        " quotes.speaker_id, speakers.name as speaker from quotes"
        " left join speakers on speakers.id = quotes.speaker_id"
        " where quotes.article_id = ? order by quotes.start",
        [article_id],
        {"url": ("quotes", "id"), "speaker_url": ("speakers", "speaker_id")},
    )


async def _occurrences(db, database: str, statement_id: str, datasette) -> list[dict]:
    """Where and when a statement was printed, oldest first: how it spread."""
    return await _linked_rows(
        datasette,
        db,
        database,
        "select quote_id, article_id, seen, outlet, title, text from statement_occurrences"
        " where statement_id = ? order by seen is null, seen, outlet",
        [statement_id],
        {"url": ("quotes", "quote_id"), "article_url": ("articles", "article_id")},
    )


async def _linked_rows(
    datasette, db, database: str, sql: str, params: list, links: dict[str, tuple[str, str]]
) -> list[dict]:
    """Rows of ``sql``, each with the row-page URL of ``links``' ``name: (table, key column)``."""

    def url(table: str, key: object) -> str | None:
        if key is None:
            return None
        return f"{datasette.urls.table(database, table)}/{tilde_encode(str(key))}"

    rows = await db.execute(sql, params)
    return [
        {**dict(row), **{name: url(table, row[column]) for name, (table, column) in links.items()}}
        for row in rows.rows
    ]


async def charts_page(datasette, request):
    name, db = await _quotes_database(datasette, request)
    if db is None:
        return _no_database(request)
    months = await db.execute(
        "select substr(date, 1, 7) as month, stance, count(*) as n from quotes"
        " where date is not null and length(date) >= 7 group by month, stance order by month"
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
        "timeline": _bars(months.rows, "month"),
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


def _bars(rows, label: str) -> dict:
    groups: dict[str, dict[str, int]] = {}
    for row in rows:
        groups.setdefault(row[label], {})[row["stance"] or "neutral"] = row["n"]
    bars = _stacked(groups)
    return {"bars": bars, "max": max((bar["total"] for bar in bars), default=1)}
