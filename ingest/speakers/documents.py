"""Whose words a document or a speech noun holds: the owner of ``Trump's comments``, the
body ``a statement released by`` names or the parse hung a document inside (``The Bureau
of Meteorology's latest climate statement``); and the documents an article says someone
issued (``in a statement``, ``a report published by the auditor``, ``Reyes' lawsuit``),
whose later ``the statement read`` or ``the report also found`` goes on speaking for
them."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..parse import text_of
from .speaking_nouns import is_someone

ISSUING = frozenset(
    {"issue", "release", "publish", "post", "send", "put", "distribute", "file", "make"}
)
"""Verbs by which someone puts out a document that speaks for them (`released_by`,
`documents.documents_issued`; `parse_plan` parses a paragraph with one of them and one
of `documents.OWN_WORDS`)."""


def possessor(head: Token) -> Span | None:
    """The noun phrase that owns ``head`` (``Trump`` in ``Trump's comments``); a
    pronoun is left to the mention's own resolution."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ not in {"PROPN", "NOUN"}:
        return None
    return head.doc[owner.left_edge.i : owner.i + 1]


def holds_words(noun: Token) -> bool:
    """A noun for words someone said or wrote, which speak for whoever owns them: a
    speech noun (``advice``, ``reply``), a document (``report``, ``statement``) or a
    message (``Her message to residents was blunt: "..."``; not a noun that reports a
    ``that`` clause, which ``These operations send a clear message that ...`` is not)."""
    said = words("speech_nouns") | _MESSAGES
    return noun.lemma_.lower() in said or noun.lower_ in words("document_heads")


_MESSAGES = frozenset({"message"})


def owner_run_in(span: Span) -> Span | None:
    """The body owning a document the parse hung inside the body's own name: in ``The
    Bureau of Meteorology's latest climate statement said`` it made ``Bureau`` the
    subject and the statement the object of ``of``; the statement is the Bureau of
    Meteorology's. None for a mention of another shape."""
    root = span.root
    for of in (c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for document in (c for c in of.children if c.dep_ == "pobj" and c.i < span.end):
            owner = next((c for c in document.lefts if c.dep_ == "poss"), None)
            if (
                owner is not None
                and owner.pos_ == "PROPN"
                and owner.left_edge.i == of.i + 1
                and holds_words(document)
            ):
                return span.doc[span.start : owner.i + 1]
    return None


def released_by(head: Token) -> Span | None:
    """The source of a document: ``a statement released by X``, ``an assessment from X``,
    ``a letter the board sent``, ``the Auditor-General's most recent report`` (a name
    owning it, or a body: ``the agency's weekly report``)."""
    between = head.doc[head.i + 1 : head.head.i] if head.dep_ == "nsubj" else []
    # "One rejection letter, from an editor named Howard Crane, told her": the parse hung
    # the subject's "from" on the verb
    for token in [*_own_words(head), *(t for t in between if t.head == head.head)]:
        if token.dep_ in {"agent", "prep"} and token.lower_ in {"by", "from"}:
            objects = [child for child in token.children if child.dep_ == "pobj"]
            if objects:
                tokens = list(objects[0].subtree)
                return head.doc[tokens[0].i : tokens[-1].i + 1]
        if (page := _own_page(token)) is not None:
            return page
    for clause in head.rights:  # "a letter the board sent to BrightPath"
        if clause.dep_ == "relcl" and clause.lemma_.lower() in ISSUING:
            sender = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if sender is not None and sender.tag_ not in {"WDT", "WP"}:
                return head.doc[sender.left_edge.i : sender.i + 1]
    owner = next(
        (
            c
            for c in head.children
            if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in words("institution_heads"))
        ),
        None,
    )
    if owner is None:
        return None
    return head.doc[owner.left_edge.i : owner.i + 1]


def _own_page(token: Token) -> Span | None:
    """Whose page a post is on: ``A post on the First Nation's official Facebook page``
    is the First Nation's, as its own account speaks for it."""
    if token.dep_ != "prep" or token.lower_ != "on":
        return None
    page = next((c for c in token.children if c.dep_ == "pobj"), None)
    if page is None or page.lemma_.lower() not in _PAGES:
        return None
    owner = next((c for c in page.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    return None if owner is None else token.doc[owner.left_edge.i : owner.i + 1]


_PAGES = frozenset({"page", "account", "feed", "website", "site", "channel", "profile", "blog"})


def _own_words(head: Token) -> list[Token]:
    """The words of ``head``'s noun phrase and of participles that say who made it
    (``an exit poll conducted by Edison Research``: `_made_by`), in order; not those of a clause
    on it: ``The audit, which examined payroll data from 2018, found`` is by no year, and
    ``a statement calling for relief from threats at home`` by no threats."""
    found = []
    stack = [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ in _PHRASE_DEPS or _made_by(c))
    return sorted(found, key=lambda token: token.i)


def _made_by(participle: Token) -> bool:
    """A participle that says who made a document (``released``, ``conducted``,
    ``drafted``), not who came to have it (``obtained by AP``, ``seen by Reuters``)."""
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.lemma_.lower() not in _COME_BY
    )


_COME_BY = frozenset({"obtain", "see", "review", "receive", "acquire", "get", "view", "read"})


_PHRASE_DEPS = frozenset(
    {"prep", "pobj", "agent", "compound", "amod", "det", "poss", "case", "nmod", "nummod"}
)
"""The dependencies that keep to a noun phrase (`_own_words`)."""


def documents_issued(doc: Doc) -> list[tuple[Token, Token]]:
    """The documents a paragraph says someone issued, with who: ``Dabrusin defended the
    rule in a statement``, ``In a letter, the mayor said``, ``a report published last
    week by the Economic and Social Research Institute``, ``the Auditor-General's most
    recent report``; the document a later ``the statement read`` or ``the report also
    found`` means. Only a speech verb issues one it is in: ``Trump leads in a new poll``
    is no poll of his. Where the parse gave the verb no subject (``..., TransEd, the
    private consortium that operates the line, said in a statement``), the verb stands
    for its subject: whoever the rules found saying it."""
    written = text_of(doc).lower()
    if not any(word in written for word in OWN_WORDS | _FILING_VERBS):
        return []  # most paragraphs name no document: no need to walk their words
    found = []
    for document in doc:
        if document.lemma_.lower() in _FILING_VERBS and document.pos_ == "VERB":
            # "Garrett Lyle has sued the studio, alleging ...": the complaint is his;
            # "Major Eyal Haddad posted a map on X", then "the post said": his post
            plaintiff = next((c for c in document.children if c.dep_ == "nsubj"), None)
            if plaintiff is not None:
                found.append((document, plaintiff))
            continue
        if document.lemma_.lower() not in OWN_WORDS:
            continue
        if (author := released_by(document) or _read_from(document)) is not None:
            found.append((document, author.root))
            continue
        if document.dep_ == "dobj" and _issues(document.head, document):
            # "Environment Canada issued a special air quality statement"
            verb = document.head
            issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if issuer is None:
                issuer = _name_set_off_before(verb)
            if issuer is not None:
                found.append((document, issuer))
            continue
        if document.dep_ != "pobj" or document.head.lower_ not in {"in", "via", "through", "on"}:
            continue
        verb = document.head.head  # said, wrote, announced: not "leads in a new poll"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.lemma_.lower() in words("speech_verbs"):
            found.append((document, subject or verb))
        elif _penned_in(document) and verb.pos_ == "VERB" and subject is not None:
            found.append((document, subject))  # "left the caucus in a letter posted to ..."
    return found


_PENNED = frozenset({"statement", "letter", "release", "memo", "post", "tweet", "email"})
"""Documents one writes to say something oneself: whatever one does in one (``resigned in a
letter``, ``left the caucus in a two-page letter posted to social media``), it speaks for
one, as it does when one ``said`` it in one; a report or a study one is ``in`` may be
another's."""


def _penned_in(document: Token) -> bool:
    """``in a letter``: one of `_PENNED` in lower case (``unloaded on the Post`` is the
    newspaper) after ``in``."""
    return document.lemma_ in _PENNED and document.is_lower and document.head.lower_ == "in"


_FILING_VERBS = frozenset({"sue", "post", "tweet"})
"""Verbs whose subject issues a document without naming it: a lawsuit, a post, a tweet."""


def _name_set_off_before(verb: Token) -> Token | None:
    """The name set off by a comma right before a verb the parse gave no subject: in
    ``..., his older sister, Yolanda Mayfield-Greene, read a statement`` it hung the
    sister on the church before her; she read it."""
    doc = verb.doc
    before = verb.i - 2
    if before < 0 or doc[verb.i - 1].text != "," or doc[before].ent_type_ != "PERSON":
        return None
    return doc[before]


def _issues(verb: Token, document: Token) -> bool:
    """``verb`` puts out ``document`` (its object) as the subject's: ``issued a statement``,
    and ``read a statement`` (``his sister read a statement on behalf of the family``:
    the reader's to deliver), not ``read a report`` (someone else's)."""
    lemma = verb.lemma_.lower()
    return lemma in ISSUING or (lemma == "read" and document.lemma_.lower() == "statement")


def _read_from(document: Token) -> Span | None:
    """Whose words a document handed on is: ``her lawyer read a statement from her``
    (the parse hangs ``from her`` on the verb)."""
    if document.dep_ != "dobj":
        return None
    source = next(
        (
            o
            for c in document.head.rights
            if c.dep_ == "prep" and c.lower_ == "from" and c.i > document.i
            for o in c.children
            if o.dep_ == "pobj" and is_someone(o)
        ),
        None,
    )
    return document.doc[source.left_edge.i : source.i + 1] if source is not None else None


OWN_WORDS = frozenset(
    {
        "statement",
        "letter",
        "release",
        "memo",
        "post",
        "tweet",
        "email",
        "report",
        "paper",
        "lawsuit",
        "suit",
        "complaint",
        "indictment",
        "audit",
        "assessment",
        "evaluation",
        "inspection",
        "review",
        "study",
        "analysis",
        "investigation",
        "inquiry",
    }
)
"""Documents someone writes in their own words, whose ``the statement`` goes on speaking
for them (not a video, an ad or a poll, which show or ask others); a lawsuit speaks for
whoever filed it (``Reyes' lawsuit``, then ``the complaint states``), and an audit
or a study whoever made it (``a 2023 audit by the inspector general``, then ``the audit
found``)."""

_SAME_DOCUMENT = {
    "sue": "lawsuit",
    "suit": "lawsuit",
    "complaint": "lawsuit",
    "audit": "report",
    "assessment": "report",
    "evaluation": "report",
    "review": "report",
    "study": "report",
    "analysis": "report",
}
"""Words for one document: the lawsuit a plaintiff filed (or who ``sued``) is ``the
suit`` and ``the complaint`` after it; the report an auditor released ``the audit``
(``according to a report released Thursday by the State Auditor ... the audit said``)."""


def document_kind(lemma: str) -> str:
    """The kind of document a word names, one for the words a writer varies
    (`_SAME_DOCUMENT`): what a later ``the complaint`` is matched on."""
    return _SAME_DOCUMENT.get(lemma, lemma)
