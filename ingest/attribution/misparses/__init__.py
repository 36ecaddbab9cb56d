"""Reports the parse misread, mended: a report's subject read as the cue's object
(`objects`: ``Landlords warned the move could slow construction``), its clause hung on
the document or the person it was told to, or its verb made the head of ``with``
(`hung_clauses`: ``with economists warning the central bank could raise rates``), a
subordinate or unmarked clause or a question read as a condition (`subordinates`), and a
report fronted before ``, X said.`` (`fronted`). `content._content_spans` asks these when
the parse gives a cue no clause of its own."""

from .fronted import fronted_report
from .hung_clauses import ADDRESSING, clause_above, through_addressee, through_document
from .objects import clause_after, object_as_subject, object_opening_list
from .subordinates import asked, own_clauses, subordinate_report, unmarked_clause

__all__ = [
    "ADDRESSING",
    "asked",
    "clause_above",
    "clause_after",
    "fronted_report",
    "object_as_subject",
    "object_opening_list",
    "own_clauses",
    "subordinate_report",
    "through_addressee",
    "through_document",
    "unmarked_clause",
]
