"""Who a source mention names, within one article.

A pronoun goes to the nearest earlier person; a surname or titled name to the
fullest form of that name in the article (``Mr. Trump`` and ``President Trump``
are ``Donald Trump`` when the article names him in full); ``the president`` to
the person the article gives that title; unnamed sources keep the article's
description (``unnamed government official familiar with the operation``) and a
later ``the official`` goes back to them; groups (``critics``) keep their
wording; organisations and documents go by their name, and a document released
by someone (``a statement released by President Donald Trump``) by its source.

The article is read whole before any mention is resolved, because the fullest
form of a name may come after a quote that uses the short one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.lex_attrs import like_num
from spacy.tokens import Doc, Span, Token

from . import roles
from .lexicons import lines, words
from .names import name_key, same_person
from .parse import text_of
from .records import Mention

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING = re.compile(r"^[^\w]+")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i"})
_GENDERED = {"she": "female", "her": "female", "he": "male", "him": "male", "his": "male"}
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PEOPLE_NOUNS = ("titles", "group_heads", "unnamed_heads")
_RELATIVES = frozenset({"who", "which", "that"})
_AGED = re.compile(r"\b(\d{1,3})-year-old\b")  # "the 45-year-old", "the 45-year-old woman"
# words that place a described person ("his lawyer", "this reporter"): see `_owned`
_POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "its", "their"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# a mention that only points ("That ... said", "Another notes", "All told"): no one is named
_POINTING = frozenset({"that", "this", "these", "another", "all", "each", "both", "either"})
# pronouns that name no one a reader could look up: a question (``who said ...?``),
# a denial (``nobody said ...``); an indefinite person is an unnamed source
NO_ONE = frozenset(
    {"who", "whom", "what", "whoever", "whatever", "nobody", "no one", "none", "neither"}
)
_INDEFINITE = {
    "someone": "unnamed",
    "somebody": "unnamed",
    "everyone": "group",
    "everybody": "group",
}
# nouns for a number of people, a group when "of" says of whom (not "the group said")
_COLLECTIVES = frozenset({"group", "handful", "number", "majority", "minority", "couple", "lot"})
_WORKPLACE_PREPOSITIONS = frozenset({"at", "from", "in", "inside", "within"})
_POSTMODIFIERS = frozenset({"amod", "prep", "acl", "compound", "nmod", "npadvmod"})


@dataclass(frozen=True)
class Speaker:
    """A resolved source: its canonical name within the article, kind and role."""

    name: str
    kind: str  # person | organization | group | document | unnamed
    role: str | None = None


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
        names = [(offset, ent) for offset, ent in entities if _names_a_person(ent)]
        for offset, ent in names:
            name = person_name(ent)
            if name:
                article.people.append((offset + ent.start_char, name))
                if (titled := _titled_gender(ent)) is not None:
                    article.titled[offset + ent.start_char] = titled
        surnames = {name.split()[-1] for _, name in article.people if len(name.split()) > 1}
        for offset, doc in docs:
            for token in doc:
                if token.text in surnames and token.ent_type_ != "PERSON":
                    article.people.append((offset + token.idx, token.text))
        article.people.sort()
        said: dict[str, set[str]] = {}
        for offset, ent in names:
            at = offset + ent.start_char
            full = article.fullest(person_name(ent), at, article.titled.get(at))
            role = roles.role_in(person_span(ent))
            if role:
                article.stated_roles.append((at, full, role))
            gender = article.titled.get(at) or _gender_of((role or "").split())
            if full and gender is not None:
                said.setdefault(full, set()).add(gender)
        article.genders = {full: found.pop() for full, found in said.items() if len(found) == 1}
        return article

    def gender(self, name: str, offset: int) -> str | None:
        """``female`` or ``male`` when the text says so (``Mrs. Lee``, a role noun such as
        ``wife``) or the given name does (``Hillary``; ``lexicons/female.txt`` and
        ``male.txt``), else None: which person a ``she`` or ``he`` may be."""
        titled = self.titled.get(offset)
        full = self.fullest(name, offset, titled)
        return titled or _gender_of(full.split()[:1]) or self.genders.get(full)

    def fullest(self, name: str, offset: int | None = None, gender: str | None = None) -> str:
        """``Petro`` -> ``Gustavo Petro`` when the article names him in full.

        A surname shared by several people (``Clinton``) goes to the one named
        in full nearest before ``offset``, else to the one named most often; of
        ``gender`` when a courtesy title says (``Mrs. Clinton`` is not Bill).
        """
        tokens = name_key(name)
        if not tokens:
            return name
        longer = [
            (at, known)
            for at, known in self.people
            if _extends(name_key(known), tokens)
            and (gender is None or _gender_of(known.split()[:1]) in {None, gender})
        ]
        if not longer:
            return name
        before = [known for at, known in longer if offset is None or at <= offset]
        counts = Counter(known for _, known in longer)
        candidates = {before[-1]} if before else set(counts)
        best = max(candidates, key=lambda known: (counts[known], len(known)))
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
        self.last_speaker = (mention.start, speaker)
        return speaker

    def _span(self, mention: Mention) -> Span | None:
        for offset, doc in reversed(self.docs):
            if offset <= mention.start < offset + len(text_of(doc)):
                return doc.char_span(
                    mention.start - offset, mention.end - offset, alignment_mode="expand"
                )
        return None

    def _named(self, span: Span, mention: Mention) -> Speaker | None:
        span = _antecedent(span)
        root = span.root
        if len(span) == 1 and root.lower_ in _RELATIVES and root.head.dep_ == "relcl":
            # "a report, which said": the report
            noun = root.head.head
            return self._named(span.doc[noun.left_edge.i : noun.i + 1], mention)
        if (len(span) == 1 and root.lower_ in _POINTING) or span.text.lower() in NO_ONE:
            return None
        if len(span) == 1 and root.lower_ in _INDEFINITE:
            kind = _INDEFINITE[root.lower_]
            return Speaker("unnamed person" if kind == "unnamed" else root.lower_, kind)
        person = _person_at(root)
        if person is None and root.text in {name for _, name in self.people}:
            person = span.doc[root.i : root.i + 1]
        if person is not None:
            return self.person(
                person_name(person),
                mention.start,
                roles.role_in(person_span(person)),
                _titled_gender(person),
            )
        if (age := _AGED.search(span.text)) and (aged := self._aged(age[1], mention.start)):
            return aged
        if (person := _named_in_apposition(root)) is not None:
            # "Trump's campaign manager, Corey Lewandowski": the person, whom it describes
            return self.person(
                person_name(person),
                mention.start,
                roles.role_in(person_span(person)) or _described_role(span),
                _titled_gender(person),
            )
        owner = _possessor(root)
        if owner is not None and (root.lemma_.lower() in words("speech_nouns") or _abstract(root)):
            # "Trump's comments suggest", "the administration's strategy frames them as": theirs
            return self._named(owner, mention)
        if root.lower_ in words("titles") and _is_definite(span):
            return self._titled(root.lower_, mention.start) or describe(
                _description(span), root.text, as_written=True
            )
        if root.lower_ in words("document_heads"):
            source = released_by(root)
            if source is not None:
                named = self._named(source, mention)
                if named is not None and (named.kind != "organization" or source.root.ent_type_):
                    return named
        if _abstract(root):
            return None
        return describe(_description(span), span.root.text, as_written=True)

    def person(
        self, name: str, offset: int, role: str | None = None, gender: str | None = None
    ) -> Speaker:
        full = self.fullest(name, offset, gender or self.titled.get(offset))
        return Speaker(full, "person", role or self.role_of(full, offset))

    def _titled(self, title: str, offset: int) -> Speaker | None:
        """``the president``: the person named nearest before with that title."""
        titled = [
            (at, name) for at, name, role in self.stated_roles if title in role.lower().split()
        ]
        before = [name for at, name in titled if at <= offset]
        if before:
            return self.person(before[-1], offset)
        names = Counter(name for _, name in titled)
        return self.person(names.most_common(1)[0][0], offset) if names else None

    def _aged(self, age: str, offset: int) -> Speaker | None:
        """``the 45-year-old``: the person named before with that age (``Sarah Jones, 45,``)."""
        aged = [
            (start + ent.start_char, ent)
            for start, doc in self.docs
            for ent in doc.ents
            if _names_a_person(ent) and _age_after(ent) == age
        ]
        before = [ent for at, ent in aged if at < offset]
        return self.person(person_name(before[-1]), offset) if before else None

    def _pronoun(self, pronoun: str, offset: int) -> Speaker:
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
            last = self.last_speaker
            if (
                last
                and last[1].kind == "person"
                and (nearest is None or last[0] >= nearest[0])
                and fits(last[1].name, last[0])
            ):
                return self.person(last[1].name, offset)
            if nearest is not None:
                return self.person(nearest[1], nearest[0])
        elif self.last_speaker is not None:
            return self.last_speaker[1]
        return Speaker(pronoun, "unnamed")

    def _earlier_unnamed(self, span: Span | None, speaker: Speaker) -> Speaker:
        """``the official`` is the unnamed official the article described before."""
        if span is None or not _is_definite(span) or len(span) > 2:
            return speaker
        head = span.root.lower_
        for _, earlier in reversed(self.unnamed):
            if earlier.name.split()[-1] == head or head in earlier.name.split():
                return earlier
        return speaker


def _gender_of(said: Iterable[str]) -> str | None:
    """``female`` or ``male`` if the words name only one (``Mrs.``, ``Hillary``, ``wife``)."""
    lowered = {word.lower() for word in said}
    found = {gender for gender in ("female", "male") if lowered & words(gender)}
    return found.pop() if len(found) == 1 else None


def _titled_gender(name: Span) -> str | None:
    """The gender the courtesy title of a name says: ``Mrs. Clinton``, ``Mr. Trump``."""
    title = [name[0]] + ([name.doc[name.start - 1]] if name.start else [])
    return _gender_of(t.text for t in title if t.lower_ in words("honorifics"))


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


def is_someone(head: Token) -> bool:
    """A noun phrase head that names a person or body: a name, a personal pronoun, a
    title or group noun (``the nominee``, ``critics``), or a noun with a name in
    apposition (``another critic, Laurence Tribe``)."""
    return (
        head.pos_ == "PROPN"
        or head.ent_type_ in SPEAKING_ENTITIES
        or (head.lower_ in words("pronouns") and head.lower_ != "it")
        or any({head.lemma_.lower(), head.lower_} & words(name) for name in _PEOPLE_NOUNS)
        or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
    )


def _abstract(noun: Token) -> bool:
    """A singular common noun for an idea, act or state (``paranoia``, ``characterization``,
    ``strategy``: endings in ``lexicons/abstract_suffixes.txt``) that no lexicon makes a
    speaker: the subject of a reporting verb, but not a source."""
    return (
        noun.tag_ == "NN"
        and not can_speak(noun)
        and noun.lower_.endswith(lines("abstract_suffixes"))
    )


def can_speak(noun: Token) -> bool:
    """A noun for someone who can say something: a person, a group, a body, a document.

    ``threat`` or ``operations`` can be talked about but say nothing.
    """
    return is_someone(noun) or noun.lemma_.lower() in words("institution_heads") | words(
        "document_heads"
    )


def person_span(ent: Span) -> Span:
    """A PERSON entity extended over the capitalised proper nouns that follow it.

    Small models often stop short of a double surname (``Vladimir Padrino López``).
    A possessive ends a name, and another entity is no part of it (``Trump's
    October declaration``). Titles the entity starts with are no part of the name
    but the person's role (``Coun. Josh Matlow``).
    """
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end - 1 and doc[start].lower_ in words("titles"):
        start += 1
    if _POSSESSIVE.fullmatch(doc[end - 1].text):
        return doc[start:end]
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].ent_type_ in {"", "PERSON"}
    ):
        end += 1
    return doc[start:end]


def person_name(ent: Span) -> str:
    """A person's name without courtesy titles or possessive ending."""
    return clean_name(person_span(ent).text)


