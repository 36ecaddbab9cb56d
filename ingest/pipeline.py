"""From an `Article` to its `Quote` records: the stages wired in order.

read -> clean (kept paragraphs) -> quotes (quotation marks) -> parse (spaCy,
one paragraph a Doc; a paragraph that cannot hold a quote gets only what
naming people needs: `parse_plan`) -> attribution (cue, source, content) ->
speakers, roles, dates, stance -> `Quote` (`quote_record`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from . import clean, dates, quote_record, quotes
from .attribution import Attribution, attribute, introducer, reads_out, signature_line
from .attribution.bounds import alternatives, redrawn
from .attribution.bounds_features import option_features
from .attribution.exchanges import exchange
from .attribution.features import features
from .attribution.marks import credit_line, interviewee, label_speakers, name_line
from .attribution.model import RANKER, shipped
from .attribution.model import Scorer as LearnedScorer
from .parse import load_nlp, pipeline_name
from .parse_plan import Prepared, cue_words, parsed, sentence_cased
from .records import Article, Quote
from .speakers import ArticleSpeakers
from .stance import Topic

#: About how many paragraphs are parsed together: an article's own few leave the
#: parser's batches part empty; parsing several articles' paragraphs in one go is
#: about 5% faster (PolNeAR dev).
GROUP_PARAGRAPHS = 200


class Scorer(Protocol):
    """What decides whether a candidate is kept, and its confidence
    (`attribution.model.Scorer`, or a recorder when training)."""

    threshold: float

    def confidence(self, features: dict[str, float]) -> float: ...


class Ranker(Protocol):
    """What chooses a candidate's content boundaries among its alternatives
    (`attribution.model.Scorer` over `bounds_features.option_features`, or a recorder)."""

    def choose(
        self, spans: list[list[tuple[int, int]]], seen: list[dict[str, float]]
    ) -> tuple[int, float | None]: ...


_SHIPPED = object()  # extract with the shipped model unless told otherwise


def extract(
    article: Article, nlp: Language | None = None, topic: Topic | None = None
) -> list[Quote]:
    """The quotes of one article."""
    return next(extract_many([article], nlp, topic))[1]


def extract_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    topic: Topic | None = None,
    parse_all: bool = False,
    scorer: Scorer | None | object = _SHIPPED,
    ranker: Ranker | None | object = _SHIPPED,
    floor: float | None = None,
    every_candidate: bool = False,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Each article with its quotes, its paragraphs parsed in batches.

    ``parse_all`` gives every paragraph the full parse, as if none could be
    told to hold no quote: the same quotes, slower (for comparison).
    ``scorer`` decides which candidates the rules propose are kept and with
    what confidence: the shipped model by default; None keeps every candidate
    with its rule's prior confidence. ``ranker`` redraws each candidate's content
    boundaries before it is scored: the shipped ranker by default; None keeps the
    rules' spans. ``floor``, below the scorer's threshold, also keeps the candidates
    it doubts down to that confidence (`_quotes`). ``every_candidate`` keeps a record
    for each candidate the scorer saw, fragments of a longer report too (training
    pairs each with the features the scorer was shown).
    """
    nlp = nlp or load_nlp()
    chosen = shipped() if scorer is _SHIPPED else scorer
    if isinstance(chosen, LearnedScorer):
        chosen = chosen.reading(pipeline_name(nlp))
    bounds = shipped(RANKER) if ranker is _SHIPPED else ranker
    cues = None if parse_all else cue_words(nlp)
    for group in _groups(Prepared.of(nlp, cues, article) for article in articles):
        # the group's paragraphs are parsed together: the parser's batches fill up
        pooled = [doc for article in group for doc in article.docs]
        full = [whole for article in group for whole in article.full]
        pooled = sentence_cased(nlp, parsed(nlp, pooled, full))
        at = 0
        for article in group:
            docs = pooled[at : at + len(article.docs)]
            at += len(article.docs)
            yield (
                article.article,
                _quotes(
                    article.article,
                    article.kept,
                    docs,
                    article.full,
                    article.quoted,
                    topic,
                    chosen,
                    bounds,
                    floor,
                    every_candidate,
                ),
            )


