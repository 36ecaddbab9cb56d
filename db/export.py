"""Filtered quotes out of the database as CSV, JSON or JSON lines, in constant memory.

Either every occurrence (a quote row per article that printed it) or, with
``statements``, each distinct statement once with where and when it appeared.

Rows come from one SQL cursor (or, for a search, from the index's ranked ids in
chunks) and are written as they arrive, so exporting a million quotes needs no
more memory than exporting ten.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

import sqlite_utils

from . import load
from .search import QuoteIndex

# Values as people corrected them (`quotedb.db.corrections`); ``machine_values`` is
# what the extractor said for each field they changed, ``verified`` 1 once checked.
COLUMNS = (
    "id",
    "text",
    "type",
    "act",
    "confidence",
    "speaker",
    "role",
    "date",
    "stance",
    "stance_score",
    "stance_evidence",
    "cue",
    "article_id",
    "article_title",
    "article_url",
    "article_date",
    "verified",
    "machine_values",
)
STATEMENT_COLUMNS = (
    "id",
    "text",
    "speaker",
    "role",
    "stance",
    "first_seen",
    "last_seen",
    "occurrences",
    "articles",
    "outlets",
)
_SELECT = """
select quotes.id, quotes.statement_id, quotes.text, quotes.type,
       speakers.name as speaker, quotes.role, quotes.date, quotes.stance,
       quotes.stance_score, quotes.stance_evidence, quotes.cue, quotes.article_id,
       articles.title as article_title, articles.url as article_url,
       articles.published as article_date, quotes.verified, quotes.machine_values,
       quotes.act, quotes.confidence
from quotes
left join speakers on speakers.id = quotes.speaker_id
left join articles on articles.id = quotes.article_id
"""
_STATEMENTS_SELECT = """
select statements.id, statements.text, speakers.name as speaker, speakers.role,
       statements.stance, statements.first_seen, statements.last_seen,
       statements.occurrences, statements.articles, statements.outlets
from statements
left join speakers on speakers.id = statements.speaker_id
"""
FORMATS = ("csv", "json", "jsonl")


@dataclass
class Filters:
    """What to export; every field left ``None`` means "any"."""

    speaker: str | None = None
    stance: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    min_confidence: float | None = None
    act: str | None = None

    def where(self) -> tuple[str, list[str | float]]:
        """SQL conditions with placeholders: values never become SQL text."""
        clauses: list[str] = []
        params: list[str | float] = []
        if self.speaker:
            clauses.append(
                "quotes.speaker_id in (select speakers.id from speakers where name = ?"
                " collate nocase or exists (select 1 from json_each(speakers.aliases)"
                " where json_each.value = ? collate nocase))"
            )
            params += [self.speaker, self.speaker]
        if self.stance:
            clauses.append("quotes.stance = ?")
            params.append(self.stance)
        if self.type:
            clauses.append("quotes.type = ?")
            params.append(self.type)
        if self.min_confidence is not None:
            clauses.append("quotes.confidence >= ?")
            params.append(self.min_confidence)
        if self.act:
            clauses.append("quotes.act = ?")
            params.append(self.act)
        if self.since:
            clauses.append("quotes.date >= ?")
            params.append(self.since)
        if self.until:
            # '2025-10-31' must keep '2025-10-31' itself and month dates like '2025-10'
            clauses.append("substr(quotes.date, 1, length(?)) <= ?")
            params += [self.until, self.until]
        return " and ".join(clauses) or "1", params


def rows(db_path: str, filters: Filters) -> Iterator[dict]:
    """The quotes matching ``filters``: by date for a plain export, by rank for a search."""
    db = sqlite_utils.Database(db_path)
    where, params = filters.where()
    if not filters.search:
        yield from db.query(f"{_SELECT} where {where} order by quotes.date, quotes.id", params)
        return
    index = QuoteIndex(db_path)
    index.ensure_current()
    ids = index.matching_ids(filters.search)
    for chunk in load.batches(ids):
        marks = ",".join("?" * len(chunk))
        found = {
            row["id"]: row
            for row in db.query(
                f"{_SELECT} where quotes.id in ({marks}) and {where}", [*chunk, *params]
            )
        }
        yield from (found[quote_id] for quote_id in chunk if quote_id in found)


def statement_rows(db_path: str, filters: Filters) -> Iterator[dict]:
    """The statements behind the quotes matching ``filters``, each once.

    Most repeated first for a plain export; in the order of their best-ranked
    occurrence for a search.
    """
    db = sqlite_utils.Database(db_path)
    if not filters.search:
        where, params = filters.where()
        yield from db.query(
            f"{_STATEMENTS_SELECT} where statements.id in"
            f" (select quotes.statement_id from quotes where {where})"
            " order by statements.articles desc, statements.first_seen, statements.id",
            params,
        )
        return
    ranked = list(dict.fromkeys(row["statement_id"] for row in rows(db_path, filters)))
    for chunk in load.batches(ranked):
        marks = ",".join("?" * len(chunk))
        found = {
            row["id"]: row
            for row in db.query(f"{_STATEMENTS_SELECT} where statements.id in ({marks})", chunk)
        }
        yield from (found[statement_id] for statement_id in chunk if statement_id in found)


def pieces(
    records: Iterable[dict], format_: str, columns: tuple[str, ...] = COLUMNS
) -> Iterator[str]:
    """``records`` as text pieces of ``csv``, ``json`` (one array) or ``jsonl``, row by row."""
    if format_ == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow(record)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()
        return
    separator = "\n" if format_ == "jsonl" else ",\n"
    first = True
    if format_ == "json":
        yield "["
    for record in records:
        yield ("" if first else separator) + json.dumps(
            {name: record.get(name) for name in columns}, ensure_ascii=False
        )
        first = False
    if format_ == "json":
        yield "]\n"
    elif not first:
        yield "\n"


def write(
    records: Iterable[dict], out: TextIO, format_: str, columns: tuple[str, ...] = COLUMNS
) -> int:
    """Write ``records`` to ``out`` as ``format_``; return how many were written."""
    counted = _Counted(records)
    for piece in pieces(counted, format_, columns):
        out.write(piece)
    return counted.count


class _Counted:
    def __init__(self, records: Iterable[dict]) -> None:
        self.records, self.count = records, 0

    def __iter__(self) -> Iterator[dict]:
        for record in self.records:
            self.count += 1
            yield record
