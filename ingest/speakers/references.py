"""What the words an article uses again for someone refer to: a title with its place
(``Saskatchewan premier``: whoever the article says holds it there), ``the
association`` or ``the company`` (the body it named that the word fits, else the body
that spoke last), a lede's ``A Calgary-based company`` (the body named next) and ``a
woman`` described by name later. Bare epithets are `epithets`', documents `documents`'
and initials `initials`'."""

from __future__ import annotations

from collections.abc import Container, Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import pairs, words
from ..parse import text_of
from .descriptions import is_definite, singular
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
    if only or len(before) - n <= _REACH:
        return whole_name(last)
    # far from any: a company the story opens with is the one it is about ("Northbay
    # Forest Products Ltd. swung to a loss ..." and, after an analyst's firm, "The company
    # also said")
    opening = [ent for at, ent in named if at < _LEDE] if _a_company(head) else []
    return whole_name(opening[0]) if opening else None


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
    if not (len(span) == 2 or based or _trade_named(span)) or not is_definite(span):
        return None
    if root.i != span.end - 1 or root.tag_ != "NN" or not root.is_lower:
        return None  # "the departments" are several
    return root.lower_ if root.lower_ in words("institution_heads") else None  # not "the group"


def _a_company(noun: str) -> bool:
    """A noun for a company: one whose names end ``Inc.`` (``lexicons/body_name_words.txt``)."""
    return "inc" in pairs("body_name_words").get(noun, "").split()


def _trade_named(span: Span) -> bool:
    """``the auto parts maker``, ``the steel company``: a company's noun (one whose names
    end ``Inc.``, ``lexicons/body_name_words.txt``) after common nouns that say its trade,
    which business news uses for the company it is writing about, as it uses ``the
    company`` (not ``the rival company``, ``the new firm``: another one). Not other bodies:
    ``the law enforcement agency`` is the FBI, though a department was named last."""
    return (
        3 <= len(span) <= 5
        and _a_company(span.root.lower_)
        and all(t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower for t in span[1:-1])
    )


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
    # "Ridgeback Coal has stopped ..., the company said": a company's name taken for a person
    subjects += [ent for ent in doc.ents if ent.label_ != "ORG" and ends_like_a_company(ent)]
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
    if owner is None and is_definite(span) and not _restricted(root):
        return None  # "the company": one named before, if any (`body_named_before`)
    if root.tag_ != "NN" or noun not in words("institution_heads"):
        return None
    if (after := _after_lede(docs, offset)) is None:
        return None
    start, doc = after
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


def _restricted(noun: Token) -> bool:
    """A definite description that says which body it means, as an indefinite one would
    introduce it: ``The company behind a proposed open-pit lithium mine``."""
    return any(c.dep_ in {"prep", "acl", "relcl"} and c.i > noun.i for c in noun.children)


_LEDE = 3
"""The paragraphs (headline and byline included) a description may name a body in before
the next one names it."""


def _someone_unnamed(span: Span) -> bool:
    """``A neighbor``, ``a Canadian freelance journalist``: an indefinite description of
    one person, headed by a noun for someone (``lexicons/unnamed_heads.txt``)."""
    root = span.root
    return (
        span[0].lower_ in {"a", "an"}
        and root.i == span.end - 1
        and root.tag_ == "NN"
        and root.lower_ in words("unnamed_heads")
    )


def person_named_next(span: Span, docs: list[tuple[int, Doc]], offset: int) -> Span | None:
    """The person an indefinite description stands for before the article names them as
    ``the`` same noun: ``A neighbor testified Thursday that ...``, then, a paragraph or two
    on, ``The neighbor, Loretta Simms, 61, was the prosecution's third witness``. The
    name set off by commas right after ``the neighbor``, in the mention's paragraph after
    it or the few after that (`_NAMED_WITHIN`)."""
    root = span.root
    if not _someone_unnamed(span):
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


def person_introduced_next(span: Span, docs: list[tuple[int, Doc]], offset: int) -> Span | None:
    """The person a lede describes before it names them, as news ledes do: ``A Canadian
    freelance journalist says she was escorted to the airport ...``, then ``Leah
    Montgomery-Baptiste, 36, who has reported from ...``. The mention is an indefinite
    description of a person in one of the article's first paragraphs (`_LEDE`), and
    the next paragraph opens with a person's name that it introduces with an age, a
    ``who`` clause or a description (``Name, 36,``, ``Name, who``, ``Name, a ...``);
    one that opens with a name and a verb is someone else speaking."""
    if not _someone_unnamed(span):
        return None
    if (after := _after_lede(docs, offset)) is None:
        return None
    doc = after[1]
    name = next((e for e in doc.ents if e.start == 0 and e.label_ == "PERSON"), None)
    if name is None or name.end + 2 > len(doc) or doc[name.end].text != ",":
        return None
    introducing = doc[name.end + 1]
    return name if introducing.like_num or introducing.lower_ in {"who", "a", "an"} else None


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


def _after_lede(docs: list[tuple[int, Doc]], offset: int) -> tuple[int, Doc] | None:
    """The paragraph after the one holding ``offset``, with its offset, when that one is
    among the article's first (`_LEDE`): where a lede's description is named."""
    at = _next_paragraph(docs, offset)
    return docs[at] if at <= _LEDE and at < len(docs) else None


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
