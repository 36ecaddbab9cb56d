"""Corrections: what people decided about quotes and speakers, applied on top of extraction.

The ``corrections`` table is the audit trail (who changed which field from what
to what, when, and why) and the source of truth: the quotes table always holds
the extractor's rows with every correction applied, so facets, search and
exports show what a person decided, while ``quotes.machine_values`` keeps what
the extractor said for each field a person changed. A quote a person marked
"not a quote" moves to ``not_quotes`` (out of every view, search and export,
restorable).

Corrections outlive the rows they were made on. A quote correction is keyed by
its article and the quoted words and is anchored again after every ingest of
that article (`apply`): the same words nearest where they were, else the quote
that now covers those words. One whose words are gone is kept with status
``orphaned``. Speaker corrections (``merge`` into another speaker, ``not_a_speaker``)
are keyed by the speaker's name and hold for every article, present and future.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlite_utils

from . import schema, speakers
from .schema import CORRECTIONS, NOT_QUOTES

# Fields a quote correction changes, with the values each accepts (None: any text).
QUOTE_FIELDS: dict[str, tuple[str, ...] | None] = {
    "is_quote": ("0", "1"),
    "verified": ("0", "1"),
    "speaker": None,
    "role": None,
    "stance": ("support", "oppose", "neutral"),
    "type": ("direct", "mixed", "indirect"),
    "date": None,
    "span": None,  # JSON [[start, end], ...]: offsets in the article's text
    "note": None,  # a remark with no change
}
# Fields a speaker correction changes: merge's value is the speaker to merge into.
SPEAKER_FIELDS: dict[str, tuple[str, ...] | None] = {"merge": None, "not_a_speaker": ("1",)}
# Quote fields that are a column of the quotes table, as the extractor fills it.
_COLUMNS = ("role", "stance", "type", "date")
APPLIED, ORPHANED = "applied", "orphaned"
# What makes an imported correction the same as one already here.
_SAME = ("target", "article_id", "words", "field", "after", "actor", "at")


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown quote or speaker, field or value."""


@dataclass
class Applied:
    """What applying corrections changed."""

    articles: set[str] = field(default_factory=set)  # articles whose quotes changed
    speakers_changed: bool = False  # speaker rows were added, changed or deleted
    orphaned: int = 0  # quote corrections whose words are no longer found


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def correct_quote(
    db: sqlite_utils.Database,
    quote_id: str,
    field_name: str,
    value: str,
    actor: str,
    note: str | None = None,
) -> Applied:
    """Record a correction of one quote and apply it. Run inside a write transaction.

    ``value`` for ``speaker`` is a name: an existing speaker's (or alias's), else a
    new speaker.
    """
    row = _quote_row(db, quote_id)
    if row is None:
        raise CorrectionError(f"no quote {quote_id!r}")
    value = _checked(QUOTE_FIELDS, field_name, value)
    if field_name == "span":
        _spans_in(db, row["article_id"], value)
    before = _current(db, row).get(field_name)
    _record(
        db,
        target="quote",
        article_id=row["article_id"],
        quote_id=quote_id,
        words=row["text"],
        spans=row["spans"],
        field=field_name,
        before=before,
        after=value,
        actor=actor,
        note=note,
    )
    return apply(db, [row["article_id"]])


def correct_speaker(
    db: sqlite_utils.Database,
    speaker_id: int,
    field_name: str,
    value: str,
    actor: str,
    note: str | None = None,
) -> Applied:
    """Record a speaker correction and apply it across the corpus. Run inside a write
    transaction. ``merge``'s value: the name (or an alias) of another speaker."""
    row = db.execute("select name, article_id from speakers where id = ?", [speaker_id]).fetchone()
    if row is None:
        raise CorrectionError(f"no speaker {speaker_id!r}")
    value = _checked(SPEAKER_FIELDS, field_name, value)
    if field_name == "merge":
        into = _speaker_named(db, value, row[1])
        if into is None or into == speaker_id:
            raise CorrectionError(f"no other speaker named {value!r} to merge into")
        value = db.execute("select name from speakers where id = ?", [into]).fetchone()[0]
    _record(
        db,
        target="speaker",
        article_id=row[1],
        words=row[0],
        field=field_name,
        before=row[0],
        after=value,
        actor=actor,
        note=note,
    )
    return apply(db, ())


