"""Reports the parse read as conditions or subordinate clauses: a report with no
subordinator hung on the cue as a clause saying when (`unmarked_clause`), a subordinate
cue's report given to the main verb (`clause_of_subordinate`, `subordinate_report`; so
not one of the main verb's `own_clauses`), and a question read as a condition
(`asked`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..cue_grammar import SUBJECTS, asks_whether, is_finite
from ..cues import is_cue
from ..edges import _strip

_ASKING = {"ask", "wonder", "question", "inquire"}  # their "if ..." is the question put


def unmarked_clause(cue: Token) -> Span | None:
    """The report the parse hung on the cue as an adverbial clause with no subordinator:
    in ``Trump said after the convention he would not accept Cruz's endorsement`` it
    read ``after the convention`` as opening the clause, so ``would not accept`` became
    a clause saying when. A clause saying when or why has its ``after``, ``because`` or
    ``if``; one with none, a tensed verb and a subject of its own after the cue is what
    was said, from its subject on."""
    for clause in cue.rights:
        if clause.dep_ != "advcl" or not is_finite(clause):
            continue
        if any(c.dep_ == "mark" or c.tag_ in {"WRB", "WDT", "WP"} for c in clause.children):
            continue
        if _comparison(clause):
            continue
        subject = next((c for c in clause.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
        inverted = subject is not None and any(
            c.dep_ in {"aux", "auxpass"} and c.i < subject.i for c in clause.children
        )  # "should Donald Trump win": a condition after all
        if subject is not None and not inverted:
            # quoted words are reported by a cue of their own (`attribute`)
            if any(t.is_quote for t in cue.doc[cue.i : clause.right_edge.i + 2]):
                return None
            return _strip(cue.doc[subject.left_edge.i : clause.right_edge.i + 1])
    return None


def _comparison(clause: Token) -> bool:
    """``The more Democrats learn about him, the more they like him``: one clause
    measured against the other, no report."""
    first = clause.left_edge
    return first.lower_ == "the" and first.nbor().tag_ in {"JJR", "RBR"}


def clause_of_subordinate(cue: Token) -> Token | None:
    """The clause the parse gave the main verb that is a subordinate cue's report: in
    ``While he acknowledged funding was a major reason ..., Ham also noted ...`` and
    ``Warren told Stumpf to resign, after he admitted under Warren's grilling he hadn't
    been held accountable`` it hangs ``was`` and ``been held`` on ``noted`` and
    ``told`` (the first with ``acknowledged`` inside it), and ``acknowledged`` and
    ``admitted``, with a subordinator and nothing of their own after them, report
    nothing. The clause whose subject comes right after such a cue is the cue's (and
    no longer the main verb's, `own_clauses`)."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" for c in cue.children):
        return None
    if any(c.dep_ in _OWN_REPORT for c in cue.rights):
        return None
    after = cue.right_edge.i + 1
    return next(
        (
            clause
            for clause in (cue.head, *cue.head.children)
            if clause.dep_ == "ccomp"
            and any(c.dep_ in SUBJECTS and c.left_edge.i == after for c in clause.children)
        ),
        None,
    )


def subordinate_report(cue: Token) -> Span | None:
    """What a subordinate cue reports (`clause_of_subordinate`), from the clause's
    subject on: the words before it are the main clause's, wherever the parse hung
    them."""
    clause = clause_of_subordinate(cue)
    if clause is None:
        return None
    return _strip(cue.doc[cue.right_edge.i + 1 : clause.right_edge.i + 1])


_OWN_REPORT = frozenset({"ccomp", "xcomp", "dobj", "dative"})
"""What a cue has when its report is its own: a clause or what it says."""


def own_clauses(cue: Token) -> list[Token]:
    """The ``ccomp`` clauses the parse gave a cue that are its own: not one a
    subordinate cue reports (`clause_of_subordinate`), nor a relative clause misread as
    one (`_relative_read_as_clause`)."""
    return [
        c
        for c in cue.children
        if c.dep_ == "ccomp" and not _subordinates(c) and not _relative_read_as_clause(c, cue)
    ]


def _relative_read_as_clause(clause: Token, cue: Token) -> bool:
    """A clause after the cue whose subject is a relative ``that`` or ``which`` right
    after a noun: in ``announced the cuts in an email to staff Wednesday morning that was
    later shared with the Business Journal`` the parse hung the email's relative clause
    on the verb, with ``that`` its subject; a ``that`` opening a report marks it, and is
    no subject. One before the cue is the report (``town halls which he said could not
    be corrupted``)."""
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (
        subject is not None
        and subject.i > cue.i
        and subject.tag_ == "WDT"
        and subject.i == clause.left_edge.i
        and subject.i > 0
        and subject.doc[subject.i - 1].pos_ in {"NOUN", "PROPN"}
    )


def _subordinates(clause: Token) -> bool:
    return any(
        other.dep_ == "advcl" and is_cue(other) and clause_of_subordinate(other) == clause
        for other in (*clause.children, *clause.head.children)
    )


def asked(cue: Token) -> Token | None:
    """The question in ``Hannity asked Trump if the project was still in his plans``: the
    parse reads the ``if`` clause as a condition hung on the verb of asking."""
    if cue.lemma_.lower() not in _ASKING:
        return None
    return next(
        (child for child in cue.rights if child.dep_ == "advcl" and asks_whether(child)),
        None,
    )
