"""Who is speaking: a cue's subject, a passive's agent, or the subject a cue borrows
from the verb it hangs on. How far the mention runs is `source_phrases`'; a source the
parse does not give as the cue's subject (the name beside a quote, a claim's owner, a
pull quote's credit) is `named_sources`'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from ..dates import after_dateline
from ..lexicons import words
from ..parse import hyphen_joins
from ..speakers import SPEAKING_ENTITIES, can_speak, is_someone, speechless
from .cue_grammar import SUBJECTS, TENSED, asks_whether, inverted_subject
from .cues import is_cue
from .misparses import fronted_report
from .quote_cues import _EVENT_MARKS, _reports_after
from .source_phrases import _FRONTING, _issuer, _object_of, _phrase, _subject


def source_of(cue: Token) -> Span | None:
    """The subject of a cue verb as a noun phrase, or the agent of a passive (`_source`),
    never the dateline: in ``MINNEAPOLIS, June 4, 2024 /PRNewswire/ -- Northwind Thermal
    Systems, Inc. ... today announced`` the parse makes the city the subject, and the
    company named after the dateline is the source."""
    found = _source(cue)
    if found is None or found.end > (opening := after_dateline(cue.doc)):
        return found
    return next(
        (
            ent
            for ent in cue.doc.ents
            if opening <= ent.start < cue.i and ent.label_ in SPEAKING_ENTITIES
        ),
        found,
    )


def _source(cue: Token) -> Span | None:
    """The subject of a cue verb as a noun phrase, or the agent of a passive.

    A cue with no subject of its own borrows the one of the verb it hangs from:
    ``began by saying``, ``tweeted and said``, ``went on to say``. A passive cue
    (``was criticized``, ``when asked if``) has only its agent: its subject, or
    the subject it would borrow, is who was spoken to or about.

    A participle hung on a noun that cannot speak (``emphasized the threat
    posed by these groups, stating``) is the clause's: its subject is the source.
    """
    if (named := inverted_subject(cue)) is not None:
        return _phrase(named)
    if (quoted := _quoted_as_saying(cue)) is not None:
        return _phrase(quoted)
    verb = cue
    while True:
        for child in _speaking_subject_first(verb):
            if child.dep_ in SUBJECTS and not (verb == cue and _is_passive(cue)):
                if verb != cue and speechless(child) and (nearer := _nearer_speaker(verb, cue)):
                    return _subject(nearer)
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
        if (clausal := _clausal_subject(verb)) is not None:
            return _subject(clausal)
        if (listed := _listed_subject(verb)) is not None:
            return _subject(listed)
        if (missed := _missed_subject(verb)) is not None:
            return missed
        if (interrupted := _participle_subject(verb)) is not None:
            return _subject(interrupted)
        if (described := _described_subject(verb)) is not None:
            return _subject(described)
        if (verb.dep_ not in _BORROWS_SUBJECT and not _joined(verb)) or verb.head == verb:
            return None
        if verb == cue and (prompted := _moved_to_speak(cue)) is not None:
            return _subject(prompted)
        above = _reporter_above(verb) or _above_circumstance(verb) or _above_question(verb)
        verb = above or verb.head


def _moved_to_speak(cue: Token) -> Token | None:
    """Whom the verb above an infinitive cue moved to speak: ``prompting Japan's top
    currency diplomat to warn``, ``forced the minister to admit``
    (`lexicons/moving_verbs.txt`): the object, not the subject, says it."""
    if cue.dep_ != "xcomp" or cue.head.lemma_.lower() not in words("moving_verbs"):
        return None
    return next(
        (c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i and is_someone(c)),
        None,
    )


def _above_circumstance(participle: Token) -> Token | None:
    """The main clause a participle set off at a sentence's end goes with when the parse
    hung it on a clause of circumstance before it: in ``The Commission played down
    concerns after nine member states failed to submit plans, insisting the rollout
    remains on track`` the Commission insisted. Not when that clause's subject cannot
    speak (``The first incident came ..., when protesters interrupted her, shouting``:
    `_nearer_speaker`)."""
    clause = participle.head
    if (
        participle.tag_ != "VBG"
        or participle.dep_ != "advcl"
        or participle.doc[participle.i - 1].text != ","
        or clause.dep_ != "advcl"
        or not any(c.dep_ == "mark" and c.lower_ in _EVENT_MARKS for c in clause.children)
    ):
        return None
    main = clause.head
    subject = next((c for c in main.children if c.dep_ in SUBJECTS), None)
    return main if subject is not None and (can_speak(subject) or is_someone(subject)) else None


def _above_question(participle: Token) -> Token | None:
    """The verb a participle set off at a sentence's end goes with when the parse hung it
    on a question that verb leaves open: in ``Charbonneau declined to comment on whether
    the province would ask Ottawa for help, saying only that ...`` Charbonneau said it,
    not the province."""
    clause = participle.head
    if (
        participle.tag_ != "VBG"
        or participle.dep_ != "advcl"
        or participle.doc[participle.i - 1].text != ","
        or not asks_whether(clause)
    ):
        return None
    return next((a for a in clause.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def _quoted_as_saying(cue: Token) -> Token | None:
    """Whom an outlet quoted as saying something, who said it: ``Xinhua quoted Liang
    Zhiqiang, deputy head of the flood control headquarters, as saying that ...``; the
    outlet only reported it."""
    marker = cue.head
    if cue.dep_ != "pcomp" or marker.lower_ != "as" or marker.head.lemma_.lower() != "quote":
        return None
    return next((c for c in marker.head.children if c.dep_ == "dobj"), None)


def _nearer_speaker(verb: Token, cue: Token) -> Token | None:
    """The subject nearest the cue of a clause between ``verb`` and the cue that borrows
    its subject, when ``verb``'s cannot speak: in ``Shares of Brightfield Foods jumped
    9.3% after the packaged-food maker raised its outlook and said ...`` the parse joined
    ``said`` to ``jumped``; the maker said it. So in ``The first incident came during a
    speech at Purchase, when Sanders protesters interrupted her, shouting ...``, where
    the clause hangs on the place: the protesters shouted."""
    for token in reversed(verb.doc[verb.i + 1 : cue.i]):
        if (
            token.dep_ == "nsubj"
            and token.head.dep_ in {"advcl", "relcl"}
            and _circumstance_of(token.head, verb)
            and (can_speak(token) or is_someone(token))
        ):
            return token
    return None


def _circumstance_of(clause: Token, verb: Token) -> bool:
    """Whether ``clause`` hangs under ``verb`` with no report between them: the subject
    of what someone said (``Trump conceded that Lewandowski had touched Fields but
    implied``) is none of the speaker's."""
    while clause != verb:
        if clause.dep_ in {"ccomp", "xcomp", "parataxis"} or clause.head == clause:
            return False
        clause = clause.head
    return True


