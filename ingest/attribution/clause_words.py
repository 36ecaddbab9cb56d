"""Which words of a reported clause were said: the clause a cue governs, less the
cue's own words, the speaker's next act trailing it and what another source said
set against it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cue_grammar import SUBJECTS, opened_by_that
from .cues import is_cue
from .edges import _strip


def _without(head: Token, cue: Token) -> list[Span]:
    """``head``'s subtree minus the cue's own words (and any speech verb coordinated with it).

    A clause that wraps around its cue (``a balancing act that analysts say reflects a
    desire ...``, where the parse gives ``reflects`` the relative ``that``) loses the
    words that are not its own, the cue and its speaker, and the relative pronoun.
    """
    doc = cue.doc
    inside = head in cue.ancestors  # a parenthetical cue sits within the clause
    dropped = {t.i for t in cue.subtree} if inside else set()
    if not inside and head.left_edge.i < cue.i < head.right_edge.i:
        own = {t.i for t in head.subtree}
        dropped.update(i for i in range(head.left_edge.i, head.right_edge.i + 1) if i not in own)
        dropped.update(
            t.i
            for t in head.children
            if t.i < cue.i and t.dep_ in SUBJECTS and t.lower_ in {"that", "which", "who"}
        )
    for child in head.children:
        if child.dep_ == "conj" and is_cue(child) and not opened_by_that(child):
            # "said it was reviewing the study and that its guidance advises ...": more said
            dropped.update(t.i for t in child.subtree)
            dropped.update(t.i for t in head.children if t.dep_ == "cc" and t.i < child.i)
    for token in head.subtree:  # "..., saying ..." at its end reports words of its own
        if _trailing_participle(token, head, cue) or _set_against(token, cue):
            dropped.update(range(token.left_edge.i, token.right_edge.i + 1))
    spans: list[Span] = []
    run: list[int] = []
    for token in doc[head.left_edge.i : head.right_edge.i + 1]:
        if token.i in dropped:
            if run:
                spans.append(doc[run[0] : run[-1] + 1])
            run = []
        else:
            run.append(token.i)
    if run:
        spans.append(doc[run[0] : run[-1] + 1])
    spans = [_strip(span) for span in spans]
    spans = [span for span in spans if not all(t.is_punct for t in span)]
    return spans if sum(len(span) for span in spans) >= 3 else []


def _set_against(token: Token, cue: Token) -> bool:
    """``said the government had "lost control," while the Bloc said the budget ignored
    Quebec``: what another source said, set against the report, is theirs (its own record)."""
    return (
        token.dep_ == "advcl"
        and token.i > cue.i
        and is_cue(token)
        and any(c.dep_ == "mark" and c.lower_ in {"while", "whereas"} for c in token.children)
        and any(c.dep_ in SUBJECTS for c in token.children)
    )


def _trailing_participle(token: Token, head: Token, cue: Token) -> bool:
    """``saying`` in ``argued that a database would keep people out, saying it is "all
    about management"``: a speech participle that ends the clause is its speaker's next
    statement (its own record), not part of the clause it trails. The parse often hangs
    it inside the reported clause, as a clause of its own or joined to the last words
    (``saying he has been a leader in hiring veterans and calling him "a patriot"``)."""
    ends = (
        token is not cue
        and token.tag_ == "VBG"
        and token.left_edge.i > head.left_edge.i
        and token.right_edge.i >= head.right_edge.i - 1
    )
    if not ends:
        return False
    if token.dep_ in {"advcl", "conj"} and is_cue(token):
        return True
    # ``"Too much hate," she said, blaming some of it on Trump``: right after the cue, a
    # participle the writer adds about the speaker, outside the quotation marks (not
    # ``..., he said, for how coal can go on, while reducing its impact``)
    return (
        token.dep_ in {"advcl", "acl"}
        and token.left_edge.i == token.i
        and cue.right_edge.i < token.i <= cue.right_edge.i + 2
        and token.doc[token.i - 1].text == ","
    )
