"""The names the entity recogniser gives: which of its entities name a person (a
PERSON, or a name it took for a body or a place), and how far a person's name runs
(past a surname it stopped short of, after the titles it took in)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..dates import MONTHS, WEEKDAYS
from ..lexicons import words
from ..parse import hyphen_joins, is_title_case, text_of
from ..roles import is_title
from .genders import gendered
from .name_words import (
    NICKNAME,
    POSSESSIVE,
    capitalised,
    clean_name,
    ends_like_a_company,
    whole_word,
    words_of_name,
)
from .speaking_nouns import PLACE_ENTITIES, is_someone


def person_span(ent: Span) -> Span:
    """A PERSON entity extended over the capitalised proper nouns that follow it.

    Small models often stop short of a double surname (``Vladimir Padrino López``)
    or of a given name after a title (``Liberal MP Nate Erskine-Smith`` gives
    ``Erskine-Smith``). A possessive ends a name, and another entity is no part of
    it (``Trump's October declaration``). Titles the entity starts with are no part
    of the name but the person's role (``Coun. Josh Matlow``, ``NDP MPP Jessica
    Bell``).
    """
    doc, start, end = ent.doc, _name_start(ent), ent.end
    end = _of_a_body(ent) or end
    if start == ent.start and start > 0 and _given_name(doc[start - 1]):
        start -= 1
    if hyphen_joins(doc, start - 1):  # "Roy" of "Ogundipe-Roy": the whole surname
        start = whole_word(doc[start]).start
    if end < len(doc) and hyphen_joins(doc, end) and _named_as_someone(doc[start:end]):
        end = whole_word(doc[end - 1]).end  # "Okonkwo" of "Mr. Okonkwo-Price"
    # a title-case headline's verb or pronoun is no part of the name the recogniser ran
    # on into it ("Salma Hayek Described Her Experience ..."; in running text, "George
    # Will" is a name)
    cut = next((t.i for t in doc[start + 1 : end] if t.pos_ in _NOT_IN_NAMES), None)
    if cut is not None and is_title_case(doc):
        end = cut
    while (
        end - start > 1
        and doc[end - 1].is_lower
        and doc[end - 2].whitespace_  # "Ban Ki-moon": a piece of a hyphenated name
        and any(map(capitalised, doc[start : end - 1]))
    ):
        end -= 1  # 'Juan "Chico" Manriquez of', 'Dorothy "Dot" Mercer outside': a name
        # ends with a capital; the recogniser ran on into the next word
    if POSSESSIVE.fullmatch(doc[end - 1].text):
        return doc[start:end]
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and capitalised(doc[end])
        and (doc[end].ent_type_ in {"", "PERSON"} or _surname_after(doc[end - 1], doc[end]))
    ):
        end += 1
    return doc[start:end]


_NOT_IN_NAMES = frozenset({"VERB", "AUX", "PRON"})


def _surname_after(given: Token, word: Token) -> bool:
    """A capitalised word the recogniser took for an entity of its own (``Holyday`` as a
    date in ``Coun. Stephen Holyday``) right after a given name: the surname, unless it
    is a day or a month (``said Stephen Tuesday``)."""
    return (
        word.is_alpha
        and gendered(given)
        and word.lower_ not in WEEKDAYS
        and word.lower_ not in MONTHS
    )


def _name_start(ent: Span) -> int:
    """Where the name in an entity starts: after its titles (``Coun. Josh Matlow``) or
    the outlet it comes after (``Fox News Sean Hannity``)."""
    start = _after_title(ent)
    if start is None and ent.label_ != "PERSON":
        start = _given_name_within(ent)
    if start is not None:
        return start
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in words("titles"):
        start += 1
    return start


def _after_title(ent: Span) -> int | None:
    """Right after the last title word of an entity when only capitalised words follow
    it (``Ontario Premier Doug Ford``, ``Toronto Police spokesperson Const. Victor
    Kwong``)."""
    last = max((t.i for t in ent[:-1] if is_title(t)), default=None)
    if last is None:
        return None
    name = ent.doc[last + 1 : ent.end]
    if len(name) >= 2 and all(t.is_title for t in name):  # not "King Jr"
        return last + 1
    return None


def _of_a_body(ent: Span) -> int | None:
    """Where a person's name ends in an entity the recogniser ran on over the body the
    person is of (``Stephanie Arkwright of Crescent Sports Management``, an ORG): at the
    ``of`` after a given name and a surname or two, or None."""
    if ent.label_ == "PERSON" or not gendered(ent[0]):
        return None
    of = next((t.i for t in ent[2:5] if t.lower_ == "of"), None)
    if of is None or of + 1 >= ent.end or not all(t.is_title for t in ent.doc[ent.start : of]):
        return None
    return of


def _given_name_within(ent: Span) -> int | None:
    """Where a person's name closes an entity that does not start with it: a listed given
    name and one or two capitalised words to its end, after words of an outlet or body
    (``Fox News Sean Hannity``, ``Washington Post Jennifer Rubin``), or None. An entity
    that opens with a given name is one name (``Christina N Luis Olidem``), and one that
    opens a place's name is the place's (``the San Francisco Courier``:
    `lexicons/place_openers.txt`)."""
    first = next((t for t in ent if t.is_alpha), None)
    if first is None or gendered(first):
        return None
    for token in ent[1:-1]:
        rest = ent.doc[token.i + 1 : ent.end]
        if (
            len(rest) <= 2
            and token.is_title
            and (gendered(token) or _initial(token, rest))
            and all(t.is_title and t.is_alpha for t in rest)
            and not hyphen_joins(ent.doc, token.i - 1)  # "Marc" in "Jean-Marc Ayrault"
            and ent.doc[token.i - 1].lower_ not in words("place_openers")  # "San Francisco"
        ):
            return token.i
    return None


def _initial(token: Token, rest: Span) -> bool:
    """An initial written for the given name before a surname (``Leader of the
    Opposition R. Kamalakannan``, as Indian papers name people), not one of a body's
    name (``H. J. Heinz Company``) nor a middle initial after a given name set off by a
    comma (``the District of Columbia, Channing D. Phillips``)."""
    doc = token.doc
    return (
        _INITIAL.fullmatch(token.text) is not None
        and not (token.i >= 2 and doc[token.i - 2].text == "," and doc[token.i - 1].is_title)
        and rest[-1].lower_ not in words("institution_heads")
        and not ends_like_a_company(rest)
    )


_INITIAL = re.compile(r"[A-Z]\.")


def _given_name(token: Token) -> bool:
    """A given name the recogniser left out of the name after it: a capitalised word in
    no entity and no title, listed as a given name or right after a title (``MP Nate``)."""
    return (
        token.pos_ == "PROPN"
        and capitalised(token)
        and token.is_alpha
        and not token.ent_type_
        and token.lower_ not in words("titles")
        and (gendered(token) or (token.i > 0 and is_title(token.doc[token.i - 1])))
    )


def person_name(ent: Span) -> str:
    """A person's name without courtesy titles or possessive ending."""
    return clean_name(person_span(ent).text)


