"""One way to compare names and text: `fold`, `name_key` and `same_person`.

A speaker is matched within an article (`quotedb.ingest.speakers`) and across
articles (`quotedb.db.speakers`), a reprinted statement or a repeated paragraph
is recognised (`quotedb.db.statements`, `quotedb.ingest.clean`), all by text
folded here: two spellings one stage takes for the same, every stage does.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicons import words

_PLAIN = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
#: The combining marks of the Basic Multilingual Plane: accents, once decomposed.
_MARKS = re.compile(
    "[" + re.escape("".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))) + "]"
)
#: What surrounds a name in running text: punctuation, quotation marks, dashes.
_AROUND = " ,.;:\"'-"


def fold(text: str) -> str:
    """``“Pétro’s”`` -> ``"petro's"``: text as compared, never as shown.

    Compatibility forms decomposed (ligatures, full-width letters), accents
    dropped, case folded, curly quotation marks and dashes made plain.
    """
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold().translate(_PLAIN)


@lru_cache(maxsize=1 << 16)
def name_key(name: str, kind: str = "person") -> tuple[str, ...]:
    """``President Donald J. Trump's`` -> ``("donald", "trump")``: what spellings of a name share.

    Folded, without courtesy titles (``Mr.``), a leading ``the``, a person's
    leading titles (``President Trump`` is Trump), middle initials, a
    possessive ending or the punctuation around it. Cached: a load and an
    article's speakers ask for the same names again and again.
    """
    tokens = fold(name).replace(".", "").split()
    tokens = [t for t in tokens if t not in words("honorifics")]
    if tokens:
        tokens[-1] = tokens[-1].removesuffix("'s")
    tokens = [stripped for t in tokens if (stripped := t.strip(_AROUND))]
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while kind == "person" and len(tokens) > 1 and tokens[0] in words("titles"):
        tokens = tokens[1:]
    inner = range(1, len(tokens) - 1)
    return tuple(t for i, t in enumerate(tokens) if not (i in inner and len(t) == 1))


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two `name_key` keys can name one person.

    A bare surname matches any full name ending with it; full names must agree
    on both ends, so ``Hillary Rodham Clinton`` is ``Hillary Clinton``, while
    ``Bill Clinton`` is not, nor ``Crooked Hillary Clinton`` (an epithet the
    tagger took for a name).
    """
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return long[-1] == short[0]
    return short[0] == long[0] and short[-1] == long[-1]


def without_legal_form(name: str) -> str:
    """``Halvorsen Outfitters Inc.`` -> ``Halvorsen Outfitters``: a company's name without
    the legal form it ends with (``lexicons/legal_forms.txt``), and the comma before it;
    a name that is nothing else (``Inc``) as it is."""
    body, _, last = name.rstrip().rpartition(" ")
    if body and last.lower() in words("legal_forms"):
        return body.rstrip(" ,")
    return name
