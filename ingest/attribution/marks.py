"""Attributions cued by punctuation rather than a verb: ``Name: ...`` transcript and
headline labels, a colon introducing the quote, a ``- Name`` signature line, a name
captioning a pull quote after it or on the line below; and, introducing the next
paragraph's quote as a colon does, someone reading out a statement (`reads_out`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..parse import text_of
from ..records import Mention
from ..speakers import SPEAKING_ENTITIES, can_speak
from ..speakers.writers import byline
from .candidate import Attribution, _mention
from .cue_grammar import SUBJECTS
from .cues import is_cue
from .edges import _strip
from .named_sources import POINTING_BACK, credit
from .source_phrases import _is_relative, _phrase

_DASHES = "-–—―"


_SIGNATURE = re.compile(rf"\s*([{_DASHES}]+)\s*([^\W\d_a-z][^{_DASHES}]{{1,80}}?)[\s.]*")


# an embedded post's signature: "— Donald J. Trump (@realDonaldTrump) March 3, 2024"
_POST = re.compile(
    rf"\s*([{_DASHES}]+)\s*([^\W\d_a-z][^(@\n]{{1,60}}?)\s*\(@\w{{1,30}}\)\s*[^\n]{{0,40}}"
)


# a speaker's label: "PENCE:", "Sanders:", and in a radio transcript "LEILA MARSDEN, HOST:",
# whose role after the comma is no part of the name
_LABEL = re.compile(r"[\"“]?([^\W\d_][^:\n]{0,60}?)(?:,\s*[A-Z][A-Z .'’-]{1,30})?\s*(:)\s+(?=\S)")

# an embedded post headed by its author: "[Embedded post] Kayla Brandt (@kbrandt_dev): “...”"
_POST_HEADER = re.compile(
    r"\s*(?:\[[^\]\n]{1,30}\]\s*)?([^\W\d_][^(@\n:]{0,60}?)\s*\(@\w{1,30}\)\s*(:)\s+(?=\S)"
)


def _marked(cue: Mention | None, source: Mention | None, rule: str) -> Attribution:
    """An attribution whose cue is punctuation (or a caption's place under the quote);
    ``spans`` are filled in by the caller."""
    return Attribution(spans=[], type="direct", cue=cue, source=source, rule=rule, confidence=0.8)


def _signature(doc: Doc, end: int, offset: int) -> Attribution | None:
    """A ``- Name`` after position ``end`` that runs to the end of the paragraph: the
    name alone when a role follows it (``— Geordie Dent, tenants' federation``), as in
    a caption (`_caption`); else all of it (``— The Canadian Press``)."""
    if not text_of(doc)[end:].lstrip().startswith(tuple(_DASHES)):
        return None
    post = _POST.fullmatch(text_of(doc)) if end == 0 else None
    match = post or _SIGNATURE.fullmatch(text_of(doc), end)
    if match is None or (post is None and len(match.group(2).split()) > 10):
        return None
    (d_start, d_end), (n_start, n_end) = match.span(1), match.span(2)
    name = None if post else _signed_name(doc.char_span(n_start, n_end, alignment_mode="expand"))
    return _marked(
        Mention(match.group(1), d_start + offset, d_end + offset),
        _mention(name, offset)
        if name is not None
        else Mention(match.group(2), n_start + offset, n_end + offset),
        "post" if post else "signature",
    )


def _signed_name(words: Span | None) -> Span | None:
    """The name signing a quote, before the role after its comma: a person the entity
    recogniser knows (`_caption`), or capitalised words it may not (``Geordie Dent``)."""
    if words is None or (named := _caption(words)) is not None:
        return named
    comma = next((t for t in words if t.text == ","), None)
    if comma is None:
        return None
    name = words.doc[words.start : comma.i]
    if 2 <= len(name) <= 5 and all(t.is_title and t.pos_ in {"PROPN", "NOUN"} for t in name):
        return name
    return None


def _captioned(doc: Doc, start: int, end: int, offset: int) -> Attribution | None:
    """A pull quote (``start``/``end`` in the paragraph) captioned with its speaker's
    name, nothing after it: ``"It's a good start," Mayor Olivia Chow`` or ``"We can do
    it." Olivia Chow, Toronto mayor``.

    The quote must open the paragraph and end its sentence (in ``The slogan was "Build
    Back Better," Joe Biden's motto`` or ``"... whether to go after" Osama bin Laden.``
    the name is no caption), and the words after it be a `_caption`. The comma that
    leads into the name, inside the quotation marks or after them, is the cue.
    """
    text = text_of(doc)
    match = _CAPTION.fullmatch(text, end)
    if match is None or text[:start].strip() or not (match.group(1) or text[end - 2] in ",.!?"):
        return None
    name = _caption(doc.char_span(*match.span(2), alignment_mode="expand"))
    if name is None:
        return None
    comma = match.span(1) if match.group(1) else (end - 2, end - 1)  # '"...," Name'
    cue = Mention(",", comma[0] + offset, comma[1] + offset) if text[slice(*comma)] == "," else None
    return _marked(cue, _mention(name, offset), "signature")


_CAPTION = re.compile(r"\s*(,?)\s*([^\W\d_a-z][^;:!?\"“”‘’()]{1,80}?)[\s.]*")


def _caption(words: Span | None) -> Span | None:
    """A person's name with its title (``Coun. Rebecca Bligh``), when that is all of
    ``words`` but a role after a comma (``Rebecca Bligh, city councillor``) and there
    is no verb: the name, else None."""
    if words is None or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    person = next((e for e in words.ents if e.label_ == "PERSON"), None)
    if person is None or person.start - words.start > 3:
        return None
    doc = words.doc
    title = doc[words.start : person.start]
    if not all(t.is_title or t.is_punct for t in title):
        return None
    if person.end < words.end and doc[person.end].text != ",":
        return None
    return doc[words.start : person.end]


def signed_post(doc: Doc, offset: int) -> Attribution | None:
    """An embedded post whose signature is the paragraph's last line (``Thank you,
    Karnataka. Tomorrow we start work.`` then ``— Meera Pillai (@MeeraPillaiJSP) May 16,
    2026``): the words above that line, its signer's."""
    text = text_of(doc)
    line = text.rstrip().rfind("\n")
    match = _POST.fullmatch(text, line + 1) if line > 0 else None
    words_above = doc.char_span(0, line, alignment_mode="contract") if match else None
    if match is None or words_above is None or not len(words_above):
        return None
    (d_start, d_end), (n_start, n_end) = match.span(1), match.span(2)
    post = _marked(
        Mention(match.group(1), d_start + offset, d_end + offset),
        Mention(match.group(2), n_start + offset, n_end + offset),
        "post",
    )
    said = _strip(words_above)
    post.spans = [(said.start_char + offset, said.end_char + offset)]
    return post


def headed_post(doc: Doc, offset: int) -> Attribution | None:
    """An embedded post headed by its author's name and handle (``[Embedded post] Kayla
    Brandt (@kbrandt_dev): “Got laid off ...” Feb 6, 2025``): the words after the colon,
    the author's own."""
    match = _POST_HEADER.match(text_of(doc))
    if match is None:
        return None
    (n_start, n_end) = match.span(1)
    return _after_colon(
        doc, offset, match, Mention(match.group(1), n_start + offset, n_end + offset), "post"
    )


def signature_line(doc: Doc, offset: int) -> Attribution | None:
    """The paragraph as a ``- Name`` line signing the quote above it, or None."""
    return _signature(doc, 0, offset)


def name_line(doc: Doc, offset: int) -> Attribution | None:
    """The paragraph as a pull quote's caption under it, a person's name alone
    (`_caption`), or None. The entity recogniser is enough: a paragraph with no cue
    gets no parse."""
    text = text_of(doc).strip()
    if not text or len(text.split()) > 10 or any(c in text for c in _NOT_IN_NAME_LINE):
        return None
    name = _caption(doc[:])
    if name is None or name[0].lower_ == "by":  # a byline
        return None
    return _marked(None, _mention(name, offset), "signature")


_NOT_IN_NAME_LINE = '"“”‘’/|:()@#'


def credit_line(doc: Doc, offset: int) -> Attribution | None:
    """The paragraph's first sentence as the credit for a pull quote just above it:
    ``That was the message from union leader Rita Moss.``, or None. An unparsed
    paragraph (see `points_back`) credits nothing."""
    if not doc.has_annotation("DEP") or not points_back(doc):
        return None
    return _credited(credit(next(doc.sents)), offset)


def _credited(found: tuple[Token, Span] | None, offset: int) -> Attribution | None:
    """A pull quote's attribution from the verb and name of the sentence crediting it
    (`named_sources.credit`); ``spans`` are filled in by the caller."""
    if found is None:
        return None
    verb, named = found
    return Attribution(
        spans=[],
        type="direct",
        cue=_mention(verb, offset),
        source=_mention(named, offset),
        rule="named-after",
        confidence=0.7,
    )


def points_back(doc: Doc) -> bool:
    """The paragraph opens with a word pointing back (``That was ...``), so it may credit
    the quote above it and needs a parse."""
    first = next((t for t in doc if not t.is_space), None)
    return first is not None and first.lower_ in POINTING_BACK


def _colon(colon: Token, offset: int) -> Attribution:
    """A colon cue; the source is the subject of the clause it ends (``Lynch told them:``).

    The parse may run the quote after the colon into the sentence and make it the
    root, so the clause is found from the word before the colon. A relative
    pronoun is no source: in ``A tweet captured the chaos that followed:`` it is
    the tweet, the subject of the clause above. With no clause, a name right before
    the colon is the source (``Reid: 'Never underestimate Trump.'``, ``... he tweeted
    about it. Donald Trump: "..."``).
    """
    doc = colon.doc
    before = doc[colon.i - 1] if colon.i > colon.sent.start else colon
    subject = next(
        (
            child
            for verb in (before, *before.ancestors, colon.sent.root)
            for child in verb.children
            if child.dep_ in SUBJECTS
            and child.i < colon.i
            and not _is_relative(child)
            and child.tag_ not in {"WP", "WDT"}  # "broke down exactly what was wrong ...:"
        ),
        None,
    )
    named = _phrase(subject) if subject else _name_before(colon)
    if subject is not None and not can_speak(subject):
        # "The timing of Sanders' surge doesn't surprise pollster Daron Shaw:", "...
        # were there all along - Philip Bump:": the subject says nothing, the name does
        named = _adjacent_name(colon) or named
    source = _mention(named, offset) if named is not None else None
    return _marked(_mention(colon, offset), source, "colon")


def _adjacent_name(colon: Token) -> Span | None:
    """A person's or body's name right before a colon, not where something was said
    (``celebrated the attacks on Twitter:``)."""
    return next(
        (
            e
            for e in colon.doc.ents
            if e.end == colon.i
            and e.label_ in SPEAKING_ENTITIES
            and not (e.root.dep_ == "pobj" and e.root.head.lower_ in _WHERE)
        ),
        None,
    )


_WHERE = frozenset({"on", "in", "at", "via", "during", "with", "to"})


def _name_before(colon: Token) -> Span | None:
    """The name a colon follows: a person's or body's that is all its sentence holds
    before it (not ``a message for Trump:``), or a label of a proper noun or two
    opening the paragraph (a headline's ``Reid:``)."""
    doc = colon.doc
    named = next((e for e in doc.ents if e.end == colon.i), None)
    if named is not None and named.label_ in SPEAKING_ENTITIES:
        return named if named.start == colon.sent.start else None
    label = doc[: colon.i]  # the tagger often reads a lone headline name as a noun
    if (
        0 < len(label) <= 2
        and all(t.is_title and t.pos_ in {"PROPN", "NOUN"} for t in label)
        and label.text.lower() not in words("colon_labels")
    ):
        return label
    return None


def introducer(doc: Doc, offset: int) -> Attribution | None:
    """A paragraph ending in a colon introduces the quote in the next one; after a
    speech verb (``The governor added:``) the next paragraph is said even unquoted."""
    last = next((t for t in reversed(doc) if not t.is_space), None)
    if last is None or last.text != ":":
        return None
    colon = _colon(last, offset)
    colon.introduces = colon.source is not None and is_cue(last.sent.root)
    return colon


def reads_out(doc: Doc, offset: int) -> Attribution | None:
    """A paragraph whose last sentence has someone read out or deliver words of their
    own (``His wife, Ana Pereira, read a victim impact statement in a courtroom packed
    with family``): a quote in the next paragraph with no cue of its own is theirs, as
    after a colon (`introducer`). Not words they read from someone else (``read a
    letter from her son``, ``read the auditor's statement``)."""
    if not doc.has_annotation("DEP") or not len(doc):
        return None
    root = doc[-1].sent.root
    read = next((c for c in root.children if c.dep_ == "dobj"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if (
        root.lemma_.lower() not in READ_OUT
        or read is None
        or read.lemma_.lower() not in READ_OUT[root.lemma_.lower()]
        or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in read.children)
        or any(c.dep_ == "prep" and c.lower_ in {"from", "by", "of"} for c in read.children)
        or subject is None
        or not can_speak(subject)
    ):
        return None
    return _marked(_mention(root, offset), _mention(_phrase(subject), offset), "read-out")


_SPOKEN = frozenset({"statement", "speech", "eulogy", "tribute", "address", "testimony"})
READ_OUT = {"read": _SPOKEN, "deliver": _SPOKEN, "give": _SPOKEN - {"statement"}}
"""Verbs by which someone reads out or delivers words of their own, and what (`reads_out`;
`parse_plan` parses a paragraph with both)."""


def _introducer(doc: Doc, start: int, offset: int) -> Attribution | None:
    """The colon right before a quote."""
    before = text_of(doc)[:start].rstrip()
    colon = doc.char_span(len(before) - 1, len(before)) if before.endswith(":") else None
    return _colon(colon.root, offset) if colon is not None else None


def label_speakers(texts: Sequence[str]) -> frozenset[str]:
    """The labels (``RAMOS: ...``, ``Lindqvist: ...``) that name speakers in an article.

    In a transcript, two or more labels with one of them recurring (``RAMOS``,
    ``TRUMP``, ``RAMOS``), every label in capitals is a speaker; elsewhere one is
    only when the article names it in ordinary case too (``Jorge Ramos``; not in a
    compound, as a dateline's place may be: ``MUMBAI: ...``, ``a Mumbai-based bank``). A label in
    title case (``Harker: ...`` then ``Lindqvist: ...``, an interview printed as an
    exchange) is a speaker when two or more such labels each open two paragraphs or
    more, whether or not the recogniser knows the name. A section name
    (``POLITICS: ...``, ``BREAKING NEWS: ...``, ``Update: ...``) is none of them, nor,
    outside a transcript, a dateline (`_colon_dateline`).
    """
    capitals, titled = Counter(), Counter()
    dateline = _colon_dateline(texts)
    for text in texts:
        match = _LABEL.match(text)
        if not match or match.group(1).lower() in words("colon_labels"):
            continue
        label = match.group(1)
        if label.isupper():
            capitals[label] += 1
        elif len(label.split()) <= 2 and all(w[:1].isupper() for w in label.split()):
            titled[label] += 1
    exchange = frozenset(label for label, n in titled.items() if n >= 2)
    exchange = exchange if len(exchange) >= 2 else frozenset()
    if len(capitals) >= 2 and max(capitals.values()) >= 2:
        return frozenset(capitals) | exchange
    article = "\n".join(texts)
    return exchange | frozenset(
        label
        for label in capitals
        if label != dateline and re.search(rf"\b{re.escape(label.title())}\b(?!-)", article)
    )


def _colon_dateline(texts: Sequence[str]) -> str | None:
    """The place in capitals opening the story's first paragraph with a colon, as South
    Asian papers write their datelines (``KOLKATA: Four people were killed ...``,
    ``LAHORE: The party on Sunday alleged ...``): where the story was filed, no one's
    label, although the story names the city again (``in Lahore``). The first paragraph
    is the first after the headline that runs to a sentence (`_STORY_WORDS` words)."""
    first = next((text for text in texts[1:] if len(text.split()) >= _STORY_WORDS), "")
    match = _LABEL.match(first)
    return match.group(1) if match and match.group(1).isupper() else None


_STORY_WORDS = 12


def _names_someone(label: Span, speakers: frozenset[str], headline: bool) -> bool:
    """A speaker the article labels its lines with (``WALLACE``, one of `label_speakers`), a named
    entity that can speak and ends the label (``Pat Caddell``, not ``U.S. Military
    Strikes Escalate`` nor ``Remembering Murray Sinclair``), or a proper name of one or
    two words heading a headline (``Pence: ...``, ``Politifact: ...``), which the entity
    recogniser often misses in title case. In the body such a word, a group or a place
    is what the paragraph is about (``Superdelegates: Clinton is backed by 520 ...``)."""
    if label.text in speakers:
        return True
    if all(t.is_upper or t.is_punct for t in label):
        return False
    if headline and len(label) <= 2 and all(t.is_title and t.pos_ == "PROPN" for t in label):
        return True
    kinds = SPEAKING_ENTITIES if headline else {"PERSON", "ORG"}
    speaking = [e for e in label.ents if e.label_ in kinds]
    named = sum(len(e) for e in speaking)
    return (
        2 * named >= len(label)
        and all(t.is_title or not t.is_alpha for t in label)
        # the label ends with the name: "U.S. Military Strikes Escalate" is a clause
        and any(e.end == label.end for e in speaking)
        # and no verb comes before it: "Remembering Murray Sinclair" is about him
        and not any(t.pos_ in {"VERB", "AUX"} and not t.ent_type_ for t in label)
    )


_QUESTION = re.compile(r"\s*Q\s*:\s+(?=\S)")
_ANSWER = re.compile(r"\s*(A)\s*(:)\s+(?=\S)")


def interviewee(paragraphs: Sequence[tuple[int, Doc]]) -> Mention | None:
    """Who answers an interview printed as questions and answers (``Q: Why hold now?``,
    ``A: The economy is slowing ...``): the first person the lines before the first
    question name (``Bank of Canada Governor Tiff Macklem spoke with The Globe and
    Mail``), not the byline's writer nor a short line under it (``Calgary Herald``, which
    the recogniser may take for a person): the interviewee is introduced in a sentence.
    None in an article with no such exchange, or when nobody is named before it: an
    answer is then nobody's record, as before."""
    texts = [text_of(doc) for _, doc in paragraphs]
    first = next((i for i, text in enumerate(texts) if _QUESTION.match(text)), None)
    if first is None or not any(_ANSWER.match(text) for text in texts[first:]):
        return None
    for offset, doc in paragraphs[:first]:
        if byline(doc) is not None or sum(t.is_alpha for t in doc) < _A_SENTENCE:
            continue
        person = next((e for e in doc.ents if e.label_ == "PERSON"), None)
        if person is not None:
            return _mention(person, offset)
    return None


_A_SENTENCE = 6  # words: fewer make a credit line or a headline, not the introduction


def _answered(doc: Doc, offset: int, answering: Mention | None) -> Attribution | None:
    """``A: The economy is slowing ...``: the interviewee's words (`interviewee`)."""
    match = _ANSWER.match(text_of(doc))
    if match is None or answering is None:
        return None
    return _after_colon(doc, offset, match, answering, "answer")  # weighed apart from labels


def _after_colon(
    doc: Doc, offset: int, match: re.Match[str], source: Mention, rule: str
) -> Attribution | None:
    """The words after a label's colon (``match`` group 2) as what ``source`` said, if
    there are three words or more."""
    content = _strip(doc[doc.char_span(match.end(), len(text_of(doc)), "expand").start :])
    if len([t for t in content if t.is_alpha]) < 3:
        return None
    colon = Mention(match.group(2), match.start(2) + offset, match.end(2) + offset)
    attribution = _marked(colon, source, rule)
    attribution.spans = [(content.start_char + offset, content.end_char + offset)]
    return attribution


def _labelled(
    doc: Doc, offset: int, speakers: frozenset[str], headline: bool
) -> Attribution | None:
    """``PENCE: Well, look ...`` or ``Sanders: Clinton needs ...``: a name, a colon, the content.

    The label must look like a name (capitalised words, at most six; in capitals only
    one of the article's `capital_speakers`) and not be one of the page labels in
    ``lexicons/colon_labels.txt`` (``Update:``).
    """
    match = _LABEL.match(text_of(doc))
    if match is None or match.group(1).lower() in words("colon_labels"):
        return None
    label = doc.char_span(*match.span(1))
    if label is None or len(label) > 6 or not _names_someone(label, speakers, headline):
        return None
    return _after_colon(doc, offset, match, _mention(label, offset), "label")
