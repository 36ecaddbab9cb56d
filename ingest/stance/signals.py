"""Stance of a quote toward a topic or target: support, oppose or neutral.

The classifier is a handful of transparent rules over a spaCy parse, so every
label can be traced to the words that produced it (``Stance.evidence``):

* attitude words (``lexicons/stance_cues.tsv``: condemn, praise, back, ...)
  oppose or support whatever sits on their object side; the reporting verb
  of a quote (``cue``) is one of them when it has a polarity. Direction is
  read from the parse: a name before an attitude noun holds it (``Russian
  support for Y``) unless the noun names the holder (``Trump supporters``);
  a mention in the grounds of an accusation is not its object (``accused X
  of helping Y``);
* idioms with a preposition (``lexicons/stance_relations.tsv``: critical of,
  sided with, lashed out at, clashed with) and light verbs lending an
  attitude noun (``offered Y an endorsement``) count like attitude words;
  hostile deeds (``lexicons/stance_actions.tsv``: arrest, bar) count only
  when the holder does them to the target or holds the clause or noun they
  hang from (``X's call to ban Y``);
* what is predicated of the target (``X is failing``, ``X, who lied``) and the
  words around it carry the VADER lexicon's valence (MIT licensed, shipped in
  the ``vaderSentiment`` package), weighted by distance in the parse tree so
  that the mood of a far-away clause counts little;
* what the sentence calls the target (``X is a fraud``, ``called X
  reckless``) weighs like an attitude word, an attitude toward someone's
  claims or deeds is toward them (``dismissed the NATO accusations``), and
  the subject of a receiving verb is the attitude's object (``X drew
  criticism``, ``lexicons/stance_receiving.txt``); an attitude word reaches
  only a few words up the parse, and an attitude noun is held by a clause's
  subject only as its object or complement;
* negation and refusal flip and weaken (``rather than Y`` denies Y,
  ``refused to endorse Y``, ``lexicons/stance_refusals.txt``), and a concession
  (``although ...``, ``... but``) counts half;
* with a ``Topic``, saying something bad about the topic's opponents supports
  the topic, and so does a hostile reporting verb whose quote names only them,
  unless the quote is a phrase naming something else (``condemned | the
  action, saying the cartels ...``): that phrase, and the pronouns agreeing
  with it (``calling it a moral failure``), stand for the topic; phrases
  that question legality (``lexicons/stance_doubt.txt``) or say evidence is
  missing (``lexicons/stance_warrants.txt``) oppose it;
  the topic's own framing terms (``[framing]`` in its TOML) take their side;
  denying a claim turns its stance around, and a naming cue (``called it
  ...``, ``lexicons/stance_naming.txt``) makes a bare phrase the verdict;
* the topic's user supplies what a sentence does not state: its premises
  (``[premise]``: asserting one supports the topic, doubting or denying it
  opposes it) and a few labelled example quotes (``[[examples]]``: the most
  alike, by shared content words, leans the quote its way).

These signals are what a person can check; with a target (not a topic) the
learned model (``model.py``) reads them as features and decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..parse import load_nlp, per_doc
from .lexicon import Lexicon, load_lexicon
from .mentions import (
    PRENOMINAL,
    SUBJECTS,
    Lookup,
    distinct,
    mentions_of,
    noun_phrase,
    phrases_in,
    pronouns,
    speaker_mentions,
    target_mentions,
)
from .topic import NEUTRAL, OPPOSE, SIDES, SUPPORT, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

THRESHOLD = 0.45
"""|tanh(score)| above which the rules' verdict is support or oppose rather than neutral."""

REACH = 3
"""How many content words up the parse an attitude word may be from the
mention it is about: ``praised X's plan`` reaches X, while ``praised the rules
for owners of restaurants that serve customers from X`` says nothing of X."""
CUE_WEIGHT = 1.0
"""Weight of an attitude word that governs the target (``condemned X``), and toward a
topic of the reporting verb when it is one (``X condemned the strikes as ...``)."""
NAMED_WEIGHT = 1.0
"""Weight of what the sentence calls the target: ``X is a fraud``, ``X, a
brilliant leader``, ``called X reckless``; as direct as an attitude word."""
PREDICATE_WEIGHT = 0.3
"""Weight of what the sentence says the target is or does."""
CONTEXT_WEIGHT = 0.35
"""Weight of the distance-discounted valence of the rest of the sentence."""
OPPONENT_PRIOR = 0.5
"""Calling something by an opponent's name (``narco-terrorists``) asserts the
topic's premise; denying the link (``no link to the cartel``) denies it."""
FRAME_WEIGHT = 0.8
"""Speaking in one side's terms: questioning legality or evidence opposes the
topic's action, and so do the topic's own ``oppose_frames``; its
``support_frames`` support it."""

