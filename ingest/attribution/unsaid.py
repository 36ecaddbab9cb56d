"""Reports of nothing said: a refusal (``declined to discuss``, ``refused to say``), an
answer withheld (``would not say whether ...``, whose clause is the writer's question),
the terms of an interview (``who asked not to be named``), a call for help (``called
911 to report flames``) and a picture shared (``posted a photo of the pickup``).
`content` gives such a cue no content (`says_nothing`), and a quote under one is no
statement of its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words


def says_nothing(cue: Token) -> bool:
    """The cue reports no words of its speaker: any of the acts below."""
    return (
        _refused(cue)
        or _asks_anonymity(cue)
        or _withheld(cue)
        or _phoned(cue)
        or _convened(cue)
        or _shared_media(cue)
    )


def _refused(cue: Token) -> bool:
    """``declined to discuss``, ``refused to say``: the cue is the complement of a verb
    that denies it (``lexicons/stance_refusals.txt``, the words stance reads the same way),
    unless that verb is itself negated (``don't hesitate to report that ...``)."""
    return (
        cue.dep_ == "xcomp"
        and cue.head.lemma_.lower() in words("stance_refusals")
        and not any(child.dep_ == "neg" for child in cue.head.children)
    )


def _withheld(cue: Token) -> bool:
    """``would not say how the ban would be enforced``, ``did not say whether ...``,
    ``Neither Halvard nor Kovalenko would say whether ...``: a negated cue, or one whose
    subject is no one, whose clause asks what the speaker left unsaid, as a refusal
    (`_refused`) does; its words are the writer's question, not the speaker's."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    return (
        clause is not None
        and cue.lemma_.lower() in _ANSWERS
        and clause.i > cue.i
        and (
            any(child.dep_ == "neg" for child in cue.children)
            or any(c.dep_ == "nsubj" and c.left_edge.lower_ in _NO_ONE for c in cue.children)
        )
        and (clause.left_edge.tag_ in _WH or clause.left_edge.lower_ in {"whether", "if"})
    )


_NO_ONE = frozenset({"neither", "nobody", "none", "no"})


_WH = frozenset({"WDT", "WP", "WP$", "WRB"})
_ANSWERS = frozenset(
    {"say", "tell", "specify", "explain", "disclose", "reveal", "confirm", "indicate"}
    | {"comment", "discuss", "elaborate", "answer", "detail", "identify"}
)
"""Cues that, negated, leave the question after them unanswered (not ``did not see how
anyone could disagree``, which is a view)."""


_OWN = frozenset({"name", "identity"})
_PART = frozenset({"name", "initial", "initials", "identify"})
"""What a source may ask to be known by only a part of (``only her first name``)."""


def _asks_anonymity(cue: Token) -> bool:
    """``who asked not to be named``, ``requested anonymity``, ``asked that her name not
    be used``, ``asked 7 News not to use her name``, ``asked that only his first name,
    Andre, be used``, ``asked to be identified only as Yohana``: the terms of the
    interview, not something the source said about anything."""
    if cue.lemma_.lower() not in {"ask", "request"}:
        return False
    for child in cue.rights:
        if child.dep_ == "dobj" and child.lemma_.lower() == "anonymity":
            return True
        if child.dep_ in {"ccomp", "xcomp"}:
            said = {t.lemma_.lower() for t in child.subtree}
            if "only" in said and not said.isdisjoint(_PART):
                return True
        refused = any(c.dep_ == "neg" for c in child.children)
        if (
            child.dep_ == "ccomp"
            and refused
            and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in _OWN
                for c in child.children
            )
        ):
            return True
        own = any(c.dep_ == "dobj" and c.lemma_.lower() in _OWN for c in child.children)
        if child.dep_ == "xcomp" and (
            (refused and (child.lemma_.lower() in {"name", "identify", "quote"} or own))
            or any(c.lower_ == "anonymous" for c in child.children)
        ):
            return True
    return False


def _phoned(cue: Token) -> bool:
    """``a neighbour called 911 to report flames``, ``called police``, ``called the home
    on the phone to check on his mother``: a phone call for help or to a place
    (``lexicons/phone_lines.txt``, or a number), or one said to be by phone, not words
    reported."""
    if cue.lemma_.lower() != "call":
        return False
    named = any(c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} for c in cue.children)
    by_phone = not named and any(  # not "called the plan a disaster on the phone"
        prep.lower_ in {"on", "by", "over"} and obj.lemma_.lower() in _PHONES
        for prep in cue.rights
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
    )
    called = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    return by_phone or (
        called is not None
        and (any(ch.isdigit() for ch in called.text) or called.lower_ in words("phone_lines"))
    )


_PHONES = frozenset({"phone", "telephone", "cellphone", "landline"})


def _convened(cue: Token) -> bool:
    """``called a team meeting``, ``called a timeout``, ``called a snap election``: what
    was called is an event (``lexicons/convened.txt``), not words reported. The parse may
    read ``a team meeting`` as ``team`` called ``meeting``; ``called the meeting a
    farce`` and ``calling it a great meeting`` still say something."""
    if cue.lemma_.lower() != "call":
        return False
    called = [c for c in cue.rights if c.dep_ in {"dobj", "oprd"}]
    if len(called) >= 2 and called[1].dep_ == "oprd":
        if called[1].i == called[0].i + 1 and called[1].left_edge == called[1]:
            called = called[1:]  # "a team meeting"
        elif any(c.dep_ == "det" for c in called[1].lefts):
            return False  # a name given to what was called: "calling it a great meeting"
    return bool(called) and bool({called[0].lower_, called[0].lemma_.lower()} & words("convened"))


def _shared_media(cue: Token) -> bool:
    """``posted a photo of the company's "Ridgeline" pickup``, ``shared a video of the
    arrest``: what was posted is a picture (``lexicons/shared_media.txt``), not words."""
    if cue.lemma_.lower() not in _POSTING:
        return False
    shown = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    return (
        shown is not None
        and shown.lemma_.lower() in words("shared_media")
        # not one with words on it: "tweeted an image ... bearing the words "..."" says them
        and not any(t.lemma_.lower() in _WORDED for t in cue.subtree if t.i > shown.i)
    )


_WORDED = frozenset({"bear", "read", "say", "word", "caption", "text"})
_POSTING = frozenset({"post", "share", "tweet", "retweet", "upload", "publish"})
"""Cues whose object is what was put online: a statement, or a picture."""
