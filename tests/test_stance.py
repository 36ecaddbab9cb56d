"""Examples of how quotes are judged for or against a topic or a target."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from quotedb.ingest.parse import load_nlp
from quotedb.ingest.pipeline import extract
from quotedb.ingest.records import Article
from quotedb.ingest.stance import Topic, TopicError, find_mentions, judge, judge_many
from quotedb.ingest.stance.model import Model, features
from quotedb.ingest.stance.signals import Signal, target_signals

from quotedb.cli import cli

STRIKES = Topic(
    name="US strikes on drug boats",
    terms=("strikes", "campaign", "Operation Southern Spear"),
    opponents=("Maduro", "cartels", "narco-terrorists"),
)
DEMO_TOPIC = Path(__file__).parent.parent / "quotedb" / "demo" / "topic.toml"


def rules(text: str, target: str, speaker: str | None = None) -> Signal:
    """The rules' own verdict toward a target, which the learned model reads as a feature."""
    return target_signals(load_nlp()(text), [target], speaker)[0]


def test_condemning_the_topic_opposes_it():
    assert judge("Petro condemned the strikes as murder", STRIKES).label == "oppose"


def test_praising_the_topic_supports_it():
    assert judge("The senator praised the campaign.", STRIKES).label == "support"


def test_the_reporting_verb_carries_polarity_toward_the_quote():
    assert judge("the strikes", STRIKES, cue="condemned").label == "oppose"
    assert judge("the strikes", STRIKES, cue="hailed").label == "support"


def test_negation_flips_the_attitude():
    assert judge("Ryan has not endorsed Trump.", "Trump").label == "oppose"
    assert judge("Ryan endorsed Trump.", "Trump").label == "support"


def test_attacking_the_topics_opponents_supports_it():
    stance = judge("These people aren't just smugglers - they're narco-terrorists.", STRIKES)
    assert stance.label == "support"


def test_condemning_an_opponent_supports_the_topic():
    assert judge("Rubio condemned Maduro for sending gangs north.", STRIKES).label == "support"


def test_pity_for_the_opponents_defends_them_and_a_poor_record_still_judges():
    """``poor`` said of people takes their side; said of a thing it is a verdict."""
    pity = rules("The smugglers on those boats are often poor youths.", "smugglers")
    verdict = rules("The smugglers on those boats have a poor record.", "smugglers")
    assert pity.score > 0 > verdict.score


def test_questioning_legality_opposes_even_without_naming_the_target():
    assert judge("This is a violation of international law.", STRIKES).label == "oppose"
    assert judge("There is no evidence the boat carried drugs.", STRIKES).label == "oppose"


def test_denying_a_claim_against_the_topic_supports_it():
    stance = judge("the strikes were illegal", STRIKES, cue="denied")
    assert stance.label == "support"


def test_stance_is_toward_the_target_not_the_mood_of_the_sentence():
    text = "Sanders criticized Clinton's judgment after a wonderful, happy rally."
    assert judge(text, "Clinton", speaker="Sanders").label == "oppose"


def test_truncated_entity_strings_are_still_found():
    stance = judge("Sanders has criticized Clinton's vote.", "Clinto", speaker="Sander")
    assert stance.label == "oppose"
    assert stance.target == "Clinto"


def test_factual_reporting_is_neutral():
    text = "Trump met Macron in Paris on Tuesday."
    stance = judge(text, "Macron", speaker="Trump")
    assert stance.label == "neutral"
    assert -0.45 <= stance.score <= 0.45


def test_score_sign_matches_label_and_evidence_names_the_words():
    stance = judge("Critics accused the campaign of killing fishermen.", STRIKES)
    assert stance.label == "oppose"
    assert -1 <= stance.score < 0
    assert "accused" in stance.evidence
    assert stance.target == STRIKES.name


def test_without_a_topic_the_stance_says_which_entity_it_is_about():
    stance = judge("Senator Graham praised Netanyahu on Monday.")
    assert stance.label == "support"
    assert "Netanyahu" in stance.target


