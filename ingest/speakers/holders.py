"""Who holds a title or an age that a mention gives instead of a name: ``the premier``
(whoever the article names with that title, the last mentioned of them), ``Saskatchewan
premier`` (the one of that place), ``a senior engineer`` in a lede (whom the next lines
name with the title), ``the 45-year-old`` (the person named before with that age) and a
later ``the spokesperson`` (the unnamed one who spoke since). Part of `ArticleSpeakers`,
sent here by `mentions`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .. import roles
from ..lexicons import pairs
from ..parse import text_of
from ..records import Mention
from .names_in_phrases import (
    named_in_apposition,
)
from .recognised_names import age_after, names_a_person, person_name
from .speaker import Speaker

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


_AHEAD = 400
"""How far after a title with a place (``Toronto's police chief says``) the person
holding it may be named (a lede's next sentence or two)."""


class Holders:
    """Who holds a title or an age a mention gives (``the premier``, ``a U.S. District
    Court judge``, ``the 45-year-old``): mixed into `ArticleSpeakers`, whose people and
    stated roles they read."""

    def _titled(
        self: ArticleSpeakers, title: str, offset: int, places: Sequence[str] = ()
    ) -> Speaker | None:
        """``the president``: of the people named before with that title, the one the
        article last mentioned (``the coach`` after ``Sorensen said`` is Sorensen, though
        the other team's coach was introduced since); of the ``places`` too when the
        mention names them (``Saskatchewan premier``)."""
        titled = self._holders(title, places)
        before = [name for at, name in titled if at <= offset]
        if before:
            return self.person(max(before, key=lambda name: self._last_named(name, offset)), offset)
        names = Counter(name for _, name in titled)
        return self.person(names.most_common(1)[0][0], offset) if names else None

    def _last_named(self: ArticleSpeakers, name: str, offset: int) -> int:
        """Where the article last names ``name``, by any part of it, before ``offset``."""
        parts = set(name.split())
        return max(
            (at for at, named in self.people if at <= offset and named.split()[-1] in parts),
            default=-1,
        )

    def _titled_next(
        self: ArticleSpeakers,
        title: str,
        offset: int,
        office: Sequence[str] = (),
        reach: int | None = None,
    ) -> Speaker | None:
        """The person named with ``title`` (and the words of its ``office``) right after
        ``offset``, within `_AHEAD` characters (or up to article offset ``reach``), if no
        one is named with it before."""
        titled = self._holders(title, office)
        if any(at < offset for at, _ in titled):
            return None
        end = offset + _AHEAD if reach is None else reach
        ahead = [name for at, name in titled if at <= end]
        return self.person(ahead[0], offset) if ahead else None

    def _next_end(self: ArticleSpeakers, mention: Mention) -> int:
        """Where the paragraph after the mention's ends (article offsets): how far ahead an
        article names whom a lede described (``a senior engineer ... warned``)."""
        after = [start + len(text_of(doc)) for start, doc in self.docs if start > mention.end]
        return after[0] if after else mention.end

    def _named_as(self: ArticleSpeakers, noun: str, offset: int) -> Speaker | None:
        """The first person the article names right after ``noun`` (a lemma) anywhere but
        at ``offset``: ``his sister, Tanya Flett``."""
        for start, doc in self.docs:
            for token in doc:
                if token.lemma_.lower() != noun or start + token.idx == offset:
                    continue
                if (name := named_in_apposition(token)) is not None:
                    return self.person(person_name(name), start + name.start_char)
        return None

    def _holders(
        self: ArticleSpeakers, title: str, places: Sequence[str] = ()
    ) -> list[tuple[int, str]]:
        """Where the article names someone with ``title`` in their role (and each of
        ``places``), and who."""
        return [
            (at, name)
            for at, name, role in self.stated_roles
            if _holds(role, title) and all(p in role.lower() for p in places)
        ]

    def _aged(self: ArticleSpeakers, age: str, offset: int) -> Speaker | None:
        """``the 45-year-old``: the person named before with that age (``Sarah Jones, 45,``)."""
        aged = [
            (start + ent.start_char, ent)
            for start, doc in self.docs
            for ent in doc.ents
            if names_a_person(ent) and age_after(ent) == age
        ]
        before = [ent for at, ent in aged if at < offset]
        return self.person(person_name(before[-1]), offset) if before else None

    def _unnamed_since(self: ArticleSpeakers, title: str, offset: int) -> Speaker | None:
        """The unnamed source so described (``A Meridian spokesperson said``) who spoke
        before ``offset`` and after the article last named anyone with that title (``A
        spokesperson for the European Commission, Lea Martens``): whom a later ``the
        spokesperson`` means."""
        named = max(
            (self._last_named(name, offset) for _, name in self._holders(title)), default=-1
        )
        return next(
            (
                speaker
                for at, speaker in reversed(self.unnamed)
                if named < at < offset and speaker.name.split()[-1].lower() == title.split()[-1]
            ),
            None,
        )


def _holds(role: str, title: str) -> bool:
    """``title`` (``judge``) is a word of ``role``, or the title it stands for is
    (``Court of King's Bench Justice``) other than as a portfolio (``Minister of Justice``)."""
    written = role.lower().split()
    if roles.holds_title(written, title) is not None:
        return True
    *rank, head = title.split()
    other = pairs("title_equivalents").get(head)
    at = roles.holds_title(written, " ".join([*rank, other])) if other else None
    return at is not None and (at == 0 or written[at - 1] not in {"of", "for"})


def of_someone_named(title: Token) -> bool:
    """A person is named in the title's phrases (``a spokesman for Mayor Frank Jackson``)."""
    return any(t.ent_type_ == "PERSON" for c in title.rights if c.dep_ == "prep" for t in c.subtree)


def named_office(title: Token) -> list[str]:
    """The capitalised words before a title in its phrase that name its office
    (``district``, ``court`` in ``a U.S. District Court judge``; not ``federal`` or
    ``senior``)."""
    phrase = title.doc[title.left_edge.i : title.i]
    return [t.lower_ for t in phrase if t.is_alpha and t.is_title and t.i > title.left_edge.i]


def qualifiers(title: Token) -> list[str]:
    """The words before a title that say which one it is (``health`` in ``the health
    minister``), which the person named next with it has in their role too."""
    return [c.lower_ for c in title.lefts if c.dep_ in {"compound", "amod"} and c.is_alpha]


def office_of(title: Token) -> list[str]:
    """The body a title names as its own (``Director of Criminal and Penal
    Prosecutions``: ``prosecutions``), which whoever holds it has in their role too: the
    executive director of a digital rights coalition named next is not that director."""
    return [
        obj.lower_
        for prep in title.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
