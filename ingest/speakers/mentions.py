"""Whom a source mention other than a pronoun names: a person by name, surname or
courtesy title; the holder of a title (``the premier``, ``Saskatchewan premier``) or
an age (``the 45-year-old``); the person a description is set beside; whose campaign or
statement it is; a body named before; else the description as written, and a later
``the official`` the unnamed official described before. The part of `ArticleSpeakers`
that reads mentions other than pronouns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .. import roles
from ..lexicons import pairs, words
from ..names import name_key
from ..parse import text_of
from ..records import Mention
from .descriptions import (
    RELATIVES,
    antecedent,
    before_name,
    describe,
    described_as,
    described_role,
    holds_words,
    is_abstract,
    is_definite,
    is_hearsay,
    is_someone,
    joint,
    owner_run_in,
    possessor,
    released_by,
    speechless,
)
from .documents import document_kind
from .epithets import AGED
from .genders import gendered, titled_gender
from .name_words import handle_in, whole_word
from .names_in_phrases import (
    body_in_apposition,
    named_before_body,
    named_in_apposition,
    person_at,
    titled_name_at_end,
)
from .recognised_names import age_after, names_a_person, person_name, person_span
from .references import (
    bare_body,
    body_described_before,
    body_named_before,
    body_named_next,
    body_subject_before,
    person_described_later,
    person_named_next,
    places_of,
    spoke_before,
)
from .speaker import Speaker

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


# bodies that speak for one person, named after them: "the Clinton campaign", "Ryan's office"
_PERSONAL_BODIES = frozenset({"campaign", "administration", "office"})


def _body_of(name: str, body: str) -> str:
    """How a person's body is named: by the surname, as news writes it and whatever
    the mention says ("the Trump campaign", "Sanders' campaign" and "the Bernie
    Sanders campaign" are the Sanders campaign: one speaker, in every article), but
    "Trey Gowdy's office" (AP style: "Bernie Sanders' office")."""
    if body != "office":
        return f"{name.split()[-1]} {body}"
    return f"{name}' office" if name.endswith("s") else f"{name}'s office"


_AHEAD = 400
"""How far after a title with a place (``Toronto's police chief says``) the person
holding it may be named (a lede's next sentence or two)."""


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
            issuer := _issuing_body(root)
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
        if root.lemma_.lower() in _PERSONAL_BODIES and (
            (person := self._owner(root, mention)) is not None
        ):  # "Sanders' campaign", "the Sanders campaign": one name for it
            return Speaker(_body_of(person.name, root.lemma_.lower()), "organization")
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
                and not _of_someone_named(root)  # "a spokesman for Mayor X": not X
                and (
                    named := self._titled_next(
                        title, mention.end, _named_office(root), self._next_end(mention)
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
                    or (self._titled_next(title, mention.end, _office_of(root)) if places else None)
                    or (  # "the health minister announced", then "Health Minister Tunde ..."
                        self._titled_next(title, mention.end, qualified)
                        if pointing and (qualified := _qualifiers(root))
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
        if (body := _body_described(span)) is not None:
            return describe(body.text)  # "the nonpartisan Congressional Budget Office"
        if (named := person_named_next(span, self.docs, mention.start)) is not None:
            return self.person(named.text, mention.start)  # "A neighbor", "The neighbor, X,"
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

    def _owner(self: ArticleSpeakers, body: Token, mention: Mention) -> Speaker | None:
        """The person whose campaign, office or administration ``body`` is, named as its
        possessor (``Sanders' campaign``) or right before it (``the Trump campaign``);
        not a pronoun's (``her campaign`` stays as written: a wrong name would be worse),
        nor a body described further (``Mr. Obama's Council of Economic Advisers``)."""
        if any(c.dep_ in {"prep", "acl", "relcl", "appos", "conj"} for c in body.rights):
            return None
        owner = next(
            # a capitalised word: "Sanders'" is tagged a noun
            (c for c in body.lefts if c.dep_ in {"poss", "compound"} and c.is_title),
            None,
        )
        if owner is None or any(c.i != owner.i and c.dep_ != "det" for c in body.lefts):
            return None  # "Trump's overtly racist campaign", "the stop-Trump campaign"
        phrase = owner.doc[owner.left_edge.i : owner.i + 1]
        if any(t.text == "-" for t in phrase):
            return None
        found = self._named(phrase, mention)  # named where the mention is, as a possessor is
        return found if found is not None and found.kind == "person" else None

    def _issuer(self: ArticleSpeakers, document: Token, offset: int) -> Speaker | None:
        """Whose ``the statement`` is: the speaker of the last ``a statement`` of the same
        kind the article gave before (`documents.documents_issued`)."""
        before = [
            (paragraph, issuer)
            for at, lemma, paragraph, issuer in self.issued
            if at < offset and document_kind(lemma) == document_kind(document.lemma_.lower())
        ]
        return self._issued_by(*before[-1]) if before else None

    def _issued_by(self: ArticleSpeakers, paragraph: int, issuer: Token) -> Speaker | None:
        """Who ``issuer`` (a word of the paragraph at offset ``paragraph``) is; for a verb
        that stood for its missing subject, the speaker last found in its sentence."""
        if issuer.pos_ in {"VERB", "AUX"}:
            sentence = issuer.sent
            last = self.last_speaker
            start, end = paragraph + sentence.start_char, paragraph + sentence.end_char
            return last[1] if last is not None and start <= last[0] < end else None
        if issuer.lower_ in words("pronouns"):
            return self._pronoun(issuer.lower_, paragraph + issuer.idx)
        return self._named_at(issuer.doc[issuer.left_edge.i : _name_end(issuer)], paragraph)

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


def _name_end(head: Token) -> int:
    """Where a body's name headed by ``head`` ends, with the names it is ``of``: ``the
    Office of the Auditor General of British Columbia``, not ``the Office``."""
    end = head.i + 1
    while of := next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None):
        named = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if named is None:
            break
        end, head = named.i + 1, named
    return end


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


def _issuing_body(document: Token) -> Span | None:
    """The organisation named as a document's first words (``KHDA data``, ``Census
    Bureau data``, ``a CNN/ORC poll``), whose document it is; None when the name is of
    something else (``Iowa caucus results``: a place), of where it was posted (``a 2010
    YouTube video``: `_HOSTED`), or the recogniser's guess at a word opening the
    sentence (``Exit polls``) or at a title written out (``the Governor report``)."""
    if document.lower_ in _HOSTED or document.lemma_.lower() in _HOSTED:
        return None
    doc = document.doc
    body = next((e for e in doc.ents if e.end == document.i and e.label_ == "ORG"), None)
    if body is None or not all(body.start <= t.head.i <= document.i for t in body):
        return None
    body = body[1:] if body[0].lower_ == "the" else body
    start = body.start
    while (
        start >= 2
        and doc[start - 1].text in {"/", "-"}
        and (doc[start - 2].is_title or doc[start - 2].is_upper)
    ):
        start -= 2  # "a CNN/ORC poll": both
    body = doc[start : body.end]
    alone = len(body) == 1 and not body[0].is_upper
    if (alone and body.start == body.sent.start) or (len(body) == 1 and roles.is_title(body[0])):
        return None
    return body


_HOSTED = frozenset({"figures", "video", "videos", "footage", "post", "posts", "tweet", "blog"})
"""Documents whose first words may name where they were posted or whom they count (``a
YouTube video``, ``GOP figures``), not who issued them."""


def _of_someone_named(title: Token) -> bool:
    """A person is named in the title's phrases (``a spokesman for Mayor Frank Jackson``)."""
    return any(t.ent_type_ == "PERSON" for c in title.rights if c.dep_ == "prep" for t in c.subtree)


def _named_office(title: Token) -> list[str]:
    """The capitalised words before a title in its phrase that name its office
    (``district``, ``court`` in ``a U.S. District Court judge``; not ``federal`` or
    ``senior``)."""
    phrase = title.doc[title.left_edge.i : title.i]
    return [t.lower_ for t in phrase if t.is_alpha and t.is_title and t.i > title.left_edge.i]


def _qualifiers(title: Token) -> list[str]:
    """The words before a title that say which one it is (``health`` in ``the health
    minister``), which the person named next with it has in their role too."""
    return [c.lower_ for c in title.lefts if c.dep_ in {"compound", "amod"} and c.is_alpha]


def _office_of(title: Token) -> list[str]:
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


def _body_described(span: Span) -> Span | None:
    """The body's own name when the mention describes it first: ``the nonpartisan
    Congressional Budget Office``, ``the left-leaning Center for American Progress``
    are the Congressional Budget Office and the Center for American Progress, as
    the article may call them elsewhere: one speaker, not one per epithet. Only
    determiners, adjectives and common nouns may stand before the recogniser's name
    (``the state's Republican Party`` keeps its owner)."""
    root = span.root
    body = next((e for e in span.ents if e.label_ == "ORG" and e.start <= root.i < e.end), None)
    if (
        body is None
        or body.start == span.start
        or len(body) < 2  # "an anti-Trump super PAC" is no "PAC"
        or not all(t.is_punct for t in span.doc[body.end : span.end])  # "A, B and C"
    ):
        return None
    before = span.doc[span.start : body.start]
    if not all(
        t.dep_ in _EPITHETS or t.text == "-" or (t.is_lower and t.dep_ not in {"poss", "case"})
        for t in before
    ):
        return None
    return body


_EPITHETS = frozenset({"det", "amod", "advmod", "npadvmod"})
"""What may describe a body before its name: ``the``, ``nonpartisan``, ``left``-``leaning``
(and any word in lower case: ``the advocacy group Human Rights Watch``)."""