def _checked(fields: dict[str, tuple[str, ...] | None], name: str, value: str) -> str:
    if name not in fields:
        raise CorrectionError(f"unknown field {name!r}; one of: {', '.join(fields)}")
    value = (value or "").strip()
    choices = fields[name]
    if choices is not None and value not in choices:
        raise CorrectionError(f"{name} must be one of: {', '.join(choices)}; not {value!r}")
    if name in ("speaker", "merge") and not value:
        raise CorrectionError(f"{name} needs a speaker's name")
    return value


def _record(db: sqlite_utils.Database, **values: object) -> None:
    values.setdefault("at", _now())
    values.setdefault("status", APPLIED)
    db["corrections"].insert({name: values.get(name) for name in CORRECTIONS if name != "id"})


def import_corrections(db: sqlite_utils.Database, records: Iterable[dict]) -> tuple[int, Applied]:
    """Add exported corrections (`export_corrections`) not already here, and apply them.

    Run inside a write transaction. Returns how many were added and what applying
    them changed. A correction already here (same target, words, field, value,
    actor and time) is skipped, so importing twice adds nothing.
    """
    added, articles, speakers_touched = 0, set(), False
    for number, record in enumerate(records, start=1):
        values = {name: record.get(name) for name in CORRECTIONS if name not in ("id", "status")}
        fields = {"quote": QUOTE_FIELDS, "speaker": SPEAKER_FIELDS}.get(values["target"])
        if fields is None:
            raise CorrectionError(f"correction {number}: target must be quote or speaker")
        try:
            values["after"] = _checked(fields, values["field"], values["after"])
        except CorrectionError as error:
            raise CorrectionError(f"correction {number}: {error}") from None
        if db.execute(
            "select 1 from corrections where " + " and ".join(f"[{key}] is ?" for key in _SAME),
            [values[key] for key in _SAME],
        ).fetchone():
            continue
        _record(db, **values)
        added += 1
        if values["target"] == "quote":
            articles.add(values["article_id"])
        else:
            speakers_touched = True
    applied = apply(db, articles) if articles or speakers_touched else Applied()
    return added, applied


