"""Sources the parse does not give as a cue's subject: the name between a quote and the
cue after it, someone named just before a cue whose subject the parse lost, the person
the sentence before a cue-less quote is about, a claim's owner, a pull quote's credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..roles import is_title
from ..speakers import AGED, SPEAKING_ENTITIES, is_someone, released_by
from .cue_grammar import SUBJECTS, is_finite, nearest_subject
from .cues import is_cue
from .source_phrases import _in_title, _left_edge, _phrase, _subject
from .sources import _is_passive, source_of


def _source_outside(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The cue's source, which cannot be words inside a quote.

    When the parser finds no subject or takes part of the quote as the subject, the
    source is the name between the quote and the cue (``"...," Rep. Lee (D-Md.)
    said``), the phrase right after the cue (``"... Full panic mode," said
    Leslie Wimes``) or, for a subject the parser hung elsewhere, someone named
    right before it (``..., former president Bill Clinton said his wife ...``).
    """
    subject = source_of(cue)
    if subject is not None and not any(s <= subject.start_char < e for s, e in quoted):
        return subject
    between = _name_between(cue, (e for _, e in quoted))
    if between is not None:
        return between
    if (going_on := _going_on_from(cue, quoted)) is not None:
        return going_on
    if subject is None and (before := _someone_before(cue)) is not None:
        return before
    if subject is None and (opening := _opening_name(cue, quoted)) is not None:
        return opening
    if subject is None and not any(e <= cue.idx for _, e in quoted):
        return None
    after = cue.nbor() if cue.i + 1 < len(cue.doc) else None
    if after is None or after.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"}:
        return None
    if (named := _name_closing(after)) is not None:
        return named
    while after.head.i > after.i and after.head.pos_ in {"PROPN", "NOUN"}:
        after = after.head
    return _phrase(after) if subject is not None or is_someone(after) else None


