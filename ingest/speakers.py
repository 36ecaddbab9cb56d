"""Who a source mention names, within one article.

A pronoun goes to the nearest earlier person; a surname or titled name to the
fullest form of that name in the article; unnamed sources ("one official")
become ``unnamed official``; groups ("critics") keep their wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicons import words

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_GROUP_HEADS = frozenset(
    {
        "critics",
        "analysts",
        "experts",
        "observers",
        "lawmakers",
        "officials",
        "sources",
        "people",
        "residents",
        "leaders",
        "activists",
        "supporters",
        "opponents",
        "democrats",
        "republicans",
        "voters",
        "members",
        "diplomats",
        "economists",
        "scientists",
    }
)
_UNNAMED_DETERMINERS = frozenset({"a", "an", "one", "some", "several", "two", "three", "many"})
_UNNAMED_HEADS = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "aide",
        "aides",
        "person",
        "people",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "insider",
        "insiders",
        "diplomat",
        "adviser",
        "advisor",
        "expert",
        "analyst",
        "witness",
        "resident",
        "officer",
    }
)


@dataclass
class Speaker:
    name: str
    kind: str  # person | organization | group | document | unnamed


@dataclass
class ArticleSpeakers:
    """Names seen so far in one article, to resolve later mentions against."""

    people: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    organizations: list[tuple[int, str]] = field(default_factory=list)
    last_speaker: tuple[int, Speaker] | None = None

    def see_person(self, offset: int, name: str) -> None:
        name = clean_name(name)
        if name:
            self.people.append((offset, name))

    def see_organization(self, offset: int, name: str) -> None:
        self.organizations.append((offset, clean_name(name)))

    def fullest(self, name: str) -> str:
        """``Petro`` -> ``Gustavo Petro`` when the article names him in full."""
        tokens = name.split()
        best = name
        for _, known in self.people:
            known_tokens = known.split()
            if len(known_tokens) > len(best.split()) and known_tokens[-len(tokens) :] == tokens:
                best = known
        return best

    def resolve(self, mention: str, offset: int, persons_in_mention: list[str]) -> Speaker:
        """The speaker a mention names; ``persons_in_mention`` are PERSON entities in it."""
        text = mention.strip()
        lower = text.lower()
        if lower in words("pronouns"):
            return self._pronoun(lower, offset)
        if persons_in_mention:
            speaker = Speaker(self.fullest(clean_name(persons_in_mention[-1])), "person")
        else:
            speaker = describe(text)
        self.last_speaker = (offset, speaker)
        return speaker

    def _pronoun(self, pronoun: str, offset: int) -> Speaker:
        if pronoun in {"he", "she", "him", "her", "i"}:
            earlier = [(at, name) for at, name in self.people if at < offset]
            last = self.last_speaker
            if last and last[1].kind == "person" and (not earlier or last[0] >= earlier[-1][0]):
                return last[1]
            if earlier:
                return Speaker(self.fullest(earlier[-1][1]), "person")
        elif self.last_speaker is not None:
            return self.last_speaker[1]
        return Speaker(pronoun, "unnamed")


def clean_name(name: str) -> str:
    """A name without courtesy titles, possessive ending or surrounding punctuation."""
    tokens = [t for t in name.split() if t.lower() not in words("honorifics")]
    cleaned = _POSSESSIVE.sub("", " ".join(tokens)).strip(" ,.;:\"“”‘’'")
    return cleaned


def describe(phrase: str) -> Speaker:
    """A source that is not a named person: a group, an unnamed source, an institution."""
    tokens = phrase.strip(" ,.;:").split()
    if not tokens:
        return Speaker(phrase, "unnamed")
    first, head = tokens[0].lower(), tokens[-1].lower()
    rest = tokens[1:] if first in _UNNAMED_DETERMINERS | {"the"} else tokens
    if first in _UNNAMED_DETERMINERS and head in _UNNAMED_HEADS:
        return Speaker("unnamed " + " ".join(rest), "unnamed")
    if head in _UNNAMED_HEADS and not any(t[0].isupper() for t in rest):
        return Speaker("unnamed " + " ".join(rest), "unnamed")
    if head in _GROUP_HEADS and not any(t[:1].isupper() for t in rest[:-1]):
        return Speaker(" ".join(rest), "group")
    return Speaker(" ".join(rest) if first == "the" else phrase.strip(" ,.;:"), "organization")
