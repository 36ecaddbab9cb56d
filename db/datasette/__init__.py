"""quotedb's Datasette plugin: the search page, charts, and quote, article and speaker pages.

Registered through the ``datasette`` entry point, so ``datasette quotes.db -m
metadata.json`` has it as well as ``quotedb serve``. This package holds only the
hooks; Datasette finds ``templates/`` and ``static/`` beside it by itself, as it
does for any plugin package. Pages work for any database file name: they use the
first attached database that has a ``quotes`` table (or ``?db=NAME``). Every piece
of quote or article text reaches the page through Jinja's autoescaping, never as
markup, because quotes can contain HTML.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import tilde_encode
from datasette.utils.asgi import Base400
from markupsafe import Markup, escape

from . import facets, pages

PLUGIN = "quotedb"  # the entry point name, which Datasette serves static files by
QUOTE_TABLES = ("quotes", "articles", "speakers", "statements")
# Long text columns of the table pages, shown in a few lines (the row page has all of it).
CLIPPED = {"text": "", "context": "short", "stance_evidence": "short", "spans": "short"}
# The column that names a row, linked to its page: a speaker's name, an article's title.
NAMING = {"speakers": "name", "articles": "title"}


@cache
def _quotes_configuration() -> dict:
    text = resources.files("quotedb").joinpath("metadata.json").read_text(encoding="utf-8")
    return json.loads(text)["databases"]["quotes"]


@hookimpl
def prepare_connection(conn) -> None:
    # A search or facet over a million quotes reads much of the quotes table;
    # reading it mapped, not copied page by page into SQLite's cache, is ~1.5x faster.
    conn.execute("pragma mmap_size = 4294967296")


@hookimpl(hookwrapper=True)
def register_facet_classes():
    """Our column facet in place of Datasette's: the same results, counted from memory.

    One class for the ``column`` type means a facet configured in metadata and the
    same facet asked for in the URL (``_facet=stance``) are one facet, not two.
    """
    outcome = yield
    classes = [
        [facets.CountedFacet if klass is ColumnFacet else klass for klass in found]
        for found in outcome.get_result()
    ]
    outcome.force_result(classes)


@hookimpl
def startup(datasette):
    async def load_facet_columns():
        await facets.load_columns(datasette)

    return load_facet_columns


@hookimpl
def get_metadata(datasette, key, database, table):
    """The quotes tables' facets, labels and canned queries for any database file name.

    ``metadata.json`` configures a database called ``quotes``; a user's
    ``news.db`` has the same tables and deserves the same configuration. ``quotedb
    serve`` does not need this hook (it writes the configuration under the
    database's own name, which Datasette 1.0 reads too); it serves ``datasette
    news.db`` run by hand, on the 0.65 line only: 1.0 drops ``get_metadata``.
    """
    names = [name for name in datasette.databases if not name.startswith("_")]
    return {"databases": {name: _quotes_configuration() for name in names}}


@hookimpl
def register_routes():
    return [
        (r"^/-/search$", pages.search_page),
        (r"^/-/search\.(?P<format>csv|json)$", pages.search_download),
        (r"^/-/charts$", pages.charts_page),
    ]


@hookimpl
def menu_links(datasette):
    return [
        {"href": datasette.urls.path("/-/search"), "label": "Search quotes"},
        {"href": datasette.urls.path("/-/charts"), "label": "Quote charts"},
    ]


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "quotedb.css")]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Stance as a coloured label, long text cut to a few lines, names linked to their page."""
    if table not in QUOTE_TABLES or not isinstance(value, str):
        return None
    if NAMING.get(table) == column and "id" in row.keys():  # noqa: SIM118 - Row: in = values
        url = datasette.urls.row(database, table, tilde_encode(str(row["id"])))
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    if column == "stance" and value:
        return Markup(f'<span class="quotedb-stance stance-{escape(value)}">{escape(value)}</span>')
    if column in CLIPPED and table in ("quotes", "statements"):
        return Markup(f'<div class="quotedb-clip {CLIPPED[column]}">{escape(value)}</div>')
    return None


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    """The row pages' facts and lists, and the search link every page shows."""
    shared = {"quotedb_search_url": datasette.urls.path("/-/search")}
    if view_name != "row" or table not in QUOTE_TABLES or request is None:
        return shared

    async def row_vars():
        return {**shared, **await pages.row_context(datasette, database, table, request)}

    return row_vars


@hookimpl(hookwrapper=True)
def handle_exception(datasette, request, exception):
    """A page that is not there (404, or any 4xx) is one access-log line, not a traceback.

    Datasette's own handler prints every exception with its local variables, so
    for a 4xx ours takes its place (other plugins' handlers still come first);
    it still handles real errors (5xx), whose traceback a maintainer needs.
    """
    outcome = yield
    if isinstance(exception, Base400):
        others = [
            found
            for found in outcome.get_result()
            if getattr(found, "__module__", None) != "datasette.handle_exception"
        ]
        outcome.force_result([*others, pages.client_error(datasette, request, exception)])