def _speaking_subject_first(verb: Token) -> list[Token]:
    """The verb's children, but of two subjects on one side of it the later first when
    the earlier is a label (``Image: Toronto police say ...``), or when the later names
    a person, the earlier does not, and only words stand between them: the parser makes
    both ``police`` and ``Mooken`` subjects of ``said`` in ``Peel police Const. Akhil
    Mooken said``, and both ``Services`` and ``Smith`` in ``said Toronto Fire Services
    Capt. Adam Smith``; the person named last is who spoke, as is someone set off by a
    comma after a report the parser made the first (``..., a coroner has concluded``).
    Two pieces of one name (``National Rifle Association``) stay as they are, and so do
    two subjects apart by a comma or a conjunction: a subject and its apposition, or a
    list (``Ban Ki-moon, the secretary general, vowed``); but a place a sentence opens
    with is no subject (``Outside city hall, about 40 people rallied``), nor a participle
    (``Intervening, Chief Minister M. Elangovan said``). Of subjects on
    both sides, someone named right after a verb that follows a comma comes first: ``The
    rejection of the treaty signals "the beginning of the end", said Geert Wilders``,
    where the parser took ``signals`` for a noun and the report for a subject, is
    Wilders'; so is the subject of a report fronted before it (`misparses.fronted_report`:
    ``The drug cut levels by half, the company announced``) the company's, and one after
    the closing mark of a quote the parser found a subject in."""
    children = list(verb.children)
    doc = verb.doc
    after = next((c for c in children if c.dep_ in SUBJECTS and c.left_edge.i == verb.i + 1), None)
    if (
        after is not None
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and any(c.dep_ in SUBJECTS and c.i < verb.i for c in children)
        and is_someone(after)
    ):
        return [after, *(c for c in children if c is not after)]
    for side in (
        [c for c in children if c.dep_ in SUBJECTS and c.i < verb.i],
        [c for c in children if c.dep_ in SUBJECTS and c.i > verb.i],
    ):
        if len(side) < 2:
            continue
        first, later = side[-2], side[-1]
        labelled = any(t.text == ":" for t in doc[first.i + 1 : later.left_edge.i])
        named = (
            later.ent_type_ == "PERSON"
            and first.ent_type_ != "PERSON"
            and not _object_of(first, later)
            and not any(
                t.is_punct and t.text != "." or t.dep_ == "cc" for t in doc[first.i + 1 : later.i]
            )
        )
        # "ratios, which Hazelton argued would keep ...": the relative pronoun is the
        # subject of what was argued, the name right after it the speaker
        relative = first.lower_ in {"which", "that"} and later.left_edge.i == first.i + 1
        # "Outside city hall, about 40 people rallied ...": a fronted place the parser
        # made a subject, its preposition read as an adjective
        setting = doc[first.left_edge.i].lower_ in _FRONTING and first.left_edge.i == 0
        # "A delay ... "more than minimally contributed" to her death, a coroner has
        # concluded": the report's subject and, set off after it, who spoke (not an
        # apposition, which a second comma closes before the verb)
        fronted = (
            later.i < verb.i
            and is_cue(verb)
            and doc[later.left_edge.i - 1].text == ","
            and first.right_edge.i < later.left_edge.i - 1
            and any(t.pos_ in {"VERB", "AUX"} for t in first.subtree)  # a clause, no list
            and all(
                t.head == verb and t.dep_ in {"aux", "neg", "advmod"}
                for t in doc[later.right_edge.i + 1 : verb.i]
            )
            and is_someone(later)
        )
        fronted = fronted or (later.i < verb.i and fronted_report(verb) is not None)
        # "wrote Monroe’s “Harbor Lights” co-star Denise Albright": a possessor, no subject
        owner = any(c.dep_ == "case" and c.tag_ == "POS" for c in first.children)
        # "Intervening, Chief Minister M. Elangovan said ...": a participle set off at the
        # sentence's start, which the parser took for a name; so an adverb before a
        # person ("Backstage, Duarte told reporters")
        participle = (
            first.i == first.sent.start
            and first.left_edge == first
            and first.right_edge.i <= first.i + 1
            and doc[first.i + 1].text == ","
            and (
                first.lower_.endswith("ing")
                or (
                    first.ent_type_ not in SPEAKING_ENTITIES
                    and (later.ent_type_ == "PERSON" or later.pos_ == "PRON")
                )
            )
        )
        # "Co-founder and CEO Ruth Abernathy said": the pieces of a hyphenated word, each
        # a subject to the parser, make one, headed by the last
        joined = hyphen_joins(doc, later.i - 1) and doc[later.i - 2] in side
        # "Tolliver’s agent, Randall Pike of Pinnacle Athletes Group, said": the name set
        # off after a description, a second subject to the parser
        described = (
            first.pos_ == "NOUN"
            and later.ent_type_ == "PERSON"
            and first.right_edge.i + 2 == later.left_edge.i
            and doc[first.right_edge.i + 1].text == ","
            and "," in {later.right_edge.text, doc[later.right_edge.i + 1].text}
        )
        # '"Summer's cancelled, folks," he wrote': the parse took the quote's "folks" for
        # a subject too; a closing quotation mark puts it among the words said
        quoted = (
            later.i < verb.i
            and sum(t.is_quote for t in doc[first.sent.start : first.i]) % 2 == 1
            and any(t.is_quote for t in doc[first.i + 1 : later.left_edge.i])
        )
        if (
            quoted
            or labelled
            or named
            or relative
            or setting
            or fronted
            or owner
            or participle
            or joined
            or described
        ):
            return [later, *(c for c in children if c is not later)]
    return children


