"""Properties of the extractor that must hold for any text at all (hypothesis).

Whatever a scraper hands us, `extract` must not raise, every span must lie
inside the text, and a quote's ``text`` must be exactly the article text at its
spans (pieces of an interrupted quote joined with " ... "), so every stored
quote can be checked against its source.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quotedb.ingest.pipeline import extract
from quotedb.ingest.records import Article

# Fragments that exercise the extractor's paths: marks of every style, speech
# verbs, names, titles, pronouns, dates and paragraph breaks.
FRAGMENTS = [
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    " said",
    " says",
    " told reporters",
    " according to",
    " Mayor Ann Lee",
    " President Donald Trump",
    " he",
    " she",
    " they",
    ", ",
    ". ",
    "\n",
    "\n\n",
    " on Monday",
    " 2025-03-01",
    " the council",
    " We will rebuild",
    " not",
    "—",
    " ...",
    "<script>",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "".join
)

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(article: Article, nlp) -> None:
    for quote in extract(article, nlp):
        assert quote.spans, quote
        for start, end in quote.spans:
            assert 0 <= start <= end <= len(article.text), (quote.spans, len(article.text))
        assert quote.text == " ... ".join(article.text[s:e] for s, e in quote.spans)
        for mention in (quote.cue, quote.speaker_mention):
            if mention is not None:
                assert article.text[mention.start : mention.end] == mention.text


@PROPERTY_SETTINGS
@given(text=texts)
def test_any_text_extracts_without_error_and_spans_match_the_text(nlp, text):
    check(Article(id="any", text=text, path="any.txt"), nlp)


@PROPERTY_SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_unicode_extracts_without_error(nlp, text):
    check(Article(id="unicode", text=text, path="unicode.txt"), nlp)
