"""What a quoted passage is, read from its words and where it stands: a name or a title
(``"Fox News Sunday,"``), a nickname, an utterance of its own, the opening of its
sentence, and how many words it holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..parse import text_of
from .named_sources import _name_between, name_set_off_first


def _quote_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a quoted passage that attaches it to the rest of the sentence: where
    the parse splits the passage, the piece holding its first words (in ``telling him that
    "we tell the truth, we deal with the issues"`` the parse hangs ``deal`` on a verb
    before; ``tell`` is the telling's), else the piece holding most of it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    inside = [t for t in span if not t.is_punct] or list(span)
    tops = [t for t in inside if t.head == t or not start <= t.head.idx < end]
    if len(tops) > 1:
        first = next((t for t in tops if t.left_edge.i <= inside[0].i), None)
        if first is not None:
            return first
    return max(tops, key=lambda t: sum(1 for w in t.subtree if start <= w.idx < end), default=None)


def _names_a_work(doc: Doc, start: int, end: int) -> bool:
    """A title in quotation marks after a preposition or a possessive (``on NBC's "Meet
    the Press."``, ``on ''The Late Show With Stephen Colbert''``) names a show, a paper
    or a book: where something was said, never what; so does one after a thing
    ``called`` or ``titled`` (``a podcast called “Dirt Money”``) or after a work or a
    motto itself (`_work_before`), or before the work or display it names (``On Wednesday’s
    episode of “The Backcourt” podcast``, ``a “Keep Calm and Cole On” banner``)."""
    passage = doc.char_span(start, end, alignment_mode="expand")
    if passage is None or passage.start == 0:
        return False
    following = doc[passage.end] if passage.end < len(doc) else None
    if (
        following is not None
        and following.pos_ == "NOUN"
        and (
            following.lemma_.lower() in words("named_works")
            or following.lemma_.lower() in words("displays")
        )
        and _title_words(doc, start, end, named=True)
    ):
        return True
    before = doc[passage.start - 1]
    if _work_before(doc, passage.start):
        return True  # "his 2019 memoir, “Iron Will: Thirty Years Under the Bar,”"
    if _document_titled(doc, passage) and _title_words(doc, start, end, named=True):
        return True  # "The report, ‘Northern Arc: Lessons Not Learned’, recommended"
    named = _naming(before)  # a name may hold a verb: titled "Running on Empty"
    return (
        (before.dep_ in {"prep", "case"} or before.tag_ == "POS" or named)
        and before.lower_ not in {"as", "like", "of"}  # chants of “Marco! Marco!”
        and _title_words(doc, start, end, named=named)
    )


def _document_titled(doc: Doc, passage: Span) -> bool:
    """The passage is set off by commas right after a document's noun (``The report,
    ‘Northern Arc: Lessons Not Learned’, recommended``): its title when its words are a
    title's, though a report's words in quotation marks are mostly what it says."""
    at, after = passage.start - 1, passage.end
    return (
        at > 0
        and after < len(doc)
        and doc[at].text == ","
        and doc[after].text == ","
        and doc[at - 1].pos_ == "NOUN"
        and doc[at - 1].lemma_.lower() in words("document_heads")
    )


def _work_before(doc: Doc, start: int) -> bool:
    """The passage opening at token ``start`` names the work or motto just before it,
    set off by a comma or not (``the memoir, “Iron Will”``, ``his motto, “Strength,
    honesty, discipline.”``: `lexicons/named_works.txt`)."""
    at = start - 1
    if at > 0 and doc[at].text == ",":
        at -= 1
    return doc[at].pos_ == "NOUN" and doc[at].lemma_.lower() in words("named_works")


def named_by_no_one(cue: Token) -> bool:
    """A name given in the passive with no one said to give it (``it was dubbed the
    “shadow firm saga” on forums``, ``the law, which was labelled "draconian",``): the
    writer reporting a name that goes round, nobody's statement. Not with its namers
    after ``by`` (``has been called "a disaster" by critics``)."""
    return (
        cue.lemma_.lower() in _NAMING
        and any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children)
        and not any(t.lower_ == "by" for t in cue.doc[cue.i + 1 : cue.sent.end])
    )


def _naming(word: Token) -> bool:
    """``called``, ``titled``, ``dubbed``, ``branded`` hung on the noun they name, or on the
    verb before when the parse reads it as an adverbial clause with no subject of its own
    (``leaned on its loyalty program, branded "Trail Rewards," to drive visits``): a
    thing's name follows."""
    return (
        word.tag_ == "VBN"
        and word.lemma_ in _NAMING
        and (
            word.dep_ == "acl"
            or (
                word.dep_ == "advcl"
                and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in word.children
                )
            )
        )
    )


