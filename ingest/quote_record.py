"""The stored `Quote` record of one attribution, its speaker already resolved
(`speakers`): the date and stance it gets, and what they are told from.

The date is the one the attributing sentence gives (`dates.statement_date`), else
the article's. Stance (`stance.judge`) is judged on the quote toward a topic, or,
with none, on the whole sentences holding it toward what they name besides the
speaker; a record below `STATEMENT_CONFIDENCE` gets none. Both are cut from the
paragraph's parse: no second parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import dates
from .attribution import Attribution
from .parse import text_of
from .quotes import blanked, by_paragraph
from .records import Article, Mention, Quote
from .speakers import Speaker
from .stance import Topic, judge, setting_of

#: Below this confidence a record is as likely as not no one's statement (a
#: journalist's phrase, a title in quotation marks): it is stored, but gets no stance.
STATEMENT_CONFIDENCE = 0.5


def _attributing_sentence(attribution: Attribution, doc: Doc, offset: int, text: str) -> str:
    """The sentence of the cue (else of the quote), its quoted words blanked out.

    That is where a statement's time is given (``On Tuesday, Trump said``);
    dates inside the quote are about what was said. A cue on a line below the
    paragraph (``— Donald J. Trump (@realDonaldTrump) March 3, 2024`` under a post)
    gives that line.
    """
    anchor = attribution.cue.start if attribution.cue else attribution.spans[0][0]
    if anchor - offset >= len(text_of(doc)):
        end = text.find("\n", anchor)
        return text[anchor : end if end >= 0 else len(text)]
    if not 0 <= anchor - offset < len(text_of(doc)):
        anchor = attribution.spans[0][0]
    token = doc.char_span(anchor - offset, anchor - offset + 1, alignment_mode="expand")
    if token is None:
        return ""
    return blanked(token.sent.text, offset + token.sent.start_char, attribution.spans)


def _quote_span(attribution: Attribution, doc: Doc, offset: int) -> Span | None:
    """The quote cut from its parsed paragraph, so stance needs no second parse.

    A split quote keeps its attribution in between (the cue matters to stance);
    a quote reaching into another paragraph is parsed on its own (None).
    """
    start, end = attribution.spans[0][0] - offset, attribution.spans[-1][1] - offset
    if start < 0 or end > len(text_of(doc)):
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _names(mention: Mention | None, resolved: Speaker | None) -> str | None:
    """Every name the speaker goes by here (``Donald Trump, he``), so that stance
    toward named things leaves out the speaker's own mentions."""
    names = [resolved.name if resolved else None, mention.text if mention else None]
    return ", ".join(dict.fromkeys(n for n in names if n)) or None


def _statement(attribution: Attribution, doc: Doc, offset: int) -> Span | None:
    """The whole sentences holding a quote, its source and its cue: with no topic,
    stance is judged toward a named target as the model learned it, from news
    sentences naming both the speaker and the target."""
    marks = [i for span in attribution.spans for i in span]
    marks += [i for m in (attribution.cue, attribution.source) if m for i in (m.start, m.end)]
    start, end = min(marks) - offset, max(marks) - offset
    span = doc.char_span(max(start, 0), min(end, len(text_of(doc))), alignment_mode="expand")
    if span is None or not len(span):
        return None
    return doc[span[0].sent.start : span[-1].sent.end]


def quote(
    article: Article,
    attribution: Attribution,
    resolved: Speaker | None,
    confidence: float,
    doc: Doc,
    offset: int,
    topic: Topic | None,
    year: int | None,
) -> Quote:
    """``year``: the article's `dates.timeline_year`, for statement dates without one."""
    spans = by_paragraph(article.text, attribution.spans)
    text = " ... ".join(article.text[s:e] for s, e in spans)
    mention = attribution.source
    date, precision = dates.statement_date(
        _attributing_sentence(attribution, doc, offset, article.text),
        article.published,
        year,
    )
    judged = (_quote_span if topic else _statement)(attribution, doc, offset)  # no new parse
    statement = confidence >= STATEMENT_CONFIDENCE
    setting: frozenset[int] = frozenset()
    if statement and judged is not None and not topic:  # what a quote is not judged toward
        setting = setting_of(
            judged,
            [(s - offset, e - offset) for s, e in attribution.spans],
            (mention.start - offset, mention.end - offset) if mention else None,
        )
    verdict = judge(
        text,
        topic,
        cue=attribution.cue.text if attribution.cue else None,
        speaker=None if topic else _names(mention, resolved),
        doc=judged,
        statement=statement,
        setting=setting,
    )
    return Quote(
        article=article.id,
        spans=spans,
        text=text,
        type=attribution.type,
        cue=attribution.cue,
        speaker_mention=mention,
        speaker=resolved.name if resolved else None,
        speaker_kind=resolved.kind if resolved else None,
        role=resolved.role if resolved else None,
        date=date or article.published,
        date_precision=precision or ("day" if article.published else None),
        date_source="statement" if date else "article" if article.published else None,
        article_date=article.published,
        stance=verdict.label,
        stance_score=verdict.score,
        stance_evidence=list(verdict.evidence),
        topic=verdict.target,
        confidence=confidence,
        act=attribution.act,
        context=text_of(doc),
    )
