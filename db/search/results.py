"""What a search returns: hits with highlighted fragments, never markup."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from whoosh import highlight

from .schema import DEFAULT_FIELD, SCHEMA


@dataclass
class Hit:
    id: str
    score: float
    text: str
    speaker: str | None
    speaker_id: int | None
    role: str | None
    stance: str | None
    type: str | None
    date: str | None
    article_id: str
    title: str | None
    #: Highlighted fragments: each a list of (text, is_match) pieces, never markup,
    #: so every caller escapes for its own medium.
    fragments: list[list[tuple[str, bool]]] = field(default_factory=list)

    def snippet(self, mark: str = "**") -> str:
        """The fragments as plain text with matches wrapped in ``mark``."""
        return " ... ".join(
            "".join(f"{mark}{piece}{mark}" if match else piece for piece, match in fragment)
            for fragment in self.fragments
        )

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "score": round(self.score, 3),
            "text": self.text,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "role": self.role,
            "stance": self.stance,
            "type": self.type,
            "date": self.date,
            "article_id": self.article_id,
            "title": self.title,
            "snippet": self.snippet(),
        }


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    #: A corrected query string when some word is not in the index and a close one is.
    suggestion: str | None = None
    #: facet name -> {value: count} over the whole result set, not just this page.
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class _Pieces(highlight.Formatter):
    """Return fragments as (text, is_match) pieces so no HTML is ever built here."""

    def format_fragment(self, fragment, replace=False) -> list[tuple[str, bool]]:
        pieces: list[tuple[str, bool]] = []
        index_ = fragment.startchar
        text = fragment.text
        for token in sorted(fragment.matches, key=lambda t: (t.startchar, t.startchar - t.endchar)):
            if token.startchar is None or token.startchar < index_:
                continue
            if token.startchar > index_:
                pieces.append((text[index_ : token.startchar], False))
            pieces.append((text[token.startchar : token.endchar], True))
            index_ = token.endchar
        pieces.append((text[index_ : fragment.endchar], False))
        return [piece for piece in pieces if piece[0]]

    def format(self, fragments, replace=False) -> list[list[tuple[str, bool]]]:
        return [self.format_fragment(fragment) for fragment in fragments]


def _hits(
    searcher, docnums: list[int], scores: list[float], terms: Iterable[tuple[str, str | bytes]]
) -> list[Hit]:
    """Hits for ``docnums`` with highlighted fragments of the quote text."""
    # Expanded, so fuzzy and prefix terms highlight the words they matched.
    words = frozenset(
        text.decode("utf-8") if isinstance(text, bytes) else text
        for field, text in terms
        if field in (DEFAULT_FIELD, "text")
    )
    fragmenter = highlight.ContextFragmenter(maxchars=320, surround=160)
    analyzer = SCHEMA["text"].analyzer
    hits = []
    for docnum, score in zip(docnums, scores, strict=True):
        stored = searcher.stored_fields(docnum)
        fragments = highlight.highlight(
            stored["text"], words, analyzer, fragmenter, _Pieces(), top=2
        ) or [[(stored["text"][:320], False)]]
        hits.append(
            Hit(
                id=stored["id"],
                score=float(score or 0.0),
                text=stored["text"],
                speaker=stored.get("speaker_name"),
                speaker_id=stored.get("speaker_id"),
                role=stored.get("role"),
                stance=stored.get("stance"),
                type=stored.get("type"),
                date=stored.get("date"),
                article_id=stored["article_id"],
                title=stored.get("title"),
                fragments=fragments,
            )
        )
    return hits
