"""Which attitude in a sentence bears on one mention of a target, and who holds it.

* attitude words (``lexicons/stance_cues.tsv``: condemn, praise, back, ...)
  oppose or support whatever sits on their object side; the reporting verb
  of a quote is one of them when it has a polarity. Direction is
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
* what the sentence calls the target (``X is a fraud``, ``called X
  reckless``) is a verdict on it, an attitude toward someone's claims or
  deeds is toward them (``dismissed the NATO accusations``), and the subject
  of a receiving verb is the attitude's object (``X drew criticism``,
  ``lexicons/stance_receiving.txt``); an attitude word reaches only a few
  words up the parse, and an attitude noun is held by a clause's subject only
  as its object or complement.

``signals.py`` weighs what these find into the mention's signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon
from .mentions import PRENOMINAL, SUBJECTS
from .polarity import _cue

if TYPE_CHECKING:
    from spacy.tokens import Token

REACH = 3
"""How many content words up the parse an attitude word may be from the
mention it is about: ``praised X's plan`` reaches X, while ``praised the rules
for owners of restaurants that serve customers from X`` says nothing of X."""

HOLDER_ROLES = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
COPULAS = frozenset({"be", "become", "remain", "seem", "look", "sound", "prove"})
NAMED = frozenset({"dobj", "dative", "oprd", "xcomp", "ccomp"})
"""Where a naming verb puts the thing named and the name (``called X a Y``)."""
NOUN_HOLDING = frozenset({"dobj", "attr", "oprd", "conj", "appos", "dative"})
"""How an attitude noun may hang from the clause whose subject holds it
(``X voiced criticism of Y``, ``X is a critic of Y``); one inside a
prepositional phrase is nobody's in particular (``a request for comment on
the criticism of Y``)."""


def _phrase_head(token: Token, lexicon: Lexicon) -> Token:
    """The noun a mention is part of: ``strikes`` in ``a series of strikes``,
    but not an attitude toward it (``criticism of Trump``)."""
    while token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        if noun.pos_ != "NOUN" or _cue(noun, lexicon):
            break
        token = noun
    return token


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