def _participle_subject(verb: Token) -> Token | None:
    """The subject the parser gave a participle between it and the verb: in ``Durbin,
    noting the size of Sanders's following, said, "..."`` it makes ``Durbin`` the subject
    of ``noting``, and ``said`` either the participle's parataxis or its head; so too
    ``Premier Danielle Smith, asked about the project on Tuesday, said``, a passive
    participle set off by commas. Not a verb with auxiliaries, which is no participle
    but a tense: in ``"I've been fixing these buses for 22 years," the 54-year-old
    said`` the subject is the quote's ``I``."""
    before = [c for c in verb.lefts if c.dep_ in {"advcl", "ccomp"}]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        before.append(verb.head)

    def interrupted_by(subject: Token) -> bool:  # its head is the participle
        participle = subject.head
        if any(c.dep_ in {"aux", "auxpass"} for c in participle.children):
            return False
        return participle.tag_ == "VBG" or (participle.tag_ in _PAST and _set_off(subject))

    return _subject_in(before, interrupted_by)


_PAST = frozenset({"VBN", "VBD"})  # "asked about the project": the tagger may say either


def _described_subject(verb: Token) -> Token | None:
    """The subject of a description the tagger read as a verb: in ``Jeffrey Salkin, a
    Hollywood, Fla., rabbi helping to organize the boycott, said he and other rabbis
    were alarmed``, ``rabbi`` is a present-tense verb whose subject is Salkin, a clause
    before ``said``; the clause ``said`` reports comes after it."""
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    clauses = [c for c in verb.lefts if c.dep_ == "ccomp"]
    return _subject_in(clauses, lambda subject: _set_off(subject) and can_speak(subject))


