"""The private parts of whoosh-reloaded the fast paths read, and the switch that avoids them.

Whoosh matches postings one at a time in Python and writes an index's segments in
one process. Reading a posting list's block arrays (`rank`) and writing segments
in several processes at once (`build`) reach into codec and writer internals of
whoosh-reloaded 2.7, which is unmaintained; its next version may drop them, so
pyproject caps it below 2.8. Each fast path has a public-API path giving the same
answers, slower. It is taken when an internal is missing (`missing` names it, and
a test fails saying which), and the search tests run once each way.
"""

from __future__ import annotations

import functools
import inspect

from whoosh import fields, writing
from whoosh.filedb.filestore import RamStorage

try:
    from whoosh.codec.whoosh3 import W3LeafMatcher
except ImportError:  # `missing` names it, and the fast paths are off
    W3LeafMatcher = None

#: Writer internals: Whoosh's commit taken apart, and a writer that takes no lock.
WRITER_METHODS = ("_finalize_segment", "_close_segment", "_commit_toc", "_finish")
#: What `rank` reads of a posting list's leaf matcher, block by block.
MATCHER_METHODS = ("_read_ids", "_read_weights", "_next_block")
MATCHER_ARRAYS = ("_ids", "_weights")


def missing() -> list[str]:
    """The internals this whoosh-reloaded lacks, by dotted name; empty when all are there.

    Tried on a one-document index in memory, so an attribute set only as a
    matcher reads (its block arrays) is checked as well as the methods.
    """
    if W3LeafMatcher is None:
        return ["whoosh.codec.whoosh3.W3LeafMatcher"]
    absent = [
        f"whoosh.writing.SegmentWriter.{name}"
        for name in WRITER_METHODS
        if not callable(getattr(writing.SegmentWriter, name, None))
    ]
    if "_lk" not in inspect.signature(writing.SegmentWriter).parameters:
        absent.append("whoosh.writing.SegmentWriter(_lk=...)")
    absent += [
        f"whoosh.codec.whoosh3.W3LeafMatcher.{name}"
        for name in MATCHER_METHODS
        if not callable(getattr(W3LeafMatcher, name, None))
    ]
    if absent:
        return absent
    ix = RamStorage().create_index(fields.Schema(word=fields.KEYWORD))
    with ix.writer() as writer:
        writer.add_document(word="canary")
    with ix.reader() as reader:
        matcher = reader.postings("word", "canary")
        if not isinstance(matcher, W3LeafMatcher):
            return [f"whoosh.codec.whoosh3.W3LeafMatcher (postings are {type(matcher).__name__})"]
        matcher._read_ids()
        matcher._read_weights()
        return [
            f"whoosh.codec.whoosh3.W3LeafMatcher.{name}"
            for name in MATCHER_ARRAYS
            if not hasattr(matcher, name)
        ]


@functools.cache
def fast() -> bool:
    """Whether to take the fast paths: whether the installed whoosh-reloaded has what they read.

    The search tests replace it to run everything through the public paths.
    """
    return not missing()
