"""A person's name as the article writes it, and what the name tells: a title that is
a role, a courtesy title's gender, an age given after it, a name in apposition."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..dates import MONTHS, WEEKDAYS
from ..lexicons import words
from ..names import same_person
from ..parse import hyphen_joins, is_title_case
from ..roles import is_title

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


LEADING = re.compile(r"^[^\w]+")
_BRACKETS = re.compile(r"[()\[\]]")


def gender_of(said: Iterable[str]) -> str | None:
    """``female`` or ``male`` if the words name only one (``Mrs.``, ``Hillary``, ``wife``)."""
    lowered = {word.lower() for word in said}
    found = {gender for gender in ("female", "male") if lowered & words(gender)}
    return found.pop() if len(found) == 1 else None


def _gendered(token: Token) -> bool:
    """A word the name lists give one gender: how a given name is told (``Stephen``,
    ``Hillary``) where the recogniser did not mark one. A hyphenated given name is
    told by either half (``Jean-François``)."""
    return gender_of([t.text for t in _hyphenated(token)]) is not None


def _hyphenated(token: Token) -> list[Token]:
    """The word ``token`` opens, with the halves joined to it by a hyphen."""
    doc, end = token.doc, token.i + 1
    while end + 1 < len(doc) and hyphen_joins(doc, end):
        end += 2
    return [t for t in doc[token.i : end] if t.text != "-"]


def whole_word(token: Token) -> Span:
    """The word a token is part of, with the halves a hyphen joins to it (``St-Onge``,
    which the tokenizer splits in three)."""
    doc, start = token.doc, token.i
    while start > 1 and hyphen_joins(doc, start - 1):
        start -= 2
    first = doc[start]
    return doc[start : start + len(_hyphenated(first)) * 2 - 1]


def missed_names(doc: Doc) -> Doc:
    """The pipeline component (`parse.load_nlp` runs it after the recogniser): a name
    the recogniser left in no entity becomes a person's.

    The small model misses names it has not met: ``Chief Dolores Pollard of the Haisla
    Nation said`` gave no PERSON, so the speaker kept the title and the nation, and a
    ``she`` after it went to someone else. A name here is a listed given name
    (`_gendered`) and one or two capitalised words after it, all outside any entity
    and with no more after them (not ``Steve Harvey Morning Show``); not the second
    half of a hyphenated word (``Dodd-Frank Wall``), nor a place or building named
    after someone (``Rose Bowl``: `lexicons/place_heads.txt`). So is a surname alone
    right after a title (``Chief Pollard said``: `_titled_surname_end`).
    """
    found, i = [], 0
    while i < len(doc) - 1:
        end = _missed_name_end(doc, i) or _titled_surname_end(doc, i)
        if end is None:
            i += 1
            continue
        found.append(Span(doc, i, end, label="PERSON"))
        i = end
    if found:
        doc.set_ents(found, default="unmodified")
    return doc


def _missed_name_end(doc: Doc, start: int) -> int | None:
    """Where a name the recogniser missed, starting at ``start``, ends (`missed_names`)."""
    if not (_bare_capital(doc[start]) and _gendered(doc[start])) or hyphen_joins(doc, start - 1):
        return None
    end = start + len(_hyphenated(doc[start])) * 2 - 1  # "Jean-François": three tokens
    words_after = 0
    while end < len(doc) and words_after < 2 and _bare_capital(doc[end]):
        end += 1
        words_after += 1
        while end + 1 < len(doc) and hyphen_joins(doc, end) and _bare_capital(doc[end + 1]):
            end += 2  # "Erskine-Smith"
    if (
        not words_after
        or (end < len(doc) and _bare_capital(doc[end]))  # "Steve Harvey Morning Show"
        or _names_a_place_or_body(doc[end - 1])
    ):
        return None
    return end


def _titled_surname_end(doc: Doc, start: int) -> int | None:
    """Where a surname the recogniser missed after a capitalised title ends (``Chief
    Pollard said``, ``Mayor Chow``): one or two capitalised words outside any entity, right
    after the title and with no more capitals after them; not a place or a body named with
    a title (``Premier League``, ``Justice Department``), nor words that qualify a noun
    after them (``Special Operations forces``)."""
    if start == 0 or not (doc[start - 1].is_title and is_title(doc[start - 1])):
        return None
    if not doc.has_annotation("TAG"):
        return None  # "Chief Financial Officer": only the parse tells a name from a title's words
    end = start
    while end < len(doc) and end - start < 2 and _bare_capital(doc[end]):
        end += 1
    if (
        end == start
        or (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN")
        or doc[end - 1].dep_ == "compound"
        or _names_a_place_or_body(doc[end - 1])
    ):
        return None
    return end


def _names_a_place_or_body(last: Token) -> bool:
    """The last word of capitals after a given name or a title says they name a place or
    a body, not a person (``Rose Bowl``, ``Justice Department``: `lexicons/place_heads.txt`,
    `lexicons/institution_heads.txt`)."""
    return last.lower_ in words("place_heads") or last.lower_ in words("institution_heads")


def capitalised(token: Token) -> bool:
    """A word written as a name is: a capital first, not all capitals (``Pollard``, and
    ``McAteer`` or ``LeBlanc``, which ``Token.is_title`` refuses)."""
    text = token.text
    return text[:1].isupper() and (token.is_title or (token.is_alpha and not text.isupper()))


def _bare_capital(token: Token) -> bool:
    """A capitalised proper noun in no entity and no title (``Pollard``, not ``Chief``).
    A paragraph read for its entities alone has no tags: there the capitals must do."""
    return (
        (token.pos_ == "PROPN" or not token.doc.has_annotation("TAG"))
        and capitalised(token)
        and token.is_alpha
        and not token.ent_type_
        and not is_title(token)
        and token.lower_ not in words("honorifics")
    )


def role_gender(role: str | None) -> str | None:
    """The gender a stated role gives its holder (``wife of the senator``), read from the
    role's own words (`_own_words`)."""
    return gender_of(_own_words(role))


