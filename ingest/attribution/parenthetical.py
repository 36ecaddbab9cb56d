"""A cue set off by commas inside what it reports: ``A, officials said, B``.

The commas say what the parse often does not, so this reads them rather than the
tree: which words on either side are the report, and when the cue is a relative
clause or the words after it are the speaker's next act instead.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import is_cue, put_to_them
from .edges import _strip


def _parenthetical(cue: Token) -> list[Span] | None:
    """``A, officials said, B``: the sentence on both sides of a report set off by
    commas inside what it reports.

    The commas say what the parse often does not: it hangs such a cue on an
    auxiliary (``Even then, he said, he's learned ...``), makes it the root with
    the report its conjunct, or a clause of the report's verb (``If she wins,
    Clinton suggested in a tweet, women won't be punished``). One comma comes
    right before the cue's subject, the other right after the verb and the few
    words of time or place that go with it (``said on Saturday``). A relative
    clause (``Sanders, who said ..., won``) is none; one it interrupts (``the
    stadium, which, he said, is full``) is what it reports.
    """
    doc, sentence = cue.doc, cue.sent
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in {"WP", "WDT"}:
        return None
    opening = subject.left_edge.i - 1
    between = doc[subject.right_edge.i + 1 : cue.i]  # "also", "has": the verb's own
    if (
        opening <= sentence.start
        or doc[opening].text != ","
        or any(t.head != cue or t.dep_ not in {"advmod", "aux", "neg"} for t in between)
    ):
        return None
    closing = next((t.i for t in doc[cue.i + 1 : sentence.end] if t.text == ","), None)
    if closing is None or closing - cue.i > _CUE_PHRASE:
        return None
    # "said on Saturday", "told reporters": not "described Johnson, an heir to ..., as"
    phrase = [c for c in cue.rights if c.i < closing]
    own = {t.i for c in phrase for t in c.subtree}
    if not own >= set(range(cue.i + 1, closing)) or any(
        c.dep_ not in _CUE_PHRASE_DEPS and not (c.dep_ == "dobj" and cue.lemma_ == "tell")
        for c in phrase
    ):
        return None
    start, end = sentence.start, sentence.end
    if doc[opening - 1].tag_ in {"WDT", "WP", "WRB"}:  # "the stadium, which, he said, is ..."
        start = opening - 1
        relative = next((t for t in doc[start].ancestors if t.i > closing), None)
        end = relative.right_edge.i + 1 if relative is not None else end
        while start - 2 >= sentence.start and doc[start - 1].lower_ == "of":
            start = doc[start - 2].left_edge.i  # "all of which"
    else:  # the clause it interrupts, not one joined before it ("..., but at that point")
        joints = [
            t.i + 1 for t in doc[start:opening] if t.dep_ == "cc" and doc[t.i - 1].text == ","
        ]
        start = max(joints, default=start)
    after = _strip(doc[closing + 1 : end])
    if sum(t.is_alpha for t in after) < 2 or _goes_on(cue, after):
        return None
    if (
        start >= opening
        or (doc[opening - 1].dep_ == "cc" and opening - 1 > start)
        or put_to_them(doc[start])  # "Asked how many ..., he said, ...": the question
        or doc[opening - 1].tag_ == "WRB"  # "a farm, where, she says, ...": what she says of it
    ):
        return [after]  # "to help his clients and, he argued, to help stabilize Ukraine"
    return [_strip(doc[start:opening]), after]


def _goes_on(cue: Token, after: Span) -> bool:
    """The words after the closing comma are the cue's own next act (``A, Spicer said,
    adding, "B."``) or how it was said (``A, the sources said, speaking on condition of
    anonymity``): a speech verb or a participle of speaking hung on the cue, not the rest of
    what it reports; or a noun phrase set beside the report (``..., the coach said Monday,
    a blow to a team that had won five straight``), the writer's comment on it."""
    top = next((t for t in after if not after.start <= t.head.i < after.end), None)
    if top is not None and top.dep_ == "appos" and top.pos_ == "NOUN" and top.head.i < after.start:
        return True  # "..., coach Dale Whitford said Monday, a blow to a team that ...": the
        # writer's word on the news, set beside it
    return (
        top is not None
        # hung on the cue, or beside it on the report the parse hung the cue on
        and (top.head == cue or (cue.dep_ == "parataxis" and top.head == cue.head))
        and top.dep_ in {"advcl", "conj", "xcomp"}
        and (is_cue(top) or speaking_how(top))
    )


def speaking_how(participle: Token) -> bool:
    """A participle of a verb of speaking that takes no report, which says how the words
    were given (``speaking on condition of anonymity``, ``talking to reporters``), not
    what they were."""
    return participle.tag_ == "VBG" and participle.lemma_.lower() in {"speak", "talk"}


_CUE_PHRASE = 5
"""The most tokens from a parenthetical cue to its closing comma (``said on Saturday``)."""
_CUE_PHRASE_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative", "prt"})
"""What may follow a parenthetical cue before its closing comma: when, where, to whom."""
