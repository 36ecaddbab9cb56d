"""The word lists in ingest/lexicons/: each entry once, and none a lemma makes unreachable."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
from quotedb.ingest.lexicons import lines, words

FOLDER = resources.files("quotedb.ingest").joinpath("lexicons")
LISTS = sorted(path.name for path in FOLDER.iterdir() if path.name.endswith((".txt", ".tsv")))
#: Lists looked up by a verb's lemma: an inflected entry (``says``) is never matched.
BY_LEMMA = ("speech_verbs", "thought_verbs", "view_verbs", "object_cues")


@pytest.mark.parametrize("name", LISTS)
def test_no_entry_is_listed_twice(name):
    if name.endswith(".txt"):
        entries = [entry.lower() for entry in lines(name.removesuffix(".txt"))]
    else:
        text = FOLDER.joinpath(name).read_text(encoding="utf-8")
        entries = [row for row in text.splitlines() if row.strip() and not row.startswith("#")]
    repeated = sorted(entry for entry, count in Counter(entries).items() if count > 1)
    assert repeated == [], f"{name} lists these more than once: {repeated}"


@pytest.mark.parametrize("name", BY_LEMMA)
def test_a_verb_list_holds_lemmas_only(nlp, name):
    verbs = sorted(entry for entry in words(name) if " " not in entry)
    lemmas = [doc[1].lemma_.lower() for doc in nlp.pipe(f"They {verb} it." for verb in verbs)]
    inflected = {verb: lemma for verb, lemma in zip(verbs, lemmas, strict=True) if verb != lemma}
    assert inflected == {}, f"{name}: entries that are not lemmas, never matched: {inflected}"


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if len(verb) > 1 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


@pytest.mark.parametrize("name", BY_LEMMA)
def test_a_listed_verb_is_found_when_inflected(nlp, name):
    """``She hopes it`` must give ``hope``: the small pipeline's lemmatizer made it
    ``hop``, so no hope was ever read as one (``lexicons/lemmas.tsv`` mends it)."""
    verbs = sorted(entry for entry in words(name) if " " not in entry)
    docs = nlp.pipe(f"She {_third_person(verb)} it." for verb in verbs)
    lost = {verb: doc[1].lemma_ for verb, doc in zip(verbs, docs, strict=True)}
    assert {verb: lemma for verb, lemma in lost.items() if lemma.lower() != verb} == {}
