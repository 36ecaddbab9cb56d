"""Which words report speech or thought: speech and thought verbs from the lexicons, verbs
with a preposition (``called for``), other verbs whose subject names someone (framing a
quoted fragment, or with a clause the scorer may take for a report), and the search for
the cue nearest a quoted passage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ..parse import per_doc
from ..speakers import is_someone
from ..speakers.references import put_to_them

SUBJECTS = {"nsubj", "nsubjpass"}
TENSED = frozenset({"VBD", "VBZ", "VBP"})  # a verb in the past or present tense


def is_finite(verb: Token) -> bool:
    """The verb is tensed (``said``, ``says``) or an auxiliary before it is (``has said``,
    ``will say``): a clause of its own, which has a subject somewhere."""
    return verb.tag_ in TENSED or any(
        c.dep_ == "aux" and c.tag_ in TENSED | {"MD"} for c in verb.lefts
    )


def asks_whether(clause: Token) -> bool:
    """The clause is a yes-or-no question, opened by ``whether`` or ``if`` (``asked Trump
    if the project was still in his plans``, ``declined to comment on whether ...``)."""
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children)


def speech_verbs(doc: Doc) -> list[bool]:
    """`is_cue` of every word of a paragraph, read once: the rules look for cues among
    all its words, and the boundary ranker asks which words an alternative adds."""
    return per_doc(doc, "quotedb.speech_verbs", lambda: [is_cue(token) for token in doc])


def is_cue(token: Token) -> bool:
    """A speech verb, a verb that carries a speaker on (``he continued``) standing bare,
    or one whose particle makes it a retort (``shot back``, ``pushed back``)."""
    if token.pos_ not in {"VERB", "AUX"} and not _verb_read_as_noun(token):
        return False
    if _aside(token) or _adds_a_thing(token) or _reminds_of(token) or put_to_them(token):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in words("speech_verbs")
        or (lemma in words("carrying_on_verbs") and _carries_on(token))
        or (lemma in _WRITTEN and _written_subject(token) and not _depicts(token))
        or puts_it(token)
        or (
            lemma in _verbs_of("phrasal_cues")
            and any(
                c.dep_ in {"prt", "advmod"} and f"{lemma} {c.lower_}" in words("phrasal_cues")
                for c in token.children
            )
        )
    )


def puts_it(verb: Token) -> bool:
    """``As Mr. Ridge put it, the barbarians are inside``, ``Foner put it bluntly: ...``:
    how someone put it is what they said; ``put it on the table`` is no saying, and
    neither is ``put it`` without ``as`` or a colon after."""
    if verb.lemma_.lower() != "put" or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in children) or any(
        c.dep_ in {"dative", "prt", "xcomp", "ccomp"} and c.i > verb.i for c in children
    ):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return True
    after = verb.right_edge.i + 1
    return after < len(verb.doc) and verb.doc[after].text == ":"


@cache
def _verbs_of(pairs: str) -> frozenset[str]:
    """What may come before a space in an entry of ``lexicons/PAIRS.txt`` (a verb and its
    particle or preposition): a word that is none of them needs no look at its children
    (for speed: most words are none)."""
    return frozenset(
        entry[:at] for entry in words(pairs) for at, char in enumerate(entry) if char == " "
    )


def _aside(verb: Token) -> bool:
    """``That said, ...``: the writer's "even so", in which nobody says anything."""
    doc, i = verb.doc, verb.i
    return (
        verb.lower_ == "said"
        and i - 1 == verb.sent.start
        and doc[i - 1].lower_ in {"that", "this"}
        and i + 1 < len(doc)
        and doc[i + 1].text == ","
    )


def _adds_a_thing(verb: Token) -> bool:
    """``the bill added billions to the deficit``, ``add a clip``: ``add`` with a thing
    for its object says what grew, not what was said. An object in quotation marks is
    what was said (``He added, "She's qualified."``), and a person after it who said it
    (``..., added another New Hampshire Democrat``)."""
    return verb.lemma_.lower() == "add" and any(
        c.dep_ == "dobj"
        and c.tag_ not in {"WDT", "WP"}  # "which he added 'is deeply regrettable'"
        and not is_someone(c)
        and not any(t.is_quote for t in c.subtree)
        for c in verb.children
    )


def _reminds_of(verb: Token) -> bool:
    """``the schools reminded him of “a third-world country”``: what something called to
    mind, not what anyone said (``reminded members that ...`` is said)."""
    return verb.lemma_.lower() == "remind" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in verb.children
    )


