"""The write side of quotedb's Datasette: one endpoint, ``POST /-/corrections``, and the
review forms on quote and speaker pages.

A second Datasette plugin (entry point ``quotedb_corrections``) beside the read-only
one, so that every write passes the same checks: Datasette's actor (signed in with
``datasette-auth-passwords``, Datasette's ``--root`` link, or a Bearer token from
``datasette-auth-tokens`` for scripts), the ``quotedb-correct`` permission, and
Datasette's CSRF protection for forms. Without the permission a request gets 403
and changes nothing. Reading stays open to everyone.

Who holds the permission: actors matching the ``allow`` block of this plugin's
configuration (``"plugins": {"quotedb-corrections": {"allow": {"id": ["ann"]}}}``,
Datasette's allow-block syntax), by default only ``root``.
"""

from __future__ import annotations

import asyncio
import json

import sqlite_utils
from datasette import hookimpl
from datasette.utils import actor_matches_allow, tilde_encode, urlsafe_components
from datasette.utils.asgi import Response

from .. import corrections, load, statements
from ..schema import NOT_QUOTES

PERMISSION = "quotedb-correct"
PLUGIN = "quotedb-corrections"
DEFAULT_ALLOW = {"id": "root"}


@hookimpl
def register_routes():
    return [(r"^/-/corrections$", corrections_endpoint)]


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    if action != PERMISSION:
        return None
    allow = (datasette.plugin_config(PLUGIN) or {}).get("allow", DEFAULT_ALLOW)
    return actor is not None and actor_matches_allow(actor, allow)


async def corrections_endpoint(datasette, request) -> Response:
    """Record one correction: ``quote`` (a quote id) or ``speaker`` (a speaker id), ``field``,
    ``value`` and an optional ``note``; ``db`` names the database when there are several.

    A form post is redirected to the row's page; JSON gets ``{"ok": true, "articles":
    [...]}`` or ``{"ok": false, "error": ...}``.
    """
    if request.method != "POST":
        return Response.text("POST a correction here\n", status=405, headers={"allow": "POST"})
    wants_json = request.headers.get("content-type", "").startswith("application/json")
    try:
        data = json.loads(await request.post_body() or b"{}") if wants_json else None
    except ValueError:
        return _error("the body is not JSON", 400, True)
    if data is None:
        data = dict(await request.post_vars())
    if not isinstance(data, dict):
        return _error("the body must be a JSON object", 400, wants_json)
    name = await _database(datasette, data.get("db") or request.args.get("db"))
    if name is None:
        return _error("no database with a quotes table", 404, wants_json)
    if not await datasette.permission_allowed(request.actor, PERMISSION, name, default=False):
        return _error(f"correcting needs the {PERMISSION} permission", 403, wants_json)
    quote, speaker = data.get("quote"), data.get("speaker")
    if bool(quote) == bool(speaker):
        return _error("give a quote id or a speaker id", 400, wants_json)
    field, value = str(data.get("field") or ""), str(data.get("value") or "")
    note = str(data.get("note") or "") or None
    actor = str(request.actor["id"])

    def write(conn) -> corrections.Applied:
        db = sqlite_utils.Database(conn)
        db.execute(f"pragma busy_timeout = {load.BUSY_TIMEOUT_MS}")
        with load.write_transaction(db):
            if quote:
                applied = corrections.correct_quote(db, str(quote), field, value, actor, note)
            elif str(speaker).isdigit():
                applied = corrections.correct_speaker(db, int(speaker), field, value, actor, note)
            else:
                raise corrections.CorrectionError(f"no speaker {speaker!r}")
        statements.link(db)  # the statements of quotes that changed speaker or left
        return applied

    database = datasette.get_database(name)
    try:
        applied = await database.execute_write_fn(write, block=True)
    except corrections.CorrectionError as error:
        return _error(str(error), 400, wants_json)
    await asyncio.to_thread(corrections.refresh_index, database.path, applied.articles)
    if wants_json:
        return Response.json({"ok": True, "articles": sorted(applied.articles)})
    return Response.redirect(await _landing(datasette, name, quote, speaker, value), status=303)


async def _landing(datasette, name: str, quote, speaker, value: str) -> str:
    """The page of the corrected row where it is now: a quote set aside is in not_quotes, a
    speaker merged away is the speaker it was merged into."""
    db = datasette.get_database(name)
    if quote:
        for table in ("quotes", NOT_QUOTES):
            if (await db.execute(f"select 1 from {table} where id = ?", [quote])).first():
                return f"{datasette.urls.table(name, table)}/{tilde_encode(str(quote))}"
        return datasette.urls.table(name, "quotes")
    found = await db.execute(
        "select id from speakers where id = ? or name = ? order by id = ? desc limit 1",
        [speaker, value, speaker],
    )
    row = found.first()
    if row is None:
        return datasette.urls.table(name, "speakers")
    return f"{datasette.urls.table(name, 'speakers')}/{row[0]}"


def _error(message: str, status: int, wants_json: bool) -> Response:
    if wants_json:
        return Response.json({"ok": False, "error": message}, status=status)
    return Response.text(f"error: {message}\n", status=status)


async def _database(datasette, wanted: str | None) -> str | None:
    """The named database, else the first with a quotes table, if it has one."""
    for name, db in datasette.databases.items():
        usable = name != "_internal" and db.path and wanted in (None, name)
        if usable and await db.table_exists("quotes"):
            return name
    return None


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    """``quotedb_corrections`` for the review box (``quotedb_corrections.html``) of a quote,
    a quote set aside, or a speaker: marks, history, and the forms' settings."""
    if view_name != "row" or table not in ("quotes", NOT_QUOTES, "speakers") or request is None:
        return {}

    async def review():
        db = datasette.get_database(database)
        if not await db.table_exists("corrections"):
            return {}
        (key,) = urlsafe_components(request.url_vars["pks"])
        context = {
            "database": database,
            "action": datasette.urls.path("/-/corrections"),
            "speakers_url": datasette.urls.table(database, "speakers", format="json"),
            "can_correct": await datasette.permission_allowed(
                request.actor, PERMISSION, database, default=False
            ),
            "signed_in": request.actor is not None,
            "login_url": datasette.urls.path("/-/login"),
            "fields": corrections.QUOTE_FIELDS,
        }
        if table == "speakers":
            found = (await db.execute("select name from speakers where id = ?", [key])).first()
            if found is None:
                return {}
            history = await db.execute(
                "select * from corrections where target = 'speaker' and (words = :name"
                " or (field = 'merge' and after = :name)) order by id",
                {"name": found["name"]},
            )
            context |= {"target": "speaker", "key": key, "history": _rows(history)}
        else:
            sql = f"select verified, machine_values from {table} where id = ?"
            found = (await db.execute(sql, [key])).first()
            if found is None:
                return {}
            history = await db.execute(
                "select * from corrections where quote_id = ? order by id", [key]
            )
            context |= {
                "target": "quote",
                "key": key,
                "history": _rows(history),
                "verified": bool(found["verified"]),
                "machine": json.loads(found["machine_values"] or "{}"),
                "set_aside": table == NOT_QUOTES,
            }
        return {"quotedb_corrections": context}

    return review


def _rows(results) -> list[dict]:
    return [dict(row) for row in results.rows]