def _groups(articles: Iterable[Prepared]) -> Iterator[list[Prepared]]:
    """Consecutive articles with about `GROUP_PARAGRAPHS` paragraphs between them."""
    group: list[Prepared] = []
    size = 0
    for article in articles:
        group.append(article)
        size += len(article.docs)
        if size >= GROUP_PARAGRAPHS:
            yield group
            group, size = [], 0
    if group:
        yield group


_UNSCORED = frozenset({"answer"})
"""Rules whose candidates keep their own confidence, whatever the learned scorer says:
an interview's printed answers (`attribution.marks.interviewee`) are the interviewee's
words, but the training split's annotators marked them in one of its two printed
interviews and not in the other, too few and too split to learn from."""


def _quotes(
    article: Article,
    kept: list[clean.Paragraph],
    docs: list[Doc],
    full: list[bool],
    quoted: list[quotes.Quoted],
    topic: Topic | None,
    scorer: Scorer | None,
    ranker: Ranker | None,
    floor: float | None = None,
    every_candidate: bool = False,
) -> list[Quote]:
    """The quotes of the paragraphs parsed in full; the others only name people.

    Each candidate the rules propose has its boundaries redrawn by the ranker,
    is resolved to its speaker, then scored: one below the scorer's threshold is
    not a statement and is left out, unless a lower ``floor`` asks for the
    candidates the scorer doubts too. Those come with no stance, and they take no
    part in which quote a piece belongs to: the records the scorer believes are
    the same with a floor or without, and a doubted one that repeats a believed
    one's words is dropped.
    """
    labels = label_speakers([article.text[p.start : p.end] for p in kept])
    people = ArticleSpeakers.read(
        [(p.start, doc) for p, doc in zip(kept, docs, strict=True)],
        [q.span for q in quoted],
        labels,
    )
    answering = interviewee([(p.start, doc) for p, doc in zip(kept, docs, strict=True)])
    year = dates.timeline_year(article.text)
    found: list[tuple[Quote, bool]] = []  # each record, and whether the scorer doubts it
    emitted: set[tuple[int, int]] = set()
    lowest = _lowest(scorer, floor)
    previous: Attribution | None = None
    history: list[Attribution] = []  # each paragraph's last attribution, in order
    for index, (paragraph, doc) in enumerate(zip(kept, docs, strict=True)):
        if not full[index]:
            continue
        pieces = quotes.pieces_in(quoted, paragraph)
        after = index + 1
        signed = None
        if after < len(kept):
            signed = signature_line(docs[after], kept[after].start)
            if signed is None and quotes.only_quoted(article.text, paragraph, pieces):
                signed = credit_line(docs[after], kept[after].start) or name_line(
                    docs[after], kept[after].start
                )
        headline = index == 0 and len(kept) > 1
        attributions = attribute(
            doc,
            paragraph.start,
            list(pieces),
            previous,
            signed,
            headline=headline,
            speakers_labelled=labels,
            answering=answering,
            turns=exchange(history, article.text),
        )
        whole = {piece.span: span for piece, span in pieces.items()}
        continuing = [span for piece, span in pieces.items() if span[1] > piece.end]
        for proposed in attributions:
            spans = [quotes.run_on(whole.get(span, span), pieces) for span in proposed.spans]
            spans = [span for span in spans if span not in emitted]
            if not spans:
                continue  # a later piece of a quote already attributed
            attribution = replace(proposed, spans=spans)
            if ranker is not None:
                others = [other.spans for other in attributions if other is not proposed]
                attribution = _redrawn(
                    attribution, doc, paragraph.start, pieces, others, ranker, article
                )
            mention = attribution.source
            resolved = people.resolve(mention) if mention is not None else None
            if mention is not None and resolved is None and people.names_no_one(mention):
                continue  # "Such a characterization suggests", "Reports indicate": no one's
            confidence = attribution.confidence
            if scorer is not None:
                seen = features(
                    attribution,
                    doc,
                    paragraph.start,
                    headline=headline,
                    speaker_kind=resolved.kind if resolved else None,
                    others=[other for other in attributions if other is not proposed],
                )
                # kept as it is shown (three decimals), so that what the threshold and
                # ``--min-confidence 0.9`` keep, what the database holds and what a reader
                # sees agree: a record shown as 0.5 is not left out as 0.4996
                confidence = round(scorer.confidence(seen), 3)
                if attribution.rule in _UNSCORED:
                    confidence = attribution.confidence
                if confidence < lowest:
                    continue
            doubted = scorer is not None and confidence < scorer.threshold
            if not doubted:
                emitted.update(spans)
                # a record run on into a quote's later paragraphs has that whole quote
                emitted.update(
                    taken for taken in continuing if any(e == taken[1] for _, e in spans)
                )
            found.append(
                (
                    quote_record.quote(
                        article,
                        attribution,
                        resolved,
                        confidence,
                        doc,
                        paragraph.start,
                        topic,
                        year,
                    ),
                    doubted,
                )
            )
        if attributions:
            previous = attributions[-1]
            history.append(previous)
        previous = introducer(doc, paragraph.start) or reads_out(doc, paragraph.start) or previous
    return _unrepeated(found, emitted, fragments=every_candidate)