def _own_words(role: str | None) -> list[str]:
    """The role's words up to its first preposition: ``wife`` in ``wife of the senator``,
    and not ``Donald`` in ``supporter of Republican Donald Trump``, which says whom the
    role is of, not what its holder is."""
    own: list[str] = []
    for word in (role or "").split():
        if word.lower() in _PREPOSITIONS:
            break
        own.append(word)
    return own


_PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "with", "from", "on", "under"})


def titled_gender(name: Span) -> str | None:
    """The gender the courtesy title of a name says: ``Mrs. Clinton``, ``Mr. Trump``."""
    title = [name[0]] + ([name.doc[name.start - 1]] if name.start else [])
    return gender_of(t.text for t in title if t.lower_ in words("honorifics"))


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
    if start == ent.start and start > 0 and _given_name(doc[start - 1]):
        start -= 1
    # a title-case headline's verb or pronoun is no part of the name the recogniser ran
    # on into it ("Salma Hayek Described Her Experience ..."; in running text, "George
    # Will" is a name)
    cut = next((t.i for t in doc[start + 1 : end] if t.pos_ in _NOT_IN_NAMES), None)
    if cut is not None and is_title_case(doc):
        end = cut
    if _POSSESSIVE.fullmatch(doc[end - 1].text):
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
        and _gendered(given)
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


def _given_name_within(ent: Span) -> int | None:
    """Where a person's name closes an entity that does not start with it: a listed given
    name and one or two capitalised words to its end, after words of an outlet or body
    (``Fox News Sean Hannity``, ``Washington Post Jennifer Rubin``), or None. An entity
    that opens with a given name is one name (``Christina N Luis Olidem``)."""
    first = next((t for t in ent if t.is_alpha), None)
    if first is None or _gendered(first):
        return None
    for token in ent[1:-1]:
        rest = ent.doc[token.i + 1 : ent.end]
        if (
            len(rest) <= 2
            and token.is_title
            and _gendered(token)
            and all(t.is_title and t.is_alpha for t in rest)
            and not hyphen_joins(ent.doc, token.i - 1)  # "Marc" in "Jean-Marc Ayrault"
        ):
            return token.i
    return None


