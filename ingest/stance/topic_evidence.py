"""What counts toward a topic besides attitudes to its terms: the topic's own evidence.

A quote filed under a ``Topic`` is read with what its user knows and a
sentence does not state:

* its framing: the topic's own framing terms (``[framing]`` in its TOML) take
  their side, and phrases that question legality (``lexicons/stance_doubt.txt``)
  or say evidence is missing (``lexicons/stance_warrants.txt``) oppose it;
* its premises (``[premise]``): asserting one supports the topic, doubting or
  denying it opposes it;
* a few labelled example quotes (``[[examples]]``): the most alike, by shared
  content words, leans the quote its way;
* what a quote that names none of the topic's terms is about: the noun phrase
  its reporting verb bears on and the pronouns agreeing with it, or, naming no
  opponent either, its pronouns or main verbs; and whether the quote is a
  claim, whose denial takes the other side.

``signals.py`` weighs these into the quote's signal toward the topic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..parse import load_nlp
from .lexicon import Lexicon
from .mentions import SUBJECTS, Lookup, noun_phrase, phrases_in, pronouns
from .polarity import _negated
from .topic import SIDES, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EXAMPLE_LIKENESS = 0.4
"""Share of content words (cosine over lemma sets) a quote must have in common
with an example to lean its way."""

EMBEDDED = frozenset({"ccomp", "xcomp", "acl", "advcl", "relcl", "pcomp", "pobj", "prep"})
"""Links from a clause up to what embeds it (``no evidence that ...``)."""
PRONOUNS = frozenset({"it", "this", "that", "they", "them", "these", "those"})
LACKING = frozenset({"lack", "absence", "want", "shortage"})


def _missing(span: Span) -> bool:
    """Whether a phrase is said to be lacking: ``no evidence``, ``without
    authorization``, ``the absence of proof``, ``rather than evidence``."""
    token = span.root
    of_a_lack = token.head.lower_ == "of" and token.head.head.lemma_.lower() in LACKING
    return (token.dep_ == "pobj" and of_a_lack) or _negated(token)


def _cue_lemma(cue: str | None, vocabulary: Container[str]) -> str | None:
    """The word of ``vocabulary`` a reporting verb given as text is a form of."""
    for word in reversed((cue or "").lower().split()):
        stems = {
            word,
            re.sub(r"(ed|d|s|es|ing)$", "", word),
            re.sub(r"ied$", "y", word),
            re.sub(r"([^aeiou])\1(ed|ing)$", r"\1", word),
        }
        for stem in stems:
            for form in (stem, stem + "e"):
                if form in vocabulary:
                    return form
    return None


# --- what the topic's user knows -----------------------------------------


@cache
def _claim_slots(claim: str) -> tuple[tuple[str, ...], ...]:
    """The content words of a claim, each with its alternatives
    (``boat/vessel``); function words (``the``, ``are``) are left out."""
    from spacy.lang.en.stop_words import STOP_WORDS

    slots = (tuple(a for a in word.lower().split("/") if a) for word in claim.split())
    return tuple(s for s in slots if s and not (len(s) == 1 and s[0] in STOP_WORDS))


def _claims_made(text: Lookup, topic: Topic, lexicon: Lexicon) -> list[tuple[float, str]]:
    """The topic's premises a text states, +1 if asserted and -1 if doubted:
    every content word of the claim (or an alternative) in one sentence."""
    made = []
    for claim in topic.premises:
        slots = [phrases_in(text, alternatives, ()) for alternatives in _claim_slots(claim)]
        for sent in text.doc.sents:
            found = [[s for s in spans if sent.start <= s.start < sent.end] for spans in slots]
            if found and all(found):
                doubted = _doubted([spans[0].root for spans in found], lexicon)
                made.append((-1.0 if doubted else 1.0, claim))
                break
    return made


def _doubted(words: list[Token], lexicon: Lexicon) -> bool:
    """Whether the clause joining a claim's words is denied or questioned: a
    negation on one of them or on the clause (``they are not terrorists``), or
    a clause it is embedded in that denies, doubts or finds no evidence for it
    (``there is no evidence the boats carried drugs``)."""
    clause = _common_ancestor(words)
    if any(_negated(t) for t in (*words, clause)):
        return True
    token = clause
    while token.dep_ in EMBEDDED and token.head.i != token.i:
        token = token.head
        if _negated(token) or token.lemma_.lower() in lexicon.denials:
            return True
        if token.lemma_.lower() in lexicon.warrants and _missing(token.doc[token.i : token.i + 1]):
            return True
    return False


def _common_ancestor(tokens: Sequence[Token]) -> Token:
    """The lowest token that is, or governs, all of ``tokens``."""
    shared = set.intersection(*({t.i, *(a.i for a in t.ancestors)} for t in tokens))
    return next(t for t in (tokens[0], *tokens[0].ancestors) if t.i in shared)


@cache
def _example_words(topic: Topic) -> tuple[tuple[frozenset[str], float, str], ...]:
    """Each labelled example of a topic as its content lemmas, side and text."""
    docs = load_nlp().pipe(text for text, _ in topic.examples)
    return tuple(
        (_content_lemmas(doc), SIDES[stance], text)
        for (text, stance), doc in zip(topic.examples, docs, strict=True)
    )


def _content_lemmas(doc: Doc | Span) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop)


def _nearest_example(doc: Doc, topic: Topic) -> tuple[float, float, str] | None:
    """The labelled example most like the text, if it is alike enough: its
    likeness (cosine of content lemma sets), side and text."""
    words = _content_lemmas(doc)
    alike = [
        (len(words & example) / math.sqrt(len(words) * len(example)), side, text)
        for example, side, text in _example_words(topic)
        if words and example
    ]
    best = max(alike, default=None)
    return best if best is not None and best[0] >= EXAMPLE_LIKENESS else None


def _stand_ins(doc: Doc) -> list[Span]:
    """What a quote that names no target is taken to be about.

    A quote filed under a topic is about it, so a pronoun (``it is a moral
    failure``) stands for the topic, or failing that each sentence's main verb.
    """
    return pronouns(doc, PRONOUNS) or [doc[s.root.i : s.root.i + 1] for s in doc.sents]


def _referred_back(doc: Doc) -> list[Span]:
    """The noun phrase a quote is, and the pronouns that agree with it in
    number and so may refer back to it (``the action, calling it a moral
    failure``): what its reporting verb bears on, taken to be the topic."""
    head = next(doc.sents).root
    plural = head.tag_ in ("NNS", "NNPS")
    agreeing = ("they", "them", "these", "those") if plural else ("it", "this", "that")
    return [doc[head.i : head.i + 1], *pronouns(doc, agreeing)]


def _is_claim(doc: Doc, lexicon: Lexicon) -> bool:
    """Whether a quote states a claim, so that denying it takes the other
    side: a clause with a subject, or a noun naming a claim (``allegations
    of ...``), not a noun phrase naming a thing."""
    root = next(doc.sents).root
    has_subject = any(c.dep_ in SUBJECTS for c in root.children)
    if root.lemma_.lower() in lexicon.claim_nouns and not has_subject:
        return True
    return root.pos_ in ("VERB", "AUX") and has_subject


def _names_other_object(doc: Doc, opponents: Sequence[Span], lexicon: Lexicon) -> bool:
    """Whether a quote is the noun phrase its reporting verb bears on and that
    phrase is not an opponent: ``condemned | the action, saying the cartels
    ...`` condemns the action, whichever opponents are named further in. A
    quote that is a claim leaves the verb's object to the sentence around it.
    """
    root = next(doc.sents).root
    heads = any(noun_phrase(m.root) == root for m in opponents)
    return not heads and not _is_claim(doc, lexicon)
