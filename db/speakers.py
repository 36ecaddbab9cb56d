"""One speaker per real-world source across every ingested article.

Within an article, `quotedb.ingest.speakers` already turns ``he`` and ``Mr.
Trump`` into the fullest name the article gives. Across articles the same
person still arrives as ``Trump`` from one and ``Donald J. Trump`` from
another, so names are matched here on their key (`quotedb.ingest.names`), which
ignores case, accents, courtesy titles and middle initials, and a bare surname
joins the person with that surname (the most quoted one when several share it:
``Clinton``). Two full names with different first names (``Bill Clinton``,
``Hillary Clinton``) never merge. An unnamed source (``unnamed officials``) is someone only within
its article: the same words in another article are another person, so its
entry is keyed by its article too. The registry works in memory, so ``quotedb
extract`` gives the same names as the database, and loads from and saves to the
``speakers`` table, where ids stay stable across re-ingests.
"""

from __future__ import annotations

import bisect
import json
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils
from quotedb.ingest.lexicons import words
from quotedb.ingest.names import name_key, same_person
from quotedb.ingest.records import Quote


@dataclass
class Entry:
    """A speaker row: canonical name, kind, every other form seen, and how often quoted.

    ``article`` is the one article an unnamed source belongs to, else None.
    """

    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    quotes: int = 0
    id: int | None = None
    article: str | None = None


@dataclass
class Registry:
    """The speakers known so far, matched by name key.

    Lookups go through an index of entries by key and, for people, by the key's
    last word (every person a name can match shares it), so adding a quote
    costs the same with ten speakers or a hundred thousand.
    """

    entries: list[Entry] = field(default_factory=list)
    _by_key: dict[tuple[str | None, tuple[str, ...]], list[Entry]] = field(
        default_factory=dict, repr=False
    )
    _by_last: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _position: dict[int, int] = field(default_factory=dict, repr=False)

    @classmethod
    def from_db(cls, db: sqlite_utils.Database) -> Registry:
        counts = dict(
            db.execute("select speaker_id, count(*) from quotes group by speaker_id").fetchall()
        )
        return cls(
            [
                Entry(
                    row["name"],
                    row["kind"] or "person",
                    set(json.loads(row["aliases"] or "[]")),
                    counts.get(row["id"], 0),
                    row["id"],
                    row["article_id"],
                )
                for row in db["speakers"].rows
            ]
        )

    def add(
        self, name: str, kind: str, forms: Iterable[str] = (), article: str | None = None
    ) -> Entry:
        """The entry for ``name``, created or upgraded to the fuller name.

        ``forms`` (the mention's words) become aliases, pronouns excepted;
        ``article`` is where the mention is, which a source only that article knows
        keeps (`scope`).
        """
        article = scope(kind, article, name)
        entry = self._found(name, kind, article)
        if entry is None:
            entry = Entry(name, kind, article=article)
            self.entries.append(entry)
            self._position[id(entry)] = len(self.entries) - 1
            self._index(entry)
        elif kind == "person" and len(name_key(name, kind)) > len(name_key(entry.name, kind)):
            self._unindex(entry)
            entry.aliases.add(entry.name)
            entry.name = name
            self._index(entry)
        entry.quotes += 1
        pronouns = words("pronouns")
        entry.aliases.update(
            form
            for form in (name, *forms)
            if form and form != entry.name and form.lower() not in pronouns
        )
        return entry

    def find(self, name: str, kind: str, article: str | None = None) -> Entry | None:
        """The first entry with this key, else for a person the most quoted one it can be."""
        return self._found(name, kind, scope(kind, article, name))

    def _found(self, name: str, kind: str, scoped: str | None) -> Entry | None:
        """`find` with the article already narrowed by `scope` (`add` has done it once)."""
        if len(self._position) != len(self.entries):  # entries given or appended from outside
            self._by_key, self._by_last = {}, {}
            self._position = {id(entry): number for number, entry in enumerate(self.entries)}
            for entry in self.entries:
                self._index(entry)
        wanted = name_key(name, kind)
        same = self._by_key.get((scoped, wanted))
        if same or kind != "person" or not wanted:
            return same[0] if same else None
        people = self._by_last.get(wanted[-1], [])
        matches = [e for e in people if same_person(wanted, name_key(e.name, e.kind))]
        return max(matches, key=lambda e: e.quotes) if matches else None

    def _index(self, entry: Entry) -> None:
        """Add to the lookups, keeping each list in the entries' order (first one wins)."""
        entry_key = name_key(entry.name, entry.kind)
        lists = [self._by_key.setdefault((entry.article, entry_key), [])]
        if entry.kind == "person" and entry_key:
            lists.append(self._by_last.setdefault(entry_key[-1], []))
        for entries in lists:
            bisect.insort(entries, entry, key=lambda e: self._position[id(e)])

    def _unindex(self, entry: Entry) -> None:
        entry_key = name_key(entry.name, entry.kind)
        self._by_key[(entry.article, entry_key)].remove(entry)
        if entry.kind == "person" and entry_key:
            self._by_last[entry_key[-1]].remove(entry)

    def canonical(self, quotes: Iterable[Quote]) -> None:
        """Give each quote its registry name, and a role where its article gave none.

        For output without a database (``quotedb extract``): call it once all
        quotes are in, so every quote carries the final, fullest name.
        """
        spoken = [quote for quote in quotes if quote.speaker]
        entries = [
            self.add(q.speaker, q.speaker_kind or "person", forms(q), q.article) for q in spoken
        ]
        roles = current_roles((id(e), q.role, q.date) for e, q in zip(entries, spoken, strict=True))
        for entry, quote in zip(entries, spoken, strict=True):
            quote.speaker = entry.name
            quote.role = quote.role or roles.get(id(entry))


