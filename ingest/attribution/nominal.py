"""Reports made by a noun or a phrase rather than a verb: a speech noun or a document
with a ``that`` clause (``Trump's claim that ...``) for its claimant, and ``according
to X`` for X, with which side of the phrase X says.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from .candidate import Attribution, _mention
from .cues import _claim_clause
from .edges import _stretched, _strip, _trim
from .named_sources import _claimant
from .reports import _held
from .source_phrases import _phrase


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
    """The reports ``according to X`` makes in a paragraph: X's, of the side of the
    sentence the phrase hangs on (`_side_reported`), outside any quotation marks."""
    found = []
    for token in doc:
        if token.lower_ != "according" or any(s <= token.idx < e for s, e in local):
            continue  # "'It's according to age groups,' said ...": the speaker's own words
        to = next((c for c in token.children if c.lower_ == "to"), None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        if not objects:
            continue
        # a phrase the parse broke into several objects ("co", "-", "Nwosu" in "according
        # to co-founder and CEO Adaeze Nwosu"): the one that names someone
        source = next((o for o in objects if o.ent_type_ in {"PERSON", "ORG"}), objects[0])
        sentence = token.sent
        phrase = doc[token.i : max(_object_end(o) for o in objects) + 1]
        named = _named_before_comma(to, source)
        if named is not None:
            phrase = doc[token.i : named.end]
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
                source=_mention(named if named is not None else _phrase(source), offset),
                rule="according-to",
                confidence=0.7,
                quoted=inside,
            )
        )
    return found


def _named_before_comma(to: Token, source: Token) -> Span | None:
    """The source when the parse made what follows ``According to X,`` the object of
    ``to``: in ``According to the PRO, items recovered from the suspects include ...``
    it read ``PRO`` as a modifier of ``items``. The source is what comes before the
    comma; None when no comma comes between ``to`` and its object."""
    doc = to.doc
    comma = next((t for t in doc[to.i + 2 : source.i] if t.text == ","), None)
    return doc[to.i + 1 : comma.i] if comma is not None else None


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