def test_mentions_match_truncated_and_partial_names():
    from quotedb.ingest.parse import load_nlp

    doc = load_nlp()("President Trump spoke in Texas.")
    assert [m.text for m in find_mentions(doc, "Texa")] == ["Texas"]
    assert [m.text for m in find_mentions(doc, "Donald Trump")] == ["Trump"]


def test_judge_many_matches_judge():
    items = [
        ("Petro condemned the strikes as murder", STRIKES, "Petro", None),
        ("Ryan endorsed Trump.", "Trump", "Ryan", None),
        ("the campaign", STRIKES),
    ]
    many = list(judge_many(items))
    assert [s.label for s in many] == ["oppose", "support", "neutral"]
    assert many[1] == judge("Ryan endorsed Trump.", "Trump", speaker="Ryan")


def test_demo_topic_file_names_the_strikes_and_their_targets():
    topic = Topic.from_file(DEMO_TOPIC)
    assert topic.name == "US military strikes on Venezuela-linked targets"
    assert "Operation Southern Spear" in topic.terms
    assert "Maduro" in topic.opponents


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Maduro's regime is a criminal narco-state.", "support"),
        ("The boat strikes are extrajudicial killings.", "oppose"),
    ],
)
def test_demo_topic_judges_quotes(text, label):
    assert judge(text, Topic.from_file(DEMO_TOPIC)).label == label


def test_a_name_before_a_noun_for_the_holder_is_the_one_held_in_regard():
    assert rules("Trump supporters rallied in Ohio.", "Trump").label == "support"
    assert rules("Trump critics rallied in Ohio.", "Trump").label == "oppose"


def test_a_name_before_an_attitude_noun_is_its_holder_not_its_object():
    assert judge("Russian support for Assad has grown.", "Russian").label == "neutral"
    assert judge("Russian support for Assad has grown.", "Assad", speaker="Russian").label == (
        "support"
    )


def test_an_attitude_can_sit_in_a_word_and_its_preposition():
    assert rules("Prager has been highly critical of Trump.", "Trump").label == "oppose"
    assert rules("Prager is not critical of Trump.", "Trump").label != "oppose"
    assert rules("Bunge teamed up with Arasco last year.", "Arasco").label == "support"
    assert rules("Trump has pointed the finger at John Brennan.", "Brennan").label == "oppose"
    assert rules("The chemist testified against Acme.", "Acme").label == "oppose"
    assert rules("Voters there care about Medicare.", "Medicare").label == "support"
    assert rules("Investors are worried about Acme.", "Acme").label == "oppose"


def test_an_idiom_outranks_its_bare_verb():
    assert judge("She has fought for Warren for years.", "Warren").label == "support"


def test_a_mutual_relation_holds_among_conjoined_subjects():
    text = "Washington and Moscow have clashed over the decision."
    assert rules(text, "Moscow", speaker="Washington").label == "oppose"


def test_a_light_verb_lends_its_attitude_noun():
    assert rules("Walker offered Trump a tepid endorsement.", "Trump").label == "support"
    assert rules("The nominee has lavished praise on Breitbart.", "Breitbart").label == "support"
    assert rules("Sharp criticism has been directed at Acme.", "Acme").label == "oppose"


def test_a_relative_clause_is_held_by_the_noun_it_hangs_from():
    text = "Bannon thanked the Mercer family, which supports Bannon."
    assert judge(text, "Bannon", speaker="Mercer").label == "support"


def test_a_hostile_deed_opposes_its_object_only_when_the_holder_does_it():
    text = "Brazilian courts barred Temer from running for president."
    assert rules(text, "Temer", speaker="Brazilian").label == "oppose"
    assert rules("Temer was barred from running.", "Temer", speaker="Brazilian").label == "neutral"
    text = "Trump has been consistent in his call to ban Muslims from entering the country."
    assert rules(text, "Muslims", speaker="Trump").label == "oppose"
    text = "The House voted to defund the Census Bureau."
    assert rules(text, "Census Bureau", speaker="House").label == "oppose"
    text = "The Celtics beat the Lakers on Sunday."
    assert rules(text, "Lakers", speaker="Celtics").label == "oppose"


