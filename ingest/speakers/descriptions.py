"""Sources that are not named people, worded once (``unnamed government official
familiar with the operation``, ``critics``, ``the Pentagon``), and the role a
description gives a person named beside it. Which nouns can speak at all (not ``a
growing paranoia``) `speaking_nouns` tells."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.lex_attrs import like_num
from spacy.tokens import Span, Token

from .. import roles
from ..lexicons import pairs, words
from .name_words import LEADING
from .speaker import Speaker

RELATIVES = frozenset({"who", "which", "that"})


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


# nouns for a number of people, a group when "of" says of whom (not "the group said")
_COLLECTIVES = frozenset({"group", "handful", "number", "majority", "minority", "couple", "lot"})


_WORKPLACE_PREPOSITIONS = frozenset({"at", "from", "in", "inside", "within"})


_ABBREVIATION_AFTER = re.compile(r"\s+\([^()\s]*\)?$")


_POSTMODIFIERS = frozenset({"amod", "prep", "acl", "compound", "nmod", "npadvmod"})


def describe(phrase: str, head: str | None = None, as_written: bool = False) -> Speaker:
    """A source that is not a named person: a group, an unnamed source, a document, an institution.

    ``head`` is the phrase's head noun (the parse root), by default its last word.
    ``as_written``: the parse already told a sentence-initial capital from a
    name's (`described_as`), so the first word keeps its case.
    """
    tokens = LEADING.sub("", phrase).strip(" ,.;:").split()
    if not tokens:
        return Speaker(phrase, "unnamed")
    if (one := _one_of(tokens)) is not None:
        return one
    first = tokens[0].lower()
    determiners = words("unnamed_determiners") | {"the"}
    partitive = (head or "").lower() in words("partitive_heads")  # "some who ...": keep "some"
    # "one in three voters", "nine out of 10": a share of people, "one" no determiner
    share = len(tokens) > 2 and tokens[1].lower() in {"in", "out"} and like_num(first)
    rest = (
        tokens[1:]
        if first in determiners
        and len(tokens) > 1
        and not (partitive or share or tokens[1].lower() == "of")  # "two of the people"
        else tokens
    )
    head = (head or rest[-1]).lower()
    if len(rest) > 1 and head in words("unnamed_heads"):
        # "another unnamed GOP official": unnamed is what the record says already
        rest = [t for t in rest if t.lower() not in {"unnamed", "anonymous"}] or rest
    wording = " ".join(rest if as_written else _lower_first(rest))
    # "about 40 people rallied": a crowd counted, not sources unnamed ("two people
    # familiar with the talks" stay unnamed)
    crowd = head == "people" and rest[-1].lower() == head and any(like_num(t) for t in rest)
    if head in words("unnamed_heads") and not crowd:
        if _owned(tokens, head):
            return Speaker(wording, "unnamed", wording)  # "his lawyer": described, not unnamed
        return Speaker("unnamed " + wording, "unnamed", wording)
    collective = head in _COLLECTIVES and "of" in [t.lower() for t in rest]  # "a group of rabbis"
    if (
        head in words("group_heads")
        or _people(head)
        or head in words("partitive_heads")
        or _counted(head)
        or collective
        or share
        or crowd
    ):
        return Speaker(wording, "group")  # "critics", "some who ...", "49 said", "24 percent"
    kind = "document" if head in words("document_heads") else "organization"
    # "Defence Equipment and Support (DE&S)": the letters in brackets are the body's
    # short name, no part of its full one
    named = _without_opening(tokens)
    named = _ABBREVIATION_AFTER.sub("", named) or named
    # "Caracas vowed ...": the capital speaks for its government, named one way
    return Speaker(pairs("capitals").get(named.lower(), named), kind)


def _one_of(tokens: list[str]) -> Speaker | None:
    """``One of the officers`` (``, a woman from Sudbury``): one person of a group, left
    unnamed, described by the group up to any comma; not a body."""
    if len(tokens) < 3 or tokens[0].lower() != "one" or tokens[1].lower() != "of":
        return None
    described = " ".join(tokens).split(",")[0].split()
    if described[-1].lower() not in words("group_heads"):
        return None
    wording = " ".join(["one"] + described[1:])
    return Speaker("unnamed " + wording, "unnamed", wording)


def joint(span: Span) -> str:
    """The name of people named together as one source (``Clinton and Sanders said``),
    as the text words it but for an opening ``both``."""
    return _without_opening(described_as(span).split())


def _without_opening(tokens: list[str]) -> str:
    while len(tokens) > 1 and tokens[0].lower() in _NOT_OF_THE_NAME:
        tokens = tokens[1:]
    return " ".join(tokens)


_NOT_OF_THE_NAME = frozenset({"the", "both"})
"""Words that open a body's phrase but are no part of its name: ``the Pentagon``,
``both Russia and China`` (the joint source named before without it)."""


def described_role(span: Span) -> str | None:
    """The role a description gives (``his sister``, ``Trump's campaign manager``), if it
    names a title or whose the person is (not ``another critic``)."""
    description = described_as(span)
    if span.root.lower_ in words("titles") or _owned(description.split(), span.root.lower_):
        return roles.normalise(description)
    return None


def before_name(description: Span, name: Span) -> Span:
    """The words of ``description`` before the ``name`` set beside them, without the
    comma, courtesy title or the name's own title between (``The mayor of Fort St.
    James`` of ``..., Bev Playfair``, ``Minister of National Security`` of ``...,
    Senator Dr Roger Mahabir``)."""
    doc, end = description.doc, min(name.start, description.end)
    comma = next((t.i for t in reversed(doc[description.start : end]) if t.text == ","), None)
    if comma is not None and comma > description.start + 1:
        own = doc[comma + 1 : end]  # "Senator Dr": the name's, not the description's
        if all(roles.is_title(t) or t.lower_ in words("honorifics") for t in own):
            end = comma
    while end > description.start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in words("honorifics")
    ):
        end -= 1  # "the minister of the economy, Mr. Guajardo"
    return doc[description.start : end]


def role_before(name: Span) -> str | None:
    """The role a description set before a name gives (``B.C.'s Minister of Emergency
    Management, Ravi Chahal``, ``The mayor of Fort St. James, Bev Playfair``), which the
    parse hangs the name on as an apposition: later, ``the minister`` is Chahal. Only a
    title: ``his opponent, Hillary Clinton`` says how she stands to him, not what she is,
    and a quote the parse hung the name on is no description."""
    root = name.root
    if root.dep_ != "appos" or root.head.i >= name.start or not roles.is_title(root.head):
        return None
    if names_clause_end(root):
        return None  # "the governor, who spoke through his Chief Press Secretary, Mr. X,"
    description = before_name(name.doc[root.head.left_edge.i : name.start], name)
    if any(t.is_quote for t in description):
        return None
    return described_role(description)


def _people(head: str) -> bool:
    """The plural of a noun for one person (``plumbers``, ``grandparents``, ``postmen``,
    ``nannies``, ``witnesses``) that ``lexicons/group_heads.txt`` does not list itself."""
    if head.endswith("men"):
        forms = {head[:-3] + "man"}
    elif head.endswith("s") and not head.endswith("ss"):
        forms = {singular(head), head[:-2]}  # "witnesses": "witness"
    else:
        return False
    return len(head) > 4 and bool(forms & words("unnamed_heads"))


def singular(word: str) -> str:
    """``ferries`` -> ``ferry``, ``mines`` -> ``mine``: enough to tell a name's word from
    a description's, or a noun for one person from its plural."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")


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
    return bool(set(before) & (words("possessives") | _DEMONSTRATIVES)) or any(
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


def antecedent(span: Span) -> Span:
    """``members of Congress and critics, who``: the source without its relative pronoun,
    and a name without the description set after it (``the Atlantic Fiscal Institute, a
    Halifax think tank, which``)."""
    while len(span) > 1 and (span[-1].lower_ in RELATIVES or span[-1].is_punct):
        span = span[:-1]
    root = span.root
    described = [
        c.left_edge.i
        for c in root.children
        if c.dep_ == "appos"
        and span.start < c.left_edge.i - 1
        and c.left_edge.i < span.end <= c.right_edge.i + 1  # it runs to the span's end
    ]
    if root.pos_ == "PROPN" and described and span.doc[described[0] - 1].text == ",":
        span = span.doc[span.start : described[0] - 1]
    return span


def is_definite(span: Span) -> bool:
    return span[0].lower_ in {"the", "this", "that"}


_GIVEN = re.compile(
    r"\b(?:first name|given name|initials),?\s+[\"“]?(?P<listed>[A-Z][\w'’.-]*)"
    r"|\bidentif(?:y|ied)(?:\s+(?:herself|himself|themselves))?(?:\s+in\s+[\w\s]{1,30}?)?"
    r"\s+(?:only\s+)?(?:as|by)\s+[\"“]?(?P<called>[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|\d+))*)"
    r"|\b(?:real|full|legal|birth)\s+name\s+is\s+(?P<real>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)"
)


def name_given(span: Span) -> str | None:
    """The name an unnamed source goes by in the story, given where they are described
    (``A part-time cashier, who asked that only his first name, Andre, be used,``, ``a
    woman who asked to be identified only as Yesenia``, ``identified in court filings only
    by her initials, A.T.C.``, ``a Honduran woman identified as "R.M."``): labour,
    immigration and court copy keeps some sources' full names out, and quotes them by
    what it gives. An artist known by another name is named by the one the story gives
    as theirs (``The composer, whose real name is Théo Gagnon-Whitfield, said``)."""
    root = span.root
    if root.tag_ in {"NNS", "NNPS"}:
        return None
    phrase = span.doc[root.left_edge.i : root.right_edge.i + 1].text
    found = _GIVEN.search(phrase)
    if found is None:
        return None
    name = (found["listed"] or found["called"] or found["real"]).rstrip(",’'")
    # a full stop ends a name unless it is initials ("A.T.C.")
    return name.rstrip(".") if any(c.islower() for c in name) else name


_NAMING_TAIL = re.compile(r",?\s+(?:who|identified)\b.*$")


def without_name_given(role: str | None) -> str | None:
    """A description as a role, less what gives the name (``Honduran woman identified as
    "R.M."``: ``Honduran woman``)."""
    return _NAMING_TAIL.sub("", role) or None if role else None


def described_as(span: Span) -> str:
    """The noun phrase an unnamed source is described by, with its postmodifiers.

    ``a government official`` grows to ``a government official familiar with
    the operation``; relative clauses and appositives are left out (a relative clause
    of any description: `_before_relative`). Where they work is said before them, so
    that one source has one description: ``sources within the administration`` are
    ``administration sources``, ``economists at Goldman Sachs`` ``Goldman Sachs economists``.
    """
    root = span.root
    if root.lower_ in words("partitive_heads"):  # "those surveyed", "some who ..."
        return _written(span.doc[span.start : root.right_edge.i + 1])
    unnamed = root.lower_ in words("unnamed_heads")
    listed = any(c.dep_ == "conj" for c in root.children)  # "developers and supporters in"
    group = (
        not unnamed and not listed and (root.lower_ in words("group_heads") or _people(root.lower_))
    )
    if not (unnamed or group):
        return _written(_before_relative(span))
    end = span.end
    for child in root.rights:
        if _reports(child):
            break  # "the senator saying ...": what they said, not who they are
        if child.dep_ in _POSTMODIFIERS and child.i >= span.end - 1:
            end = max(end, max(t.i for t in child.subtree) + 1)
        elif child.i >= span.end:
            break
    comma = next((t.i for t in span.doc[root.i + 1 : end] if t.text == ","), None)
    phrase = _before_relative(
        span.doc[span.start : comma if comma is not None and comma >= span.end else end]
    )
    workplace = _workplace(root, phrase)
    if group and (workplace is None or workplace.ent_type_ != "ORG"):
        return _written(_before_relative(span))  # a group by the words of its mention alone
    if workplace is None:
        return _written(phrase)
    body = [t for t in workplace.subtree if t.dep_ != "det"]
    if group:  # "economists at Goldman Sachs": the firm's
        return _written(body + [t for t in phrase if t.i <= root.i])
    return _written([t for t in phrase if t.i < root.i] + body + [root])


def _before_relative(span: Span) -> Span:
    """``span`` up to a relative clause after its head, and the comma before it: ``the
    family of a 34-year-old man who was fatally shot ...`` is the family of that man."""
    root = span.root
    relative = next((t for t in span if t.dep_ == "relcl" and t.i > root.i), None)
    if (
        relative is None
        or relative.head.pos_ not in {"NOUN", "PROPN"}  # "27 percent of those who ..."
        or any(not t.is_punct for t in span.doc[relative.right_edge.i + 1 : span.end])
        or any(t.ent_type_ == "PERSON" for t in relative.subtree)  # "..., Rep. Pat Schroeder"
    ):
        return span  # "Mr. VandeHei, who stepped down ..., and Roy Schwartz": both
    end = relative.left_edge.i
    while end > root.i + 1 and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start : end]


def _reports(modifier: Token) -> bool:
    """A participle of saying hung on the source (``the senator saying during a debate``)."""
    return modifier.dep_ == "acl" and modifier.lemma_.lower() in words("speech_verbs")


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


def names_clause_end(appos: Token) -> bool:
    """An apposition right after a relative clause of the same noun names the clause's
    last noun, not the noun: in ``the governor, who spoke through his Chief Press
    Secretary, Mr. Sulaimon Olawale, said`` the parse hangs the name on the governor."""
    return any(
        c.dep_ == "relcl" and c.i < appos.i and c.right_edge.i == appos.left_edge.i - 2
        for c in appos.head.children
    )