def _written_subject(verb: Token) -> bool:
    """``the statement read``, ``one sign read``: what a text says, its words quoted; so
    what a document finds (``the audit found that ...``, ``a report that concluded
    ...``, ``a new poll shows ...``) is what it publishes, a statement as ``according to
    the study`` is, not a belief; a person's finding stays a thought."""
    documents = words("document_heads")
    return any(
        c.dep_ == "nsubj"
        and (
            c.lemma_.lower() in documents
            or (c.tag_ == "WDT" and verb.dep_ == "relcl" and verb.head.lemma_.lower() in documents)
        )
        for c in verb.children
    )


_WRITTEN = frozenset({"read", "find", "show", "conclude"})
"""Verbs that report when a document is their subject."""


def _depicts(verb: Token) -> bool:
    """``The video shows a spokeswoman saying ...``: what a picture shows
    (`lexicons/shared_media.txt`) is what it depicts, not what it says (``the poll shows
    Clinton leads``)."""
    return verb.lemma_.lower() == "show" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in words("shared_media") for c in verb.children
    )


def _verb_read_as_noun(token: Token) -> bool:
    """``Trump claims he's worth $10 billion``: the tagger reads ``claims`` as a plural
    noun, the parser as the verb it is, with a subject and a clause."""
    return (
        token.tag_ == "NNS"
        and any(c.dep_ == "nsubj" for c in token.children)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


# a carrying-on verb with one of these goes on to something else ("went on to win")
_NOT_BARE = {"dobj", "xcomp", "prep", "attr", "acomp", "oprd", "agent", "dative", "npadvmod"}


def _carries_on(verb: Token) -> bool:
    """``"...," he continued.`` or ``She went on: "..."``: someone is its subject and it
    has neither an object nor a complement (``went on to win``), so what it goes on
    with is the quote."""
    children = list(verb.children)
    if verb.lemma_.lower() == "go" and not any(
        c.dep_ == "prt" and c.lower_ == "on" for c in children
    ):
        return False
    return any(c.dep_ == "nsubj" and is_someone(c) for c in children) and not any(
        (c.dep_ in _NOT_BARE and not _quoted_before(c, verb)) or _intended(c) for c in children
    )


def _quoted_before(word: Token, verb: Token) -> bool:
    """The object the parse gave a verb is the quote before it (``“Honesty,” he
    answered``): what it goes on with, no thing it takes."""
    first = word.left_edge
    return word.i < verb.i and (first.is_quote or (first.i > 0 and first.nbor(-1).is_quote))


def is_thought(token: Token) -> bool:
    """A verb that attributes a belief, plan or finding (``lexicons/thought_verbs.txt``),
    or a view of something as something (``sees him as a threat``,
    ``lexicons/view_verbs.txt``)."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    return lemma in words("thought_verbs") or (
        lemma in words("view_verbs")
        and any(c.dep_ == "dobj" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
    )


def inverted_subject(cue: Token) -> Token | None:
    """The speaker named after a cue that follows what was said: ``The rules will hurt
    small businesses, argued Reyes.`` The parse makes the verb a conjunct of the
    clause and the name its object, or the sentence's root with the clause before it
    and the name its object (``Nobody was consulted, complained resident Jane Doe.``):
    a finite speech verb right after a comma, with no subject and no clause after it,
    and a name that ends the sentence, is inverted."""
    doc = cue.doc
    if (
        cue.i == 0
        or doc[cue.i - 1].text != ","
        or cue.tag_ not in {"VBD", "VBZ", "VBN"}  # "..., warned economist Jane Doe": VBN
        or (cue.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in cue.children))
        or cue.lemma_.lower() in TELLING
        or any(_not_inverted(c, cue) or (c.dep_ == "ccomp" and c.i > cue.i) for c in cue.children)
        or (cue.dep_ == "ROOT" and not any(c.dep_ == "ccomp" for c in cue.lefts))
    ):
        return None
    named = next((c for c in cue.rights if c.left_edge.i == cue.i + 1), None)
    if named is None or named.dep_ not in _NAMED_AFTER or not is_someone(named):
        return None
    after = named.right_edge.i + 1
    ends = after >= cue.sent.end or doc[after].text in {".", ",", ";"}
    return named if ends else None


_NAMED_AFTER = {"dobj", "attr", "npadvmod", "appos", "nsubj"}

TELLING = frozenset({"tell", "inform", "remind", "assure", "notify", "convince"})
"""Verbs whose object is whom they tell, never who spoke: ``..., Sonya Sharp, wearing a
pin, told reporters`` is no ``..., argued Reyes`` (``warned`` may be either)."""


def _not_inverted(child: Token, cue: Token) -> bool:
    """A subject that makes the cue no inverted one: any but the subject after a
    conjunct (``... is under pressure from imports, said the company's chief
    executive``), which the parse reads right, the verb joined to the clause it reports."""
    return child.dep_ in SUBJECTS and (child.i < cue.i or cue.dep_ != "conj")


def _has_subject(verb: Token) -> bool:
    """The verb names its own subject. A belief is attributed only then: a participle
    (``a video showing``, ``believing that``) describes rather than attributes."""
    return any(child.dep_ == "nsubj" for child in verb.children)


def nearest_subject(cue: Token) -> Token | None:
    """The cue's subject nearest it on its left: of two the parse gave it (``The drug cut
    levels by half, the company announced``), the one after the comma."""
    return max((c for c in cue.lefts if c.dep_ == "nsubj"), key=lambda c: c.i, default=None)


def _prep_cue(verb: Token) -> Token | None:
    """The preposition that makes ``verb`` a cue (``called for``, ``spoke of``), from
    ``lexicons/prep_cues.txt``; ``spoke on Fox News`` reports nothing.

    In ``called for Trump to drop out`` the parse makes ``for`` the marker of the
    clause that follows, hung on the verb: the preposition all the same. Those
    markers are looked for only when no preposition of the verb's own is one.
    """
    lemma = verb.lemma_.lower()
    if lemma not in _verbs_of("prep_cues"):
        return None
    follows = (
        mark
        for clause in verb.rights
        if clause.dep_ in {"advcl", "ccomp", "xcomp"}
        for mark in clause.lefts
        if mark.dep_ == "mark" and mark.i == verb.i + 1
    )
    return next(
        (
            prep
            for prep in chain(verb.rights, follows)
            if prep.dep_ in {"prep", "mark"} and f"{lemma} {prep.lower_}" in words("prep_cues")
        ),
        None,
    )


def _intended(cue: Token) -> bool:
    """``met to discuss the plan``, ``refused to describe it``: an act meant or
    refused, not one reported, so its object is no statement. One that goes on
    (``continues to deny the allegations``) is reported all the same."""
    return (
        cue.dep_ in {"advcl", "xcomp"}
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in cue.children)
        and not (cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _GOING_ON)
    )


_GOING_ON = frozenset({"continue", "keep", "begin", "start"})


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
        reach = following.start + _CUE_REACH
        if (said := _said_by_subject(following)) is not None:
            reach = said.i + 1  # "...!" Scott's niece, state Del. Marcia Price, shouted
        around = doc[around.start : min(following.end, reach)]
    candidates = [
        token
        for token in around
        if is_cue(token)
        and not any(s <= token.idx < e for s, e in blocked)
        and (token.i < own_end or not _introduces(token, blocked))
        and not _in_own_event(token, first.end)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (_put_to(t), min(abs(t.idx - start), abs(t.idx - end))))


def _said_by_subject(sentence: Span) -> Token | None:
    """The speech verb of a sentence that opens with its subject, however long, and goes
    on with it: a cue that closes the quote before it even past ``_CUE_REACH``; or with
    one heard (``a Conservative MP could be heard shouting``)."""
    root = sentence.root
    subjects = [c for c in root.lefts if c.dep_ in SUBJECTS]
    cue = root if is_cue(root) else _heard(root)
    auxiliaries = {"aux", "auxpass", "neg"}
    if (
        cue is None
        or len(subjects) != 1
        or subjects[0].left_edge.i != sentence.start
        or not all(
            t.is_punct or t.dep_ in auxiliaries
            for t in sentence.doc[subjects[0].right_edge.i + 1 : root.i]
        )
    ):
        return None
    return cue


def _heard(verb: Token) -> Token | None:
    """The speech verb someone was heard or seen at: ``shouting`` in ``could be heard
    shouting``, ``saying`` in ``was caught on video saying``."""
    if verb.lemma_ not in _PERCEIVED:
        return None
    return next((c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and is_cue(c)), None)


_PERCEIVED = frozenset({"hear", "overhear", "see", "catch", "record", "film"})


def _put_to(cue: Token) -> bool:
    """A bare participle (``when asked what ...``): what someone was asked, a weaker cue
    for the quote than the verb of the answer (``“...,” she said ... when asked ...``)."""
    return (
        cue.tag_ in {"VBN", "VBD"}
        and (cue.tag_ == "VBN" or cue.dep_ == "advcl" or (cue.dep_ == "acl" and not _told_by(cue)))
        and not any(c.dep_ in SUBJECTS for c in cue.children)
    )


def _told_by(cue: Token) -> bool:
    """A past tense the parse hung on the noun right before it, which is its subject (``a
    man yelled “Stay there!”``): a speaker's verb, not a participle."""
    return cue.tag_ == "VBD" and cue.head.i == cue.i - 1 and cue.head.pos_ in {"NOUN", "PROPN"}


