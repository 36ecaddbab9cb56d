"""Stance of a quote toward a topic or a target: support, oppose or neutral.

One file per decision:

* ``topic.py``: what stance is judged toward, read and checked from a topic file;
* ``lexicon.py``: the word lists the rules read;
* ``mentions.py``: where a text mentions a name or a phrase (the one matcher);
* ``signals.py``: the transparent rules, each a signal with the words behind it;
* ``model.py``: the learned model that weighs those signals with the sentence's
  words toward a target (shipped weights, loaded once per process);
* ``judge.py``: the public verdict, its calibrated score and its evidence;
* ``train.py``: how the shipped weights are rebuilt (``quotedb train stance``).
"""

from .judge import Stance, judge, judge_doc, judge_many
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
]
