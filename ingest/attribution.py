"""Decide which stretches of a paragraph are attributed statements, and to whom.

Works on one parsed paragraph at a time. A reporting cue (a speech verb from
``lexicons/speech_verbs.txt``, or ``according to``) links a source mention (its
subject) with content: a quoted passage (direct), a clause that contains a
quoted fragment (mixed), or a plain clause (indirect). A quote with no cue of
its own continues the previous attribution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .lexicons import words
from .quotes import Quoted
from .records import Mention
from .speakers import SPEAKING_ENTITIES, can_speak, is_someone, released_by

SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass
class Attribution:
    """Content, cue and source mention found in one paragraph (article offsets)."""

    spans: list[tuple[int, int]]
    type: str
    cue: Mention | None
    source: Mention | None
    source_kind: str | None = None  # "pronoun" | "name" | "phrase"
    confidence: float = 0.5
    quoted: list[tuple[int, int]] = field(default_factory=list)
    introduces: bool = False  # a speech verb and a colon: the next paragraph is what was said


_DASHES = "-–—―"
_SIGNATURE = re.compile(rf"\s*([{_DASHES}]+)\s*([^\W\d_a-z][^{_DASHES}]{{1,80}}?)[\s.]*")
_LABEL = re.compile(r"[\"“]?([^\W\d_][^:\n]{0,60}?)\s*(:)\s+(?=\S)")


def _marked(cue: Mention, source: Mention | None) -> Attribution:
    """An attribution whose cue is punctuation; ``spans`` are filled in by the caller."""
    return Attribution(spans=[], type="direct", cue=cue, source=source, confidence=0.8)


def _signature(doc: Doc, end: int, offset: int) -> Attribution | None:
    """A ``- Name`` after position ``end`` that runs to the end of the paragraph."""
    if not doc.text[end:].lstrip().startswith(tuple(_DASHES)):
        return None
    match = _SIGNATURE.fullmatch(doc.text, end)
    if match is None or len(match.group(2).split()) > 10:
        return None
    (d_start, d_end), (n_start, n_end) = match.span(1), match.span(2)
    return _marked(
        Mention(match.group(1), d_start + offset, d_end + offset),
        Mention(match.group(2), n_start + offset, n_end + offset),
    )


def signature_line(doc: Doc, offset: int) -> Attribution | None:
    """The paragraph as a ``- Name`` line signing the quote above it, or None."""
    return _signature(doc, 0, offset)


def _colon(colon: Token, offset: int) -> Attribution:
    """A colon cue; the source is the subject of the clause it ends (``Lynch told them:``).

    The parse may run the quote after the colon into the sentence and make it the
    root, so the clause is found from the word before the colon. A relative
    pronoun is no source: in ``A tweet captured the chaos that followed:`` it is
    the tweet, the subject of the clause above.
    """
    doc = colon.doc
    before = doc[colon.i - 1] if colon.i > colon.sent.start else colon
    subject = next(
        (
            child
            for verb in (before, *before.ancestors, colon.sent.root)
            for child in verb.children
            if child.dep_ in SUBJECTS and child.i < colon.i and not _is_relative(child)
        ),
        None,
    )
    return _marked(_mention(colon, offset), _mention(_phrase(subject), offset) if subject else None)


def introducer(doc: Doc, offset: int) -> Attribution | None:
    """A paragraph ending in a colon introduces the quote in the next one; after a
    speech verb (``The governor added:``) the next paragraph is said even unquoted."""
    tokens = [t for t in doc if not t.is_space]
    if not tokens or tokens[-1].text != ":":
        return None
    colon = _colon(tokens[-1], offset)
    colon.introduces = colon.source is not None and is_cue(tokens[-1].sent.root)
    return colon


def _introducer(doc: Doc, start: int, offset: int) -> Attribution | None:
    """The colon right before a quote."""
    before = doc.text[:start].rstrip()
    colon = doc.char_span(len(before) - 1, len(before)) if before.endswith(":") else None
    return _colon(colon.root, offset) if colon is not None else None


def _names_someone(label: Span) -> bool:
    """A transcript speaker (``WALLACE``), a named entity that can speak (``Pat Caddell``),
    or a proper name of one or two words heading a headline (``Pence: ...``,
    ``Politifact: ...``), which the entity recogniser often misses in title case."""
    if all(t.is_upper or t.is_punct for t in label):
        return True
    if len(label) <= 2 and all(t.is_title and t.pos_ == "PROPN" for t in label):
        return True
    named = sum(len(e) for e in label.ents if e.label_ in SPEAKING_ENTITIES)
    return 2 * named >= len(label) and all(t.is_title or not t.is_alpha for t in label)


def _labelled(doc: Doc, offset: int) -> Attribution | None:
    """``PENCE: Well, look ...`` or ``Sanders: Clinton needs ...``: a name, a colon, the content.

    The label must look like a name (capitalised words, at most six) and not be
    one of the page labels in ``lexicons/colon_labels.txt`` (``Update:``).
    """
    match = _LABEL.match(doc.text)
    if match is None or match.group(1).lower() in words("colon_labels"):
        return None
    label = doc.char_span(*match.span(1))
    if label is None or len(label) > 6 or not _names_someone(label):
        return None
    content = _strip(doc[doc.char_span(match.end(), len(doc.text), "expand").start :])
    if len([t for t in content if t.is_alpha]) < 3:
        return None
    attribution = _marked(
        Mention(match.group(2), match.start(2) + offset, match.end(2) + offset),
        _mention(label, offset),
    )
    attribution.spans = [(content.start_char + offset, content.end_char + offset)]
    return attribution


def is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in words("speech_verbs")


def is_thought(token: Token) -> bool:
    """A verb that attributes a belief, plan or finding (``lexicons/thought_verbs.txt``)."""
    return token.pos_ == "VERB" and token.lemma_.lower() in words("thought_verbs")


def _has_subject(verb: Token) -> bool:
    """The verb names its own subject. A belief is attributed only then: a participle
    (``a video showing``, ``believing that``) describes rather than attributes."""
    return any(child.dep_ == "nsubj" for child in verb.children)


def _mention(span: Span | Token, offset: int) -> Mention:
    start, end = (
        (span.idx, span.idx + len(span))
        if isinstance(span, Token)
        else (span.start_char, span.end_char)
    )
    return Mention(span.text, start + offset, end + offset)


def source_of(cue: Token) -> Span | None:
    """The subject of a cue verb as a noun phrase, or the agent of a passive.

    A cue with no subject of its own borrows the one of the verb it hangs from:
    ``began by saying``, ``tweeted and said``, ``went on to say``. A passive cue
    (``was criticized``, ``when asked if``) has only its agent: its subject, or
    the subject it would borrow, is who was spoken to or about.

    A participle hung on a noun that cannot speak (``emphasized the threat
    posed by these groups, stating``) is the clause's: its subject is the source.
    """
    verb = cue
    while True:
        for child in verb.children:
            if child.dep_ in SUBJECTS and not (verb == cue and _is_passive(cue)):
                return _subject(child)
            if child.dep_ == "agent":
                objects = [t for t in child.children if t.dep_ == "pobj"]
                if objects:
                    return _phrase(objects[0])
        if verb == cue and _is_passive(cue):
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            noun = verb.head
            clause = None if can_speak(noun) else _clause_of(noun)
            return (
                _issuer(noun)
                or (source_of(clause) if clause is not None else None)
                or _phrase(noun)
            )
        if (missed := _missed_subject(verb)) is not None:
            return missed
        if verb.dep_ not in _BORROWS_SUBJECT or verb.head == verb:
            return None
        verb = verb.head


def _clause_of(noun: Token) -> Token | None:
    """The verb of the clause a noun is part of (``emphasized`` for ``the threat``)."""
    return next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)


def _missed_subject(verb: Token) -> Span | None:
    """The subject of a finite verb the parse gave none, when a noun phrase directly
    precedes it.

    A finite verb has a subject unless it is coordinated, after ``and`` or a
    comma; one right after a name (``... into the U.S. Secretary of State Marco
    Rubio reinforced``) starts a sentence the parser ran into the previous one.
    """
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    if before.pos_ in {"PROPN", "NOUN"} and can_speak(before):
        return _phrase(before)
    return None


def _is_passive(verb: Token) -> bool:
    """``was asked``, or a bare participle modifying a clause or noun (``when asked``)."""
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" in children:
        return True
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not children & {"aux"}


def _issuer(document: Token) -> Span | None:
    """Who put out a document that speaks: ``the Council issued a statement calling ...``
    is the Council's."""
    if document.lower_ not in words("document_heads") or document.dep_ != "dobj":
        return None
    subject = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
    return _subject(subject) if subject is not None else None


