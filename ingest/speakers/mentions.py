"""Whom a source mention other than a pronoun names: a person by name, surname or
courtesy title; the holder of a title (``the premier``, ``Saskatchewan premier``) or
an age (``the 45-year-old``); the person a description is set beside; whose campaign or
statement it is; a body named before; else the description as written, and a later
``the official`` the unnamed official described before. The part of `ArticleSpeakers`
that reads mentions other than pronouns, in the order the rules are tried; who holds a
title or an age is told by `holders`, whose a body or a document is by `issuers`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .. import roles
from ..lexicons import words
from ..names import name_key
from ..records import Mention
from .descriptions import (
    RELATIVES,
    antecedent,
    before_name,
    describe,
    described_as,
    described_role,
    is_definite,
    joint,
)
from .documents import holds_words, owner_run_in, possessor, released_by
from .epithets import AGED
from .genders import gendered, titled_gender
from .holders import named_office, of_someone_named, office_of, qualifiers
from .issuers import PERSONAL_BODIES, body_described, body_of, issuing_body
from .name_words import handle_in, whole_word
from .names_in_phrases import (
    body_in_apposition,
    named_before_body,
    named_in_apposition,
    person_at,
    titled_name_at_end,
)
from .recognised_names import person_name, person_span
from .references import (
    bare_body,
    body_described_before,
    body_named_before,
    body_named_next,
    body_subject_before,
    person_described_later,
    person_introduced_next,
    person_named_next,
    places_of,
    spoke_before,
)
from .speaker import Speaker
from .speaking_nouns import is_abstract, is_hearsay, is_someone, speechless

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


# a mention that only points ("That ... said", "Another notes", "All told"): no one is named
_POINTING = frozenset({"that", "this", "these", "another", "all", "each", "both", "either"})


# pronouns that name no one a reader could look up: a question (``who said ...?``),
# a denial (``nobody said ...``); an indefinite person is an unnamed source
NO_ONE = frozenset(
    {"who", "whom", "what", "whoever", "whatever", "nobody", "no one", "none", "neither", "nothing"}
)


_INDEFINITE = {
    "someone": "unnamed",
    "somebody": "unnamed",
    "you": "unnamed",  # anyone, the reader, or whom a quote addresses: no organisation
    "everyone": "group",
    "everybody": "group",
}


class Mentions:
    """Whom the mentions of an article other than pronouns name: mixed into
    `ArticleSpeakers`, whose record (the people named, their roles, the unnamed sources
    described) they read."""

    def _named(self: ArticleSpeakers, span: Span, mention: Mention) -> Speaker | None:
        span = antecedent(span)
        # a determiner heads nothing: where the parse hung ``the`` and ``complaint`` each on
        # the verb ('"...," the complaint states'), the noun is the phrase's head
        root = span[-1] if span.root.pos_ == "DET" else span.root
        if (owner := owner_run_in(span)) is not None:
            return self._named(owner, mention)  # the Bureau of Meteorology's statement
        if len(span) == 1 and root.lower_ in RELATIVES and root.head.dep_ == "relcl":
            # "a report, which said": the report; "a problem that demands": no one
            noun = root.head.head
            if speechless(noun):
                return None
            return self._named(span.doc[noun.left_edge.i : noun.i + 1], mention)
        if (handle := handle_in(span)) is not None:
            # "wrote TikTok user @spoonfulofsass": the account, as its handle is written, and
            # what the phrase says of it ("TikTok user") its role
            said = [t.text for t in span.doc[span.start : handle.i] if not t.is_punct]
            if said and said[0].lower() in words("unnamed_determiners") | {"the"}:
                said = said[1:]  # "one fan, @kairoszn": a fan
            return Speaker(handle.text, "person", " ".join(said) or None)
        if (
            (len(span) == 1 and root.lower_ in _POINTING | RELATIVES)  # "which said": unknown
            or span.text.lower() in NO_ONE
        ):
            return None
        if len(span) == 1 and root.lower_ in _INDEFINITE:
            kind = _INDEFINITE[root.lower_]
            return Speaker("unnamed person" if kind == "unnamed" else root.lower_, kind)
        person = person_at(root)
        if person is not None and any(
            c.dep_ == "conj" and span.start <= c.i < span.end and is_someone(c)
            for c in root.children
        ):  # "Clinton and Sanders said", "Cruz and his aides": all of them, not the first
            return Speaker(joint(span), "group")
        if person is None and whole_word(root).text in self._surnames():
            person = self._with_given_name(whole_word(root), span)  # a known name, as a noun
        if person is None:
            person = titled_name_at_end(span) or named_before_body(span)
        if person is not None:
            return self.person(
                person_name(person),
                mention.start,
                roles.role_in(person_span(person)),
                titled_gender(person),
            )
        if len(span) == 1 and root.pos_ == "PROPN" and gendered(root):
            return self.person(root.text, mention.start)  # "Marcel said": a given name alone
        if (age := AGED.search(span.text)) and (aged := self._aged(age[1], mention.start)):
            return aged
        if (person := named_in_apposition(root)) is not None:
            # "Trump's campaign manager, Corey Lewandowski": the person, whom it describes
            return self.person(
                person_name(person),
                mention.start,
                roles.role_in(person_span(person)) or described_role(before_name(span, person)),
                titled_gender(person),
            )
        if (body := body_in_apposition(root)) is not None:
            return Speaker(body.text, "organization")  # "The film's distributor, Lantern Pictures,"
        if {root.lower_, root.lemma_.lower()} & words("document_heads") and (
            issuer := issuing_body(root)
        ):  # "according to KHDA data", "Census Bureau data show": the body's
            return self._named(issuer, mention)
        owner = possessor(root)
        if owner is not None and (
            root.lemma_.lower() in words("speech_nouns") or is_abstract(root)
        ):
            # "Trump's comments suggest", "the administration's strategy frames them as": theirs
            return self._named(owner, mention)
        owning = next((c for c in root.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if owning is not None and holds_words(root):
            # "Its advice is simple: ...", "according to its most recent quarterly report"
            # `_pronoun` reads "his", "her", "their" as it reads "he", "she", "they"
            owned_by = "it" if owning.lower_ == "its" else owning.lower_
            owner_named = self._pronoun(owned_by, mention.start)
            if owner_named.kind != "unnamed" and (
                owning.lower_ != "its" or owner_named.kind != "person"  # "its website": no one's
            ):
                return owner_named
        if root.lemma_.lower() in PERSONAL_BODIES and (
            (person := self._owner(root, mention)) is not None
        ):  # "Sanders' campaign", "the Sanders campaign": one name for it
            return Speaker(body_of(person.name, root.lemma_.lower()), "organization")
        if (
            len(span) == 1
            and root.tag_ == "NN"
            and root.lower_ in words("unnamed_heads")
            and root.lower_ not in words("titles")
            and (kin := self._named_as(root.lemma_.lower(), mention.start)) is not None
        ):  # a headline's bare "sister says": the sister the story names ("his sister, Tanya
            # Flett"), as a bare title is whoever holds it (below)
            return kin
        if root.lower_ in words("titles") and root.pos_ in {"NOUN", "PROPN"}:  # not "of", "the"
            places = places_of(span)
            title = roles.title_of(root)  # "the governor" is no deputy governor
            pointing = is_definite(span) or (
                len(span) == 1 and root.lower_ in words("unnamed_heads")
            )
            if (
                span[0].lower_ in {"a", "an"}
                and not of_someone_named(root)  # "a spokesman for Mayor X": not X
                and (
                    named := self._titled_next(
                        title, mention.end, named_office(root), self._next_end(mention)
                    )
                )
            ):  # "a senior engineer ... warned" (a lede), then "The engineer, Ikenna Obi,";
                # "a U.S. District Court judge" is no circuit judge named next
                return named
            if pointing and not places and (since := self._unnamed_since(title, mention.start)):
                return since  # "A Meridian spokesperson said ... the spokesperson said"
            if pointing or places:
                # "the premier said", a headline's bare "Premier says", "Saskatchewan's
                # premier says": whoever holds it, there if the mention says where ("the
                # Ohio governor" is Kasich, not Bush), else ("the Florida senator": Rubio,
                # named "Sen. Rubio") the nearest who holds it at all; or, as a lede
                # has it, whom the next lines name with the title ("Toronto's police
                # chief says ..." then "Chief Myron Demkiw made the announcement")
                return (
                    self._titled(title, mention.start, places)
                    or (self._titled(title, mention.start) if pointing and places else None)
                    or (self._titled_next(title, mention.end, office_of(root)) if places else None)
                    or (  # "the health minister announced", then "Health Minister Tunde ..."
                        self._titled_next(title, mention.end, qualified)
                        if pointing and (qualified := qualifiers(root))
                        else None
                    )
                    or self._described_later(span, mention)
                    or describe(described_as(span), root.text, as_written=True)
                )
        if root.lower_ in words("document_heads"):
            source = released_by(root)
            if source is not None:
                named = self._named(source, mention)
                if named is not None and (
                    named.kind != "organization"
                    or source.root.ent_type_
                    or (  # "the department's website", not "a survey by the group in March"
                        source.root.lower_ in words("institution_heads")
                        and not any(c.dep_ == "prep" for c in source.root.children)
                    )
                ):
                    return named
            elif is_definite(span) and (issuer := self._issuer(root, mention.start)) is not None:
                return issuer  # "said in a statement ... “...,” the statement read": theirs
        if is_abstract(root) or is_hearsay(root):
            return None
        subject = body_subject_before(span, self.quoted, mention.start, self.organisations)
        if (body := body_named_before(span, self.docs, mention.start)) is not None and (
            subject is None or (body.doc is span.doc and body.start > subject.start)
        ):  # "the association" is the one named before, unless a body its paragraph went on
            # about since is ("Human Rights Watch has said ... In a report ..., the group said")
            return describe(body.text)
        if body is not None and subject is not None:
            return replace(describe(subject.text), kind="organization")
        if (body := body_described_before(span, self.docs, mention.start)) is not None:
            return replace(describe(body.text), kind="organization")  # "the ferry corporation"
        if (noun := bare_body(span)) and (
            spoken := spoke_before(noun, self.bodies, self.docs, self.quoted, mention.start)
        ):
            return Speaker(spoken, "organization")  # "Lumenor says ... the company said"
        if subject is not None:
            # "Canada Post has been ... The corporation has": a body, whatever its name's head
            return replace(describe(subject.text), kind="organization")
        if (body := body_named_next(span, self.docs, self.quoted, mention.start)) is not None:
            return describe(body.text)  # "A Calgary-based company says ...", named next
        if (body := body_described(span)) is not None:
            return describe(body.text)  # "the nonpartisan Congressional Budget Office"
        if (named := person_named_next(span, self.docs, mention.start)) is not None:
            return self.person(named.text, mention.start)  # "A neighbor", "The neighbor, X,"
        if (named := person_introduced_next(span, self.docs, mention.start)) is not None:
            return self.person(person_name(named), mention.start)  # a lede's "A ... journalist"
        if (later := self._described_later(span, mention)) is not None:
            return later
        if (named := self._named_earlier_as(span, mention)) is not None:
            return named  # "her daughter", after "Marsh's daughter, Ruth Ann Kessler,"
        return describe(described_as(span), span.root.text, as_written=True)

    def _described_later(self: ArticleSpeakers, span: Span, mention: Mention) -> Speaker | None:
        """Whom the article names later right after the same description (``The mayor of
        Keswick has posted ...``, then ``the mayor of Keswick, Duncan Fairbairn,``)."""
        named = person_described_later(span, self.docs, mention.start)
        return self.person(named.text, mention.start) if named is not None else None

    def _named_earlier_as(self: ArticleSpeakers, span: Span, mention: Mention) -> Speaker | None:
        """The one person the article named earlier right after the same noun: ``her
        daughter said`` after ``Marsh's daughter, Ruth Ann Kessler, wrote``, ``his wife
        said`` after ``Reyes and his wife, Ana Reyes,``. Only for a noun a pronoun owns
        (whose the pronoun is, the same noun said when it was named); None when the
        article names two people so."""
        root = span.root
        owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children)
        if len(span) != 2 or root.pos_ != "NOUN" or not owned:
            return None
        found = {
            person_name(named)
            for at, doc in self.docs
            if at < mention.start
            for token in doc
            if token.lower_ == root.lower_
            and (named := named_in_apposition(token)) is not None
            and at + named.start_char < mention.start
        }
        return self.person(found.pop(), mention.start) if len(found) == 1 else None

    def _named_at(self: ArticleSpeakers, phrase: Span, paragraph: int) -> Speaker | None:
        """`_named` for a phrase found elsewhere in the article (``paragraph``: the offset
        of its paragraph), not at a mention being resolved."""
        start = paragraph + phrase.start_char
        return self._named(phrase, Mention(phrase.text, start, start + len(phrase.text)))

    def _with_given_name(self: ArticleSpeakers, surname: Span, mention: Span) -> Span:
        """A known surname with the capitalised words before it in the mention, when
        together they name someone the article names: ``Ute Haberkorn`` (the recogniser
        took only ``Haberkorn``, and for a body) is the mother, not the daughter the
        article calls ``Haberkorn``; ``Team Trump`` is still Trump."""
        doc = surname.doc
        known = {name_key(name) for _, name in self.people}
        for start in range(max(mention.start, surname.start - _GIVEN_NAMES), surname.start):
            words = doc[start : surname.start]
            if all(t.is_title and not roles.is_title(t) for t in words) and (
                name_key(doc[start : surname.end].text) in known
            ):
                return doc[start : surname.end]
        return surname

    def _surnames(self: ArticleSpeakers) -> set[str]:
        """The names and last names of the people the article names so far."""
        return {word for _, name in self.people for word in (name, name.split()[-1])}

    def _earlier_unnamed(self: ArticleSpeakers, span: Span | None, speaker: Speaker) -> Speaker:
        """``the official`` is the unnamed official the article described before."""
        if span is None or not is_definite(span) or len(span) > 2:
            return speaker
        head = span.root.lower_
        for _, earlier in reversed(self.unnamed):
            if earlier.name.split()[-1] == head or head in earlier.name.split():
                return earlier
        return speaker


_GIVEN_NAMES = 2
"""The most given names before a surname (``Mary Kay Henry``)."""