def _alone_after_the(ent: Span) -> bool:
    """A word alone after ``the``: a title (``the Taoiseach``, ``the Pope``), whoever
    holds the office, not a name a later ``the Taoiseach said`` could mean as someone
    else; or a thing written with a capital that is also a given name (``the Bill``
    before a legislature, which the recogniser took for a Bill), which a later ``he``
    is not. A surname stays a name (``the Clinton of lore``)."""
    return len(ent) == 1 and _after_the(ent) and (is_title(ent[0]) or gendered(ent[0]))


def _office_of(ent: Span) -> bool:
    """A title alone before ``of`` (``Clerk of session Tom Bradley``, taken for a person):
    an office, whose holder is named after it."""
    after = ent.end
    return (
        len(ent) == 1
        and is_title(ent[0])
        and after < len(ent.doc)
        and ent.doc[after].lower_ == "of"
    )


def _masthead(ent: Span) -> bool:
    """A name after ``The`` with its capital inside a sentence: a paper's or a work's
    (``Speaking to The Scotsman``, ``told The Verge``), no one's."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.text == "The" and not before.is_sent_start


def _after_the(ent: Span) -> bool:
    """The word before the entity is ``the``."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"


def _team_after_the(ent: Span) -> bool:
    """Names after ``the`` ending in a plural: a team or a band (``The Charlotte
    Sentinels announced``, a person to the recogniser for its ``Charlotte``), which a
    person's name is not written with; but for a name qualifying another noun (``the
    Bernie Sanders campaign``)."""
    last = ent[-1].text
    return (
        len(ent) >= 2
        and _after_the(ent)
        and ent.root.dep_ not in {"compound", "poss", "amod", "nmod"}
        and not (ent.root.head.i in range(ent.end, ent.end + 3) and ent.root.head.pos_ == "NOUN")
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is", "'s", "’s"))
        and not gendered(ent[-1])
    )


