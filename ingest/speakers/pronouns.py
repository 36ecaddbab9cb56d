"""Who a pronoun is: ``I`` or ``we`` outside quotation marks the writer; ``he`` or
``she`` the last speaker or the nearest earlier person it fits, or the unnamed man or
woman just described; ``they`` and ``it`` the group, body or document's issuer that
`it_and_they` finds, else the last speaker. The part of `ArticleSpeakers` that reads
pronouns."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..roles import is_title, title_of
from .epithets import is_epithet
from .genders import described_gender, gender_of
from .references import put_to_them
from .speaker import Speaker
from .speaking_nouns import is_someone

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i"})


_GENDERED = {"she": "female", "her": "female", "he": "male", "him": "male", "his": "male"}
_PRONOUN_OF = {"female": "she", "male": "he"}
_POSSESSIVE = {"female": "her", "male": "his"}


class Pronouns:
    """Who the pronouns of an article are: mixed into `ArticleSpeakers`, whose record
    (the people named, the last speaker, the passages quoted) they read."""

    def _narrated(self: ArticleSpeakers, offset: int) -> bool:
        """The words at ``offset`` are the writer's: outside quotation marks, in a
        paragraph that does not open with one (a quote whose closing mark is missing)."""
        if any(s <= offset < e for s, e in self.quoted):
            return False
        found = self._paragraph(offset)
        first = next((t for t in found[1] if not t.is_space), None) if found else None
        return first is None or not first.is_quote

    def _pronoun(self: ArticleSpeakers, pronoun: str, offset: int) -> Speaker:
        writer = self.writers.at(offset) if pronoun in {"i", "we"} else None
        if writer is not None and self._narrated(offset):
            return writer
        if pronoun in _PERSON_PRONOUNS:
            wanted = _GENDERED.get(pronoun)
            ruled_out = self._ruled_out(offset)
            asked = self._asked_about(offset)

            def fits(name: str, at: int) -> bool:  # "she" is no one known as a man
                return (
                    at not in ruled_out
                    and name not in asked
                    and (wanted is None or self.gender(name, at) in {None, wanted})
                )

            nearest = self._named_before(offset, fits)
            if wanted is not None and (
                described := self._described_before(offset, wanted, nearest)
            ):  # "One of the victims, an 83-year-old woman, read a statement. “...,” she said"
                return described
            if (titled := self._titled_subject(offset, nearest, fits)) is not None:
                return titled  # "The judge addressed that concern. “...,” she wrote": the judge
            last = self.last_speaker
            if (
                last
                and last[1].kind == "unnamed"
                and last[0] not in self.epithets
                and wanted is not None
                and (
                    gender_of(last[1].name.split()) == wanted
                    or self.unnamed_genders.get(last[0])
                    == wanted  # "One resident, an 81-year-old woman"
                    or (last[0] in self.introduced and self._next_sentence(last[0], offset))
                )
                and (nearest is None or last[0] >= nearest[0])
            ):  # "the victims' son said ... “...,” he wrote": the son, named by no name; "A
                # grain farmer said ... “...,” she said": the farmer, a sentence on
                return last[1]
            if (
                last
                and last[1].kind == "person"
                and (nearest is None or last[0] >= nearest[0] or _in_mention(nearest, last))
                and fits(last[1].name, last[0])
            ):
                return self.person(last[1].name, offset)
            if nearest is not None:
                at, name = self._subject_instead(nearest, wanted, fits, self._asks(offset))
                return self.person(name, at)
            if last and last[1].kind == "unnamed" and fits(last[1].name, last[0]):
                return last[1]  # "The clerk, who asked ... not to use her name, said": no
                # one named could be her
        elif pronoun in {"they", "them", "their"} and (many := self._many(offset)) is not None:
            return many
        elif pronoun == "it" and (issuer := self._document_before(offset)) is not None:
            return issuer  # "... read a statement on behalf of the family. It said, in part:"
        elif pronoun == "it" and (body := self._body_just_before(offset)) is not None:
            return body  # "The Regional District expanded its order. It said ...": not the
            # forecasters quoted before
        elif self.last_speaker is not None:
            return self.last_speaker[1]
        return Speaker(pronoun, "unnamed")

    def _titled_subject(
        self: ArticleSpeakers,
        offset: int,
        nearest: tuple[int, str] | None,
        fits: Callable[[str, int], bool],
    ) -> Speaker | None:
        """The titled person a ``she`` or ``he`` at ``offset`` goes on about when the
        sentence before it, in a paragraph that names no one before, has a title for its
        subject (``The judge addressed that concern directly. Staffing shortages were
        “...,” she wrote``): whoever the article gave that title (`Holders._titled`).
        After a name in the paragraph the title is that person's (``... anchor Ilia
        Calderón reacted ... The Afro-Colombian journalist expressed ... she tweeted``)."""
        found = self._paragraph(offset)
        if found is None or not found[1].has_annotation("DEP"):
            return None
        paragraph, doc = found
        here = next((t for t in doc if paragraph + t.idx >= offset), None)
        if here is None or here.sent.start == 0:
            return None
        before = doc[here.sent.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        if (
            subject is None
            or (nearest is not None and nearest[0] >= paragraph)
            or any(s <= paragraph + subject.idx < e for s, e in self.quoted)
            or not is_epithet(doc[subject.left_edge.i : subject.i + 1])
            or not is_title(subject)
        ):
            return None
        titled = self._titled(title_of(subject), paragraph + subject.idx)
        return titled if titled is not None and fits(titled.name, paragraph + subject.idx) else None

    def _asked_about(self: ArticleSpeakers, offset: int) -> frozenset[str]:
        """The people a question put to the speaker names, opening a sentence of the
        pronoun's paragraph before it: in ``Asked whether Salas would remain the starter,
        he didn't hesitate. "He's our kicker," he said.`` the coach answers, and Salas,
        whom he was asked about, is not ``he``."""
        found = self._paragraph(offset)
        if found is None or not found[1].has_annotation("DEP"):
            return frozenset()
        paragraph, doc = found
        question = {
            paragraph + t.idx
            for verb in doc
            if paragraph + verb.idx < offset and put_to_them(verb) and verb.dep_ != "ROOT"
            for t in verb.subtree
        }
        return frozenset(known for at, known in self.people if at in question)

    def _ruled_out(self: ArticleSpeakers, offset: int) -> Container[int]:
        """Where (article offsets) the names lie that the pronoun at ``offset`` is not:
        when it is an object, the subject of its clause (in ``her lawyer, Amira Haddad,
        read a statement from her``, else ``herself``, the statement is not Haddad's);
        when it is the subject, the objects named in the phrases of its verb before it
        (``Under questioning by counsel Amrit Dhaliwal, she said``, ``As for Trump, he
        said``: not them; ``When Mr. Rubio did take Mr. Trump on, he did it sideways``:
        Rubio may be he, Trump not)."""
        token = self._token_at(offset)
        if token is None or not token.doc.has_annotation("DEP"):
            return frozenset()
        paragraph = offset - token.idx
        if token.dep_ == "nsubj":
            # "In a statement read into the record by Dhaliwal, she said": the parse may
            # make the opening phrase a clause the verb reports
            opening = [c for c in token.head.lefts if c.dep_ in {"prep", "advcl", "ccomp"}]
            return frozenset(
                paragraph + t.idx
                for phrase in opening
                for t in phrase.subtree
                if name_head(t).dep_ in {"pobj", "dobj", "dative"}
            )
        if token.dep_ not in {"pobj", "dobj", "dative"}:
            return frozenset()
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return frozenset()
        last = subject.right_edge
        return range(paragraph + subject.left_edge.idx, paragraph + last.idx + len(last))

    def _named_before(
        self: ArticleSpeakers, offset: int, fits: Callable[[str, int], bool], since: int = 0
    ) -> tuple[int, str] | None:
        """The person named nearest before ``offset`` (and not before ``since``) whom
        ``fits`` allows, outside quotation marks (`_named_back`)."""
        return next(self._named_back(offset, fits, since), None)

    def _named_back(
        self: ArticleSpeakers, offset: int, fits: Callable[[str, int], bool], since: int
    ) -> Iterator[tuple[int, str]]:
        """The people named from ``offset`` back to ``since`` whom ``fits`` allows, nearest
        first, outside quotation marks: in "“... They control Crooked Hillary,” he said"
        Hillary is not a name the writer gives."""
        return (
            (at, name)
            for at, name in reversed(self.people)
            if since <= at < offset
            and not any(s <= at < e for s, e in self.quoted)
            and fits(name, at)
        )

    def _asks(self: ArticleSpeakers, offset: int) -> bool:
        """The pronoun at ``offset`` is the subject of a verb of asking (``“...?” she
        asked``): a question put again, by whoever asked before, not the answer of the
        one asked."""
        token = self._token_at(offset)
        return token is not None and token.head.lemma_.lower() in _ASKING

    def _subject_instead(
        self: ArticleSpeakers,
        nearest: tuple[int, str],
        wanted: str | None,
        fits: Callable[[str, int], bool],
        asking: bool = False,
    ) -> tuple[int, str]:
        """The person a ``she`` or ``he`` goes on about when the nearest name is not its
        sentence's subject (the main clause's: not ``the Jets`` in ``Sorensen said he
        had not been happy ..., when the Jets turned the puck over``): the subject, named
        (``Yousif fled with her daughter, Rayan. She told the Star ...``: Yousif) or
        itself a ``she`` (``She arrived with her daughter, Rayan``), then the person
        named before it. A name the sentence is not about is seldom whom the next
        sentence's pronoun means."""
        found = self._paragraph(nearest[0])
        if found is None or wanted is None:
            return nearest
        paragraph, doc = found
        token = next((t for t in doc if paragraph + t.idx == nearest[0]), None)
        if token is None:
            return nearest
        if doc.has_annotation("DEP"):
            token = name_head(token)
            subject = next(
                (c for c in token.sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None
            )
        else:  # a paragraph read for its names alone
            subject = _opening_subject(token, _PRONOUN_OF[wanted])
        if subject is None or subject.i >= token.i or (_asked(token) and not asking):
            return nearest  # the one asked answers, unless the pronoun asks again
        owner = next(
            (c for c in subject.children if c.dep_ == "poss" and c.lower_ == _POSSESSIVE[wanted]),
            None,
        )
        if owner is not None and not is_someone(subject):
            subject = owner  # "her words were translated by her granddaughter, Tanis Ross"
        if subject.lower_ in {_PRONOUN_OF[wanted], _POSSESSIVE[wanted]}:
            # the name before that one, taken as it is: "Hannity asked Trump how high the
            # wall would be. “...,” he told Hannity" is Trump's answer; further back when
            # the paragraphs name no one before it ("The festival said ... in her honor.
            # She is survived by a sister, Rose Atieno." goes on about the one who died)
            # and that one read the same way: in "Juanita Broaddrick, who said Clinton
            # raped her, ... She has gone public ..., his wife, Hillary Clinton" the name
            # before ``She`` is ``Clinton``, whose sentence is about Broaddrick
            at = paragraph + subject.idx
            earlier = self._named_before(at, fits, since=self._paragraph_before(paragraph))
            earlier = earlier or self._named_before(at, fits)
            return self._subject_instead(earlier, wanted, fits, asking) if earlier else nearest
        phrase = _phrase_of(subject)
        named = [
            (seen, name)
            for seen, name in self.people
            if seen - paragraph in phrase and fits(name, seen)
        ]
        return named[-1] if named else nearest

    def _paragraph_before(self: ArticleSpeakers, paragraph: int) -> int:
        """Where the paragraph before the one at offset ``paragraph`` starts (itself if first)."""
        starts = [offset for offset, _ in self.docs if offset < paragraph]
        return starts[-1] if starts else paragraph

    def _next_sentence(self: ArticleSpeakers, first: int, second: int) -> bool:
        """Article offset ``second`` lies in a later sentence of the paragraph holding
        ``first`` (a "she" in the same sentence is someone the speaker speaks of)."""
        found = self._paragraph(second)
        if found is None or found[0] > first:
            return False
        paragraph, doc = found
        starts = [max(t.sent.start for t in doc if t.idx <= o - paragraph) for o in (first, second)]
        return starts[0] != starts[1]

    def _described_before(
        self: ArticleSpeakers, offset: int, wanted: str, nearest: tuple[int, str] | None
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
        if head is None or not introduces_one(doc[head.left_edge.i : head.i + 1]):
            return None  # "the actor", "her daughter": someone the article may have named
        described = [head] + [c for c in head.children if c.dep_ == "appos"]
        gender = described_gender(head)
        if not (gender == wanted or (gender is None and nearest is None)) or not any(
            is_someone(t) for t in described
        ):
            return None
        whom = [c.right_edge.i for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
        return self._named_at(doc[head.left_edge.i : max([head.i] + whom) + 1], paragraph)


def name_head(token: Token) -> Token:
    """The word a name's parse hangs on: ``Quist`` for the ``Nora`` of ``Nora Quist``,
    ``Rayan`` for the ``Amani`` of ``Amani Rayan``."""
    while token.dep_ == "compound" and token.head.ent_type_ == token.ent_type_:
        token = token.head
    return token


def _in_mention(named: tuple[int, str], last: tuple[int, Speaker]) -> bool:
    """The name found at ``named`` is a word of the last speaker's own mention (the
    ``Haberkorn`` of ``Ute Haberkorn said``), not someone named after them."""
    at, speaker = last
    return speaker.name.split()[-1] == named[1] and 0 <= named[0] - at < len(speaker.name)


def _opening_subject(name: Token, pronoun: str) -> Token | None:
    """What a sentence read without a parse is about, before ``name``: the ``pronoun``
    (``she``) or the person's name opening it, or opening the clause after its first
    comma (``In addition to her son, she is survived by a sister, Rose Atieno``;
    ``Trump never mentioned Clinton, who trailed Sanders``). Sentences end at their
    stops; a name or pronoun elsewhere (``the things she had come to believe``) is none."""
    doc = name.doc
    start = sentence_start_unparsed(name)
    comma = next((t.i + 1 for t in doc[start : name.i] if t.text == ","), None)
    for at in (start, comma):
        if at is None or at >= name.i:
            continue
        word = doc[at]
        if word.lower_ == pronoun or (word.ent_type_ == "PERSON" and word.ent_iob_ == "B"):
            return word
    return None


def sentence_start_unparsed(token: Token) -> int:
    """Where the sentence holding ``token`` starts in a paragraph read without a parse:
    after the last stop before it."""
    return next((t.i + 1 for t in reversed(token.doc[: token.i]) if t.text in {".", "!", "?"}), 0)


def introduces_one(span: Span) -> bool:
    """``A grain farmer near Kindersley``, ``One California delegate``: one person the
    article brings in, whom a ``she`` or ``he`` in the next sentences may be."""
    return span[0].lower_ in {"a", "an", "one"} and span.root.tag_ not in {"NNS", "NNPS"}


def _phrase_of(subject: Token) -> set[int]:
    """Where the words naming a subject start (paragraph offsets): the subject's own name
    (``Sherman, a ... grad whose aggressiveness has driven reporters off the Hill beat``
    names Sherman), else the name set beside it (``Sanders's campaign manager, Jeff
    Weaver``), else its words less the phrases hung on it (``Jets head coach Dale
    Sorensen``, which the parse headed by "head"; not ``Sanders`` of ``a senior adviser
    to Mr. Sanders``). The last person named there is whom it names."""
    if subject.ent_type_ == "PERSON":
        return {t.idx for t in subject.doc[subject.left_edge.i : subject.i + 1]}
    beside = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    if beside:
        return {t.idx for t in beside[0].subtree}
    aside = {
        t.i
        for c in subject.children
        if c.dep_ in {"appos", "relcl", "acl", "prep"}
        for t in c.subtree
    }
    return {t.idx for t in subject.subtree if t.i not in aside}


def _asked(token: Token) -> bool:
    """The person a question was put to (``Conroy asked Sanders whether ...``), whose
    answer the next ``he said`` reports; not one asked to do something (``Reyes said he
    never asked Whitfield to go quiet. He said ...``: Reyes goes on)."""
    return (
        token.dep_ in {"dobj", "dative"}
        and token.head.lemma_.lower() in _ASKING
        and not any(c.dep_ == "xcomp" for c in token.head.children)
    )


_ASKING = frozenset({"ask", "press", "question", "interview"})
