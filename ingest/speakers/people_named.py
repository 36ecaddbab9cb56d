"""Where an article names each person, before any mention is resolved: the recogniser's
people less a name it took for a place (``in Prince Albert``), a title-case headline's
guesses and the short name of a body (`without_headline_guesses`,
`without_bodies_short_names`); names it missed whole, told by their use as a speaker
(`unrecognised_speakers`) or by a surname used alone (`full_name`); and each later use
of a surname or a given name alone (`surnames_in`, `given_names_in`). Read by
`ArticleSpeakers.read`."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from .. import roles
from ..dates import after_dateline
from ..lexicons import words
from ..parse import hyphen_joins, is_title_case, text_of
from .genders import gender_of
from .name_words import whole_word, words_of_name
from .recognised_names import person_name


def a_place(name: Span) -> bool:
    """A name the recogniser took for a person's where the sentence makes it a place:
    ``who lives near Clinton``, ``in Washington``, ``in Prince Albert`` (a title and one
    name: a town named for someone), or the dateline opening the paragraph (``VANCOUVER
    — ...``); no ``she`` or ``he`` points to it."""
    if name.end <= after_dateline(name.doc):
        return True
    root = name.root
    parsed = name.doc.has_annotation("DEP")  # some paragraphs are read for names only
    return (
        parsed
        and root.dep_ == "pobj"
        and root.head.lower_ in _WHERE
        and (
            gender_of([t.text for t in name]) is None  # not "in ... Brenda Johnson"
            or (len(name) == 2 and roles.is_title(name[0]))
        )
    )


_WHERE = words("place_prepositions") - {"at"}
"""Prepositions of place a person is seldom the object of: one is near or in a town,
but angry or aimed at a person (``mad at Sanders``)."""


def without_headline_guesses(names: list[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """The names less those the recogniser found in a title-case headline (no full stop
    at its end) that share no word with a name found anywhere else: in ``Judge Rules
    Ohio's Long-Term Isolation of Mentally Ill Prisoners Is Unconstitutional`` every word
    is capitalised, and ``Rules Ohio`` is no one (the judge is Harriet Okonkwo-Bell); a
    headline's ``Trump Says ...`` is the Donald Trump the story names."""

    def headline(doc: Doc) -> bool:
        return is_title_case(doc) and not text_of(doc).rstrip().endswith(".")

    prose = {word for _, ent in names if not headline(ent.doc) for word in person_name(ent).split()}
    return [
        (offset, ent)
        for offset, ent in names
        if not headline(ent.doc) or prose & set(person_name(ent).split())
    ]


def without_bodies_short_names(
    names: list[tuple[int, Span]], entities: list[tuple[int, Span]]
) -> list[tuple[int, Span]]:
    """``names`` less the one-word names that are how the article shortens a body's or a
    place's name: the recogniser takes ``Lakeshore`` in ``Lakeshore’s science wing`` for a
    person, but the article named ``Lakeshore High School`` and no person called
    Lakeshore; ``Baltimore`` in ``the 3-pointer that put Baltimore ahead`` after ``the
    Baltimore Bay``; ``Steveston`` in ``the Steveston docks`` after ``out of Steveston``.
    A word that is also a person's surname (``Trump`` of ``Donald Trump`` and ``Trump
    Tower``) stays a name."""
    named = [  # "the Baltimore Bay", but not "the Trump Train": a body named for him
        ent[1:] if ent[0].lower_ == "the" and ent.label_ in {"GPE", "LOC"} else ent
        for _, ent in entities
        if ent.label_ in {"ORG", "FAC", "GPE", "LOC"}
    ]
    # not "Yousif’s", an ORG of one word and its possessive
    bodies = {name[0].text for name in named if sum(t.is_alpha for t in name) > 1}
    # a town of one word, named as one elsewhere ("fished out of Steveston"), though the
    # recogniser took "the Steveston docks" for a person
    bodies |= {name.text for name in named if len(name) == 1 and _a_town(name)}
    full = [person_name(ent).split() for _, ent in names]
    surnames = {words[-1] for words in full if len(words) > 1}
    return [
        (offset, ent)
        for (offset, ent), words in zip(names, full, strict=True)
        if ent.label_ != "PERSON"  # a body's name taken for a person's given an age: kept
        or len(words) != 1
        or words[0] not in bodies
        or words[0] in surnames
    ]


def _a_town(name: Span) -> bool:
    """A place the recogniser names where a place goes: ``out of Steveston``, ``in
    Steveston`` (not ``Shonda Rhimes and Rihanna``, which it may call a place too)."""
    before = name.doc[name.start - 1].lower_ if name.start else ""
    return name.label_ in {"GPE", "LOC"} and (before in _WHERE or before == "of")