def _given_name_set_off(ent: Span) -> bool:
    """A given name alone, set off by commas after someone it names (``Mr Kershaw's wife,
    Leanne, sat ...``), read from the words: such a paragraph may have no parse."""
    doc = ent.doc
    return (
        len(ent) == 1
        and gendered(ent[0])
        and ent.start >= 2
        and doc[ent.start - 1].text == ","
        and is_someone(doc[ent.start - 2])
        and (ent.end == len(doc) or doc[ent.end].is_punct)
    )


def _played(ent: Span) -> bool:
    """A character an actor plays, no one the article quotes (``who has played barmaid Dot
    Hennessey for 27 years``, ``Sheila Brannan as Dot Hennessey``): whom a later ``she``
    is not. Read from the words, as a paragraph with no quote has no parse."""
    doc = ent.doc
    before = list(doc[max(ent.start - 2, 0) : ent.start])
    if before and before[-1].lower_ == "as":
        return ent.start >= 2 and doc[ent.start - 2].ent_type_ == "PERSON"
    if len(before) == 2 and before[-1].is_lower and before[-1].is_alpha:
        before = before[:1]  # "played barmaid Dot Hennessey"
    return bool(before) and before[-1].lower_ in _PLAYING


_PLAYING = frozenset(
    {"play", "plays", "played", "playing", "portray", "portrays", "portrayed", "portraying"}
)


def _listed_with_places(ent: Span) -> bool:
    """A name in a list of places, one of them too (``Nairobi, Mombasa, Kisumu, Garissa
    and Migori were the worst affected counties``: ``Garissa`` a person to the
    recogniser, whom a later ``she`` then meant). Two places at least: the recogniser
    takes one person for a place now and then (``Richards and Menendez``)."""
    if not ent.doc.has_annotation("DEP"):
        return False
    first = ent.root
    while first.dep_ == "conj":
        first = first.head
    listed = [first, *(t for t in first.subtree if t.dep_ == "conj")]
    places = [t for t in listed if t.ent_type_ in {"GPE", "LOC"} and not ent.start <= t.i < ent.end]
    return len(places) >= 2


def _courtesy_first(ent: Span) -> bool:
    """An entity that opens with a courtesy title (``Ms``, ``Mr.``, ``Dr``) and goes on
    in two to five capitalised words names a person, however many names they have (the
    recogniser's ORG ``Ms Nur Hidayah Mohamed Salleh``); not a body named for one (``Dr
    Martens``, one word; ``Mr. Cooper Group``: `lexicons/institution_heads.txt`)."""
    rest = [t for t in ent[1:] if not t.is_punct]
    return (
        ent[0].lower_ in words("honorifics")
        and 2 <= len(rest) <= 5
        and all(t.is_title and t.is_alpha for t in rest)
        and rest[-1].lower_ not in words("institution_heads")
        and rest[-1].lower_ not in words("place_heads")
    )


def _names_a_place(ent: Span) -> bool:
    """The entity names the place the word after it is (``the Nakhimovskyi district``,
    ``the Kowalski neighbourhood``: `lexicons/place_heads.txt`)."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        after is not None
        and after.is_lower
        and after.lower_ in words("place_heads")
        and ent.root.head == after
        and ent.root.dep_ == "compound"
    )


def _part_of(ent: Span) -> bool:
    """The entity is the place something is part of (``parts of Mir Ali``, ``residents of
    Abu Ghosh``: `lexicons/place_parts.txt`), however like a person's its name reads."""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lower_ in words("place_parts")
    )


def _body_named(ent: Span) -> bool:
    """Three words or more ending in what names a body (``Greater Hope Baptist Church``)."""
    return len(ent) > 2 and ent[-1].lower_ in words("institution_heads")


