"""Which of an article's paragraphs get which parse.

A paragraph that may hold a quote, told from its words before any parse
(`cue_words`, `Prepared`), is parsed in full; the others get only what naming
people needs (`parsed`). A title-case line that quotes someone gets the parse of
its sentence-case form (`sentence_cased`). `parse` loads the spaCy pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import clean, quotes, speakers
from .attribution import signature_line, signed_post
from .attribution.cues import claim_nouns
from .attribution.marks import READ_OUT, points_back
from .lexicons import words
from .parse import entities_alone, is_title_case, naming_pipes, text_of, word_forms
from .records import Article
from .speakers.documents import ISSUING, OWN_WORDS

BATCH_SIZE = 256


@dataclass(frozen=True)
class Prepared:
    """An article ready to parse: its kept paragraphs, quoted passages and tokenised
    paragraphs, with which of them may hold a quote (all of them when ``cues`` is None)."""

    article: Article
    kept: list[clean.Paragraph]
    quoted: list[quotes.Quoted]
    docs: list[Doc]
    full: list[bool]

    @classmethod
    def of(cls, nlp: Language, cues: _Cues | None, article: Article) -> Prepared:
        kept = clean.paragraphs(article.text)
        quoted = quotes.find_quoted(article.text, kept)
        docs = [nlp.make_doc(article.text[p.start : p.end]) for p in kept]
        full = [True] * len(docs) if cues is None else _may_quote(cues, kept, docs, quoted)
        return cls(article, kept, quoted, docs, full)


@dataclass(frozen=True)
class _Cues:
    """The words without which `attribution.attribute` reports nothing.

    Lower-case word forms, derived from the lexicons through the pipeline's
    lemmatizer (`word_forms`), so the tokenizer's words are enough to tell.
    """

    verbs: frozenset[str]  # speech and thought verbs, and ``according`` (to)
    nouns: frozenset[str]  # speech nouns and documents, which report only a "that" clause
    preps: tuple[tuple[frozenset[str], str], ...]  # verb forms, preposition/particle/"as"
    issuing: frozenset[str]  # "issued a statement": whose the later "the statement reads" is

    def found_in(self, doc: Doc) -> bool:
        lower = {token.lower_ for token in doc}
        return (
            not lower.isdisjoint(self.verbs)
            or ("that" in lower and not lower.isdisjoint(self.nouns))
            or any(prep in lower and not lower.isdisjoint(verb) for verb, prep in self.preps)
            or (not lower.isdisjoint(self.issuing) and not lower.isdisjoint(OWN_WORDS))
        )


@cache
def cue_words(nlp: Language) -> _Cues | None:
    """The cue words for ``nlp``; None where they cannot be told before the parse
    (another lemmatizer) or a paragraph's people cannot be named without it."""
    if not entities_alone(nlp):
        return None
    verbs = word_forms(nlp, words("speech_verbs") | words("thought_verbs"))
    nouns = word_forms(nlp, claim_nouns())
    pairs = [entry.split() for entry in words("prep_cues")]
    pairs += [entry.split() for entry in words("phrasal_cues")]  # "shot back"
    pairs += [[verb, "as"] for verb in words("view_verbs")]  # "sees him as a threat"
    pairs.append(["put", "it"])  # "as Ridge put it" (`cues.puts_it`)
    pairs += [[verb, noun] for verb, nouns in READ_OUT.items() for noun in nouns]  # `reads_out`
    preps = [(word_forms(nlp, frozenset({verb})), prep) for verb, prep in pairs]
    issuing = word_forms(nlp, ISSUING)
    if verbs is None or nouns is None or issuing is None or any(f is None for f, _ in preps):
        return None
    return _Cues(verbs | {"according"}, nouns, tuple(preps), issuing)


def _may_quote(
    cues: _Cues, kept: list[clean.Paragraph], docs: list[Doc], quoted: list[quotes.Quoted]
) -> list[bool]:
    """Which paragraphs may hold a quote, told from their words before any parse.

    Whatever `attribution.attribute` finds starts from a quoted passage (or a
    quotation mark the finder left unpaired), a cue word, a colon (``Name:``
    labels, a line introducing the next one), a ``- Name`` line signing the
    quote above, or an embedded post signed on the line below or on its own last
    line. The first paragraph with none of them after a line ending in a colon
    may be what that line introduces, so it is parsed too, and so is one opening
    with ``That``/``This`` after a quote, which may credit it (``That was the
    message from ...``).
    """
    may: list[bool] = []
    introduced = after_quote = False
    signed = [signature_line(doc, p.start) for p, doc in zip(kept, docs, strict=True)]
    for index, (paragraph, doc) in enumerate(zip(kept, docs, strict=True)):
        holds_quote = any(q.start < paragraph.end and paragraph.start < q.end for q in quoted)
        below = signed[index + 1] if index + 1 < len(signed) else None
        marked = (
            holds_quote
            or any(token.is_quote for token in doc)
            or ":" in text_of(doc)
            or signed[index] is not None
            or (below is not None and below.rule == "post")  # an embedded post, signed below
            or signed_post(doc, paragraph.start) is not None
            or cues.found_in(doc)
        )
        may.append(marked or introduced or (after_quote and points_back(doc)))
        introduced = (introduced and marked) or text_of(doc).endswith(":")
        after_quote = holds_quote
    return may