def clean_name(name: str) -> str:
    """A name without courtesy titles, possessive ending or surrounding punctuation (a
    name starts with a letter: ``">Sanders`` is markup left in the text)."""
    tokens = [t for t in name.split() if t.lower() not in words("honorifics")]
    return _LEADING.sub("", _POSSESSIVE.sub("", " ".join(tokens))).strip(" ,.;:\"“”‘’'-–—")


def describe(phrase: str, head: str | None = None, as_written: bool = False) -> Speaker:
    """A source that is not a named person: a group, an unnamed source, a document, an institution.

    ``head`` is the phrase's head noun (the parse root), by default its last word.
    ``as_written``: the parse already told a sentence-initial capital from a
    name's (`_description`), so the first word keeps its case.
    """
    tokens = _LEADING.sub("", phrase).strip(" ,.;:").split()
    if not tokens:
        return Speaker(phrase, "unnamed")
    first = tokens[0].lower()
    determiners = words("unnamed_determiners") | {"the"}
    partitive = (head or "").lower() in words("partitive_heads")  # "some who ...": keep "some"
    rest = tokens[1:] if first in determiners and len(tokens) > 1 and not partitive else tokens
    head = (head or rest[-1]).lower()
    wording = " ".join(rest if as_written else _lower_first(rest))
    if head in words("unnamed_heads"):
        if _owned(tokens, head):
            return Speaker(wording, "unnamed", wording)  # "his lawyer": described, not unnamed
        return Speaker("unnamed " + wording, "unnamed", wording)
    collective = head in _COLLECTIVES and "of" in [t.lower() for t in rest]  # "a group of rabbis"
    if (
        head in words("group_heads")
        or head in words("partitive_heads")
        or _counted(head)
        or collective
    ):
        return Speaker(wording, "group")  # "critics", "some who ...", "49 said", "24 percent"
    kind = "document" if head in words("document_heads") else "organization"
    return Speaker(" ".join(rest) if first == "the" else " ".join(tokens), kind)


