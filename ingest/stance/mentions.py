"""Where a text mentions a name, a term or a phrase: the one matcher stance uses.

Names are matched word by word, forgiving truncation (``Sander`` for
``Sanders``, as the Directed Sentiment annotators cut them), articles and
possessives; phrases (framing terms, doubts, premises) match on surface form or
lemma, stepping over adjectives. Every stance part finds its words here.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..names import fold
from ..parse import per_doc, tokens_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STOP = frozenset({"the", "a", "an", "of", "and", "'s", "’s"})
PRENOMINAL = frozenset({"poss", "compound", "amod", "nmod"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """A word as names are compared everywhere (`names.fold`), without a possessive.
    Cached: every target and phrase of every quote reads the same paragraph's words."""
    return re.sub(r"['`]s?$", "", fold(text)).strip(".,;:!?\"'()")


@cache
def _words(phrase: str) -> tuple[str, ...]:
    words = (_norm(w) for w in re.split(r"[\s\-–—/]+", phrase))
    return tuple(w for w in words if w and w not in STOP)


def _same_word(text: str, word: str) -> bool:
    """Equal, or one a truncation of the other (``Sander``/``Sanders``)."""
    if text == word:
        return True
    short, long = sorted((text, word), key=len)
    return len(short) >= 3 and len(long) - len(short) <= 3 and long.startswith(short)


def find_mentions(doc: Doc | Span, phrase: str, *, lenient: bool = True) -> list[Span]:
    """Spans of ``doc`` that mention ``phrase``, matched word by word.

    Articles, possessive markers and punctuation are skipped, and a word may be
    truncated. With ``lenient``, a many-word name is also found by any one of
    its capitalised words (``Donald J. Trump`` → ``Trump``), which is how news
    text refers back to people and organisations.
    """
    return mentions_of(doc, [phrase], lenient=lenient)


@dataclass(frozen=True)
class _Indexed:
    """A text's words that can start a name, normalised, and where each three-letter
    prefix occurs: built once per text (kept in its doc's ``user_data``), since
    every target, speaker and phrase of a quote is looked up in the same words."""

    tokens: list[Token]
    norms: list[str]
    by_prefix: dict[str, list[int]]

    @classmethod
    def of(cls, doc: Doc | Span) -> _Indexed:
        key = ("quotedb.mentions", doc[:].start, doc[:].end)
        return per_doc(doc.doc, key, lambda: cls._read(doc))  # a Doc is its own doc

    @classmethod
    def _read(cls, doc: Doc | Span) -> _Indexed:
        words = tokens_of(doc) if doc.doc is doc else doc  # a Span is read as it is
        pairs = [(t, _norm(t.text)) for t in words if not t.is_punct]
        kept = [(t, norm) for t, norm in pairs if norm and norm not in STOP]
        by_prefix: dict[str, list[int]] = {}
        for i, (_, norm) in enumerate(kept):
            by_prefix.setdefault(norm[:3], []).append(i)
        return cls([t for t, _ in kept], [norm for _, norm in kept], by_prefix)


def mentions_of(doc: Doc | Span, phrases: Iterable[str], *, lenient: bool) -> list[Span]:
    """``find_mentions`` for each of ``phrases``, trying only the words that share a
    phrase's first three letters."""
    phrases = list(phrases)
    if not phrases:
        return []
    indexed = _Indexed.of(doc)
    tokens, norms, by_prefix = indexed.tokens, indexed.norms, indexed.by_prefix
    found = []
    for phrase in phrases:
        words = _words(phrase)
        if not words:
            continue
        matched = [
            tokens[i].doc[tokens[i].i : tokens[i + len(words) - 1].i + 1]
            for i in by_prefix.get(words[0][:3], ())
            if i + len(words) <= len(tokens)
            and all(_same_word(n, w) for n, w in zip(norms[i : i + len(words)], words, strict=True))
        ]
        if not matched and lenient and len(words) > 1:
            names = {
                _norm(w) for w in re.split(r"\s+", phrase) if w[:1].isupper() and len(_norm(w)) >= 3
            }
            matched = [
                tokens[i].doc[tokens[i].i : tokens[i].i + 1]
                for i in sorted({i for w in names for i in by_prefix.get(w[:3], ())})
                if any(_same_word(norms[i], w) for w in names)
            ]
        found += matched
    return found