def names_a_person(ent: Span) -> bool:
    """A PERSON entity, or a name the recogniser took for something else: two or three
    capitalised words after any titles that start with a given name (``Carly Fiorina``
    or ``NDP MPP Jessica Bell`` as an ORG, ``Ontario Premier Doug Ford`` as a work of
    art, ``Mayor Crystal McAteer`` as a product) or follow an abbreviated rank (``RCMP
    Cpl. Jodi Shelley`` as an ORG) or have a title beside them (`_titled_after`). Not a
    state or province abbreviated after a place (``Sudbury, Ont.``, taken for a person),
    a person's thing (``Cruz's Iowa``), a street (``East Shelby Drive``:
    `lexicons/street_heads.txt`), a body named in three words or more (``Greater Hope
    Baptist Church``: `lexicons/institution_heads.txt`; ``Frank Church`` is a name), a
    platform (``Instagram Live``: `lexicons/platforms.txt`), a place's post (``Nunavut
    MLA``), an office before ``of`` (``Clerk of session``: `_office_of`), a place's name
    (``the Nakhimovskyi district``: `_names_a_place`), a place something is part of
    (``parts of Mir Ali``: `_part_of`), a titled person's employer (`_employer`), an
    office or a thing alone after ``the`` (`_alone_after_the`), a paper after a
    capitalised ``The`` (`_masthead`), a team (`_team_after_the`), a place listed with
    others (`_listed_with_places`), a role someone plays (`_played`) nor a word with no
    capital (``killed by lorry``). A courtesy title opening the entity makes it a
    person's name (`_courtesy_first`), and so does a given name alone in apposition to
    someone (``Mr Kershaw's wife, Leanne,``, an ORG to the recogniser:
    `_given_name_set_off`) or one the recogniser ran on over the body the person is of
    (`_of_a_body`)."""
    if not any(t.text[:1].isupper() for t in ent):
        return False
    if ent.label_ == "PERSON":
        # "Cruz's Iowa": a possessive inside makes it something of a person's (not the
        # closing mark of a nickname: "Robert ‘Bobby’ Vance")
        return (
            not _abbreviated_region(ent)
            and not (
                any(POSSESSIVE.fullmatch(t.text) for t in ent[:-1])
                and not NICKNAME.search(ent.text)
            )
            and not _employer(ent)
            and not _place_and_post(ent)
            and not _alone_after_the(ent)
            and not _office_of(ent)
            and not _masthead(ent)
            and not _team_after_the(ent)
            and not _listed_with_places(ent)
            and not _played(ent)
            and not (len(ent) > 1 and ent[-1].lower_ in words("street_heads"))
            and not _body_named(ent)
            and not _names_a_place(ent)
            and not _part_of(ent)
            and ent[0].lower_ not in words("platforms")
        )
    if _given_name_set_off(ent):
        return True  # "Mr Kershaw's wife, Leanne,"
    if _of_a_body(ent) is not None:
        return True  # "Stephanie Arkwright of Crescent Sports Management", an ORG to it
    if _body_named(ent):
        return False  # "Greater Hope Baptist Church": "Hope" is no given name there
    if ent.label_ == "ORG" and _given_name_within(ent) is not None:
        return True  # "Fox News Sean Hannity": a host after the network
    if _courtesy_first(ent):
        return True  # "Ms Nur Hidayah Mohamed Salleh", taken for an ORG
    name = ent.doc[_after_title(ent) or ent.start : ent.end]
    count = words_of_name(name)
    return (
        ent.label_ in {"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT"}
        and 1 <= count <= 3
        and (
            (
                count >= 2
                and (
                    _title_before(name)
                    or gendered(name[0])
                    or _titled_after(ent)
                    or _titled_before(ent)
                )
            )
            or _aged(ent)  # "Yousif, 31, fled Khartoum", taken for a place
        )
        and name[-1].lower_ not in words("place_heads")  # "Victoria Park", a GPE
    )


def _named_as_someone(name: Span) -> bool:
    """A name set down as a person's: with a given name or after a courtesy title (``Mr.
    Okonkwo``), not a word alone (``Glass`` of the ``Glass-Steagall`` Act)."""
    before = name.doc[name.start - 1].lower_ if name.start else ""
    return len(name) > 1 or before in words("honorifics")