def parsed(nlp: Language, docs: list[Doc], full: list[bool]) -> list[Doc]:
    """The paragraphs parsed: in full where ``full``, elsewhere as far as naming people needs.

    `ArticleSpeakers.read` takes people and their roles from every paragraph,
    quote or not, so that ``he`` and ``Trump`` resolve to a person named
    elsewhere. A paragraph that cannot hold a quote gets the entity recogniser
    alone (`entities_alone`, with `parse.naming_pipes`), and the rest of the
    pipeline after it only if `speakers.reads_parse` wants it.

    All the recogniser takes from the parser is its sentence boundaries, which
    no entity may cross; entities found without them are the same unless one
    crosses a boundary the parser then sets, and such a paragraph is parsed
    again from the start. One that gets no parser cannot be checked so: on the
    PolNeAR dev and seed articles none of them changed a quote.
    """
    naming = naming_pipes(nlp)
    others = [name for name in nlp.pipe_names if name not in naming]
    named = [i for i, whole in enumerate(full) if not whole]
    docs = _through(nlp, docs, named, disable=others)
    more = [i for i in named if speakers.reads_parse(docs[i])]
    docs = _through(nlp, docs, more, disable=["ner"])
    again = [i for i in more if not _within_sentences(docs[i])]
    docs = [nlp.make_doc(doc.text) if i in again else doc for i, doc in enumerate(docs)]
    return _through(nlp, docs, [i for i, whole in enumerate(full) if whole] + again)


def _through(
    nlp: Language, docs: list[Doc], indices: list[int], disable: Iterable[str] = ()
) -> list[Doc]:
    """``docs`` with those at ``indices`` run through ``nlp`` (less ``disable``), in batches."""
    done = nlp.pipe([docs[i] for i in indices], batch_size=BATCH_SIZE, disable=list(disable))
    ran = dict(zip(indices, done, strict=True))
    return [ran.get(i, doc) for i, doc in enumerate(docs)]


def _within_sentences(doc: Doc) -> bool:
    """No entity runs over a sentence boundary (as it would, found before the parse)."""
    return not any(token.is_sent_start for ent in doc.ents for token in ent[1:])


def sentence_cased(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """Title-case lines that quote someone, with the parse of their sentence-case form.

    In ``Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’`` the tagger
    takes every capitalised word for a name, so the headline has no verb and its
    quote is framed by nothing; lowercased, ``rip`` is the verb. The text and
    entities stay those of the line as written. A title-case line without
    quotation marks keeps its parse: its verbs, found, mostly report what a
    video or a study shows, which is no quote.
    """
    titles = [
        i for i, doc in enumerate(docs) if is_title_case(doc) and any(t.is_quote for t in doc)
    ]
    lowered = ["".join(_lowered(t) for t in docs[i]) for i in titles]
    for i, again in zip(titles, nlp.pipe(lowered, batch_size=BATCH_SIZE), strict=True):
        docs[i] = _reparsed(docs[i], again) or docs[i]
    return docs


def _lowered(token: Token) -> str:
    text = token.lower_ if token.i > 0 and token.is_title else token.text
    return text + token.whitespace_


def _reparsed(doc: Doc, again: Doc) -> Doc | None:
    """``doc``'s words and entities with ``again``'s tags and parse (None if the two
    were tokenised differently). An entity the new parse finds a verb in was the
    tagger's mistake (``Rip Donald Trump``) and is dropped."""
    if [t.idx for t in doc] != [t.idx for t in again]:
        return None
    verbs = {t.i for t in again if t.pos_ in {"VERB", "AUX"}}
    ents = ["O"] * len(doc)
    for ent in doc.ents:
        if not verbs & set(range(ent.start, ent.end)):
            ents[ent.start : ent.end] = [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(ent) - 1)
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in again],
        pos=[t.pos_ for t in again],
        morphs=[str(t.morph) for t in again],
        lemmas=[_lemma(t, a) for t, a in zip(doc, again, strict=True)],
        heads=[t.head.i for t in again],
        deps=[t.dep_ for t in again],
        ents=ents,
    )


def _lemma(written: Token, lowered: Token) -> str:
    """The lowercased parse's lemma, but a word that is its own lemma keeps its case."""
    return lowered.lemma_ if lowered.lemma_ != lowered.text else written.text