_BORROWS_SUBJECT = {"conj", "advcl", "xcomp", "pcomp", "prep"}


def _source_outside(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The cue's source, which cannot be words inside a quote.

    When the parser finds no subject or takes part of the quote as the subject, the
    source is the name between the quote and the cue (``"...," Rep. Lee (D-Md.)
    said``) or the phrase right after the cue (``"... Full panic mode," said
    Leslie Wimes``).
    """
    subject = source_of(cue)
    if subject is not None and not any(s <= subject.start_char < e for s, e in quoted):
        return subject
    between = _name_between(cue, quoted)
    if between is not None or subject is None:
        return between
    after = cue.nbor() if cue.i + 1 < len(cue.doc) else None
    if after is None or after.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"}:
        return None
    while after.head.i > after.i and after.head.pos_ in {"PROPN", "NOUN"}:
        after = after.head
    return _phrase(after)


def _name_between(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The name between a closing quotation mark and the cue, when the parse hangs it
    on the quote: ``"...," Flynn, a top surrogate, said`` gives ``Flynn``."""
    before = [e for s, e in quoted if e <= cue.idx]
    if not before:
        return None
    between = cue.doc.char_span(max(before), cue.idx, alignment_mode="contract")
    if between is None:
        return None
    words = [t for t in between if not t.is_space]
    while words and words[0].is_punct:
        words = words[1:]
    if not words or len(words) > 12 or words[0].pos_ != "PROPN":
        return None
    end = next((t.i for t in words if t.is_punct), words[-1].i + 1)
    return cue.doc[words[0].i : end]


def _subject(token: Token) -> Span:
    """A subject as a noun phrase; a relative ``who`` reaches back to the noun it stands for.

    ``Mayor Ann Lee, who said ...`` gives ``Mayor Ann Lee, who``: the name for the
    speaker, and the pronoun that is the grammatical source.
    """
    if _is_relative(token):
        antecedent = _phrase(token.head.head)
        if antecedent.end <= token.i:
            return token.doc[antecedent.start : token.i + 1]
    return _phrase(token)


def _is_relative(token: Token) -> bool:
    """A relative pronoun opening its clause: ``who`` in ``Lee, who said``."""
    return token.lower_ in {"who", "which", "that"} and token.head.dep_ == "relcl"


def _phrase(head: Token) -> Span:
    """The head's noun phrase without relative clauses or long appositives."""
    left = _left_edge(head)
    right = head
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            right = child.right_edge
    return head.doc[left.i : right.i + 1]


def _left_edge(head: Token) -> Token:
    """Where the head's noun phrase starts.

    A plural takes no ``a``: in ``a move critics argue is driven by ...`` the
    parser hung the antecedent ``a move`` on ``critics``, whose phrase starts after it.
    """
    lefts = list(head.lefts)
    if head.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in lefts):
        nouns = [c for c in lefts if c.dep_ == "compound" and c.tag_ == "NN" and not c.ent_type_]
        if nouns:
            return head.doc[nouns[-1].i + 1]
    return head.left_edge


