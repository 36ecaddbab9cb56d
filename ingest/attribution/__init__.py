"""Decide which stretches of a paragraph are attributed statements, and to whom.

Works on one parsed paragraph at a time. The rules (`rules`) propose candidates:
a reporting cue (`cues`: a speech verb from ``lexicons/speech_verbs.txt``, or
``according to``; `cue_grammar` reads its subject and clause, `quote_cues` finds the
one a quoted passage has) links a source mention (`sources`: the cue's subject;
`source_phrases`: how far the mention runs; `named_sources`: a name the parse does
not make the subject) with content (`content`: the cue's clause, less what
`clause_words` says was not said, on both sides of a cue set off by commas in
`parenthetical`; its edges trimmed by `edges`, where it was said left out by
`outlets`; `unsaid` tells the reports of nothing said): a
quoted passage (direct; `passages` says which are names, titles or utterances), a
clause that contains a quoted fragment (mixed), or a plain clause (indirect);
`misparses` mends the reports the parse misread; `reports` says which report a
quoted passage belongs to. A noun or ``according to`` reports a clause too
(`nominal`), and so does a headline (`headlines`); punctuation cues (`marks`)
handle labels, colons and signature lines. The learned boundary ranker (`bounds`,
over `bounds_features`) redraws each candidate's content where a reader would; the
learned scorer (`model`, over `features`) then decides which candidates are
attributed statements and how sure that is.
"""

from .candidate import Attribution
from .cues import is_cue, is_thought
from .marks import introducer, reads_out, signature_line, signed_post
from .rules import attribute
from .sources import source_of

__all__ = [
    "Attribution",
    "attribute",
    "introducer",
    "reads_out",
    "is_cue",
    "is_thought",
    "signature_line",
    "signed_post",
    "source_of",
]