def _unrepeated(
    found: list[tuple[Quote, bool]], emitted: set[tuple[int, int]], fragments: bool = False
) -> list[Quote]:
    """The records, less each doubted one that repeats words of a believed record, or
    the very words of a doubted one before it (two rules may doubt the same report),
    and less a fragment of a longer believed record with the same cue: ``claiming that
    fraud is "a big problem" but "nobody talks about it"`` is one report, not that and
    a report of its first half as well (unless ``fragments`` are asked for)."""
    kept: list[Quote] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for quote, doubted in found:
        if doubted:
            if emitted & set(quote.spans) or tuple(quote.spans) in seen:
                continue
            seen.add(tuple(quote.spans))
        if not fragments and any(_part_of(quote, other) for other, unsure in found if not unsure):
            continue
        kept.append(quote)
    return kept


def _part_of(quote: Quote, other: Quote) -> bool:
    """Whether ``quote``'s words all lie in ``other``, a longer record with the same cue."""
    return (
        quote.cue is not None
        and other.cue is not None
        and quote.cue.start == other.cue.start
        and quote.spans != other.spans
        and all(any(s <= start and end <= e for s, e in other.spans) for start, end in quote.spans)
    )


def _lowest(scorer: Scorer | None, floor: float | None) -> float:
    """The least confidence a record is kept at: the scorer's threshold, or a lower ``floor``."""
    if scorer is None:
        return 0.0
    return scorer.threshold if floor is None else min(floor, scorer.threshold)


def _redrawn(
    attribution: Attribution,
    doc: Doc,
    offset: int,
    pieces: dict[quotes.Quoted, tuple[int, int]],
    others: list[list[tuple[int, int]]],
    ranker: Ranker,
    article: Article,
) -> Attribution:
    """The candidate with the content boundaries the ranker prefers (`bounds`), never
    those of another candidate of the paragraph (``others``)."""
    passages = [piece.span for piece in pieces]
    options = alternatives(attribution, doc, offset, passages, others)
    if len(options) == 1:
        return attribution
    seen = option_features(attribution, options, doc, offset)
    chosen, lead = ranker.choose([spans for _, spans in options], seen)
    name, drawn = options[chosen]
    return replace(redrawn(attribution, name, drawn, passages, article.text), lead=lead)