_NAMING = frozenset(
    {"call", "name", "title", "entitle", "dub", "headline", "label", "brand", "term", "nickname"}
)


def _nickname(doc: Doc, start: int, end: int) -> bool:
    """One or two capitalised words in quotation marks between a given name and a
    surname (``state Del. Marcia "Cia" Price``): part of a name, not something said."""
    passage = doc.char_span(start, end, alignment_mode="expand")
    if passage is None or passage.start == 0 or passage.end >= len(doc):
        return False
    alpha = [t for t in passage if t.is_alpha]
    before, after = doc[passage.start - 1], doc[passage.end]
    return (
        0 < len(alpha) <= 2
        and all(t.is_title for t in alpha)
        and before.is_title
        and before.pos_ == "PROPN"
        and after.is_title
        and after.is_alpha
    )


def shown_by(doc: Doc, start: int, end: int, local: Sequence[tuple[int, int]]) -> Token | None:
    """The verb that puts a passage on show, or None: words on a sign, a banner, a
    T-shirt (``carried signs reading "Fans Not Fines" and "..."``, ``placards that read
    "..."``, ``A hand-lettered sign reads "..."``). The word before the passage (or
    before the passages it is listed with) reads or says, and what reads it is one of
    ``lexicons/displays.txt``. A slogan on display is nobody's statement, whoever
    carries it, and its verb reports nothing."""
    passage = doc.char_span(start, end, alignment_mode="expand")
    if passage is None:
        return None
    at = passage.start - 1
    while at >= 0 and (
        doc[at].is_quote
        or doc[at].lower_ in {"and", "or", ","}
        or any(s <= doc[at].idx < e for s, e in local)
    ):
        at -= 1
    if at < 0 or doc[at].lemma_.lower() not in _SHOWING:
        return None
    verb = doc[at]
    bearers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ in {"acl", "relcl"}:
        bearers.append(verb.head)
    return verb if any(b.lemma_.lower() in words("displays") for b in bearers) else None


_SHOWING = frozenset({"read", "say", "bear", "proclaim", "declare"})


def _so_called(doc: Doc, start: int, end: int) -> bool:
    """A passage after ``so-called`` (``the province's so-called "rainy day fund"``) is
    the writer keeping a name at arm's length: nobody's statement."""
    passage = doc.char_span(start, end, alignment_mode="expand")
    if passage is None or passage.start < 3:
        return False
    return [t.lower_ for t in doc[passage.start - 3 : passage.start]] == ["so", "-", "called"]


def is_quoted_name(doc: Doc, start: int, end: int) -> bool:
    """A few capitalised words with no verb in quotation marks are a name or a
    title (``"Fox News Sunday,"``, ``“Cartel de los Soles”``: ``lexicons/name_particles.txt``),
    not a statement. A passage that is a sentence of its own (``"The Donald. Big
    Daddy."``) is something said."""
    if _opens_sentence(doc, start, end) and _is_utterance(doc, start, end):
        return False
    return _title_words(doc, start, end)


def _title_words(doc: Doc, start: int, end: int, named: bool = False) -> bool:
    """The words of a name or title: a few, capitalised or small, no verb. After a
    preposition or a possessive (`_names_a_work`) that is enough, even when the parser
    starts a sentence at the mark (``on Fox News’s “Fox and Friends.”``); after a word
    that ``named`` it (``titled``), any capitalised words are (``Running on Empty``)."""
    alpha = [t for t in doc if start <= t.idx < end and t.is_alpha]
    particles = words("name_particles")
    return (
        len(alpha) <= 6
        and sum(t.is_title and not t.is_stop for t in alpha) >= (1 if named else 2)
        and all(t.is_title or t.is_stop or t.lower_ in particles for t in alpha)
        and (named or not any(t.pos_ in {"VERB", "AUX"} for t in alpha))
    )


def _after_colon(doc: Doc, start: int) -> bool:
    return text_of(doc)[:start].rstrip().endswith(":")


