"""Five statements of four speakers stored as one wire article: the data the search
and export tests query, so each test reads as a question asked of a small, known
database."""

from __future__ import annotations

from quotedb.db import load
from quotedb.ingest.records import Article, Mention, Quote

STATEMENTS = [
    # speaker, alias, role, date, stance, type, text
    ("Vladimir Padrino", "Padrino", "defence minister", "2025-09-04", "oppose", "direct",
     "The armed forces will repel any aggression against our homeland."),
    ("Donald Trump", "Trump", "President", "2025-09-02", "support", "indirect",
     "the strikes on drug boats were a necessary step against terrorists"),
    ("Donald Trump", "the president", "President", "2025-11-20", "support", "direct",
     "We will keep hitting the cartels wherever they hide."),
    ("Gustavo Petro", "Petro", "Colombian President", "2025-10-16", "oppose", "direct",
     "If this is true, it is a murder anywhere in the world."),
    ("Rachel VanLandingham", None, "law professor", "2025-10-01", "neutral", "mixed",
     "the legal basis for the strikes remains <script>alert('x')</script> unclear"),
]  # fmt: skip


def store_statements(db_path, statements, article_id="wire") -> None:
    text = "\n\n".join(statement[-1] for statement in statements)
    article = Article(
        article_id, text, f"{article_id}.txt", title=f"Strikes in the Caribbean ({article_id})"
    )
    quotes, offset = [], 0
    for speaker, alias, role, date, stance, type_, words in statements:
        quotes.append(
            Quote(
                article=article_id,
                spans=[(offset, offset + len(words))],
                text=words,
                type=type_,
                speaker=speaker,
                speaker_mention=Mention(alias or speaker, 0, 1),
                role=role,
                date=date,
                stance=stance,
            )
        )
        offset += len(words) + 2
    db = load.open_db(str(db_path))
    load.store(db, article, quotes)
    db.close()