_ORPHAN_WORDS = 4  # a quote this long with no cue and no speaker is still a statement
_CUE_REACH = 6  # tokens into the next sentence where a cue can still close a quote


def _cue_for(doc: Doc, start: int, end: int, blocked: Sequence[tuple[int, int]]) -> Token | None:
    """The nearest speech verb outside any quote in the sentences around [start, end)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    around = doc[first[0].sent.start : first[-1].sent.end]
    own_end = around.end
    if around.end < len(doc) and around.end - first.end <= 1:
        # the quote ends its sentence ("...?" she said.): look at the start of the next one
        following = doc[around.end].sent
        around = doc[around.start : min(following.end, following.start + _CUE_REACH)]
    candidates = [
        token
        for token in around
        if is_cue(token)
        and not any(s <= token.idx < e for s, e in blocked)
        and (token.i < own_end or not _introduces(token, blocked))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


def _introduces(cue: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """A quoted passage follows the cue within its clause: ``To which she said, "..."``
    reports that passage, not the one before."""
    return any(cue.idx < t.idx and any(s <= t.idx < e for s, e in quoted) for t in cue.subtree)


def _is_title(doc: Doc, start: int, end: int) -> bool:
    """A few capitalised words with no verb in quotation marks are a name or a
    title (``"Fox News Sunday,"``), not a statement. A passage that is a sentence of
    its own (``"The Donald. Big Daddy."``) is something said."""
    words = [t for t in doc if start <= t.idx < end and t.is_alpha]
    if _opens_sentence(doc, start, end) and _is_utterance(doc, start, end):
        return False
    return (
        len(words) <= 6
        and sum(t.is_title and not t.is_stop for t in words) >= 2
        and all(t.is_title or t.is_stop for t in words)
        and not any(t.pos_ in {"VERB", "AUX"} for t in words)
    )


def _after_colon(doc: Doc, start: int) -> bool:
    return doc.text[:start].rstrip().endswith(":")


def _opens_sentence(doc: Doc, start: int, end: int) -> bool:
    """No word of its sentence comes before the passage."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or not any(t.is_alpha for t in doc[span.sent.start : span.start])