def _counted(head: str) -> bool:
    """A number standing for people (``49 said ...``, ``24%``)."""
    return head.replace(",", "").rstrip("%").isdigit() or (head != "one" and like_num(head))


def _owned(tokens: list[str], head: str) -> bool:
    """``his lawyer``, ``Pagliano's lawyer``, ``this reporter``: someone the article
    places by whose they are or by pointing, which says more than "unnamed"."""
    lowered = [t.lower() for t in tokens]
    if head not in lowered:
        return False
    before = lowered[: lowered.index(head)]
    return bool(set(before) & (_POSSESSIVES | _DEMONSTRATIVES)) or any(
        t.endswith(("'s", "’s")) for t in before
    )


def _lower_first(tokens: list[str]) -> list[str]:
    """``Sources close to the military`` -> ``sources close to the military``.

    Sentence case is not part of a name, and would split a facet. A capital followed by
    another starts a name: ``White House official``, ``Red Hot Chili Peppers``.
    """
    first = tokens[0]
    if len(tokens) > 1 and tokens[1][:1].isupper():
        return tokens
    return [first.lower() if first[1:].islower() else first, *tokens[1:]]


def _extends(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``Hillary Clinton`` extends ``Clinton``: a fuller name of the same person."""
    return len(longer) > len(shorter) and same_person(longer, shorter)


def _person_at(token: Token) -> Span | None:
    """The person's name ``token`` belongs to, if any."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and _names_a_person(ent):
            return ent
    return None


def _described_role(span: Span) -> str | None:
    """The role a description gives (``his sister``, ``Trump's campaign manager``), if it
    names a title or whose the person is (not ``another critic``)."""
    description = _description(span)
    if span.root.lower_ in words("titles") or _owned(description.split(), span.root.lower_):
        return roles.normalise(description)
    return None


def _age_after(name: Span) -> str | None:
    """The age written right after a name: ``Sarah Jones, 45,`` or ``Sarah Jones (45)``."""
    after = name.doc[name.end : name.end + 3]
    if len(after) == 3 and after[0].text in {",", "("} and after[2].text in {",", ")", "."}:
        return after[1].text if after[1].text.isdigit() else None
    return None


def _named_in_apposition(head: Token) -> Span | None:
    """The person a described source is named as right after (``his sister Amanda
    Clarke``, ``Trump's campaign manager, Corey Lewandowski,``); not one of several
    (``presidential candidates Hillary Clinton and Donald Trump``)."""
    if head.tag_ in {"NNS", "NNPS"}:
        return None
    for child in head.rights:
        if child.dep_ == "appos" and not any(c.dep_ == "conj" for c in child.children):
            return _person_at(child)
    return None


def _names_a_person(ent: Span) -> bool:
    """A PERSON entity, or a name the tagger took for a body or place that starts with
    a given name (``Carly Fiorina`` as an ORG): two or three capitalised words."""
    if ent.label_ == "PERSON":
        return True
    return (
        ent.label_ in {"ORG", "GPE", "NORP"}
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.is_alpha for t in ent)
        and _gender_of([ent[0].text]) is not None
    )


