"""Who a source mention names, within one article.

A pronoun goes to the nearest earlier person (or the unnamed man or woman just
described; ``they`` to the people named since one person spoke); a surname or titled name to the
fullest form of that name in the article (``Mr. Trump`` and ``President Trump``
are ``Donald Trump`` when the article names him in full); ``the president`` to
the person the article gives that title; unnamed sources keep the article's
description (``unnamed government official familiar with the operation``) and a
later ``the official`` goes back to them; groups (``critics``) keep their
wording; organisations and documents go by their name, and a document released
by someone (``a statement released by President Donald Trump``) by its source.

The article is read whole before any mention is resolved, because the fullest
form of a name may come after a quote that uses the short one.

Where each part is decided: `article_speakers` reads the article whole (who it names,
where, with what roles and genders; `people_named` finds the names and where each is
used) and sends each mention on; `pronouns` tells who
a pronoun is (the writer, the last speaker, the nearest person who fits, the man or
woman just described, the people named since one person spoke); `mentions` whom any
other mention names (surnames, descriptions, earlier unnamed sources), with `holders`
who holds a title or an age (``the premier``, ``the 45-year-old``) and `issuers` whose
a campaign or a document is (``Sanders' campaign``, ``the statement``).
`recognised_names` tells which entities the recogniser gives name a person and how far
the name runs; `names_by_rule` finds the names it missed; `names_in_phrases`
whose name a word or a phrase holds (a titled name, a name set beside a description);
`name_words` the words a name is written with; `genders` what gender a name, a
courtesy title or a role tells. `descriptions` words the sources that are not named
people, `speaking_nouns` tells which nouns can speak; `references` what words used again for
someone point to (``Saskatchewan premier``, ``the company``), `epithets` which
descriptions mean someone just named (``the businessman``, ``the 61-year-old``),
`documents` whose words a document holds and whose a later ``the statement`` is, and
`initials` which body initials stand for;
`writers` tells who "I" and "we" are outside quotation marks (an op-ed's, an
editorial's or a letter's writer).
"""

from .article_speakers import ArticleSpeakers, reads_parse
from .descriptions import describe
from .documents import released_by
from .epithets import AGED
from .mentions import NO_ONE
from .name_words import clean_name
from .names_in_phrases import party_tag
from .recognised_names import person_name, person_span
from .speaker import Speaker
from .speaking_nouns import PLACE_ENTITIES, SPEAKING_ENTITIES, can_speak, is_someone, speechless

__all__ = [
    "AGED",
    "NO_ONE",
    "PLACE_ENTITIES",
    "SPEAKING_ENTITIES",
    "ArticleSpeakers",
    "Speaker",
    "can_speak",
    "clean_name",
    "describe",
    "is_someone",
    "party_tag",
    "person_name",
    "person_span",
    "reads_parse",
    "released_by",
    "speechless",
]