def _preceding_subject(doc: Doc, start: int) -> Span | None:
    """Who the sentence before a cue-less quote is about, when it names someone.

    ``Trump repeated his allegations. "What they do ..."``: the quote is his,
    not that of whoever an earlier paragraph quoted.
    """
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or token.sent.start == 0:
        return None
    before = doc[token.sent.start - 1].sent
    for candidate in before:
        if candidate.dep_ in SUBJECTS and (
            candidate.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or candidate.pos_ == "PRON"
        ):
            return _phrase(candidate)
    people = [ent for ent in before.ents if ent.label_ == "PERSON"]
    if people:
        return people[-1]
    # the small model often takes a lone surname for an organisation
    return next((ent for ent in before.ents if ent.label_ == "ORG" and len(ent) == 1), None)


def _closes(passage: str) -> bool:
    """The passage ends with its closing mark here, rather than running on to the next paragraph."""
    return passage.rstrip()[-1:] in "\"'”’»"


def _is_utterance(doc: Doc, start: int, end: int) -> bool:
    """The quoted words end like a sentence: ``"You winning?"``, ``"Never."``."""
    return doc.text[start:end].rstrip("\"'”’»").endswith((".", "?", "!"))


def _words_in(doc: Doc, start: int, end: int) -> int:
    return sum(1 for token in doc if start <= token.idx < end and token.is_alpha)


def _quote_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a quoted passage that attaches it to the rest of the sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    inside = [t for t in span if not t.is_punct] or list(span)
    tops = [t for t in inside if t.head == t or not start <= t.head.idx < end]
    return max(tops, key=lambda t: sum(1 for w in t.subtree if start <= w.idx < end), default=None)


def _governing_cues(
    root: Token, start: int, end: int, governs: Callable[[Token], bool] = is_cue
) -> list[tuple[Token, Token]]:
    """The verbs above a quoted passage for which ``governs`` holds (speech verbs by
    default), innermost first, each with its child on the way down to the passage."""
    found = []
    child = root
    for ancestor in root.ancestors:
        if start <= ancestor.idx < end:
            child = ancestor
            continue
        if governs(ancestor):
            found.append((ancestor, child))
        child = ancestor
    return found


def _framing(verb: Token) -> bool:
    """A verb whose subject names someone: ``Tribe likened the rules to "burning the
    Constitution"`` quotes Tribe even though the verb does not report speech."""
    return verb.pos_ == "VERB" and any(
        child.dep_ == "nsubj" and is_someone(child) for child in verb.children
    )


def _reported(
    cue: Token,
    content: Span,
    local: Sequence[tuple[int, int]],
    offset: int,
) -> Attribution:
    """A mixed quote: the clause ``cue`` reports."""
    return _mixed(cue, [(content.start_char, content.end_char)], local, offset)


def _mixed(
    cue: Token,
    spans: Sequence[tuple[int, int]],
    local: Sequence[tuple[int, int]],
    offset: int,
) -> Attribution:
    """A mixed quote: what ``cue`` reports (paragraph offsets), each part stretched over
    every quoted passage it cuts into (the parse often leaves a closing mark outside)."""
    spans = [_stretched(s, e, local) for s, e in spans]
    subject = _source_outside(cue, local)
    return Attribution(
        spans=[(s + offset, e + offset) for s, e in spans],
        type="mixed",
        cue=_mention(cue, offset),
        source=_mention(subject, offset) if subject is not None else None,
        confidence=0.8 if subject is not None else 0.5,
        quoted=[
            (s + offset, e + offset)
            for s, e in local
            if any(c_start <= s and e <= c_end for c_start, c_end in spans)
        ],
    )


