"""What the index holds: its fields, and the document each quote becomes."""

from __future__ import annotations

import json
from pathlib import Path

from whoosh import fields, index
from whoosh.analysis import IDAnalyzer, StandardAnalyzer, StemmingAnalyzer

FACETS = ("speaker", "stance", "type", "act")
#: ``content``: the text, speaker names and aliases, role and title in one field,
#: whose words feed "did you mean" (``spelling``). Bare words no longer search it
#: (`BARE_FIELDS`: titles matched quotes that lack the words).
DEFAULT_FIELD = "content"
_keyword = IDAnalyzer(lowercase=True)

SCHEMA = fields.Schema(
    id=fields.ID(stored=True, unique=True),
    content=fields.TEXT(analyzer=StemmingAnalyzer()),
    #: The unstemmed words of ``content`` for "did you mean", each given by the
    #: first document of a build that has it (`_Documents`). Whoosh's own
    #: ``spelling=True`` posts every word of every document again, which was a
    #: third of the cost of building the index. Stored, so that a word whose
    #: document is replaced finds another (`_rehome_spelling`).
    spelling=fields.KEYWORD(stored=True),
    text=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    speaker=fields.TEXT(analyzer=StandardAnalyzer(stoplist=None), field_boost=2.0),
    speaker_name=fields.ID(stored=True, sortable=True),
    speaker_id=fields.STORED(),
    role=fields.TEXT(stored=True),
    stance=fields.ID(stored=True, sortable=True, analyzer=_keyword),
    type=fields.ID(stored=True, sortable=True, analyzer=_keyword),
    act=fields.ID(stored=True, sortable=True, analyzer=_keyword),
    date=fields.ID(stored=True, sortable=True),
    title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    article_id=fields.ID(stored=True),
)
_CONTENT_ANALYZER = SCHEMA["content"].analyzer
#: What bare words search: what was said and who said it (name, aliases, role).
#: An article's title often has the query's words when its quotes do not, so
#: only ``title:`` searches titles.
BARE_FIELDS = ("text", "speaker", "role")
#: Facet name -> index field holding its value.
_FACET_FIELDS = {"speaker": "speaker_name", "stance": "stance", "type": "type", "act": "act"}
#: Fields that only narrow the results; they take no part in ranking.
_RESTRICTING = frozenset({"speaker_name", "stance", "type", "act", "date", "article_id"})
#: Field -> the field holding its unstemmed words, where they differ.
_SPELLING = {DEFAULT_FIELD: "spelling", "text": "spelling"}

_DOCUMENTS_SQL = """
select quotes.id, quotes.text, quotes.role, quotes.stance, quotes.type, quotes.act, quotes.date,
       quotes.article_id, quotes.speaker_id, speakers.name as speaker_name,
       speakers.aliases, articles.title
from quotes
left join speakers on speakers.id = quotes.speaker_id
left join articles on articles.id = quotes.article_id
"""


def index_dir(db_path: str | Path) -> Path:
    """Where the index of ``db_path`` lives: ``quotes.db`` -> ``quotes.whoosh/``."""
    path = Path(db_path)
    return path.with_name(path.stem + ".whoosh")


class _Documents:
    """Index documents from database rows, for one writer.

    Each word of ``content`` goes into ``spelling`` once per writer, with the
    first document that has it: suggestions need the words, not who said them.
    """

    def __init__(self) -> None:
        self.spelled: set[str] = set()

    def __call__(self, row: dict) -> dict[str, object]:
        aliases = json.loads(row["aliases"] or "[]") if row["aliases"] else []
        speaker = " ".join(filter(None, [row["speaker_name"], *aliases]))
        content = " ".join(filter(None, [row["text"], speaker, row["role"], row["title"]]))
        words = {token.text for token in _CONTENT_ANALYZER(content, no_morph=True)}
        new_words = words - self.spelled
        self.spelled |= new_words
        document = {
            "id": row["id"],
            "content": content,
            "spelling": " ".join(sorted(new_words)),
            "text": row["text"] or "",
            "speaker": speaker,
            "speaker_name": row["speaker_name"] or "",
            "speaker_id": row["speaker_id"],
            "role": row["role"] or "",
            "stance": row["stance"] or "",
            "type": row["type"] or "",
            "act": row["act"] or "",
            "date": row["date"] or "",
            "title": row["title"] or "",
            "article_id": row["article_id"],
        }
        return {name: value for name, value in document.items() if value != ""}


def _made_with_schema(ix: index.Index) -> bool:
    """Whether ``ix`` was made with `SCHEMA` (not by another version of quotedb).

    Whoosh's own comparison finds every sortable field changed once read back
    from disk: it compares their column types by identity.
    """

    def described(schema: fields.Schema) -> dict[str, tuple]:
        return {
            name: (
                type(kind),
                kind.format,
                getattr(kind, "analyzer", None),
                (kind.stored, kind.scorable, kind.unique),
                type(kind.column_type),
            )
            for name, kind in schema.items()
        }

    return described(ix.schema) == described(SCHEMA)
