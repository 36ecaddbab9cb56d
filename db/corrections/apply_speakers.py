"""Speaker corrections applied: a speaker merged into another (the quotes the extractor
gave it moved, its names kept as aliases) or no longer a speaker; and the speaker a
name a person gave means."""

from __future__ import annotations

import json

import sqlite_utils

from .. import schema, speakers
from ..schema import NOT_QUOTES
from .index import _index_rows, _searchable
from .status import Applied


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