def _clause_around(
    cue: Token, start: int, end: int, local: Sequence[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """What ``cue`` reports, when it holds the quoted passage and more.

    The parse may hang a quoted fragment off the clause rather than under the cue
    (``But the weapons, he added, are like ''bombs you can't use.''``): the
    passage is then part of the cue's content all the same.
    """
    spans = [_stretched(c.start_char, c.end_char, local) for c in _content_spans(cue)]
    if not any(s <= start and end <= e for s, e in spans):
        return None
    reported = sum(_non_space(cue.doc.text[s:e]) for s, e in spans)
    return spans if _non_space(cue.doc.text[start:end]) < 0.8 * reported else None


def _framed_fragment(
    doc: Doc, root: Token | None, start: int, end: int
) -> tuple[Token, Span] | None:
    """A quoted fragment inside a sentence no speech verb frames: the nearest verb
    with a subject, and its clause. A quote opening its sentence stands on its own."""
    if root is None or _opens_sentence(doc, start, end) or _after_colon(doc, start):
        return None
    return _reported_clause(_governing_cues(root, start, end, _framing)[:1], start, end)


def _reported_clause(
    governing: Sequence[tuple[Token, Token]], start: int, end: int
) -> tuple[Token, Span] | None:
    """The outermost cue whose clause is more than the quoted words, with that clause.

    In ``Clinton says she appreciated what she calls a "war of words"`` the quote is
    all that ``calls`` governs, but part of what ``says`` reports; the report is
    the statement.
    """
    if not governing:
        return None
    doc = governing[0][0].doc
    quoted = _non_space(doc.text[start:end])
    for cue, child in reversed(governing):
        content = _governed(cue, child)
        if quoted < 0.8 * _non_space(content.text):
            return cue, content
    return None


def _governed(cue: Token, child: Token) -> Span:
    """What a cue says about: its clause (fronted or after it), or its complements.

    ``said Monday that it was "fair"`` gives the ``that`` clause; ``called Trump a
    "liar"`` gives ``Trump a "liar"``.
    """
    doc = cue.doc
    if child.dep_ == "ccomp" or child.i < cue.i:
        spans = _without(child, cue)
        if spans:
            return doc[spans[0].start : spans[-1].end]
        return _strip(doc[child.left_edge.i : child.right_edge.i + 1])
    parts = [c for c in cue.rights if c.dep_ in _COMPLEMENTS or c == child]
    first, last = min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts)
    return _strip(doc[first : last + 1])


_COMPLEMENTS = {"dobj", "dative", "ccomp", "xcomp", "oprd", "prep", "attr", "acomp", "obj"}


_WH = {"who", "whom", "whose", "which"}


def _strip(span: Span) -> Span:
    """``span`` without edge punctuation (other than quotation marks) and without a
    trailing non-restrictive appendage (``, who ...``, ``, a former ...``), which
    reports of speech leave out of what was said."""
    for token in span[3:]:
        comma = token.left_edge.i - 1
        if (
            (token.dep_ == "appos" or (token.dep_ == "relcl" and token.left_edge.lower_ in _WH))
            and comma >= span.start
            and token.doc[comma].text == ","
            and token.right_edge.i >= span.end - 2
            and sum(t.is_quote for t in token.doc[span.start : comma]) % 2 == 0
        ):
            span = token.doc[span.start : comma]
            break
    while len(span) > 1 and span[0].is_punct and not span[0].is_quote:
        span = span[1:]
    while len(span) > 1 and span[-1].is_punct and not span[-1].is_quote:
        span = span[:-1]
    return span


def _non_space(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def attribute(
    doc: Doc,
    offset: int,
    quoted: Sequence[Quoted],
    previous: Attribution | None,
    signed: Attribution | None = None,
    headline: bool = False,
) -> list[Attribution]:
    """The attributions in one paragraph.

    ``quoted`` are the passages in this paragraph (article offsets); ``previous``
    is the last attribution of the previous paragraph (or the colon that ends
    it), for quotes that carry on its speaker; ``signed`` is the ``- Name`` line
    that follows the paragraph, if any; ``headline`` says the paragraph is the
    article's title.
    """
    local = [(q.start - offset, q.end - offset) for q in quoted]
    labelled = _labelled(doc, offset)
    if labelled is not None:
        labelled.quoted = [(q.start, q.end) for q in quoted]
        if labelled.source.text.isupper():
            labelled.type = "direct"  # a transcript line
        else:
            labelled.type = "mixed" if quoted else "indirect"
        return [labelled]
    if (
        previous is not None
        and previous.introduces
        and not quoted
        and not any(is_cue(token) for token in doc)
    ):
        said = _strip(doc[:])
        span = (said.start_char + offset, said.end_char + offset)
        return [replace(previous, spans=[span], type="indirect", introduces=False)]
    found: list[Attribution] = []
    used_cues: set[int] = set()
    covered: list[tuple[int, int]] = []

    for start, end in local:
        if any(s <= start and end <= e for s, e in covered):
            continue
        root = _quote_root(doc, start, end)
        governing = _governing_cues(root, start, end) if root is not None else []
        if governing:
            cue = governing[0][0]
            clause = _reported_clause(governing, start, end)
            if clause is not None:
                reports = [_reported(*clause, local, offset)]
                if clause[0] != cue:  # the inner cue is a statement of its own
                    inner = _governed(cue, governing[0][1])
                    if inner.start_char > start or inner.end_char < end:
                        inner = doc.char_span(start, end, alignment_mode="expand")
                    reports.append(_reported(cue, inner, local, offset))
                found.extend(reports)
                covered.extend((s - offset, e - offset) for a in reports for s, e in a.spans)
                used_cues.update({clause[0].i, cue.i})
                continue
        elif _claimed(root, start, end):
            continue  # reported by its noun: `_claims`
        elif (framing := _framed_fragment(doc, root, start, end)) is not None:
            report = _reported(*framing, local, offset)
            report.confidence = 0.4
            found.append(report)
            covered.extend((s - offset, e - offset) for s, e in report.spans)
            used_cues.add(framing[0].i)
            continue
        else:
            cue = _cue_for(doc, start, end, local)
            clause = _clause_around(cue, start, end, local) if cue is not None else None
            if clause is not None:
                report = _mixed(cue, clause, local, offset)
                found.append(report)
                covered.extend((s - offset, e - offset) for s, e in report.spans)
                used_cues.add(cue.i)
                continue
            if _is_title(doc, start, end) or (
                _words_in(doc, start, end) < 3 and not (cue and _is_utterance(doc, start, end))
            ):
                continue  # a word or two, or a name, in quotation marks that no verb reports
        span = (start + offset, end + offset)
        last = found[-1] if found else None
        if cue is not None and last is not None and last.cue == _mention(cue, offset):
            last.spans.append(span)  # "A," she said. "B." shares one cue
            last.quoted.append(span)
        elif cue is not None:
            subject = _source_outside(cue, local)
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=_mention(cue, offset),
                    source=_mention(subject, offset) if subject is not None else None,
                    confidence=0.9 if subject is not None else 0.6,
                    quoted=[span],
                )
            )
            used_cues.add(cue.i)
        elif _words_in(doc, start, end) < 3:
            continue
        elif (
            marker := _introducer(doc, start, offset) or _signature(doc, end, offset) or signed
        ) is not None:
            found.append(replace(marker, spans=[span], quoted=[span]))
        elif last is not None and last.type == "direct":
            last.spans.append(span)
            last.quoted.append(span)
        elif previous is not None and previous.type == "direct":
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=previous.cue,
                    source=previous.source,
                    confidence=0.6,
                    quoted=[span],
                )
            )
        elif _words_in(doc, start, end) >= _ORPHAN_WORDS and _closes(doc.text[start:end]):
            # a statement whose speaker the article leaves to context: the last one named
            context = last or previous
            named = _preceding_subject(doc, start)
            found.append(
                Attribution(
                    spans=[span],
                    type="direct",
                    cue=context.cue if context else None,
                    source=(
                        _mention(named, offset)
                        if named is not None
                        else context.source
                        if context
                        else None
                    ),
                    confidence=0.3,
                    quoted=[span],
                )
            )
        else:
            continue
        covered.append((start, end))

    for token in doc:
        speech = is_cue(token) or _prep_cue(token) is not None
        if token.i in used_cues or any(s <= token.idx < e for s, e in local):
            continue
        if not (speech or (is_thought(token) and _has_subject(token))):
            continue
        if not speech and any(s <= token.idx + offset < e for a in found for s, e in a.spans):
            continue  # "said he plans to ...": the plan is part of what was said
        contents = _content_spans(token)
        if not contents:
            continue
        c_start, c_end = contents[0].start_char, contents[-1].end_char
        if any(s < c_end and c_start < e for s, e in covered):
            continue  # already a direct or mixed quote
        inside = [(s, e) for s, e in local if c_start <= s and e <= c_end]
        subject = _source_outside(token, local)
        if subject is None:
            continue
        found.append(
            Attribution(
                spans=[(c.start_char + offset, c.end_char + offset) for c in contents],
                type="mixed" if inside else "indirect",
                cue=_mention(token, offset),
                source=_mention(subject, offset),
                confidence=0.7 if speech else 0.4,
                quoted=[(s + offset, e + offset) for s, e in inside],
            )
        )
    found.extend(_according_to(doc, offset, local))
    found.extend(_claims(doc, offset, local, covered))
    if headline:
        found.extend(_headline(doc, offset, local, found))
    found.sort(key=lambda a: a.spans[0])
    return found


