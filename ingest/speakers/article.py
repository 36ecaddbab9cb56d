"""`ArticleSpeakers`: the mentions of one article resolved to speakers, the article
read whole first."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import roles
from ..dates import after_dateline
from ..lexicons import words
from ..names import name_key
from ..parse import text_of
from ..records import Mention
from .descriptions import (
    RELATIVES,
    antecedent,
    describe,
    described_as,
    described_role,
    is_abstract,
    is_definite,
    is_hearsay,
    is_someone,
    joint,
    possessor,
    released_by,
)
from .people import (
    age_after,
    extends_name,
    gender_of,
    named_before_body,
    named_in_apposition,
    names_a_person,
    person_at,
    person_name,
    person_span,
    role_gender,
    titled_gender,
    titled_name_at_end,
    whole_word,
)
from .references import body_named_before, documents_issued, is_epithet, places_of
from .speaker import Speaker
from .writers import Writers, byline

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i"})


# bodies that speak for one person, named after them: "the Clinton campaign", "Ryan's office"
_PERSONAL_BODIES = frozenset({"campaign", "administration", "office"})


def _body_of(name: str, body: str) -> str:
    """How a person's body is named: "the Trump campaign" and "the Obama administration",
    but "Trey Gowdy's office" (AP style: "Bernie Sanders' office")."""
    if body != "office":
        return f"{name} {body}"
    return f"{name}' office" if name.endswith("s") else f"{name}'s office"


def _a_place(name: Span) -> bool:
    """A name the recogniser took for a person's where the sentence makes it a place:
    ``who lives near Clinton``, ``in Washington``, or the dateline opening the paragraph
    (``VANCOUVER — ...``); no ``she`` or ``he`` points to it."""
    if name.end <= after_dateline(name.doc):
        return True
    root = name.root
    parsed = name.doc.has_annotation("DEP")  # some paragraphs are read for names only
    return (
        parsed
        and root.dep_ == "pobj"
        and root.head.lower_ in _WHERE
        and gender_of([t.text for t in name]) is None  # not "in ... Brenda Johnson"
    )


_WHERE = words("place_prepositions") - {"at"}
"""Prepositions of place a person is seldom the object of: one is near or in a town,
but angry or aimed at a person (``mad at Sanders``)."""


_AHEAD = 400
"""How far after a title with a place (``Toronto's police chief says``) the person
holding it may be named (a lede's next sentence or two)."""


_GENDERED = {"she": "female", "her": "female", "he": "male", "him": "male", "his": "male"}


_AGED = re.compile(r"\b(\d{1,3})-year-old\b")  # "the 45-year-old", "the 45-year-old woman"


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


@dataclass
class ArticleSpeakers:
    """The people an article names, to resolve its source mentions against.

    Build it with `read` from the article's parsed paragraphs (each Doc with
    its offset in the article), then call `resolve` for each mention in order.
    """

    docs: list[tuple[int, Doc]] = field(default_factory=list)
    people: list[tuple[int, str]] = field(default_factory=list)  # (offset, name as written)
    stated_roles: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, name, role)
    last_speaker: tuple[int, Speaker] | None = None
    unnamed: list[tuple[int, Speaker]] = field(default_factory=list)
    quoted: Sequence[tuple[int, int]] = ()  # the quoted passages (article offsets)
    labels: frozenset[str] = frozenset()  # "RAMOS" in "RAMOS: ...": people who speak
    titled: dict[int, str] = field(default_factory=dict)  # offset -> female | male (Mrs. Lee)
    genders: dict[str, str] = field(default_factory=dict)  # fullest name -> as titled elsewhere
    writers: Writers = Writers()  # who writes "I" and "we" outside quotation marks
    epithets: set[int] = field(default_factory=set)  # "the businessman": maybe someone named
    introduced: set[int] = field(default_factory=set)  # "a grain farmer": one new person
    issued: list[tuple[int, str, int, Token]] = field(default_factory=list)
    # (offset of "a statement", its lemma, its paragraph's offset, whose it is)

    @classmethod
    def read(
        cls,
        docs: list[tuple[int, Doc]],
        quoted: Sequence[tuple[int, int]] = (),
        labels: frozenset[str] = frozenset(),
    ) -> ArticleSpeakers:
        """Every person the article names, where, and the roles it gives them; ``quoted``
        are the passages in quotation marks, whose names no pronoun outside points to;
        ``labels`` the names in capitals that label its transcript lines
        (`attribution.marks.capital_speakers`)."""
        article = cls(docs=docs, quoted=quoted, labels=labels)
        entities = [(offset, ent) for offset, doc in docs for ent in doc.ents]
        bylines = {id(doc) for _, doc in docs[:3] if byline(doc) is not None}
        names = [
            (offset, ent)
            for offset, ent in entities
            if names_a_person(ent) and not _a_place(ent) and id(ent.doc) not in bylines
        ]
        for offset, ent in names:
            name = person_name(ent)
            if name:
                article.people.append((offset + ent.start_char, name))
                if (titled := titled_gender(ent)) is not None:
                    article.titled[offset + ent.start_char] = titled
        surnames = {name.split()[-1] for _, name in article.people if len(name.split()) > 1}
        for offset, doc in docs:
            for token in doc:
                hyphenated = token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
                word = whole_word(token) if hyphenated else doc[token.i : token.i + 1]
                if word.start == token.i and word.text in surnames and token.ent_type_ != "PERSON":
                    article.people.append((offset + token.idx, word.text))  # "St-Onge" too
        article.people.sort()
        said: dict[str, set[str]] = {}
        for offset, ent in names:
            at = offset + ent.start_char
            full = article.fullest(person_name(ent), at, article.titled.get(at))
            role = roles.role_in(person_span(ent))
            if role:
                article.stated_roles.append((at, full, role))
            gender = article.titled.get(at) or role_gender(role)
            if full and gender is not None:
                said.setdefault(full, set()).add(gender)
        article.genders = {full: found.pop() for full, found in said.items() if len(found) == 1}
        article.writers = Writers.read(docs, transcript=bool(labels))
        article.issued = [
            (offset + document.idx, document.lemma_.lower(), offset, issuer)
            for offset, doc in docs
            for document, issuer in documents_issued(doc)
        ]
        return article

    def gender(self, name: str, offset: int) -> str | None:
        """``female`` or ``male`` when the text says so (``Mrs. Lee``, a role noun such as
        ``wife``) or the given name does (``Hillary``; ``lexicons/female.txt`` and
        ``male.txt``), else None: which person a ``she`` or ``he`` may be."""
        titled = self.titled.get(offset)
        full = self.fullest(name, offset, titled)
        return titled or gender_of(full.split()[:1]) or self.genders.get(full)

    def fullest(self, name: str, offset: int | None = None, gender: str | None = None) -> str:
        """``Petro`` -> ``Gustavo Petro`` when the article names him in full.

        A surname shared by several people (``Clinton``) goes to the one named
        in full nearest before ``offset``, else to the one named most often; of
        ``gender`` when a courtesy title says (``Mrs. Clinton`` is not Bill).
        """
        tokens = name_key(name)
        if not tokens:
            return name
        fuller = {  # each name once: the article's people list every mention
            known
            for known in {known for _, known in self.people}
            if extends_name(name_key(known), tokens)
            and (gender is None or gender_of(known.split()[:1]) in {None, gender})
        }
        longer = [(at, known) for at, known in self.people if known in fuller]
        if not longer:
            return name
        before = [known for at, known in longer if offset is None or at <= offset]
        counts = Counter(known for _, known in longer)
        candidates = [before[-1]] if before else list(counts)  # in the order first named
        best = max(candidates, key=lambda known: (counts[known], len(known)))  # ties: first
        return self.fullest(best) if best != name else best

    def role_of(self, name: str, offset: int) -> str | None:
        """The role the article gives ``name`` at ``offset``.

        The latest stated before, else the first stated after.
        """
        stated = [(at, role) for at, known, role in self.stated_roles if known == name]
        before = [role for at, role in stated if at <= offset]
        if before:
            return before[-1]
        return stated[0][1] if stated else None

    def resolve(self, mention: Mention) -> Speaker | None:
        """The speaker a source mention names, with the role the article gives them;
        None when the mention names no one who can speak (``a growing paranoia``,
        ``such a characterization``: the parse's subject, not a source)."""
        span = self._span(mention)
        written = mention.text.strip()
        if written.lower() in words("pronouns"):
            return self._pronoun(written.lower(), mention.start)
        if written in self.labels:  # "RAMOS:" is Jorge Ramos, a person
            speaker = self.person(written.title(), mention.start)
            self.last_speaker = (mention.start, speaker)
            return speaker
        speaker = self._named(span, mention) if span is not None else describe(mention.text)
        if speaker is None:
            return None
        if speaker.kind == "unnamed":
            speaker = self._earlier_unnamed(span, speaker)
            self.unnamed.append((mention.start, speaker))
            if span is not None and is_epithet(span):
                self.epithets.add(mention.start)
            if span is not None and _introduces_one(span):
                self.introduced.add(mention.start)
        self.last_speaker = (mention.start, speaker)
        return speaker

    def names_no_one(self, mention: Mention) -> bool:
        """The mention is an idea, unspecified reports or no one (``such a
        characterization``, ``reports``, ``nobody``): what it "says" is no one's
        statement. Words that point back (``all``, ``these``) name someone the article
        named before, unresolved."""
        span = self._span(mention)
        if span is None:
            return False
        root = span.root
        return span.text.lower() in NO_ONE or is_abstract(root) or is_hearsay(root)

    def _span(self, mention: Mention) -> Span | None:
        found = self._paragraph(mention.start)
        if found is None:
            return None
        offset, doc = found
        return doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")

    def _paragraph(self, at: int) -> tuple[int, Doc] | None:
        """The parsed paragraph holding article offset ``at``, with its own offset."""
        return next(
            (
                (offset, doc)
                for offset, doc in reversed(self.docs)
                if offset <= at < offset + len(text_of(doc))
            ),
            None,
        )

    def _named(self, span: Span, mention: Mention) -> Speaker | None:
        span = antecedent(span)
        root = span.root
        if len(span) == 1 and root.lower_ in RELATIVES and root.head.dep_ == "relcl":
            # "a report, which said": the report
            noun = root.head.head
            return self._named(span.doc[noun.left_edge.i : noun.i + 1], mention)
        if (len(span) == 1 and root.lower_ in _POINTING) or span.text.lower() in NO_ONE:
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
            person = whole_word(root)  # a known name the tagger took for a noun
        if person is None:
            person = titled_name_at_end(span) or named_before_body(span)
        if person is not None:
            return self.person(
                person_name(person),
                mention.start,
                roles.role_in(person_span(person)),
                titled_gender(person),
            )
        if (age := _AGED.search(span.text)) and (aged := self._aged(age[1], mention.start)):
            return aged
        if (person := named_in_apposition(root)) is not None:
            # "Trump's campaign manager, Corey Lewandowski": the person, whom it describes
            return self.person(
                person_name(person),
                mention.start,
                roles.role_in(person_span(person)) or described_role(_before(span, person)),
                titled_gender(person),
            )
        owner = possessor(root)
        if owner is not None and (
            root.lemma_.lower() in words("speech_nouns") or is_abstract(root)
        ):
            # "Trump's comments suggest", "the administration's strategy frames them as": theirs
            return self._named(owner, mention)
        if root.lemma_.lower() in _PERSONAL_BODIES and (
            (person := self._owner(root, mention)) is not None
        ):  # "Sanders' campaign", "the Sanders campaign": one name for it
            return Speaker(_body_of(person.name, root.lemma_.lower()), "organization")
        if root.lower_ in words("titles"):
            places = places_of(span)
            pointing = is_definite(span) or (
                len(span) == 1 and root.lower_ in words("unnamed_heads")
            )
            if pointing or places:
                # "the premier said", a headline's bare "Premier says", "Saskatchewan's
                # premier says": whoever holds it, there if the mention says where ("the
                # Ohio governor" is Kasich, not Bush), else ("the Florida senator": Rubio,
                # named "Sen. Rubio") the nearest who holds it at all; or, as a lede
                # has it, whom the next lines name with the title ("Toronto's police
                # chief says ..." then "Chief Myron Demkiw made the announcement")
                return (
                    self._titled(root.lower_, mention.start, places)
                    or (self._titled(root.lower_, mention.start) if pointing and places else None)
                    or (self._titled_next(root.lower_, mention.end) if places else None)
                    or describe(described_as(span), root.text, as_written=True)
                )
        if root.lower_ in words("document_heads"):
            source = released_by(root)
            if source is not None:
                named = self._named(source, mention)
                if named is not None and (named.kind != "organization" or source.root.ent_type_):
                    return named
            elif is_definite(span) and (issuer := self._issuer(root, mention.start)) is not None:
                return issuer  # "said in a statement ... “...,” the statement read": theirs
        if is_abstract(root) or is_hearsay(root):
            return None
        if (body := body_named_before(span, self.docs, mention.start)) is not None:
            return describe(body.text)  # "the association" is the one named before
        return describe(described_as(span), span.root.text, as_written=True)

    def _owner(self, body: Token, mention: Mention) -> Speaker | None:
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

    def _issuer(self, document: Token, offset: int) -> Speaker | None:
        """Whose ``the statement`` is: the speaker of the last ``a statement`` of the same
        kind the article gave before (`references.documents_issued`)."""
        before = [
            (paragraph, issuer)
            for at, lemma, paragraph, issuer in self.issued
            if at < offset and lemma == document.lemma_.lower()
        ]
        if not before:
            return None
        paragraph, issuer = before[-1]
        if issuer.lower_ in words("pronouns"):
            return self._pronoun(issuer.lower_, paragraph + issuer.idx)
        return self._named_at(issuer.doc[issuer.left_edge.i : issuer.i + 1], paragraph)

    def _named_at(self, phrase: Span, paragraph: int) -> Speaker | None:
        """`_named` for a phrase found elsewhere in the article (``paragraph``: the offset
        of its paragraph), not at a mention being resolved."""
        start = paragraph + phrase.start_char
        return self._named(phrase, Mention(phrase.text, start, start + len(phrase.text)))

    def _surnames(self) -> set[str]:
        """The names and last names of the people the article names so far."""
        return {word for _, name in self.people for word in (name, name.split()[-1])}

    def person(
        self, name: str, offset: int, role: str | None = None, gender: str | None = None
    ) -> Speaker:
        full = self.fullest(name, offset, gender or self.titled.get(offset))
        return Speaker(full, "person", role or self.role_of(full, offset))

    def _titled(self, title: str, offset: int, places: Sequence[str] = ()) -> Speaker | None:
        """``the president``: the person named nearest before with that title; of the
        ``places`` too when the mention names them (``Saskatchewan premier``)."""
        titled = self._holders(title, places)
        before = [name for at, name in titled if at <= offset]
        if before:
            return self.person(before[-1], offset)
        names = Counter(name for _, name in titled)
        return self.person(names.most_common(1)[0][0], offset) if names else None

    def _titled_next(self, title: str, offset: int) -> Speaker | None:
        """The person named with ``title`` right after ``offset``, within `_AHEAD`
        characters, if no one is named with it before."""
        titled = self._holders(title)
        if any(at < offset for at, _ in titled):
            return None
        ahead = [name for at, name in titled if at - offset <= _AHEAD]
        return self.person(ahead[0], offset) if ahead else None

    def _holders(self, title: str, places: Sequence[str] = ()) -> list[tuple[int, str]]:
        """Where the article names someone with ``title`` in their role (and each of
        ``places``), and who."""
        return [
            (at, name)
            for at, name, role in self.stated_roles
            if title in role.lower().split() and all(p in role.lower() for p in places)
        ]

    def _aged(self, age: str, offset: int) -> Speaker | None:
        """``the 45-year-old``: the person named before with that age (``Sarah Jones, 45,``)."""
        aged = [
            (start + ent.start_char, ent)
            for start, doc in self.docs
            for ent in doc.ents
            if names_a_person(ent) and age_after(ent) == age
        ]
        before = [ent for at, ent in aged if at < offset]
        return self.person(person_name(before[-1]), offset) if before else None

    def _narrated(self, offset: int) -> bool:
        """The words at ``offset`` are the writer's: outside quotation marks, in a
        paragraph that does not open with one (a quote whose closing mark is missing)."""
        if any(s <= offset < e for s, e in self.quoted):
            return False
        found = self._paragraph(offset)
        first = next((t for t in found[1] if not t.is_space), None) if found else None
        return first is None or not first.is_quote

    def _pronoun(self, pronoun: str, offset: int) -> Speaker:
        writer = self.writers.at(offset) if pronoun in {"i", "we"} else None
        if writer is not None and self._narrated(offset):
            return writer
        if pronoun in _PERSON_PRONOUNS:
            wanted = _GENDERED.get(pronoun)

            def fits(name: str, at: int) -> bool:  # "she" is no one known as a man
                return wanted is None or self.gender(name, at) in {None, wanted}

            # "“... They control Crooked Hillary,” he said": not a name the speaker says
            nearest = next(
                (
                    (at, name)
                    for at, name in reversed(self.people)
                    if at < offset
                    and not any(s <= at < e for s, e in self.quoted)
                    and fits(name, at)
                ),
                None,
            )
            if wanted is not None and (
                described := self._described_before(offset, wanted, nearest)
            ):  # "One of the victims, an 83-year-old woman, read a statement. “...,” she said"
                return described
            last = self.last_speaker
            if (
                last
                and last[1].kind == "unnamed"
                and last[0] not in self.epithets
                and wanted is not None
                and (
                    gender_of(last[1].name.split()) == wanted
                    or (last[0] in self.introduced and self._next_sentence(last[0], offset))
                )
                and (nearest is None or last[0] >= nearest[0])
            ):  # "the victims' son said ... “...,” he wrote": the son, named by no name; "A
                # grain farmer said ... “...,” she said": the farmer, a sentence on
                return last[1]
            if (
                last
                and last[1].kind == "person"
                and (nearest is None or last[0] >= nearest[0])
                and fits(last[1].name, last[0])
            ):
                return self.person(last[1].name, offset)
            if nearest is not None:
                return self.person(nearest[1], nearest[0])
        elif pronoun in {"they", "them", "their"} and (many := self._many(offset)) is not None:
            return many
        elif self.last_speaker is not None:
            return self.last_speaker[1]
        return Speaker(pronoun, "unnamed")

    def _next_sentence(self, first: int, second: int) -> bool:
        """Article offset ``second`` lies in a later sentence of the paragraph holding
        ``first`` (a "she" in the same sentence is someone the speaker speaks of)."""
        found = self._paragraph(second)
        if found is None or found[0] > first:
            return False
        paragraph, doc = found
        starts = [max(t.sent.start for t in doc if t.idx <= o - paragraph) for o in (first, second)]
        return starts[0] != starts[1]

    def _described_before(
        self, offset: int, wanted: str, nearest: tuple[int, str] | None
    ) -> Speaker | None:
        """Whom ``she`` or ``he`` at ``offset`` is when the paragraph opened on someone
        described, not named, as a woman or a man (``One of the victims, an 83-year-old
        woman from Sudbury, read a statement in court. “I worked for 40 years,” she
        said``), after the nearest name: the one described, not a person named before.
        Only a phrase that brings someone in (``a``, ``one``) describes someone new; before
        anyone is named, any word may describe her (``A Calgary city councillor has
        apologized for a post in which she ...``)."""
        found = self._paragraph(offset)
        if found is None:
            return None
        paragraph, doc = found
        head = next(
            (
                t
                for t in doc
                if t.dep_ == "nsubj"
                and paragraph + t.left_edge.idx < offset
                and (nearest is None or nearest[0] < paragraph + t.left_edge.idx)
                and t.ent_type_ != "PERSON"
                and not any(s <= paragraph + t.idx < e for s, e in self.quoted)
            ),
            None,
        )
        if head is None or not _introduces_one(doc[head.left_edge.i : head.i + 1]):
            return None  # "the actor", "her daughter": someone the article may have named
        described = [head] + [c for c in head.children if c.dep_ == "appos"]
        gender = gender_of([t.lower_ for t in described])
        if not (gender == wanted or (gender is None and nearest is None)) or not any(
            is_someone(t) for t in described
        ):
            return None
        whom = [c.right_edge.i for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
        return self._named_at(doc[head.left_edge.i : max([head.i] + whom) + 1], paragraph)

    def _many(self, offset: int) -> Speaker | None:
        """Who ``they`` are when the last speaker is one person: the nearest subject
        before that names several people or a body (``Wilcox and Beruff argued ...
        States can do that, they said``, ``Republicans ... which they say ...``)."""
        last = self.last_speaker
        if last is None or last[1].kind != "person":
            return None
        for paragraph, doc in reversed(self.docs):
            if paragraph > offset or paragraph + len(text_of(doc)) < last[0]:
                continue
            subjects = [
                t
                for t in doc
                if last[0] < paragraph + t.idx < offset
                and t.dep_ in {"nsubj", "nsubjpass"}
                and (t.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in t.children))
                and is_someone(t)
            ]
            if subjects:
                noun = subjects[-1]  # with all of them: "Johnson and Weld"
                end = max([noun.i] + [c.right_edge.i for c in noun.children if c.dep_ == "conj"])
                return self._named_at(doc[noun.left_edge.i : end + 1], paragraph)
        return None

    def _earlier_unnamed(self, span: Span | None, speaker: Speaker) -> Speaker:
        """``the official`` is the unnamed official the article described before."""
        if span is None or not is_definite(span) or len(span) > 2:
            return speaker
        head = span.root.lower_
        for _, earlier in reversed(self.unnamed):
            if earlier.name.split()[-1] == head or head in earlier.name.split():
                return earlier
        return speaker


def _before(description: Span, name: Span) -> Span:
    """The words of ``description`` before the ``name`` set beside them, without the
    comma or courtesy title between (``The mayor of Fort St. James`` of ``..., Bev
    Playfair``)."""
    doc, end = description.doc, min(name.start, description.end)
    while end > description.start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in words("honorifics")
    ):
        end -= 1  # "the minister of the economy, Mr. Guajardo"
    return doc[description.start : end]


def _introduces_one(span: Span) -> bool:
    """``A grain farmer near Kindersley``, ``One California delegate``: one person the
    article brings in, whom a ``she`` or ``he`` in the next sentences may be."""
    return span[0].lower_ in {"a", "an", "one"} and span.root.tag_ not in {"NNS", "NNPS"}


def reads_parse(doc: Doc) -> bool:
    """Whether `ArticleSpeakers.read` needs more of ``doc`` than its entities.

    It does where a person is named and a title word may give a role
    (`roles.role_in` reads the parse) or a capitalised word after the name may
    continue it (`person_span` asks the tagger); elsewhere the entities alone
    give the same people.
    """
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    continued = any(ent.end < len(doc) and doc[ent.end].is_title for ent in people)
    return bool(people) and (continued or roles.may_give_role(doc))
