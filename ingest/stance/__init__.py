"""Stance of a quote toward a topic or a target: support, oppose or neutral.

One file per decision:

* ``topic.py``: what stance is judged toward, read and checked from a topic file;
* ``lexicon.py``: the word lists the rules read;
* ``mentions.py``: where a text mentions a name or a phrase (the one matcher);
* ``polarity.py``: how a word leans, and how negation and concession turn it;
* ``attitudes.py``: which attitude in a sentence bears on a mention, and who holds it;
* ``topic_evidence.py``: a topic's own evidence in a quote: framing, premises, examples;
* ``signals.py``: the transparent rules weighed into signals, each with the words
  behind it;
* ``model.py``: the learned model that weighs those signals with the sentence's
  words toward a target (shipped weights, loaded once per process);
* ``judge.py``: the public verdict, its calibrated score and its evidence;
* ``train.py``: how the shipped weights are rebuilt (``quotedb train stance``).
"""

from .judge import Stance, judge, judge_doc, judge_many, setting_of
from .lexicon import Lexicon, load_lexicon
from .mentions import find_mentions
from .topic import LABELS, NEUTRAL, OPPOSE, SUPPORT, Topic, TopicError

__all__ = [
    "LABELS",
    "NEUTRAL",
    "OPPOSE",
    "SUPPORT",
    "Lexicon",
    "Stance",
    "Topic",
    "TopicError",
    "find_mentions",
    "judge",
    "judge_doc",
    "judge_many",
    "load_lexicon",
    "setting_of",
]