def _headline(
    doc: Doc, offset: int, local: Sequence[tuple[int, int]], found: Sequence[Attribution]
) -> list[Attribution]:
    """A headline's quoted words that no cue reported: the headline reports them with
    all that follows its verb (``Black Lawmakers Rip Donald Trump As A ‘Disgusting
    Fraud.’``) or its colon (``Obama on Climate Change: The Trends Are 'Terrifying.'``),
    for the subject of the verb or the name before the colon."""
    reported = [(s - offset, e - offset) for a in found for s, e in a.spans]
    for start, end in local:
        if any(s <= start and end <= e for s, e in reported):
            continue
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            continue
        sentence = first.sent
        colon = next((t for t in doc[: first.start] if t.text == ":"), None)
        if colon is not None:
            cue, source = colon, _label_head(doc[: colon.i])
        else:
            cue = sentence.root
            source = _headline_subject(cue)
        if source is None or cue.i >= first.start or cue.pos_ not in {"VERB", "AUX", "PUNCT"}:
            continue
        content = _strip(doc[cue.i + 1 : sentence.end])
        c_start, c_end = _stretched(content.start_char, content.end_char, local)
        return [
            Attribution(
                spans=[(c_start + offset, c_end + offset)],
                type="mixed",
                cue=_mention(cue, offset),
                source=_mention(source, offset),
                confidence=0.4,
                quoted=[(s + offset, e + offset) for s, e in local if c_start <= s and e <= c_end],
            )
        ]
    return []