_POSSESSED = re.compile(r"['’]s\s+\S")
_RELATIVE = re.compile(r",?\s+(?:who|which|that)$")


def scope(kind: str, article: str | None, name: str = "") -> str | None:
    """The article a source's identity depends on: an unnamed source's, a body's or
    document's that only a common noun describes (``company``, ``the statement``: one
    article's company is not another's), and anyone's described as someone's (``his
    advisers``); no one else's. A group (``critics``) is a kind of source in every
    article alike."""
    said = name.split()
    described = (
        kind in {"organization", "document"}
        and bool(said)
        and (name.islower() or (said[0].lower() in _ARTICLES and name[1:].islower()))
        and (said[-1] in words("institution_heads") or said[-1] in words("document_heads"))
    )
    owned = bool(said) and said[0].lower() in words("possessives")
    return article if kind == "unnamed" or described or owned else None


_ARTICLES = frozenset({"a", "an", "the"})  # "A federal lawsuit" is described as "a federal lawsuit"


def forms(quote: Quote) -> list[str]:
    """The words that named the quote's speaker, to keep as aliases.

    A document that stood for its author (``a statement`` released by Trump),
    or something of theirs (``Trump's comments``), is not another name for them.
    """
    if quote.speaker_mention is None or quote.speaker is None:
        return []
    return list(_forms(quote.speaker_mention.text, quote.speaker, quote.speaker_kind))


@lru_cache(maxsize=1 << 16)
def _forms(mention: str, speaker: str, kind: str | None) -> tuple[str, ...]:
    """`forms`, once per mention, speaker and kind: a load meets each many times."""
    mention = _RELATIVE.sub("", mention)  # "Mayor Ann Lee, who"
    last = mention.split()[-1].lower() if mention.split() else ""
    if last in words("document_heads") and kind != "document":
        return ()
    owned = _POSSESSED.search(mention) is not None
    if owned and last not in speaker.lower().split():
        return ()
    return (mention,)


def current_roles(seen: Iterable[tuple[object, str | None, str | None]]) -> dict[object, str]:
    """Per speaker, the role `refresh_roles` would give them from these quotes, in this order.

    ``seen`` holds ``(speaker, role, date)`` triples; quotes without a role are
    ignored. For output without a database (``quotedb extract``): the quotes go
    into a database in memory so the rule is `_CURRENT_ROLE`'s, ties and all.
    """
    numbers: dict[object, int] = {}
    rows = [(numbers.setdefault(who, len(numbers)), role, date) for who, role, date in seen]
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("create table quotes (speaker_id integer, role text, date text)")
        db.executemany("insert into quotes values (?, ?, ?)", rows)
        roles = dict(
            db.execute(
                f"select id, {_CURRENT_ROLE.format(speaker='id')} as role"
                " from (select distinct speaker_id as id from quotes) where role is not null"
            )
        )
    return {speaker: roles[number] for speaker, number in numbers.items() if number in roles}


def save(db: sqlite_utils.Database, entry: Entry) -> int:
    """Insert or update the entry's row; its id never changes once given."""
    row = [entry.name, entry.kind, json.dumps(sorted(entry.aliases)), entry.article]
    if entry.id is None:
        insert = "insert into speakers (name, kind, aliases, article_id) values (?, ?, ?, ?)"
        entry.id = db.execute(insert, row).lastrowid
    else:
        update = "update speakers set name = ?, kind = ?, aliases = ?, article_id = ? where id = ?"
        db.execute(update, [*row, entry.id])
    assert entry.id is not None
    return entry.id


# A speaker's current role: the role of their most recent dated quote (of two on
# the same date, the one stored later), else their most frequent role (of two as
# frequent, the one seen first). The schema's quotes_speaker_role_date index finds
# the latest dated role without reading every quote of a much-quoted speaker.
_CURRENT_ROLE = """coalesce(
  (select role from quotes where speaker_id = {speaker} and role != '' and date != ''
   order by date desc, rowid desc limit 1),
  (select role from quotes where speaker_id = {speaker} and role != ''
   group by role order by count(*) desc, min(rowid) limit 1)
)"""


def refresh_roles(db: sqlite_utils.Database, speaker_ids: Iterable[int]) -> None:
    """Set each speaker's current role from their quotes in the database."""
    ids = sorted({speaker_id for speaker_id in speaker_ids if speaker_id is not None})
    update = f"update speakers set role = {_CURRENT_ROLE.format(speaker=':id')} where id = :id"
    db.conn.executemany(update, [{"id": speaker_id} for speaker_id in ids])


def drop_unquoted(db: sqlite_utils.Database, speaker_ids: Iterable[int]) -> None:
    """Delete speakers a re-ingest left without quotes, so no facet or page lists a ghost."""
    for speaker_id in set(speaker_ids):
        if not db.execute(
            "select 1 from quotes where speaker_id = ? limit 1", [speaker_id]
        ).fetchone():
            db["speakers"].delete(speaker_id)
