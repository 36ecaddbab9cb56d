"""Who said what in the copy of Canadian newsrooms: features that call people by their
given names, question period, releases, agencies known by their initials."""

from __future__ import annotations

import pytest
from quotedb.ingest.pipeline import extract_many


def said(article_from, nlp, text: str) -> list[tuple[str | None, str]]:
    """Each record's speaker and words, in order, with the shipped models."""
    article = article_from(text)
    [(_, quotes)] = extract_many([article], nlp)
    return [(q.speaker, q.text) for q in quotes]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # The feature names the husband in full once and goes on about the wife, calling
        # her by her given name: a bare ``Okafor`` is her, and so is ``Grace`` alone.
        pytest.param(
            (
                "When Grace Okafor's husband stopped recognizing their street, she blamed the "
                "new medication.\n\n"
                "Samuel Okafor was 57. Within a year Grace, a retired nurse in Kingston, Ont., "
                "was looking after him full time.\n\n"
                "“Nobody tells you how lonely it is,” Okafor told CBC Radio.\n\n"
                "Okafor says she wants more respite beds in the city.\n"
            ),
            ["Grace Okafor", "Grace Okafor"],
            id="a_couple_s_surname_is_the_one_the_feature_is_about",
        ),
        pytest.param(
            (
                "In a statement to CBC News, Ontario’s Ministry for Seniors and Accessibility "
                "says the province has made record investments in dementia care.\n"
            ),
            ["Ontario’s Ministry for Seniors and Accessibility"],
            id="a_body_s_name_the_parse_split_at_and_is_the_whole_name",
        ),
        pytest.param(
            (
                "Blades edge Raiders\n\n"
                "Logan Reimer scored with 1:14 left as the Saskatoon Blades beat the Prince "
                "Albert Raiders 4-3.\n\n"
                '"I just closed my eyes and shot it," Reimer said.\n\n'
                "Reimer's goal was his 14th of the season. The Raiders have lost four straight.\n\n"
                '"Every game against them feels like a playoff game," he said.\n'
            ),
            ["Logan Reimer", "Logan Reimer"],
            id="a_team_named_for_a_place_is_no_person_a_he_could_be",
        ),
        # ``her lawyer, Amira Haddad, read a statement from her``: not ``herself``, so the
        # ``her`` is the mother named before, and so is the statement.
        pytest.param(
            (
                "The inmate's mother, Donna Moorcroft, did not speak in court. Instead, her "
                "lawyer, "
                "Amira Haddad, read a statement from her after the verdict.\n\n"
                '"Tyler was not a statistic. He was a son and a brother," the statement read.\n'
            ),
            ["Donna Moorcroft"],
            id="a_statement_read_from_her_is_hers_not_the_reader_s",
        ),
        pytest.param(
            (
                "SYLVAN LAKE, Alta. — RCMP are asking for the public's help to find the driver "
                "of a pickup truck that struck a cyclist.\n"
            ),
            ["RCMP"],
            id="a_two_word_dateline_is_not_who_speaks",
        ),
        pytest.param(
            (
                "Dana Whitfield was a guest on the show.\n\n"
                "Whitfield told host Sean Bell a Liberal loss is “increasingly likely.”\n"
            ),
            ["Dana Whitfield"],
            id="whom_a_speaker_told_is_not_part_of_the_speaker_s_title",
        ),
        # Neither ``Harpreet`` nor ``Sandhu`` is a name the recogniser or the name lists
        # know; ``Sandhu told reporters`` makes ``Harpreet Sandhu`` a person a ``she`` can
        # be.
        pytest.param(
            (
                "Manitoba's Josée Lavallée stole a single in the extra end to beat Ontario's "
                "Harpreet Sandhu 7-6, with lead Tessa Kwan sweeping the final stone home.\n\n"
                '"That one\'s going to sting for a while," Sandhu told reporters.\n\n'
                'She said her team had played "the best curling of our lives" all week.\n'
            ),
            ["Harpreet Sandhu", "Harpreet Sandhu"],
            id="a_name_the_recogniser_missed_whole_is_a_person_once_it_speaks",
        ),
        pytest.param(
            (
                "A man who gave his name only as Marcel watched as a loader scooped up his "
                "tent.\n\n"
                '"They took my medication. It was in a bag inside," Marcel said.\n\n'
                "He said he did not know where he would sleep Tuesday night.\n"
            ),
            ["Marcel", "Marcel"],
            id="a_man_known_only_by_his_given_name_is_a_person_he_can_be",
        ),
        pytest.param(
            (
                "At the other end, Jets goaltender Mathis Ouellet stopped all 11 shots he faced in "
                "the third period.\n\n"
                "Ouellet, who was pulled in his previous start, said he had simply tried to "
                "reset.\n\n"
                "“Honestly, I was just trying to stay square,” he said with a laugh.\n"
            ),
            ["Mathis Ouellet", "Mathis Ouellet"],
            id="a_name_read_as_a_nationality_is_a_person_once_it_speaks",
        ),
        # The tagger reads ``Fehr`` as a common noun; the words after the quote still name
        # who said it.
        pytest.param(
            (
                'Education Minister Jeremy Fehr said the offer was "fair, generous and '
                'responsible."\n\n'
                '"We have put real money on the table. Real money," Fehr said at a news '
                "conference.\n"
            ),
            ["Jeremy Fehr", "Jeremy Fehr"],
            id="the_speaker_between_a_quote_and_its_cue_is_the_speaker_however_tagged",
        ),
        pytest.param(
            (
                "Coun. Dean Wozniak said the project’s cost estimate had already risen 40 per cent "
                'in two years, and warned that taxpayers would be "on the hook" for any '
                "overruns.\n"
            ),
            ["Dean Wozniak", "Dean Wozniak"],
            id="a_second_verb_after_and_shares_the_speaker_the_parse_gave_the_first",
        ),
        pytest.param(
            (
                "Chief Harlan Bighetty said the money would be placed in a trust.\n\n"
                "Mary Bighetty, 91, an elder and the chief’s great-aunt, was a young mother when "
                "the water rose. She spoke in Cree; her words were translated by her "
                "granddaughter, "
                "Tanis Ross.\n\n"
                "“I remember the water coming up over the willows,” she said through the "
                "interpreter.\n"
            ),
            ["Harlan Bighetty", "Mary Bighetty"],
            id="she_is_the_elder_whose_words_her_granddaughter_translated",
        ),
        pytest.param(
            (
                "Her older son, Luca Petrescu, is in Grade 12 at Campbell Collegiate.\n\n"
                "Education Minister Jeremy Fehr said the government's offer was fair.\n\n"
                "Luca, standing nearby with a sign his mother had made that read \"I'd rather be "
                'in calculus," said he had mixed feelings seeing his teachers on the sidewalk.\n\n'
                '"They\'re the ones who wrote my reference letters," he said.\n'
            ),
            ["Jeremy Fehr", "Luca Petrescu", "Luca Petrescu"],
            id="a_name_set_off_before_a_description_and_its_cue_is_the_speaker",
        ),
        pytest.param(
            (
                "Dr. Marc-Olivier Thibodeau, a permafrost researcher at Université Laval who "
                "co-wrote the chapter on northern Canada, said thawing ground was already "
                "buckling roads.\n"
            ),
            ["Marc-Olivier Thibodeau"],
            id="a_place_ending_the_speaker_s_description_is_not_the_speaker",
        ),
    ],
)
def test_who_said_it(article_from, nlp, text, speakers):
    """Each record's speaker, in order: one canonical name however the copy names them."""
    assert [speaker for speaker, _ in said(article_from, nlp, text)] == speakers