PREMISE_WEIGHT = 1.0
"""Asserting a claim the topic rests on, or denying it, says as much as an
attitude word toward the topic itself."""
EXAMPLE_WEIGHT = 1.0
"""Weight of the nearest user-labelled example, times its likeness."""
EXAMPLE_LIKENESS = 0.4
"""Share of content words (cosine over lemma sets) a quote must have in common
with an example to lean its way."""

UNHELD_WEIGHT = 0.3
"""An attitude that the sentence gives to someone other than the holder."""

HOLDER_ROLES = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
MODIFIERS = frozenset({"amod", "appos", "acl", "relcl", "nmod", "prep"})
COMPLEMENTS = frozenset(
    {"acomp", "attr", "oprd", "xcomp", "ccomp", "dobj", "advmod", "prep", "npadvmod"}
)
COPULAS = frozenset({"be", "become", "remain", "seem", "look", "sound", "prove"})
NAMED = frozenset({"dobj", "dative", "oprd", "xcomp", "ccomp"})
"""Where a naming verb puts the thing named and the name (``called X a Y``)."""
NOUN_HOLDING = frozenset({"dobj", "attr", "oprd", "conj", "appos", "dative"})
"""How an attitude noun may hang from the clause whose subject holds it
(``X voiced criticism of Y``, ``X is a critic of Y``); one inside a
prepositional phrase is nobody's in particular (``a request for comment on
the criticism of Y``)."""
EMBEDDED = frozenset({"ccomp", "xcomp", "acl", "advcl", "relcl", "pcomp", "pobj", "prep"})
"""Links from a clause up to what embeds it (``no evidence that ...``)."""
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "neither", "nor"})
PRONOUNS = frozenset({"it", "this", "that", "they", "them", "these", "those"})
LACKING = frozenset({"lack", "absence", "want", "shortage"})
NOT_JUST = frozenset({"just", "only", "merely", "simply"})


def _set_aside(token: Token) -> bool:
    """Whether a word is in what the sentence says is not the case: ``Y`` in
    ``X rather than Y`` and ``X instead of Y``."""
    start = noun_phrase(token).left_edge.i
    before = [t.lower_ for t in token.doc[max(start - 2, 0) : start]]
    return before in (["rather", "than"], ["instead", "of"])


def _negated(token: Token) -> bool:
    """Whether a word is denied, by a negation or a refusal (``refused to
    endorse``); ``not just X`` adds to X rather than denying it."""
    if token.head.lower_ == "without" or _set_aside(token):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in load_lexicon().refusals:
        return True
    return any(
        (child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in NEGATORS))
        and token.doc[child.i + 1 : child.i + 2].text.lower() not in NOT_JUST
        for child in token.children
    )


def _cue(token: Token, lexicon: Lexicon) -> float:
    """Attitude polarity of a verb or noun (not ``like`` the preposition)."""
    if token.pos_ not in ("VERB", "NOUN"):
        return 0.0
    return lexicon.cues.get(token.lemma_.lower(), 0.0)


def _valence(token: Token, lexicon: Lexicon) -> float:
    """Word valence in -1..1: an attitude word's polarity, else VADER's / 4.

    A praising adjective on a damning noun measures it rather than praises
    it (``the greatest threat``, ``a perfect disaster``), so it takes the
    noun's sign.
    """
    if cue := _cue(token, lexicon):
        return cue
    value = _vader(token, lexicon)
    if token.dep_ == "amod" and value > 0 and _vader(token.head, lexicon) < 0:
        return -value
    return value


def _vader(token: Token, lexicon: Lexicon) -> float:
    value = lexicon.valence.get(token.lower_) or lexicon.valence.get(token.lemma_.lower(), 0.0)
    return value / 4


