"""What the words an article uses again for someone refer to: a bare ``the businessman``
(someone it has named), a title with its place (``Saskatchewan premier``: whoever the
article says holds it there), ``the statement`` (whoever it said issued one), ``the
association`` or ``the company`` (the body it named that the word fits, else the body
that spoke last), a lede's ``A Calgary-based company`` (the body named next) and
initials (``TTC``: the body the article names in full)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import pairs, words
from ..parse import text_of
from .descriptions import ISSUING, is_definite, is_someone, released_by, singular
from .genders import gendered
from .name_words import ends_like_a_company


def places_of(span: Span) -> list[str]:
    """The names before a title that say where it is held: ``Saskatchewan`` in
    ``Saskatchewan premier`` or ``Saskatchewan's premier``, ``Toronto`` in ``Toronto
    police chief``; none when anything else describes it (``a former premier``, ``the
    premier's office``)."""
    root = span.root
    before = [t for t in span if t.i < root.i and t.dep_ not in {"case", "det"}]
    places = [t for t in before if t.pos_ == "PROPN" and t.ent_type_ in _PLACES]
    # the body the title is held in may come between: "Toronto police chief"
    bodies = [t for t in before if t.pos_ == "NOUN" and t.dep_ == "compound"]
    if not places or len(places) + len(bodies) < len(before):
        return []
    return [t.lower_ for t in places]


_PLACES = frozenset({"GPE", "LOC", "NORP"})


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
    if not any(word in written for word in OWN_WORDS | {"sue"}):
        return []  # most paragraphs name no document: no need to walk their words
    found = []
    for document in doc:
        if document.lemma_.lower() == "sue" and document.pos_ == "VERB":
            # "Garrett Lyle has sued the studio, alleging ...": the complaint is his
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
        if verb.lemma_.lower() in words("speech_verbs"):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            found.append((document, subject or verb))
    return found


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


def is_epithet(span: Span) -> bool:
    """``the businessman``, ``the actress``: a bare definite description, which news uses
    for someone it has just named (``Donald Trump ... The billionaire businessman
    says``). Described any further (``the woman, who did not want to be named``, ``the
    victims' surviving son``), it introduces someone the article does not name, whom a
    later ``she`` or ``he`` may mean."""
    root = span.root
    return is_definite(span) and not any(c.dep_ in _DESCRIBING for c in root.children)


_DESCRIBING = frozenset({"relcl", "acl", "prep", "appos", "poss"})

AGED = re.compile(r"\b(\d{1,3})-year-old\b")  # "the 45-year-old", "the 45-year-old woman"
# "the mum-of-one", "the dad-of-two": the British papers' way of saying "the parent"
PARENT_OF = re.compile(
    r"\b(?:mum|mom|mother|dad|father|gran|nan|grand(?:mother|father|mum|dad|ma|pa))"
    r"\s*-\s*of\s*-\s*(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b",
    re.I,
)


def put_to_them(verb: Token) -> bool:
    """``Asked how many would be affected, he said, "All of them."``: the question put to
    the speaker opening the sentence, which the reporter asked; the answer has its own
    cue. One put by someone named (``Asked by Matt Lauer whether ...``) is theirs."""
    return (
        verb.tag_ == "VBN"
        and verb.i == verb.sent.start
        and verb.lemma_.lower() == "ask"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def points_back(span: Span) -> bool:
    """``The 61-year-old, who is in his 14th season``, ``the 34-year-old mother of
    three``, ``The mum-of-one, who works on the children's ward,``: someone described by
    their age or as a parent of so many, anything more said of them set aside by commas.
    News uses such a description, as it uses ``he``, for someone it has just named. (A
    trade or a title may be someone else's, named or not: in political copy ``the New
    York businessman`` was the candidate named three paragraphs back, ``the GOP
    candidate`` not the daughter named last; a title the article gives someone is
    theirs, `Mentions._titled`.)"""
    root = span.root
    after = [c.left_edge.i for c in root.rights if c.dep_ in {"prep", "relcl", "acl"}]
    own = span.doc[span.start : min(after, default=span.end)]  # "the family of a
    # 34-year-old man": his age, not theirs
    if (
        not is_definite(span)
        or root.tag_ in {"NNS", "NNPS"}
        or not (AGED.search(own.text) or PARENT_OF.search(own.text))
    ):
        return False
    return all(
        _set_aside(c) for c in root.children if c.dep_ in _DESCRIBING and c.i > span.end - 1
    ) and not any(c.dep_ == "poss" for c in root.children)


def _set_aside(modifier: Token) -> bool:
    """A phrase after a noun set off from it by a comma, a dash or a bracket."""
    start = modifier.left_edge.i
    return start > 0 and modifier.doc[start - 1].text in {",", "(", "—", "–"}


def introduced_before(span: Span, text: str) -> bool:
    """``text`` (the article before ``span``, a description by age) brought in someone
    unnamed of that age, whom ``span`` may mean: ``a 32-year-old man`` before ``the
    32-year-old``."""
    age = AGED.search(span.text)
    return (
        age is not None
        and re.search(rf"\b(?:an?|one)\s+{age[1]}-year-old\b", text, re.I) is not None
    )


def body_named_before(span: Span, docs: list[tuple[int, Doc]], offset: int) -> Span | None:
    """The body a bare ``the association``, ``the company`` or ``the ministry`` refers
    back to: the last organisation named before ``offset`` (article offsets; ``docs``
    the parsed paragraphs with theirs), in its paragraph or the few before, whose name
    that noun heads (``the Canadian Civil Liberties Association``, ``Ford Motor
    Company``, ``Ontario's Ministry of Health``); however far back when it is the only
    one so named (but not ``the party``: `_LOOSE`)."""
    head = bare_body(span)
    if head is None:
        return None
    before = [(at, doc) for at, doc in docs if at <= offset]
    named = [
        (n, ent)
        for n, (at, doc) in enumerate(before)
        for ent in doc.ents
        if at + ent.end_char <= offset and ent.label_ == "ORG" and _is_a(ent, head) and _a_name(ent)
    ]
    if not named:
        return None
    n, last = named[-1]
    only = len({ent.text.lower() for _, ent in named}) == 1 and head not in _LOOSE
    return whole_name(last) if only or len(before) - n <= _REACH else None


_REACH = 4
"""Paragraphs (the mention's and those before it) that ``the department`` can point
back into when the article names several departments: further back, it has usually
moved on to another."""
_LOOSE = frozenset({"party"})
"""Bodies an article names mostly without an organisation's name (``Democrats``, ``the
GOP``): ``the party`` points back only into the last few paragraphs even when one
party is named (in a story about the Workers World Party's rally, ``the party`` was
the Democrats')."""


def whole_name(ent: Span) -> Span:
    """A body's name the recogniser cut before the place it is of: ``the Public Health
    Agency of`` and ``Canada`` are one name."""
    doc = ent.doc
    if ent[-1].lower_ in {"of", "for"} and ent.end < len(doc) and doc[ent.end].ent_iob_ == "B":
        following = next(e for e in doc.ents if e.start == ent.end)
        return doc[ent.start : following.end]
    return ent


def body_described_before(span: Span, docs: list[tuple[int, Doc]], offset: int) -> Span | None:
    """The body ``the ferry corporation`` or ``the mining company`` refers back to: the
    last organisation named before, in its paragraph or the few before, whose name has
    that modifier's word (``BC Ferries``, ``Boreal Shield Mining``)."""
    if _described_body(span) is None:
        return None
    kinds = {singular(t.lower_) for t in span[1:-1]}
    before = [(at, doc) for at, doc in docs if at <= offset]
    named = [
        ent
        for at, doc in before[-_REACH:]
        for ent in doc.ents
        if at + ent.end_char <= offset
        and ent.label_ == "ORG"
        and any(singular(t.lower_) in kinds for t in ent)
    ]
    return whole_name(named[-1]) if named else None


def _described_body(span: Span) -> str | None:
    """The noun of ``the ferry corporation``, ``the federal weather agency``: a body
    described by its kind and trade, else None."""
    root = span.root
    if (
        not 3 <= len(span) <= 4
        or not is_definite(span)
        or root.i != span.end - 1
        or root.lower_ not in words("institution_heads")
        or any(t.dep_ not in {"compound", "amod"} or not t.is_lower for t in span[1:-1])
    ):
        return None
    return root.lower_


def bare_body(span: Span) -> str | None:
    """The noun of a bare ``the company``, ``the department`` (or one said to be based
    somewhere: ``The San Francisco-based company``): a body the article refers back to
    by its kind (`body_named_before`), else None."""
    root = span.root
    based = len(span) > 3 and span[-2].lower_ == "based" and span[-3].text == "-"
    if not (len(span) == 2 or based) or not is_definite(span):
        return None
    if root.i != span.end - 1 or root.tag_ != "NN" or not root.is_lower:
        return None  # "the departments" are several
    return root.lower_ if root.lower_ in words("institution_heads") else None  # not "the group"


def spoke_before(
    noun: str,
    bodies: list[tuple[int, str]],
    docs: list[tuple[int, Doc]],
    quoted: Sequence[tuple[int, int]],
    offset: int,
) -> str | None:
    """The body a bare ``the company`` or ``the department`` is when none named before
    is named for that noun (``Lumenor Software says ... the company said``): the
    last body to speak (``bodies``: offsets and names of the bodies resolved so far), in
    the mention's paragraph or the few before, with no other body or place named
    since outside quotation marks (``quoted``: ``Apple has stated ... Coca Cola's
    funding ... The company has`` is Coca Cola's), and no word of its name making it
    another kind of body (``London Police Service`` is no company)."""
    if not bodies:
        return None
    at, name = bodies[-1]
    paragraphs = sum(1 for start, _ in docs if at < start <= offset)
    said = _sentence_end(docs, at)
    since = (
        ent.text
        for start, doc in docs
        for ent in doc.ents
        if ent.label_ in {"ORG", "GPE"}
        and said <= start + ent.start_char < offset
        and not any(s <= start + ent.start_char < e for s, e in quoted)
    )
    if paragraphs >= _REACH or any(other not in name for other in since):
        return None
    return None if _of_another_kind(name, noun) else name


def body_subject_before(
    span: Span,
    quoted: Sequence[tuple[int, int]],
    offset: int,
    known: Container[str] = frozenset(),
) -> Span | None:
    """The body a bare ``the corporation`` is when its paragraph made that body the subject
    of a sentence before it (``Canada Post has been losing money ... The corporation has
    argued``), or of the words it reports when the article names that body elsewhere
    (``Quillbase, the note-taking app, is raising the price ..., the company announced``;
    not ``Assem, the plane's co-pilot, had logged ..., the airline said``, a pilot the
    recogniser took for a body), or a name that says it is a company's
    (`name_words.ends_like_a_company`: ``Meridian AI released Atlas-3, which the
    company says ...``), outside quotation marks, with no word of its name
    making it another kind of body, though its name does not say ``corporation`` (nor
    ``the mining company`` ``Boreal Shield Metals``). ``known``: the names the article's
    organisations go by, which the recogniser may miss where one is a subject
    (``Quillbase`` was a noun in the lede)."""
    noun = bare_body(span) or _described_body(span)
    if noun is None:
        return None
    doc, paragraph = span.doc, offset - span.start_char
    subjects = [ent for ent in doc.ents if ent.label_ == "ORG"] + [
        doc[t.left_edge.i : t.i + 1]  # "Human Rights Watch has said", the recogniser silent
        for t in doc
        if t.pos_ == "PROPN"
        and not t.ent_type_
        and t.left_edge.i < t.i
        and all(w.is_title for w in t.lefts)
        and not gendered(t.left_edge)  # no person the recogniser missed
    ]
    subjects += [doc[t.i : t.i + 1] for t in doc if t.text in known and t.ent_type_ != "ORG"]
    found = [
        name
        for name in subjects
        if name.end <= span.start
        and name.root.dep_ in {"nsubj", "nsubjpass"}
        and (name.root.sent != span.sent or name.text in known or ends_like_a_company(name))
        and not any(s <= paragraph + name.start_char < e for s, e in quoted)
        and not _of_another_kind(name.text, noun)
    ]
    return max(found, key=lambda name: name.start) if found else None


def body_named_next(
    span: Span, docs: list[tuple[int, Doc]], quoted: Sequence[tuple[int, int]], offset: int
) -> Span | None:
    """The body a lede describes before it names it (``A Calgary-based online grocery
    company says ...``, then ``PrairieCart Inc. said ...``; ``Ontario's police watchdog
    says ...``, then ``Special Investigations Unit director ...``): in one of the
    article's first paragraphs, an indefinite description headed by a body's noun, or
    one a place owns, is the first body named in the next paragraph, outside quotation
    marks, unless a word of its name makes it another kind of body."""
    root = span.root
    noun = root.lower_
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    if owner is not None and owner.ent_type_ not in _PLACES:
        return None  # "his campaign": his
    if owner is None and is_definite(span):
        return None  # "the company": one named before, if any (`body_named_before`)
    if root.tag_ != "NN" or noun not in words("institution_heads"):
        return None
    at = _next_paragraph(docs, offset)
    if at > _LEDE or at == len(docs):
        return None
    start, doc = docs[at]
    return next(
        (
            ent
            for ent in doc.ents
            if ent.label_ == "ORG"
            and _a_name(ent)
            and not any(s <= start + ent.start_char < e for s, e in quoted)
            and not _of_another_kind(ent.text, noun)
        ),
        None,
    )


_LEDE = 3
"""The paragraphs (headline and byline included) a description may name a body in before
the next one names it."""


def person_named_next(span: Span, docs: list[tuple[int, Doc]], offset: int) -> Span | None:
    """The person an indefinite description stands for before the article names them as
    ``the`` same noun: ``A neighbor testified Thursday that ...``, then, a paragraph or two
    on, ``The neighbor, Loretta Simms, 61, was the prosecution's third witness``. The
    name set off by commas right after ``the neighbor``, in the mention's paragraph after
    it or the few after that (`_NAMED_WITHIN`)."""
    root = span.root
    if (
        span[0].lower_ not in {"a", "an"}
        or root.i != span.end - 1
        or root.tag_ != "NN"
        or root.lower_ not in words("unnamed_heads")
    ):
        return None
    at = _next_paragraph(docs, offset)
    for start, doc in docs[max(at - 1, 0) : at + _NAMED_WITHIN]:
        for token in doc[1:-2]:
            if (
                start + token.idx > offset
                and token.lower_ == root.lower_
                and doc[token.i - 1].lower_ == "the"
                and doc[token.i + 1].text == ","
            ):
                name = next((e for e in doc.ents if e.start == token.i + 2), None)
                if name is not None and name.label_ == "PERSON":
                    return name
    return None


_NAMED_WITHIN = 3
"""Paragraphs after a description's own in which ``the`` same noun may name its person."""


def person_described_later(span: Span, docs: list[tuple[int, Doc]], offset: int) -> Span | None:
    """The person a definite description of an office stands for when the article later
    gives the same words with a name after them: ``The mayor of Keswick has posted an
    update``, and further down ``the mayor of Keswick, Duncan Fairbairn, wrote``."""
    if span[0].lower_ != "the" or len(span) < 4 or not any(t.lower_ == "of" for t in span):
        return None
    words_of = [t.lower_ for t in span]
    for start, doc in docs:
        if start + len(doc.text) <= offset:
            continue
        for token in doc[: len(doc) - len(span) - 1]:
            end = token.i + len(span)
            if (
                start + token.idx > offset
                and [t.lower_ for t in doc[token.i : end]] == words_of
                and doc[end].text == ","
            ):
                name = next((e for e in doc.ents if e.start == end + 1), None)
                if name is not None and name.label_ == "PERSON":
                    return name
    return None


def _next_paragraph(docs: list[tuple[int, Doc]], offset: int) -> int:
    """The index in ``docs`` of the first paragraph after the one holding ``offset``
    (``len(docs)`` if there is none)."""
    return next((n for n, (start, _) in enumerate(docs) if start > offset), len(docs))


def paragraph_at(docs: list[tuple[int, Doc]], at: int) -> tuple[int, Doc] | None:
    """The parsed paragraph holding article offset ``at``, with its own offset."""
    return next(
        ((start, doc) for start, doc in docs if start <= at < start + len(text_of(doc))), None
    )


def _sentence_end(docs: list[tuple[int, Doc]], at: int) -> int:
    """Where the sentence holding article offset ``at`` ends (the article's offsets)."""
    found = paragraph_at(docs, at)
    if found is None:
        return at
    start, doc = found
    token = next((t for t in doc if start + t.idx >= at), None)
    return start + (token.sent.end_char if token is not None else len(text_of(doc)))


def _of_another_kind(name: str, noun: str) -> bool:
    """A word of ``name`` makes the body a kind other than ``noun`` (``Police`` in
    ``London Police Service`` for ``company``; ``Local`` in ``Unifor Local 4120``)."""
    kinds = pairs("body_name_words")
    own = {noun, *kinds.get(noun, "").split()}
    other = {word for kind, named in kinds.items() for word in named.split()}
    other |= words("institution_heads")
    return any(word.lower() in other - own for word in name.split())


def _is_a(name: Span, noun: str) -> bool:
    """The body ``name`` is one a bare ``the noun`` may call it: named for that noun
    (``Ford Motor Company``), or with a last word that makes it one
    (``PrairieCart Inc.`` is a company, ``Teachers' Association`` a union:
    ``lexicons/body_name_words.txt``)."""
    head = _name_head(name)
    return head == noun or head in pairs("body_name_words").get(noun, "").split()


def _a_name(ent: Span) -> bool:
    """An entity that reads as a body's name, not a headline the recogniser took for one
    (``San Bernardino Terror Suspect Named By Police``)."""
    return 1 < len(ent) <= _NAME_WORDS and not any(t.pos_ in {"VERB", "AUX"} for t in ent)


_NAME_WORDS = 6


def _name_head(name: Span) -> str:
    """The noun a body's name is named for, read from its words (paragraphs that name no
    speaker are not parsed): ``ministry`` in ``Ministry of Health``, ``association`` in
    ``Canadian Civil Liberties Association``, ``local`` in ``Unifor Local 4120``."""
    lowered = [t.lower_ for t in name if not t.like_num]
    cut = next((i for i, word in enumerate(lowered) if word in {"of", "for", "on"}), len(lowered))
    return lowered[cut - 1] if cut else lowered[-1]


def acronyms(docs: list[tuple[int, Doc]]) -> dict[str, str]:
    """The bodies an article names in full, by their initials: ``TTC`` is the
    ``Toronto Transit Commission``, ``SIU`` the ``Special Investigations Unit`` (small
    words such as ``of`` and ``the`` give no letter, and an abbreviated place before the
    name may give none: ``CPSC``, the ``U.S. Consumer Product Safety Commission``). The
    first full name wins. A name with its initials after it in brackets says so itself,
    whatever letters they take (``the National Anti-Corruption Bureau (NABU)``)."""
    found: dict[str, str] = {}
    for _, doc in docs:
        for ent in (_before_bracket(whole_name(ent)) for ent in doc.ents if ent.label_ == "ORG"):
            name = ent[1:] if ent[0].lower_ == "the" else ent
            if (short := _initials_after(ent)) is not None:
                found.setdefault(short, name.text)
            named = [t for t in ent if not t.is_stop and not t.is_punct]  # "Thompson-Nicola"
            if len(named) >= 2 and all(t.is_title for t in named):
                found.setdefault(_initials(named), name.text)
                if len(named) >= 3 and "." in named[0].text:  # "U.S. Consumer Product
                    # Safety Commission" is the CPSC
                    found.setdefault(_initials(named[1:]), name.text)
                of = next((t.i for t in ent if t.lower_ == "of"), len(ent.doc))
                before = [t for t in named if t.i < of]  # "Independent Investigation Unit
                if 2 <= len(before) < len(named):  # of Manitoba" is the IIU too
                    found.setdefault(_initials(before), name.text)
        for short, name in _bracketed_initials(doc):
            found.setdefault(short, name)
    return found


def _bracketed_initials(doc: Doc) -> list[tuple[str, str]]:
    """Capitalised words with initials in brackets after them, whatever the recogniser
    made of the words (``the EU Road Safety Agency (EURSA)``, a facility to it, and
    ``the European Anti-Fraud Office (OLAF)``, whose initials are French): the short
    name and the long one, from where its initials are the short name's if they are."""
    found = []
    for bracket in (t for t in doc[1:-2] if t.text == "(" and doc[t.i + 2].text == ")"):
        short = doc[bracket.i + 1].text
        if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 8):
            continue
        start = bracket.i
        while start > 0 and (
            doc[start - 1].is_title
            or doc[start - 1].is_upper
            or doc[start - 1].lower_ in _NAME_JOINERS
        ):
            start -= 1
        while start < bracket.i and doc[start].lower_ in _NAME_JOINERS:
            start += 1
        start = next(  # "Brussels Commission Office (CO)": where the initials start
            (i for i in range(start, bracket.i) if _initials(doc[i : bracket.i]) == short), start
        )
        named = [t for t in doc[start : bracket.i] if t.is_alpha and not t.is_stop]
        if len(named) >= 2:
            found.append((short, doc[start : bracket.i].text))
    return found


def _initials(name: Iterable[Token]) -> str:
    """The first letters of a name's words, but for words such as ``of``."""
    return "".join(t.text[0] for t in name if not t.is_stop and not t.is_punct)


_NAME_JOINERS = frozenset({"of", "and", "for", "on", "the", "&", "-"})
"""Words a body's name may hold between its capitalised ones."""


def _before_bracket(ent: Span) -> Span:
    """An entity without the bracket the recogniser may run it into (``the State
    Administration for Market Regulation (SAMR``)."""
    bracket = next((t.i for t in ent if t.text == "("), None)
    return ent.doc[ent.start : bracket] if bracket is not None and bracket > ent.start + 1 else ent


def _initials_after(ent: Span) -> str | None:
    """The capitals in brackets right after a name (``(SAMR)``), or None."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return None
    short = doc[ent.end + 1]
    return short.text if short.is_upper and short.is_alpha and 2 <= len(short) <= 8 else None