def test_what_is_said_of_a_names_possession_is_said_of_the_name():
    stance = judge("Lynch's response was unacceptable.", "Lynch")
    assert stance.score < 0
    assert "unacceptable" in stance.evidence


FRAMED = Topic(
    name="US strikes on drug boats",
    terms=("strikes",),
    opponents=("cartels",),
    support_frames=("self-defense",),
    oppose_frames=("sovereignty",),
)


def test_speaking_in_one_sides_terms_takes_that_side():
    assert judge("We will defend our sovereignty.", FRAMED).label == "oppose"
    assert judge("This is self defense, plain and simple.", FRAMED).label == "support"


def test_the_demo_topic_file_carries_each_sides_framing():
    topic = Topic.from_file(DEMO_TOPIC)
    assert "sovereignty" in topic.oppose_frames
    assert "self-defense" in topic.support_frames


def test_what_is_set_aside_with_rather_than_is_denied():
    text = "The crews were fishermen rather than cartel members."
    assert judge(text, FRAMED).label == "oppose"


def test_what_is_set_aside_with_a_comma_and_not_is_denied():
    """The parse hangs the ``not`` of ``X, not Y`` on ``X``: it denies ``Y``."""
    assert (
        rules("The strikes were a calculated escalation, not a reckless one.", "strikes").score > 0
    )
    assert (
        rules("The strikes were a reckless escalation, not a calculated one.", "strikes").score < 0
    )


def test_denying_allegations_denies_what_they_assert():
    assert judge("allegations of cartel ties", FRAMED, cue="denied").label == "oppose"


def test_doubt_phrases_match_across_adjectives():
    text = "There was no confirmed evidence the boat carried drugs."
    assert judge(text, FRAMED).label == "oppose"


def test_saying_evidence_or_authorization_is_missing_opposes():
    assert judge("The absence of evidence is striking.", FRAMED).label == "oppose"
    assert judge("It was driven by politics rather than evidence.", FRAMED).label == "oppose"
    assert judge("The evidence is overwhelming.", FRAMED).label == "neutral"


def test_not_an_opponent_alone_still_names_the_opponent():
    text = "This isn't a message to the cartels alone."
    assert judge(text, FRAMED).label == "support"


def test_doubt_about_an_opponent_is_not_doubt_about_the_topic():
    assert judge("these cartel members are unlawful combatants", FRAMED).label == "support"


def test_who_stands_before_an_attitude_noun_holds_it():
    text = "Expressing US support for Saudi Arabia, Trump ignored the critics."
    assert judge(text, "Saudi Arabia", speaker="US").label == "support"


def test_the_grounds_of_an_accusation_are_not_its_object():
    text = "Rice is accused of unmasking Americans associated with Trump."
    assert rules(text, "Trump", speaker="Rice").label == "neutral"
    assert rules("Rice accused Trump of lying.", "Trump", speaker="Rice").label == "oppose"


def test_a_naming_cue_makes_the_phrase_the_speakers_verdict():
    assert judge("it a moral failure", FRAMED, cue="calling").label == "oppose"
    assert judge("it a historic triumph", FRAMED, cue="called").label == "support"


def test_reporting_verbs_with_doubled_consonants_are_recognised():
    assert judge("the strikes", FRAMED, cue="slammed").label == "oppose"


def test_a_praising_adjective_on_a_damning_noun_measures_it():
    text = "the strikes as the greatest threat to the region"
    assert judge(text, FRAMED, cue="referred to").label == "oppose"


def test_an_attitude_noun_keeps_its_object():
    assert judge("Kagan has been an outspoken critic of Trump.", "Trump").label == "oppose"
    text = "Streep continued her criticism of President Donald Trump on Saturday."
    assert judge(text, "Donald Trump", speaker="Streep").label == "oppose"


def test_an_apposition_names_who_holds_the_attitude():
    text = "Donohoe, a vegan and Peta supporter, turned them down."
    assert judge(text, "Peta", speaker="Donohoe").label == "support"