def _label_head(label: Span) -> Span | None:
    """The noun a headline's label before its colon is about (``Obama`` in ``Obama on
    Climate Change``), unless the label is page furniture or a clause."""
    if not len(label) or label.text.lower() in words("colon_labels"):
        return None
    head = label.root
    if head.pos_ not in {"PROPN", "NOUN"} or any(t.pos_ in {"VERB", "AUX"} for t in label):
        return None
    return _phrase(head)


def _headline_subject(verb: Token) -> Span | None:
    """The nouns before a headline's verb. Even parsed in sentence case, a title's
    subject may come out as loose compounds (``Gold Star Mom Corners Obama``)."""
    lefts = [c for c in verb.lefts if c.dep_ in SUBJECTS or c.dep_ == "compound"]
    if not lefts or lefts[0].left_edge.i != verb.sent.start:
        return None
    subject = verb.doc[verb.sent.start : verb.i]
    return subject if any(t.pos_ in {"NOUN", "PROPN"} for t in subject) else None


def _claims(
    doc: Doc, offset: int, local: Sequence[tuple[int, int]], covered: Sequence[tuple[int, int]]
) -> list[Attribution]:
    """Nominal cues: ``Trump's claim that ...``, ``made the promise that ...``, ``an
    assessment from the Council that ...``.

    A noun from ``lexicons/speech_nouns.txt`` or a document with a ``that`` clause
    reports that clause for its `_claimant`; without one there is no one to
    attribute it to. A clause quoted whole (``declaration that “...”``) is a
    direct quote, one with some quoted words a mixed one.
    """
    found = []
    for noun in doc:
        clause = _claim_clause(noun)
        source = _claimant(noun) if clause is not None else None
        if clause is None or source is None:
            continue
        clause_span = _strip(doc[clause.left_edge.i : clause.right_edge.i + 1])
        stretched = _stretched(clause_span.start_char, clause_span.end_char, local)
        content = doc.char_span(*stretched, alignment_mode="expand")
        if len(content) < 3 or any(
            s < content.end_char and content.start_char < e for s, e in covered
        ):
            continue
        inside = [
            (s + offset, e + offset)
            for s, e in local
            if content.start_char <= s and e <= content.end_char
        ]
        whole = inside and not any(
            t.is_alpha and t.dep_ != "mark" and not any(s <= t.idx + offset < e for s, e in inside)
            for t in content
        )
        spans = inside if whole else [(content.start_char + offset, content.end_char + offset)]
        found.append(
            Attribution(
                spans=spans,
                type="direct" if whole else "mixed" if inside else "indirect",
                cue=_mention(noun, offset),
                source=_mention(source, offset),
                confidence=0.6,
                quoted=inside,
            )
        )
    return found