_EVENT_MARKS = frozenset(
    {"when", "after", "because", "while", "before", "since", "until", "although", "though"}
)
"""Words that open a clause telling of another event: ``"...," when his rival attacked him``."""


def _in_own_event(cue: Token, after: int) -> bool:
    """A verb after the quote (which ends before token ``after``) in a clause of its own,
    opened by ``when``, ``after``, ``because``...: it tells what happened then, it does
    not say who spoke the quote (``as`` can: ``"...," as he put it``)."""
    return cue.i >= after and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _EVENT_MARKS and after <= c.i < cue.i
        for c in cue.children
    )


def _introduces(cue: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """A quoted passage follows the cue within its clause: ``To which she said, "..."``
    reports that passage, not the one before."""
    return any(cue.idx < t.idx and any(s <= t.idx < e for s, e in quoted) for t in cue.subtree)


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
        if found and child.dep_ in {"advcl", "conj"} and is_cue(child):
            break  # "condemned the action, calling it a 'failure'": calling is its own act
        if (
            governs(ancestor)
            and not puts_it(ancestor)  # "as she put it in Raleigh, where she promised '...'"
            and not _in_subject(ancestor, child)
            and not _reports_after(ancestor, child)
        ):
            found.append((ancestor, child))
        child = ancestor
    return found


def _reports_after(cue: Token, child: Token) -> bool:
    """The passage lies in a clause before the cue, which reports a ``that`` clause after
    it: ``He pledged to be "the greatest jobs president" and cast doubt on the rate,
    suggested that it could be 42 percent`` (the parse hangs the first verbs on the
    last). A report fronted before its cue (``"...," he suggested``) never has a
    ``that`` clause after the cue as well: the passage is another act of the speaker's.
    Not a cue with a subject of its own, which may interrupt a relative clause (``because
    of the "impact," Jacobs said, that he's had``)."""
    children = list(cue.children)
    return (
        child.i < cue.i
        and not any(c.dep_ in SUBJECTS for c in children)
        and any(c.dep_ == "ccomp" and c.i > cue.i and opened_by_that(c) for c in children)
    )


def _in_subject(verb: Token, child: Token) -> bool:
    """The quote lies in the verb's subject phrase (``child``), so the verb does not
    report it; a verb above may ('"...," said one Democrat familiar with it, who added
    that the White House seemed "rattled"'; ``Holm said that the ad "unmistakably"
    suggests ...``). Not the subject of a passive, which is what was said (``"American
    Skin" was written by Springsteen``), nor a report the parse took for the subject of
    an inverted cue, which has a second subject after it (``The rejection signals "the
    beginning of the end" for the EU, said Geert Wilders``)."""
    if child.dep_ != "nsubj":
        return False
    return child.i > verb.i or not any(c.dep_ in SUBJECTS and c.i > verb.i for c in verb.children)


def _framing(verb: Token) -> bool:
    """A verb whose subject names someone: ``Tribe likened the rules to "burning the
    Constitution"`` quotes Tribe even though the verb does not report speech."""
    return verb.pos_ == "VERB" and any(
        child.dep_ == "nsubj" and is_someone(child) for child in verb.children
    )


def _reports(verb: Token) -> bool:
    """A verb outside the lexicons that may still attribute: its subject names someone and
    it has a clause (``Cruz signalled that ...``, ``Trump reckons the polls ...``).
    Whether it does is the learned scorer's call, from its lemma. An infinitive is an
    act refused or meant (``declined to discuss``), not something said."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and is_someone(c) for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


@cache
def claim_nouns() -> frozenset[str]:
    """Speech nouns and documents: the nouns that report a ``that`` clause (``the claim
    that ...``, ``a report that ...``)."""
    return words("speech_nouns") | words("document_heads")


def _claim_clause(noun: Token) -> Token | None:
    """The ``that`` clause of a speech noun or a document, if it has one."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in claim_nouns():
        return None
    return next(
        (
            c
            for c in noun.rights
            if (c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children))
            or (c.dep_ == "relcl" and _complement(c))  # "the vow that answers will be ...", misread
        ),
        None,
    )


def _complement(clause: Token) -> bool:
    """A clause opened by ``that`` as a complementizer, with a subject of its own: not a
    relative clause, whatever the parse says, since a relative ``that`` is the clause's
    own subject or object (``the report that he wrote``)."""
    return opened_by_that(clause) and any(c.dep_ in SUBJECTS for c in clause.children)


def opened_by_that(clause: Token) -> bool:
    """The clause's ``that`` is its complementizer (the parse's ``mark``)."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
