"""Statements: the same words of the same speaker, however many articles print them.

Wire copy and follow-up stories repeat a quote across outlets and days, often
trimmed or re-punctuated. Every quote row stays one *occurrence* (its article,
offsets, stance as judged there) and points to one row of ``statements``, so a
researcher can count statements rather than reprints and see where a statement
spread and when.

Matching never compares pairs. An exact repeat is one index lookup of a hash of
the speaker and the normalised words (``statements.match_key``); an excerpt is
found through hashes of every run of `EXCERPT_WORDS` words of each statement's
fullest text, kept in ``statement_shingles``. Linking runs once after a batch of
articles is stored and touches only what changed: quotes without a statement,
and the statements the schema's triggers noted in ``statement_changes`` (an
occurrence deleted, replaced or given another speaker; an article's outlet or
date changed).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils
from quotedb.ingest.names import fold

from . import load

EXCERPT_WORDS = 6
"""The fewest words a trimmed quote needs to count as an excerpt of a longer one.

News excerpts of a quote are a clause or more, and six words of the same speaker
in the same order are very rarely a coincidence; shorter runs are stock phrases
("a total disaster", "we will see") that would join unrelated statements.
"""

_APOSTROPHES = re.compile(r"['`´ʼ]")  # after `fold`, which makes curly ones straight
_WORD = re.compile(r"\w+")
_BATCH = 5000  # occurrences linked between writes
# Shingle hashes roll over word hashes modulo a Mersenne prime: one multiply and
# add per word instead of hashing every six-word string again.
_PRIME = (1 << 61) - 1
_BASE = 0x5BD1E995
_DROP = pow(_BASE, EXCERPT_WORDS - 1, _PRIME)


def words(text: str) -> list[str]:
    """The words that identify a statement, whatever its quotation marks, dashes, case or spacing.

    Apostrophes are dropped rather than split on, so "don’t" and "don't" (and a
    reprint's "dont") are one word.
    """
    return _WORD.findall(_APOSTROPHES.sub("", fold(text)))


def _hash(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def match_key(speaker_id: int | None, quote_id: str, normal: list[str]) -> int:
    """Equal for two occurrences exactly when they are the same words of the same speaker.

    A quote with no speaker is a statement of its own: its key is its quote id,
    which re-ingesting the article reproduces, so the statement keeps its id.
    """
    if speaker_id is None:
        return _hash(f"quote|{quote_id}")
    return _hash(f"{speaker_id}|{' '.join(normal)}")


@lru_cache(maxsize=1 << 18)
def _code(word: str) -> int:
    return _hash(word) % _PRIME


def shingles(speaker_id: int, normal: list[str]) -> list[int]:
    """Hashes of every run of `EXCERPT_WORDS` words in order, scoped to the speaker.

    An excerpt's first run is among its full statement's runs, and a shorter
    statement's first run (its ``head``) among a longer one's.
    """
    if len(normal) < EXCERPT_WORDS:
        return []
    codes = [_code(word) for word in normal]
    salt = _code(f"speaker|{speaker_id}")
    rolling = 0
    for code in codes[:EXCERPT_WORDS]:
        rolling = (rolling * _BASE + code) % _PRIME
    found = [rolling ^ salt]
    for leaving, code in zip(codes, codes[EXCERPT_WORDS:], strict=False):
        rolling = ((rolling - leaving * _DROP) * _BASE + code) % _PRIME
        found.append(rolling ^ salt)
    return found


def contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` is a contiguous run of whole words of ``longer``."""
    return f" {' '.join(shorter)} " in f" {' '.join(longer)} "


@dataclass
class Occurrence:
    """A quote row as linking sees it: who said which words."""

    id: str
    speaker_id: int | None
    text: str
    normal: list[str] = field(init=False)
    key: int = field(init=False)
    grams: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.normal = words(self.text)
        self.key = match_key(self.speaker_id, self.id, self.normal)
        speaker = self.speaker_id
        self.grams = [] if speaker is None else shingles(speaker, self.normal)


def link(db: sqlite_utils.Database) -> int:
    """Give every quote without a statement one, and bring changed statements up to date.

    Safe to repeat; returns how many occurrences were (re)linked.
    """
    with load.write_transaction(db):
        return _Linker(db).run()


def _marks(items: list) -> str:
    return ",".join("?" * len(items))


class _Linker:
    """One linking run: attaches occurrences, merges, retexts and recounts statements.

    Occurrences are linked in batches. Before each batch, a few large queries
    fetch what the database knows about the batch's keys and shingles; what the
    batch itself creates is added to the same maps, and its shingles are written
    sorted at the end of the batch (B-tree inserts in key order are many times
    faster than scattered ones at millions of rows).
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.touched: set[int] = set()
        self.assigned: dict[str, int] = {}
        self.merged: dict[int, int] = {}
        self.keys: dict[int, int] = {}
        self.firsts: dict[int, set[int]] = {}  # a batch's first shingles -> statements with them
        self.heads: dict[int, set[int]] = {}  # first shingle of a statement -> statements
        self.fresh: dict[int, set[int]] = {}  # shingles not yet written -> statements

    def run(self) -> int:
        changed = {row[0] for row in self.db.execute("select statement_id from statement_changes")}
        self.db.execute("delete from statement_changes")
        self.touched |= changed
        for batch in load.batches(changed):
            self.db.execute(
                "update quotes set statement_id = null where statement_id in"
                f" ({_marks(batch)}) and speaker_id is not"
                " (select speaker_id from statements where statements.id = quotes.statement_id)",
                batch,
            )
        linked = self._attach_all(self._unlinked())
        linked += self._attach_all(self._settle(changed))
        self._flush()
        self._recount()
        return linked

    def _unlinked(self) -> Iterator[Occurrence]:
        # Longest first, so a full statement usually exists before its excerpts
        # arrive. The sort materialises every row before the first is returned,
        # so updating quotes while reading them is safe.
        cursor = self.db.execute(
            "select id, speaker_id, text from quotes where statement_id is null"
            " order by length(text) desc, id"
        )
        while rows := cursor.fetchmany(_BATCH):
            yield from (Occurrence(*row) for row in rows)

    def _attach_all(self, occurrences: Iterable[Occurrence]) -> int:
        count = 0
        for batch in load.batches(occurrences, _BATCH):
            self._prefetch(batch)
            for occurrence in batch:
                self.assigned[occurrence.id] = self._statement_for(occurrence)
            count += len(batch)
            self._flush()
        return count

    def _prefetch(self, batch: list[Occurrence]) -> None:
        self.keys, self.firsts, self.heads = {}, {}, {}
        for chunk in load.batches({occurrence.key for occurrence in batch}):
            self.keys.update(
                self.db.execute(
                    "select match_key, min(id) from statements"
                    f" where match_key in ({_marks(chunk)}) group by match_key",
                    chunk,
                )
            )
        for target, sql, values in (
            (
                self.firsts,
                "select hash, statement_id from statement_shingles where hash in",
                {occurrence.grams[0] for occurrence in batch if occurrence.grams},
            ),
            (
                self.heads,
                "select head, id from statements where head in",
                {value for occurrence in batch for value in occurrence.grams},
            ),
        ):
            for chunk in load.batches(values):
                for value, statement in self.db.execute(f"{sql} ({_marks(chunk)})", chunk):
                    target.setdefault(value, set()).add(statement)

    def _flush(self) -> None:
        self.db.conn.executemany(
            "update quotes set statement_id = ? where id = ?",
            [(statement, quote) for quote, statement in self.assigned.items()],
        )
        self.touched.update(self.assigned.values())
        self.assigned.clear()
        self.db.conn.executemany(
            "insert or ignore into statement_shingles (hash, statement_id) values (?, ?)",
            [(value, statement) for value in sorted(self.fresh) for statement in self.fresh[value]],
        )
        self.fresh.clear()

    def _resolve(self, statement: int) -> int:
        while statement in self.merged:
            statement = self.merged[statement]
        return statement

    def _statement_for(self, occurrence: Occurrence) -> int:
        found = self.keys.get(occurrence.key)
        if found is None and occurrence.grams:
            found = self._by_excerpt(occurrence)
        return self._create(occurrence) if found is None else self._resolve(found)

    def _by_excerpt(self, occurrence: Occurrence) -> int | None:
        """The statement this occurrence is an excerpt of, or grows by containing.

        An excerpt's first shingle is one of its statement's shingles; a shorter
        statement's first shingle (its head) is one of the occurrence's shingles.
        """
        first = occurrence.grams[0]
        candidates = self.firsts.get(first, set()) | self.fresh.get(first, set())
        for value in occurrence.grams:
            candidates |= self.heads.get(value, set())
        if not candidates:
            return None
        within, inside = [], []
        ids = sorted({self._resolve(candidate) for candidate in candidates})
        for batch in load.batches(ids):
            for statement, text in self.db.execute(
                f"select id, text from statements where id in ({_marks(batch)})"
                " and speaker_id = ? order by id",
                [*batch, occurrence.speaker_id],
            ):
                normal = words(text)
                if contains(normal, occurrence.normal):
                    within.append(statement)
                elif contains(occurrence.normal, normal):
                    inside.append((statement, text))
        if within:
            return within[0]
        if not inside:
            return None
        (target, old_text), *others = inside
        for other, other_text in others:
            self._merge(other, other_text, target)
        self._retext(target, occurrence.speaker_id, old_text, occurrence)
        return target

    def _create(self, occurrence: Occurrence) -> int:
        head = occurrence.grams[0] if occurrence.grams else None
        cursor = self.db.execute(
            "insert into statements (speaker_id, text, match_key, head) values (?, ?, ?, ?)",
            [occurrence.speaker_id, occurrence.text, occurrence.key, head],
        )
        statement = cursor.lastrowid
        assert statement is not None
        self._know(statement, occurrence)
        return statement

    def _know(self, statement: int, occurrence: Occurrence) -> None:
        """Make the rest of the batch find ``statement`` by ``occurrence``'s words."""
        self.keys[occurrence.key] = statement
        if occurrence.grams:
            self.heads.setdefault(occurrence.grams[0], set()).add(statement)
        for value in occurrence.grams:
            self.fresh.setdefault(value, set()).add(statement)

    def _drop_shingles(self, statement: int, speaker_id: int | None, text: str) -> None:
        if speaker_id is None:
            return
        hashes = shingles(speaker_id, words(text))
        for value in hashes:
            self.fresh.get(value, set()).discard(statement)
        self.db.conn.executemany(
            "delete from statement_shingles where hash = ? and statement_id = ?",
            [(value, statement) for value in hashes],
        )

    def _retext(
        self, statement: int, speaker_id: int | None, old_text: str, fuller: Occurrence
    ) -> None:
        """Make ``fuller``'s words the statement's text, its key and its shingles."""
        self._drop_shingles(statement, speaker_id, old_text)
        self.db.execute(
            "update statements set text = ?, match_key = ?, head = ? where id = ?",
            [fuller.text, fuller.key, fuller.grams[0] if fuller.grams else None, statement],
        )
        self._know(statement, fuller)

    def _merge(self, other: int, other_text: str, target: int) -> None:
        self.db.execute(
            "update quotes set statement_id = ? where statement_id = ?", [target, other]
        )
        for quote, statement in self.assigned.items():
            if statement == other:
                self.assigned[quote] = target
        self.merged[other] = target
        self._delete(other, other_text)

    def _delete(self, statement: int, text: str) -> None:
        speaker = self.db.execute(
            "select speaker_id from statements where id = ?", [statement]
        ).fetchone()[0]
        self._drop_shingles(statement, speaker, text)
        self.db.execute("delete from statements where id = ?", [statement])
        self.touched.discard(statement)

    def _settle(self, changed: set[int]) -> list[Occurrence]:
        """Statements that lost occurrences: drop the empty ones, shrink the rest to what is held.

        A statement whose fullest text no longer appears in any article takes
        its longest remaining occurrence as its text; occurrences that are not
        excerpts of that come back to be linked again (they may be two
        different trims of the lost full quote).
        """
        loose: list[Occurrence] = []
        for batch in load.batches(changed):
            for statement, speaker_id, text in self.db.execute(
                f"select id, speaker_id, text from statements where id in ({_marks(batch)})",
                batch,
            ).fetchall():
                held = [
                    Occurrence(*row)
                    for row in self.db.execute(
                        "select id, speaker_id, text from quotes where statement_id = ?",
                        [statement],
                    )
                ]
                if not held:
                    self._delete(statement, text)
                    continue
                if any(occurrence.normal == words(text) for occurrence in held):
                    continue
                fullest = max(held, key=lambda occurrence: (len(occurrence.normal), occurrence.id))
                self._retext(statement, speaker_id, text, fullest)
                for occurrence in held:
                    if not contains(fullest.normal, occurrence.normal):
                        loose.append(occurrence)
        self.db.conn.executemany(
            "update quotes set statement_id = null where id = ?",
            [(occurrence.id,) for occurrence in loose],
        )
        return loose

    def _recount(self) -> None:
        """Counts, dates and stance of every statement this run touched, from its occurrences."""
        counts: dict[int, dict[str, object]] = {}
        stances: dict[int, Counter[str]] = {}
        for batch in load.batches(sorted(self.touched), 5000):
            marks = _marks(batch)
            for statement, occurrences, articles, outlets, first, last in self.db.execute(
                "select statement_id, count(*), count(distinct article_id),"
                " count(distinct outlet), min(seen), max(seen) from statement_occurrences"
                f" where statement_id in ({marks}) group by statement_id",
                batch,
            ):
                counts[statement] = {
                    "occurrences": occurrences,
                    "articles": articles,
                    "outlets": outlets,
                    "first_seen": first,
                    "last_seen": last,
                }
            for statement, stance, number in self.db.execute(
                "select statement_id, stance, count(*) from quotes"
                f" where statement_id in ({marks}) group by statement_id, stance",
                batch,
            ):
                stances.setdefault(statement, Counter())[stance or "neutral"] = number
        self.db.conn.executemany(
            "update statements set occurrences = :occurrences, articles = :articles,"
            " outlets = :outlets, first_seen = :first_seen, last_seen = :last_seen,"
            " stance = :stance where id = :id",
            [
                {**values, "id": statement, "stance": _most_common(stances[statement])}
                for statement, values in counts.items()
            ],
        )


def _most_common(stances: Counter[str]) -> str:
    """The stance most occurrences have; a tie with neutral goes to the judged stance,
    since some article's wording took a side."""
    return max(stances, key=lambda stance: (stances[stance], stance != "neutral", stance))
