"""From an `Article` to its `Quote` records: the stages wired in order.

read -> clean (kept paragraphs) -> quotes (quotation marks) -> parse (spaCy,
one paragraph a Doc; a paragraph that cannot hold a quote gets only what
naming people needs) -> attribution (cue, source, content) -> speakers, roles,
dates, stance -> `Quote`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import clean, dates, quotes, speakers
from .attribution import Attribution, attribute, introducer, signature_line
from .attribution.bounds import alternatives, option_features, redrawn
from .attribution.cues import claim_nouns
from .attribution.features import features
from .attribution.marks import (
    capital_speakers,
    credit_line,
    interviewee,
    name_line,
    points_back,
)
from .attribution.model import RANKER, shipped
from .attribution.model import Scorer as LearnedScorer
from .lexicons import words
from .parse import (
    entities_alone,
    is_title_case,
    load_nlp,
    naming_pipes,
    pipeline_name,
    text_of,
    word_forms,
)
from .records import Article, Mention, Quote
from .speakers import ArticleSpeakers, Speaker
from .stance import Topic, judge, setting_of

BATCH_SIZE = 64
#: About how many paragraphs are parsed together: an article's own few leave the
#: parser's batches part empty; parsing several articles' paragraphs in one go is
#: about 5% faster (PolNeAR dev).
GROUP_PARAGRAPHS = 200
#: Below this confidence a record is as likely as not no one's statement (a
#: journalist's phrase, a title in quotation marks): it is stored, but gets no stance.
STATEMENT_CONFIDENCE = 0.5


class Scorer(Protocol):
    """What decides whether a candidate is kept, and its confidence
    (`attribution.model.Scorer`, or a recorder when training)."""

    threshold: float

    def confidence(self, features: dict[str, float]) -> float: ...


class Ranker(Protocol):
    """What chooses a candidate's content boundaries among its alternatives
    (`attribution.model.Scorer` over `bounds.option_features`, or a recorder)."""

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
    cues = None if parse_all else _cues(nlp)
    for group in _groups(_Prepared.of(nlp, cues, article) for article in articles):
        # the group's paragraphs are parsed together: the parser's batches fill up
        pooled = [doc for article in group for doc in article.docs]
        full = [whole for article in group for whole in article.full]
        pooled = _sentence_cased(nlp, _parsed(nlp, pooled, full))
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


def _groups(articles: Iterable[_Prepared]) -> Iterator[list[_Prepared]]:
    """Consecutive articles with about `GROUP_PARAGRAPHS` paragraphs between them."""
    group: list[_Prepared] = []
    size = 0
    for article in articles:
        group.append(article)
        size += len(article.docs)
        if size >= GROUP_PARAGRAPHS:
            yield group
            group, size = [], 0
    if group:
        yield group


@dataclass(frozen=True)
class _Prepared:
    """An article ready to parse: its kept paragraphs, quoted passages and tokenised
    paragraphs, with which of them may hold a quote (all of them when ``cues`` is None)."""

    article: Article
    kept: list[clean.Paragraph]
    quoted: list[quotes.Quoted]
    docs: list[Doc]
    full: list[bool]

    @classmethod
    def of(cls, nlp: Language, cues: _Cues | None, article: Article) -> _Prepared:
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

    def found_in(self, doc: Doc) -> bool:
        lower = {token.lower_ for token in doc}
        return (
            not lower.isdisjoint(self.verbs)
            or ("that" in lower and not lower.isdisjoint(self.nouns))
            or any(prep in lower and not lower.isdisjoint(verb) for verb, prep in self.preps)
        )


@cache
def _cues(nlp: Language) -> _Cues | None:
    """The cue words for ``nlp``; None where they cannot be told before the parse
    (another lemmatizer) or a paragraph's people cannot be named without it."""
    if not entities_alone(nlp):
        return None
    verbs = word_forms(nlp, words("speech_verbs") | words("thought_verbs"))
    nouns = word_forms(nlp, claim_nouns())
    pairs = [entry.split() for entry in words("prep_cues")]
    pairs += [entry.split() for entry in words("phrasal_cues")]  # "shot back"
    pairs += [[verb, "as"] for verb in words("view_verbs")]  # "sees him as a threat"
    preps = [(word_forms(nlp, frozenset({verb})), prep) for verb, prep in pairs]
    if verbs is None or nouns is None or any(forms is None for forms, _ in preps):
        return None
    return _Cues(verbs | {"according"}, nouns, tuple(preps))


