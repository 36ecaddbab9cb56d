"""Names the entity recogniser missed, found by rule: a listed given name and the
capitalised words after it, or a surname right after a title (`missed_names`, the
pipeline component `parse.load_nlp` runs after the recogniser)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..parse import hyphen_joins, text_of
from ..roles import is_title
from .genders import gendered
from .name_words import NICKNAME, capitalised, ends_like_a_company, hyphenated


def missed_names(doc: Doc) -> Doc:
    """The pipeline component (`parse.load_nlp` runs it after the recogniser): a name
    the recogniser left in no entity becomes a person's.

    The small model misses names it has not met: ``Chief Dolores Pollard of the Haisla
    Nation said`` gave no PERSON, so the speaker kept the title and the nation, and a
    ``she`` after it went to someone else. A name here is a listed given name
    (`gendered`) and one or two capitalised words after it, all outside any entity
    and with no more after them (not ``Steve Harvey Morning Show``), or a surname it
    took apart for a body (`_surname_taken_apart`); not the second
    half of a hyphenated word (``Dodd-Frank Wall``), nor a place or building named
    after someone (``Rose Bowl``: `lexicons/place_heads.txt`). So is a surname alone
    right after a title (``Chief Pollard said``: `_titled_surname_end`), one written
    with ``O’`` or ``D’`` (`_apostrophe_name_end`), and the words after an abbreviated
    title whatever the recogniser called them (`_after_abbreviated_title_end`). A
    company's name it took for a person's becomes a body's (`_a_company`).
    """
    found, i = [], 0
    while i < len(doc) - 1:
        end = (
            _missed_name_end(doc, i)
            or _titled_surname_end(doc, i)
            or _apostrophe_name_end(doc, i)
            or _after_abbreviated_title_end(doc, i)
            or _nicknamed_name_end(doc, i)
        )
        if end is None:
            i += 1
            continue
        found.append(Span(doc, i, end, label="PERSON"))
        i = end
    taken = {i for span in found for i in range(span.start, span.end)}
    found += [
        Span(doc, e.start, e.end, label="PERSON")
        for e in doc.ents
        if _mislabelled(e) and not taken & set(range(e.start, e.end))
    ]
    found += [
        Span(doc, e.start, e.end, label="ORG")
        for e in doc.ents
        if _a_company(e) and not taken & set(range(e.start, e.end))
    ]
    if found:
        doc.set_ents(found, default="unmodified")
    return doc


def _a_company(ent: Span) -> bool:
    """A company's or a lab's name the recogniser took for a person's (``Meridian AI``,
    ``Fenwick Labs``): its last word ends company names (`lexicons/company_name_ends.txt`)."""
    return ent.label_ == "PERSON" and ends_like_a_company(ent)


def _mislabelled(ent: Span) -> bool:
    """A person's name the recogniser gave another label (``Logan Reimer`` a product,
    ``Carly Fiorina``, ``Brett O’Donnell`` an organisation): a listed given name and one
    or two more proper nouns (or an ``O’`` surname, tagged a noun), the last no plural
    (``Carolina Panthers``), place or body (``Rose Bowl``)."""
    return (
        ent.label_ != "PERSON"
        and 2 <= len(ent) <= 3
        and all(
            (t.pos_ == "PROPN" and capitalised(t) and t.is_alpha) or _O_OR_D.match(t.text)
            for t in ent
        )
        and gendered(ent[0])
        and not _team(ent.doc, ent.start, ent[-1])
        and not _names_a_place_or_body(ent[-1])
    )


def _missed_name_end(doc: Doc, start: int) -> int | None:
    """Where a name the recogniser missed, starting at ``start``, ends (`missed_names`)."""
    if not (_bare_capital(doc[start]) and gendered(doc[start])) or hyphen_joins(doc, start - 1):
        return None
    end = start + len(hyphenated(doc[start])) * 2 - 1  # "Jean-François": three tokens
    words_after = 0
    if (surname := _surname_taken_apart(doc, end)) is not None:
        end, words_after = surname.end, len(surname)  # "Ana [Reyes]": an ORG to it
    while end < len(doc) and words_after < 2 and _bare_capital(doc[end]):
        end += 1
        words_after += 1
        while end + 1 < len(doc) and hyphen_joins(doc, end) and _bare_capital(doc[end + 1]):
            end += 2  # "Erskine-Smith"
    if (
        not words_after
        or (end < len(doc) and _bare_capital(doc[end]))  # "Steve Harvey Morning Show"
        or _names_a_place_or_body(doc[end - 1])
        or _team(doc, start, doc[end - 1])
    ):
        return None
    return end


def _surname_taken_apart(doc: Doc, at: int) -> Span | None:
    """The entity of one or two capitalised words opening at ``at``, right after a given
    name the recogniser left out of it, that it took for something other than a person
    (``his sister, Ana Reyes, wrote``: ``Reyes`` an organisation)."""
    ent = next((e for e in doc.ents if e.start == at), None)
    if ent is None or ent.label_ not in _NOT_PEOPLE or len(ent) > 2:
        return None
    if not all(t.pos_ == "PROPN" and capitalised(t) and t.is_alpha for t in ent):
        return None
    return ent


_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "EVENT"})


def _team(doc: Doc, first: int, last: Token) -> bool:
    """A name (the words from ``first`` to ``last``) ending in a plural that a team's or a
    group's name goes on before: after a capitalised word that is no title (``North
    Carolina Panthers``), or after ``the`` and any titles (``the Prince Albert
    Raiders``). The tagger calls a surname ending in -s plural too: ``Bloc Québécois MP
    Mathieu Desrosiers``, ``host Seth Meyers``, ``Bernie Sanders`` opening a sentence are
    people."""
    if last.tag_ != "NNPS" or first == 0:
        return False
    before = doc[first - 1]
    if capitalised(before) and not is_title(before):
        return True
    while first > 0 and capitalised(doc[first - 1]) and is_title(doc[first - 1]):
        first -= 1
    return first > 0 and doc[first - 1].lower_ == "the"


def _titled_surname_end(doc: Doc, start: int) -> int | None:
    """Where a surname the recogniser missed after a capitalised title or a courtesy
    ends (``Chief Pollard said``, ``Mayor Chow``, ``MP Clive Durrant``, ``Mr Durrant``):
    one or two capitalised words outside any entity, right
    after the title and with no more capitals after them; not a place or a body named with
    a title (``Premier League``, ``Justice Department``), nor words that qualify a noun
    after them (``Special Operations forces``)."""
    title = doc[start - 1] if start else None
    if title is None or not (
        (title.is_title or title.is_upper)  # "Chief", "MP" ("Conservative MP Clive Durrant")
        and _titles_a_name(title)  # "Mr Durrant"
    ):
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
        or _team(doc, start - 1, doc[end - 1])  # "the Prince Albert Raiders"
    ):
        return None
    return end


def _after_abbreviated_title_end(doc: Doc, start: int) -> int | None:
    """Where a name right after an abbreviated title ends (``Engr. Olufemi
    Adesanya-Bakare``, ``Rev. Fr. Chinedu Eze``, ``Dr. (Mrs.) Ufuoma Ighodaro-Eke``, ``Smt.
    V. Kalaiselvi``): two to four capitalised words or initials, whatever the recogniser
    made of names it has not met (a place and a body, there), as long as no entity runs on
    past them; not a place or a body (``Gov. Mansion``)."""
    title = doc[start - 1] if start else None
    if title is not None and title.text == ")" and start >= 3 and doc[start - 3].text == "(":
        title = doc[start - 2]  # a courtesy title in brackets: "(Mrs.)"
    if (
        title is None
        or not title.text.endswith(".")
        or not _titles_a_name(title)
        or not _name_word(doc[start])
        or is_title(doc[start])
    ):
        return None
    end, count = start, 0
    while end < len(doc) and count < 4 and _name_word(doc[end]) and not is_title(doc[end]):
        end += 1
        count += 1
        while end + 1 < len(doc) and hyphen_joins(doc, end) and _capital_word(doc[end + 1]):
            end += 2  # "Adesanya-Bakare"
    if (
        count < 2
        or all(doc[i].ent_type_ == "PERSON" for i in range(start, end))  # found already
        or any(e.start < end < e.end for e in doc.ents)
        or _names_a_place_or_body(doc[end - 1])
    ):
        return None
    return end


def _nicknamed_name_end(doc: Doc, start: int) -> int | None:
    """Where a name with a nickname in quotation marks ends (``Teresa "Tessie"
    Lundgren``): a listed given name, one or two capitalised words in quotation marks,
    and one or two capitalised words after them, whatever the recogniser made of them
    (two works of art, there), as long as no entity runs on past them."""
    if not (gendered(doc[start]) and capitalised(doc[start])):
        return None
    nickname = NICKNAME.match(text_of(doc), doc[start].idx + len(doc[start].text) + 1)
    if nickname is None:
        return None
    at = next((t.i for t in doc[start + 1 :] if t.idx >= nickname.end() + 1), None)
    end, count = at, 0
    while end is not None and end < len(doc) and count < 2 and _capital_word(doc[end]):
        end += 1
        count += 1
    if (
        not count
        or any(e.start < start < e.end or e.start < end < e.end for e in doc.ents)
        or _names_a_place_or_body(doc[end - 1])
    ):
        return None
    return end


def _titles_a_name(token: Token) -> bool:
    """A title or a courtesy title, which a name follows (``Chief``, ``Mr``, ``Engr.``)."""
    return is_title(token) or token.lower_ in words("honorifics")


def _capital_word(token: Token) -> bool:
    return capitalised(token) and token.is_alpha


def _name_word(token: Token) -> bool:
    """A capitalised word or an initial (``V.``)."""
    return _capital_word(token) or _INITIAL.fullmatch(token.text) is not None


_INITIAL = re.compile(r"[A-Z]\.")


def _apostrophe_name_end(doc: Doc, start: int) -> int | None:
    """Where a surname written with ``O’`` or ``D’`` (``D’Souza replied``, ``Dinesh
    D’Souza``, ``Brett O’Donnell``) ends, with the given name before it if there is one:
    the recogniser, which knows few such names written with a curly apostrophe, left it
    in no entity. Not one a capitalised word follows (``O’Hare International Airport``,
    ``The O’Reilly Factor``)."""
    given = (
        _bare_capital(doc[start])
        and not doc[start].is_stop
        and start + 1 < len(doc)
        and _apostrophe_surname(doc[start + 1])
    )
    end = start + 2 if given else start + 1 if _apostrophe_surname(doc[start]) else None
    if end is None or (end < len(doc) and doc[end].is_title and not doc[end].is_sent_start):
        return None
    return end


def _apostrophe_surname(token: Token) -> bool:
    return _O_OR_D.match(token.text) is not None and not token.ent_type_


_O_OR_D = re.compile(r"^[OD]['’][A-Z][a-z]+$")


def _names_a_place_or_body(last: Token) -> bool:
    """The last word of capitals after a given name or a title says they name a place or
    a body, not a person (``Rose Bowl``, ``Justice Department``: `lexicons/place_heads.txt`,
    `lexicons/institution_heads.txt`)."""
    return last.lower_ in words("place_heads") or last.lower_ in words("institution_heads")


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
