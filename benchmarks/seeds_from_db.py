"""Export a quotedb database's quotes as JSON lines in the seed scorer's format.

So the scorer that grades ``quotedb extract`` can grade what ``quotedb ingest``
stored: each quote with its speaker's canonical name from the ``speakers``
table, the quote's role (else the speaker's current role), its date and
where that date comes from, and its article's date.

    quotedb ingest ARTICLES... --db /tmp/seeds.db
    python3 benchmarks/seeds_from_db.py /tmp/seeds.db > /tmp/seeds-db.jsonl
    python3 ../shared/gold/seeds/score_seeds.py --pred /tmp/seeds-db.jsonl
"""

from __future__ import annotations

import json
import sys

import sqlite_utils

QUERY = """
select q.article_id, q.start, q."end", q.spans, q.type, q.text, s.name as speaker,
       s.kind as speaker_kind, coalesce(q.role, s.role) as role, q.date, q.date_precision,
       q.date_source, a.published as article_date, q.stance
from quotes q
join articles a on a.id = q.article_id
left join speakers s on s.id = q.speaker_id
order by q.article_id, q.start
"""


def records(db: sqlite_utils.Database):
    """One scorer record per stored quote."""
    for row in db.query(QUERY):
        yield {
            "article": row["article_id"],
            "start": row["start"],
            "end": row["end"],
            "spans": json.loads(row["spans"]),
            "type": row["type"],
            "text": row["text"],
            "speaker": row["speaker"],
            "speaker_kind": row["speaker_kind"],
            "role": row["role"],
            "date": row["date"],
            "date_precision": row["date_precision"],
            "date_source": row["date_source"],
            "article_date": row["article_date"],
            "stance": row["stance"],
        }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for record in records(sqlite_utils.Database(argv[0])):
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