def read_exported(lines: Iterable[str], name: str) -> Iterator[dict]:
    """The corrections of an export (`export_corrections`, one JSON object a line), as
    ``quotedb corrections import`` and the training commands read them; a line that is
    not one is refused, naming ``name`` and the line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not {"target", "field"} <= record.keys():
                raise ValueError("needs at least target and field")
        except ValueError as error:
            raise CorrectionError(f"{name}:{number}: not a correction ({error})") from None
        yield record


def export_corrections(db: sqlite_utils.Database) -> Iterator[dict]:
    """Every correction, oldest first: the anchor (article, quoted words, spans), the field,
    before and after, who, when, the note and whether it still applies; for a quote
    still in the table, also its ``speaker`` and the ``stance_target`` its stance is
    toward, so that ``quotedb train stance --corrections`` can learn from it."""
    if db["corrections"].exists():
        yield from db.query(
            "select corrections.*, speakers.name as speaker, quotes.topic as stance_target"
            " from corrections left join quotes on quotes.id = corrections.quote_id"
            " left join speakers on speakers.id = quotes.speaker_id order by corrections.id"
        )


def apply(
    db: sqlite_utils.Database, article_ids: Iterable[str], reingested: bool = False
) -> Applied:
    """Apply every speaker correction, and the quote corrections of these articles.

    The loader calls this after storing each batch (``reingested``: the
    articles' quotes were just replaced by the extractor's); the correcting
    functions after recording one. Safe to repeat: values are decided from
    what the extractor said (``machine_values``) and the corrections, never
    from a previous application.

    Full-text entries are kept in step unless a bulk load is pending (it
    builds them from every row when it finishes).
    """
    applied = Applied()
    if not db.execute("select 1 from corrections limit 1").fetchone():
        return applied
    ids = sorted(set(article_ids))
    _apply_speakers(db, applied)
    for start in range(0, len(ids), 500):
        _apply_quotes(db, ids[start : start + 500], reingested, applied)
    return applied


def orphaned(db: sqlite_utils.Database) -> list[dict]:
    """Quote corrections whose words were not found at the last ingest of their article."""
    return list(db.query("select * from corrections where status = ? order by id", [ORPHANED]))


# -- speakers --------------------------------------------------------------


def _apply_speakers(db: sqlite_utils.Database, applied: Applied) -> None:
    """Merge or unname every speaker row a standing speaker correction names, oldest first.

    Only quotes still carrying the extractor's speaker move: a quote a person gave
    a speaker keeps it.
    """
    standing = db.execute(
        "select words, article_id, field, after from corrections where target = 'speaker'"
        " and id in (select max(id) from corrections where target = 'speaker'"
        " group by words, ifnull(article_id, '')) order by id"
    ).fetchall()
    for name, scope, field_name, after in standing:
        for (source,) in db.execute(
            "select id from speakers where name = ? and ifnull(article_id, '') = ifnull(?, '')",
            [name, scope],
        ).fetchall():
            into = _speaker_named(db, after, scope) if field_name == "merge" else None
            if field_name == "merge" and into is None:
                with _searchable(db, "speakers", [source]):
                    db.execute("update speakers set name = ? where id = ?", [after, source])
                applied.speakers_changed = True
                continue
            if into == source:
                continue
            moved = _move_machine_quotes(db, source, into, name)
            applied.articles |= moved
            if into is not None:
                _add_aliases(db, into, source)
            with _searchable(db, "speakers", [source]):
                speakers.drop_unquoted(db, [source])
            speakers.refresh_roles(db, [source, into] if into else [source])
            applied.speakers_changed = True


def _move_machine_quotes(
    db: sqlite_utils.Database, source: int, into: int | None, name: str
) -> set[str]:
    """Give ``source``'s quotes whose speaker the extractor chose to ``into``; return their
    articles."""
    articles = set()
    for table in ("quotes", NOT_QUOTES):
        for quote_id, article_id, machine in db.execute(
            f"select id, article_id, machine_values from {table} where speaker_id = ?", [source]
        ).fetchall():
            values = json.loads(machine or "{}")
            if "speaker" in values:
                continue
            values["speaker"] = name
            db.execute(
                f"update {table} set speaker_id = ?, machine_values = ? where id = ?",
                [into, json.dumps(values, ensure_ascii=False), quote_id],
            )
            articles.add(article_id)
    return articles


def _add_aliases(db: sqlite_utils.Database, into: int, source: int) -> None:
    (name, aliases), (into_aliases,) = (
        db.execute("select name, aliases from speakers where id = ?", [source]).fetchone(),
        db.execute("select aliases from speakers where id = ?", [into]).fetchone(),
    )
    merged = set(json.loads(into_aliases or "[]")) | {name, *json.loads(aliases or "[]")}
    with _searchable(db, "speakers", [into]):
        db.execute(
            "update speakers set aliases = ? where id = ?",
            [json.dumps(sorted(merged), ensure_ascii=False), into],
        )


def _speaker_named(db: sqlite_utils.Database, name: str, article_id: str | None) -> int | None:
    """The speaker called ``name`` (any case) or with it as an alias: a named source, else
    the unnamed one of this article."""
    row = db.execute(
        "select id from speakers where (name = :name collate nocase or exists"
        " (select 1 from json_each(speakers.aliases) where json_each.value = :name collate nocase))"
        " and (article_id is null or article_id = :article)"
        " order by name != :name collate nocase, article_id is not null, id limit 1",
        {"name": name, "article": article_id},
    ).fetchone()
    return row[0] if row else None


def _speaker_for(db: sqlite_utils.Database, name: str, article_id: str) -> tuple[int, bool]:
    """The id of the speaker a person named, made if there is none; and whether it was made."""
    found = _speaker_named(db, name, article_id)
    if found is not None:
        return found, False
    made = db.execute(
        "insert into speakers (name, kind, aliases) values (?, 'person', '[]')", [name]
    ).lastrowid
    if not schema.bulk_pending(db):
        _index_rows(db, "speakers", [made], "insert")
    return made, True


# -- quotes ----------------------------------------------------------------


def _apply_quotes(
    db: sqlite_utils.Database, article_ids: list[str], reingested: bool, applied: Applied
) -> None:
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        "select id, article_id, words, spans, field, after from corrections"
        f" where target = 'quote' and article_id in ({marks}) order by id",
        article_ids,
    ).fetchall()
    if not rows:
        return
    if reingested:
        # The extractor's rows just replaced these articles' quotes: the ones set
        # aside are older copies, set aside again below if still corrected so.
        db.execute(f"delete from {NOT_QUOTES} where article_id in ({marks})", article_ids)
    texts = dict(
        db.execute(f"select id, text from articles where id in ({marks})", article_ids).fetchall()
    )
    anchors: dict[tuple[str, str, str], str | None] = {}
    decided: dict[str, dict[str, str]] = {}
    for correction_id, article_id, words, spans, field_name, after in rows:
        anchor = (article_id, words, spans)
        if anchor not in anchors:
            anchors[anchor] = _anchor(db, texts.get(article_id) or "", *anchor)
        quote_id = anchors[anchor]
        status = APPLIED if quote_id else ORPHANED
        db.execute(
            "update corrections set quote_id = ?, status = ? where id = ? and"
            " (quote_id is not ? or status is not ?)",
            [quote_id, status, correction_id, quote_id, status],
        )
        if quote_id is None:
            applied.orphaned += 1
        elif field_name != "note":
            decided.setdefault(quote_id, {})[field_name] = after
    for quote_id, fields in decided.items():
        _decide(db, quote_id, fields, texts, applied)


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


def _decide(
    db: sqlite_utils.Database,
    quote_id: str,
    fields: dict[str, str],
    texts: dict[str, str],
    applied: Applied,
) -> None:
    """Set one quote to the extractor's values overridden by ``fields`` (field -> last value).

    Without a speaker correction of its own the quote keeps the speaker it has: the
    extractor's, or the one a speaker correction (`_apply_speakers`) gave it.
    """
    row = _quote_row(db, quote_id)
    assert row is not None
    was = json.loads(row["machine_values"] or "{}")
    machine = {**_current(db, row), **was}
    changes: dict[str, object] = {}
    differs = {"speaker": was["speaker"]} if "speaker" in was else {}
    for name in (*_COLUMNS, "span", "speaker"):
        wanted = fields.get(name, machine[name])
        if name in fields:
            differs.pop(name, None)
            if wanted != machine[name]:
                differs[name] = machine[name]
        if name in _COLUMNS:
            changes[name] = (wanted or None) if name in fields else wanted
    if "speaker" in fields:
        changes["speaker_id"], made = _speaker_for(db, fields["speaker"], row["article_id"])
        applied.speakers_changed |= made
    spans = fields.get("span", machine["span"])
    if spans != row["spans"]:
        pieces = json.loads(spans)
        text = texts.get(row["article_id"]) or ""
        changes |= {"spans": spans, "start": pieces[0][0], "end": pieces[-1][1]}
        changes["text"] = " ... ".join(text[s:e] for s, e in pieces)
    changes["verified"] = int(fields.get("verified", "0"))
    changes["machine_values"] = json.dumps(differs, ensure_ascii=False) if differs else None
    here = _table_of(db, quote_id)
    table = NOT_QUOTES if fields.get("is_quote", "1") == "0" else "quotes"
    if here == table and all(row[name] == value for name, value in changes.items()):
        return
    with _searchable(db, "quotes", [quote_id]):
        sets = ", ".join(f"[{name}] = ?" for name in changes)
        db.execute(f"update {here} set {sets} where id = ?", [*changes.values(), quote_id])
        if here != table:
            _move(db, quote_id, here, table)
    applied.articles.add(row["article_id"])
    speaker = changes.get("speaker_id", row["speaker_id"])
    speakers.refresh_roles(db, {row["speaker_id"], speaker})
    if row["speaker_id"] not in (None, speaker):
        with _searchable(db, "speakers", [row["speaker_id"]]):
            speakers.drop_unquoted(db, [row["speaker_id"]])
        applied.speakers_changed = True


def _move(db: sqlite_utils.Database, quote_id: str, source: str, target: str) -> None:
    columns = ", ".join(f"[{name}]" for name in db["quotes"].columns_dict)
    db.execute(
        f"insert or replace into {target} ({columns}) select {columns} from {source} where id = ?",
        [quote_id],
    )
    db.execute(f"delete from {source} where id = ?", [quote_id])


def _table_of(db: sqlite_utils.Database, quote_id: str) -> str | None:
    for table in ("quotes", NOT_QUOTES):
        if db.execute(f"select 1 from {table} where id = ?", [quote_id]).fetchone():
            return table
    return None


def _quote_row(db: sqlite_utils.Database, quote_id: str) -> dict | None:
    """The quote's row, from quotes or, if a person set it aside, from not_quotes."""
    table = _table_of(db, quote_id)
    if table is None:
        return None
    return next(db.query(f"select * from {table} where id = ?", [quote_id]))