def speaker_mentions(doc: Doc, speaker: str | None) -> list[Span]:
    """Where a quote names its own speaker (any of ``speaker``'s names, leniently):
    the rules, the model and the choice of targets all set these words apart, so
    they are found once per quote and speaker (kept in the doc's ``user_data``)."""
    key = ("quotedb.speaker", speaker)
    return per_doc(doc, key, lambda: mentions_of(doc, split_names(speaker), lenient=True))


def target_mentions(doc: Doc, target: str) -> list[Span]:
    """``find_mentions`` of a target in a whole quote, found once per quote and target:
    the rules and the model both read them."""
    return per_doc(doc, ("quotedb.target", target), lambda: find_mentions(doc, target))


def split_names(speaker: str | None) -> list[str]:
    if not speaker:
        return []
    return [name for name in re.split(r",|\band\b|&", speaker) if name.strip()]


def _match_from(tokens: Sequence[Token], start: int, words: Sequence[str]) -> int | None:
    """Index of the last token of ``words`` matched from ``start``, by
    surface form or lemma, stepping over adjectives and adverbs between them
    (``no confirmed evidence`` is ``no evidence``); None if they don't match."""
    i = start
    for n, word in enumerate(words):
        while (
            n and i < len(tokens) and tokens[i].pos_ in ("ADJ", "ADV") and not _is(tokens[i], word)
        ):
            i += 1
        if i == len(tokens) or not _is(tokens[i], word):
            return None
        i += 1
    return i - 1


def _is(token: Token, word: str) -> bool:
    return word in (token.lower_, token.lemma_.lower())


@dataclass(frozen=True)
class Lookup:
    """A text's words indexed by surface form and lemma, built once per text
    so that each of many phrase lists (and each target's) is looked up, not scanned for."""

    doc: Doc
    tokens: list[Token]
    starts: dict[str, list[int]]

    @classmethod
    def of(cls, doc: Doc) -> Lookup:
        """The text's lookup, built on first use and kept in ``doc.user_data``."""
        return per_doc(doc, "quotedb.lookup", lambda: cls._read(doc))

    @classmethod
    def _read(cls, doc: Doc) -> Lookup:
        tokens = [t for t in tokens_of(doc) if not t.is_punct]
        starts: dict[str, list[int]] = {}
        for n, token in enumerate(tokens):
            for form in {token.lower_, token.lemma_.lower()}:
                starts.setdefault(form, []).append(n)
        return cls(doc, tokens, starts)


def phrases_in(text: Lookup, phrases: Iterable[str], opponents: Sequence[Span]) -> list[Span]:
    """Where the text uses one of ``phrases``, unless said of an opponent
    (``the regime's illegal rule``).

    Words match on surface form or lemma; hyphens and spaces are alike, so
    ``self-defense`` is found in ``self defense`` too.
    """
    guarded = {t.i for span in opponents for t in said_of(noun_phrase(span.root))}
    found = []
    for phrase in phrases:
        words = _phrase_words(phrase)
        for start in text.starts.get(words[0], ()) if words else ():
            end = _match_from(text.tokens, start, words)
            if end is not None and text.tokens[end].i not in guarded:
                found.append(text.doc[text.tokens[start].i : text.tokens[end].i + 1])
    return found


@cache
def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-–]+", phrase.lower()) if w)


def noun_phrase(token: Token) -> Token:
    """The head of the noun phrase a word modifies: ``members`` for ``cartel``
    in ``cartel members``."""
    while token.dep_ in PRENOMINAL and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def said_of(noun: Token) -> list[Token]:
    """A noun phrase and, when it is a subject, what the clause says it is
    (``the cartels are unlawful groups``)."""
    said = list(noun.subtree)
    if noun.dep_ in SUBJECTS:
        said += [t for c in noun.head.children if c.dep_ in ("attr", "acomp") for t in c.subtree]
    return said


def distinct(spans: Iterable[Span], taken: set[int] = frozenset()) -> list[Span]:  # type: ignore[assignment]
    """Longest spans first, dropping any that overlap one already kept."""
    kept: list[Span] = []
    used = set(taken)
    for span in sorted(spans, key=len, reverse=True):
        if not used & {t.i for t in span}:
            kept.append(span)
            used.update(t.i for t in span)
    return kept


def pronouns(doc: Doc, forms: Container[str]) -> list[Span]:
    """Each pronoun of ``doc`` among ``forms``, as a span of its own."""
    return [doc[t.i : t.i + 1] for t in doc if t.lower_ in forms and t.pos_ == "PRON"]
