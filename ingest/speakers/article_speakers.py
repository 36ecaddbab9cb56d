"""`ArticleSpeakers`: the mentions of one article resolved to speakers, the article
read whole first. Where it names each person, `people_named` tells; who a pronoun is,
`pronouns`; whom any other mention names, `mentions`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .. import roles
from ..lexicons import words
from ..names import fold, name_key, without_legal_form
from ..parse import text_of
from ..records import Mention
from .descriptions import describe, name_given, role_before, without_name_given
from .documents import documents_issued
from .epithets import is_epithet, known_as, points_back
from .genders import described_gender, gender_of, role_gender, titled_gender
from .holders import Holders
from .initials import acronyms, initials_of
from .issuers import Issuers
from .it_and_they import ItAndThey
from .mentions import NO_ONE, Mentions
from .name_words import NICKNAME, extends_name
from .people_named import (
    a_place,
    full_name,
    given_names,
    given_names_in,
    surnames_in,
    unrecognised_speakers,
    without_bodies_short_names,
    without_headline_guesses,
)
from .pointing_back import PointingBack
from .pronouns import Pronouns, introduces_one
from .recognised_names import names_a_person, person_name, person_span
from .references import paragraph_at
from .speaker import Speaker
from .speaking_nouns import is_abstract, is_hearsay
from .writers import Writers, byline


@dataclass
class ArticleSpeakers(Pronouns, PointingBack, ItAndThey, Mentions, Holders, Issuers):
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
    # offset of an unnamed source -> the gender its description gives ("an 81-year-old woman")
    unnamed_genders: dict[int, str] = field(default_factory=dict)
    issued: list[tuple[int, str, int, Token]] = field(default_factory=list)
    # (offset of "a statement", its lemma, its paragraph's offset, whose it is)
    acronyms: dict[str, str] = field(default_factory=dict)  # "TTC" -> its full name
    bodies: list[tuple[int, str]] = field(default_factory=list)  # bodies that spoke, by name
    spoken: Counter[str] = field(default_factory=Counter)  # person -> mentions resolved so far
    nicknames: dict[str, str] = field(default_factory=dict)  # "tessie" -> "Teresa Lundgren"

    @classmethod
    def read(
        cls,
        docs: list[tuple[int, Doc]],
        quoted: Sequence[tuple[int, int]] = (),
        labels: frozenset[str] = frozenset(),
    ) -> ArticleSpeakers:
        """Every person the article names, where, and the roles it gives them; ``quoted``
        are the passages in quotation marks, whose names no pronoun outside points to;
        ``labels`` the names that label its transcript lines (``RAMOS:``, ``Lindqvist:``)
        (`attribution.marks.label_speakers`)."""
        article = cls(docs=docs, quoted=quoted, labels=labels)
        entities = [(offset, ent) for offset, doc in docs for ent in doc.ents]
        bylines = {id(doc) for _, doc in docs[:3] if byline(doc) is not None}
        names = [
            (offset, ent)
            for offset, ent in entities
            if names_a_person(ent) and not a_place(ent) and id(ent.doc) not in bylines
        ]
        names = without_headline_guesses(without_bodies_short_names(names, entities))
        for offset, ent in names:
            name = person_name(ent)
            if name:
                article.people.append((offset + ent.start_char, name))
                if nickname := NICKNAME.search(person_span(ent).text):
                    article.nicknames.setdefault(fold(nickname[1]), name)
                if (titled := titled_gender(ent)) is not None:
                    article.titled[offset + ent.start_char] = titled
        alone = {name for _, name in article.people if len(name.split()) == 1}
        for offset, ent in entities:  # "Kerri-Lynn Adair" (an ORG), then "Adair, 38,"
            if alone and ent.label_ != "PERSON" and full_name(ent, alone):
                article.people.append((offset + ent.start_char, ent.text))
        known = {name.split()[-1] for _, name in article.people}
        article.people += unrecognised_speakers(docs, known)
        surnames = {name.split()[-1] for _, name in article.people if len(name.split()) > 1}
        # and a given name someone goes by alone ("said Priya, 29, who asked that her last
        # name not be used", then "For Priya, ..."), as a name the article mentions again
        surnames |= {name for _, name in article.people if " " not in name and gender_of([name])}
        given = given_names(article.people, surnames)
        for offset, doc in docs:
            article.people += [(offset + at, word) for at, word in surnames_in(doc, surnames)]
            article.people += [(offset + at, word) for at, word in given_names_in(doc, given)]
        article.people.sort()
        said: dict[str, set[str]] = {}
        for offset, ent in names:
            at = offset + ent.start_char
            full = article.fullest(person_name(ent), at, article.titled.get(at))
            # a description before the name as well as a title at it ("Minister of National
            # Security, Senator Dr Roger Mahabir"): "the minister" is him too; the title,
            # stated last, is the role shown, as a description alone would be
            stated = [role for role in (roles.role_in(person_span(ent)), role_before(ent)) if role]
            for role in reversed(dict.fromkeys(stated)):
                article.stated_roles.append((at, full, role))
            gender = article.titled.get(at) or next(filter(None, map(role_gender, stated)), None)
            if full and gender is not None:
                said.setdefault(full, set()).add(gender)
        article.genders = {full: found.pop() for full, found in said.items() if len(found) == 1}
        article.writers = Writers.read(docs, transcript=bool(labels))
        article.acronyms = acronyms(docs)
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

        A surname shared by several people (``Clinton``) goes to the one the
        article has established under it (`_established`), else to the one named
        most often; of ``gender`` when a courtesy title says (``Mrs. Clinton`` is not
        Bill).
        """
        tokens = name_key(name)
        if not tokens:
            return name
        if len(tokens) == 1 and (named := self.nicknames.get(tokens[0])) is not None:
            return self.fullest(named)  # "Tessie" after 'Teresa "Tessie" Lundgren'
        fuller = {  # each name once: the article's people list every mention
            known
            for known in {known for _, known in self.people}
            if extends_name(name_key(known), tokens)
            and (gender is None or gender_of(known.split()[:1]) in {None, gender})
        }
        longer = [(at, known) for at, known in self.people if known in fuller]
        if not longer:
            given = self._given_name_of(tokens)
            return self.fullest(given) if given else name
        before = [known for at, known in longer if offset is None or at <= offset]
        counts = Counter(known for _, known in longer)
        if len(set(before)) > 1 and offset is not None:
            candidates = [self._established(tokens, longer, offset)]
        else:
            candidates = [before[-1]] if before else list(counts)  # in the order first named
        best = max(candidates, key=lambda known: (counts[known], len(known)))  # ties: first
        return self.fullest(best) if best != name else best

    def _given_name_of(self, tokens: tuple[str, ...]) -> str | None:
        """The one person named in full whose given name ``tokens`` is, when it is a given
        name (``lexicons/female.txt``, ``male.txt``) and no one's surname: ``Denise, a
        former bookkeeper`` after ``Denise Arsenault``; None when two people have it."""
        if len(tokens) != 1 or gender_of(tokens) is None:
            return None
        if any(key[-1] == tokens[0] for key in self._named_in_full):
            return None  # "Grant" of "Ulysses Grant"
        found = {known for key, known in self._named_in_full.items() if key[0] == tokens[0]}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def organisations(self) -> frozenset[str]:
        """The one-word names the recogniser gave an organisation somewhere in the article
        (``Quillbase``), which it may miss elsewhere (`references.body_subject_before`);
        not a word it tags more often as a person's name (``Sanders`` was an ORG too),
        nor a given name."""
        ents = [ent for _, doc in self.docs for ent in doc.ents]
        people = Counter(
            word for ent in ents if ent.label_ == "PERSON" for word in ent.text.split()
        )
        bodies = Counter(ent.text for ent in ents if ent.label_ == "ORG" and len(ent) == 1)
        return frozenset(
            name
            for name, count in bodies.items()
            if count > people[name] and gender_of([name]) is None  # not "Haley"
        )

    @cached_property
    def _named_in_full(self) -> dict[tuple[str, ...], str]:
        """The names of two words or more the article gives, by their `name_key`: read
        once, for every name `_given_name_of` is asked about (the people are all known
        when `read` returns)."""
        keys = {name_key(known): known for _, known in self.people}
        return {key: known for key, known in keys.items() if len(key) > 1}

    def _established(
        self, tokens: tuple[str, ...], longer: list[tuple[int, str]], offset: int
    ) -> str:
        """Which of the people named in full before ``offset`` a bare surname (``tokens``)
        there means: one named in full earlier in the same paragraph (``Bill Clinton
        campaigned ... Clinton told the crowd``), else the one the article has called by
        it most, counting their full names, the bare surnames written while no one
        else had it (``Ruth Abernathy`` and her ``Abernathy``s, then her husband
        ``Curtis Abernathy`` once: a later ``Abernathy`` is still Ruth), their given name
        alone outside quotation marks (``Denise, a former bookkeeper``) and the records
        already theirs (the one who speaks); the latest named on a tie."""
        named = [(at, known) for at, known in longer if at <= offset]
        here = self._paragraph(offset)
        if here is not None and named[-1][0] >= here[0]:
            return named[-1][1]
        credit = Counter(known for _, known in named)
        latest = {known: at for at, known in named}
        for at, written in self.people:
            if at >= offset:
                continue
            key = name_key(written)
            if (given := self._given_name_of(key)) in latest:
                if not any(s <= at < e for s, e in self.quoted):
                    credit[given] += 1  # "Denise, a former bookkeeper": Denise Arsenault's
                continue
            if key != tokens:
                continue
            holders = {known for named_at, known in named if named_at <= at}
            if len(holders) == 1:
                credit[holders.pop()] += 1
        for known in latest:  # and whom the article has quoted: its people who speak
            credit[known] += self.spoken[known]
        return max(latest, key=lambda known: (credit[known], latest[known]))

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
        speaker = self._resolved(mention)
        if speaker is not None and speaker.kind == "person":
            self.spoken[speaker.name] += 1
        if speaker is not None and speaker.kind == "organization":
            # "Halvorsen Outfitters Inc" is Halvorsen Outfitters (the form tells the
            # company apart while its mentions are read, `references.spoke_before`)
            speaker = replace(speaker, name=without_legal_form(speaker.name))
        return speaker

    def _resolved(self, mention: Mention) -> Speaker | None:
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
        if (
            span is not None
            and (points_back(span) or (known_as(span) and not self._introduced_as(speaker)))
            and (
                speaker.kind != "person"
                # "The 47-year-old former credit union executive, who was appointed ...":
                # not the executive director the next paragraph names
                or self._last_named(speaker.name, mention.start) < 0
            )
            and (named := self._described_person(span, mention.start)) is not None
        ):  # "The 61-year-old, who is in his 14th season, added": the coach named before;
            # "The Swedish-born star, who plays ..., said": the actress
            speaker = named
        short = initials_of(speaker.name)
        if short in self.acronyms and (
            speaker.kind == "organization" or not speaker.name.istitle()  # "OLAF" is no Olaf
        ):
            speaker = replace(speaker, name=self.acronyms[short], kind="organization")
        if speaker.kind == "organization" and speaker.name[:1].isupper():
            self.bodies.append((mention.start, speaker.name))
        if speaker.kind == "unnamed" and span is not None and (given := name_given(span)):
            # "A cashier, who asked that only his first name, Andre, be used, said"
            speaker = Speaker(given, "person", without_name_given(speaker.role))
        if speaker.kind == "unnamed":
            speaker = self._earlier_unnamed(span, speaker)
            self.unnamed.append((mention.start, speaker))
            if span is not None and is_epithet(span):
                self.epithets.add(mention.start)
            if span is not None and introduces_one(span):
                self.introduced.add(mention.start)
            if span is not None and (sex := described_gender(span.root)) is not None:
                self.unnamed_genders[mention.start] = sex
        self.last_speaker = (mention.start, speaker)
        return speaker

    def _introduced_as(self, described: Speaker) -> bool:
        """The article brought in someone unnamed so described before (``a singer who
        lives nearby``), whom a later ``the singer`` means."""
        head = described.name.split()[-1].lower()
        return any(head == earlier.name.split()[-1].lower() for _, earlier in self.unnamed)

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

    def text_before(self, offset: int) -> str:
        """The words of the article's paragraphs before article offset ``offset``."""
        return "\n\n".join(
            text_of(doc)[: offset - start] for start, doc in self.docs if start < offset
        )

    def _paragraph(self, at: int) -> tuple[int, Doc] | None:
        """The parsed paragraph holding article offset ``at``, with its own offset."""
        return paragraph_at(self.docs, at)

    def _token_at(self, at: int) -> Token | None:
        """The word that starts at article offset ``at``, in its paragraph's parse."""
        found = self._paragraph(at)
        if found is None:
            return None
        paragraph, doc = found
        return next((t for t in doc if paragraph + t.idx == at), None)

    def person(
        self, name: str, offset: int, role: str | None = None, gender: str | None = None
    ) -> Speaker:
        full = self.fullest(name, offset, gender or self.titled.get(offset))
        return Speaker(full, "person", role or self.role_of(full, offset))


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
