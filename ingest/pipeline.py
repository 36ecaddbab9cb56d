"""From an `Article` to its `Quote` records: the stages wired in order.

read -> clean (kept paragraphs) -> quotes (quotation marks) -> parse (spaCy,
one paragraph a Doc) -> attribution (cue, source, content) -> speakers, roles,
dates, stance -> `Quote`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import clean, dates, quotes
from .attribution import Attribution, attribute, introducer, signature_line
from .parse import load_nlp
from .records import Article, Quote
from .speakers import ArticleSpeakers
from .stance import Topic, judge

BATCH_SIZE = 64


def extract(
    article: Article, nlp: Language | None = None, topic: Topic | None = None
) -> list[Quote]:
    """The quotes of one article."""
    return next(extract_many([article], nlp, topic))[1]


def extract_many(
    articles: Iterable[Article], nlp: Language | None = None, topic: Topic | None = None
) -> Iterator[tuple[Article, list[Quote]]]:
    """Each article with its quotes, parsing paragraphs in batches across articles."""
    nlp = nlp or load_nlp()
    for article in articles:
        kept = clean.paragraphs(article.text)
        texts = [article.text[p.start : p.end] for p in kept]
        docs = _sentence_cased(nlp, list(nlp.pipe(texts, batch_size=BATCH_SIZE)))
        yield article, _quotes(article, kept, docs, topic)


def _is_title_case(doc: Doc) -> bool:
    """A headline in title case: every word of four letters or more is capitalised."""
    long = [t for t in doc if t.is_alpha and len(t) >= 4]
    return len(long) >= 3 and all(t.text[0].isupper() for t in long)


def _sentence_cased(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """Title-case lines that quote someone, with the parse of their sentence-case form.

    In ``Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’`` the tagger
    takes every capitalised word for a name, so the headline has no verb and its
    quote is framed by nothing; lowercased, ``rip`` is the verb. The text and
    entities stay those of the line as written. A title-case line without
    quotation marks keeps its parse: its verbs, found, mostly report what a
    video or a study shows, which is no quote.
    """
    titles = [
        i for i, doc in enumerate(docs) if _is_title_case(doc) and any(t.is_quote for t in doc)
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


def _quotes(
    article: Article, kept: list[clean.Paragraph], docs: list[Doc], topic: Topic | None
) -> list[Quote]:
    quoted = quotes.find_quoted(article.text, kept)
    speakers = ArticleSpeakers.read([(p.start, doc) for p, doc in zip(kept, docs, strict=True)])
    found: list[Quote] = []
    emitted: set[tuple[int, int]] = set()
    previous: Attribution | None = None
    for index, (paragraph, doc) in enumerate(zip(kept, docs, strict=True)):
        pieces = _pieces(quoted, paragraph)
        after = index + 1
        signed = signature_line(docs[after], kept[after].start) if after < len(kept) else None
        attributions = attribute(
            doc,
            paragraph.start,
            list(pieces),
            previous,
            signed,
            headline=index == 0 and len(kept) > 1,
        )
        whole = {(piece.start, piece.end): span for piece, span in pieces.items()}
        for attribution in attributions:
            spans = [whole.get(span, span) for span in attribution.spans]
            attribution.spans = [span for span in spans if span not in emitted]
            if not attribution.spans:
                continue  # a later piece of a quote already attributed
            emitted.update(attribution.spans)
            found.append(_quote(article, attribution, doc, paragraph.start, speakers, topic))
        if attributions:
            previous = attributions[-1]
        previous = introducer(doc, paragraph.start) or previous
    return found


def _pieces(
    quoted: list[quotes.Quoted], paragraph: clean.Paragraph
) -> dict[quotes.Quoted, tuple[int, int]]:
    """The quoted passages touching a paragraph, clipped to it, each mapped to its whole span.

    A quote running over several paragraphs is offered to each of them, so the
    cue can be in the first (``Lee said, "...``) or the last (``...," Lee said``);
    the record gets the whole quote once.
    """
    return {
        replace(q, start=max(q.start, paragraph.start), end=min(q.end, paragraph.end)): (
            q.start,
            q.end,
        )
        for q in quoted
        if q.start < paragraph.end and paragraph.start < q.end
    }


def _attributing_sentence(attribution: Attribution, doc: Doc, offset: int) -> str:
    """The sentence of the cue (else of the quote), its quoted words blanked out.

    That is where a statement's time is given (``On Tuesday, Trump said``);
    dates inside the quote are about what was said.
    """
    anchor = attribution.cue.start if attribution.cue else attribution.spans[0][0]
    if not 0 <= anchor - offset < len(doc.text):
        anchor = attribution.spans[0][0]
    token = doc.char_span(anchor - offset, anchor - offset + 1, alignment_mode="expand")
    if token is None:
        return ""
    text = token.sent.text
    begin = offset + token.sent.start_char
    for start, end in attribution.spans:
        cut_from, cut_to = max(start - begin, 0), min(end - begin, len(text))
        if cut_from < cut_to:
            text = text[:cut_from] + " " * (cut_to - cut_from) + text[cut_to:]
    return text


def _quote_doc(attribution: Attribution, doc: Doc, offset: int) -> Doc | None:
    """The quote cut from its parsed paragraph, so stance needs no second parse.

    A split quote keeps its attribution in between (the cue matters to stance);
    a quote reaching into another paragraph is parsed on its own (None).
    """
    start, end = attribution.spans[0][0] - offset, attribution.spans[-1][1] - offset
    if start < 0 or end > len(doc.text):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.as_doc() if span is not None else None


def _quote(
    article: Article,
    attribution: Attribution,
    doc: Doc,
    offset: int,
    speakers: ArticleSpeakers,
    topic: Topic | None,
) -> Quote:
    text = " ... ".join(article.text[s:e] for s, e in attribution.spans)
    mention = attribution.source
    resolved = speakers.resolve(mention) if mention is not None else None
    date, precision = dates.statement_date(
        _attributing_sentence(attribution, doc, offset),
        article.published,
        dates.timeline_year(article.text),
    )
    verdict = judge(
        text,
        topic,
        cue=attribution.cue.text if attribution.cue else None,
        doc=_quote_doc(attribution, doc, offset),
    )
    return Quote(
        article=article.id,
        spans=attribution.spans,
        text=text,
        type=attribution.type,
        cue=attribution.cue,
        speaker_mention=mention,
        speaker=resolved.name if resolved else None,
        speaker_kind=resolved.kind if resolved else None,
        role=resolved.role if resolved else None,
        date=date or article.published,
        date_precision=precision or ("day" if article.published else None),
        date_inferred=date is None,
        article_date=article.published,
        stance=verdict.label,
        stance_score=verdict.score,
        stance_evidence=list(verdict.evidence),
        topic=verdict.target,
        confidence=attribution.confidence,
        context=doc.text,
    )
