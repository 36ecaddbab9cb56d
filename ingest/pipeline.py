"""From an `Article` to its `Quote` records: the stages wired in order.

read -> clean (kept paragraphs) -> quotes (quotation marks) -> parse (spaCy,
one paragraph a Doc) -> attribution (cue, source, content) -> speakers, roles,
dates, stance -> `Quote`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

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
        docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
        yield article, _quotes(article, kept, docs, topic)


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
        attributions = attribute(doc, paragraph.start, list(pieces), previous, signed)
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
        topic=verdict.target,
        confidence=attribution.confidence,
        context=doc.text,
    )