def test_a_named_possessor_holds_the_attitude_instead_of_the_subject():
    text = "The group threatened reprisals for the Kremlin's campaign in support of Assad."
    assert rules(text, "Assad", speaker="group").label == "neutral"


def test_an_attitude_toward_someones_claims_is_toward_them():
    text = "A defence ministry spokesman dismissed the NATO accusations."
    assert judge(text, "NATO").label == "oppose"
    assert judge("Clinton criticized Sanders' support of the law.", "Sanders").label == "oppose"


def test_what_the_sentence_calls_the_target_is_a_verdict_on_it():
    assert rules("Dimon said Bitcoin is a fraud.", "Bitcoin").label == "oppose"
    assert rules("Dimon called bitcoin a fraud.", "bitcoin").label == "oppose"
    assert rules("Rubio described Lynch's response as unacceptable.", "Lynch").label == "oppose"
    assert rules("Smith, a brilliant leader, spoke first.", "Smith").label == "support"


def test_naming_someone_a_supporter_is_their_attitude_not_a_verdict():
    assert judge("Smith, another Tillerson supporter, spoke first.", "Smith").label == "neutral"


def test_the_subject_of_a_receiving_verb_is_the_attitudes_object():
    assert judge("Trump drew sharp criticism from Republicans.", "Trump").label == "oppose"
    assert judge("The plan won the backing of Democrats.", "plan").label == "support"
    assert judge("Obama will take the blame if the economy fails.", "Obama").label == "oppose"


def test_a_passive_relative_clause_or_participle_says_what_the_mention_undergoes():
    assert judge("Clinton, who was endorsed by the union, spoke.", "Clinton").label == "support"
    assert judge("Clinton, condemned by the union, spoke.", "Clinton").label == "oppose"


def test_an_attitude_noun_in_a_prepositional_phrase_is_not_the_subjects():
    text = "The governor declined to comment on the criticism of Smith's budget."
    assert rules(text, "Smith", speaker="governor").label == "neutral"
    text = "The governor voiced sharp criticism of Smith's budget."
    assert rules(text, "Smith", speaker="governor").label == "oppose"
    text = "The governor has been one of Smith's harshest critics."
    assert rules(text, "Smith", speaker="governor").label == "oppose"


def test_an_attitude_word_speaks_only_of_what_is_near_it():
    text = "The mayor praised rules for owners of shops that serve customers from Ohio."
    assert rules(text, "Ohio", speaker="mayor").label == "neutral"
    assert rules("The mayor praised Ohio's new rules.", "Ohio", speaker="mayor").label == "support"


def test_refusing_an_attitude_denies_it():
    assert rules("Cruz pointedly refused to endorse Trump.", "Trump").label == "oppose"
    assert rules("The union stopped supporting the mayor.", "mayor").label == "oppose"


PREMISED = Topic(
    name="US strikes on drug boats",
    terms=("strikes",),
    premises=("boat/vessel carry/smuggle drug/cocaine",),
    examples=(("Blowing up boats without a trial is an extrajudicial killing.", "oppose"),),
)


def test_asserting_a_premise_of_the_topic_supports_it():
    stance = judge("The vessel was smuggling cocaine north.", PREMISED)
    assert stance.label == "support"
    assert "boat/vessel carry/smuggle drug/cocaine" in stance.evidence


@pytest.mark.parametrize(
    "text",
    [
        "There is no evidence the boat carried drugs.",
        "The boats did not carry any drugs.",
        "Officials doubt that the vessels were smuggling cocaine.",
    ],
)
def test_doubting_or_denying_a_premise_opposes_the_topic(text):
    assert judge(text, PREMISED).label == "oppose"


def test_a_quote_like_a_labelled_example_leans_its_way():
    stance = judge("They are blowing up boats without any trial.", PREMISED)
    assert stance.label == "oppose"
    assert any(e.startswith("like: Blowing up boats") for e in stance.evidence)
    assert judge("The harbour reopened on Monday.", PREMISED).label == "neutral"


