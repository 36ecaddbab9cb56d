"""`quotedb extract`: quotes, speakers and offsets from a short article."""

from __future__ import annotations

import json

from click.testing import CliRunner
from quotedb.ingest import engines
from quotedb.ingest.lexicons import words
from quotedb.ingest.parse import word_forms
from quotedb.ingest.pipeline import extract, extract_many
from quotedb.ingest.read import read_paths
from quotedb.ingest.stance import Topic

from quotedb.cli import cli
from quotedb.cli.serve import demo_corpus, demo_topic

STORY = (
    "date 2025-10-14 Strikes continue\n\n"
    "Secretary of Defense Pete Hegseth spoke on Tuesday. "
    "“These people are not just smugglers, they are terrorists,” Hegseth said.\n"
)


def test_direct_quote_has_speaker_cue_and_offsets(article_from, nlp):
    article = article_from(STORY)
    (quote,) = extract(article, nlp)
    assert quote.type == "direct"
    assert "not just smugglers" in quote.text
    assert article.text[quote.start : quote.end] == quote.text
    assert quote.speaker == "Pete Hegseth"
    assert quote.speaker_mention.text == "Hegseth"
    assert article.text[quote.cue.start : quote.cue.end] == "said"
    assert quote.article_date == "2025-10-14"


def test_stance_names_the_words_that_decided_it(article_from, nlp):
    article = article_from(
        "Colombian President Gustavo Petro condemned the strikes as murder on Tuesday.\n"
    )
    (quote,) = extract(article, nlp, topic=Topic("US strikes", terms=("strikes",)))
    assert quote.stance == "oppose"
    assert "condemned" in quote.stance_evidence


def test_split_quote_is_one_record_with_two_spans(article_from, nlp):
    article = article_from(
        "“We will not back down,” Senator Jane Roe said. “The law is on our side.”\n"
    )
    (quote,) = extract(article, nlp)
    assert len(quote.spans) == 2
    assert [article.text[s:e] for s, e in quote.spans] == [
        "“We will not back down,”",
        "“The law is on our side.”",
    ]
    assert quote.speaker == "Jane Roe"


def test_indirect_speech_after_a_speech_verb(article_from, nlp):
    article = article_from("Mayor Ann Lee said that the bridge will reopen next month.\n")
    (quote,) = extract(article, nlp)
    assert quote.type == "indirect"
    assert quote.text.endswith("the bridge will reopen next month")
    assert quote.speaker == "Ann Lee"


def test_pronoun_resolves_to_the_named_speaker(article_from, nlp):
    article = article_from(
        "Governor Maria Santos visited the port on Monday.\n\n"
        "“We are ready for the storm,” she said.\n"
    )
    (quote,) = extract(article, nlp)
    assert quote.speaker_mention.text == "she"
    assert quote.speaker == "Maria Santos"


def test_repeated_paragraphs_give_no_duplicate_quotes(article_from, nlp):
    paragraph = "“Prices will fall by spring,” the minister, Tom Hale, said.\n\n"
    article = article_from("Markets\n\n" + paragraph + paragraph)
    quotes = extract(article, nlp)
    assert len(quotes) == 1
    assert quotes[0].start == article.text.index("“Prices")


def test_cli_prints_one_json_object_per_quote(write_article):
    path = write_article(STORY, "hegseth.txt")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["article"] == "hegseth"
    assert record["speaker"] == "Pete Hegseth"
    for field in (
        "start",
        "end",
        "text",
        "type",
        "speaker_mention",
        "cue",
        "role",
        "date",
        "article_date",
        "stance",
        "stance_score",
        "stance_evidence",
        "confidence",
    ):
        assert field in record
    assert STORY[record["start"] : record["end"]] == record["text"]


CUE_LEMMAS = (
    words("speech_verbs")
    | words("thought_verbs")
    | words("view_verbs")
    | words("speech_nouns")
    | words("document_heads")
)


def test_word_forms_hold_every_word_the_pipeline_gives_such_a_lemma(nlp):
    forms = word_forms(nlp, CUE_LEMMAS)
    assert {"said", "says", "told", "claims", "knew", "statements"} <= forms
    texts = [article.text for article in read_paths([demo_corpus()])]
    cued = [t for doc in nlp.pipe(texts) for t in doc if t.lemma_.lower() in CUE_LEMMAS]
    assert cued
    assert [t.text for t in cued if t.lower_ not in forms] == []


UNQUOTED = (
    "Harbour Strikes Continue\n\n"
    "Governor Maria Santos toured the flooded docks on Monday.\n\n"
    "The water rose two metres overnight.\n\n"
    "“We are ready for the storm,” she said.\n\n"
    "The port authority added:\n\n"
    "Repairs will take until spring.\n\n"
    "“Nobody expected this much water.”\n\n"
    "— Tom Okafor\n"
)


def test_paragraphs_that_cannot_hold_a_quote_skip_the_parse(article_from, nlp, monkeypatch):
    """Only paragraphs with a quotation mark, a cue word, a colon or a signature,
    and the one a colon introduces, are parsed in full; the others still name
    the people (and roles) that quotes elsewhere resolve to."""
    article = article_from(UNQUOTED)
    expected = [
        q.to_json()
        for _, quotes in extract_many([article], nlp, parse_all=True, scorer=None)
        for q in quotes
    ]
    full: list[str] = []
    pipe = nlp.pipe

    def spy(docs, *args, disable=(), **kwargs):
        docs = list(docs)
        if not disable:
            full.extend(doc.text for doc in docs)
        return pipe(docs, *args, disable=disable, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    [(_, quotes)] = extract_many([article], nlp, scorer=None)  # every rule's proposal
    assert full == [
        "“We are ready for the storm,” she said.",
        "The port authority added:",
        "Repairs will take until spring.",
        "“Nobody expected this much water.”",
        "— Tom Okafor",
    ]
    assert [q.to_json() for q in quotes] == expected
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Maria Santos", "Governor"),
        ("port authority", None),
        ("Tom Okafor", None),
    ]


def test_articles_extracted_together_get_the_quotes_each_gets_alone(nlp):
    articles = list(read_paths([demo_corpus()]))
    together = [[q.to_json() for q in quotes] for _, quotes in extract_many(articles, nlp)]
    alone = [[q.to_json() for q in extract(article, nlp)] for article in articles]
    assert together == alone
    assert [len(quotes) for quotes in together] == [4, 6, 12, 29, 8]


def test_an_article_spacy_refuses_costs_its_chunk_only_itself(article_from, nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 2_000)
    long = article_from("Officials said the port would reopen. " * 80, "long.txt")
    short = article_from(STORY, "short.txt")
    results = engines.extract_chunk([short, long, short], None, None)
    assert [q.speaker for q in results[0]] == [q.speaker for q in results[2]] == ["Pete Hegseth"]
    assert results[1].startswith('could not extract quotes (ValueError("[E088] Text of length')


def test_skipping_unquotable_paragraphs_changes_no_quote(nlp):
    articles = list(read_paths([demo_corpus()]))
    topic = Topic.from_file(demo_topic())
    skipped = [[q.to_json() for q in quotes] for _, quotes in extract_many(articles, nlp, topic)]
    full = extract_many(articles, nlp, topic, parse_all=True)
    assert skipped == [[q.to_json() for q in quotes] for _, quotes in full]
