"""Whose a body or a document is, when a mention names it rather than a person: a
campaign or an office named after its person (``Sanders' campaign``: the Sanders
campaign), a document issued before (``the statement read``: whoever issued ``a
statement``), one whose first words name the body (``Census Bureau data``), and a body
described before its name (``the nonpartisan Congressional Budget Office``). Part of
`ArticleSpeakers`, sent here by `mentions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .. import roles
from ..lexicons import words
from ..records import Mention
from .documents import document_kind
from .speaker import Speaker

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


# bodies that speak for one person, named after them: "the Clinton campaign", "Ryan's office"
PERSONAL_BODIES = frozenset({"campaign", "administration", "office"})


def body_of(name: str, body: str) -> str:
    """How a person's body is named: by the surname, as news writes it and whatever
    the mention says ("the Trump campaign", "Sanders' campaign" and "the Bernie
    Sanders campaign" are the Sanders campaign: one speaker, in every article), but
    "Trey Gowdy's office" (AP style: "Bernie Sanders' office")."""
    if body != "office":
        return f"{name.split()[-1]} {body}"
    return f"{name}' office" if name.endswith("s") else f"{name}'s office"


class Issuers:
    """Whose a campaign, an office or a document is (``Sanders' campaign``, ``the
    statement``): mixed into `ArticleSpeakers`, whose people and issued documents they
    read."""

    def _owner(self: ArticleSpeakers, body: Token, mention: Mention) -> Speaker | None:
        """The person whose campaign, office or administration ``body`` is, named as its
        possessor (``Sanders' campaign``) or right before it (``the Trump campaign``);
        not a pronoun's (``her campaign`` stays as written: a wrong name would be worse),
        nor a body described further (``Mr. Obama's Council of Economic Advisers``)."""
        if any(c.dep_ in {"prep", "acl", "relcl", "appos", "conj"} for c in body.rights):
            return None
        owner = next(
            # a capitalised word: "Sanders'" is tagged a noun
            (c for c in body.lefts if c.dep_ in {"poss", "compound"} and c.is_title),
            None,
        )
        if owner is None or any(c.i != owner.i and c.dep_ != "det" for c in body.lefts):
            return None  # "Trump's overtly racist campaign", "the stop-Trump campaign"
        phrase = owner.doc[owner.left_edge.i : owner.i + 1]
        if any(t.text == "-" for t in phrase):
            return None
        found = self._named(phrase, mention)  # named where the mention is, as a possessor is
        return found if found is not None and found.kind == "person" else None

    def _issuer(self: ArticleSpeakers, document: Token, offset: int) -> Speaker | None:
        """Whose ``the statement`` is: the speaker of the last ``a statement`` of the same
        kind the article gave before (`documents.documents_issued`)."""
        before = [
            (paragraph, issuer)
            for at, lemma, paragraph, issuer in self.issued
            if at < offset and document_kind(lemma) == document_kind(document.lemma_.lower())
        ]
        return self._issued_by(*before[-1]) if before else None

    def _issued_by(self: ArticleSpeakers, paragraph: int, issuer: Token) -> Speaker | None:
        """Who ``issuer`` (a word of the paragraph at offset ``paragraph``) is; for a verb
        that stood for its missing subject, the speaker last found in its sentence."""
        if issuer.pos_ in {"VERB", "AUX"}:
            sentence = issuer.sent
            last = self.last_speaker
            start, end = paragraph + sentence.start_char, paragraph + sentence.end_char
            return last[1] if last is not None and start <= last[0] < end else None
        if issuer.lower_ in words("pronouns"):
            return self._pronoun(issuer.lower_, paragraph + issuer.idx)
        return self._named_at(issuer.doc[issuer.left_edge.i : _name_end(issuer)], paragraph)


def _name_end(head: Token) -> int:
    """Where a body's name headed by ``head`` ends, with the names it is ``of``: ``the
    Office of the Auditor General of British Columbia``, not ``the Office``."""
    end = head.i + 1
    while of := next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None):
        named = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if named is None:
            break
        end, head = named.i + 1, named
    return end


def issuing_body(document: Token) -> Span | None:
    """The organisation named as a document's first words (``KHDA data``, ``Census
    Bureau data``, ``a CNN/ORC poll``), whose document it is; None when the name is of
    something else (``Iowa caucus results``: a place), of where it was posted (``a 2010
    YouTube video``: `_HOSTED`), or the recogniser's guess at a word opening the
    sentence (``Exit polls``) or at a title written out (``the Governor report``). The
    kind of document may come between (``the RCMP news release``)."""
    if document.lower_ in _HOSTED or document.lemma_.lower() in _HOSTED:
        return None
    doc = document.doc
    kind = document.i
    while kind > 0 and doc[kind - 1].dep_ == "compound" and doc[kind - 1].is_lower:
        kind -= 1  # "news" in "the RCMP news release"
    body = next((e for e in doc.ents if e.end == kind and e.label_ == "ORG"), None)
    if body is None or not all(body.start <= t.head.i <= document.i for t in body):
        return None
    body = body[1:] if body[0].lower_ == "the" else body
    start = body.start
    while (
        start >= 2
        and doc[start - 1].text in {"/", "-"}
        and (doc[start - 2].is_title or doc[start - 2].is_upper)
    ):
        start -= 2  # "a CNN/ORC poll": both
    body = doc[start : body.end]
    alone = len(body) == 1 and not body[0].is_upper
    if (alone and body.start == body.sent.start) or (len(body) == 1 and roles.is_title(body[0])):
        return None
    return body


_HOSTED = frozenset({"figures", "video", "videos", "footage", "post", "posts", "tweet", "blog"})
"""Documents whose first words may name where they were posted or whom they count (``a
YouTube video``, ``GOP figures``), not who issued them."""


def body_described(span: Span) -> Span | None:
    """The body's own name when the mention describes it first: ``the nonpartisan
    Congressional Budget Office``, ``the left-leaning Center for American Progress``
    are the Congressional Budget Office and the Center for American Progress, as
    the article may call them elsewhere: one speaker, not one per epithet. Only
    determiners, adjectives and common nouns may stand before the recogniser's name
    (``the state's Republican Party`` keeps its owner)."""
    root = span.root
    body = next((e for e in span.ents if e.label_ == "ORG" and e.start <= root.i < e.end), None)
    if (
        body is None
        or body.start == span.start
        or len(body) < 2  # "an anti-Trump super PAC" is no "PAC"
        or not all(t.is_punct for t in span.doc[body.end : span.end])  # "A, B and C"
    ):
        return None
    before = span.doc[span.start : body.start]
    if not all(
        t.dep_ in _EPITHETS or t.text == "-" or (t.is_lower and t.dep_ not in {"poss", "case"})
        for t in before
    ):
        return None
    return body


_EPITHETS = frozenset({"det", "amod", "advmod", "npadvmod"})
"""What may describe a body before its name: ``the``, ``nonpartisan``, ``left``-``leaning``
(and any word in lower case: ``the advocacy group Human Rights Watch``)."""