def _subject_in(clauses: Sequence[Token], fits: Callable[[Token], bool]) -> Token | None:
    """The first subject on the left of one of ``clauses`` that ``fits``: a speaker the
    parser hung on a clause before the verb rather than on the verb (`_participle_subject`,
    `_described_subject`, `_clausal_subject`)."""
    return next(
        (s for clause in clauses for s in clause.lefts if s.dep_ == "nsubj" and fits(s)), None
    )


def _set_off(subject: Token) -> bool:
    """A comma right after the subject's phrase: what follows interrupts it."""
    words = [t for t in subject.subtree if not t.is_punct]
    after = words[-1].i + 1  # the parse may hang the comma itself on the subject
    return after < len(subject.doc) and subject.doc[after].text == ","


def _reporter_above(verb: Token) -> Token | None:
    """The speech verb whose reported clause ``verb`` was hung inside by the parser.

    In ``Trump argued that a database would keep people out, saying it's "all about
    management"`` the parse hangs ``saying`` on ``keep``, a verb of what Trump
    argued; the participle is still Trump's, not the database's. A speech act hung
    on a verb of someone else's reported words belongs to whoever reports them, a
    participle even when that verb is one of saying still to come (``Garvey said the
    commission would report next year, adding that she would not ...``).
    """
    # "would report next year, adding": a report still to come, the participle no part
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.tag_ == "VB"
    if verb.dep_ not in {"advcl", "conj"} or (is_cue(verb.head) and not participle):
        return None
    child, through_report = verb.head, False
    for ancestor in verb.head.ancestors:
        if child.dep_ not in {"ccomp", "conj", "advcl", "xcomp"}:
            return None
        through_report = through_report or child.dep_ == "ccomp"
        if is_cue(ancestor):
            return ancestor if through_report else None
        child = ancestor
    return None


