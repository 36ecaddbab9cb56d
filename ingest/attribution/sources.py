"""Who is speaking: a cue's source mention (its subject, a passive's agent, the name beside
a quote, a claim's owner).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from ..dates import after_dateline
from ..lexicons import words
from ..speakers import can_speak, is_someone, released_by
from .cues import SUBJECTS, TENSED, inverted_subject, is_cue, is_finite


def source_of(cue: Token) -> Span | None:
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
    verb = cue
    while True:
        for child in _speaking_subject_first(verb):
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
        if (clausal := _clausal_subject(verb)) is not None:
            return _subject(clausal)
        if (missed := _missed_subject(verb)) is not None:
            return missed
        if (interrupted := _participle_subject(verb)) is not None:
            return _subject(interrupted)
        if (described := _described_subject(verb)) is not None:
            return _subject(described)
        if verb.dep_ not in _BORROWS_SUBJECT or verb.head == verb:
            return None
        verb = _reporter_above(verb) or verb.head


def _speaking_subject_first(verb: Token) -> list[Token]:
    """The verb's children, but of two subjects on one side of it the later first when
    the earlier is a label (``Image: Toronto police say ...``), or when the later names
    a person, the earlier does not, and only words stand between them: the parser makes
    both ``police`` and ``Mooken`` subjects of ``said`` in ``Peel police Const. Akhil
    Mooken said``, and both ``Services`` and ``Smith`` in ``said Toronto Fire Services
    Capt. Adam Smith``; the person named last is who spoke. Two pieces of one name
    (``National Rifle Association``) stay as they are, and so do two subjects apart by a
    comma or a conjunction: a subject and its apposition, or a list (``Ban Ki-moon, the
    secretary general, vowed``); but a place a sentence opens with is no subject
    (``Outside city hall, about 40 people rallied``). Of subjects on both sides, someone
    named right after a verb that follows a comma comes first: ``The rejection of the
    treaty signals "the beginning of the end", said Geert Wilders``, where the parser
    took ``signals`` for a noun and the report for a subject, is Wilders'."""
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
        if labelled or named or relative or setting:
            return [later, *(c for c in children if c is not later)]
    return children


_FRONTING = frozenset({"outside", "inside", "near", "across", "behind", "beyond", "beside"})
"""Prepositions that open a sentence with where it happened, which the parser may read as
an adjective of a noun it then makes the subject."""


def _object_of(first: Token, later: Token) -> bool:
    """Whether ``later`` is what the preposition ending ``first``'s phrase is about, which
    the parser made a second subject: in ``A spokesperson for Housing Minister Paul
    Calandra said``, ``for`` has no object and ``Calandra`` is a subject of ``said``; the
    spokesperson spoke."""
    last = first.doc[first.right_edge.i]
    return (
        last.dep_ == "prep"
        and last.i + 1 == later.left_edge.i
        and not any(c.dep_ == "pobj" for c in last.children)
    )


def _participle_subject(verb: Token) -> Token | None:
    """The subject the parser gave a participle between it and the verb: in ``Durbin,
    noting the size of Sanders's following, said, "..."`` it makes ``Durbin`` the subject
    of ``noting``, and ``said`` either the participle's parataxis or its head; so too
    ``Premier Danielle Smith, asked about the project on Tuesday, said``, a passive
    participle set off by commas."""
    before = [c for c in verb.lefts if c.dep_ in {"advcl", "ccomp"}]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        before.append(verb.head)

    def interrupted_by(subject: Token) -> bool:  # its head is the participle
        participle = subject.head
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
    on a verb of someone else's reported words belongs to whoever reports them.
    """
    if verb.dep_ not in {"advcl", "conj"} or is_cue(verb.head):
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
    """``was asked``, or a bare participle modifying a clause or noun (``when asked``;
    the tagger may call one after ``when`` a past tense, which would have a subject)."""
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" in children:
        return not _perfect(verb)
    if verb.tag_ == "VBD":
        return (
            verb.dep_ == "advcl"
            and not children & {"aux", "nsubj"}
            and any(c.lower_ in _WHEN and c.dep_ in {"advmod", "mark"} for c in verb.children)
        )
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


def _issuer(document: Token) -> Span | None:
    """Who put out a document that speaks: ``the Council issued a statement calling ...``
    is the Council's."""
    if document.lower_ not in words("document_heads") or document.dep_ != "dobj":
        return None
    subject = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
    return _subject(subject) if subject is not None else None


