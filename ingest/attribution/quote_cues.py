"""Which cue reports a quoted passage: the nearest speech verb outside any quote in the
sentences around it (`_cue_for`), or the cues above it in the parse
(`_governing_cues`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from .cue_grammar import SUBJECTS, opened_by_that
from .cues import is_cue, puts_it

_CUE_REACH = 6  # tokens into the next sentence where a cue can still close a quote


def _cue_for(doc: Doc, start: int, end: int, blocked: Sequence[tuple[int, int]]) -> Token | None:
    """The nearest speech verb outside any quote in the sentences around [start, end)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    around = doc[first[0].sent.start : first[-1].sent.end]
    own_end = around.end
    if around.end < len(doc) and around.end - first.end <= 1:
        # the quote ends its sentence ("...?" she said.): look at the start of the next one
        following = doc[around.end].sent
        reach = following.start + _CUE_REACH
        if (said := _said_by_subject(following)) is not None:
            reach = said.i + 1  # "...!" Scott's niece, state Del. Marcia Price, shouted
        around = doc[around.start : min(following.end, reach)]
    candidates = [
        token
        for token in around
        if is_cue(token)
        and not any(s <= token.idx < e for s, e in blocked)
        and (token.i < own_end or not _introduces(token, blocked))
        and not _in_own_event(token, first.end)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (_put_to(t), min(abs(t.idx - start), abs(t.idx - end))))


def _said_by_subject(sentence: Span) -> Token | None:
    """The speech verb of a sentence that opens with its subject, however long, and goes
    on with it: a cue that closes the quote before it even past ``_CUE_REACH``; or with
    one heard (``a Conservative MP could be heard shouting``)."""
    root = sentence.root
    subjects = [c for c in root.lefts if c.dep_ in SUBJECTS]
    cue = root if is_cue(root) else _heard(root)
    auxiliaries = {"aux", "auxpass", "neg"}
    if (
        cue is None
        or len(subjects) != 1
        or subjects[0].left_edge.i != sentence.start
        or not all(
            t.is_punct or t.dep_ in auxiliaries
            for t in sentence.doc[subjects[0].right_edge.i + 1 : root.i]
        )
    ):
        return None
    return cue


def _heard(verb: Token) -> Token | None:
    """The speech verb someone was heard or seen at: ``shouting`` in ``could be heard
    shouting``, ``saying`` in ``was caught on video saying``."""
    if verb.lemma_ not in _PERCEIVED:
        return None
    return next((c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and is_cue(c)), None)


_PERCEIVED = frozenset({"hear", "overhear", "see", "catch", "record", "film"})


def _put_to(cue: Token) -> bool:
    """A bare participle (``when asked what ...``): what someone was asked, a weaker cue
    for the quote than the verb of the answer (``“...,” she said ... when asked ...``)."""
    return (
        cue.tag_ in {"VBN", "VBD"}
        and (cue.tag_ == "VBN" or cue.dep_ == "advcl" or (cue.dep_ == "acl" and not _told_by(cue)))
        and not any(c.dep_ in SUBJECTS for c in cue.children)
    )


def _told_by(cue: Token) -> bool:
    """A past tense the parse hung on the noun right before it, which is its subject (``a
    man yelled “Stay there!”``): a speaker's verb, not a participle."""
    return cue.tag_ == "VBD" and cue.head.i == cue.i - 1 and cue.head.pos_ in {"NOUN", "PROPN"}


_EVENT_MARKS = frozenset(
    {"when", "after", "because", "while", "before", "since", "until", "although", "though"}
)
"""Words that open a clause telling of another event: ``"...," when his rival attacked him``."""


def _in_own_event(cue: Token, after: int) -> bool:
    """A verb after the quote (which ends before token ``after``) in a clause of its own,
    opened by ``when``, ``after``, ``because``...: it tells what happened then, it does
    not say who spoke the quote (``as`` can: ``"...," as he put it``)."""
    return cue.i >= after and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _EVENT_MARKS and after <= c.i < cue.i
        for c in cue.children
    )


def _introduces(cue: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """A quoted passage follows the cue within its clause: ``To which she said, "..."``
    reports that passage, not the one before."""
    return any(cue.idx < t.idx and any(s <= t.idx < e for s, e in quoted) for t in cue.subtree)


def _governing_cues(
    root: Token, start: int, end: int, governs: Callable[[Token], bool] = is_cue
) -> list[tuple[Token, Token]]:
    """The verbs above a quoted passage for which ``governs`` holds (speech verbs by
    default), innermost first, each with its child on the way down to the passage."""
    found = []
    child = root
    for ancestor in root.ancestors:
        if start <= ancestor.idx < end:
            child = ancestor
            continue
        if found and child.dep_ in {"advcl", "conj"} and is_cue(child):
            break  # "condemned the action, calling it a 'failure'": calling is its own act
        if (
            governs(ancestor)
            and not puts_it(ancestor)  # "as she put it in Raleigh, where she promised '...'"
            and not _in_subject(ancestor, child)
            and not _reports_after(ancestor, child)
        ):
            found.append((ancestor, child))
        child = ancestor
    return found


def _reports_after(cue: Token, child: Token) -> bool:
    """The passage lies in a clause before the cue, which reports a ``that`` clause after
    it: ``He pledged to be "the greatest jobs president" and cast doubt on the rate,
    suggested that it could be 42 percent`` (the parse hangs the first verbs on the
    last). A report fronted before its cue (``"...," he suggested``) never has a
    ``that`` clause after the cue as well: the passage is another act of the speaker's.
    Not a cue with a subject of its own, which may interrupt a relative clause (``because
    of the "impact," Jacobs said, that he's had``)."""
    children = list(cue.children)
    return (
        child.i < cue.i
        and not any(c.dep_ in SUBJECTS for c in children)
        and any(c.dep_ == "ccomp" and c.i > cue.i and opened_by_that(c) for c in children)
    )


def _in_subject(verb: Token, child: Token) -> bool:
    """The quote lies in the verb's subject phrase (``child``), so the verb does not
    report it; a verb above may ('"...," said one Democrat familiar with it, who added
    that the White House seemed "rattled"'; ``Holm said that the ad "unmistakably"
    suggests ...``). Not the subject of a passive, which is what was said (``"American
    Skin" was written by Springsteen``), nor a report the parse took for the subject of
    an inverted cue, which has a second subject after it (``The rejection signals "the
    beginning of the end" for the EU, said Geert Wilders``)."""
    if child.dep_ != "nsubj":
        return False
    return child.i > verb.i or not any(c.dep_ in SUBJECTS and c.i > verb.i for c in verb.children)
