"""Corrections: what people decided about quotes and speakers, applied on top of extraction.

The ``corrections`` table is the audit trail (who changed which field from what
to what, when, and why) and the source of truth: the quotes table always holds
the extractor's rows with every correction applied, so facets, search and
exports show what a person decided, while ``quotes.machine_values`` keeps what
the extractor said for each field a person changed. A quote a person marked
"not a quote" moves to ``not_quotes`` (out of every view, search and export,
restorable).

Corrections outlive the rows they were made on. A quote correction is keyed by
its article and the quoted words and is anchored again after every ingest of
that article (`apply`): the same words nearest where they were, else the quote
that now covers those words. One whose words are gone is kept with status
``orphaned``. Speaker corrections (``merge`` into another speaker, ``not_a_speaker``)
are keyed by the speaker's name and hold for every article, present and future.

The parts: `fields` (what a correction may change, and to what), `record` (a
person's correction, recorded and applied), `exchange` (export and import),
`applying` (`apply`: the speaker corrections, then the quote corrections of some
articles), `apply_speakers` (merges and not-a-speaker, and the speaker a name
means), `apply_quotes` (a corrected quote's values and table), `anchor` (the
quote corrected words are now), `index` (full-text entries and the search index
kept in step) and `status` (applied or orphaned, and what applying changed).
"""

from .applying import apply
from .exchange import export_corrections, import_corrections, read_exported
from .fields import QUOTE_FIELDS, SPEAKER_FIELDS, CorrectionError
from .index import refresh_index
from .record import correct_quote, correct_speaker
from .status import APPLIED, ORPHANED, Applied, orphaned

__all__ = [
    "APPLIED",
    "ORPHANED",
    "QUOTE_FIELDS",
    "SPEAKER_FIELDS",
    "Applied",
    "CorrectionError",
    "apply",
    "correct_quote",
    "correct_speaker",
    "export_corrections",
    "import_corrections",
    "orphaned",
    "read_exported",
    "refresh_index",
]
