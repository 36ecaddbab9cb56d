"""Whom a description that points back means: ``The 61-year-old, who is in his 14th
season, added`` or ``the goaltender said`` (`epithets.points_back`, `epithets.known_as`)
is the person the story is about, named before in its paragraph or the few before it
that are not all quotation. The part of `ArticleSpeakers` that reads such descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..parse import text_of
from .epithets import introduced_before
from .genders import gender_of
from .pronouns import name_head, sentence_start_unparsed
from .speaker import Speaker

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


class PointingBack:
    """Whom a description by age or of note means: mixed into `ArticleSpeakers`, whose
    people, paragraphs and quoted passages it reads."""

    def _described_person(self: ArticleSpeakers, span: Span, offset: int) -> Speaker | None:
        """Whom a description by age pointing back means (`epithets.points_back`: ``The
        61-year-old, who is in his 14th season``), or a trade of note (`epithets.known_as`:
        ``The Swedish-born star``), of those its words fit (``the
        34-year-old mother``: no man): of the people named before it in its paragraph,
        else in the two before, the last named as a subject (``Kerrigan ... pulled away
        from Ethiopia's Tigist Alemu``: Kerrigan), else the last named; in its own sentence,
        only a subject (``Under questioning by inquiry counsel Amrit Dhaliwal, the
        34-year-old dispatcher said``: not the counsel). No one when the article brought
        in someone unnamed of that age (``a 32-year-old man``)."""
        found = self._paragraph(offset)
        if found is None or introduced_before(span, self.text_before(offset)):
            return None
        wanted = gender_of([t.lower_ for t in span])

        def fits(name: str, at: int) -> bool:
            return wanted is None or self.gender(name, at) in {None, wanted}

        sentence = found[0] + span.sent.start_char
        for since in (found[0], self._narrated_before(found[0], 2)):
            named = [
                (at, name)
                for at, name in self._named_back(offset, fits, since)
                if at < sentence or self._subject_at(at)
            ]
            if named:
                subject = next((n for n in named if self._subject_at(n[0])), named[0])
                return self.person(subject[1], offset)
        return None

    def _subject_at(self: ArticleSpeakers, at: int) -> bool:
        """The name at article offset ``at`` is the subject of its clause (or the root of a
        sentence the parser left without one: ``Fairweather, whose previous film ...
        won ..., confirmed the exchange``). In a paragraph that got no parse (it holds no
        cue, `parse_plan`), the first person its sentence names stands for its subject
        (``Outside the centre, Karim Haddad was carrying his daughter``)."""
        token = self._token_at(at)
        if token is None:
            return False
        if not token.doc.has_annotation("DEP"):
            opening = sentence_start_unparsed(token)
            return not any(t.ent_type_ == "PERSON" for t in token.doc[opening : token.i])
        head = name_head(token)
        if head.dep_ == "appos":  # "The NDP's housing critic, Lucie Fontaine, said"
            head = head.head
        return head.dep_ in {"nsubj", "nsubjpass", "ROOT"}

    def _narrated_before(self: ArticleSpeakers, paragraph: int, count: int) -> int:
        """Where the ``count``-th paragraph of narration before the one at offset
        ``paragraph`` starts: a paragraph that is all quotation (a quote run over
        several) names no one new, so ``The 54-year-old former principal`` after three
        paragraphs of Whitcombe's quote is still Whitcombe."""
        at = paragraph
        while count and (before := self._paragraph_before(at)) != at:
            at = before
            count -= not self._all_quoted(at)
        return at

    def _all_quoted(self: ArticleSpeakers, paragraph: int) -> bool:
        """The paragraph at offset ``paragraph`` holds nothing but a quoted passage."""
        found = self._paragraph(paragraph)
        if found is None:
            return False
        text = text_of(found[1])
        first, last = paragraph + len(text) - len(text.lstrip()), paragraph + len(text.rstrip())
        return any(s <= first and last <= e for s, e in self.quoted)