@pytest.mark.parametrize(
    ("text", "last"),
    [
        pytest.param(
            (
                "Housing Minister Anita Sekhon said the fund had fast-tracked 750,000 homes.\n\n"
                '"Fast-tracked to where?" a Conservative MP could be heard shouting from the '
                "back row.\n"
            ),
            ("unnamed Conservative MP", '"Fast-tracked to where?"'),
            id="a_heckler_heard_shouting_said_it",
        ),
        # Punjabi given names such as Harjit are borne by women and men; either half of a
        # hyphenated name says a man (``Marc-Antoine``).
        pytest.param(
            (
                "Desjardins economist Marc-Antoine Roy said higher sales had not yet lifted "
                "prices.\n\n"
                "Harjit Dosanjh, a realtor in Brampton, Ont., said open houses were busy again.\n\n"
                "“I had a townhouse last weekend with three offers,” Dosanjh said.\n\n"
                "She said most of her buyers were first-timers.\n"
            ),
            ("Harjit Dosanjh", "most of her buyers were first-timers"),
            id="she_may_be_a_harjit_and_is_never_a_marc_antoine",
        ),
        # ``Hannity asked Trump if ...`` is no exchange printed turn by turn: the question
        # Trump puts to the crowd is still Trump's.
        pytest.param(
            (
                "Hannity asked Trump on Wednesday if the wall was still in his plans.\n\n"
                "“We’re going to build a wall. Yeah, 100 percent,” Trump said.\n\n"
                "“We are going to build a wall,” Trump added. He then had a question for the "
                "crowd.\n\n"
                "“Who’s going to pay for it?”\n"
            ),
            ("Trump", "“Who’s going to pay for it?”"),
            id="a_rhetorical_question_after_an_interviewer_s_indirect_question_is_the_speaker_s",
        ),
    ],
)
def test_the_last_record(article_from, nlp, text, last):
    """Who said the article's last statement, and its words."""
    assert said(article_from, nlp, text)[-1] == last


def test_reminding_someone_of_a_rule_is_saying_it(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "The Speaker, Raymond Achterberg, interrupted the exchange.\n\n"
        "Achterberg reminded members that props are not permitted in the chamber and said "
        "he would take the matter under advisement.\n",
    )
    assert records[0] == ("Raymond Achterberg", "that props are not permitted in the chamber")


