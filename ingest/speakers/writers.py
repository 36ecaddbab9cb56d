"""Who "I" and "we" are outside quotation marks: the writer of an op-ed, an
editorial, a letter or a first-person report.

In an op-ed, "I believe the province must step in" was credited to whichever
person the article had named last (or to ``i``), and an editorial's "We believe"
to whoever it quoted last. The writer is named by a byline
at the top (``By Jane Roe``), a line about them at the end (``Jane Roe is a
Toronto writer``), or, on a letters page, the signature under each letter
(``John Weinbrecht.``); else they are an unnamed writer. A transcript (``Q:``,
``A:`` or ``RAMOS:`` lines) has no such writer: its "I" is whoever answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..parse import text_of
from .recognised_names import names_a_person, person_name
from .speaker import Speaker

UNNAMED_WRITER = Speaker("unnamed writer", "unnamed")
_ABOUT_LINE = 80  # tokens: a line about the writer is short


@dataclass(frozen=True)
class Writers:
    """Who writes an article's narration: ``signed`` are its signature lines (offset,
    writer), each signing what comes before it; ``default`` signs the rest (None in a
    transcript)."""

    default: Speaker | None = None
    signed: tuple[tuple[int, Speaker], ...] = ()

    @classmethod
    def read(cls, docs: Sequence[tuple[int, Doc]], transcript: bool = False) -> Writers:
        """The writers of an article's paragraphs (each with its offset in the article)."""
        if transcript or any(text_of(doc).lstrip()[:2] in {"Q:", "A:"} for _, doc in docs):
            return cls()
        signed = tuple(
            (at, Speaker(person_name(name), "person"))
            for at, doc in docs[1:]
            if (name := _signature(doc)) is not None
        )
        return cls(_named(docs) or UNNAMED_WRITER, signed)

    def at(self, offset: int) -> Speaker | None:
        """Who wrote the narration at ``offset``: the first signature after it, else
        the article's writer."""
        return next((writer for at, writer in self.signed if at > offset), self.default)


def _named(docs: Sequence[tuple[int, Doc]]) -> Speaker | None:
    """The writer a byline in the first lines or a line about them in the last names."""
    for _, doc in docs[:3]:
        if (name := byline(doc)) is not None:
            return Speaker(person_name(name), "person")
    for _, doc in docs[-3:]:
        name = _opening(doc)
        if name is not None and name.start == 0 and len(doc) <= _ABOUT_LINE:
            after = [t for t in doc[name.end : name.end + 2] if not t.is_punct]
            if [t.lower_ for t in after[:1]] == ["is"] and _describes(after[1:]):
                return Speaker(person_name(name), "person")
    return None


def byline(doc: Doc) -> Span | None:
    """The writer a byline names (``By Emma Laurent``): never someone the story is
    about, so no ``she`` in it points back to them."""
    name = _opening(doc)
    if name is not None and doc[: name.start].text.strip().lower() == "by":
        return name
    return None


def _opening(doc: Doc) -> Span | None:
    """The first person a line names, if it names one within its first two words."""
    return next(
        (
            ent
            for ent in doc.ents
            if ent.start <= 1 and ent.label_ == "PERSON" and names_a_person(ent)
        ),
        None,
    )


def _describes(after: list[Token]) -> bool:
    """``a playwright``, ``the author``, ``playwright-in-residence``: what the writer is."""
    return bool(after) and after[0].pos_ in {"DET", "NOUN"}


def _signature(doc: Doc) -> Span | None:
    """A line that is a person's name alone, or with a place (``Ann Lee, Tucson``)."""
    name = _opening(doc)
    if name is None or name.start != 0:
        return None
    rest = [t for t in doc[name.end :] if not (t.is_punct or t.is_space)]
    return name if all(t.ent_type_ == "GPE" for t in rest) else None
