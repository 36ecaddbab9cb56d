"""Matching and ranking on numpy arrays read from Whoosh's posting lists."""

from __future__ import annotations

import numpy as np
from whoosh import query

from . import internals
from .schema import _FACET_FIELDS, SCHEMA


class _Arrays:
    """Posting lists and facet columns of one index generation as numpy arrays.

    Whoosh matches and scores document by document in Python, about 10 us a
    document: a common word in 100,000 quotes costs half a second. Reading each
    posting list once, block by block, and doing the set algebra, BM25 and facet
    counts on arrays keeps most queries well under 100 ms. Phrases and other
    positional queries still go through Whoosh.
    """

    K1 = 1.2

    def __init__(self, searcher) -> None:
        self.reader = searcher.reader()
        self.searcher = searcher
        self.size = self.reader.doc_count_all()
        self.live = np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)
        self.postings: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self.columns: dict[str, tuple[np.ndarray, list[str]]] = {}
        self.positional: dict[str, np.ndarray] = {}
        self.expansions: dict[str, list[tuple[str, str | bytes]]] = {}

    def expanded(self, searched: query.Query) -> list[tuple[str, str | bytes]]:
        """The (field, term) pairs ``searched`` matches: a fuzzy or prefix word's every variant.

        Whoosh finds a fuzzy word's variants by measuring its distance to each
        indexed word in Python, over every segment, and matching, ranking and
        highlighting each ask, so answers are kept for the query's repeats too.
        """
        key = repr(searched)
        if key not in self.expansions:
            if len(self.expansions) >= 256:
                del self.expansions[next(iter(self.expansions))]
            self.expansions[key] = list(searched.expanded_terms(self.reader))
        return self.expansions[key]

    def term(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, term frequencies) of one term, deleted documents left out."""
        key = (fieldname, text)
        if key not in self.postings:
            ids, weights = [], []
            for subreader, offset in self.reader.leaf_readers():
                if key not in subreader:
                    continue
                matcher = subreader.postings(fieldname, text)
                leaf = getattr(matcher, "child", matcher)  # deletions are filtered below
                if not internals.fast() or not isinstance(leaf, internals.W3LeafMatcher):
                    # The slow, public way (and the way of any other codec).
                    pairs = list(matcher.items_as("weight"))
                    ids.append(np.array([d for d, _ in pairs], dtype=np.int64) + offset)
                    weights.append(np.array([w for _, w in pairs], dtype=np.float32))
                    continue
                # Whole blocks at a time: the codec's block arrays, not a call per posting.
                while leaf.is_active():
                    leaf._read_ids()
                    leaf._read_weights()
                    ids.append(np.asarray(leaf._ids, dtype=np.int64) + offset)
                    weights.append(np.asarray(leaf._weights, dtype=np.float32))
                    leaf._next_block()
            docnums = np.concatenate(ids) if ids else np.empty(0, np.int64)
            frequencies = np.concatenate(weights) if weights else np.empty(0, np.float32)
            if len(self.live) != self.size:
                keep = np.isin(docnums, self.live)
                docnums, frequencies = docnums[keep], frequencies[keep]
            self.postings[key] = (docnums, frequencies)
        return self.postings[key]

    def docs(self, searched: query.Query) -> np.ndarray:
        """Sorted docnums matching ``searched``."""
        kind = type(searched)
        if kind is query.And:
            positive = [part for part in searched.subqueries if type(part) is not query.Not]
            found = self.docs(positive[0]) if positive else self.live
            for part in positive[1:]:
                found = np.intersect1d(found, self.docs(part), assume_unique=True)
            for part in searched.subqueries:
                if type(part) is query.Not:
                    found = np.setdiff1d(found, self.docs(part.query), assume_unique=True)
            return found
        if kind is query.Or:
            parts = [self.docs(part) for part in searched.subqueries]
            return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)
        if kind is query.Not:
            return np.setdiff1d(self.live, self.docs(searched.query), assume_unique=True)
        if kind is query.Every:
            return self.live
        if kind is query.Term or isinstance(searched, query.MultiTerm):
            parts = [self.term(f, t)[0] for f, t in self.expanded(searched)]
            if not parts:
                return np.empty(0, np.int64)
            return parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))
        # Phrases and the like check positions in Whoosh, document by document;
        # paging and facet clicks repeat the query, so recent answers are kept.
        key = repr(searched)
        if key not in self.positional:
            if len(self.positional) >= 64:
                del self.positional[next(iter(self.positional))]
            docnums = sorted(self.searcher.docs_for_query(searched))
            self.positional[key] = np.fromiter(docnums, dtype=np.int64)
        return self.positional[key]

    def rank(self, scored: query.Query, matching: np.ndarray, top: int):
        """The best ``top`` of ``matching`` by BM25 (no length normalisation: quotes are short)."""
        scores = np.zeros(self.size, dtype=np.float32)
        for fieldname, text in _positive_terms(scored, self):
            docnums, frequencies = self.term(fieldname, text)
            if len(docnums):
                idf = np.log(1 + (len(self.live) - len(docnums) + 0.5) / (len(docnums) + 0.5))
                boost = SCHEMA[fieldname].format.field_boost
                scores[docnums] += (
                    boost * idf * frequencies * (self.K1 + 1) / (frequencies + self.K1)
                )
        candidates = scores[matching]
        if top < len(matching):
            best = np.argpartition(-candidates, top)[:top]
        else:
            best = np.arange(len(matching))
        best = best[np.lexsort((matching[best], -candidates[best]))]
        return matching[best].tolist(), candidates[best].tolist()

    def facet_counts(self, matching: np.ndarray) -> dict[str, dict[str, int]]:
        """Facet value counts over ``matching``, most frequent first."""
        counted = {}
        for name, fieldname in _FACET_FIELDS.items():
            if name not in self.columns:
                values = list(self.reader.column_reader(fieldname))
                labels = sorted(set(values))
                codes = {label: code for code, label in enumerate(labels)}
                self.columns[name] = (np.array([codes[v] for v in values]), labels)
            codes, labels = self.columns[name]
            found, counts = np.unique(codes[matching], return_counts=True)
            pairs = [(labels[c], int(n)) for c, n in zip(found, counts, strict=True) if labels[c]]
            counted[name] = dict(sorted(pairs, key=lambda pair: (-pair[1], pair[0])))
        return counted


def _positive_terms(searched: query.Query, arrays: _Arrays) -> set[tuple[str, str]]:
    """The terms that add to a document's score: everything outside a NOT."""
    if type(searched) is query.Not:
        return set()
    if isinstance(searched, query.And | query.Or):
        return set().union(*(_positive_terms(part, arrays) for part in searched.subqueries))
    return {
        (fieldname, text.decode("utf-8") if isinstance(text, bytes) else text)
        for fieldname, text in arrays.expanded(searched)
        if fieldname in SCHEMA and SCHEMA[fieldname].scorable
    }