def test_an_agency_is_one_speaker_by_its_name_its_initials_and_the_agency(article_from, nlp):
    """The recogniser cuts ``the Public Health Agency of`` before ``Canada``; its initials,
    ``the agency`` and the agency's own report are still the agency."""
    records = said(
        article_from,
        nlp,
        "Measles spreads through the air, according to the Public Health Agency of Canada.\n\n"
        "The agency said 412 cases had been recorded this year.\n\n"
        "Most of them were in Ontario, according to the agency's weekly surveillance "
        "report.\n\n"
        "Infants face the highest risk of complications, according to PHAC.\n",
    )
    assert {speaker for speaker, _ in records} == {"Public Health Agency of Canada"}
    assert len(records) == 4


def test_a_report_set_off_inside_a_where_clause_is_the_clause(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "Nadia Ferencz grew up on a grain farm near Rosetown, Sask., where, she says, the "
        "most sophisticated piece of soil-testing equipment was her father’s boot.\n",
    )
    assert records == [
        (
            "Nadia Ferencz",
            "the most sophisticated piece of soil-testing equipment was her father’s boot",
        )
    ]


def test_a_title_after_called_is_a_name_not_a_quote(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "Ferencz, who co-hosts a podcast for rural founders called “Dirt Money,” is "
        "candid about what comes next.\n",
    )
    assert records == []


def test_recommendations_listed_as_that_clauses_are_one_report(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "The jury recommended that body scanners be installed at every provincial jail, "
        "that naloxone kits be kept on every cell block, and that officers check on "
        "inmates in segregation at least once an hour.\n",
    )
    assert records == [
        (
            "jury",
            "that body scanners be installed at every provincial jail, that naloxone kits be "
            "kept on every cell block, and that officers check on inmates in segregation at "
            "least once an hour",
        )
    ]


def test_what_a_place_reminded_someone_of_is_not_said(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "The schools in Florida reminded him of “a third-world country,” where teachers "
        "lacked supplies.\n",
    )
    assert records == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Canada Post has been losing money for several years as letter volumes decline. "
            "The corporation has argued that it needs to reshape its workforce.\n",
            "Canada Post",
        ),
        (
            "Hundreds of travellers were stranded on Friday after BC Ferries cancelled "
            "dozens of sailings.\n\n"
            "The ferry corporation said a problem with the propulsion system had forced the "
            "vessel out of service.\n",
            "BC Ferries",
        ),
        (
            "Environment and Climate Change Canada issued a special air quality statement "
            "for the Edmonton region early in the morning.\n\n"
            "“Wildfire smoke can be harmful to everyone’s health even at low "
            "concentrations,” the statement reads.\n",
            "Environment and Climate Change Canada",
        ),
        (
            "Her precise hitting — she curled 91 per cent, according to statistics kept by "
            "Curling Canada — kept Lavallée from pulling ahead.\n",
            "Curling Canada",
        ),
        (
            "Indigenous Services Canada said in a statement that the work continues.\n\n"
            "About 30 advisories remain in effect, according to the department's website.\n",
            "Indigenous Services Canada",
        ),
        (
            "According to a 2023 report from the city’s public works department, "
            "pedestrians struck at 50 km/h are twice as likely to die.\n",
            "city’s public works department",
        ),
    ],
)
def test_a_body_spoken_of_by_its_kind_or_its_document_speaks_as_the_body(
    article_from, nlp, text, speaker
):
    records = said(article_from, nlp, text)
    assert records[-1][0] == speaker


def test_a_second_that_clause_after_but_is_more_of_what_was_said(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "Joanasie Akoomalik, the MLA for Quttiktuq, said the exercise is welcome, but that "
        "sovereignty also means investing in the communities where people actually live.\n",
    )
    assert records == [
        (
            "Joanasie Akoomalik",
            "the exercise is welcome, but that sovereignty also means investing in the "
            "communities where people actually live",
        )
    ]


def test_questions_and_answers_with_no_cue_alternate_between_asker_and_witness(article_from, nlp):
    article = article_from(
        "Inquiry hears from former deputy minister\n\n"
        "Howard Lindqvist testified Wednesday before commission counsel Anjali Raman.\n\n"
        "“Did you read the warning that day?” Raman asked.\n\n"
        "“I did not,” Lindqvist replied. “I was travelling back from Ottawa.”\n\n"
        "“Whose responsibility was it to make you aware of it?”\n\n"
        "“The duty officer’s, in the first instance.”\n"
    )
    [(_, quotes)] = extract_many([article], nlp, floor=0.0)
    assert [q.speaker for q in quotes] == [
        "Anjali Raman",
        "Howard Lindqvist",
        "Anjali Raman",
        "Howard Lindqvist",
    ]


def test_a_sign_quoted_in_who_the_speaker_is_is_not_what_he_said(article_from, nlp):
    records = said(
        article_from,
        nlp,
        "Luca, standing nearby with a sign his mother had made that read \"I'd rather be "
        'in calculus," said he had mixed feelings seeing his teachers on the sidewalk.\n',
    )
    assert [text for _, text in records] == [
        "he had mixed feelings seeing his teachers on the sidewalk"
    ]