def _polarities(doc: Doc, lexicon: Lexicon) -> list[float]:
    """Each word's valence, with negation on the word or its head flipping and
    weakening it, by token index: worked out once per quote, as each mention of
    each target weighs the words of its sentence."""

    def read() -> list[float]:
        values = [_valence(token, lexicon) for token in doc]
        for token, value in zip(doc, values, strict=True):
            if value and (_negated(token) or _negated(token.head)):
                values[token.i] = value * -0.6
        return values

    return per_doc(doc, "quotedb.polarity", read)


def _denied(token: Token) -> bool:
    """Whether a mention is denied by a negation on it or on a word it hangs
    from; ``not ... X alone`` adds to X, as ``not just X`` does."""
    if any(t.lower_ == "alone" for t in token.doc[token.i + 1 : token.right_edge.i + 2]):
        return False
    return any(_negated(t) for t in (token, *token.ancestors))


def _weakened(doc: Doc, lexicon: Lexicon) -> set[int]:
    """Indices of tokens in a conceded part: before ``but``, inside ``although``."""
    weak: set[int] = set()
    for token in doc:
        if token.lower_ not in lexicon.contrast:
            continue
        if token.dep_ == "mark":
            weak.update(t.i for t in token.head.subtree)
        elif token.dep_ in ("cc", "advmod") and token.i > token.sent.start:
            weak.update(range(token.sent.start, token.i))
    return weak


def _distance(a: Token, b: Token) -> int:
    ancestors_a = [a, *a.ancestors]
    ancestors_b = [b, *b.ancestors]
    common = next((t for t in ancestors_a if t in ancestors_b), None)
    if common is None:
        return 8
    return ancestors_a.index(common) + ancestors_b.index(common)


# --- stance toward one mention -------------------------------------------


@dataclass(frozen=True)
class Signal:
    """A raw rule score (unbounded; positive supports) and the words that moved it."""

    score: float
    evidence: tuple[str, ...]

    @property
    def strength(self) -> float:
        """The score squashed into -1..1."""
        return math.tanh(self.score)

    @property
    def label(self) -> str:
        """The rules' own verdict: a side once the strength passes ``THRESHOLD``."""
        if self.strength > THRESHOLD:
            return SUPPORT
        return OPPOSE if self.strength < -THRESHOLD else NEUTRAL


def _phrase_head(token: Token, lexicon: Lexicon) -> Token:
    """The noun a mention is part of: ``strikes`` in ``a series of strikes``,
    but not an attitude toward it (``criticism of Trump``)."""
    while token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        if noun.pos_ != "NOUN" or _cue(noun, lexicon):
            break
        token = noun
    return token


def _toward(
    mention: Span,
    holders: Sequence[Span],
    lexicon: Lexicon,
    weak: set[int],
    others: set[int] = frozenset(),  # type: ignore[assignment]
) -> Signal:
    """What the sentence says about one mention of the target.

    Four parts: the nearest attitude word that has the mention on its object
    side; what the sentence calls the mention; what else is predicated of it
    when it is a subject, or said of it by its modifiers; and the valence of
    the other words in its sentence, discounted by parse-tree distance.
    """
    root = _phrase_head(mention.root, lexicon)
    polarities = _polarities(mention.doc, lexicon)  # by token index
    inside = {t.i for t in mention} | set(others)
    holder_tokens = {t.i for h in holders for t in h}
    evidence: list[str] = []

    cue_score = 0.0
    owned = root.head if root.dep_ == "poss" else root
    attitude = _governing_attitude(root, holder_tokens, lexicon)
    passive = next((v for v in _passive_verbs(root) if _cue(v, lexicon)), None)
    if attitude is None and passive is not None:
        attitude = (_cue(passive, lexicon), passive, passive.text)
    if attitude is not None:
        polarity, word, shown = attitude
        denied = _negated(word) or (word.dep_ == "acomp" and _negated(word.head))
        cue_score = polarity * (-0.8 if denied else 1.0)
        if holder_tokens and not _held_by(word, holder_tokens):
            cue_score *= UNHELD_WEIGHT
        evidence.append(shown)
    elif received := _received(owned, lexicon):
        verb, noun = received
        cue_score = _cue(noun, lexicon) * (-0.8 if _negated(verb) else 1.0)
        givers = {t.i for t in noun.subtree} | {
            t.i for c in verb.children if c.lower_ == "from" for t in c.subtree
        }
        if holder_tokens and not holder_tokens & givers:
            cue_score *= UNHELD_WEIGHT
        evidence.append(f"{verb.text} {noun.text}")

    said: list[Token] = [
        t for child in root.children if child.dep_ in MODIFIERS for t in child.subtree
    ]
    named = [
        t for t in _characterizations(root, owned, lexicon) if t.i not in inside | holder_tokens
    ]
    if owned.dep_ in SUBJECTS:
        verb = owned.head
        said.append(verb)
        said += [
            t
            for child in verb.children
            if child.dep_ in COMPLEMENTS and child.i not in inside
            for t in child.subtree
        ]
    # Saying the target broke the law or lied is a charge against it, whatever
    # VADER makes of the words (``provides fake news``, ``violated the law``).
    said_ids = {t.i for t in said} - inside - holder_tokens
    charges = [
        span
        for span in phrases_in(Lookup.of(mention.doc), lexicon.doubt, ())
        if {t.i for t in span} <= said_ids and _said_outright(span)
    ]
    named_score = -float(len(charges))
    evidence += [span.text for span in charges]
    charged = {t.i for span in charges for t in span}
    predicate = 0.0
    for t in named:
        if t.i in charged:
            continue
        value = polarities[t.i] * (0.5 if t.i in weak else 1.0)
        if value:
            named_score += value
            evidence.append(t.text)
    named_ids = {t.i for t in named} | charged
    for t in said:
        if t.i in inside or t.i in holder_tokens or t.i in named_ids:
            continue
        value = polarities[t.i] * (0.5 if t.i in weak else 1.0)
        if value:
            predicate += value
            evidence.append(t.text)

    context = 0.0
    counted = inside | holder_tokens | {t.i for t in said}
    for t in mention.sent:
        if t.i in counted or t.dep_ == "neg":
            continue
        value = polarities[t.i]
        if value:
            context += value * (0.5 if t.i in weak else 1.0) / (1 + _distance(t, root))
    score = (
        CUE_WEIGHT * cue_score
        + NAMED_WEIGHT * named_score
        + PREDICATE_WEIGHT * predicate
        + CONTEXT_WEIGHT * context
    )
    return Signal(score, tuple(evidence))


