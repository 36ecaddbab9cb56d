"""The learned attribution scorer: what it keeps, what its confidence means, how it is rebuilt."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from click.testing import CliRunner
from proposals import proposed
from quotedb.ingest.attribution.features import VECTOR, spelled_out
from quotedb.ingest.attribution.model import RANKER, Scorer, shipped
from quotedb.ingest.attribution.train import read_contents
from quotedb.ingest.attribution.train_corrections import corrected_examples
from quotedb.ingest.parse import pipeline_name
from quotedb.ingest.pipeline import _unrepeated, extract, extract_many
from quotedb.ingest.records import Quote

from quotedb.cli import cli

ARTICLES = {
    "one": (
        "“We will rebuild the bridge by spring,” Mayor Ann Lee said on Monday.\n\n"
        "The council voted 5-2. Lee said that the vote was a turning point for the town.\n\n"
        "Residents called it the “Bridge to Nowhere” and the “Folly on the River.”\n"
    ),
    "two": (
        "Governor Maria Santos told reporters that the storm had passed.\n\n"
        "“Nobody expected this much water,” said Tom Okafor, a fisherman.\n\n"
        "Locals know the harbour as “Old Pier” or “The Steps.”\n"
    ),
    "three": (
        "The minister said the budget would grow. “It is a fair budget,” she added.\n\n"
        "Critics believe the plan will fail.\n\n"
        "The festival, called “Summer Lights,” opens on Friday.\n\n"
        # two candidates share "claiming": training reads the fragment as well
        "He is claiming that fraud is “a huge problem in this state” but "
        "“nobody has the courage to fix it.”\n"
    ),
}


def gold_spans(text: str, contents: list[str]) -> list[tuple[int, int]]:
    return [(text.index(c), text.index(c) + len(c)) for c in contents]


GOLD = {
    "one": [
        "“We will rebuild the bridge by spring,”",
        "that the vote was a turning point for the town",
    ],
    "two": ["that the storm had passed", "“Nobody expected this much water,”"],
    "three": ["the budget would grow", "“It is a fair budget,”", "the plan will fail"],
}


@pytest.fixture
def polnear_like(tmp_path):
    """A folder in PolNeAR's layout: text/*.txt and brat attributions/*.ann."""
    root = tmp_path / "corpus"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, text in ARTICLES.items():
        (root / "text" / f"{name}.txt").write_text(text, "utf-8")
        lines = []
        for n, (start, end) in enumerate(gold_spans(text, GOLD[name]), start=1):
            lines.append(f"T{n}\tContent {start} {end}\t{text[start:end]}")
            lines.append(f"E{n}\tAttribution:T{n} Content:T{n}")
        (root / "attributions" / f"{name}.ann").write_text("\n".join(lines) + "\n", "utf-8")
    return root


def test_brat_contents_are_read_with_their_spans(polnear_like):
    text = ARTICLES["two"]
    contents = read_contents(polnear_like / "attributions" / "two.ann")
    assert [text[s:e] for [(s, e)] in contents] == GOLD["two"]