def _current(db: sqlite_utils.Database, row: dict) -> dict[str, str | None]:
    """The quote's correctable values as they stand, with the speaker by name."""
    speaker = None
    if row["speaker_id"] is not None:
        found = db.execute("select name from speakers where id = ?", [row["speaker_id"]]).fetchone()
        speaker = found[0] if found else None
    return {
        **{name: row[name] for name in _COLUMNS},
        "speaker": speaker,
        "span": row["spans"],
        "verified": str(row["verified"] or 0),
        "is_quote": "1" if _table_of(db, row["id"]) == "quotes" else "0",
    }


def _spans_in(db: sqlite_utils.Database, article_id: str, value: str) -> None:
    """Check that ``value`` is JSON spans inside the article's text."""
    (length,) = db.execute(
        "select length(text) from articles where id = ?", [article_id]
    ).fetchone()
    try:
        pieces = json.loads(value)
        if not pieces or any(not 0 <= s < e <= length for s, e in pieces):
            raise ValueError
    except (ValueError, TypeError):
        raise CorrectionError(
            f"span must be JSON [[start, end], ...] within the article's {length} characters"
        ) from None


# -- full-text entries -----------------------------------------------------


@contextmanager
def _searchable(db: sqlite_utils.Database, table: str, ids: Iterable[object]) -> Iterator[None]:
    """Take these rows' full-text entries out while they change, and put back those of the
    rows still there; nothing while a bulk load leaves the entries to be built at its end."""
    ids = [row_id for row_id in ids if row_id is not None]
    indexed = not schema.bulk_pending(db)
    if indexed:
        _index_rows(db, table, ids, "delete")
    yield
    if indexed:
        _index_rows(db, table, ids, "insert")


def _index_rows(db: sqlite_utils.Database, table: str, ids: list, action: str) -> None:
    columns = [name for name in db[f"{table}_fts"].columns_dict if name != "rank"]
    names = ", ".join(f"[{name}]" for name in columns)
    marks = ",".join("?" * len(ids))
    if action == "delete":
        head, values = f"{table}_fts, rowid, {names}", f"'delete', rowid, {names}"
    else:
        head, values = f"rowid, {names}", f"rowid, {names}"
    db.execute(
        f"insert into {table}_fts ({head}) select {values} from {table} where id in ({marks})",
        ids,
    )


def refresh_index(db_path: str, article_ids: Iterable[str]) -> None:
    """Re-index the corrected articles' quotes in the search index, if there is one yet."""
    from .search import QuoteIndex  # the search package builds on load, which calls here

    quote_index = QuoteIndex(db_path)
    ids = sorted(set(article_ids))
    if ids and quote_index.directory.exists():
        quote_index.update(ids)