_BORROWS_SUBJECT = {"conj", "advcl", "xcomp", "pcomp", "prep", "dep"}
"""How a verb with no subject may hang on one whose subject it shares (``dep``: the
parser's unlabelled link, as in ``Lee, exasperated, responded:``)."""


def _source_outside(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The cue's source, which cannot be words inside a quote.

    When the parser finds no subject or takes part of the quote as the subject, the
    source is the name between the quote and the cue (``"...," Rep. Lee (D-Md.)
    said``), the phrase right after the cue (``"... Full panic mode," said
    Leslie Wimes``) or, for a subject the parser hung elsewhere, someone named
    right before it (``..., former president Bill Clinton said his wife ...``).
    """
    subject = source_of(cue)
    if subject is not None and not any(s <= subject.start_char < e for s, e in quoted):
        return subject
    between = _name_between(cue, quoted)
    if between is not None:
        return between
    if subject is None and (before := _someone_before(cue)) is not None:
        return before
    if subject is None and not any(e <= cue.idx for _, e in quoted):
        return None
    after = cue.nbor() if cue.i + 1 < len(cue.doc) else None
    if after is None or after.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"}:
        return None
    while after.head.i > after.i and after.head.pos_ in {"PROPN", "NOUN"}:
        after = after.head
    return _phrase(after) if subject is not None or is_someone(after) else None


def _someone_before(cue: Token) -> Span | None:
    """A finite cue's subject when the parser hung it elsewhere: the name or person
    noun just before the verb and its auxiliaries (``... Bill Clinton said his wife
    ...``, ``..., Ileana Ros-Lehtinen and Carlos Curbelo, have said they ...``), past
    a parenthesis (``Sen. Chris Murphy (a Democrat so boyish ...) says ...``)."""
    doc = cue.doc
    auxiliaries = [c for c in cue.lefts if c.dep_ in {"aux", "neg"}]
    at = min([cue.i, *(c.i for c in auxiliaries)]) - 1
    if not is_finite(cue) or at < 0:
        return None
    if doc[at].text == ")":
        opening = next((t.i for t in reversed(doc[cue.sent.start : at]) if t.text == "("), None)
        at = opening - 1 if opening is not None else -1
    elif doc[at].text == ",":
        at -= 1
    if at < 0:
        return None
    before = doc[at]
    if before.pos_ not in {"PROPN", "NOUN"} or not is_someone(before):
        return None
    return doc[_left_edge(before).i : before.i + 1]


def _name_between(cue: Token, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The name between a closing quotation mark and the cue, when the parse hangs it
    on the quote: ``"...," Flynn, a top surrogate, said`` gives ``Flynn``, and
    ``"...," campaign manager Robby Mook said`` gives the whole title and name. A
    verb between them has the name for its subject, not the cue: in ``"...," Christie
    said when asked whether ...`` the name is not the one ``asked``; but a description
    set off by commas may say anything (``"...," Bill Eastland, wearing a cowboy hat and
    "Ted Cruz" campaign pins, said``), a quote within it too."""
    for end in sorted((e for _, e in quoted if e <= cue.idx), reverse=True):
        between = cue.doc.char_span(end, cue.idx, alignment_mode="contract")
        if between is None:
            continue
        words = [t for t in between if not t.is_space]
        while words and words[0].is_punct:
            words = words[1:]
        if not words:
            return None
        stop = next((t.i for t in words if t.is_punct), words[-1].i + 1)
        phrase = cue.doc[words[0].i : stop]
        set_off = stop < words[-1].i and cue.doc[stop].text == "," and words[-1].text == ","
        plain = len(words) <= 12 and not any(t.pos_ in {"VERB", "AUX"} for t in words)
        named = words[0].pos_ == "PROPN" or (
            words[0].pos_ in {"NOUN", "ADJ"} and any(t.pos_ == "PROPN" for t in phrase)
        )
        if named and (plain or (set_off and not any(t.pos_ in {"VERB", "AUX"} for t in phrase))):
            return phrase
    return None


def _subject(token: Token) -> Span:
    """A subject as a noun phrase; a relative ``who`` reaches back to the noun it stands for.

    ``Mayor Ann Lee, who said ...`` gives ``Mayor Ann Lee, who``: the name for the
    speaker, and the pronoun that is the grammatical source. A document that speaks
    through a relative clause is its issuer's (``The Post ran a piece that noted ...``).
    """
    if _is_relative(token):
        noun = _who(token)
        if (issuer := _issuer(noun)) is not None:
            return issuer  # "the Post ran a piece that noted ...": the Post's
        antecedent = _phrase(noun)
        if antecedent.end <= token.i:
            return token.doc[antecedent.start : token.i + 1]
    if (named := _after_dateline(token) or _person_hung_on(token) or _fronted(token)) is not None:
        return _phrase(named)
    phrase = _phrase(token)
    if (whom := _their_object(token)) is not None:
        return token.doc[phrase.start : whom.right_edge.i + 1]  # "A spokesperson for ... Calandra"
    return phrase


def _fronted(subject: Token) -> Token | None:
    """The person named in a fronted phrase the parser took for the subject, headed by
    its preposition: in ``Of Carson, Levine, who has given money to Marco Rubio, said``
    the subject is ``Of``; Levine, the last person named outside the relative clause,
    spoke."""
    if subject.pos_ != "ADP":
        return None
    clauses = [t for t in subject.subtree if t.dep_ in {"relcl", "acl"} and t.i != subject.i]
    inside = {d.i for clause in clauses for d in clause.subtree}
    people = [t for t in subject.subtree if t.ent_type_ == "PERSON" and t.i not in inside]
    return people[-1] if people else None


def _their_object(subject: Token) -> Token | None:
    """The other subject of the same verb that is the object of ``subject``'s last
    preposition (`_object_of`)."""
    return next(
        (
            c
            for c in subject.head.children
            if c.i > subject.i and c.dep_ in SUBJECTS and _object_of(subject, c)
        ),
        None,
    )


def _person_hung_on(head: Token) -> Token | None:
    """The person a body's noun was given as its modifier: in ``said Const. Jane Doe of
    Toronto police`` the parser makes ``police`` the subject and hangs ``Doe of Toronto``
    on it, but the constable is who spoke."""
    if head.ent_type_ == "PERSON" or head.pos_ != "NOUN":
        return None
    return next(
        (
            child
            for child in head.lefts
            if child.dep_ in {"nmod", "compound"}
            and child.ent_type_ == "PERSON"
            and any(p.dep_ == "prep" and p.lower_ == "of" for p in child.rights)
        ),
        None,
    )


def _who(relative: Token) -> Token:
    """The noun a relative pronoun stands for: the one its clause hangs on, or for ``who``
    after a noun that cannot speak, the people named in that noun's phrase (``a focal
    point for demonstrators, who called ...``: the demonstrators)."""
    noun = relative.head.head if relative.head.dep_ == "relcl" else _noun_before(relative)
    if relative.lower_ != "who" or can_speak(noun):
        return noun
    people = [  # not "a handful of Democrats, who": that phrase names the people already
        t
        for t in noun.subtree
        if t.dep_ == "pobj" and t.head.lower_ != "of" and t.i < relative.i and is_someone(t)
    ]
    return people[-1] if people else noun


def _after_dateline(token: Token) -> Token | None:
    """The subject after a dateline the parse took for the subject: ``CLEVELAND, July
    19 (UPI) — Former Attorney General Michael Mukasey told ...`` is Mukasey's, whether
    the parse hangs him on the place or on the verb. Inside the paragraph's dateline
    (`after_dateline`), whoever the parse hangs on the place is the subject (``VANCOUVER
    — Leaders of several First Nations say``); an upper-case name starting a sentence
    elsewhere yields only to a name (not ``NATO, the alliance, said``)."""
    if not (token.i == token.sent.start and token.text.isupper() and len(token.text) > 1):
        return None
    dateline = token.i < after_dateline(token.doc)
    named = [c for c in token.rights if c.dep_ == "appos" and (dateline or c.pos_ == "PROPN")]
    named += [c for c in token.head.children if c.dep_ in SUBJECTS and c.i > token.i]
    return named[-1] if named else None


def _is_relative(token: Token) -> bool:
    """A relative pronoun opening its clause: ``who`` in ``Lee, who said``, also where
    the parse did not read the clause as relative (``turned to the Chicago Police
    Department which reported ...`` hangs ``reported`` on ``turned``)."""
    if token.lower_ not in {"who", "which", "that"}:
        return False
    if token.head.dep_ == "relcl":
        return True
    before = _noun_before(token)
    return token.lower_ != "that" and before.i < token.i and before.pos_ in {"NOUN", "PROPN"}


def _noun_before(token: Token) -> Token:
    """The head of the noun phrase right before ``token`` (a comma between), or
    ``token`` itself when there is none."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == ",":
        i -= 1
    if i < 0:
        return token
    noun = token.doc[i]
    while noun.dep_ in {"compound", "nmod"} and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _phrase(head: Token) -> Span:
    """The head's noun phrase without relative clauses or long appositives, with the rest
    of its name (``the Centre for Disease Control``) and the names coordinated with it
    (``both Russia and China``, not ``both Russia``)."""
    left = _left_edge(head)
    right = head
    named = head.i + 1  # the end of the name the head is part of: "Centre for Disease Control"
    while head.ent_iob_ != "O" and named < len(head.doc) and head.doc[named].ent_iob_ == "I":
        named += 1
    for child in head.rights:
        if (
            child.dep_ in {"compound", "flat", "nummod"}
            or (child.dep_ == "prep" and (child.lower_ == "of" or child.right_edge.i < named))
            or (head.pos_ == "NUM" and child.dep_ in {"prep", "appos"})
        ):  # "one in three nurses": a number's phrase goes on to whom it counts
            right = _before_relative(child)
        elif child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN"}:
            right = _phrase(child)[-1]
    return head.doc[left.i : right.i + 1]


def _before_relative(modifier: Token) -> Token:
    """The last word of ``modifier``'s phrase before a relative clause set off in it:
    ``residents of Lytton, which was destroyed by fire in 2021,`` are residents of
    Lytton; ``the head of the union that represents nurses`` keeps the clause that says
    which union."""
    right = modifier.right_edge
    clauses = [
        t.left_edge.i
        for t in modifier.subtree
        if t.dep_ == "relcl" and t.i > modifier.i and t.doc[t.left_edge.i - 1].text == ","
    ]
    if clauses:
        right = modifier.doc[min(clauses) - 1]
        while right.i > modifier.i and right.is_punct:
            right = right.nbor(-1)
    return right


def _left_edge(head: Token) -> Token:
    """Where the head's noun phrase starts.

    A plural takes no ``a``: in ``a move critics argue is driven by ...`` the
    parser hung the antecedent ``a move`` on ``critics``, whose phrase starts after it.
    Nor does a phrase start in the paragraph's dateline, which the parse may hang on it.
    """
    lefts = list(head.lefts)
    if head.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in lefts):
        nouns = [c for c in lefts if c.dep_ == "compound" and c.tag_ == "NN" and not c.ent_type_]
        if nouns:
            return head.doc[nouns[-1].i + 1]
    edge = head.left_edge
    if edge.i < (first := after_dateline(head.doc)) <= head.i:
        edge = head.doc[first]  # "HALIFAX — Nurses in rural Nova Scotia say": not the place
    while edge.i < head.i and edge.is_punct:
        edge = edge.nbor()
    return edge


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
    # "Pentagon assurances that ...", "the claim by Trump that ..."
    named = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named:
        return _phrase(named[-1])
    by = next(
        (
            o
            for c in noun.rights
            if c.dep_ == "prep" and c.lower_ in {"by", "from"}
            for o in c.children
            if o.dep_ == "pobj" and is_someone(o)
        ),
        None,
    )
    return _phrase(by) if by is not None else None


POINTING_BACK = frozenset({"that", "this", "those", "these", "such", "so"})


def _named_after(doc: Doc, end: int) -> tuple[Token, Span] | None:
    """The speaker a pull quote's next sentence names: ``"We are not going anywhere."
    That was the message from union leader Rita Moss.`` gives the sentence's verb and
    ``Rita Moss``."""
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or last.sent.end >= len(doc):
        return None
    return credit(doc[last.sent.end].sent)


def credit(sentence: Span) -> tuple[Token, Span] | None:
    """The verb and the person or body a sentence credits the quote before it to.

    The sentence must point back at the quote (``That``, ``This``, ``So``), hold no
    quotation of its own, and name someone after its verb.
    """
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words or words[0].lower_ not in POINTING_BACK or any(t.is_quote for t in sentence):
        return None
    verb = sentence.root
    named = [ent for ent in sentence.ents if ent.label_ in {"PERSON", "ORG"} and ent.start > verb.i]
    return (verb, named[0]) if named else None