def surnames_in(doc: Doc, surnames: set[str]) -> list[tuple[int, str]]:
    """Each word of ``doc`` that is one of ``surnames`` outside a person's entity, with
    its offset in ``doc`` (``St-Onge`` too, which the tokenizer splits in three).

    For speed, a paragraph whose text holds none of them is not read word by word, and
    the others' words are read without a span each.
    """
    text = text_of(doc)
    if not any(surname in text for surname in surnames):
        return []
    found = []
    tokens = list(doc)
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        word = token.text
        if (following is not None and following.text == "-") or hyphen_joins(doc, token.i - 1):
            whole = whole_word(token)  # "St-Onge" once, at "St"; not "Asante" of "Ouellet-Asante"
            word = whole.text if whole.start == token.i else ""
        if word in surnames and token.ent_type_ != "PERSON":
            found.append((token.idx, word))
    return found


def unrecognised_speakers(docs: list[tuple[int, Doc]], known: set[str]) -> list[tuple[int, str]]:
    """Names the recogniser missed whole, told by their use: two capitalised proper nouns
    in no entity (``Ontario's Harpreet Sandhu``) whose last word the article makes the
    subject of a speech verb alone (``Sandhu told reporters``), with their offsets. The
    given name need not be a listed one; the surname is no ``known`` person's (a second
    ``Woods`` is more likely a misreading than a relative), and neither word is a
    headline's capitals or a capitalised word opening a sentence (``Is Sanders``)."""
    speaking = {
        token.text
        for _, doc in docs
        if doc.has_annotation("DEP") and not is_title_case(doc)
        for token in doc
        if token.dep_ == "nsubj"
        and token.pos_ == "PROPN"
        and token.is_title
        and token.head.lemma_.lower() in words("speech_verbs")
        and not any(c.dep_ == "compound" for c in token.children)
        and token.text not in known
        and not roles.is_title(token)  # "The Minister said": no surname
    }
    if not speaking:
        return []
    return [
        (offset + first.idx, f"{first.text} {last.text}")
        for offset, doc in docs
        if any(word in text_of(doc) for word in speaking) and not is_title_case(doc)
        for first, last in zip(doc, doc[1:], strict=False)
        if last.text in speaking
        and first.text not in speaking
        and not first.is_stop
        and not first.is_sent_start
        and _inside_sentence(first)
        and all(
            (t.pos_ == "PROPN" or not doc.has_annotation("TAG"))  # read for names only
            and t.is_title
            and t.is_alpha
            for t in (first, last)
        )
        and (_unlabelled(first, last) or _mislabelled_pair(first, last))
        and not roles.is_title(first)
        and first.lower_ not in words("honorifics")
    ]


def _unlabelled(first: Token, last: Token) -> bool:
    return not first.ent_type_ and not last.ent_type_


def _mislabelled_pair(first: Token, last: Token) -> bool:
    """The two words are one entity of another kind (``Mathis Ouellet`` read as a
    nationality)."""
    return (
        first.ent_iob_ == "B"
        and last.ent_iob_ == "I"
        and first.ent_type_ not in {"PERSON", "GPE", "LOC", "FAC", "ORG"}
        and (last.i + 1 == len(last.doc) or last.doc[last.i + 1].ent_iob_ != "I")
    )


def _inside_sentence(word: Token) -> bool:
    """No stop or opening quotation mark right before ``word``: a capital there is a
    name's, not a sentence's (read without the parse's sentences, which a paragraph read
    for its names lacks)."""
    return word.i > 0 and word.doc[word.i - 1].text not in _OPENING


_OPENING = frozenset({".", "!", "?", '"', "“"})


def given_names(people: list[tuple[int, str]], surnames: set[str]) -> set[str]:
    """The given names (``lexicons/female.txt``, ``male.txt``) of people named in full that
    no one else has as a given name or a surname: a feature calls ``Denise Arsenault``
    ``Denise``, and the recogniser may not mark that (`given_names_in`)."""
    first = Counter(
        name.split()[0] for name in {name for _, name in people} if len(name.split()) > 1
    )
    return {
        word
        for word, holders in first.items()
        if holders == 1 and word not in surnames and gender_of([word]) is not None
    }


def given_names_in(doc: Doc, given: set[str]) -> list[tuple[int, str]]:
    """Each of ``given`` in ``doc`` alone: outside a person's entity, not opening a
    sentence (``Will`` and ``Grace`` are words too) and not within a longer name (``North
    Carolina``), with its offset."""
    if not any(word in text_of(doc) for word in given):
        return []
    return [
        (token.idx, token.text)
        for token in doc
        if token.text in given
        and token.ent_type_ != "PERSON"
        and token.i < len(doc) - 1
        and _inside_sentence(token)
        and not doc[token.i - 1].is_space
        and not doc[token.i - 1].is_title
        and not doc[token.i + 1].is_title
    ]


def full_name(ent: Span, surnames: set[str]) -> bool:
    """Whether ``ent``, which the recogniser did not take for a person, is a given name
    and one of ``surnames`` the article names a person by alone (``Kerri-Lynn Adair``,
    read as a body, when ``Adair, a 38-year-old physiotherapist`` is a person); not one
    with a title in it (``GOP Rep McCaul``)."""
    return (
        whole_word(ent[-1]).text in surnames
        and 2 <= words_of_name(ent) <= 3
        and not any(roles.is_title(t) for t in ent)
    )