def age_after(name: Span) -> str | None:
    """The age written right after a name: ``Sarah Jones, 45,``, ``Sarah Jones (45)`` or
    ``Sophie Tremblay-Nguyen, a 41-year-old former naval officer``."""
    after = name.doc[name.end : name.end + 3]
    if len(after) == 3 and after[0].text in {",", "("} and after[2].text in {",", ")", "."}:
        return after[1].text if after[1].text.isdigit() else None
    years = _YEARS_OLD.match(text_of(name.doc)[name.end_char : name.end_char + 20])
    return years[1] if years else None


def _aged(ent: Span) -> bool:
    """An age set beside the name (``Yousif, 31,``, ``Adair, a 38-year-old
    physiotherapist``): only people are named so."""
    return age_after(ent) is not None


_YEARS_OLD = re.compile(r",\s+an?\s+(\d{1,3})-years?-old\b")


def _place_and_post(ent: Span) -> bool:
    """An abbreviated post, alone or after a place (``the MLA for Iqaluit``, ``Nunavut
    MLA``), which the recogniser takes for a name: an office in capitals, no given name."""
    last = ent[-1]
    return last.is_upper and is_title(last) and (len(ent) == 1 or not gendered(ent[0]))


def _employer(ent: Span) -> bool:
    """Where the title before works (``a fire information officer with N.W.T. Fire``,
    ``an analyst at Morgan Stanley``), which the recogniser may take for a person: a
    body. (``for`` may name a person: ``a spokesperson for the minister``.)"""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in {"with", "at"}
        and root.head.head.lower_ in words("titles")
    )


def _titled_after(ent: Span) -> bool:
    """A title set beside the name (``Marketa Evans, the group's president and CEO``):
    a person's, whatever the recogniser took the name for; not a place's (``South
    Carolina, the first Southern state``) nor a firm's someone worked at (``at Bear
    Stearns, ...``)."""
    root = ent.root
    return (
        ent.label_ not in PLACE_ENTITIES
        and root.dep_ != "pobj"
        and ent.end < len(ent.doc)
        and ent.doc[ent.end].text == ","
        and any(c.dep_ == "appos" and _names_title(c) for c in root.rights)
    )


def _names_title(appos: Token) -> bool:
    """The apposition is a title, or holds one before its first preposition: ``a wheat and
    forages specialist with Kansas State University``, whose head the parse made
    ``wheat``."""
    for token in appos.subtree:
        if token.pos_ == "ADP" or (token.is_punct and token.i > appos.i):
            return False
        if is_title(token) and token.pos_ in {"NOUN", "PROPN"}:
            return True
    return False


def _titled_before(ent: Span) -> bool:
    """The name set beside a title before it (``The EU's chief negotiator, Jakob Reiter,``;
    the recogniser took the name for an organisation): a person's."""
    root = ent.root
    return (
        ent.label_ == "ORG"
        and root.dep_ == "appos"
        and root.head.i < ent.start
        and ent.doc[ent.start - 1].text == ","
        and is_title(root.head)
    )


def _abbreviated_region(ent: Span) -> bool:
    """One word after a place and a comma, its period after it: ``Ont.`` in ``Sudbury,
    Ont.``, ``Md.`` in ``Ashton, Md.``; no person is named so."""
    doc, start = ent.doc, ent.start
    return (
        len(ent) == 1
        and start > 1
        and doc[start - 1].text == ","
        and doc[start - 2].ent_type_ == "GPE"
        and (ent.text.endswith(".") or (ent.end < len(doc) and doc[ent.end].text == "."))
    )


def _title_before(name: Span) -> bool:
    """A rank or office right before the words, which only a person's name follows: one
    abbreviated (``Cpl.``, ``Det. Const.``), or a noun outside any entity before a name
    the recogniser took for a body, a work or a product (``Municipal and Community
    Affairs Minister Violet Lafferty``, ``board chair Gurpreet Sandhu``) that no word
    of a body's or a company's name ends (``state Supreme Court``); a title inside an
    entity may be part of a body's name (``National`` in ``National Rifle Association``)."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    if before is None or not is_title(before):
        return False
    return before.text.endswith(".") or (
        before.pos_ in {"NOUN", "PROPN"}
        and not before.ent_type_
        and name[-1].ent_type_ in {"ORG", "WORK_OF_ART", "PRODUCT"}
        and name[-1].lower_ not in words("institution_heads")
        and not ends_like_a_company(name)
    )