def _antecedent(span: Span) -> Span:
    """``members of Congress and critics, who``: the source without its relative pronoun."""
    while len(span) > 1 and (span[-1].lower_ in _RELATIVES or span[-1].is_punct):
        span = span[:-1]
    return span


def _possessor(head: Token) -> Span | None:
    """The noun phrase that owns ``head`` (``Trump`` in ``Trump's comments``); a
    pronoun is left to the mention's own resolution."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ not in {"PROPN", "NOUN"}:
        return None
    return head.doc[owner.left_edge.i : owner.i + 1]


def _is_definite(span: Span) -> bool:
    return span[0].lower_ in {"the", "this", "that"}


def released_by(head: Token) -> Span | None:
    """The source of a document: ``a statement released by X``, ``an assessment from X``."""
    for token in head.subtree:
        if token.dep_ in {"agent", "prep"} and token.lower_ in {"by", "from"}:
            objects = [child for child in token.children if child.dep_ == "pobj"]
            if objects:
                tokens = list(objects[0].subtree)
                return head.doc[tokens[0].i : tokens[-1].i + 1]
    return None


def _description(span: Span) -> str:
    """The noun phrase an unnamed source is described by, with its postmodifiers.

    ``a government official`` grows to ``a government official familiar with
    the operation``; relative clauses and appositives are left out. Where they
    work is said before them, so that one source has one description:
    ``sources within the administration`` are ``administration sources``.
    """
    root = span.root
    if root.lower_ in words("partitive_heads"):  # "those surveyed", "some who ..."
        return _written(span.doc[span.start : root.right_edge.i + 1])
    if root.lower_ not in words("unnamed_heads"):
        return _written(span)
    end = span.end
    for child in root.rights:
        if child.dep_ in _POSTMODIFIERS and child.i >= span.end - 1:
            end = max(end, max(t.i for t in child.subtree) + 1)
        elif child.i >= span.end:
            break
    comma = next((t.i for t in span.doc[root.i + 1 : end] if t.text == ","), None)
    phrase = span.doc[span.start : comma if comma is not None and comma >= span.end else end]
    workplace = _workplace(root, phrase)
    if workplace is None:
        return _written(phrase)
    body = [t for t in workplace.subtree if t.dep_ != "det"]
    return _written([t for t in phrase if t.i < root.i] + body + [root])


def _written(tokens: Iterable[Token]) -> str:
    """The words as the text spaces them, with a sentence's capital dropped
    (``Sources said``) and a name's kept (``Red Hot Chili Peppers announce``: every
    word capitalised); words brought together get one space."""
    tokens = list(tokens)
    named = (
        len(tokens) > 1
        and tokens[0].is_sent_start
        and all(t.is_title or t.is_upper for t in tokens if t.is_alpha)
    )
    text = ""
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        sentence_case = (
            not named
            and token.is_sent_start
            and token.pos_ != "PROPN"
            and not token.ent_type_
            and not token.is_upper
        )
        text += token.lower_ if sentence_case else token.text
        if after is not None:
            text += token.whitespace_ if after.i == token.i + 1 else " "
    return text


def _workplace(head: Token, phrase: Span) -> Token | None:
    """The body in ``officials at the Pentagon``, ``sources within the administration``.

    Only a body (an organisation's name or a noun from
    ``lexicons/institution_heads.txt``) of a few words that ends the phrase:
    ``sources close to the military`` and ``officials in the region`` stay as written.
    """
    prep = next((c for c in head.rights if c.lower_ in _WORKPLACE_PREPOSITIONS), None)
    place = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if place is None or place.right_edge.i != phrase.end - 1:
        return None
    if any(
        t.dep_ not in {"det", "compound", "amod"} or (t.dep_ == "det" and t.lower_ != "the")
        for t in place.subtree
        if t != place
    ):
        return None  # "officials from both parties" are from no one body
    body = place.ent_type_ in {"ORG", "GPE", "NORP"} or place.lemma_.lower() in words(
        "institution_heads"
    )
    return place if body else None