def test_the_demo_topic_file_states_premises_and_examples():
    topic = Topic.from_file(DEMO_TOPIC)
    assert any("narco-terrorist" in claim for claim in topic.premises)
    assert {stance for _, stance in topic.examples} == {"support", "oppose", "neutral"}


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('terms = ["strikes"]\n', "topic.toml: name: missing or empty"),
        (
            'name = "x"\nterms = "strikes"\n',
            "topic.toml: terms: must be a list of non-empty strings",
        ),
        ('name = "x"\nopponent = ["Maduro"]\n', "topic.toml: opponent: unknown key"),
        ('name = "x"\n[framing]\nfor = ["peace"]\n', "topic.toml: framing.for: unknown key"),
        (
            'name = "x"\n[[examples]]\ntext = "y"\nstance = "against"\n',
            "topic.toml: examples[1].stance: must be support, oppose or neutral",
        ),
        ('name = "x"\nterms = [\n', "topic.toml: not a readable topic file"),
    ],
)
def test_a_bad_topic_file_is_named_with_its_key_and_problem(tmp_path, toml, problem):
    path = tmp_path / "topic.toml"
    path.write_text(toml)
    with pytest.raises(TopicError, match=re.escape(problem)) as error:
        Topic.from_file(path)
    assert "\n" not in str(error.value)


def test_saying_the_target_broke_the_law_or_lied_is_a_charge_against_it():
    assert judge("The agency says RT provides fake news.", "RT").label == "oppose"
    text = "Officials said Malaysia had violated international law."
    assert judge(text, "Malaysia").label == "oppose"


def test_a_charge_is_against_the_subject_of_its_that_clause():
    text = "The mayor alleged that the utility had overcharged families."
    assert rules(text, "utility", speaker="mayor").label == "oppose"
    text = "The union repeated its complaint that Acme was cutting corners."
    assert rules(text, "Acme", speaker="union").label == "oppose"
    assert rules("Smith said that Jones signed the bill.", "Jones").label == "neutral"
    assert rules("Smith denied that Jones signed the bill.", "Jones").label == "neutral"


def test_a_reporting_verb_bears_on_the_phrase_its_quote_is():
    text = "the raids, calling them a disgrace and saying the cartels would simply move elsewhere"
    assert judge(text, STRIKES, cue="condemned").label == "oppose"
    assert judge("Maduro's regime", STRIKES, cue="condemned").label == "support"
    assert judge("that the cartels would retaliate", STRIKES, cue="warned").label == "support"


def test_the_model_decides_toward_a_target_and_shows_why():
    stance = judge("Sanders has criticized Clinton's vote.", "Clinton", speaker="Sanders")
    assert stance.label == "oppose"
    assert -1 <= stance.score < -0.5
    assert "criticized" in stance.evidence


def test_without_a_topic_the_strongest_target_is_named():
    stance = judge("The United States is murdering fishermen.", speaker="Gustavo Petro")
    assert (stance.label, stance.target) == ("oppose", "The United States")
    assert stance.evidence


def test_without_a_topic_the_target_is_named_without_its_possessive():
    """``Donald Trump's plan`` is about Donald Trump: the target reads as his name, and
    the possessive is no evidence a reader can weigh."""
    stance = judge("Donald Trump’s plan is a disaster for working families.", speaker="Clinton")
    assert (stance.label, stance.target) == ("oppose", "Donald Trump")
    assert "disaster" in stance.evidence


def test_evidence_shows_words_that_take_a_side_not_function_words():
    """The model weighs ``of the`` and ``(target) 's`` like any feature; a reader is
    shown only evidence with a word of its own."""
    stance = judge("Donald Trump’s campaign said on Monday that the report was false.")
    function_words = {"of", "the", "on", "that", "was", "’s", "(target)", "(speaker)"}
    assert stance.evidence
    assert all(set(shown.split()) - function_words for shown in stance.evidence)


