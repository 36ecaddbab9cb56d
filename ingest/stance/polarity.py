"""How a word leans, and what turns it around: the stance rules' word level.

A word's valence is in -1..1: an attitude word's polarity
(``lexicons/stance_cues.tsv``: condemn, praise, back, ...), else the VADER
lexicon's valence (MIT licensed, shipped in the ``vaderSentiment`` package)
over 4. Negation and refusal flip and weaken it (``rather than Y`` denies Y,
``refused to endorse Y``, ``lexicons/stance_refusals.txt``), and a concession
(``although ...``, ``... but``) counts half. The distance between two words in
the parse tree is what discounts the mood of a far-away clause.

Each word's polarity is read once per quote, as every mention of every target
weighs the words of its sentence; ``attitudes.py`` and ``topic_evidence.py``
ask here whether a word or a phrase is denied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..parse import per_doc, tokens_of
from ..speakers import is_someone
from .lexicon import Lexicon, load_lexicon
from .mentions import noun_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "neither", "nor"})
NOT_JUST = frozenset({"just", "only", "merely", "simply"})


def _set_aside(token: Token) -> bool:
    """Whether a word is in what the sentence says is not the case: ``Y`` in
    ``X rather than Y``, ``X instead of Y`` and ``X, not Y`` (``a calculated escalation,
    not a reckless one``, where the parse hangs the ``not`` on ``X``)."""
    start = noun_phrase(token).left_edge.i
    before = [t.lower_ for t in token.doc[max(start - 2, 0) : start]]
    return before in (["rather", "than"], ["instead", "of"], [",", "not"])


def _contrasted(token: Token, negation: Token) -> bool:
    """The ``not`` of ``X, not Y`` hung on ``X``, which denies ``Y``, not ``X``."""
    return any(
        c.dep_ in ("appos", "conj") and c.left_edge.i == negation.i + 1 for c in token.children
    )


def _negated(token: Token) -> bool:
    """Whether a word is denied, by a negation or a refusal (``refused to
    endorse``); ``not just X`` adds to X rather than denying it."""
    if token.head.lower_ == "without" or _set_aside(token):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in load_lexicon().refusals:
        return True
    return any(
        (child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in NEGATORS))
        and token.doc[child.i + 1 : child.i + 2].text.lower() not in NOT_JUST
        and not _contrasted(token, child)
        for child in token.children
    )


def _cue(token: Token, lexicon: Lexicon) -> float:
    """Attitude polarity of a verb or noun (not ``like`` the preposition)."""
    if token.pos_ not in ("VERB", "NOUN"):
        return 0.0
    return lexicon.cues.get(token.lemma_.lower(), 0.0)


def _valence(token: Token, lexicon: Lexicon) -> float:
    """Word valence in -1..1: an attitude word's polarity, else VADER's / 4.

    A praising adjective on a damning noun measures it rather than praises
    it (``the greatest threat``, ``a perfect disaster``), so it takes the
    noun's sign.
    """
    if cue := _cue(token, lexicon):
        return cue
    value = _vader(token, lexicon)
    if token.lower_ in lexicon.sympathy and _of_people(token):
        return abs(value)  # "poor youths": pity for them, no verdict on them
    if token.dep_ == "amod" and value > 0 and _vader(token.head, lexicon) < 0:
        return -value
    return value


def _of_people(word: Token) -> bool:
    """An adjective said of people: on a noun for them (``poor youths``) or the
    complement of a copula whose subject is one (``the families are desperate``)."""
    if word.dep_ == "amod":
        noun = word.head
    elif word.dep_ == "acomp":
        noun = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
    else:
        return False
    return noun is not None and is_someone(noun)


def _vader(token: Token, lexicon: Lexicon) -> float:
    value = lexicon.valence.get(token.lower_) or lexicon.valence.get(token.lemma_.lower(), 0.0)
    return value / 4


def _polarities(doc: Doc, lexicon: Lexicon) -> list[float]:
    """Each word's valence, with negation on the word or its head flipping and
    weakening it, by token index: worked out once per quote, as each mention of
    each target weighs the words of its sentence."""

    def read() -> list[float]:
        tokens = tokens_of(doc)
        values = [_valence(token, lexicon) for token in tokens]
        for token, value in zip(tokens, values, strict=True):
            if value and (_negated(token) or _negated(token.head)):
                values[token.i] = value * -0.6
        return values

    return per_doc(doc, "quotedb.polarity", read)


def _denied(token: Token) -> bool:
    """Whether a mention is denied by a negation on it or on a word it hangs
    from; ``not ... X alone`` adds to X, as ``not just X`` does."""
    if any(t.lower_ == "alone" for t in token.doc[token.i + 1 : token.right_edge.i + 2]):
        return False
    return any(_negated(t) for t in (token, *token.ancestors))


def _weakened(doc: Doc, lexicon: Lexicon) -> set[int]:
    """Indices of tokens in a conceded part: before ``but``, inside ``although``."""
    weak: set[int] = set()
    for token in tokens_of(doc):
        if token.lower_ not in lexicon.contrast:
            continue
        if token.dep_ == "mark":
            weak.update(t.i for t in token.head.subtree)
        elif token.dep_ in ("cc", "advmod") and token.i > token.sent.start:
            weak.update(range(token.sent.start, token.i))
    return weak


def _distance(a: Token, b: Token) -> int:
    ancestors_a = [a, *a.ancestors]
    ancestors_b = [b, *b.ancestors]
    common = next((t for t in ancestors_a if t in ancestors_b), None)
    if common is None:
        return 8
    return ancestors_a.index(common) + ancestors_b.index(common)


def _said_outright(span: Span) -> bool:
    """Whether a phrase is used, not denied with a ``not`` on its head."""
    return not any(
        child.dep_ == "neg" and child.i not in range(span.start, span.end)
        for child in span.root.children
    )