def _may_quote(
    cues: _Cues, kept: list[clean.Paragraph], docs: list[Doc], quoted: list[quotes.Quoted]
) -> list[bool]:
    """Which paragraphs may hold a quote, told from their words before any parse.

    Whatever `attribution.attribute` finds starts from a quoted passage (or a
    quotation mark the finder left unpaired), a cue word, a colon (``Name:``
    labels, a line introducing the next one) or a ``- Name`` line signing the
    quote above. The first paragraph with none of them after a line ending in
    a colon may be what that line introduces, so it is parsed too, and so is one
    opening with ``That``/``This`` after a quote, which may credit it (``That was
    the message from ...``).
    """
    may: list[bool] = []
    introduced = after_quote = False
    for paragraph, doc in zip(kept, docs, strict=True):
        holds_quote = any(q.start < paragraph.end and paragraph.start < q.end for q in quoted)
        marked = (
            holds_quote
            or any(token.is_quote for token in doc)
            or ":" in text_of(doc)
            or signature_line(doc, paragraph.start) is not None
            or cues.found_in(doc)
        )
        may.append(marked or introduced or (after_quote and points_back(doc)))
        introduced = (introduced and marked) or text_of(doc).endswith(":")
        after_quote = holds_quote
    return may


def _parsed(nlp: Language, docs: list[Doc], full: list[bool]) -> list[Doc]:
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
    capital_labels = capital_speakers([article.text[p.start : p.end] for p in kept])
    people = ArticleSpeakers.read(
        [(p.start, doc) for p, doc in zip(kept, docs, strict=True)],
        [q.span for q in quoted],
        capital_labels,
    )
    answering = interviewee([(p.start, doc) for p, doc in zip(kept, docs, strict=True)])
    year = dates.timeline_year(article.text)
    found: list[tuple[Quote, bool]] = []  # each record, and whether the scorer doubts it
    emitted: set[tuple[int, int]] = set()
    lowest = _lowest(scorer, floor)
    previous: Attribution | None = None
    for index, (paragraph, doc) in enumerate(zip(kept, docs, strict=True)):
        if not full[index]:
            continue
        pieces = _pieces(quoted, paragraph)
        after = index + 1
        signed = None
        if after < len(kept):
            signed = signature_line(docs[after], kept[after].start)
            if signed is None and _only_quoted(article.text, paragraph, pieces):
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
            speakers_in_capitals=capital_labels,
            answering=answering,
        )
        whole = {piece.span: span for piece, span in pieces.items()}
        continuing = [span for piece, span in pieces.items() if span[1] > piece.end]
        for proposed in attributions:
            spans = [_run_on(whole.get(span, span), pieces) for span in proposed.spans]
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
                    _quote(
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
        previous = introducer(doc, paragraph.start) or previous
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


def _run_on(span: tuple[int, int], pieces: dict[quotes.Quoted, tuple[int, int]]) -> tuple[int, int]:
    """``span`` run on to the end of the quote it ends with, when that quote goes on into
    later paragraphs: a transcript line (``"PENCE: Well, ...``) answered over several
    paragraphs is one statement, whose later paragraphs are not another record."""
    for piece, (_, end) in pieces.items():
        if end > piece.end and piece.start <= span[0] < piece.end - 2 <= span[1] <= piece.end:
            return span[0], end
    return span


def _only_quoted(
    text: str, paragraph: clean.Paragraph, pieces: dict[quotes.Quoted, tuple[int, int]]
) -> bool:
    """The paragraph is a pull quote: quoted words and nothing else to read."""
    spans = [piece.span for piece in pieces]
    outside = _blanked(text[paragraph.start : paragraph.end], paragraph.start, spans)
    return bool(pieces) and not any(c.isalnum() for c in outside)


def _blanked(text: str, begin: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (which starts at article offset ``begin``) with the characters of
    ``spans`` (article offsets) turned to spaces, so that offsets still line up."""
    for start, end in spans:
        cut_from, cut_to = max(start - begin, 0), min(end - begin, len(text))
        if cut_from < cut_to:
            text = text[:cut_from] + " " * (cut_to - cut_from) + text[cut_to:]
    return text


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
    return _blanked(token.sent.text, offset + token.sent.start_char, attribution.spans)


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


def _quote(
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
    text = " ... ".join(article.text[s:e] for s, e in attribution.spans)
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