def test_the_training_command_writes_weights_and_a_model_card_that_extraction_uses(
    polnear_like, tmp_path, article_from, nlp
):
    out = tmp_path / "model"
    result = CliRunner().invoke(
        cli,
        [
            "train",
            "attribution",
            "--data",
            str(polnear_like),
            "--dev",
            str(polnear_like),
            "--out",
            str(out),
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    card = (out / "MODEL_CARD.md").read_text("utf-8")
    assert "candidates from the rules" in card and "| threshold |" in card
    assert "Boundary ranker" in card
    scorer, ranker = Scorer.load(out), Scorer.load(out, RANKER)
    assert scorer.weights and 0 <= scorer.threshold < 1
    # it reads the token vectors of the pipeline that parsed, and says which one
    assert scorer.pipeline == pipeline_name(nlp) and scorer.pipeline in card
    assert any(name.startswith(VECTOR) for name in scorer.weights)
    article = article_from(ARTICLES["one"])
    [(_, quotes)] = extract_many([article], nlp, scorer=scorer, ranker=ranker)
    assert quotes and all(0 <= q.confidence <= 1 for q in quotes)
    again = tmp_path / "again"
    CliRunner().invoke(
        cli,
        ["train", "attribution", "--data", str(polnear_like), "--dev", str(polnear_like)]
        + ["--out", str(again), "--workers", "1"],
    )
    for name in ("model.json", RANKER):  # seeded
        assert (again / name).read_text() == (out / name).read_text()


def test_confidence_rescales_the_log_odds_smoothly():
    scorer = Scorer(
        weights={"cue=say": 2.0, "cue=none": -2.0},
        bias=0.0,
        threshold=0.3,
        calibration=(0.5, 1.0),
    )
    unsure, sure = scorer.confidence({"cue=none": 1.0}), scorer.confidence({"cue=say": 1.0})
    assert scorer.raw({}) == 0.5
    assert scorer.confidence({}) == pytest.approx(1 / (1 + math.exp(-1.0)))  # 0.5 * 0 + 1
    assert unsure == pytest.approx(0.5) and sure == pytest.approx(1 / (1 + math.exp(-2.0)))
    # no step: two candidates a little apart keep different confidences
    assert scorer.confidence({"cue=say": 0.5}) < scorer.confidence({"cue=say": 0.51})
    assert Scorer.from_json(json.loads(json.dumps(scorer.to_json()))) == scorer


def test_another_pipeline_s_token_vectors_are_not_read_by_weights_trained_on_others():
    scorer = Scorer(
        weights={"cue=say": 1.0, f"{VECTOR}cue0": 3.0},
        bias=0.0,
        threshold=0.5,
        pipeline="en_core_web_sm 3.8.0",
    )
    seen = {"cue=say": 1.0, f"{VECTOR}cue": np.array([1.0, 0.0])}
    assert scorer.reading("en_core_web_sm 3.8.0") is scorer
    with pytest.warns(UserWarning, match="trained on the token vectors of en_core_web_sm"):
        elsewhere = scorer.reading("en_core_web_md 3.8.0")
    assert elsewhere.log_odds(seen) == 1.0 and scorer.log_odds(seen) == 4.0
    assert Scorer.from_json(json.loads(json.dumps(scorer.to_json()))) == scorer


def test_a_block_of_token_vector_values_weighs_what_its_values_spelled_out_weigh():
    # training drops the dimensions it gives no weight (here the second)
    scorer = Scorer(
        weights={"cue=say": 1.0, "v-cue0": 2.0, "v-cue2": -1.0}, bias=0.5, threshold=0.5
    )
    seen = {"cue=say": 1.0, "v-cue": np.array([0.5, 3.0, 0.25], dtype=np.float32)}
    assert spelled_out(seen) == {"cue=say": 1.0, "v-cue0": 0.5, "v-cue1": 3.0, "v-cue2": 0.25}
    assert scorer.log_odds(seen) == pytest.approx(0.5 + 1.0 + 1.0 - 0.25)
    assert scorer.log_odds(seen) == pytest.approx(scorer.log_odds(spelled_out(seen)))


def test_a_model_trained_by_an_older_quotedb_says_to_rebuild_it(tmp_path):
    old = {"bias": 0.0, "threshold": 0.5, "weights": {}}
    old["calibration"] = {"raw": [0.1, 0.9], "calibrated": [0.2, 0.8]}
    (tmp_path / "model.json").write_text(json.dumps(old))
    with pytest.raises(ValueError, match="model.json: trained by an older quotedb.*rebuild"):
        Scorer.load(tmp_path)


def test_the_shipped_model_is_loaded_once_and_is_small():
    assert shipped() is shipped()
    assert len(shipped().weights) > 1000


def test_names_in_quotation_marks_are_not_someone_s_words(article_from, nlp):
    article = article_from(
        "“We will not stop until the boats stop coming,” the defence secretary said.\n\n"
        "The government ties the boats to the gangs “Tren de Aragua”, which it has banned, "
        "and “Cartel de los Soles” in its campaign.\n"
    )
    for candidates in (extract(article, nlp), proposed(article, nlp)):
        assert [q.text for q in candidates] == ["“We will not stop until the boats stop coming,”"]


def test_a_belief_is_a_thought_and_a_report_is_speech(article_from, nlp):
    article = article_from(
        "Mayor Ann Lee believes that the bridge will open in May.\n\n"
        "Mayor Ann Lee said that the bridge will open in May.\n"
    )
    assert [q.act for q in extract(article, nlp)] == ["thought", "speech"]


def test_hopes_thoughts_aims_and_views_are_thoughts(article_from, nlp):
    article = article_from(
        "Mayor Ann Lee hopes that the bridge will open in May.\n\n"
        "Her deputy thinks the council will vote against the budget in June.\n\n"
        "The governor is seeking to close the old prison before the election.\n\n"
        "The council sees the new bridge as a waste of money. It saw the crowd grow.\n"
    )
    found = proposed(article, nlp)
    assert [(q.text, q.act) for q in found] == [
        ("that the bridge will open in May", "thought"),
        ("the council will vote against the budget in June", "thought"),
        ("to close the old prison before the election", "thought"),
        ("the new bridge as a waste of money", "thought"),
    ]


def test_pull_quotes_captioned_with_a_name_are_kept_as_that_person_s(article_from, nlp):
    article = article_from(
        "“We will not back down,” said Premier David Eby.\n\n"
        "“This is a historic day for the city,” Mayor Ken Sim\n\n"
        "“Nobody expected this.”\n\n"
        "Coun. Rebecca Bligh\n"
    )
    assert [q.speaker for q in extract(article, nlp)] == ["David Eby", "Ken Sim", "Rebecca Bligh"]


def test_an_abstract_noun_is_no_speaker(article_from, nlp):
    article = article_from(
        "A growing paranoia characterized his administration’s foreign policy, and the "
        "spokesman said that the talks had failed.\n"
    )
    speakers = {q.speaker for q in proposed(article, nlp)}
    assert "a growing paranoia" not in {str(s).lower() for s in speakers}


def test_extract_keeps_only_what_min_confidence_and_act_ask_for(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Mayor Ann Lee believes that the bridge will open in May.\n\n"
        "“We will rebuild the bridge by spring,” Mayor Ann Lee said on Monday.\n",
        "utf-8",
    )

    def records(*options: str) -> list[dict]:
        result = CliRunner().invoke(cli, ["extract", str(path), "--workers", "1", *options])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    everything = records()
    assert {r["act"] for r in everything} == {"speech", "thought"}
    assert [r["act"] for r in records("--act", "speech")] == ["speech"]
    sure = records("--min-confidence", "0.9")
    assert sure == [r for r in everything if r["confidence"] >= 0.9]


BELIEF_AND_QUOTE = (
    "Mayor Ann Lee believes that the bridge will open in May.\n\n"
    "“We will rebuild the bridge by spring,” Mayor Ann Lee said on Monday.\n"
)
# believes the quote (confidence about 0.95), doubts the belief (about 0.05)
DOUBTS_BELIEFS = Scorer({"act=thought": -6.0}, 3.0, 0.5)


def test_a_lower_floor_adds_the_doubted_records_and_changes_no_other(article_from, nlp):
    article = article_from(BELIEF_AND_QUOTE)
    [(_, kept)] = extract_many([article], nlp, scorer=DOUBTS_BELIEFS)
    [(_, everything)] = extract_many([article], nlp, scorer=DOUBTS_BELIEFS, floor=0.0)
    assert [q.act for q in kept] == ["speech"]
    assert [q for q in everything if q.confidence >= 0.5] == kept
    [doubted] = [q for q in everything if q.confidence < 0.5]
    assert doubted.act == "thought" and "bridge will open in May" in doubted.text
    assert doubted.stance == "neutral" and not doubted.stance_evidence


def test_the_threshold_keeps_what_the_shown_confidence_reaches(article_from, nlp):
    # the quote scores 0.4996 before rounding: shown as 0.5, it is kept at threshold 0.5,
    # as --min-confidence 0.5 over everything would keep it
    just_under = Scorer({"act=thought": -6.0}, math.log(0.4996 / 0.5004), 0.5)
    article = article_from(BELIEF_AND_QUOTE)
    [(_, kept)] = extract_many([article], nlp, scorer=just_under)
    [(_, everything)] = extract_many([article], nlp, scorer=just_under, floor=0.0)
    assert [q.confidence for q in kept] == [0.5]
    assert kept == [q for q in everything if q.confidence >= 0.5]


def test_a_doubted_report_is_kept_once():
    # two rules may doubt the same report ("sent its “reporter” ... into “a room”": each
    # quoted phrase framed by "sent"); one doubted record repeats a believed one's words
    def record(spans, confidence):
        return Quote("a", spans, "words", "mixed", confidence=confidence)

    believed, again = record([(0, 40)], 0.9), record([(0, 40)], 0.3)
    sent, twice, other = record([(50, 90)], 0.3), record([(50, 90)], 0.3), record([(95, 99)], 0.2)
    found = [(believed, False), (again, True), (sent, True), (twice, True), (other, True)]
    assert _unrepeated(found, emitted={(0, 40)}) == [believed, sent, other]


def test_min_confidence_below_the_threshold_reaches_extract_and_ingest(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text(BELIEF_AND_QUOTE, "utf-8")
    monkeypatch.setattr(
        "quotedb.ingest.pipeline.shipped",
        lambda name="model.json": shipped(name) if name == RANKER else DOUBTS_BELIEFS,
    )

    def acts(*options: str) -> list[str]:
        result = CliRunner().invoke(cli, ["extract", str(path), "--workers", "1", *options])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["act"] for line in result.stdout.splitlines()]

    assert acts() == acts("--min-confidence", "0.5") == ["speech"]
    assert sorted(acts("--min-confidence", "0.01")) == ["speech", "thought"]
    db = tmp_path / "quotes.db"
    for floor, stored in (("0.5", 1), ("0.01", 2)):  # a lower floor extracts again
        result = CliRunner().invoke(
            cli,
            ["ingest", str(path), "--db", str(db), "--workers", "1"] + ["--min-confidence", floor],
        )
        assert result.exit_code == 0, result.output
        assert f"{stored} quotes stored" in result.output


def test_a_newsroom_s_reviews_become_training_examples(polnear_like, tmp_path):
    text = ARTICLES["one"]
    said, clause = gold_spans(text, GOLD["one"])
    corrections = tmp_path / "corrections.jsonl"
    rows = [
        {"target": "quote", "article_id": "one", "spans": json.dumps([said])}
        | {"field": "verified", "after": "1"},
        {"target": "quote", "article_id": "one", "spans": json.dumps([clause])}
        | {"field": "is_quote", "after": "0"},
    ]
    corrections.write_text("\n".join(json.dumps(row) for row in rows) + "\n", "utf-8")
    examples = corrected_examples(corrections, polnear_like / "text")
    labels = {text[e.spans[0][0] : e.spans[-1][1]]: e.label for e in examples}
    assert labels == {GOLD["one"][0]: True, GOLD["one"][1]: False}
    out = tmp_path / "model"
    result = CliRunner().invoke(
        cli,
        ["train", "attribution", "--data", str(polnear_like), "--dev", str(polnear_like)]
        + ["--out", str(out), "--workers", "1", "--corrections", str(corrections)]
        + ["--articles", str(polnear_like / "text")],
    )
    assert result.exit_code == 0, result.output
    assert (out / "model.json").exists()
    corrections.write_text("not json\n", "utf-8")
    result = CliRunner().invoke(
        cli,
        ["train", "attribution", "--data", str(polnear_like), "--dev", str(polnear_like)]
        + ["--out", str(out), "--corrections", str(corrections)]
        + ["--articles", str(polnear_like / "text")],
    )
    assert result.exit_code == 1 and f"{corrections}:1: not a correction" in result.output


def test_a_record_the_scorer_doubts_gets_no_stance(article_from, nlp):
    article = article_from(
        "“We will appeal,” the lawyer said.\n\n"
        "Reporters gathered outside.\n\n"
        "“The court got this wrong and the higher court will see it.”\n"
    )
    sure, doubting = (Scorer({}, bias, 0.0) for bias in (3.0, -3.0))
    [(_, believed)] = extract_many([article], nlp, "the court", scorer=sure)
    assert any(q.stance_evidence for q in believed)  # judged when believed
    [(_, doubted)] = extract_many([article], nlp, "the court", scorer=doubting)
    assert len(doubted) == len(believed) and all(q.confidence < 0.5 for q in doubted)
    assert all(q.stance == "neutral" and not q.stance_evidence for q in doubted)