def test_without_a_topic_whom_and_where_it_was_said_is_not_the_target():
    """The outlet told and the city it was said in set the scene; the quote is about
    the governor's budget (it came out ``neutral toward CBS News``)."""
    text = (
        "Mayor Jane Wu told CBS News in Charlotte that Governor Bob Lee's budget "
        '"will gut our schools."\n'
    )
    [quote] = extract(Article(id="wu", text=text, path="wu.txt"))
    assert quote.speaker == "Jane Wu"
    assert quote.topic == "Bob Lee"


def test_without_a_topic_where_something_happened_is_not_the_target():
    text = "Toronto police say a man is in hospital after a shooting in Scarborough on Sunday.\n"
    [quote] = extract(Article(id="shooting", text=text, path="shooting.txt"))
    assert (quote.stance, quote.topic) == ("neutral", "")


def test_without_a_topic_the_dateline_is_not_the_target():
    text = (
        "MONTREAL — Quebec Premier François Legault on Tuesday defended the province's "
        'secularism law, saying it reflects "the values of a majority of Quebecers."\n'
    )
    quotes = extract(Article(id="legault", text=text, path="legault.txt"))
    assert quotes and all(q.topic != "MONTREAL" for q in quotes)


def test_what_is_not_a_statement_has_no_stance():
    stance = judge("Tren de Aragua", Topic.from_file(DEMO_TOPIC), statement=False)
    assert (stance.label, stance.score, stance.evidence) == ("neutral", 0.0, ())


def test_stance_explain_adds_the_target_and_the_evidence(tmp_path):
    lines = tmp_path / "in.jsonl"
    row = {"id": 7, "text": "Ryan praised Trump.", "speaker": "Ryan", "target": "Trump"}
    lines.write_text(json.dumps(row) + "\n")
    plain = CliRunner().invoke(cli, ["stance", "--input", str(lines)])
    assert json.loads(plain.output).keys() == {"id", "stance", "score"}
    explained = json.loads(
        CliRunner().invoke(cli, ["stance", "--input", str(lines), "--explain"]).output
    )
    assert explained["stance"] == "support"
    assert explained["target"] == "Trump"
    assert "praised" in explained["evidence"]


INVENTED = [
    ("Mara praised Olek for his courage.", "Mara", "Olek", "support"),
    ("Mara thanked Olek warmly.", "Mara", "Olek", "support"),
    ("Mara defended Olek against the charges.", "Mara", "Olek", "support"),
    ("Mara applauded Olek's plan.", "Mara", "Olek", "support"),
    ("Mara condemned Olek for lying.", "Mara", "Olek", "oppose"),
    ("Mara attacked Olek's record.", "Mara", "Olek", "oppose"),
    ("Mara blamed Olek for the flood.", "Mara", "Olek", "oppose"),
    ("Mara denounced Olek as a fraud.", "Mara", "Olek", "oppose"),
    ("Mara met Olek in Oslo.", "Mara", "Olek", "neutral"),
    ("Mara spoke after Olek on Monday.", "Mara", "Olek", "neutral"),
    ("Mara and Olek arrived by train.", "Mara", "Olek", "neutral"),
    ("Mara sat next to Olek at dinner.", "Mara", "Olek", "neutral"),
]


def test_training_on_a_few_sentences_ships_a_model_that_loads_and_predicts(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    rows = [
        {"id": n, "text": t, "speaker": s, "target": o, "stance": label}
        for n, (t, s, o, label) in enumerate(INVENTED)
    ]
    (data / "train.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "model"
    result = CliRunner().invoke(
        cli, ["train", "stance", "--data", str(data), "--out", str(out), "--seed", "0"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["train_sentences"] == len(INVENTED)
    model = Model.load(out / "weights.npz")
    for text, label in (("Mara hailed Olek's courage.", 0), ("Mara slammed Olek's plan.", 1)):
        found = features(load_nlp()(text), "Mara", "Olek", rules(text, "Olek", "Mara"))
        probabilities = model.probabilities(found)
        assert probabilities.argmax() == label  # support, oppose
        assert abs(probabilities.sum() - 1) < 1e-9
