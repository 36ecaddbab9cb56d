"""Who speaks in a question-and-answer exchange printed without cues: at an inquiry,
in court, in an interview written up as a scene (``“Did you read it?” Raman asked.`` /
``“I did not,” Lindqvist replied.`` / ``“Whose responsibility was it?”`` /
``“The duty officer’s.”``). A quote that carries on the last speaker (`rules.attribute`'s
``carried``) goes to the other party instead when it turns from answering to asking, or
from asking to answering."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .candidate import Attribution

_CLOSING = "\"'”’» \n"


def asks(words: str) -> bool:
    """The quoted words are a question."""
    return words.rstrip(_CLOSING).endswith("?")


@dataclass(frozen=True)
class Exchange:
    """The two parties of an exchange, as the article last attributed to each: ``last``,
    who spoke last (and whether that was a question), and ``other``, who spoke before."""

    last: Attribution
    other: Attribution
    last_asked: bool

    def speaker_of(self, words: str) -> Attribution:
        """Whose turn a quote with no cue of its own is: the other party's when it turns
        the exchange (a question after an answer, an answer after a question)."""
        return self.other if asks(words) != self.last_asked else self.last


def exchange(history: Sequence[Attribution], text: str) -> Exchange | None:
    """The exchange the article is in after ``history`` (the last attribution of each
    paragraph so far, ``text`` the article's), if any: the last speaker and the one
    before with another source, one of whom was said to ask (``asked``). Anywhere else a
    quote with no cue carries on its last speaker, a question too (``“What are we
    supposed to do?”``)."""
    if not history or history[-1].source is None:
        return None
    last = history[-1]
    other = next(
        (
            earlier
            for earlier in reversed(history[:-1])
            if earlier.source is not None
            and earlier.source.text.lower() != last.source.text.lower()
        ),
        None,
    )
    if other is None or not any(_put_a_question(a, text) for a in (last, other)):
        return None
    start, end = last.spans[-1]
    return Exchange(last, other, asks(text[start:end]))


def _put_a_question(attribution: Attribution, text: str) -> bool:
    """A question quoted and said to be asked (``“Did you read it?” Raman asked``); not
    ``Hannity asked Trump if ...``, whose answer is no exchange printed turn by turn."""
    start, end = attribution.spans[-1]
    return (
        attribution.type == "direct"
        and attribution.cue is not None
        and attribution.cue.text.lower() == "asked"
        and asks(text[start:end])
    )