def _claim_clause(noun: Token) -> Token | None:
    """The ``that`` clause of a speech noun or a document, if it has one."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in words("speech_nouns") | words("document_heads"):
        return None
    return next(
        (
            c
            for c in noun.rights
            if c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _claimant(noun: Token) -> Span | None:
    """Whose claim a nominal cue reports: the possessor (``Trump's claim``), the subject
    of the verb it is the object of (``made the promise``), or a document itself when
    the text says whose it is (``an assessment from the Council``)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj":
        owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if owner is not None:
        return _subject(owner)
    if noun.lemma_.lower() in words("document_heads") and released_by(noun) is not None:
        return _phrase(noun)
    return None


def _claimed(root: Token | None, start: int, end: int) -> bool:
    """The quoted passage lies in the clause of a nominal cue that has a claimant."""
    if root is None:
        return False
    noun = next((t for t in root.ancestors if not start <= t.idx < end), None)
    return noun is not None and _claim_clause(noun) is not None and _claimant(noun) is not None


def _stretched(start: int, end: int, local: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """``[start, end)`` stretched over every quoted passage it cuts into (the parse often
    leaves a closing mark, or the end of a quote, outside the clause)."""
    for s, e in local:
        if s < end and start < e:
            start, end = min(start, s), max(end, e)
    return start, end


def _content_spans(cue: Token) -> list[Span]:
    """The clause a cue governs, as one span or two around a parenthetical cue.

    ``said that ...`` and a fronted ``..., officials said`` give the ``ccomp``;
    ``urged X to ...`` the object and the infinitive; ``..., he said, ...`` the
    sentence around the cue.
    """
    doc = cue.doc
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    clauses.sort(key=lambda c: c.i < cue.i)  # a clause to the right wins
    if clauses:
        return _without(clauses[0], cue)
    infinitive = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if infinitive is not None:
        first = min(
            (c for c in cue.rights if c.dep_ in {"dobj", "prep"} and c.i < infinitive.i),
            key=lambda c: c.i,
            default=infinitive,
        )
        span = _strip(doc[first.left_edge.i : infinitive.right_edge.i + 1])
        return [span] if len(span) >= 3 else []
    if cue.dep_ == "parataxis":
        return _without(cue.head, cue)
    prep = _prep_cue(cue)
    if prep is not None:
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if objects:
            span = _strip(doc[objects[0].left_edge.i : objects[-1].right_edge.i + 1])
            return [span] if len(span) >= 2 else []
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    if (
        obj is not None
        and (cue.lemma_.lower() in words("object_cues") or is_thought(cue))
        and not _intended(cue)
    ):
        parts = [obj] + [c for c in cue.rights if c.dep_ in {"prep", "oprd"} and c.i > obj.i]
        span = _strip(doc[obj.left_edge.i : max(p.right_edge.i for p in parts) + 1])
        return [span] if len(span) >= 3 else []
    return []


def _intended(cue: Token) -> bool:
    """``met to discuss the plan``, ``refused to describe it``: an act meant or
    refused, not one reported, so its object is no statement."""
    return cue.dep_ in {"advcl", "xcomp"} and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in cue.children
    )


def _prep_cue(verb: Token) -> Token | None:
    """The preposition that makes ``verb`` a cue (``called for``, ``spoke of``), from
    ``lexicons/prep_cues.txt``; ``spoke on Fox News`` reports nothing."""
    return next(
        (
            prep
            for prep in verb.rights
            if prep.dep_ == "prep" and f"{verb.lemma_.lower()} {prep.lower_}" in words("prep_cues")
        ),
        None,
    )


def _without(head: Token, cue: Token) -> list[Span]:
    """``head``'s subtree minus the cue's own words (and any speech verb coordinated with it)."""
    doc = cue.doc
    inside = head in cue.ancestors  # a parenthetical cue sits within the clause
    dropped = {t.i for t in cue.subtree} if inside else set()
    for child in head.children:
        if child.dep_ == "conj" and is_cue(child):
            dropped.update(t.i for t in child.subtree)
            dropped.update(t.i for t in head.children if t.dep_ == "cc" and t.i < child.i)
    spans: list[Span] = []
    run: list[int] = []
    for token in doc[head.left_edge.i : head.right_edge.i + 1]:
        if token.i in dropped:
            if run:
                spans.append(doc[run[0] : run[-1] + 1])
            run = []
        else:
            run.append(token.i)
    if run:
        spans.append(doc[run[0] : run[-1] + 1])
    spans = [_strip(span) for span in spans]
    spans = [span for span in spans if not all(t.is_punct for t in span)]
    return spans if sum(len(span) for span in spans) >= 3 else []


def _according_to(doc: Doc, offset: int, local: Sequence[tuple[int, int]]) -> list[Attribution]:
    found = []
    for token in doc:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        if not objects:
            continue
        phrase = doc[token.i : token.right_edge.i + 1]
        sentence = token.sent
        before = doc[sentence.start : phrase.start]
        after = doc[phrase.end : sentence.end]
        content = max((before, after), key=len)
        content = _trim(content)
        if content is None or any(s <= content.start_char < e for s, e in local):
            continue
        found.append(
            Attribution(
                spans=[(content.start_char + offset, content.end_char + offset)],
                type="indirect",
                cue=_mention(doc[token.i : to.i + 1], offset),
                source=_mention(_phrase(objects[0]), offset),
                confidence=0.7,
            )
        )
    return found


def _trim(span: Span) -> Span | None:
    while len(span) and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) >= 3 else None
