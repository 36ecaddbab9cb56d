"""The role the article gives a speaker: the title before the name or an appositive."""

from __future__ import annotations

from spacy.tokens import Span

from .lexicons import words


def role_in(mention: Span, name: str) -> str | None:
    """``Colombian President Gustavo Petro`` -> ``Colombian President``.

    Looks left of the name inside the mention for title words, then at an
    appositive after it (``Rachel VanLandingham, a former military legal advisor``).
    """
    titles = words("titles")
    last = name.split()[-1] if name else ""
    name_tokens = [t for t in mention if t.text == last]
    if not name_tokens:
        return None
    head = name_tokens[-1]
    before = [t for t in mention if t.i < head.i and t.text not in name.split()]
    while before and before[0].dep_ in {"det", "poss", "case"}:
        before = before[1:]
    if before and any(t.lower_ in titles for t in before):
        return _tidy(" ".join(t.text for t in before))
    for child in head.rights:
        if child.dep_ == "appos":
            words_ = [t for t in child.subtree if not t.is_punct]
            if words_ and words_[0].dep_ == "det":
                words_ = words_[1:]
            if words_ and any(t.lower_ in titles for t in words_):
                return _tidy(" ".join(t.text for t in words_))
    return None


def _tidy(role: str) -> str | None:
    role = role.strip(" ,;:'’")
    if role.endswith((" 's", "’s")):
        role = role[:-2].strip()
    return role or None
