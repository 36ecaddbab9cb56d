"""The rules that propose attributions in one paragraph, in the order they are tried: a
quoted passage with its governing cue, a framing verb, the nearest cue, a colon or
signature (`marks`), a carried-on speaker (`reports` says which report a quote belongs
to); then cue verbs with a clause, ``according to`` and nominal claims (`nominal`), and
the headline (`headlines`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..parse import text_of
from ..quotes import Quoted
from ..records import Mention
from ..speakers import NO_ONE
from .candidate import Attribution, _mention
from .content import (
    _clause_around,
    _content_spans,
    _governed,
    _reported_clause,
)
from .cue_grammar import _has_subject
from .cues import _prep_cue, _reports, is_cue, is_thought, put_to_them, speech_verbs
from .edges import _strip
from .exchanges import Exchange
from .headlines import _headline, named_after
from .marks import (
    _answered,
    _captioned,
    _credited,
    _introducer,
    _labelled,
    _signature,
    headed_post,
    signed_post,
)
from .named_sources import _named_after, _preceding_subject, _source_outside, beat_subject
from .nominal import _according_to, _claimed, _claims
from .passages import (
    _closes,
    _in_description,
    _is_utterance,
    _names_a_work,
    _nickname,
    _quote_root,
    _so_called,
    _words_in,
    describes_speaker,
    introduces,
    is_quoted_name,
    named_by_no_one,
    said_alone,
    shown_by,
)
from .quote_cues import _cue_for, _governing_cues
from .reports import (
    _before_nested_report,
    _carried_on,
    _cut_before_quotes,
    _followed_by,
    _framed_fragment,
    _held,
    _holds_another_report,
    _mixed,
    _reported,
    _reported_around,
)
from .unsaid import says_nothing


def _all_of(doc: Doc, offset: int) -> tuple[int, int]:
    """The whole paragraph as what was said, without its edge punctuation (article offsets)."""
    said = _strip(doc[:])
    return said.start_char + offset, said.end_char + offset


_ORPHAN_WORDS = 4  # a quote this long with no cue and no speaker is still a statement


def attribute(
    doc: Doc,
    offset: int,
    quoted: Sequence[Quoted],
    previous: Attribution | None,
    signed: Attribution | None = None,
    headline: bool = False,
    speakers_labelled: frozenset[str] = frozenset(),
    answering: Mention | None = None,
    turns: Exchange | None = None,
) -> list[Attribution]:
    """The attributions in one paragraph.

    ``quoted`` are the passages in this paragraph (article offsets); ``previous``
    is the last attribution of the previous paragraph (or the colon that ends
    it), for quotes that carry on its speaker; ``signed`` is the ``- Name`` line
    (or the credit) that follows the paragraph, if any; ``headline`` says the
    paragraph is the article's title; ``speakers_labelled`` the labels like
    ``RAMOS:`` that name speakers in this article (`marks.label_speakers`);
    ``answering`` who answers the article's ``Q:`` and ``A:`` lines (`marks.interviewee`);
    ``turns`` the question-and-answer exchange the article is in, if any (`exchanges`).
    """
    local = [(q.start - offset, q.end - offset) for q in quoted]
    labelled = _labelled(doc, offset, speakers_labelled, headline)
    answer = _answered(doc, offset, answering) if labelled is None else None
    if labelled is not None or answer is not None:
        labelled = labelled or answer
        labelled.quoted = [q.span for q in quoted]
        if answer is not None or labelled.source.text in speakers_labelled:
            labelled.type = "direct"  # a transcript line
        else:
            labelled.type = "mixed" if quoted else "indirect"
        return [labelled]
    if (post := headed_post(doc, offset)) is not None:
        post.quoted = [q.span for q in quoted]
        post.type = "direct" if quoted else "indirect"
        return [post]  # "[Embedded post] Kayla Brandt (@kbrandt_dev): “...”"
    if signed is not None and signed.rule == "post" and not quoted:
        # an embedded post, signed "— Name (@handle) date" on the line below: all its words
        return [replace(signed, spans=[_all_of(doc, offset)])]
    if not quoted and (post := signed_post(doc, offset)) is not None:
        return [post]  # the same, signed on its own last line
    if previous is not None and previous.introduces and not quoted and not any(speech_verbs(doc)):
        return [
            replace(
                previous,
                spans=[_all_of(doc, offset)],
                type="indirect",
                introduces=False,
                rule="introduced",
            )
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
        if (shown := shown_by(doc, start, end, local)) is not None:
            used_cues.add(shown.i)  # "signs reading "Fans Not Fines"": a slogan on show
            covered.append((start, end))
            continue
        root = _quote_root(doc, start, end)
        governing = _governing_cues(root, start, end) if root is not None else []
        if governing and says_nothing(governing[0][0]):
            continue  # "declined to discuss whether the deal was 'dead'": not their words
        if governing and named_by_no_one(governing[0][0]):
            used_cues.add(governing[0][0].i)  # "it was dubbed the “shadow firm saga”"
            continue
        if governing and _in_description(governing[0][0], start, local):
            continue  # '"...," Bill Eastland, wearing "Ted Cruz" pins, said': who he is
        if governing:
            cue = governing[0][0]
            clause = _reported_clause(governing, start, end)
            if clause is not None and put_to_them(clause[1][0]):
                continue  # quoted in the question put to the speaker: "Asked why ..., X said"
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
            # 'Trump said: "There will always be exceptions," the Times reported': his words
            cue = next((c for c, _ in governing if introduces(c, start)), cue)
        elif _claimed(root, start, end):
            continue  # reported by its noun: `_claims`
        else:
            # "acted in the movie 'Sharknado 3'": a name; "its so-called 'rainy day fund'": the
            # writer's words at arm's length (a report holding either still holds it)
            title = is_quoted_name(doc, start, end) or _so_called(doc, start, end)
            framing = None if title else _framed_fragment(doc, root, start, end)
            if framing is not None and _reported_around(doc, start, end, used_cues):
                continue  # "But, Carson added, he did not support ... 'willy-nilly'": the
                # speech verb's report holds the fragment (the cues below)
            if framing is not None and _holds_another_report(framing[1], end, local):
                continue
            if framing is not None:
                report = replace(_reported(*framing, local, offset, "framing-verb"), confidence=0.4)
                found.append(report)
                covered.extend((s - offset, e - offset) for s, e in report.spans)
                used_cues.add(framing[0].i)
                continue
            cue = _cue_for(doc, start, end, local)
            if cue is not None and named_by_no_one(cue):
                used_cues.add(cue.i)  # "the law, which was labelled "draconian","
                continue
            if cue is not None and describes_speaker(cue, start):
                continue
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
                _words_in(doc, start, end) < 3
                and not (
                    cue and (_is_utterance(doc, start, end) or said_alone(doc, start, end, cue))
                )
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
            quote = doc.char_span(start, end, alignment_mode="expand")
            if quote is None or quote[0].sent.start <= cue.i < quote[-1].sent.end:
                used_cues.add(cue.i)
            # else '..." Greene added that the Fed wants ...': a cue lent to a quote in
            # the sentence before or after still reports its own clause (below)
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
            turn = turns.speaker_of(text_of(doc)[start:end]) if turns is not None else previous
            beat = beat_subject(doc, start, end) if turns is None else None
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=turn.cue if beat is None else None,
                    source=turn.source if beat is None else _mention(beat, offset),
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
            titled = None
            if headline and named is None:
                quote = doc.char_span(start, end, alignment_mode="expand")
                titled = named_after(quote) if quote is not None else None
            if titled is not None:  # "‘I just wanted to be normal again’: Desjarlais back ..."
                named, said = titled, _mention(doc[titled.start - 1], offset)  # the colon
            elif named is not None:  # "Trump repeated his allegations. '...'": his verb
                verb = named.root.head
                said = _mention(verb, offset) if verb != named.root and is_cue(verb) else None
            else:
                said = context.cue if context else None
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=said,
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
            contents = _before_nested_report(contents, found, offset) or []
            if not contents:
                continue  # already a direct or mixed quote
            c_start, c_end = contents[0].start_char, contents[-1].end_char
            if any(s < c_end and c_start < e for s, e in covered):
                continue
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