def _characterizations(root: Token, owned: Token, lexicon: Lexicon) -> list[Token]:
    """The words that say what the target is, rather than what it does or
    what happens around it: its adjectives and appositions, the complement
    of a copula (``X is a fraud``, ``X's response was unacceptable``) and of
    a naming verb (``called X a fraud``, ``described X as reckless``).

    An attitude noun in such a place is the target's own attitude (``X, a
    Trump supporter``), not a verdict on it.
    """
    heads: list[Token] = [c for c in root.children if c.dep_ in ("amod", "appos")]
    verb = owned.head
    if owned.dep_ in SUBJECTS and verb.lemma_.lower() in COPULAS:
        heads += [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    if owned.dep_ in NAMED and verb.lemma_.lower() in lexicon.naming:
        heads += [c for c in verb.children if c.dep_ in NAMED and c != owned]
        heads += [
            g
            for c in (*verb.children, *owned.children)
            if c.lower_ == "as"
            for g in c.children
            if g.dep_ in ("pobj", "amod", "acomp")
        ]
    out = []
    for h in heads:
        if _cue(h, lexicon):
            continue
        out += [h, *(c for c in h.children if c.dep_ == "amod")]
        out += [c for c in h.children if c.dep_ == "conj"]
    return out


def _passive_verbs(root: Token) -> list[Token]:
    """Verbs the mention undergoes in the passive: ``X was endorsed``, ``X,
    who was endorsed``, ``X, endorsed by Y``."""
    verbs = [root.head] if root.dep_ in PASSIVE_SUBJECTS else []
    for clause in root.children:
        relative = any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in clause.children)
        if (clause.dep_ == "relcl" and relative) or (clause.dep_ == "acl" and clause.tag_ == "VBN"):
            verbs.append(clause)
    return verbs