def _going_on_from(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The speaker of the cue a participle set off by a comma goes on from (``"...," she
    said, before adding with a smile: "..."``), when the parse hung the participle inside
    the first quote and it found no subject outside: the subject of the nearest finite
    speech verb before it in its sentence, not one inside what was said (``McAuliffe has
    said about 20 people have indicated an interest ..., aside from saying``)."""
    if cue.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    at = cue.i - 1
    while at > cue.i - 3 and cue.doc[at].pos_ in {"ADP", "ADV", "SCONJ"}:
        at -= 1  # ", before adding", ", aside from saying"
    if cue.doc[at].text != ",":
        return None  # "at the forefront of questioning": the subject's act, no speaker's
    said = [
        t
        for t in cue.doc[cue.sent.start : cue.i]
        if is_cue(t)
        and is_finite(t)
        and t.dep_ in {"ROOT", "parataxis", "conj"}  # not one in what was said
        and not any(s <= t.idx < e for s, e in quoted)
    ]
    subject = source_of(said[-1]) if said else None
    if subject is None or any(s <= subject.start_char < e for s, e in quoted):
        return None
    return subject


def _described_opener(cue: Token) -> Span | None:
    """The person (or body) a sentence opens with when a description set off by commas
    runs from there to the cue (``Dr. Marc-Olivier Thibodeau, a permafrost researcher who
    co-wrote the chapter on northern Canada, said``; ``Trump, appearing after Clinton at
    the NBC/MSNBC forum, cited``, Trump an organisation to the recogniser): whoever the
    description ends on is not the subject."""
    sentence = cue.sent
    person = next(
        (
            e
            for e in cue.doc.ents
            if e.label_ in {"PERSON", "ORG"} and sentence.start <= e.start < cue.i
        ),
        None,
    )
    if (
        person is None
        or person.start - sentence.start > 2
        or not all(  # only a title before the name: "Dr.", "Coun.", not "In criticizing"
            is_title(t) or t.lower_ in words("honorifics")
            for t in cue.doc[sentence.start : person.start]
        )
        or person.end >= cue.i
        or cue.doc[person.end].text != ","
    ):
        return None
    return cue.doc[sentence.start : person.end]


def name_set_off_first(sentence: Span) -> Token | None:
    """The proper noun a sentence opens with, set off by a comma (``Luca, standing nearby
    ...``), whatever the parse hung it on."""
    first = sentence[0]
    if len(sentence) > 1 and first.pos_ == "PROPN" and first.nbor().text == ",":
        return first
    return None


def _opening_name(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The name that opens the cue's sentence, set off by a comma, when the parse gave
    the cue no subject: ``Luca, standing nearby with a sign that read "...," said he
    ...`` (the parse hung ``Luca`` on the sign's words)."""
    first = name_set_off_first(cue.sent)
    if (
        first is None
        or first.i + 1 >= cue.i
        or not is_someone(first)
        or any(s <= first.idx < e for s, e in quoted)
        or cue.doc[cue.i - 1].text not in {",", '"', "”"}
    ):
        return None
    return cue.doc[first.i : first.i + 1]


def _name_closing(first: Token) -> Span | None:
    """A person's name a few words on from ``first``, with no punctuation between: in
    ``"...," said Stags fullback Jordie Reihana`` the parse makes ``fullback`` a verb and
    ``Stags`` its subject, but the words before the name describe the source the name
    gives."""
    doc = first.doc
    person = next(
        (
            e
            for e in doc.ents
            if e.label_ == "PERSON" and first.i < e.start <= first.i + _DESCRIPTION
        ),
        None,
    )
    if person is None or any(t.is_punct or t.pos_ == "AUX" for t in doc[first.i : person.start]):
        return None
    return person


_DESCRIPTION = 3
"""The most words of a description before the name after an inverted cue (``said Stags
fullback``)."""


def _someone_before(cue: Token) -> Span | None:
    """A finite cue's subject when the parser hung it elsewhere: the name or person
    noun just before the verb and its auxiliaries (``... Bill Clinton said his wife
    ...``, ``..., Ileana Ros-Lehtinen and Carlos Curbelo, have said they ...``), past
    a parenthesis (``Sen. Chris Murphy (a Democrat so boyish ...) says ...``), an adverb
    (``..., Paul Manafort, bluntly suggested that ...``) or an age (``Marcel Lehel Lazar,
    44, said``); and the one capitalised word that opens the sentence right before the
    verb, whatever the tagger made of it (``Tolliver said deputies had gone door to
    door``: an adverb to it, but a finite verb has a subject); and the person a verbless
    sentence opens with (`_verbless`), for the verb read as a participle after the
    description set off by commas."""
    doc = cue.doc
    opening = doc[cue.sent.start]
    if (
        cue.i == opening.i + 1
        and opening.is_title
        and opening.pos_ in {"ADV", "ADJ", "NOUN", "PROPN", "X"}  # not "And said ..."
        and opening.head == cue
        and is_finite(cue)
    ):
        return doc[opening.i : cue.i]
    at = cue.i - 1
    while at >= cue.sent.start and doc[at].head == cue and doc[at].dep_ in {"aux", "neg", "advmod"}:
        at -= 1
    if at >= cue.sent.start and _verbless(cue.sent) and cue.tag_ == "VBN" and doc[at].text == ",":
        return _described_opener(cue)  # "Prime Minister Rana, whose ... stability, conceded"
    if not is_finite(cue) or at < 0 or _is_passive(cue):
        return None  # "Passengers are being advised not to travel": whom, not who
    if doc[at].text == ")":
        opening = next((t.i for t in reversed(doc[cue.sent.start : at]) if t.text == "("), None)
        at = opening - 1 if opening is not None else -1
    elif doc[at].text == ",":
        if (opener := _described_opener(cue)) is not None:
            return opener  # "Dr. Marc-Olivier Thibodeau, a researcher ... on northern Canada,"
        at -= 1
        if at >= 2 and doc[at].like_num and doc[at - 1].text == ",":
            at -= 2  # "Marcel Lehel Lazar, 44, said"
    if at < 0:
        return None
    before = doc[at]
    if (described := _described_by(before)) is not None:
        return described  # "..., Patrick F. Kennedy, the undersecretary for management, wrote"
    if (aged := _aged_ending(before)) is not None:
        return aged  # "“...,” the 83-year-old said": the parse made "old" the verb's adjective
    if before.pos_ not in {"PROPN", "NOUN"} or not is_someone(before):
        return None
    named = next((e for e in doc.ents if e.end == at + 1), None)
    if named is not None and named.label_ in SPEAKING_ENTITIES:
        return _with_place(named)  # "..., Ontario’s Ministry for Seniors and Accessibility
        # says": all of it
    return doc[_left_edge(before).i : before.i + 1]


def _with_place(name: Span) -> Span:
    """A body's name with the place that owns it (``Ontario’s`` before ``Ministry for
    Seniors and Accessibility``), which the recogniser leaves out of the entity."""
    doc = name.doc
    if name.start < 2 or doc[name.start - 1].tag_ != "POS":
        return name
    place = next((e for e in doc.ents if e.end == name.start - 1), None)
    return doc[place.start : name.end] if place is not None and place.label_ == "GPE" else name


def _verbless(sentence: Span) -> bool:
    """The parse found no verb to head the sentence: it made a name its root and hung the
    verb on a relative clause about it (``Prime Minister Kamal Bahadur Rana, whose party
    swept to power ..., conceded ...``, ``conceded`` read as a participle)."""
    return sentence.root.pos_ in {"PROPN", "NOUN"}


def _aged_ending(last: Token) -> Span | None:
    """``the 83-year-old`` (``a 30-year-old``) ending on ``last``: someone described by
    age alone."""
    if last.lower_ != "old":
        return None
    doc = last.doc
    start = next(
        (i for i in range(last.i - 1, max(last.i - 6, -1), -1) if doc[i].lower_ in _ARTICLES),
        None,
    )
    if start is None:
        return None
    phrase = doc[start : last.i + 1]
    return phrase if AGED.search(phrase.text) else None


_ARTICLES = frozenset({"the", "a", "an"})


def _described_by(last: Token) -> Span | None:
    """The person (or body) whose description, set off by commas, ends on ``last``: in
    ``..., Patrick F. Kennedy, the undersecretary for management, wrote`` the parse
    hangs the name on the words before it, and the verb has no subject."""
    description = last
    while description.dep_ in {"pobj", "prep"} and description.head.i < description.i:
        description = description.head
    name = description.head
    if (
        description.dep_ != "appos"
        or name.i > description.i
        or name.ent_type_ not in SPEAKING_ENTITIES
        # "Paulina Reyes-Moor" an ORG to the recogniser, "a critical care physician" her
        # description; but "in Dar es Salaam, the Tanzania Coffee Board (TCB) said": a name
        or (name.ent_type_ != "PERSON" and description.pos_ == "PROPN")
    ):
        return None
    return next((e for e in last.doc.ents if e.start <= name.i < e.end), None)


def _name_between(cue: Token, ends: Iterable[int]) -> Span | None:
    """The name between a closing quotation mark (one of ``ends``, where the paragraph's
    quotes end) and the cue, when the parse hangs it on the quote: ``"...," Flynn, a top
    surrogate, said`` gives ``Flynn``, and ``"...," campaign manager Robby Mook said``
    gives the whole title and name. A verb between them has the name for its subject,
    not the cue: in ``"...," Christie said when asked whether ...`` the name is not the
    one ``asked``; but a description set off by commas may say anything (``"...," Bill
    Eastland, wearing a cowboy hat and "Ted Cruz" campaign pins, said``), a quote within
    it too."""
    for end in sorted((e for e in ends if e <= cue.idx), reverse=True):
        between = cue.doc.char_span(end, cue.idx, alignment_mode="contract")
        if between is None:
            continue
        words = [t for t in between if not t.is_space]
        while words and words[0].is_punct:
            words = words[1:]
        if not words:
            return None
        stop = next((t.i for t in words if t.is_punct), words[-1].i + 1)
        phrase = cue.doc[words[0].i : stop]
        set_off = stop < words[-1].i and cue.doc[stop].text == "," and words[-1].text == ","
        verbs = [t for t in words if t.pos_ in {"VERB", "AUX"} and not _in_title(t)]
        plain = len(words) <= 12 and not verbs  # "Jets head coach Dale Sorensen": a title
        named = (
            words[0].pos_ == "PROPN"
            or (words[0].pos_ in {"NOUN", "ADJ"} and any(t.pos_ == "PROPN" for t in phrase))
            or (words[0].is_title and words[0].ent_type_ in SPEAKING_ENTITIES)  # "Fehr" a noun
            # '"...," the complaint states': the parse made the noun a compound of the verb
            or (phrase[-1].dep_ == "compound" and phrase[-1].head == cue)
        )
        if named and (plain or (set_off and not any(t.pos_ in {"VERB", "AUX"} for t in phrase))):
            return phrase
    return None


def _preceding_subject(doc: Doc, start: int) -> Span | None:
    """Who the sentence before a cue-less quote is about, when it names someone.

    ``Trump repeated his allegations. "What they do ..."``: the quote is his,
    not that of whoever an earlier paragraph quoted.
    """
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or token.sent.start == 0:
        return None
    before = doc[token.sent.start - 1].sent
    for candidate in before:
        if candidate.dep_ in SUBJECTS and (
            candidate.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or candidate.pos_ == "PRON"
        ):
            return _phrase(candidate)
    people = [ent for ent in before.ents if ent.label_ == "PERSON"]
    if people:
        return people[-1]
    # the small model often takes a lone surname for an organisation
    return next((ent for ent in before.ents if ent.label_ == "ORG" and len(ent) == 1), None)


def beat_subject(doc: Doc, start: int, end: int) -> Span | None:
    """Who acts in the sentence right before or after a quote with no verb of saying,
    in its own paragraph: ``“The shadow is the problem.” He scraped twice more and
    handed her the plane. “Now you fix it.”`` The quotes are his, whoever spoke in the
    paragraph before: a writer sets a speaker's words beside what the speaker does. A
    person by name or ``he`` or ``she``, the subject of a sentence with no quotation
    marks of its own (a sentence before the quote first), or of its verb of saying."""
    quote = doc.char_span(start, end, alignment_mode="expand")
    if quote is None:
        return None
    near = []
    if quote[0].sent.start > 0:
        near.append(doc[quote[0].sent.start - 1].sent)
    if quote[-1].sent.end < len(doc):
        near.append(doc[quote[-1].sent.end].sent)
    for sentence in near:
        if any(t.is_quote for t in sentence):
            continue
        # who says something there ("Also, Trump isn't a conservative, he said."), else
        # who does something
        verb = next((t for t in sentence if is_cue(t)), sentence.root)
        subject = nearest_subject(verb)
        if subject is not None and (
            subject.lower_ in {"he", "she"} or subject.ent_type_ == "PERSON"
        ):
            return _phrase(subject)
    return None


def _claimant(noun: Token) -> Span | None:
    """Whose claim a nominal cue reports: the possessor (``Trump's claim``), the subject
    of the verb it is the object of (``made the promise``), or a document itself when
    the text says whose it is (``an assessment from the Council``)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj":
        owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if owner is not None:
        return _subject(owner)
    if noun.lemma_.lower() in words("document_heads") and released_by(noun) is not None:
        return _phrase(noun)
    # "Pentagon assurances that ...", "the claim by Trump that ..."
    named = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named:
        return _phrase(named[-1])
    by = next(
        (
            o
            for c in noun.rights
            if c.dep_ == "prep" and c.lower_ in {"by", "from"}
            for o in c.children
            if o.dep_ == "pobj" and is_someone(o)
        ),
        None,
    )
    return _phrase(by) if by is not None else None


POINTING_BACK = frozenset({"that", "this", "those", "these", "such", "so"})


def _named_after(doc: Doc, end: int) -> tuple[Token, Span] | None:
    """The speaker a pull quote's next sentence names: ``"We are not going anywhere."
    That was the message from union leader Rita Moss.`` gives the sentence's verb and
    ``Rita Moss``."""
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or last.sent.end >= len(doc):
        return None
    return credit(doc[last.sent.end].sent)


def credit(sentence: Span) -> tuple[Token, Span] | None:
    """The verb and the person or body a sentence credits the quote before it to.

    The sentence must point back at the quote (``That``, ``This``, ``So``), hold no
    quotation of its own, and name someone after its verb.
    """
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words or words[0].lower_ not in POINTING_BACK or any(t.is_quote for t in sentence):
        return None
    verb = sentence.root
    named = [ent for ent in sentence.ents if ent.label_ in {"PERSON", "ORG"} and ent.start > verb.i]
    return (verb, named[0]) if named else None
