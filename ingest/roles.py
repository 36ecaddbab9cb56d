"""The role an article gives a named person, lightly normalised.

Four patterns around the name: a title before it (``Secretary of Defense Pete
Hegseth``, ``Venezuela's Defense Minister Vladimir Padrino López``), possibly
finished after it (``President Claudia Sheinbaum of Mexico``); an appositive
(``Rachel VanLandingham, a former military legal advisor``); and a relative
clause (``X, who is the mayor of Springfield``). Roles are normalised so that a
facet shows one value per role: ``Colombian President`` and ``President of
Colombia`` are both ``President of Colombia``, and articles are dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .lexicons import pairs, words
from .parse import hyphen_joins

_CONNECTORS = frozenset({"of", "the", "for", "and", "'s", "’s"})
_PLACE_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC"})


def role_in(name: Span) -> str | None:
    """The role the text around the name ``name`` (a person's name span) gives them: a
    title before it, else one set beside it or said of it; beside a courtesy title
    alone (``Dr.``, ``the Rev.``), what is set beside the name says more (``Rev. Samuel
    Achebe, pastor of Greater Hope Baptist Church``)."""
    before = _title_before(name)
    if before is not None and _courtesy_only(before):
        return normalise(_appositive(name) or _relative(name) or before)
    return normalise(before or _appositive(name) or _relative(name))


def _courtesy_only(title: str) -> bool:
    """A title that is a courtesy title alone (``Dr.``, ``the Rev.``)."""
    said = [word.rstrip(".") for word in title.lower().split() if word not in {"the", "a"}]
    return len(said) == 1 and said[0] in words("honorifics")


def may_give_role(doc: Doc) -> bool:
    """Whether `role_in` may find a role anywhere in ``doc``.

    Each of its patterns ends on a title word (`is_title`), which the words
    alone show: a paragraph without one needs no tagger or parser for roles.
    """
    return any(is_title(token) for token in doc)


_AGE = re.compile(r"\b\d{1,3}[- ]years?[- ]old\s+", re.IGNORECASE)


def normalise(role: str | None) -> str | None:
    """``the Colombian President`` -> ``President of Colombia``; None stays None.

    A country adjective or a name's possessive in front becomes ``of COUNTRY`` at
    the end (not ``the mayor's``); leading articles go (``another senator`` is a
    senator); qualifiers (``Former``) are lower-cased.
    """
    if not role:
        return None
    role = _AGE.sub("", role)  # "a 29-year-old nurse": an age is no role
    tokens = role.replace("’s", " 's").replace("'s", " 's").split()
    while tokens and tokens[0].lower() in {"a", "an", "the", "another"}:
        tokens = tokens[1:]
    country = None
    for size in (2, 1):
        place = " ".join(tokens[:size]).lower()
        if len(tokens) > size and place in pairs("demonyms"):
            country, tokens = pairs("demonyms")[place], tokens[size:]
            break
    if (
        country is None
        and len(tokens) > 2
        and tokens[1] == "'s"
        and tokens[0][:1].isupper()
        and tokens[0].lower() not in words("titles")  # "King's Bench Justice"
    ):
        country, tokens = tokens[0], tokens[2:]
    tokens = [_written_out(t) for t in tokens]
    if country and not any(t.lower() == "of" for t in tokens):
        tokens += ["of", country]
    tidy = " ".join(tokens).replace(" 's", "'s").strip(" ,;:")
    return tidy or None


def _written_out(token: str) -> str:
    """``Sen.`` -> ``Senator``, ``Former`` -> ``former``: one spelling per role word."""
    lower = token.lower()
    if lower in words("role_qualifiers"):
        return lower
    return pairs("title_abbreviations").get(lower, token)


def is_title(token: Token) -> bool:
    """A word that names a role: ``Mr.`` is a courtesy, ``of`` a connector, neither a role."""
    lower = token.lower_
    return lower in words("titles") and lower not in _CONNECTORS | words("honorifics")


def title_of(noun: Token) -> str:
    """The title a description's head names, with the rank before it that makes it
    another office (``deputy governor``, ``vice president``, ``prime minister``:
    `lexicons/office_ranks.txt`)."""
    rank = next(
        (c.lower_ for c in noun.lefts if c.lower_ in words("office_ranks") and c.i == noun.i - 1),
        None,
    )
    return f"{rank} {noun.lower_}" if rank else noun.lower_


def holds_title(written: list[str], title: str) -> int | None:
    """Where in a role's lower-case words the office ``title`` (`title_of`) names stands,
    or None: its head with the same rank before it, or with none (the governor is no
    ``Deputy governor``; the deputy governor is one)."""
    *rank, head = title.split()
    for i, word in enumerate(written):
        before = written[i - 1] if i else None
        if word == head and (before == rank[0] if rank else before not in words("office_ranks")):
            return i
    return None


def _title_before(name: Span) -> str | None:
    """Title words, places and possessives running up to the name, and ``of PLACE`` after it."""
    doc = name.doc
    start = name.start
    # words the recogniser took into the name's entity are its title's (``Ontario`` in
    # ``Ontario Premier Doug Ford`` read as one work of art)
    taken = name.start
    while taken > 0 and doc[taken].ent_iob_ == "I":
        taken -= 1
    while start > 0 and (_in_title(doc[start - 1], start) or start - 1 >= taken):
        start -= 1
    while start < name.start and doc[start].lower_ in _CONNECTORS:
        start += 1
    before = doc[start : name.start]
    if len(before) > 1 and before[-1].lower_ in words("honorifics"):
        before = before[:-1]  # "Health Minister Dr. Tunde Akinwale": the title before
    if (
        not before
        or not (is_title(before[-1]) or _portfolio_critic(before[-1]) or title_of_a_body(before))
        or before[-1].lower_ in words("role_qualifiers")
    ):
        return None  # "the health of X", "a spokeswoman for X": the title must touch the name
    body = _body_after(name)
    return before.text + " of " + body if body else before.text


def title_of_a_body(words: Span) -> bool:
    """Title words ending on the body or brief the title serves, after ``of`` or ``for``
    (``Commissioner of Police``, ``Leader of the Opposition``, ``Clerk of session``,
    ``MEC for Cooperative Governance``): set before a name, the title still touches it."""
    joint = next((t for t in reversed(words) if t.lower_ in {"of", "for"}), None)
    return joint is not None and words.start < joint.i < words.end - 1 and is_title(joint.nbor(-1))


def _body_after(name: Span) -> str | None:
    """The place or body named after the name, ``of`` it: ``President Claudia Sheinbaum
    of Mexico``, ``Insp. Hugh Smith of the Hamilton police``, ``Staff Sgt. Mark
    Farrell, of the Hamilton police,``, ``Const. Alex Li of Toronto police``."""
    doc = name.doc
    at = name.end + 1 if name.end < len(doc) and doc[name.end].text == "," else name.end
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    place = next((e for e in doc.ents if e.start == at + 1), None)
    if place is not None and place.label_ in _PLACE_LABELS:  # "of the Ottawa Police Service"
        end = place.end
        if end < len(doc) and doc[end].lower_ in words("institution_heads"):
            end += 1  # "of Toronto police": the place names the body after it
        return doc[place.start : end].text
    body = next((c for c in doc[at].children if c.dep_ == "pobj"), None)
    if body is None or body.lemma_.lower() not in words("institution_heads"):
        return None
    return doc[body.left_edge.i : body.i + 1].text  # "the Hamilton police"


def _in_title(token: Token, title_start: int) -> bool:
    """``token`` belongs to the title that runs from ``title_start`` up to the name."""
    return (
        token.lower_ in words("titles")
        or token.lower_ in pairs("demonyms")
        or token.lower_ in _CONNECTORS
        or (token.ent_type_ in _PLACE_LABELS and token.pos_ == "PROPN")
        or token.lower_ in words("role_qualifiers")
        or _court_of(token)
        or _serves(token)
        or token.lower_ in words("honorifics")  # "MEC for Education Hon. Jane Doe": dropped after
        or hyphen_joins(token.doc, token.i)  # "KwaZulu-Natal MEC"
        or token.pos_ == "ADJ"  # "Democratic presidential nominee"
        # "Conservative Leader", "union president", "Police Chief": a noun naming the title's
        # party or body (the title must still touch the name: see `_title_before`); a name
        # hung on the title says whose it is whatever the recogniser took it for
        # ("Clinton spokesman", "Hamilton police spokesperson", "Flames coach", which the
        # tagger took for a noun)
        or (
            token.dep_ == "compound"
            and token.pos_ in {"PROPN", "NOUN"}
            and (
                not token.ent_type_
                or ((token.pos_ == "PROPN" or token.is_title) and token.head.i >= title_start)
            )
        )
    )


def _court_of(token: Token) -> bool:
    """``Court`` in ``Court of King's Bench Justice``, ``Court of Appeal Justice``: a body
    named with ``of`` whose member the title names."""
    return (
        token.is_title
        and token.lower_ in words("institution_heads")
        and token.i + 1 < len(token.doc)
        and token.nbor().lower_ == "of"
    )


def _serves(token: Token) -> bool:
    """``Police`` in ``Commissioner of Police Dana Fry``, which the parse makes the object
    of ``of``: the body a title before serves (`title_of_a_body`)."""
    return (
        token.dep_ == "pobj"
        and token.is_title
        and token.head.lower_ == "of"
        and is_title(token.head.head)
    )


def _portfolio_critic(token: Token) -> bool:
    """``critic`` after the file an opposition member shadows (``Liberal health critic Rob
    Rankin``, ``the NDP's finance critic``): a title in Westminster politics. A critic
    alone (``another critic, Laurence Tribe``) takes a side and holds no post."""
    return token.lower_ == "critic" and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.lefts
    )


def _head_of(token: Token) -> bool:
    """``head of macro strategy at Desjardins`` set beside a name: the one who runs it
    (``head`` alone is too many other things to be a title word)."""
    return token.lower_ == "head" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.rights
    )


def _appositive(name: Span) -> str | None:
    """``Rachel VanLandingham, a former military legal advisor``, ``Royce Mendes, head of
    macro strategy at Desjardins``."""
    for child in name.root.rights:
        if child.dep_ == "appos" and (is_title(child) or _head_of(child)):
            return _phrase(child)
    return None


def _relative(name: Span) -> str | None:
    """``X, who is the mayor``: the attribute of a ``who is`` clause."""
    for child in name.root.rights:
        if child.dep_ == "relcl" and child.lemma_ == "be":
            for attr in child.children:
                if attr.dep_ == "attr" and is_title(attr):
                    return _phrase(attr)
    return None


def _phrase(head: Token) -> str:
    """The noun phrase headed by ``head``, up to the first clause or apposition in it (its
    own or one of its nouns': ``lawyer for the Sierra Club, which has ...``), without
    punctuation but a possessive's (``Teachers' Federation``). A name set right after
    its noun says which one (``the advocacy group People for Education``) and stays; others
    coordinated with the role are not its words (``head of the National Center ..., and
    other scientists``), a second description is (``president and chief executive``,
    ``senator from Texas and winner of the Iowa caucuses``)."""
    clauses = [
        t.left_edge.i
        for t in head.subtree
        if t.dep_ in {"relcl", "acl"} or (t.dep_ == "appos" and not _naming(t))
    ]
    others = [c for c in head.rights if c.dep_ == "conj" and c.tag_ in {"NNS", "NNPS"}]
    clauses += [c.i for c in head.rights if c.dep_ == "cc" and others and c.i < others[0].i]
    end = min([i for i in clauses if i > head.i], default=head.right_edge.i + 1)
    while end < len(head.doc) and head.doc[end].ent_iob_ == "I":
        end += 1  # not inside a name: "head of Right to Rise USA", misparsed
    doc, start = head.doc, head.left_edge.i
    while start > 1 and hyphen_joins(doc, start - 1):
        start -= 2  # "co-founder", which the parse split into three appositions
    text = ""
    for token in doc[start:end]:
        joining = token.text == "-" and not token.whitespace_ and text[-1:].isalnum()
        if not token.is_punct or joining or token.tag_ == "POS":  # "two-term", not "two term"
            text += token.text
        text += token.whitespace_
    return " ".join(text.split()).strip(" -")


def _naming(apposition: Token) -> bool:
    """A proper name right after the noun it names, no comma between: ``the advocacy
    group People for Education``, which the recogniser may read as a body only."""
    named = apposition.pos_ == "PROPN" or apposition.ent_type_ in _PLACE_LABELS
    return named and apposition.left_edge.i == apposition.head.i + 1