def _opens_sentence(doc: Doc, start: int, end: int) -> bool:
    """No word of its sentence comes before the passage."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or not any(t.is_alpha for t in doc[span.sent.start : span.start])


_CLOSING_MARKS = "\"'”’»"


def _closes(passage: str) -> bool:
    """The passage ends with its closing mark here, rather than running on to the next paragraph."""
    return passage.rstrip()[-1:] in _CLOSING_MARKS


def _last_inside(doc: Doc, end: int) -> str:
    """The last character inside the closing marks of the passage ending at ``end``."""
    return text_of(doc)[:end].rstrip(_CLOSING_MARKS)[-1:]


def quote_ends_report(cue: Token, start: int, end: int) -> bool:
    """What ``cue`` reports ends with the quote at [start, end), whatever the parse joins
    to it: when the quote closes on a comma and a name follows it before the cue
    (``"Very good reporter," Trump, the 2016 GOP front-runner ..., said``; but ``"...,"
    just as Clinton did in 2008, Rendell said`` goes on), or when a colon after the cue
    introduces it and it ends on a stop or a comma (``Clinton said: "I have acknowledged
    ... a mistake," but in fact Clinton used only one ...``: the writer's)."""
    if cue.idx < start:  # a quote ending mid-sentence (``should have seen'' it coming``) goes on
        return _last_inside(cue.doc, end) in {",", ".", "?", "!"} and introduces(cue, start)
    return _last_inside(cue.doc, end) == "," and _name_between(cue, [end]) is not None


def introduces(cue: Token, start: int) -> bool:
    """A colon right after ``cue`` introduces the quote at ``start`` (``Trump said: "..."``)."""
    return cue.idx < start and text_of(cue.doc)[cue.idx + len(cue) : start].strip() == ":"


def _in_description(cue: Token, start: int, local: Sequence[tuple[int, int]]) -> bool:
    """The passage at ``start`` stands in the name and description between a quote that
    ends the cue's report (`quote_ends_report`) and the cue after both: ``"...," Texas
    delegate Bill Eastland, wearing "Ted Cruz" campaign pins, said`` quotes the pins, in
    who the speaker is, not what he said (``"...," she said, but "I think he will do it,"
    said Kunin`` is her quote). So is one between the cue's subject and a cue whose
    report follows it (``Luca, standing nearby with a sign that read "I'd rather be in
    calculus," said he had mixed feelings``)."""
    sentence = cue.sent.start_char
    if cue.idx > start and any(
        sentence <= s and e <= start and quote_ends_report(cue, s, e) for s, e in local
    ):
        return True
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = name_set_off_first(cue.sent)  # "Luca, standing ...": hung anywhere
    return (
        subject is not None
        and subject.idx < start < cue.idx
        and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
    )


def describes_speaker(cue: Token, start: int) -> bool:
    """The passage at ``start`` describes the speaker named after ``cue``: ``"...," said
    Leslie Feldman, a plaintiff who waited in an "extraordinarily long line"`` quotes
    the line, not her (no verb of saying hangs it on the phrase, or `_governing_cues`
    would report it)."""
    named = next((c for c in cue.rights if c.dep_ == "nsubj"), None)
    return named is not None and named.idx < start < named.right_edge.idx


def _is_utterance(doc: Doc, start: int, end: int) -> bool:
    """The quoted words end like a sentence (``"You winning?"``, ``"Never."``) or hold
    one (``"Absolutely not. Absolutely not," Clinton responded``). A cry or a question
    keeps its mark before the comma (``“Happy Cinco de Mayo!,” he tweeted``)."""
    said = text_of(doc)[start:end].rstrip(_CLOSING_MARKS)
    if said.endswith((".", "?", "!", "?,", "!,")):
        return True
    inside = [token for token in doc if start <= token.idx < end]
    return any(
        token.text in {".", "?", "!"} and after.is_title
        for token, after in zip(inside, inside[1:], strict=False)
    )


def said_alone(doc: Doc, start: int, end: int, cue: Token) -> bool:
    """A word or two said as a sentence of their own, the comma inside the marks and the
    verb right after (``“Honesty,” he answered.``): set off where a sentence starts, not
    a name or a scare quote inside one."""
    if not text_of(doc)[start:end].rstrip(_CLOSING_MARKS).endswith(","):
        return False
    quote = doc.char_span(start, end, alignment_mode="expand")
    return quote is not None and _opens_sentence(doc, start, end) and 0 <= cue.i - quote.end <= 2


def _words_in(doc: Doc, start: int, end: int) -> int:
    """The words in [start, end), a word the tokenizer left its period on included
    (``I.`` at the end of ``"Neither do I."``)."""
    return sum(
        1
        for token in doc
        if start <= token.idx < end and (token.is_alpha or token.text[:-1].isalpha())
    )