def _clause_of(noun: Token) -> Token | None:
    """The verb of the clause a noun is part of (``emphasized`` for ``the threat``)."""
    return next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)


def _clausal_subject(verb: Token) -> Token | None:
    """The subject of a participle the parser made the verb's subject: in ``Large
    majorities of voters in six states going to the polls on Tuesday said``,
    ``going`` is the clausal subject of ``said`` and ``majorities`` its subject."""
    clauses = [c for c in verb.lefts if c.dep_ == "csubj" and c.tag_ == "VBG"]
    return _subject_in(clauses, can_speak)


def _listed_subject(verb: Token) -> Token | None:
    """The subject of the first of a list of acts the parse hung on the last, a report:
    in ``He pledged ... and cast doubt on the rate, suggested that it could be 42
    percent`` it made ``suggested`` the root and the first verb its clause, which a
    verb reporting a ``that`` clause after it cannot have (`quote_cues._reports_after`). Only
    someone: in ``It's funny to watch Romney, who ..., suddenly insist that ...`` the
    first verb's subject is no one's."""
    fronted = next(
        (c for c in verb.children if c.dep_ == "ccomp" and _reports_after(verb, c)), None
    )
    if fronted is None:
        return None
    subject = next((c for c in fronted.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and is_someone(subject) else None


def _missed_subject(verb: Token) -> Span | None:
    """The subject of a finite verb the parse gave none, when a noun phrase directly
    precedes it.

    A finite verb has a subject unless it is coordinated, after ``and`` or a
    comma; one right after a name (``... into the U.S. Secretary of State Marco
    Rubio reinforced``) starts a sentence the parser ran into the previous one.
    """
    if verb.tag_ not in TENSED or verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    if before.pos_ in {"PROPN", "NOUN"} and can_speak(before):
        return _phrase(before)
    return None


def _is_passive(verb: Token) -> bool:
    """``was asked``, a bare participle modifying a clause or noun (``when asked``;
    the tagger may call one after ``when`` a past tense, which would have a subject), or
    a headline's participle with neither auxiliary nor object (``Taoiseach accused of
    'sleepwalking' into crisis``: he was accused; a sentence ending in a full stop is
    prose, where the tagger may call a past tense a participle)."""
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" in children:
        return not _perfect(verb)
    if verb.tag_ == "VBD":
        return (
            verb.dep_ == "advcl"
            and not children & {"aux", "nsubj"}
            and any(c.lower_ in _WHEN and c.dep_ in {"advmod", "mark"} for c in verb.children)
        )
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not verb.sent[-1].is_punct:
        return not children & {"aux", "auxpass", "dobj", "ccomp"}  # a headline's participle
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and "aux" not in children


_WHEN = {"when", "if", "once", "unless", "until", "after", "before", "while", "as"}


def _perfect(verb: Token) -> bool:
    """``He's said he gets his ideas from ...``: the parse reads ``'s`` as ``is`` and
    the speaker as a passive's subject, but a verb said of someone (``He's said to
    be ...``) takes no clause with a subject of its own; this one is ``has said``.
    Not so ``It's said he was a spy``, hearsay, nor ``It's been reported``."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return (
        auxiliaries in (["'s"], ["’s"])
        and all(s.lower_ != "it" for s in subjects)
        and any(
            c.dep_ == "ccomp" and any(s.dep_ in SUBJECTS for s in c.children) for c in verb.children
        )
    )


def _joined(verb: Token) -> bool:
    """A verb with no subject right after ``and`` that the parse made a clause of the one
    before (``said the cost had risen, and warned that ...``): a second act of its subject."""
    return (
        verb.dep_ == "ccomp"
        and verb.i > 0
        and verb.doc[verb.i - 1].dep_ == "cc"
        and verb.tag_ in TENSED
    )


_BORROWS_SUBJECT = {"conj", "advcl", "xcomp", "pcomp", "prep", "dep"}
"""How a verb with no subject may hang on one whose subject it shares (``dep``: the
parser's unlabelled link, as in ``Lee, exasperated, responded:``)."""