def _given_name(token: Token) -> bool:
    """A given name the recogniser left out of the name after it: a capitalised word in
    no entity and no title, listed as a given name or right after a title (``MP Nate``)."""
    return (
        token.pos_ == "PROPN"
        and capitalised(token)
        and token.is_alpha
        and not token.ent_type_
        and token.lower_ not in words("titles")
        and (_gendered(token) or (token.i > 0 and is_title(token.doc[token.i - 1])))
    )


def person_name(ent: Span) -> str:
    """A person's name without courtesy titles or possessive ending."""
    return clean_name(person_span(ent).text)


def clean_name(name: str) -> str:
    """A name without courtesy titles, possessive ending or surrounding punctuation (a
    name starts with a letter: ``">Sanders`` is markup left in the text), nor the
    brackets an editor put in a quote (``George (W. Bush)``, ``[Gary] Johnson``)."""
    tokens = [t for t in _BRACKETS.sub("", name).split() if t.lower() not in words("honorifics")]
    return LEADING.sub("", _POSSESSIVE.sub("", " ".join(tokens))).strip(" ,.;:\"“”‘’'-–—")


def extends_name(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``Hillary Clinton`` extends ``Clinton``: a fuller name of the same person."""
    return len(longer) > len(shorter) and same_person(longer, shorter)


def person_at(token: Token) -> Span | None:
    """The person's name ``token`` belongs to, if any."""
    ents = token.doc.ents
    for ent in ents:
        if ent.start <= token.i < ent.end and names_a_person(ent):
            return ent
    if token.ent_type_ == "PERSON":
        return None
    # a surname the recogniser left out of the name before it (`person_span`)
    return next(
        (
            ent
            for ent in reversed(ents)
            if ent.end <= token.i and names_a_person(ent) and token.i < person_span(ent).end
        ),
        None,
    )


def titled_name_at_end(span: Span) -> Span | None:
    """The person's name a title phrase ends with when the parse made another of its
    words the head: ``Court of King's Bench Justice Shauna McCarthy`` (the head is
    "Court"), ``former Pennsylvania Gov. and Democratic National Committee Chairman Ed
    Rendell``. Only title words may come before the name: not another person or a list
    (``he and Chairman Bob Goodlatte``, ``the caucus, ... and Lt. Gov. Ralph Northam``)
    nor a body the name is of (``government of President Petro Poroshenko``)."""
    name = next((e for e in reversed(span.ents) if names_a_person(e)), None)
    if name is None or name.start == span.start or not is_title(span.doc[name.start - 1]):
        return None
    if not _titled_only(span, name):
        return None
    rest = span.doc[name.end : span.end]
    return name if all(t.is_punct for t in rest) else None


def named_before_body(span: Span) -> Span | None:
    """The person's name a phrase opens with when the parse made the body after ``of``
    the head: ``Grand Chief Alvin Fiddler of Nishnawbe Aski Nation called ...`` (the
    head is "Nation"). Only title words may come before the name."""
    name = next((e for e in span.ents if names_a_person(e)), None)
    if name is None or name.end >= span.end or span.doc[name.end].lower_ != "of":
        return None
    if not _titled_only(span, name) or not name.end < span.root.i:
        return None
    return name


def _titled_only(span: Span, name: Span) -> bool:
    """Only words a title may be written with come before ``name`` in ``span``."""
    return all(_of_a_title(t) for t in span.doc[span.start : name.start])


def _of_a_title(token: Token) -> bool:
    """A word a title may be written with: capitalised, a title or qualifier, or a joint."""
    return token.pos_ != "PRON" and (
        token.text[:1].isupper()
        or token.lower_ in words("titles")
        or token.lower_ in words("role_qualifiers")
        or token.lower_ in {"of", "the", "and", "'s", "’s"}
    )


def names_a_person(ent: Span) -> bool:
    """A PERSON entity, or a name the recogniser took for something else: two or three
    capitalised words after any titles that start with a given name (``Carly Fiorina``
    or ``NDP MPP Jessica Bell`` as an ORG, ``Ontario Premier Doug Ford`` as a work of
    art, ``Mayor Crystal McAteer`` as a product) or follow an abbreviated rank (``RCMP
    Cpl. Jodi Shelley`` as an ORG) or have a title beside them (`_titled_after`). Not a
    state or province abbreviated after a place (``Sudbury, Ont.``, taken for a person),
    a person's thing (``Cruz's Iowa``), a place's post (``Nunavut MLA``) nor a titled
    person's employer (`_employer`)."""
    if ent.label_ == "PERSON":
        # "Cruz's Iowa": a possessive inside makes it something of a person's
        return (
            not _abbreviated_region(ent)
            and not any(_POSSESSIVE.fullmatch(t.text) for t in ent[:-1])
            and not _employer(ent)
            and not _place_and_post(ent)
        )
    if ent.label_ == "ORG" and _given_name_within(ent) is not None:
        return True  # "Fox News Sean Hannity": a host after the network
    name = ent.doc[_after_title(ent) or ent.start : ent.end]
    parts = [t for t in name if t.text != "-"]  # "Jean-François Roberge": two words
    hyphens = len(name) - len(parts)
    return (
        ent.label_ in {"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT"}
        and 2 <= len(parts) - hyphens <= 3
        and all(capitalised(t) and t.is_alpha for t in parts)
        and (_abbreviated_title_before(name) or _gendered(name[0]) or _titled_after(ent))
        and name[-1].lower_ not in words("place_heads")  # "Victoria Park", a GPE
    )


def _place_and_post(ent: Span) -> bool:
    """An abbreviated post, alone or after a place (``the MLA for Iqaluit``, ``Nunavut
    MLA``), which the recogniser takes for a name: an office in capitals, no given name."""
    last = ent[-1]
    return last.is_upper and is_title(last) and (len(ent) == 1 or not _gendered(ent[0]))


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
        ent.label_ not in {"GPE", "LOC", "FAC"}
        and root.dep_ != "pobj"
        and ent.end < len(ent.doc)
        and ent.doc[ent.end].text == ","
        and any(c.dep_ == "appos" and is_title(c) for c in root.rights)
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


def _abbreviated_title_before(name: Span) -> bool:
    """An abbreviated rank or office right before the words (``Cpl.``, ``Det. Const.``):
    only a person's name follows one, where a title written out may be part of a body's
    name (``National`` in ``National Rifle Association``)."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    return before is not None and before.text.endswith(".") and is_title(before)


def named_in_apposition(head: Token) -> Span | None:
    """The person a described source is named as right after (``his sister Amanda
    Clarke``, ``Trump's campaign manager, Corey Lewandowski,``); not one of several
    (``presidential candidates Hillary Clinton and Donald Trump``).

    After a person or a place the description is of (``a spokesperson for Paul
    Calandra, Hannah Jensen,``, ``The mayor of Fort St. James, Bev Playfair,``) the parse
    hangs the name on that name, which cannot be a second person as well: the name is
    the description's."""
    if head.tag_ in {"NNS", "NNPS"}:
        return None
    whose = [
        noun
        for prep in head.rights
        if prep.dep_ == "prep"
        for noun in prep.children
        if noun.dep_ == "pobj" and (noun.pos_ == "PROPN" or person_at(noun) is not None)
    ]
    for child in [*head.rights, *(c for noun in whose for c in noun.rights)]:
        if child.dep_ == "appos" and not any(c.dep_ == "conj" for c in child.children):
            person = person_at(child)
            if child.head is head or (person is not None and person != person_at(child.head)):
                return person
    return None


def age_after(name: Span) -> str | None:
    """The age written right after a name: ``Sarah Jones, 45,`` or ``Sarah Jones (45)``."""
    after = name.doc[name.end : name.end + 3]
    if len(after) == 3 and after[0].text in {",", "("} and after[2].text in {",", ")", "."}:
        return after[1].text if after[1].text.isdigit() else None
    return None
