""" "Did you mean": the words of the index nearest to those a query did not find."""

from __future__ import annotations

import sqlite_utils
from quotedb.db import load
from whoosh import query, searching, writing
from whoosh.analysis import STOP_WORDS

from .schema import _CONTENT_ANALYZER, _DOCUMENTS_SQL, _SPELLING, DEFAULT_FIELD, SCHEMA, _Documents


def _rehome_spelling(
    writer: writing.SegmentWriter,
    searcher: searching.Searcher,
    db: sqlite_utils.Database,
    documents: _Documents,
    replaced: set[int],
) -> None:
    """Index again a quote still holding each word that only ``replaced`` documents spelled.

    A word is in ``spelling`` once, with the first document that had it; when
    that document is replaced, the word would leave "did you mean" at the next
    merge although other quotes still have it. A quote with the word's stem in
    ``content`` is indexed again, and so spells each of its words this writer
    has not yet spelled.
    """
    lost = {
        word
        for docnum in replaced
        for word in searcher.stored_fields(docnum).get("spelling", "").split()
    } - documents.spelled
    reader = searcher.reader()
    holders: set[int] = set()
    for word in lost:
        for token in _CONTENT_ANALYZER(word):
            if (DEFAULT_FIELD, token.text) not in reader:
                continue
            live = (
                docnum
                for docnum in reader.postings(DEFAULT_FIELD, token.text).all_ids()
                if docnum not in replaced and not reader.is_deleted(docnum)
            )
            holder = next(live, None)
            if holder is not None:
                holders.add(holder)
    docnums = {searcher.stored_fields(docnum)["id"]: docnum for docnum in holders}
    for chunk in load.batches(sorted(docnums)):
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"{_DOCUMENTS_SQL} where quotes.id in ({marks})", chunk):
            writer.delete_document(docnums[row["id"]])
            writer.add_document(**documents(row))


def _closest(reader, fieldname: str, word: str) -> str | None:
    """The indexed word nearest to ``word`` in ``fieldname``, most frequent first.

    Whoosh's correctors rank every word within the maximum distance alike, so a
    frequent word two edits away would beat the name one edit away.
    """
    for distance in (1, 2):
        spelling = _SPELLING.get(fieldname, fieldname)
        counts = {
            candidate: reader.frequency(fieldname, candidate)
            for candidate in reader.terms_within(spelling, word, distance)
            if candidate != word
        }
        if counts:
            return max(counts, key=lambda candidate: (counts[candidate], candidate))
    return None


def _suggestion(searcher, parsed: query.Query, text: str) -> str | None:
    """The query with each word found in no field replaced by its closest indexed word."""
    reader = searcher.reader()
    # Plain terms only: a fuzzy term already asks for near spellings, and ranges,
    # wildcards and phrases are deliberate.
    positions: dict[int, list[query.Term]] = {}
    for leaf in parsed.leaves():
        if type(leaf) is query.Term and leaf.startchar is not None:
            positions.setdefault(leaf.startchar, []).append(leaf)
    replacements = []
    for tokens in positions.values():
        if any((token.fieldname, token.text) in reader for token in tokens):
            continue
        token = tokens[0]
        word = text[token.startchar : token.endchar].rstrip("~0123456789")
        if len(word) < 3 or word.lower() in STOP_WORDS:
            continue
        if token.fieldname not in SCHEMA or not SCHEMA[token.fieldname].scorable:
            continue
        closest = _closest(reader, token.fieldname, word.lower())
        if closest:
            closest = closest.capitalize() if word.istitle() else closest
            replacements.append((token.startchar, token.startchar + len(word), closest))
    if not replacements:
        return None
    corrected = text
    for start, end, word in sorted(replacements, reverse=True):
        corrected = corrected[:start] + word + corrected[end:]
    return corrected
