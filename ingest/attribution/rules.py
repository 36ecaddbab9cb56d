"""The rules that propose attributions in one paragraph, in the order they are tried: a
quoted passage with its governing cue, a framing verb, the nearest cue, a colon or
signature, a carried-on speaker; then cue verbs with a clause, ``according to``, nominal
claims and the headline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..parse import text_of
from ..quotes import Quoted
from ..speakers import NO_ONE, is_someone
from .candidate import Attribution, _mention
from .content import (
    _clause_around,
    _content_spans,
    _governed,
    _refused,
    _reported_clause,
)
from .cues import (
    SUBJECTS,
    _claim_clause,
    _cue_for,
    _framing,
    _governing_cues,
    _has_subject,
    _prep_cue,
    is_thought,
    speech_verbs,
)
from .edges import _stretched, _strip, _trim
from .marks import _captioned, _credited, _introducer, _labelled, _signature
from .passages import (
    _after_colon,
    _closes,
    _is_utterance,
    _names_a_work,
    _nickname,
    _opens_sentence,
    _quote_root,
    _words_in,
    is_quoted_name,
)
from .sources import _claimant, _named_after, _phrase, _preceding_subject, _source_outside

_ORPHAN_WORDS = 4  # a quote this long with no cue and no speaker is still a statement


def _reported(
    cue: Token,
    content: Span,
    local: Sequence[tuple[int, int]],
    offset: int,
    rule: str,
) -> Attribution:
    """A mixed quote: the clause ``cue`` reports."""
    return _mixed(cue, [(content.start_char, content.end_char)], local, offset, rule)


def _mixed(
    cue: Token,
    spans: Sequence[tuple[int, int]],
    local: Sequence[tuple[int, int]],
    offset: int,
    rule: str,
) -> Attribution:
    """A mixed quote: what ``cue`` reports (paragraph offsets), each part stretched over
    every quoted passage it cuts into (the parse often leaves a closing mark outside)."""
    spans = [_stretched(s, e, local) for s, e in spans]
    subject = _source_outside(cue, local)
    return Attribution(
        spans=[(s + offset, e + offset) for s, e in spans],
        type="mixed",
        cue=_mention(cue, offset),
        source=_mention(subject, offset) if subject is not None else None,
        rule=rule,
        confidence=0.8 if subject is not None else 0.5,
        quoted=[
            (s + offset, e + offset)
            for s, e in local
            if any(c_start <= s and e <= c_end for c_start, c_end in spans)
        ],
    )


def _held(
    local: Sequence[tuple[int, int]], start: int, end: int, offset: int
) -> list[tuple[int, int]]:
    """The quoted passages (``local``, paragraph offsets) that lie whole within
    ``[start, end)``, in article offsets: what a content quotes."""
    return [(s + offset, e + offset) for s, e in local if start <= s and e <= end]


def _framed_fragment(
    doc: Doc, root: Token | None, start: int, end: int
) -> tuple[Token, Span] | None:
    """A quoted fragment inside a sentence no speech verb frames: the nearest verb
    with a subject, and its clause. A quote opening its sentence stands on its own."""
    if root is None or _opens_sentence(doc, start, end) or _after_colon(doc, start):
        return None
    return _reported_clause(_governing_cues(root, start, end, _framing)[:1], start, end)


def _reported_around(doc: Doc, start: int, end: int, used: set[int]) -> bool:
    """A speech verb of the quoted fragment's sentence that the parse hangs below it
    (set off by commas, ``as he noted``) reports a clause holding the fragment: that
    report is the statement, not the verb nearest the quotation marks."""
    fragment = doc.char_span(start, end, alignment_mode="expand")
    if fragment is None:
        return False
    cues = speech_verbs(doc)
    return any(
        cues[token.i]
        and token.i not in used
        and any(c.start_char <= start and end <= c.end_char for c in _content_spans(token))
        for token in fragment[0].sent
    )


def _carried_on(
    doc: Doc, cue: Token | None, found: Sequence[Attribution], start: int, offset: int
) -> Attribution | None:
    """The paragraph's last direct quote, when a quote opens the sentence right after that
    quote's cue and has no cue of its own, the nearest verb, if any, trailing that cue:
    in ``"A," one official said, speaking on condition of anonymity to discuss
    directives. "B."`` ``discuss`` reports nothing of B, which carries on A; so in
    ``"A," he told the AP after hinting that "changes" could come. "B."``."""
    if cue is not None and cue.idx >= start:
        return None  # a cue after the quote ("B," he added) is the quote's own
    last = next((a for a in reversed(found) if a.type == "direct" and a.cue is not None), None)
    if last is None or last.spans[-1][1] - offset > start:
        return None
    said = doc.char_span(last.cue.start - offset, last.cue.end - offset, alignment_mode="expand")
    if said is None or said.end_char > start:
        return None
    if cue is not None and (cue.i <= said.root.i or cue.sent != said.root.sent):
        return None
    between = text_of(doc)[said.end_char : start].rstrip()
    stops = sum(between.count(mark) for mark in ".!?")
    return last if stops == 1 and between.endswith((".", "!", "?")) else None


def attribute(
    doc: Doc,
    offset: int,
    quoted: Sequence[Quoted],
    previous: Attribution | None,
    signed: Attribution | None = None,
    headline: bool = False,
    speakers_in_capitals: frozenset[str] = frozenset(),
) -> list[Attribution]:
    """The attributions in one paragraph.

    ``quoted`` are the passages in this paragraph (article offsets); ``previous``
    is the last attribution of the previous paragraph (or the colon that ends
    it), for quotes that carry on its speaker; ``signed`` is the ``- Name`` line
    (or the credit) that follows the paragraph, if any; ``headline`` says the
    paragraph is the article's title; ``speakers_in_capitals`` the labels like
    ``RAMOS:`` that name speakers in this article (`marks.capital_speakers`).
    """
    local = [(q.start - offset, q.end - offset) for q in quoted]
    labelled = _labelled(doc, offset, speakers_in_capitals)
    if labelled is not None:
        labelled.quoted = [q.span for q in quoted]
        if labelled.source.text.isupper():
            labelled.type = "direct"  # a transcript line
        else:
            labelled.type = "mixed" if quoted else "indirect"
        return [labelled]
    if previous is not None and previous.introduces and not quoted and not any(speech_verbs(doc)):
        said = _strip(doc[:])
        span = (said.start_char + offset, said.end_char + offset)
        return [
            replace(previous, spans=[span], type="indirect", introduces=False, rule="introduced")
        ]
    found: list[Attribution] = []
    used_cues: set[int] = set()
    covered: list[tuple[int, int]] = []

    for start, end in local:
        if (
            any(s <= start and end <= e for s, e in covered)
            or _names_a_work(doc, start, end)
            or _nickname(doc, start, end)
        ):
            continue
        root = _quote_root(doc, start, end)
        governing = _governing_cues(root, start, end) if root is not None else []
        if governing and _refused(governing[0][0]):
            continue  # "declined to discuss whether the deal was 'dead'": not their words
        if governing:
            cue = governing[0][0]
            clause = _reported_clause(governing, start, end)
            if clause is not None:
                reports = [_reported(*clause, local, offset, "governing-cue")]
                if clause[0] != cue:  # the inner cue is a statement of its own
                    inner = _governed(cue, governing[0][1])
                    if inner.start_char > start or inner.end_char < end:
                        inner = doc.char_span(start, end, alignment_mode="expand")
                    reports.append(_reported(cue, inner, local, offset, "inner-cue"))
                found.extend(reports)
                covered.extend((s - offset, e - offset) for a in reports for s, e in a.spans)
                used_cues.update({clause[0].i, cue.i})
                continue
        elif _claimed(root, start, end):
            continue  # reported by its noun: `_claims`
        else:
            title = is_quoted_name(doc, start, end)  # "acted in the movie 'Sharknado 3'": a name
            framing = None if title else _framed_fragment(doc, root, start, end)
            if framing is not None and _reported_around(doc, start, end, used_cues):
                continue  # "But, Carson added, he did not support ... 'willy-nilly'": the
                # speech verb's report holds the fragment (the cues below)
            if framing is not None:
                report = replace(_reported(*framing, local, offset, "framing-verb"), confidence=0.4)
                found.append(report)
                covered.extend((s - offset, e - offset) for s, e in report.spans)
                used_cues.add(framing[0].i)
                continue
            cue = _cue_for(doc, start, end, local)
            carried = _carried_on(doc, cue, found, start, offset)
            if carried is not None:
                carried.spans.append((start + offset, end + offset))
                carried.quoted.append((start + offset, end + offset))
                covered.append((start, end))
                continue
            clause = _clause_around(cue, start, end, local) if cue is not None else None
            if clause is not None:
                report = _mixed(cue, clause, local, offset, "nearest-cue-clause")
                found.append(report)
                covered.extend((s - offset, e - offset) for s, e in report.spans)
                used_cues.add(cue.i)
                continue
            if title or (
                _words_in(doc, start, end) < 3 and not (cue and _is_utterance(doc, start, end))
            ):
                continue  # a word or two, or a name, in quotation marks that no verb reports
        span = (start + offset, end + offset)
        last = found[-1] if found else None
        if cue is not None and last is not None and last.cue == _mention(cue, offset):
            last.spans.append(span)  # "A," she said. "B." shares one cue
            last.quoted.append(span)
        elif cue is not None:
            subject = _source_outside(cue, local)
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=_mention(cue, offset),
                    source=_mention(subject, offset) if subject is not None else None,
                    rule="nearest-cue",
                    confidence=0.9 if subject is not None else 0.6,
                    quoted=[span],
                )
            )
            used_cues.add(cue.i)
        elif _words_in(doc, start, end) < 3:
            continue
        elif (
            marker := _introducer(doc, start, offset)
            or _signature(doc, end, offset)
            or _captioned(doc, start, end, offset)
            or signed
            or _credited(_named_after(doc, end), offset)
        ) is not None:
            found.append(replace(marker, spans=[span], quoted=[span]))
        elif last is not None and _followed_by(last, span):
            last.spans.append(span)
            last.quoted.append(span)
        elif previous is not None and previous.type == "direct":
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=previous.cue,
                    source=previous.source,
                    rule="carried",
                    confidence=0.6,
                    quoted=[span],
                )
            )
        elif (
            _words_in(doc, start, end) >= _ORPHAN_WORDS
            and _closes(text_of(doc)[start:end])
            and not text_of(doc).isupper()  # a section heading: "3. FOR WOMEN 'GLASS IS HALF FULL'"
        ):
            # a statement whose speaker the article leaves to context: the last one named
            context = last or previous
            named = _preceding_subject(doc, start)
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=context.cue if context else None,
                    source=(
                        _mention(named, offset)
                        if named is not None
                        else context.source
                        if context
                        else None
                    ),
                    rule="orphan",
                    confidence=0.3,
                    quoted=[span],
                )
            )
        else:
            continue
        covered.append((start, end))

    cues = speech_verbs(doc)
    for token in doc:
        if token.i in used_cues or any(s <= token.idx < e for s, e in local):
            continue
        speech = cues[token.i] or _prep_cue(token) is not None
        thought = not speech and is_thought(token) and _has_subject(token)
        other = not (speech or thought) and _reports(token)
        if not (speech or thought or other):
            continue
        if not speech and any(s <= token.idx + offset < e for a in found for s, e in a.spans):
            continue  # "said he plans to ...": the plan is part of what was said
        contents = _cut_before_quotes(_content_spans(token), covered)
        if not contents:
            continue
        c_start, c_end = contents[0].start_char, contents[-1].end_char
        if any(s < c_end and c_start < e for s, e in covered):
            continue  # already a direct or mixed quote
        inside = _held(local, c_start, c_end, offset)
        subject = _source_outside(token, local)
        if subject is None or subject.text.lower() in NO_ONE:
            continue  # "nobody said ...", "who said ...?": no one's statement
        found.append(
            Attribution(
                spans=[(c.start_char + offset, c.end_char + offset) for c in contents],
                type="mixed" if inside else "indirect",
                cue=_mention(token, offset),
                source=_mention(subject, offset),
                rule="cue-clause" if speech else "thought-clause" if thought else "verb-clause",
                act="speech" if speech else "thought",
                confidence=0.7 if speech else 0.4 if thought else 0.2,
                quoted=inside,
            )
        )
    found.extend(_according_to(doc, offset, local))
    found.extend(_claims(doc, offset, local, covered))
    if headline:
        found.extend(_headline(doc, offset, local, found))
    found.sort(key=lambda a: a.spans[0])
    return found


def _followed_by(last: Attribution, span: tuple[int, int]) -> bool:
    """A quote with no cue of its own carries on the paragraph's last quoted statement:
    a direct quote, or a mixed one whose cue comes between the two (``The summit
    accomplished "too little," he added. "Without changing policies, Europe risks a
    lot."``)."""
    if last.type == "direct":
        return True
    return (
        last.type == "mixed"
        and last.source is not None
        and last.cue is not None
        and last.spans[-1][1] <= last.cue.start
        and last.cue.end <= span[0]
    )


def _cut_before_quotes(contents: list[Span], covered: Sequence[tuple[int, int]]) -> list[Span]:
    """``contents`` cut where its sentence ends, when it runs on into a quote that is
    already a record: in ``In any case, Mr. Lee said, the industry was over-supplied.
    ''It was just waiting for a recession,'' he said.`` the parse hangs the next
    sentence, quote and all, on the first cue, whose report is the first sentence
    alone. Empty when fewer than three words are left."""
    if not contents:
        return contents
    start = contents[0].start_char
    later = [s for s, _ in covered if start < s < contents[-1].end_char]
    if not later or any(s <= start < e for s, e in covered):
        return contents
    cut = min(later)
    doc = contents[0].doc
    before = text_of(doc)[start:cut].rstrip()
    if not before.endswith((".", "!", "?")):
        return contents  # the quote is part of the sentence reported
    kept = [piece for piece in contents if piece.end_char <= cut]
    piece = next((p for p in contents if p.start_char < cut < p.end_char), None)
    if piece is not None:
        ending = doc.char_span(piece.start_char, cut, alignment_mode="contract")
        if ending is not None and len(ending):
            kept.append(_strip(ending))
    return kept if kept and _words_in(doc, kept[0].start_char, kept[-1].end_char) >= 3 else []


def _reports(verb: Token) -> bool:
    """A verb outside the lexicons that may still attribute: its subject names someone and
    it has a clause (``Cruz signalled that ...``, ``Trump reckons the polls ...``).
    Whether it does is the learned scorer's call, from its lemma. An infinitive is an
    act refused or meant (``declined to discuss``), not something said."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and is_someone(c) for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _headline(
    doc: Doc, offset: int, local: Sequence[tuple[int, int]], found: Sequence[Attribution]
) -> list[Attribution]:
    """A headline's quoted words that no cue reported: the headline reports them with
    all that follows its verb (``Black Lawmakers Rip Donald Trump As A ‘Disgusting
    Fraud.’``) or its colon (``Obama on Climate Change: The Trends Are 'Terrifying.'``),
    for the subject of the verb or the name before the colon."""
    reported = [(s - offset, e - offset) for a in found for s, e in a.spans]
    for start, end in local:
        if any(s <= start and end <= e for s, e in reported):
            continue
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            continue
        sentence = first.sent
        colon = next((t for t in doc[: first.start] if t.text == ":"), None)
        if colon is not None:
            cue, source = colon, _label_head(doc[: colon.i])
        else:
            cue = sentence.root
            source = _headline_subject(cue)
        if source is None or cue.i >= first.start or cue.pos_ not in {"VERB", "AUX", "PUNCT"}:
            continue
        content = _strip(doc[cue.i + 1 : sentence.end])
        c_start, c_end = _stretched(content.start_char, content.end_char, local)
        return [
            Attribution(
                spans=[(c_start + offset, c_end + offset)],
                type="mixed",
                cue=_mention(cue, offset),
                source=_mention(source, offset),
                rule="headline",
                confidence=0.4,
                quoted=_held(local, c_start, c_end, offset),
            )
        ]
    return []


def _label_head(label: Span) -> Span | None:
    """The noun a headline's label before its colon is about (``Obama`` in ``Obama on
    Climate Change``), unless the label is page furniture or a clause."""
    if not len(label) or label.text.lower() in words("colon_labels"):
        return None
    head = label.root
    if head.pos_ not in {"PROPN", "NOUN"} or any(t.pos_ in {"VERB", "AUX"} for t in label):
        return None
    return _phrase(head)


def _headline_subject(verb: Token) -> Span | None:
    """The nouns before a headline's verb. Even parsed in sentence case, a title's
    subject may come out as loose compounds (``Gold Star Mom Corners Obama``)."""
    lefts = [c for c in verb.lefts if c.dep_ in SUBJECTS or c.dep_ == "compound"]
    if not lefts or lefts[0].left_edge.i != verb.sent.start:
        return None
    subject = verb.doc[verb.sent.start : verb.i]
    return subject if any(t.pos_ in {"NOUN", "PROPN"} for t in subject) else None


def _claims(
    doc: Doc, offset: int, local: Sequence[tuple[int, int]], covered: Sequence[tuple[int, int]]
) -> list[Attribution]:
    """Nominal cues: ``Trump's claim that ...``, ``made the promise that ...``, ``an
    assessment from the Council that ...``.

    A noun from ``lexicons/speech_nouns.txt`` or a document with a ``that`` clause
    reports that clause for its `_claimant`; without one there is no one to
    attribute it to. A clause quoted whole (``declaration that “...”``) is a
    direct quote, one with some quoted words a mixed one.
    """
    found = []
    for noun in doc:
        clause = _claim_clause(noun)
        source = _claimant(noun) if clause is not None else None
        if clause is None or source is None:
            continue
        clause_span = _strip(doc[clause.left_edge.i : clause.right_edge.i + 1])
        stretched = _stretched(clause_span.start_char, clause_span.end_char, local)
        content = doc.char_span(*stretched, alignment_mode="expand")
        if len(content) < 3 or any(
            s < content.end_char and content.start_char < e for s, e in covered
        ):
            continue
        inside = _held(local, content.start_char, content.end_char, offset)
        whole = inside and not any(
            t.is_alpha and t.dep_ != "mark" and not any(s <= t.idx + offset < e for s, e in inside)
            for t in content
        )
        spans = inside if whole else [(content.start_char + offset, content.end_char + offset)]
        found.append(
            Attribution(
                spans=spans,
                type="direct" if whole else "mixed" if inside else "indirect",
                cue=_mention(noun, offset),
                source=_mention(source, offset),
                rule="claim-noun",
                confidence=0.6,
                quoted=inside,
            )
        )
    return found


def _claimed(root: Token | None, start: int, end: int) -> bool:
    """The quoted passage lies in the clause of a nominal cue that has a claimant."""
    if root is None:
        return False
    outside = [t for t in root.ancestors if not start <= t.idx < end]
    # the noun itself, or the noun whose clause the quote sits in (``claim that there
    # have been “thousands of shootings”``: the clause's verb comes first)
    for noun in outside[:2]:
        clause = _claim_clause(noun)
        if clause is not None and (noun is outside[0] or clause == outside[0]):
            return _claimant(noun) is not None
    return False


def _according_to(doc: Doc, offset: int, local: Sequence[tuple[int, int]]) -> list[Attribution]:
    found = []
    for token in doc:
        if token.lower_ != "according" or any(s <= token.idx < e for s, e in local):
            continue  # "'It's according to age groups,' said ...": the speaker's own words
        to = next((c for c in token.children if c.lower_ == "to"), None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        if not objects:
            continue
        sentence = token.sent
        phrase = doc[token.i : _object_end(objects[0]) + 1]
        before = doc[sentence.start : phrase.start]
        after = doc[phrase.end : sentence.end]
        content = _trim(_side_reported(token, before, after))
        if content is None or any(s <= content.start_char < e for s, e in local):
            continue
        inside = _held(local, content.start_char, content.end_char, offset)
        found.append(
            Attribution(
                spans=[(content.start_char + offset, content.end_char + offset)],
                type="mixed" if inside else "indirect",
                cue=_mention(doc[token.i : to.i + 1], offset),
                source=_mention(_phrase(objects[0]), offset),
                rule="according-to",
                confidence=0.7,
                quoted=inside,
            )
        )
    return found


def _side_reported(according: Token, before: Span, after: Span) -> Span:
    """Which side of ``according to X`` is what X says: one with a verb, the one the
    phrase hangs on, else the longer. After the source there may be only a when and a
    comparison (``..., according to a poll last week - virtually the same as Trump's``);
    what comes before it may be another clause (``the reality of trafficking routes,
    which, according to UN data, see 80% of ...``)."""
    return max(
        (before, after),
        key=lambda side: (
            any(t.pos_ in {"VERB", "AUX"} for t in side),
            side.start <= according.head.i < side.end,
            len(side),
        ),
    )


def _object_end(source: Token) -> int:
    """Where ``according to X`` ends. A parse that hangs the rest of the sentence on X
    when the phrase opens it (``According to radio host Rush Limbaugh, the move reeks
    of “fear”``: the move an apposition of Limbaugh) ends it at the first comma after
    the name. At the end of a sentence, what follows the name is about the name
    (``..., according to Andrew McCarthy, who prosecuted ...``)."""
    end = source.right_edge.i
    sentence = source.sent
    opens = sum(t.is_alpha for t in source.doc[sentence.start : source.head.head.i]) <= 1
    if not opens or not all(t.is_punct for t in source.doc[end + 1 : sentence.end]):
        return end
    comma = next((t for t in source.subtree if t.i > source.i and t.text == ","), None)
    return comma.i - 1 if comma is not None else end
