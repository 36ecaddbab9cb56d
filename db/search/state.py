"""What the database records about the index it is in step with."""

from __future__ import annotations

_SIGNATURE_SQL = """
select (select count(*) || ':' || total(speaker_id) || ':' || total(length(text))
               || ':' || total(length(coalesce(stance, '') || coalesce(type, '')))
               || ':' || total(length(coalesce(date, '') || coalesce(role, '')))
        from quotes)
    || '|' || (select count(*) || ':' || total(length(name) + length(coalesce(aliases, '')))
               from speakers)
    || '|' || (select count(*) || ':' || total(length(coalesce(title, ''))) from articles)
"""
