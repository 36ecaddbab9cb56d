"""The words a person's name is written with: a word written as a name, the halves a
hyphen joins, a name without courtesy titles or marks, and a fuller form of a name."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicons import words
from ..names import same_person
from ..parse import hyphen_joins

POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


LEADING = re.compile(r"^[^\w]+")


_BRACKETS = re.compile(r"[()\[\]]")


HANDLE = re.compile(r"@\w[\w.]*\w")
"""A social-media account's handle (``@boisebaddie``, ``@kellcrew_official``)."""


def handle_in(span: Span) -> Token | None:
    """The account a source phrase names by its handle (``posted @boisebaddie``, ``wrote
    TikTok user @spoonfulofsass``, ``one fan, @kairoszn,``): its last handle, if any."""
    return next((t for t in reversed(span) if HANDLE.fullmatch(t.text)), None)


NICKNAME = re.compile(r"(?<=\w\s)[\"“‘](\w[\w.-]*(?: \w[\w.-]*)?)[\"”’](?=\s\w)")
"""A nickname in quotation marks between a given name and a surname (``Teresa "Tessie"
Lundgren``, ``Robert ‘Bobby’ Vance``): the name the article may go on to call them by,
no part of their name in full."""


def hyphenated(token: Token) -> list[Token]:
    """The word ``token`` opens, with the halves joined to it by a hyphen."""
    doc, end = token.doc, token.i + 1
    while end + 1 < len(doc) and hyphen_joins(doc, end):
        end += 2
    return [t for t in doc[token.i : end] if t.text != "-"]


def whole_word(token: Token) -> Span:
    """The word a token is part of, with the halves a hyphen joins to it (``St-Onge``,
    which the tokenizer splits in three)."""
    doc, start = token.doc, token.i
    while start > 1 and hyphen_joins(doc, start - 1):
        start -= 2
    first = doc[start]
    return doc[start : start + len(hyphenated(first)) * 2 - 1]


def capitalised(token: Token) -> bool:
    """A word written as a name is: a capital first, not all capitals (``Pollard``, and
    ``McAteer`` or ``LeBlanc``, which ``Token.is_title`` refuses)."""
    text = token.text
    return text[:1].isupper() and (token.is_title or (token.is_alpha and not text.isupper()))


def words_of_name(name: Span) -> int:
    """How many words ``name`` has when each is written as a name is (`capitalised`,
    letters only), a hyphenated one counted once (``Jean-François Roberge``: two); 0
    when one is not."""
    parts = [t for t in name if t.text != "-"]
    if not all(capitalised(t) and t.is_alpha for t in parts):
        return 0
    return len(parts) - (len(name) - len(parts))


def clean_name(name: str) -> str:
    """A name without courtesy titles, possessive ending or surrounding punctuation (a
    name starts with a letter: ``">Sanders`` is markup left in the text), nor the
    brackets an editor put in a quote (``George (W. Bush)``, ``[Gary] Johnson``), nor a
    nickname in quotation marks (``Teresa "Tessie" Lundgren``: `NICKNAME`), nor the letters
    of an honour or a seat after it (``Jonathan Pryor KC``: `lexicons/post_nominals.txt`)."""
    bare = NICKNAME.sub("", _BRACKETS.sub("", name))
    tokens = [t for t in bare.split() if t.lower() not in words("honorifics")]
    while len(tokens) > 2 and tokens[-1].isupper() and tokens[-1].lower() in words("post_nominals"):
        tokens.pop()  # "Jonathan Pryor KC"
    return LEADING.sub("", POSSESSIVE.sub("", " ".join(tokens))).strip(" ,.;:\"“”‘’'-–—")


def extends_name(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``Hillary Clinton`` extends ``Clinton``: a fuller name of the same person."""
    return len(longer) > len(shorter) and same_person(longer, shorter)


def ends_like_a_company(name: Span) -> bool:
    """Two words or more, the last of which ends company names (``Meridian AI``, ``Acme
    Corp.``: `lexicons/company_name_ends.txt`): no person's name, whatever the recogniser
    says."""
    return len(name) > 1 and name[-1].lower_ in words("company_name_ends")