def _received(subject: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """The verb and attitude noun when the subject receives an attitude:
    ``X drew criticism``, ``X won the backing of Y``, ``X came under attack``."""
    if subject.dep_ != "nsubj":
        return None
    verb = subject.head
    lemma = verb.lemma_.lower()
    objects = [(c, (lemma,)) for c in verb.children if c.dep_ == "dobj"]
    objects += [
        (g, (lemma, c.lower_))
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for noun, phrase in objects:
        if phrase in lexicon.receiving and _cue(noun, lexicon):
            return verb, noun
    return None


def _verb_words(verb: Token) -> list[str]:
    """A word's lemma and its particles: ``lash out`` in ``lashed out at``."""
    return [verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt")]


def _relation(prep: Token, lexicon: Lexicon) -> tuple[float, Token] | None:
    """The attitude of the idiom a preposition completes, and its head word:
    ``critical of``, ``sided with``, ``pointed the finger at``, ``in favor of``."""
    head = prep.head
    phrases = [_verb_words(head)]
    phrases += [[*_verb_words(head), c.lower_] for c in head.children if c.dep_ == "dobj"]
    if head.dep_ == "dobj":
        phrases.append([*_verb_words(head.head), head.lower_])
    if head.dep_ == "pobj":
        phrases.append([head.head.lower_, head.lemma_.lower()])
    for words in phrases:
        if (polarity := lexicon.relations.get((*words, prep.lower_))) is not None:
            return polarity, head
    return None


def _mutual(root: Token, holder_tokens: set[int], lexicon: Lexicon) -> tuple[float, Token] | None:
    """A relation among conjoined subjects that include the holder:
    ``X and Y clashed``, ``X and Y teamed up``."""
    first = root
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ not in SUBJECTS or not holder_tokens & {t.i for t in first.subtree}:
        return None
    verb = first.head
    phrases = [_verb_words(verb)]
    phrases += [[*_verb_words(verb), c.lower_] for c in verb.children if c.dep_ == "dobj"]
    for words in phrases:
        if (polarity := lexicon.mutual.get(tuple(words))) is not None:
            return polarity, verb
    return None


def _grounds(child: Token, verb: Token) -> bool:
    """Whether ``child`` gives the grounds of an attitude verb whose object
    is someone else: ``Y`` in ``accused X of helping Y``, ``praised X for Y``,
    ``a man accused of attacking Y``."""
    if verb.pos_ != "VERB" or child.dep_ != "prep" or child.lower_ not in ("of", "for"):
        return False
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
    return has_object or verb.dep_ == "acl"


def _governing_attitude(
    root: Token, holder_tokens: set[int], lexicon: Lexicon
) -> tuple[float, Token, str] | None:
    """The nearest attitude that has the mention on its object side: its
    polarity, the word a negation would sit on, and the words to show.

    Walking up from the mention, an idiom with a preposition (``lashed out
    at``) outranks its bare verb; an attitude noun the mention stands in
    front of is the mention's own (``Russian support``) unless the noun names
    the holder (``Trump supporters``); and a light verb lends its object noun
    (``offered Y an endorsement``, ``lavished praise on Y``), or in the
    passive its subject (``criticism was aimed at Y``). The walk stops
    ``REACH`` content words up; prepositions and the noun a name stands in
    front of are part of the step they are on.
    """
    if found := _mutual(root, holder_tokens, lexicon):
        return found[0], found[1], found[1].text
    token, steps = root, 0
    while token.head.i != token.i and token.dep_ not in SUBJECTS:
        governor = token.head
        if token.dep_ not in PRENOMINAL and governor.pos_ != "ADP":
            steps += 1
        if steps > REACH:
            return None
        found = None
        if token.dep_ == "pobj" and (relation := _relation(governor, lexicon)):
            found = (relation[0], relation[1], relation[1].text)
        elif polarity := _cue(governor, lexicon):
            held_by_mention = governor.pos_ == "NOUN" and token.dep_ in PRENOMINAL
            if held_by_mention and governor.lemma_.lower() not in lexicon.agents:
                token = governor
                continue
            if _grounds(token, governor):
                return None
            found = (polarity, governor, governor.text)
        elif token.dep_ == "dobj" and (polarity := lexicon.actions.get(governor.lemma_.lower())):
            # As with an attitude word, the holder may be the deed's subject or
            # whoever holds what it hangs from: ``X's call to ban Y``.
            if _held_by(governor, holder_tokens):
                found = (polarity, governor, governor.text)
        elif governor.lemma_.lower() in lexicon.light_verbs and token.dep_ in ("dative", "prep"):
            lent = ("dobj", "nsubjpass")
            nouns = (c for c in governor.children if c.dep_ in lent and _cue(c, lexicon))
            noun = next(nouns, None)
            if noun is not None and noun.lemma_.lower() not in lexicon.agents:
                found = (_cue(noun, lexicon), governor, f"{governor.text} {noun.text}")
        if found and found[1].i not in holder_tokens:
            return found
        token = governor
    return _charged(token, lexicon)


def _charged(subject: Token, lexicon: Lexicon) -> tuple[float, Token, str] | None:
    """A charge against the subject of its that-clause: ``alleged that X
    stole``, ``complained X had not helped``, ``the accusation that X
    interfered`` (``lexicons/stance_charges.txt``). The walk up from a mention
    stops at a subject, since most verbs above a clause (``said``,
    ``recommended``, ``denied``) say nothing against its subject; these do."""
    clause = subject.head
    if subject.dep_ != "nsubj" or clause.dep_ not in ("ccomp", "acl"):
        return None
    charge = clause.head
    if charge.pos_ in ("VERB", "NOUN") and charge.lemma_.lower() in lexicon.charges:
        return -1.0, charge, charge.text
    return None


def _held_by(governor: Token, holder_tokens: set[int]) -> bool:
    """Whether the holder is the one with the attitude: subject, agent or
    possessor of the attitude word, or of a clause that contains it; the
    noun a relative clause or an apposition hangs from (``the family that
    supports Y``, ``X, a Y supporter``); or what stands before an attitude
    noun (``US support for Y``). A subject that contains the attitude word is
    not its holder, and a named possessor on the way up holds it instead
    (``the Kremlin's intervention in support of Y``). An attitude noun reaches
    a clause's subject only through ``NOUN_HOLDING`` links, unless a pronoun
    possessor (``his praise of Y``) ties it to someone named elsewhere."""
    if governor.pos_ == "NOUN" and any(
        child.dep_ in PRENOMINAL and holder_tokens & {t.i for t in child.subtree}
        for child in governor.children
    ):
        return True
    path = {governor.i, *(t.i for t in governor.ancestors)}
    anchored = governor.pos_ == "NOUN" and not any(
        child.dep_ == "poss" and child.pos_ == "PRON" for child in governor.children
    )
    for token in (governor, *governor.ancestors):
        if token.dep_ in ("relcl", "appos") and holder_tokens & _antecedent(token):
            return True
        for child in token.children:
            if child.dep_ not in HOLDER_ROLES or child.i in path:
                continue
            if holder_tokens & {t.i for t in child.subtree}:
                return True
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return False
        if anchored and not _holds_up(token):
            return False
    return False


def _holds_up(token: Token) -> bool:
    """Whether an attitude noun's phrase passes on to the clause above it:
    as its object or complement, or as the ``of`` phrase of one (``a show of
    support``, ``one of Y's critics``)."""
    if token.dep_ == "pobj":
        return token.head.lower_ == "of"
    return token.dep_ in NOUN_HOLDING or (token.dep_ == "prep" and token.lower_ == "of")


def _antecedent(clause: Token) -> set[int]:
    """Tokens of the noun phrase a relative clause hangs from, without the clause."""
    return {t.i for t in clause.head.subtree} - {t.i for t in clause.subtree}


def _said_outright(span: Span) -> bool:
    """Whether a phrase is used, not denied with a ``not`` on its head."""
    return not any(
        child.dep_ == "neg" and child.i not in range(span.start, span.end)
        for child in span.root.children
    )


def _missing(span: Span) -> bool:
    """Whether a phrase is said to be lacking: ``no evidence``, ``without
    authorization``, ``the absence of proof``, ``rather than evidence``."""
    token = span.root
    of_a_lack = token.head.lower_ == "of" and token.head.head.lemma_.lower() in LACKING
    return (token.dep_ == "pobj" and of_a_lack) or _negated(token)


def _cue_lemma(cue: str | None, vocabulary: Container[str]) -> str | None:
    """The word of ``vocabulary`` a reporting verb given as text is a form of."""
    for word in reversed((cue or "").lower().split()):
        stems = {
            word,
            re.sub(r"(ed|d|s|es|ing)$", "", word),
            re.sub(r"ied$", "y", word),
            re.sub(r"([^aeiou])\1(ed|ing)$", r"\1", word),
        }
        for stem in stems:
            for form in (stem, stem + "e"):
                if form in vocabulary:
                    return form
    return None


# --- what the topic's user knows -----------------------------------------


@cache
def _claim_slots(claim: str) -> tuple[tuple[str, ...], ...]:
    """The content words of a claim, each with its alternatives
    (``boat/vessel``); function words (``the``, ``are``) are left out."""
    from spacy.lang.en.stop_words import STOP_WORDS

    slots = (tuple(a for a in word.lower().split("/") if a) for word in claim.split())
    return tuple(s for s in slots if s and not (len(s) == 1 and s[0] in STOP_WORDS))


def _claims_made(text: Lookup, topic: Topic, lexicon: Lexicon) -> list[tuple[float, str]]:
    """The topic's premises a text states, +1 if asserted and -1 if doubted:
    every content word of the claim (or an alternative) in one sentence."""
    made = []
    for claim in topic.premises:
        slots = [phrases_in(text, alternatives, ()) for alternatives in _claim_slots(claim)]
        for sent in text.doc.sents:
            found = [[s for s in spans if sent.start <= s.start < sent.end] for spans in slots]
            if found and all(found):
                doubted = _doubted([spans[0].root for spans in found], lexicon)
                made.append((-1.0 if doubted else 1.0, claim))
                break
    return made


def _doubted(words: list[Token], lexicon: Lexicon) -> bool:
    """Whether the clause joining a claim's words is denied or questioned: a
    negation on one of them or on the clause (``they are not terrorists``), or
    a clause it is embedded in that denies, doubts or finds no evidence for it
    (``there is no evidence the boats carried drugs``)."""
    clause = _common_ancestor(words)
    if any(_negated(t) for t in (*words, clause)):
        return True
    token = clause
    while token.dep_ in EMBEDDED and token.head.i != token.i:
        token = token.head
        if _negated(token) or token.lemma_.lower() in lexicon.denials:
            return True
        if token.lemma_.lower() in lexicon.warrants and _missing(token.doc[token.i : token.i + 1]):
            return True
    return False


def _common_ancestor(tokens: Sequence[Token]) -> Token:
    """The lowest token that is, or governs, all of ``tokens``."""
    shared = set.intersection(*({t.i, *(a.i for a in t.ancestors)} for t in tokens))
    return next(t for t in (tokens[0], *tokens[0].ancestors) if t.i in shared)


@cache
def _example_words(topic: Topic) -> tuple[tuple[frozenset[str], float, str], ...]:
    """Each labelled example of a topic as its content lemmas, side and text."""
    docs = load_nlp().pipe(text for text, _ in topic.examples)
    return tuple(
        (_content_lemmas(doc), SIDES[stance], text)
        for (text, stance), doc in zip(topic.examples, docs, strict=True)
    )


def _content_lemmas(doc: Doc | Span) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop)


def _nearest_example(doc: Doc, topic: Topic) -> tuple[float, float, str] | None:
    """The labelled example most like the text, if it is alike enough: its
    likeness (cosine of content lemma sets), side and text."""
    words = _content_lemmas(doc)
    alike = [
        (len(words & example) / math.sqrt(len(words) * len(example)), side, text)
        for example, side, text in _example_words(topic)
        if words and example
    ]
    best = max(alike, default=None)
    return best if best is not None and best[0] >= EXAMPLE_LIKENESS else None


def _stand_ins(doc: Doc) -> list[Span]:
    """What a quote that names no target is taken to be about.

    A quote filed under a topic is about it, so a pronoun (``it is a moral
    failure``) stands for the topic, or failing that each sentence's main verb.
    """
    return pronouns(doc, PRONOUNS) or [doc[s.root.i : s.root.i + 1] for s in doc.sents]


def _referred_back(doc: Doc) -> list[Span]:
    """The noun phrase a quote is, and the pronouns that agree with it in
    number and so may refer back to it (``the action, calling it a moral
    failure``): what its reporting verb bears on, taken to be the topic."""
    head = next(doc.sents).root
    plural = head.tag_ in ("NNS", "NNPS")
    agreeing = ("they", "them", "these", "those") if plural else ("it", "this", "that")
    return [doc[head.i : head.i + 1], *pronouns(doc, agreeing)]


def _is_claim(doc: Doc, lexicon: Lexicon) -> bool:
    """Whether a quote states a claim, so that denying it takes the other
    side: a clause with a subject, or a noun naming a claim (``allegations
    of ...``), not a noun phrase naming a thing."""
    root = next(doc.sents).root
    has_subject = any(c.dep_ in SUBJECTS for c in root.children)
    if root.lemma_.lower() in lexicon.claim_nouns and not has_subject:
        return True
    return root.pos_ in ("VERB", "AUX") and has_subject


def _names_other_object(doc: Doc, opponents: Sequence[Span], lexicon: Lexicon) -> bool:
    """Whether a quote is the noun phrase its reporting verb bears on and that
    phrase is not an opponent: ``condemned | the action, saying the cartels
    ...`` condemns the action, whichever opponents are named further in. A
    quote that is a claim leaves the verb's object to the sentence around it.
    """
    root = next(doc.sents).root
    heads = any(noun_phrase(m.root) == root for m in opponents)
    return not heads and not _is_claim(doc, lexicon)


def topic_signal(doc: Doc, topic: Topic, cue: str | None, speaker: str | None) -> Signal:
    """What the rules make of a quote toward a topic: its terms, its opponents,
    the framing and premises the user gave, and the reporting verb."""
    lexicon = load_lexicon()
    weak = _weakened(doc, lexicon)
    holders = speaker_mentions(doc, speaker)
    terms = distinct(mentions_of(doc, topic.terms, lenient=False))
    opponents = distinct(
        mentions_of(doc, topic.opponents, lenient=False), {t.i for m in terms for t in m}
    )
    if not terms and not opponents:
        terms = _stand_ins(doc)
    elif not terms and _names_other_object(doc, opponents, lexicon):
        terms = _referred_back(doc)
    mentioned = {t.i for m in (*terms, *opponents) for t in m}
    raw, evidence = 0.0, []
    for mention in terms:
        signal = _toward(mention, holders, lexicon, weak, mentioned)
        raw += signal.score
        evidence += signal.evidence
    for mention in opponents:
        signal = _toward(mention, holders, lexicon, weak, mentioned)
        denied = _denied(mention.root)
        raw += (-OPPONENT_PRIOR if denied else OPPONENT_PRIOR) - signal.score
        evidence += [mention.text, *signal.evidence]
    text = Lookup.of(doc)
    framed = [
        *((-1, span) for span in phrases_in(text, lexicon.doubt, opponents)),
        *((-1, span) for span in phrases_in(text, topic.oppose_frames, opponents)),
        *((1, span) for span in phrases_in(text, topic.support_frames, opponents)),
    ]
    framed = [(side, span) for side, span in framed if _said_outright(span)]
    framed += [
        (-1, span) for span in phrases_in(text, lexicon.warrants, opponents) if _missing(span)
    ]
    for side, span in framed:
        raw += side * FRAME_WEIGHT
        evidence.append(span.text)
    for side, claim in _claims_made(text, topic, lexicon):
        raw += side * PREMISE_WEIGHT
        evidence.append(claim if side > 0 else f"doubts: {claim}")
    if nearest := _nearest_example(doc, topic):
        likeness, side, text = nearest
        raw += side * likeness * EXAMPLE_WEIGHT
        evidence.append(f"like: {text}")
    if not opponents and not _is_claim(doc, lexicon) and _cue_lemma(cue, lexicon.naming):
        polarities = _polarities(doc, lexicon)
        verdict = [t for t in doc if t.i not in mentioned and polarities[t.i]]
        raw += sum(polarities[t.i] for t in verdict)
        evidence += [t.text for t in verdict]
    if lemma := _cue_lemma(cue, lexicon.cues):
        if lemma in lexicon.denials and _is_claim(doc, lexicon) and abs(raw) > THRESHOLD:
            raw = -raw
        else:
            only_opponents = opponents and not terms
            raw += lexicon.cues[lemma] * CUE_WEIGHT * (-1.0 if only_opponents else 1.0)
        evidence.append(cue or "")
    return Signal(raw, tuple(dict.fromkeys(evidence)))


def target_signals(doc: Doc, targets: Sequence[str], speaker: str | None) -> list[Signal]:
    """What the rules make of the text toward each of ``targets``; the text's
    concessions and the speaker's own mentions are read once for all of them."""
    lexicon = load_lexicon()
    weak = _weakened(doc, lexicon)
    holders = speaker_mentions(doc, speaker)
    holder_tokens = {t.i for h in holders for t in h}
    verdicts = []
    for target in targets:
        found = target_mentions(doc, target)
        mentions = [m for m in found if not holder_tokens >= {t.i for t in m}]
        signals = [_toward(m, holders, lexicon, weak) for m in mentions]
        evidence = dict.fromkeys(e for s in signals for e in s.evidence)
        verdicts.append(Signal(sum(s.score for s in signals), tuple(evidence)))
    return verdicts
