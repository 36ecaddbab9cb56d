"""Who said what: each attribution shape on a short article, end to end."""

from __future__ import annotations

import pytest
from proposals import proposed
from quotedb.ingest.attribution.content import _clause_around, _content_spans
from quotedb.ingest.attribution.cues import is_cue
from quotedb.ingest.pipeline import extract, extract_many
from spacy.tokens import Doc


def only_quote(article_from, nlp, text: str):
    article = article_from(text)
    (quote,) = proposed(article, nlp)
    return article, quote


def test_follow_on_quotes_of_one_speaker_are_one_record(article_from, nlp):
    article = article_from(
        "“We are ready,” the governor said. “The trucks are loaded. The shelters are open.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert [article.text[s:e] for s, e in quote.spans] == [
        "“We are ready,”",
        "“The trucks are loaded. The shelters are open.”",
    ]
    assert quote.speaker_mention.text == "the governor"


@pytest.mark.parametrize(
    "paragraph",
    [
        "“This is not a combat mission,” one senior official said, speaking on the condition "
        "of anonymity to discuss internal directives. “This is to enable partners.”\n",
        "“Everything is on the table,” the mayor told reporters on Wednesday after hinting "
        "that “staff changes” could come. “Every single thing. I’m looking carefully.”\n",
    ],
)
def test_a_quote_after_its_speaker_s_sentence_carries_on_the_quote_not_a_verb_trailing_it(
    article_from, nlp, paragraph
):
    # "discuss" and "hinting" are nearer the second quote, but say nothing of it
    article = article_from(paragraph)
    direct = next(q for q in proposed(article, nlp) if q.type == "direct")
    assert len(direct.spans) == 2
    assert article.text[slice(*direct.spans[1])].startswith(("“This is to", "“Every single"))


def test_a_quote_after_a_mixed_quote_carries_on_its_statement(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        'The summit accomplished "too little," he added on Twitter. '
        '"Without changing policies on the economy, Europe risks a lot."\n',
    )
    assert [article.text[s:e] for s, e in quote.spans] == [
        'The summit accomplished "too little,"',
        '"Without changing policies on the economy, Europe risks a lot."',
    ]
    assert quote.speaker_mention.text == "he"


def test_a_short_answer_after_a_question_is_part_of_the_quote(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“Does anybody know what the party platform says?” Graham asked. “Neither do I.”\n",
    )
    assert quote.text.endswith("“Neither do I.”")
    assert quote.speaker_mention.text == "Graham"


def test_a_show_named_between_two_quotes_does_not_split_them(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“He is right,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s "
        "“Fox and Friends.” “I mean, there is a lot of frustration within the ranks.”\n",
    )
    assert [article.text[s:e] for s, e in quote.spans] == [
        "“He is right,”",
        "“I mean, there is a lot of frustration within the ranks.”",
    ]
    assert quote.speaker_mention.text == "Flynn"


def test_a_long_subject_before_the_cue_still_closes_the_quote(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        '"We will win this seat!" The party\'s longtime treasurer, a retired teacher '
        "from Hampton, shouted to the crowd.\n",
    )
    assert quote.cue.text == "shouted"
    assert quote.speaker_mention.text.endswith("treasurer")


def test_a_nickname_in_quotation_marks_is_part_of_a_name(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        '"This is a big year for all of us!" Scott\'s niece, state Del. Marcia "Cia" '
        "Price (D-Newport News), shouted to the crowd.\n",
    )
    assert quote.text == '"This is a big year for all of us!"'
    assert quote.cue.text == "shouted"


def test_a_quote_over_several_paragraphs_is_one_record(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Mayor Ann Lee spoke after the vote.\n\n"
        "“We waited ten years for this bridge.\n\n"
        "“Now the work starts,” Lee said.\n",
    )
    assert quote.text.startswith("“We waited ten years")
    assert quote.text.endswith("“Now the work starts,”")
    assert quote.speaker == "Ann Lee"


def test_a_quoted_fragment_takes_the_clause_around_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Foreign Minister Yvan Gil referred to the strikes as “acts of piracy” on Sunday.\n",
    )
    assert quote.type == "mixed"
    assert "the strikes as “acts of piracy”" in quote.text
    assert quote.cue.text == "referred"
    assert quote.speaker_mention.text == "Foreign Minister Yvan Gil"


def test_said_that_keeps_that_and_names_the_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "Senator Tom Hale said that the budget would pass by Friday.\n"
    )
    assert quote.type == "indirect"
    assert quote.text == "that the budget would pass by Friday"
    assert (quote.speaker_mention.text, quote.cue.text) == ("Senator Tom Hale", "said")


@pytest.mark.parametrize("verb", ["claimed", "argued", "warned", "denied"])
def test_other_speech_verbs_report_speech(article_from, nlp, verb):
    article, quote = only_quote(
        article_from, nlp, f"The ministry {verb} that the tanker carried no weapons.\n"
    )
    assert quote.text == "that the tanker carried no weapons"
    assert quote.cue.text == verb
    assert quote.speaker_mention.text == "The ministry"


def test_what_someone_writes_under_a_post_is_their_quote(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“Lost a fight with a puddle. The puddle won,” the actor captioned the photo.\n",
    )
    assert quote.text == "“Lost a fight with a puddle. The puddle won,”"
    assert (quote.cue.text, quote.speaker_mention.text) == ("captioned", "the actor")


def test_a_fronted_report_takes_the_source_after_it(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "The tanker carried no weapons, two officials said on Monday.\n"
    )
    assert quote.text == "The tanker carried no weapons"
    assert quote.speaker_mention.text == "two officials"


def test_a_parenthetical_cue_splits_the_content_in_two(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "The economy, the minister said, is growing faster than expected.\n"
    )
    assert [article.text[s:e] for s, e in quote.spans] == [
        "The economy",
        "is growing faster than expected",
    ]
    assert quote.speaker_mention.text == "the minister"


@pytest.mark.parametrize(
    "text, before, after, source",
    [
        (  # the parser makes "warned" a clause of "lose"
            "If the bill passes, the senator warned in a statement, farmers will lose their "
            "subsidies.",
            "If the bill passes",
            "farmers will lose their subsidies",
            "the senator",
        ),
        (  # ... and "said" the root, the report's second half its conjunct
            "The plant will close in March, a company spokesman, Dan Ortiz, said on Friday, "
            "and its workers will be offered jobs elsewhere.",
            "The plant will close in March",
            "and its workers will be offered jobs elsewhere",
            "a company spokesman",
        ),
        (
            "This kind of spending, the auditor claimed, breaks the city’s own rules.",
            "This kind of spending",
            "breaks the city’s own rules",
            "the auditor",
        ),
        (  # ... and "to raise" the object of "say"
            "Nor does the mayor have any plans, aides say, to raise property taxes before "
            "the election.",
            "Nor does the mayor have any plans",
            "to raise property taxes before the election",
            "aides",
        ),
    ],
)
def test_a_report_set_off_by_commas_has_the_sentence_on_both_sides(
    article_from, nlp, text, before, after, source
):
    article, quote = only_quote(article_from, nlp, text + "\n")
    assert [article.text[s:e] for s, e in quote.spans] == [before, after]
    assert quote.speaker_mention.text == source


@pytest.mark.parametrize(
    "text, before, after",
    [
        (
            "The park is near the football stadium, which, the owner said, is usually full "
            "of families on game days.",
            "which",
            "is usually full of families on game days",
        ),
        (
            "The council shelved the three plans, all of which, the director said, would "
            "cost more than expected.",
            "all of which",
            "would cost more than expected",
        ),
    ],
)
def test_a_relative_clause_a_parenthetical_cue_interrupts_is_what_it_reports(
    article_from, nlp, text, before, after
):
    article, quote = only_quote(article_from, nlp, text + "\n")
    assert [article.text[s:e] for s, e in quote.spans] == [before, after]


@pytest.mark.parametrize(
    "text, spans",
    [
        (
            "Rather than try to resurrect the party, he supported pitching a bigger tent to "
            "help his clients and, he argued, to help stabilize the country.",
            ["to help stabilize the country"],
        ),
        (
            "Few candidates go undefeated, but at that point, strategists say, Trump would be "
            "extremely difficult to stop.",
            ["at that point", "Trump would be extremely difficult to stop"],
        ),
        (  # a sentence opening with its conjunction keeps it
            "But, she said, it's not the way to win the election.",
            ["But", "it's not the way to win the election"],
        ),
    ],
)
def test_a_parenthetical_cue_reports_the_clause_it_interrupts_not_one_joined_before_it(
    article_from, nlp, text, spans
):
    article, quote = only_quote(article_from, nlp, text + "\n")
    assert [article.text[s:e] for s, e in quote.spans] == spans


def test_commas_after_a_cue_s_object_do_not_make_it_parenthetical(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Last week, the governor described Ms. Park, a former judge, as the best choice "
        "for the court.\n",
    )
    assert quote.text == "Ms. Park, a former judge, as the best choice for the court"


@pytest.mark.parametrize(
    "text, content, source",
    [
        (  # the parser hangs the "that" clause on "series"
            "Anna Weber, a former mayor of Lyon and currently head of the regional council, "
            "said in one of a series of Twitter messages that the storm was moving faster "
            "than expected when it reached the coast.",
            "that the storm was moving faster than expected when it reached the coast",
            "Anna Weber",
        ),
        (
            "Officials said in a statement released late on Friday that the factory would close.",
            "that the factory would close",
            "Officials",
        ),
        (  # the parse hangs the "that" clause on "CNN", after a clause saying where
            "Corey Lewandowski, a Manafort rival whom Trump fired as campaign manager, said on "
            "CNN, where he is now a paid contributor, that Manafort should be held to account "
            "if he vetted the speech.",
            "that Manafort should be held to account if he vetted the speech",
            "Corey Lewandowski",
        ),
    ],
)
def test_what_follows_said_is_the_report_when_the_parse_gave_it_no_clause(
    article_from, nlp, text, content, source
):
    article = article_from(text + "\n")
    (quote,) = [q for q in proposed(article, nlp) if q.cue.text == "said"]
    assert (quote.text, quote.speaker_mention.text) == (content, source)


def test_the_report_s_subject_read_as_the_object_of_said_is_part_of_it(article_from, nlp):
    article = article_from(
        "Maria Lopez, a pollster who works for the campaign, said her surveys and other "
        "research show that voters want a change.\n"
    )
    said = [q for q in proposed(article, nlp) if q.speaker_mention.text == "Maria Lopez"]
    assert [q.text for q in said] == [
        "her surveys and other research show that voters want a change"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He said nothing when the verdict was read.",
        "The chairman, who had chaired the meeting for an hour, said goodbye to the last "
        "guest, was not as friendly.",
    ],
)
def test_a_word_said_is_no_report(article_from, nlp, text):
    assert proposed(article_from(text + "\n"), nlp) == []


def test_according_to_names_the_source(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "According to the coast guard, the vessel left port on Tuesday night.\n",
    )
    assert quote.text == "the vessel left port on Tuesday night"
    assert quote.cue.text == "According to"
    assert quote.speaker_mention.text == "the coast guard"


def test_inverted_said_name(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "“This is a dangerous escalation,” said Senator Marco Rubio.\n"
    )
    assert quote.type == "direct"
    assert quote.speaker == "Marco Rubio"
    assert quote.cue.text == "said"


def test_was_quoted_as_saying(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Defense Minister Vladimir Padrino was quoted as saying “we will defend every inch.”\n",
    )
    assert "we will defend every inch" in quote.text
    assert quote.speaker == "Vladimir Padrino"


def test_a_colon_introduces_the_quote_in_the_next_paragraph(article_from, nlp):
    article = article_from(
        "President Gustavo Petro posted a message on Tuesday night:\n\n"
        "“If this is true, it is a murder anywhere in the world.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == "“If this is true, it is a murder anywhere in the world.”"
    assert quote.cue.text == ":"
    assert quote.speaker == "Gustavo Petro"


@pytest.mark.parametrize("dash", ["-", "—", "―"])
def test_a_dash_line_signs_the_quote_above(article_from, nlp, dash):
    article = article_from(
        "Readers wrote in after the debate.\n\n"
        "“He never answered a single question about the economy.”\n\n"
        f"{dash} Maria Lopez, Phoenix\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.startswith("“He never answered")
    assert quote.speaker_mention.text == "Maria Lopez"  # her town is no part of her name


def test_transcript_lines_name_their_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Fox News anchor Chris Wallace pressed the governor on Sunday.\n\n"
        "WALLACE: Governor, will you release the tax returns this week?\n",
    )
    assert quote.type == "direct"
    assert quote.text.startswith("Governor, will you release the tax returns this week")
    assert quote.speaker_mention.text == "WALLACE"


def test_unnamed_sources_are_the_mention(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“The order came from the top,” one senior official said on condition of anonymity.\n",
    )
    assert quote.speaker_mention.text == "one senior official"
    assert article.text[quote.speaker_mention.start : quote.speaker_mention.end] == (
        "one senior official"
    )


def test_quoted_names_and_titles_are_not_quotes(article_from, nlp):
    article = article_from(
        "Pence spoke on “Fox News Sunday,” a day after the “Contract with America” anniversary.\n"
    )
    assert proposed(article, nlp) == []


def test_a_title_in_a_sentence_no_speech_verb_frames_is_no_quote(article_from, nlp):
    article = article_from(
        "Weiner opened a consulting firm and acted in the Syfy movie “Sharknado 3: Oh Hell No!” "
        "last year.\n"
    )
    assert proposed(article, nlp) == []


def test_a_short_answer_in_capitals_is_an_answer_not_a_title(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, '"Absolutely not. Absolutely not," the mayor responded.\n'
    )
    assert quote.text == '"Absolutely not. Absolutely not,"'
    assert quote.speaker_mention.text == "the mayor"


def test_a_subject_inside_the_quote_is_not_who_spoke(article_from, nlp):
    # the parse made both "folks" and "he" subjects of "wrote"
    article = article_from(
        "Prices\n\n"
        "Resident Tom Beardy posted a photo of a $14.99 watermelon on Facebook.\n\n"
        '"Summer\'s cancelled, folks," he wrote beneath the picture.\n'
    )
    [(_, quotes)] = extract_many([article], nlp)
    assert [(q.text, q.speaker) for q in quotes] == [
        ('"Summer\'s cancelled, folks,"', "Tom Beardy")
    ]


def test_a_cry_in_capitals_keeps_its_exclamation_mark_before_the_comma(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "“Happy Cinco de Mayo!,” the senator tweeted on Thursday.\n"
    )
    assert quote.text == "“Happy Cinco de Mayo!,”"
    assert quote.speaker_mention.text == "the senator"


def test_according_to_inside_a_quote_is_the_speaker_s_own_words(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, '"It\'s according to age groups," said Mattie Thomas, a retiree.\n'
    )
    assert quote.text == '"It\'s according to age groups,"'
    assert quote.speaker_mention.text == "Mattie Thomas"


def test_every_quote_has_a_confidence_and_attributed_ones_score_higher(article_from, nlp):
    article = article_from(
        "“We will appeal,” the lawyer said.\n\n"
        "Reporters gathered outside.\n\n"
        "“The court got this wrong and the higher court will see it.”\n"
    )
    attributed, carried_on = proposed(article, nlp)
    assert 0 < carried_on.confidence < attributed.confidence <= 1  # the rules' priors
    assert carried_on.speaker_mention.text == "the lawyer"
    # The learned scorer is surer still of the quote with its own cue than of the one after
    # an unrelated line, whose speaker is a guess (it may leave that one out).
    scored, *others = extract(article, nlp)
    assert scored.spans == attributed.spans and scored.confidence > 0.9
    assert all(other.confidence < scored.confidence for other in others)


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("The senator called for an independent review of the strikes.", "an independent"),
        ("Critics condemned the policy as a violation of human rights.", "the policy as a"),
        ("The envoy urged both sides to return to the talks.", "both sides to return"),
        ("The pastor called on the mayor to resign.", "the mayor to resign"),
        ("The prince called for Trump to drop out of the race.", "Trump to drop out of"),
        ("The minister continues to deny the allegations of bribery.", "the allegations of"),
        ("The envoy reiterated her support for the ceasefire.", "her support for"),
        ("The mayor expressed concern that the bridge would close.", "concern that the"),
        ("The union voiced support for the teachers' strike.", "support for the"),
    ],
)
def test_what_a_speech_verb_takes_as_its_object_is_the_content(
    article_from, nlp, sentence, content
):
    article, quote = only_quote(article_from, nlp, sentence + "\n")
    assert quote.type == "indirect"
    assert quote.text.startswith(content)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "The Calgary Chamber of Commerce praised the decision in a news release.",
            "the decision",
        ),
        ("The senator reiterated that approach in his interview on Sunday.", "that approach"),
        (
            "The minister urged a bigger role for Canada at the Munich Security Conference.",
            "a bigger role for Canada",
        ),
    ],
)
def test_where_a_speech_act_was_made_is_not_what_it_said(article_from, nlp, sentence, content):
    article, quote = only_quote(article_from, nlp, sentence + "\n")
    assert quote.text == content


def test_a_relative_who_keeps_its_antecedent_in_the_mention(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The plan was backed by Mayor Ann Lee, who said that the bridge would reopen in May.\n",
    )
    assert quote.speaker_mention.text == "Mayor Ann Lee, who"
    assert quote.speaker == "Ann Lee"


def test_words_inside_the_quote_are_never_its_source(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, an organizer.\n",
    )
    assert quote.speaker_mention.start > quote.end


def test_an_unattributed_quoted_statement_is_kept_with_low_confidence(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Crowds gathered at the gate.\n\n“Nobody here will forget this night.”\n",
    )
    assert quote.text == "“Nobody here will forget this night.”"
    assert (quote.speaker_mention, quote.cue) == (None, None)
    assert quote.confidence < 0.5


def test_a_section_heading_in_capitals_quotes_no_one(article_from, nlp):
    article = article_from(
        "Polls show that most voters favor tougher border laws.\n\n"
        "3. FOR AFGHAN WOMEN ‘GLASS IS HALF FULL.’\n\n"
        "The war grinds on.\n"
    )
    assert [q.text for q in proposed(article, nlp)] == [
        "that most voters favor tougher border laws"
    ]


def test_a_quote_named_inside_a_report_is_both_the_report_and_the_naming(article_from, nlp):
    article = article_from(
        "Senator Ruth Vance said the deal had collapsed over what she called a “reckless gamble.”\n"
    )
    report, naming = proposed(article, nlp)
    assert report.text.startswith("the deal had collapsed")
    assert report.cue.text == "said"
    assert naming.text.endswith("“reckless gamble.”")
    assert naming.cue.text == "called"
    assert naming.speaker == report.speaker == "Ruth Vance"


def test_a_passive_speech_verb_does_not_make_its_subject_the_speaker(article_from, nlp):
    article = article_from(
        "When asked if the army had fired first, Mayor Ann Lee refused to comment.\n"
        "The boats were described as fishing vessels.\n"
    )
    assert proposed(article, nlp) == []


def test_a_clause_quoting_two_passages_is_one_record(article_from, nlp):
    article = article_from(
        "The minister confirmed that the raids were aimed at “armed groups” and “drug labs.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.startswith("that the raids")
    assert quote.text.endswith("“drug labs.”")


def test_a_belief_or_finding_with_its_own_subject_is_a_weaker_attribution(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Mayor Ann Lee believes that the bridge will open in May.\n"
        "A video showing a boat in flames spread online.\n",
    )
    assert quote.text == "that the bridge will open in May"
    assert (quote.cue.text, quote.speaker) == ("believes", "Ann Lee")
    assert quote.confidence < 0.5


def test_a_headline_led_by_a_proper_name_and_a_colon_is_that_name_s(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "Pence: Gennifer Flowers Won’t Be at Debate\n\nIt is on Monday.\n"
    )
    assert quote.text == "Gennifer Flowers Won’t Be at Debate"
    assert quote.speaker_mention.text == "Pence"


def test_a_section_heading_with_a_colon_names_no_speaker(article_from, nlp):
    article = article_from("Escalation: Pressure on the Port\n\nThe vote was held on Monday.\n")
    assert proposed(article, nlp) == []


def test_cited_reports_what_was_cited(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "Senator Tom Hale cited rising rents as the reason for his vote.\n"
    )
    assert quote.text == "rising rents as the reason for his vote"
    assert quote.cue.text == "cited"


def test_a_fragment_quoted_under_any_verb_of_a_named_subject_is_a_weak_mixed_quote(
    article_from, nlp
):
    article = article_from(
        "Senator Tom Hale likened the new toll to “a tax on hope” in a long speech.\n"
        "The network licenses “Politicking” and “Larry King Now” abroad.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.type == "mixed"
    assert "the new toll to “a tax on hope”" in quote.text
    assert quote.speaker == "Tom Hale"
    assert quote.confidence < 0.5


def test_a_name_the_parse_hangs_on_the_quote_is_still_the_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“He is absolutely right. There is a severe disconnect between this White House and our "
        "military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News.\n",
    )
    assert quote.speaker_mention.text == "Flynn"


def test_a_statement_issued_by_someone_speaks_for_them(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The Security Council issued a statement calling the test “a clear violation” of law.\n",
    )
    assert quote.speaker_mention.text == "The Security Council"


def test_what_a_text_reads_is_quoted_from_it_but_a_person_reading_says_nothing(article_from, nlp):
    article = article_from(
        "The mayor spoke first.\n\n"
        "“The money is there. The will is not,” the statement read.\n\n"
        "“Homes, not highways,” one sign read.\n\n"
        "The clerk read the minutes aloud.\n"
    )
    quotes = proposed(article, nlp)
    assert [(q.cue.text, q.speaker_mention.text) for q in quotes] == [
        ("read", "the statement"),
        ("read", "one sign"),
    ]


def test_chanted_words_are_a_quote(article_from, nlp):
    article, quote = only_quote(article_from, nlp, "Protesters chanted “What curfew?”\n")
    assert quote.text == "“What curfew?”"
    assert quote.cue.text == "chanted"


def test_a_signature_line_names_the_speaker_without_the_role_after_the_comma(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“This is a good first step, but it is not enough.”\n"
        "— Geordie Dent, Federation of Metro Tenants' Associations\n",
    )
    assert quote.speaker_mention.text == "Geordie Dent"


def test_an_embedded_post_is_its_author_s_statement_on_the_day_it_was_posted(article_from, nlp):
    article = article_from(
        "The former president attacked the bill on social media.\n\n"
        "Terrible bill. The Democrats want open borders!\n\n"
        "— Donald J. Trump (@realDonaldTrump) March 3, 2024\n\n"
        "The House votes next week.\n"
    )
    (post,) = proposed(article, nlp)
    assert (post.text, post.type) == ("Terrible bill. The Democrats want open borders", "direct")
    assert (post.speaker, post.date, post.date_source) == (
        "Donald J. Trump",
        "2024-03-03",
        "statement",
    )


def test_a_dash_before_a_lowercase_phrase_is_no_signature(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Another critic, Laurence Tribe, likened the rules to “burning the Constitution” "
        "- a charge that stung.\n",
    )
    assert quote.cue.text == "likened"
    assert quote.speaker_mention.text.startswith("Another critic")


def test_a_titled_subject_of_a_non_speech_verb_frames_the_quote(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The Republican nominee has repeatedly wondered whether the moderators will be “fair.”\n",
    )
    assert quote.text.startswith("whether the moderators")
    assert quote.cue.text == "wondered"


@pytest.mark.parametrize(
    "sentence",
    [
        'Still, Carson added, he did not support issuing quarantines "willy-nilly."\n',
        'He did not, Carson added, support issuing quarantines "willy-nilly."\n',
    ],
)
def test_a_speech_verb_set_off_by_commas_reports_the_fragment_not_the_verb_near_it(
    article_from, nlp, sentence
):
    # "support" frames the quoted words, but it is what Carson said he did not do
    article, quote = only_quote(article_from, nlp, sentence)
    assert quote.cue.text == "added"
    assert quote.speaker == "Carson"
    assert quote.text.endswith('issuing quarantines "willy-nilly."')
    assert quote.type == "mixed"


def test_a_speech_noun_with_a_that_clause_reports_it_for_its_owner(article_from, nlp):
    article = article_from(
        "Reporters checked Mayor Ann Lee’s claim that the bridge would open by May.\n"
        "The statement that the bridge was late went unanswered.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == "that the bridge would open by May"
    assert (quote.cue.text, quote.speaker) == ("claim", "Ann Lee")


def test_a_speech_noun_named_for_its_claimant_reports_the_clause_for_them(article_from, nlp):
    article = article_from(
        "Despite Pentagon assurances that the boats carried drugs, doubts remain.\n\n"
        "The claim by Senator Tom Hale that the vote was rigged went unanswered.\n"
    )
    assurances, claim = proposed(article, nlp)
    assert (assurances.text, assurances.speaker) == ("that the boats carried drugs", "Pentagon")
    assert (claim.text, claim.speaker) == ("that the vote was rigged", "Tom Hale")


def test_a_report_with_its_speaker_named_after_the_verb_is_theirs(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "The new rules will hurt small businesses, argued Reyes.\n"
    )
    assert quote.text == "The new rules will hurt small businesses"
    assert (quote.cue.text, quote.speaker) == ("argued", "Reyes")


def test_a_fronted_report_whose_verb_the_parse_hangs_on_it_is_still_reported(article_from, nlp):
    # the parse makes "reported" an adverbial clause of "end", not the verb over it
    article, quote = only_quote(
        article_from,
        nlp,
        "Headline\n\nA six-year trend of declining federal budget deficits will end this "
        "year, sooner than expected, the nonpartisan Congressional Budget Office reported "
        "on Tuesday -- a development that injects new questions into the race.\n",
    )
    assert quote.text == (
        "A six-year trend of declining federal budget deficits will end this year, "
        "sooner than expected"
    )
    assert (quote.cue.text, quote.speaker) == ("reported", "Congressional Budget Office")


def test_a_fronted_report_the_parse_makes_the_cue_s_complement_is_still_reported(article_from, nlp):
    # the parse makes "disclosed" (tagged a participle) a complement of "contains"
    article = article_from(
        "Tap water in the small Michigan town of Hollins Ridge contains two of the most widely "
        "studied PFAS chemicals at levels up to 40 times the limit set by the Environmental "
        "Protection Agency last year, the town’s water utility disclosed on Monday.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.startswith("Tap water in the small Michigan town")
    assert quote.cue.text == "disclosed" and "water utility" in quote.speaker


def test_according_to_a_source_before_a_comma_ends_at_the_comma(article_from, nlp):
    # the parse reads "PRO" as a modifier of "items", the object of "to"
    article = article_from(
        "According to the PRO, items recovered from the suspects include two locally made "
        "pistols and a Toyota Sienna bus.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == (
        "items recovered from the suspects include two locally made pistols and a Toyota Sienna bus"
    )
    assert quote.speaker.endswith("PRO")


def test_a_report_whose_verb_the_parse_reads_as_a_participle_is_the_name_after_it(
    article_from, nlp
):
    article, quote = only_quote(
        article_from, nlp, "The plan will fail, warned economist Jane Doe.\n"
    )
    assert quote.text == "The plan will fail"
    assert (quote.cue.text, quote.speaker) == ("warned", "Jane Doe")


def test_whom_a_speaker_told_is_never_the_speaker(article_from, nlp):
    quotes = extract(
        article_from(
            "“It’s a good day for the city,” Coun. Sonya Sharp, wearing a “Calgary Strong” "
            "pin, told reporters.\n"
        ),
        nlp,
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("“It’s a good day for the city,”", "Sonya Sharp")
    ]


def test_a_report_whose_verb_the_parse_makes_the_root_is_the_name_after_it(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "Nobody was consulted, complained resident Jane Doe.\n"
    )
    assert quote.text == "Nobody was consulted"
    assert (quote.cue.text, quote.speaker) == ("complained", "Jane Doe")


def test_a_plan_inside_what_was_said_is_no_record_of_its_own(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "Mayor Ann Lee said she plans to rebuild the bridge by May.\n"
    )
    assert quote.text == "she plans to rebuild the bridge by May"
    assert quote.cue.text == "said"


def test_spoke_of_and_pointed_to_report_their_object(article_from, nlp):
    article = article_from(
        "Mayor Ann Lee spoke of a bridge that would last a century.\n\n"
        "Senator Tom Hale pointed to rising rents in the city.\n"
    )
    spoke, pointed = proposed(article, nlp)
    assert (spoke.cue.text, spoke.text) == ("spoke", "a bridge that would last a century")
    assert (pointed.cue.text, pointed.text) == ("pointed", "rising rents in the city")


def test_a_name_between_the_quote_and_the_cue_wins_over_words_after_the_cue(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "“We will not stand for it,” Rep. Elijah E. Cummings (D-Md.) said in a phone interview.\n",
    )
    assert quote.speaker == "Elijah E. Cummings"


def test_a_name_with_a_verb_of_its_own_before_the_cue_is_not_the_cues_source(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        '"You bet I would," Christie said when asked whether he would issue a quarantine '
        "for people traveling from Brazil.\n",
    )
    assert (quote.speaker, quote.cue.text) == ("Christie", "said")
    article = article_from(
        "“Orange is the New Black” star Selenis Leyva opened up about being described as a "
        "“real woman” in a blog.\n"
    )
    mentions = [quote.speaker_mention for quote in proposed(article, nlp)]
    assert mentions and all(m is None or "opened" not in m.text for m in mentions)


def test_a_capitalised_follow_on_sentence_is_said_not_a_title(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "“Here comes the boss,” she said, clapping. “The Donald. Big Daddy.”\n"
    )
    assert quote.text.endswith("“The Donald. Big Daddy.”")
    assert len(quote.spans) == 2


def test_after_a_speech_verb_and_a_colon_the_next_paragraph_is_said(article_from, nlp):
    article = article_from(
        "The governor added:\n\nIt is typical of her. She knows nothing about the bridge.\n\n"
        "The plan includes:\n\nNew roads and bridges for the county.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == "It is typical of her. She knows nothing about the bridge"
    assert quote.speaker_mention.text == "The governor"


def test_a_meeting_to_discuss_a_plan_reports_no_statement(article_from, nlp):
    article = article_from(
        "The council met on Monday to discuss the repair plan.\n\n"
        "Mayor Ann Lee refused to describe the budget.\n"
    )
    assert proposed(article, nlp) == []


def test_a_quote_with_no_cue_belongs_to_the_person_just_named(article_from, nlp):
    article = article_from(
        "Critics said that the plan was reckless.\n\n"
        "On Friday, Governor Maria Santos repeated her warnings about the storm. "
        "“We will not wait for the water to reach our doors, and neither should you.”\n"
    )
    quote = next(q for q in proposed(article, nlp) if q.type == "direct")
    assert quote.speaker == "Maria Santos"


def test_a_participle_on_a_noun_that_cannot_speak_is_the_subject_s(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Defense Secretary Ann Lee emphasized the threat posed by the gangs, stating, "
        "“These people are terrorists. They are fueling violence in our streets.” "
        "The words were repeated.\n",
    )
    assert (quote.cue.text, quote.speaker) == ("stating", "Ann Lee")


def test_a_name_the_parse_ran_into_the_sentence_before_is_the_next_verb_s_subject(
    article_from, nlp
):
    article, quote = only_quote(
        article_from,
        nlp,
        "The boats carried cocaine into the U.S. Secretary of State Marco Rubio reinforced "
        "the urgency of the strikes, stating, “We are facing a regime exporting poison onto "
        "our streets.” The words were repeated.\n",
    )
    assert (quote.speaker, quote.role) == ("Marco Rubio", "Secretary of State")


def test_a_group_after_the_noun_it_comments_on_is_the_group_alone(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The mayor chose to close the bridge, a move critics argue is driven by politics "
        "rather than safety.\n",
    )
    assert (quote.speaker_mention.text, quote.speaker) == ("critics", "critics")


def test_a_clause_quoted_whole_after_a_speech_noun_is_its_owner_s_direct_quote(article_from, nlp):
    article = article_from(
        "Governor Ann Lee’s October declaration that “the bridge will open in May” reflects a "
        "stance that some officials are calling the “bold” stage.\n"
    )
    declaration = proposed(article, nlp)[0]
    assert declaration.text == "“the bridge will open in May”"
    assert (declaration.type, declaration.cue.text) == ("direct", "declaration")
    assert declaration.speaker == "Ann Lee"


def test_a_document_from_someone_reports_its_that_clause_for_them(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "A report from the National Audit Office, released in May, that the ministry “did not "
        "keep records of its spending on roads.”\n",
    )
    assert quote.type == "mixed"
    assert quote.text.startswith("that the ministry “did not keep")
    assert (quote.speaker, quote.speaker_kind) == ("National Audit Office", "organization")


def test_a_second_quote_after_its_own_cue_is_a_record_of_its_own(article_from, nlp):
    article = article_from(
        "“We certainly can’t afford to do this anymore,” Lee said, adding later, “The port is "
        "costing us a fortune, and yes, we’re protecting the coast with it, but we’re spending "
        "a lot of money.”\n"
    )
    said, added = proposed(article, nlp)
    assert (said.text, said.cue.text) == ("“We certainly can’t afford to do this anymore,”", "said")
    assert added.text.startswith("“The port is costing us a fortune")
    assert (added.cue.text, added.speaker) == ("adding", "Lee")


def test_a_cue_that_introduces_the_next_quote_is_not_the_previous_one_s(article_from, nlp):
    article = article_from(
        'My aunt got so angry that I had to take it back: "Of course I believe in luck. I was '
        'only joking." To which she said, "Thank heaven you still believe in something."\n'
    )
    taken_back, answer = proposed(article, nlp)
    assert taken_back.text == '"Of course I believe in luck. I was only joking."'
    assert taken_back.cue.text == ":"
    assert (answer.cue.text, answer.speaker_mention.text) == ("said", "she")


def test_a_quote_after_a_colon_is_not_the_clause_before_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        'Mayor Ann Lee is rolling out a new slogan for the campaign: "It\'s about the city."\n',
    )
    assert quote.text == '"It\'s about the city."'
    assert (quote.type, quote.cue.text, quote.speaker) == ("direct", ":", "Ann Lee")


def test_a_fragment_inside_what_a_parenthetical_cue_reports_is_part_of_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "But the economic tools the city has at its disposal, the mayor added, are like "
        "“bridges that you can't cross.”\n",
    )
    assert quote.type == "mixed"
    assert [article.text[s:e] for s, e in quote.spans] == [
        "But the economic tools the city has at its disposal",
        "are like “bridges that you can't cross.”",
    ]
    assert (quote.cue.text, quote.speaker_mention.text) == ("added", "the mayor")


@pytest.mark.parametrize(
    "headline, content, cue, source",
    [
        (
            "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’",
            "Donald Trump As A ‘Disgusting Fraud.’",
            "Rip",
            "Black Lawmakers",
        ),
        (
            "Mayor Sees 'Personal Insult' if Voters Don't Back the Bridge.",
            "'Personal Insult' if Voters Don't Back the Bridge",
            "Sees",
            "Mayor",
        ),
        (
            "Senator Lee on the Budget: The Cuts Are 'Reckless.'",
            "The Cuts Are 'Reckless.'",
            ":",
            "Senator Lee",
        ),
    ],
)
def test_a_headline_quoting_someone_reports_all_that_follows_its_verb_or_colon(
    article_from, nlp, headline, content, cue, source
):
    article, quote = only_quote(article_from, nlp, f"{headline}\n\nThe vote is on Monday.\n")
    assert quote.text == content
    assert (quote.type, quote.cue.text, quote.speaker_mention.text) == ("mixed", cue, source)


def test_a_title_case_headline_without_quotation_marks_reports_nothing(article_from, nlp):
    article = article_from(
        "Limited Access Reveals the Mayor's Secret Plan for the Bridge\n\nThe plan is secret.\n"
    )
    assert proposed(article, nlp) == []


def test_a_relative_pronoun_before_a_colon_is_not_the_source(article_from, nlp):
    _, quote = only_quote(
        article_from,
        nlp,
        "The storm reached the coast at dawn. A post from a fisherman captured the panic"
        " that followed: “Half of the harbour is gone.”\n",
    )
    assert quote.speaker_mention.text == "A post"
    # the post's words are its writer's: a fisherman, unnamed
    assert (quote.speaker, quote.speaker_kind) == ("unnamed fisherman", "unnamed")


def test_a_pull_quote_is_said_by_whom_the_next_sentence_names(article_from, nlp):
    article = article_from(
        "The storm passed on Monday.\n\n"
        "“We are not going anywhere.” That was the message from union leader Rita Moss.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == "“We are not going anywhere.”"
    assert (quote.speaker, quote.cue.text) == ("Rita Moss", "was")


def test_each_speech_verb_of_a_participle_chain_reports_its_own_words(article_from, nlp):
    article = article_from(
        "The mayor criticised the plan, calling it a “reckless gamble” and warning that "
        "families would ‘pay the price’ for years.\n"
    )
    by_cue = {
        q.cue.text: article.text[q.spans[0][0] : q.spans[-1][1]] for q in proposed(article, nlp)
    }
    assert by_cue["warning"] == "that families would ‘pay the price’ for years"
    assert "warning" not in by_cue["calling"]


def test_a_title_case_headline_is_no_speaker_label_unless_a_name_ends_it(article_from, nlp):
    headline = "U.S. Navy Patrols Grow: Admirals Send More Ships to the Gulf\n\nShips left.\n"
    assert proposed(article_from(headline), nlp) == []
    labelled = proposed(article_from("Pat Caddell: Democrats are worried about turnout.\n"), nlp)
    assert [q.speaker for q in labelled] == ["Pat Caddell"]
    # a tribute's headline is about the man it names, who is not saying the words after it
    tribute = "Remembering Murray Sinclair: 'He changed how this country sees itself'\n\nHe died.\n"
    assert [q.speaker for q in proposed(article_from(tribute), nlp)] in ([], [None])


def test_he_continued_beside_a_quote_is_its_cue(article_from, nlp):
    article = article_from(
        "“The harbour will reopen by spring,” Mayor Ann Lee said on Monday.\n\n"
        "“The first boats are already booked,” she continued. “We expect a busy summer.”\n\n"
        "The repairs continued for weeks.\n"
    )
    continued = next(q for q in proposed(article, nlp) if "first boats" in q.text)
    assert (continued.cue.text, continued.speaker) == ("continued", "Ann Lee")
    assert [q.cue.text for q in proposed(article, nlp)].count("continued") == 1


def test_a_report_the_parse_runs_on_into_a_recorded_quote_ends_with_its_sentence(article_from, nlp):
    article = article_from(
        "In any case, Mayor Ann Lee said, the harbour was far too small for the new "
        "ferries. ''It was just waiting for a storm to show it,'' she said. ''The storm "
        "came in May.''\n"
    )
    found = [(q.cue.text, q.text) for q in proposed(article, nlp)]
    assert found == [
        ("said", "In any case ... the harbour was far too small for the new ferries"),
        ("said", "''It was just waiting for a storm to show it,'' ... ''The storm came in May.''"),
    ]


def test_discovering_a_body_is_no_thought_and_discovering_that_is(article_from, nlp):
    article = article_from(
        "Officers discovered a body near the bridge on Tuesday.\n\n"
        "Officers discovered that the lock on the gate had been broken.\n\n"
        "The senator assumed office in January.\n"
    )
    found = [(q.cue.text, q.text, q.act) for q in proposed(article, nlp)]
    assert found == [("discovered", "that the lock on the gate had been broken", "thought")]


def test_shot_back_is_a_retort_and_pushing_back_a_vote_is_not(article_from, nlp):
    article = article_from(
        "After critics mocked her record, Senator Ann Lee shot back, “I chose to fulfil "
        "my profession.”\n\n"
        "Mayor Tom Baker pushed back, arguing that the budget was balanced.\n\n"
        "The council pushed back the vote to Friday.\n"
    )
    found = {q.cue.text: q.speaker for q in proposed(article, nlp)}
    assert found == {"shot": "Ann Lee", "arguing": "Tom Baker"}


def test_a_participle_hung_inside_what_someone_argued_is_still_theirs(article_from, nlp):
    article = article_from(
        "Governor Maria Santos argued that a new levy would keep tourists away, saying "
        "it was “a tax on every family's summer.”\n"
    )
    by_cue = {q.cue.text: q for q in proposed(article, nlp)}
    assert by_cue["saying"].speaker == "Maria Santos"
    argued = by_cue["argued"]  # her argument is a record too, without the words she went on to say
    assert (argued.speaker, argued.text) == (
        "Maria Santos",
        "that a new levy would keep tourists away",
    )


def test_a_name_just_before_the_cue_is_its_subject_when_the_parse_hangs_it_elsewhere(
    article_from, nlp
):
    article, quote = only_quote(
        article_from,
        nlp,
        "Tuesday in Dover, while on the campaign trail for his sister, former governor Tom "
        "Okafor said the port was ready for the season because “the ships are coming back.”\n",
    )
    assert quote.speaker == "Tom Okafor"


def test_calling_someone_on_the_phone_or_declining_to_talk_reports_nothing(article_from, nlp):
    article = article_from(
        "The mayor called the grieving family on Tuesday to offer her condolences.\n\n"
        "The harbour master declined to discuss whether the berth would be leased again.\n\n"
        "Mayor Ann Lee called the new levy a tax on every family.\n"
    )
    assert [(q.cue.text, q.text) for q in proposed(article, nlp)] == [
        ("called", "the new levy a tax on every family")
    ]


def test_what_is_called_something_on_the_phone_is_still_said(article_from, nlp):
    article = article_from("Mayor Li called the plan a disaster on the phone.\n")
    assert [(q.cue.text, q.text) for q in proposed(article, nlp)] == [
        ("called", "the plan a disaster on the phone")
    ]


def test_what_a_speaker_would_not_say_is_not_what_they_said(article_from, nlp):
    article = article_from(
        "Lecce would not say how the ban would be enforced.\n\n"
        "Police did not say whether the suspect was armed.\n\n"
        "Neither Halvard nor Kovalenko would say whether the lab will reopen.\n\n"
        "The minister said how the ban would be enforced: by the teachers.\n"
    )
    assert [(q.speaker, q.cue.text) for q in proposed(article, nlp)] == [
        ("unnamed minister", "said")
    ]


def test_a_pull_quote_is_said_by_whom_the_next_paragraph_names(article_from, nlp):
    article = article_from(
        "“We have waited long enough,” said Ann Lee, who lives by the harbour.\n\n"
        "“Nobody should be left behind.”\n\n"
        "That was the message from union leader Rita Moss at the rally on Sunday.\n"
    )
    pulled = next(q for q in proposed(article, nlp) if "Nobody" in q.text)
    assert (pulled.speaker, pulled.cue.text) == ("Rita Moss", "was")


def test_a_pull_quote_captioned_with_a_name_is_that_person_s(article_from, nlp):
    article = article_from(
        "“We will not back down,” said Premier David Eby.\n\n"
        "“This is a historic day for the city,” Mayor Ken Sim\n\n"
        "“Nobody expected this.”\n\n"
        "Coun. Rebecca Bligh\n\n"
        "“It is a fair deal for renters.” Ann Lee, tenant advocate\n"
    )
    quotes = proposed(article, nlp)
    said = {q.text: q.speaker for q in quotes}
    assert said == {
        "“We will not back down,”": "David Eby",
        "“This is a historic day for the city,”": "Ken Sim",
        "“Nobody expected this.”": "Rebecca Bligh",
        "“It is a fair deal for renters.”": "Ann Lee",
    }
    # a caption is as sure a mark of its speaker as a signature line under the quote
    assert {q.confidence for q in quotes if q.speaker != "David Eby"} == {0.8}


def test_a_name_after_a_quote_in_a_sentence_is_no_caption(article_from, nlp):
    article = article_from(
        "“We will not back down,” said Premier David Eby.\n\n"
        "The slogan was “Build Back Better,” Joe Biden’s campaign motto\n\n"
        "“He was right,” Lee added. “He listened to her before deciding to go after” Osama"
        " bin Laden.\n\n"
        "“Nobody expected this.”\n\n"
        "By Rebecca Bligh\n"
    )
    speakers = {q.speaker for q in proposed(article, nlp)}
    assert not speakers & {"Joe Biden", "Osama bin Laden", "Rebecca Bligh"}


def test_a_name_before_a_colon_and_a_quote_is_the_speaker(article_from, nlp):
    article = article_from(
        "Reid: 'Never underestimate Trump.'\n\n"
        "Senate Democratic leader Harry Reid spoke to reporters on Wednesday.\n\n"
        "Trump posted about the vote soon after. Donald Trump: "
        '"Appreciate the congrats for being right."\n\n'
        "Update: 'The bridge will stay closed until Friday.'\n\n"
        'Her message to Donald Trump: "We are not going anywhere."\n'
    )
    said = {q.text: q.speaker for q in proposed(article, nlp)}
    assert said["'Never underestimate Trump.'"] == "Harry Reid"
    assert said['"Appreciate the congrats for being right."'] == "Donald Trump"
    assert "Update" not in said.values()
    assert said.get('"We are not going anywhere."') != "Donald Trump"


def test_a_q_and_a_label_is_no_speaker(article_from, nlp):
    article = article_from(
        "Q&A: The city's new planning chief on housing\n\n"
        "The chief planner sat down with the Star to talk about housing.\n"
    )
    assert "Q&A" not in {q.speaker for q in proposed(article, nlp)}


def test_a_section_name_in_capitals_is_no_speaker_but_a_transcript_label_is_the_person(
    article_from, nlp
):
    sections = article_from(
        "Council news\n\nPOLITICS: The council voted on the harbour plan on Tuesday.\n\n"
        "BREAKING NEWS: The ferry service will resume on Monday morning.\n"
    )
    assert proposed(sections, nlp) == []
    interview = article_from(
        "Mayor Tom Okafor spoke to reporter Ann Lee on Monday.\n\n"
        "LEE: What will you do about the harbour?\n\n"
        "OKAFOR: We will rebuild it, and it will be ready by spring.\n\n"
        "LEE: Who will pay for the work?\n"
    )
    speakers = [(q.speaker, q.speaker_kind) for q in proposed(interview, nlp)]
    assert speakers == [("Ann Lee", "person"), ("Tom Okafor", "person"), ("Ann Lee", "person")]


def test_an_interview_printed_as_an_exchange_of_names_is_a_transcript(article_from, nlp):
    """Magazines print interviews as ``Harker: ...`` / ``Lindqvist: ...``; the recogniser
    may know neither name at the head of a line, but two names taking turns are speakers."""
    interview = article_from(
        "Ingrid Solberg on housing\n\n"
        "Ingrid Solberg spent two decades at a central bank. We spoke in Bergen.\n\n"
        "Harker: Why did you write the book?\n\n"
        "Solberg: Because I think we forgot that people live in the economy.\n\n"
        "Harker: What would you change first?\n\n"
        "Solberg: I would put rents on the first slide of every meeting.\n"
    )
    lines = [(q.speaker, q.type) for q in proposed(interview, nlp)]
    assert lines[-4:] == [
        ("Harker", "direct"),
        ("Ingrid Solberg", "direct"),
        ("Harker", "direct"),
        ("Ingrid Solberg", "direct"),
    ]


def test_a_description_before_a_name_after_the_cue_is_no_source_of_its_own(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        '"It\'s the right call," said Stags fullback Jordie Reihana, who grew up on the coast.\n',
    )
    assert quote.speaker == "Jordie Reihana"


def test_a_clause_wrapped_around_its_cue_holds_neither_cue_nor_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The ferry avoided the port, a delicate balancing act that analysts say reflects "
        "a desire to avoid a strike.\n",
    )
    assert (quote.speaker, quote.text) == ("analysts", "reflects a desire to avoid a strike")


def test_as_someone_noted_reports_the_clause_it_hangs_on(article_from, nlp):
    article = article_from(
        "Staff can still be disciplined, and as the inspector noted, several managers "
        "could lose their posts.\n\nAs he was saying goodbye, the crowd cheered.\n"
    )
    [noted] = proposed(article, nlp)
    assert (noted.cue.text, noted.speaker, noted.text) == (
        "noted",
        "unnamed inspector",  # no inspector is named: described as unnamed officials are
        "several managers could lose their posts",
    )


def test_according_to_reports_its_sentence_even_when_the_parse_hangs_it_on_the_name(
    article_from, nlp
):
    article, quote = only_quote(
        article_from,
        nlp,
        "According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” "
        "and desperation.\n",
    )
    assert (quote.text, quote.type) == ("the move reeks of “fear” and desperation", "mixed")


def test_a_quote_in_the_clause_of_someones_claim_is_that_claim(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Reporters seized on the mayor’s claim that there have been “thousands of thefts” "
        "in Dover this year alone.\n",
    )
    assert (quote.cue.text, quote.speaker_mention.text) == ("claim", "the mayor")
    assert quote.text == "that there have been “thousands of thefts” in Dover this year alone"


def test_a_subject_the_parse_hangs_elsewhere_is_found_before_the_verb(article_from, nlp):
    article = article_from(
        "In addition to Mr. Hale, two members of the council from Dover, Ann Lee and Tom "
        "Okafor, have said they will not back the harbour plan.\n\n"
        "Few politicians would ever admit this, but Sen. Rita Moss (a Delaware Democrat so "
        "young she has been mistaken for an intern) says she was unfocused in her first "
        "weeks in office.\n"
    )
    found = {q.cue.text: q for q in proposed(article, nlp)}
    assert found["said"].text.startswith("they will not back the harbour plan")
    assert found["said"].speaker_mention.text.endswith("Tom Okafor")
    assert (found["says"].speaker, found["says"].text) == (
        "Rita Moss",
        "she was unfocused in her first weeks in office",
    )


def test_words_before_a_colon_that_introduces_the_quote_are_the_writers(article_from, nlp):
    article = article_from(
        "Later, Lee followed up by lamenting the tasks her job entails, especially "
        "fundraising: “There’s just a ton of paperwork with this job,” she said.\n"
    )
    [quote] = [q for q in proposed(article, nlp) if q.cue.text == "said"]
    assert quote.text == "“There’s just a ton of paperwork with this job,”"
    assert quote.type == "direct"


def test_a_show_named_in_quotation_marks_is_where_it_was_said_not_what(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        '"Well, it\'s certainly more of a consideration than it was," Cuban said in an '
        'interview airing Sunday on NBC\'s "Meet the Press." "You don\'t have to be the '
        "perfect candidate like you would've been in the past.\"\n",
    )
    assert len(quote.spans) == 2 and "Meet the Press" not in quote.text
    assert quote.speaker == "Cuban"


def test_what_someone_was_asked_is_not_their_statement(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "''Jobs, jobs, jobs,'' Mayor Ann Lee said on ''The Late Show With Stephen Colbert'' "
        "last month when asked what the harbour would bring. ''Nobody did it better.''\n",
    )
    assert quote.cue.text == "said" and quote.text.endswith("''Nobody did it better.''")
    assert "Late Show" not in quote.text


def test_a_dateline_is_never_the_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "DOVER, July 19 (UPI) — Former Attorney General Ruth Adams told delegates at the "
        "state convention that the harbour plan should be scrapped before the election.\n",
    )
    assert quote.speaker == "Ruth Adams"


def test_what_the_writer_adds_after_the_cue_is_not_the_quote(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        '"Too much hate," she said, blaming some of it on presidential candidate Ann Lee.\n',
    )
    assert quote.text == '"Too much hate,"' and quote.type == "direct"


def test_a_participle_ending_the_speaker_s_own_clause_stays_theirs(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "He has come up with a model, he said, for how the harbour can keep its ships, "
        "while reducing its impact on the bay.\n",
    )
    assert quote.text.endswith("while reducing its impact on the bay")


def test_what_someone_declined_to_discuss_is_not_their_statement(article_from, nlp):
    article = article_from(
        'The minister declined to discuss whether the deal was "dead in the water."\n'
    )
    assert proposed(article, nlp) == []


def test_nobody_said_is_no_statement(article_from, nlp):
    article = article_from("Nobody said the harbour would close before the election.\n")
    assert proposed(article, nlp) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "JERUSALEM - The harbour will close before the election, the mayor's office said "
        "on Thursday.\n",
        "WASHINGTON ― The harbour will close before the election, the mayor's office said "
        "on Thursday.\n",
        "MEXICO CITY - The harbour will close before the election, according to the mayor's "
        "office.\n",
    ],
)
def test_a_dateline_is_not_part_of_what_was_said(article_from, nlp, paragraph):
    article, quote = only_quote(article_from, nlp, paragraph)
    assert quote.text == "The harbour will close before the election"


def test_a_section_label_in_capitals_is_not_part_of_what_was_said(article_from, nlp):
    article = article_from(
        "SAILORS DON’T WANT TO WORK WITH HIM — Lee may win the vote, but that doesn’t mean "
        "the sailors respect him. One of the sailors who signed the letter called Lee a fraud.\n"
    )
    assert not any("—" in quote.text for quote in proposed(article, nlp))


def test_the_question_someone_asked_is_what_they_said(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "Then Ms. Lee asked the sailors if they were always so serious.\n"
    )
    assert (quote.text, quote.speaker) == ("if they were always so serious", "Lee")


def test_what_someone_was_asked_if_is_not_theirs(article_from, nlp):
    article = article_from("The actress was asked if she had ever been turned away at the pier.\n")
    assert proposed(article, nlp) == []


def test_a_transcript_line_answered_over_several_paragraphs_is_one_record(article_from, nlp):
    article = article_from(
        "The mayor spoke to a radio host on Monday.\n\n"
        '"LEE: We will rebuild the bridge before the winter comes.\n\n'
        '"HOST: Do you really think so, Mayor?\n\n'
        '"LEE: I do. The money is there and the council has voted for it.\n\n'
        '"The trucks are ready too, and the crews start on Monday."\n'
    )
    lines = [(quote.speaker, quote.text) for quote in proposed(article, nlp)]
    assert [speaker for speaker, _ in lines] == ["Lee", "Host", "Lee"]
    assert lines[2][1].startswith("I do.") and lines[2][1].endswith('start on Monday."')


@pytest.mark.parametrize("rank", ["Const.", "Sgt.", "Insp.", "Supt.", "Det."])
def test_a_rank_written_short_does_not_end_the_sentence_before_its_name(article_from, nlp, rank):
    """Police ranks are abbreviated in most crime reports; the period is not a full stop."""
    article, quote = only_quote(
        article_from,
        nlp,
        "Officers discovered a body in an apartment on Jane Street early Sunday, "
        f"{rank} Laura Brabant said.\n",
    )
    assert quote.text == "Officers discovered a body in an apartment on Jane Street early Sunday"
    assert quote.speaker == "Laura Brabant"


def test_a_rank_written_short_is_the_speaker_s_role(article_from, nlp):
    article = article_from(
        "“We are asking anyone with dashcam video to come forward,” said Sgt. Mark Ho of "
        "the Ottawa Police Service.\n\n"
        "Const. Laura Brabant said the investigation is ongoing.\n"
    )
    found = {q.speaker: q.role for q in proposed(article, nlp)}
    assert found == {
        "Mark Ho": "Sergeant of the Ottawa Police Service",
        "Laura Brabant": "Constable",
    }


def test_a_rank_the_name_recogniser_took_into_the_name_is_the_role(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "The changes are long overdue, argued Coun. Josh Matlow.\n"
    )
    assert (quote.speaker, quote.role) == ("Josh Matlow", "Councillor")


def test_sources_joined_by_and_are_one_source_not_the_first_of_them(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Both the union and the school board said the talks had stalled over wages.\n",
    )
    assert quote.speaker_mention.text == "Both the union and the school board"
    assert quote.speaker == "union and the school board"  # as "The union and ..." would be


def test_what_a_statement_says_is_what_its_issuer_said(article_from, nlp):
    # the parse hangs the "that" clause on "statement", not on "said"
    article, quote = only_quote(
        article_from,
        nlp,
        "The B.C. Centre for Disease Control said in a statement that the risk to the "
        "public remains low.\n",
    )
    assert quote.text == "that the risk to the public remains low"
    assert quote.speaker == "B.C. Centre for Disease Control"  # the whole name, not "Centre"


def test_a_report_that_finds_is_its_issuer_s_finding(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The city released a report that found the bridge was unsafe for heavy trucks.\n",
    )
    assert quote.text == "the bridge was unsafe for heavy trucks"
    assert quote.speaker_mention.text == "The city"


def test_a_report_is_not_stored_again_as_its_first_half(article_from, nlp):
    # two candidates share the cue "claiming": the clause up to the first quote, and the
    # whole clause
    article, quote = only_quote(
        article_from,
        nlp,
        "He is claiming that election fraud is “a huge problem in this state” but "
        "“nobody has the courage to fix it.”\n",
    )
    assert quote.text.endswith("“nobody has the courage to fix it.”")


def test_a_day_is_not_the_speaker_of_a_name_interrupted_by_a_participle(article_from, nlp):
    # the parser makes Smith the subject of "asked" and leaves "said" without one
    article, quote = only_quote(
        article_from,
        nlp,
        "Premier Danielle Smith, asked about the project on Tuesday, said she would "
        "“look at all options” but did not commit to new funding.\n",
    )
    assert quote.speaker == "Danielle Smith"


def test_a_day_is_not_the_speaker_of_voters_going_to_the_polls(article_from, nlp):
    # the parser makes "going" the clausal subject of "said", and "majorities" its subject
    article, quote = only_quote(
        article_from,
        nlp,
        "Large majorities of Republican primary voters in six states going to the polls "
        "on Super Tuesday said they support the proposal.\n",
    )
    assert quote.speaker == "large majorities of Republican primary voters"


def test_a_fronted_of_phrase_is_not_the_speaker(article_from, nlp):
    # the parser makes "Of" the subject of "said", and Levine its object
    article, quote = only_quote(
        article_from,
        nlp,
        "Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary.”\n",
    )
    assert quote.speaker == "Levine"


def test_the_person_named_next_to_the_verb_is_the_speaker_not_the_force(article_from, nlp):
    # the parser makes both "police" and "Mooken" subjects of "said"
    article, quote = only_quote(
        article_from, nlp, "Peel police Const. Akhil Mooken said the driver fled the scene.\n"
    )
    assert quote.text == "the driver fled the scene"
    assert quote.speaker == "Akhil Mooken"


def test_a_spokesperson_for_a_minister_is_not_the_minister(article_from, nlp):
    # the parser leaves "for" without its object and makes "Calandra" a second subject
    article, quote = only_quote(
        article_from,
        nlp,
        "A spokesperson for Housing Minister Paul Calandra said the government is "
        "reviewing all options.\n",
    )
    assert quote.speaker == "unnamed spokesperson for Housing Minister Paul Calandra"
    assert quote.speaker_kind == "unnamed"


def test_the_person_named_after_the_verb_is_the_speaker_not_the_service(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, '"Nobody was hurt," said Toronto Fire Services Capt. Adam Smith.\n'
    )
    assert (quote.speaker, quote.role) == ("Adam Smith", "Toronto Fire Services Captain")


def test_the_person_named_after_the_verb_is_the_speaker_not_the_words_before(article_from, nlp):
    # "signals" read as a noun: the parser makes the report a subject of "said" as well
    article = article_from(
        'The rejection of the treaty signals "the beginning of the end" for the EU, said '
        "Geert Wilders, founder of the Dutch Party for Freedom.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.startswith("The rejection of the treaty")
    assert quote.speaker == "Geert Wilders"


def test_a_verb_the_parser_left_unlabelled_borrows_the_subject_it_hangs_on(article_from, nlp):
    # the parse makes "exasperated" the root, with "Lee" its subject and "responded" a dep
    article, quote = only_quote(
        article_from,
        nlp,
        'Lee, exasperated, famously responded: "What difference - at this point, what '
        'difference does it make?"\n',
    )
    assert quote.speaker == "Lee"


def test_a_name_the_parser_hung_on_the_force_is_the_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, '"The scene is secure," said Const. Jane Doe of Toronto police.\n'
    )
    assert quote.speaker == "Jane Doe"
    assert quote.speaker_kind == "person"


def test_a_caption_label_is_not_the_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Image: Toronto police say officers found the man with gunshot wounds.\n",
    )
    assert quote.speaker_mention.text == "Toronto police"


def test_a_subject_and_its_apposition_stay_one_speaker(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Ban Ki-moon, the secretary general of the United Nations, vowed that the "
        "mistake would not be repeated.\n",
    )
    assert quote.speaker == "Ban Ki-moon"


def test_a_body_s_speaker_name_is_its_whole_name(article_from, nlp):
    article, quote = only_quote(
        article_from, nlp, "The Council on Foreign Relations said the risk was low.\n"
    )
    assert quote.speaker == "Council on Foreign Relations"


def test_an_object_the_parse_took_from_the_reported_clause_is_its_subject(article_from, nlp):
    # the parse reads "the move" as what was warned, leaving "could slow" no subject
    article, quote = only_quote(
        article_from, nlp, "Landlords warned the move could slow construction.\n"
    )
    assert quote.text == "the move could slow construction"


@pytest.mark.parametrize(
    ("text", "records"),
    [
        # the parse makes "Asked" the root and the whole sentence its report
        (
            "Minister Prabmeet Sarkaria said a bill would come next week. Asked how many "
            'municipalities would be affected, he said, "All of them."',
            [
                ("Prabmeet Sarkaria", "a bill would come next week"),
                ("Prabmeet Sarkaria", '"All of them."'),
            ],
        ),
        # a show named in the question is not what the answer's cue reports
        (
            'Asked why he had yet to endorse Clinton during an appearance on "CBS This '
            'Morning," Sanders said he had not "heard her say the things that need to be said."',
            [("Sanders", 'he had not "heard her say the things that need to be said."')],
        ),
        # what another source said, set against the report, is theirs
        (
            'Conservative critic Jasraj Hallan said the government had "lost control of '
            "spending,\" while the Bloc Québécois said the budget ignored Quebec's priorities.",
            [
                ("Jasraj Hallan", 'the government had "lost control of spending,"'),
                ("Bloc Québécois", "the budget ignored Quebec's priorities"),
            ],
        ),
        # "class sizes" read as what was said, the rest of the list as the clause
        (
            "The union has said class sizes, violence in schools and wages are its main concerns.",
            [("union", "class sizes, violence in schools and wages are its main concerns")],
        ),
        # where it was said, hung on the clause, is not what was said
        (
            "The Canadian Association of Chiefs of Police said in a statement it was "
            "reviewing the decision.",
            [("Canadian Association of Chiefs of Police", "it was reviewing the decision")],
        ),
        # the terms of the interview: the rules proposed it and the scorer kept it (0.57)
        (
            "The woman's sister, who asked that her name not be used because she fears for "
            "her job, said the family was in shock.",
            [("woman's sister", "the family was in shock")],
        ),
    ],
)
def test_what_a_sentence_the_parse_misreads_reports(article_from, nlp, text, records):
    article = article_from(f"Local news\n\n{text}\n")
    assert [(q.speaker, q.text) for q in extract(article, nlp)] == records


def test_whom_a_verb_moved_to_speak_is_the_speaker(article_from, nlp):
    article = article_from(
        "The yen weakened past 162 per dollar, prompting Japan’s top currency diplomat to warn "
        "that authorities stood ready to act.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.speaker.endswith("top currency diplomat")


def test_the_reporter_s_question_is_not_what_the_cue_after_it_reports(article_from, nlp):
    article = article_from(
        "Asked what advice she gave her students, she pointed to a framed index card above "
        "the sink.\n"
    )
    assert not any("advice" in q.text for q in proposed(article, nlp))


def test_a_report_after_with_and_a_participle_is_its_whole_clause(article_from, nlp):
    # the parse makes "could raise" the head of "with" and "the central bank" what was warned
    article, quote = only_quote(
        article_from,
        nlp,
        "Prices rose again in March, with economists warning the central bank could raise rates.\n",
    )
    assert (quote.speaker, quote.text) == ("economists", "the central bank could raise rates")


@pytest.mark.parametrize(
    "request_",
    [
        "who asked not to be named",
        "who requested anonymity",
        "who asked to remain anonymous",
        "who asked that only her first name, Marisol, be used",
        "who asked to be identified only as Marisol",
    ],
)
def test_asking_not_to_be_named_is_no_statement(article_from, nlp, request_):
    article = article_from(f"The woman's sister, {request_}, said the family was in shock.\n")
    assert [q.text for q in proposed(article, nlp)] == ["the family was in shock"]


def test_the_name_after_a_relative_pronoun_is_who_argued(article_from, nlp):
    # the parse makes both "which" and "Hazelton" subjects of "argued"
    article = article_from(
        "The union wants safe staffing ratios, which Hazelton argued would keep nurses "
        "from burning out.\n"
    )
    argued = [q for q in proposed(article, nlp) if q.cue and q.cue.text == "argued"]
    assert [q.speaker for q in argued] == ["Hazelton"]


def test_who_after_a_thing_stands_for_the_people_named_in_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The park has become a focal point for demonstrators here, who called for the footage "
        "to be released.\n",
    )
    assert (quote.speaker, quote.speaker_kind) == ("demonstrators here", "group")


def test_a_source_named_right_after_the_closing_quotation_mark_is_found(article_from, nlp):
    # the parser hangs the closing mark on "Paris", whose phrase then began inside the quote
    _, quote = only_quote(
        article_from,
        nlp,
        '"We are getting the house ready for guests - that\'s what this is," Paris, '
        "who once worked on Capitol Hill, said about the preparations.\n",
    )
    assert quote.speaker_mention.text == "Paris"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'But Sen. Jane Porter (D-Ore.), noting the size of the crowd, said, "This is a '
            'movement, not a campaign."',
            "Jane Porter",
        ),
        (
            'Rep. Tom Brady (R-Ohio), noting the cost of the program, said, "Let me be clear, '
            'we will pay for it."',
            "Tom Brady",
        ),
    ],
)
def test_a_speaker_interrupted_by_a_participle_is_the_source(article_from, nlp, text, speaker):
    quotes = proposed(article_from(text + "\n"), nlp)
    assert [q.speaker for q in quotes if q.type == "direct"] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # what follows the source is a when and a comparison, no clause of its own
        (
            "Some 59 percent of registered voters view the mayor unfavorably, according to a "
            "city poll last week - virtually the same as the governor's 60 percent.\n",
            "Some 59 percent of registered voters view the mayor unfavorably",
        ),
        # what comes before it is another clause, longer than the one it hangs on
        (
            "The plan is further weakened by the poor state of the old shipping routes, which, "
            "according to port records, carry most of the region's grain.\n",
            "carry most of the region's grain",
        ),
    ],
)
def test_according_to_reports_the_clause_it_hangs_on(article_from, nlp, sentence, said):
    article, quote = only_quote(article_from, nlp, sentence)
    assert quote.text == said


@pytest.mark.parametrize(
    "paragraph",
    [
        "Such a characterization suggests that the harbour will close before the election.\n",
        "Reports indicate that the harbour will close before the election.\n",
        "Nobody has claimed that the harbour will close before the election.\n",
    ],
)
def test_a_report_whose_source_names_no_one_is_no_one_s_statement(article_from, nlp, paragraph):
    # an idea, unspecified reports or nobody said it: not a quote a reader could credit
    assert proposed(article_from(paragraph), nlp) == []


def test_a_fronted_report_is_kept_when_its_speaker_goes_on_to_add_a_quote(article_from, nlp):
    article = article_from(
        "The two leaders will meet early next month, the mayor’s spokesman said, adding, "
        "“They have a lot to talk about.”\n"
    )
    said, added = proposed(article, nlp)
    assert (said.text, said.cue.text) == ("The two leaders will meet early next month", "said")
    assert said.type == "indirect"
    assert (added.text, added.cue.text) == ("“They have a lot to talk about.”", "adding")


def test_how_a_fronted_report_was_given_is_no_part_of_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The mining company has hired a bank to find a buyer for the mine, the sources "
        "said, speaking on condition of anonymity because the talks are private.\n",
    )
    assert quote.text == "The mining company has hired a bank to find a buyer for the mine"


def test_whom_a_passive_cue_addresses_is_not_its_speaker(article_from, nlp):
    article = article_from(
        "Storm closes rail line\n\n"
        "Rail operators said the line would stay closed overnight. Passengers are being "
        "advised not to travel.\n"
    )
    assert "passengers" not in {(q.speaker or "").lower() for q in proposed(article, nlp)}


def test_a_press_release_s_dateline_is_not_who_announced(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "MINNEAPOLIS, June 4, 2024 /PRNewswire/ -- Northwind Thermal Systems, Inc. (NASDAQ: "
        "NWTS), a leading maker of heat pumps, today announced that it has agreed to buy "
        "GridLeaf Energy.\n",
    )
    assert quote.speaker.startswith("Northwind Thermal Systems")


def test_a_verb_in_a_when_clause_after_a_quote_is_not_its_cue(article_from, nlp):
    (quote,) = proposed(
        article_from(
            "The ad closes with footage of the senator saying during a debate last year, “That "
            "makes me smart,” when his rival attacked him for not paying taxes.\n"
        ),
        nlp,
    )
    assert (quote.text, quote.cue.text) == ("“That makes me smart,”", "saying")
    assert quote.speaker == "unnamed senator"  # not "... senator saying during a debate"


def test_a_source_described_with_a_participle_of_saying_is_described_without_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The video shows a spokeswoman saying at a briefing on Monday, “We will not comment "
        "on rumors.”\n",
    )
    assert (quote.cue.text, quote.speaker) == ("saying", "unnamed spokeswoman")


def test_a_quote_completing_a_short_clause_is_reported_with_the_clause(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "Alvarez said the plan was “a betrayal of every family that trusted this council with "
        "its savings.”\n",
    )
    assert (
        quote.text
        == "the plan was “a betrayal of every family that trusted this council with its savings.”"
    )
    assert (quote.type, quote.cue.text, quote.speaker) == ("mixed", "said", "Alvarez")


def test_a_that_clause_read_as_a_relative_clause_is_still_what_was_told(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "In Halifax last week, she told a meeting of Atlantic fisheries ministers that few "
        "people understood the stakes of warming seas better than the fishing towns.\n",
    )
    assert quote.text.startswith("that few people understood the stakes")
    assert (quote.cue.text, quote.type) == ("told", "indirect")


def test_a_claim_noun_with_a_that_clause_read_as_relative_reports_it(article_from, nlp):
    article, quote = only_quote(
        article_from,
        nlp,
        "The Bureau's vow that survey answers will be kept confidential did little to calm "
        "residents.\n",
    )
    assert quote.text == "that survey answers will be kept confidential"
    assert (quote.cue.text, quote.speaker) == ("vow", "Bureau")


def test_a_speech_verb_the_tagger_reads_as_a_plural_noun_is_still_a_cue(nlp):
    # the parse the small English pipeline gives such a sentence: a noun tag on the root verb
    words = ["But", "Lee", "claims", "that", "he", "should", "be", "exempt", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        tags=["CC", "NNP", "NNS", "IN", "PRP", "MD", "VB", "JJ", "."],
        pos=["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "AUX", "AUX", "ADJ", "PUNCT"],
        lemmas=["but", "Lee", "claim", "that", "he", "should", "be", "exempt", "."],
        heads=[2, 2, 2, 6, 6, 6, 2, 6, 2],
        deps=["cc", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "acomp", "punct"],
    )
    assert is_cue(doc[2])
    assert [span.text for span in _content_spans(doc[2])] == ["that he should be exempt"]
    noun = Doc(
        nlp.vocab,
        words=["the", "claims", "."],
        tags=["DT", "NNS", "."],
        pos=["DET", "NOUN", "PUNCT"],
        lemmas=["the", "claim", "."],
        heads=[1, 1, 1],
        deps=["det", "ROOT", "punct"],
    )
    assert not is_cue(noun[1])  # a plural noun with no subject and no clause is a noun


def test_a_quote_in_pieces_is_no_clause_around_itself(nlp):
    # "Own it, express it, be brave," Lee said: the clause of "said" without the
    # speech verb inside it is two pieces, each stretched over the whole quote; counted
    # twice, they made a report of the quote and more, and a record of the quote twice
    words = ['"', "Own", "it", ",", "express", "it", ",", "be", "brave", ",", '"', "Lee"]
    words += ["said", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[False, True, False, True, True, False, True, True, False, False, True, True]
        + [False, False],
        pos=["PUNCT", "VERB", "PRON", "PUNCT", "VERB", "PRON", "PUNCT", "AUX", "ADJ"]
        + ["PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        tags=["``", "VB", "PRP", ",", "VB", "PRP", ",", "VB", "JJ", ",", "''", "NNP"]
        + ["VBD", "."],
        lemmas=['"', "own", "it", ",", "express", "it", ",", "be", "brave", ",", '"', "Lee"]
        + ["say", "."],
        heads=[12, 12, 1, 1, 1, 4, 4, 1, 7, 12, 12, 12, 12, 12],
        deps=["punct", "ccomp", "dobj", "punct", "conj", "dobj", "punct", "dep", "acomp"]
        + ["punct", "punct", "nsubj", "ROOT", "punct"],
    )
    assert [span.text for span in _content_spans(doc[12])] == ["Own it", "be brave"]
    quote = (0, doc[10].idx + 1)
    assert _clause_around(doc[12], *quote, [quote]) is None  # the quote, reported as it is


def test_a_report_ends_before_a_speech_participle_joined_to_its_last_words(article_from, nlp):
    article = article_from(
        "She has pushed back against criticism of her brother, saying he has been a leader in "
        'hiring veterans in his firms and calling him "a patriot."\n'
    )
    saying = next(q for q in proposed(article, nlp) if q.cue.text == "saying")
    assert saying.text == "he has been a leader in hiring veterans in his firms"
    assert saying.type == "indirect"


def test_the_writers_that_said_reports_nothing(article_from, nlp):
    article = article_from("That said, the vote is still weeks away and the count may change.\n")
    assert proposed(article, nlp) == []


def test_which_after_a_body_reports_for_it_whatever_the_parse(article_from, nlp):
    """The parser hangs ``reported`` on ``turned``, not as a relative clause of the
    department: the speaker was stored as ``which``."""
    _, quote = only_quote(
        article_from,
        nlp,
        "The campaign turned to the Chicago Police Department which reported "
        "“2,521 shooting incidents” in the city this year.\n",
    )
    assert quote.speaker == "Chicago Police Department"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the clause's subject says nothing; the name before the colon does
        (
            "The timing of the surge doesn't surprise Republican pollster Daron Shaw: "
            "“Lesser-known candidates often rise late.”\n",
            "Daron Shaw",
        ),
        # "what" is the subject of the clause reported on, not a source
        (
            "Jeb Bush broke down exactly what was wrong with the ad to a Dutch newspaper: "
            "“What Trump did was so insensitive.”\n",
            "Jeb Bush",
        ),
    ],
)
def test_a_colon_credits_who_can_speak(article_from, nlp, paragraph, speaker):
    [quote] = [q for q in proposed(article_from(paragraph), nlp) if q.type == "direct"]
    assert quote.speaker == speaker


def test_a_report_said_for_the_first_time_is_the_clause_after_that(article_from, nlp):
    # the parser hangs the "that" clause on "time", as if it said which time
    article, quote = only_quote(
        article_from,
        nlp,
        "Mayor Olivia Chow also said for the first time that some property taxes have "
        "been frozen.\n",
    )
    assert quote.text == "that some property taxes have been frozen"
    assert quote.speaker == "Olivia Chow"


def test_he_has_said_contracted_is_his_report_not_hearsay(article_from, nlp):
    # the parser reads "'s" as "is", a passive with "He" as its subject
    article, quote = only_quote(
        article_from,
        nlp,
        "Look at Premier Doug Ford. He's said he gets his ideas about housing from "
        "his time on city council.\n",
    )
    assert quote.text == "he gets his ideas about housing from his time on city council"
    assert quote.speaker == "Doug Ford"


def test_it_is_said_contracted_stays_hearsay_with_no_speaker(article_from, nlp):
    article = article_from("It's said he was a spy for years.\n")
    assert [q.speaker for q in extract(article, nlp)] == []


def test_a_description_read_as_a_verb_leaves_the_person_the_speaker(article_from, nlp):
    # the tagger reads "rabbi" as a verb, whose subject is Salkin, in a clause before "said"
    article, quote = only_quote(
        article_from,
        nlp,
        "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he "
        "and other rabbis were alarmed about the rhetoric on the campaign trail.\n",
    )
    assert quote.speaker == "Jeffrey Salkin"
    assert quote.text.startswith("he and other rabbis were alarmed")


def test_a_report_before_said_and_the_name_joined_by_a_comma_is_theirs(article_from, nlp):
    # the parse makes "said" a conjunct of the clause before, its subject after it
    article, quote = only_quote(
        article_from,
        nlp,
        "In nearby Decatur, the big steel plant is hanging on, but it is under intense "
        "pressure from imports, said the company's chief executive, John J. Ferriola.\n",
    )
    assert quote.speaker == "John J. Ferriola"
    assert "it is under intense pressure from imports" in quote.text


def test_a_bill_that_added_billions_said_nothing(article_from, nlp):
    # "added" with a thing for its object is no speech verb, so "called" is the senator's
    article = article_from(
        "Sen. Rand Paul, R-Ky., said the bill added billions to the deficit and called it "
        '"business as usual in the swamp."\n'
    )
    quotes = extract(article, nlp)
    assert {q.speaker for q in quotes} == {"Rand Paul"}
    assert any(q.cue.text == "called" for q in quotes)


def test_added_with_a_quote_or_a_person_after_it_is_still_speech(article_from, nlp):
    article = article_from(
        '"It is Bernie\'s to lose," added another New Hampshire Democrat.\n\n'
        'Mayor Ann Lee spoke on Monday. She added, "We are ready."\n'
    )
    assert [q.cue.text for q in extract(article, nlp)] == ["added", "added"]


def test_the_answers_of_a_printed_interview_are_the_interviewee_s(article_from, nlp):
    article = article_from(
        "Q&A: The governor on rates\n\n"
        "By Sarah Rieger\n\n"
        "Calgary Herald\n\n"  # the outlet's line, which the recogniser takes for a person
        "Bank of Canada Governor Tiff Macklem spoke with reporters on Wednesday. The "
        "interview has been edited and condensed.\n\n"
        "Q: Why hold now?\n\n"
        "A: The economy is slowing, but inflation is still a concern.\n\n"
        "Q: What about housing?\n\n"
        "A: Housing is a supply problem. Interest rates can't build houses.\n"
    )
    quotes = extract(article, nlp)
    assert [(q.speaker, q.type, q.text) for q in quotes] == [
        ("Tiff Macklem", "direct", "The economy is slowing, but inflation is still a concern"),
        (
            "Tiff Macklem",
            "direct",
            "Housing is a supply problem. Interest rates can't build houses",
        ),
    ]


def test_a_quote_after_a_sentence_about_its_speaker_does_not_borrow_another_s_cue(
    article_from, nlp
):
    article = article_from(
        "Leaders condemn strikes\n\n"
        "World leaders were quick, with activists condemning the policy as a violation of "
        "human rights.\n\n"
        "On Tuesday, Mayor Ann Lee repeated her warning about the budget. “We will run out "
        "of money for buses by the spring, and nobody in this building is listening.”\n"
    )
    [quote] = [q for q in extract(article, nlp) if "buses" in q.text]
    assert quote.speaker == "Ann Lee"
    assert quote.cue is None or quote.cue.text == "repeated"


@pytest.mark.parametrize(
    "text, said, speaker",
    [
        (
            "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP "
            "presidential frontrunner nationally and current polling leader in South Carolina "
            "by a wide margin after winning the New Hampshire primaries, said when Boyle asked "
            "him a question.\n",
            "“Very good reporter, very good reporter this guy,”",
            "Trump",
        ),
        (
            "“We’ve had more successful conventions than this one,” Texas delegate Bill "
            "Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly "
            "as confetti fluttered down around him.\n",
            "“We’ve had more successful conventions than this one,”",
            "Bill Eastland",
        ),
        (
            '"It was truly shameful," said Leslie Feldman, 34, a plaintiff in the lawsuit who '
            'waited in an "extraordinarily long line snaking in, out and around" a church.\n',
            '"It was truly shameful,"',
            "Leslie Feldman",
        ),
    ],
)
def test_who_is_described_between_a_quote_and_its_cue_is_the_speaker_not_what_was_said(
    article_from, nlp, text, said, speaker
):
    quotes = extract(article_from(text), nlp)
    assert [(q.text, q.speaker) for q in quotes] == [(said, speaker)]


def test_a_topic_labelling_a_paragraph_is_no_speaker(article_from, nlp):
    article = article_from(
        "Superdelegates: Clinton is backed by 520 superdelegates compared with 39 who back "
        'Sanders. "The concern would be that we have a process that is eroding democracy," '
        "Devine said.\n"
    )
    quotes = extract(article, nlp)
    assert "Superdelegates" not in [q.speaker for q in quotes]
    assert ("Devine", "said") in [(q.speaker, q.cue.text) for q in quotes if "eroding" in q.text]


def test_a_participle_telling_someone_a_quote_reports_it_after_the_said_clause(article_from, nlp):
    article = article_from(
        "Carson said he saw no need to change anything, telling Stephanopolous that “we tell "
        "the truth, we deal with the issues.”\n"
    )
    quotes = extract(article, nlp)
    assert [(q.cue.text, q.speaker) for q in quotes if "tell the truth" in q.text] == [
        ("telling", "Carson")
    ]


def test_a_quote_a_colon_introduces_is_what_was_said_not_the_writer_s_words_after_it(
    article_from, nlp
):
    article = article_from(
        'Additionally, Clinton said: "I have acknowledged repeatedly that using two email '
        'accounts was a mistake," but in fact Clinton used only one email account.\n\n'
        "When asked how his proposed ban would affect Khan, Trump said: "
        '"There will always be exceptions," the Times reported.\n'
    )
    quotes = extract(article, nlp)
    assert [(q.text, q.speaker, q.cue.text) for q in quotes] == [
        (
            '"I have acknowledged repeatedly that using two email accounts was a mistake,"',
            "Clinton",
            "said",
        ),
        ('"There will always be exceptions,"', "Trump", "said"),
    ]


def test_a_name_quoted_in_passing_does_not_swallow_the_quote_told_after_it(article_from, nlp):
    article = article_from(
        "In June 2009, Axelrod emailed her condolences, addressing her informally as "
        "“Hillary” and telling her, “you are an all-star player and we need you for the "
        "long run!”\n"
    )
    quotes = proposed(article, nlp)
    assert [(q.text, q.cue.text, q.speaker) for q in quotes if "all-star" in q.text] == [
        ("“you are an all-star player and we need you for the long run!”", "telling", "Axelrod")
    ]


@pytest.mark.parametrize(
    "sentence, said",
    [
        # the parse reads a list as a name and its apposition, which the report keeps
        (
            "Family spokesman Bob Gunnell says Ali was accompanied by his wife, Lonnie, and "
            "other family members and friends.",
            "Ali was accompanied by his wife, Lonnie, and other family members and friends",
        ),
        (
            "Sanders said he and Trump differ on Israel, the Iranian nuclear deal and the "
            "possibility of compromising over the Supreme Court.",
            "he and Trump differ on Israel, the Iranian nuclear deal and the possibility of "
            "compromising over the Supreme Court",
        ),
        # the writer's description of a person named at the end is still left out
        (
            "Lee said the city would hire Ann Marsh, a former planner and engineer with "
            "the province.",
            "the city would hire Ann Marsh",
        ),
    ],
)
def test_a_list_read_as_an_apposition_is_what_was_said(article_from, nlp, sentence, said):
    article, quote = only_quote(article_from, nlp, sentence + "\n")
    assert quote.text == said


def test_a_report_stops_before_the_speaker_s_next_report_that_holds_a_quote(article_from, nlp):
    article = article_from(
        "Adair reaches final\n\n"
        "The Alberta skip said her team would regroup for the bronze-medal game Sunday "
        'morning, though she admitted it would be "a tough one to get up for."\n'
    )
    [(_, quotes)] = extract_many([article], nlp)
    assert [(q.cue.text, q.text) for q in quotes] == [
        ("said", "her team would regroup for the bronze-medal game Sunday morning"),
        ("admitted", 'it would be "a tough one to get up for."'),
    ]


def test_a_content_never_ends_inside_a_hyphenated_word(article_from, nlp):
    # the parse makes "re", "-" and "evaluated" three clauses of "said"
    article, quote = only_quote(
        article_from,
        nlp,
        "Sorensen said Fleury would be re-evaluated Sunday but declined to discuss the "
        "nature of the injury.\n",
    )
    assert quote.text == "Fleury would be re-evaluated Sunday"


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "The Ohio governor said the U.S. needs to secure the border and create a "
            "guest-worker program, but that he would not support mass deportation.",
            "the U.S. needs to secure the border and create a guest-worker program, but that "
            "he would not support mass deportation",
        ),
        (
            "Both think Obama advanced this agenda, but that there is still more to do.",
            "Obama advanced this agenda, but that there is still more to do",
        ),
    ],
)
def test_a_second_that_clause_is_more_of_what_was_said(article_from, nlp, sentence, said):
    # the parse makes the second clause a conjunct of the cue, as if a second act
    article, quote = only_quote(article_from, nlp, sentence + "\n")
    assert quote.text == said


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Trump hailed the vote, telling reporters during a visit to Scotland on Friday "
            "that he thinks the Brexit is “a great thing.”",
            "that he thinks the Brexit is “a great thing.”",
        ),
        (
            "She told the crowd, “Thank you all for coming tonight.”",
            "“Thank you all for coming tonight.”",
        ),
    ],
)
def test_whom_a_speaker_tells_is_no_part_of_what_was_told(article_from, nlp, sentence, said):
    article = article_from(sentence + "\n")
    told = [q for q in proposed(article, nlp) if q.cue.text in {"telling", "told"}]
    assert [q.text for q in told] == [said]


def test_a_quote_running_over_two_paragraphs_is_one_record_with_a_piece_in_each(article_from, nlp):
    article = article_from(
        "“They understand now. That is the worst part,” she said. “A four-year-old should "
        "not understand this.\n\n"
        "“You made a choice that night. We did not get to make any choices at all.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert [article.text[s:e] for s, e in quote.spans] == [
        "“They understand now. That is the worst part,”",
        "“A four-year-old should not understand this.",
        "“You made a choice that night. We did not get to make any choices at all.”",
    ]


def test_a_so_called_name_is_nobody_s_statement_unless_a_report_holds_it(article_from, nlp):
    article = article_from(
        "Budget day\n\n"
        "The province draws $200 million from its so-called “rainy day fund,” which was "
        "created in 2021.\n\n"
        "He said he would keep tax increases at or below inflation, but would not sign "
        "the so-called “tax freeze pledge” circulated by a taxpayers' group.\n"
    )
    assert [q.text for q in proposed(article, nlp)] == [
        "he would keep tax increases at or below inflation, but would not sign the "
        "so-called “tax freeze pledge” circulated by a taxpayers' group"
    ]


def test_how_the_words_were_said_is_no_part_of_them(article_from, nlp):
    article = article_from(
        "“They understand now. That is the worst part,” she said, her voice breaking. "
        "“A four-year-old should not understand this.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == (
        "“They understand now. That is the worst part,” ... "
        "“A four-year-old should not understand this.”"
    )
    assert quote.speaker_mention.text == "she"


def test_what_a_study_found_is_its_statement_and_what_a_person_found_a_thought(article_from, nlp):
    article = article_from(
        "The study, published in a sleep journal, found that teenagers who use phones "
        "after midnight sleep 52 minutes less.\n\n"
        "The coach found that his players were tired.\n"
    )
    acts = [(q.speaker, q.act) for q in proposed(article, nlp)]
    assert acts == [("study", "speech"), ("unnamed coach", "thought")]


def test_a_cue_lent_to_a_quote_in_the_next_sentence_still_reports_its_own_clause(article_from, nlp):
    article = article_from(
        "“She has two opportunities now,” said Megan Greene, an economist. “And Fed members "
        "have been laying down sign posts everywhere.” Greene added that the Fed very much "
        "wants to get out of the way before the election.\n"
    )
    added = [q for q in proposed(article, nlp) if q.cue.text == "added"]
    assert [q.type for q in added] == ["direct", "indirect"]
    assert added[1].text == "that the Fed very much wants to get out of the way before the election"


@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        (
            "As part of his plea, Marcel Lehel Lazar, 44, said that he broke into nearly "
            "100 accounts from his home overseas.",
            "Marcel Lehel Lazar",
            "that he broke into nearly 100 accounts from his home overseas",
        ),
        (
            "Addressing the committee members, many of them skeptical about the bid, the "
            "campaign chief, Paul Manafort, bluntly suggested that the candidate's style "
            "amounted to an act.",
            "Paul Manafort",
            "that the candidate's style amounted to an act",
        ),
        (
            "Two emails have been placed in secure storage, Patrick F. Kennedy, the "
            "undersecretary for management, wrote in a memo to the inspector general.",
            "Patrick F. Kennedy",
            "Two emails have been placed in secure storage",
        ),
    ],
)
def test_a_speaker_the_parse_hangs_on_the_words_before_still_speaks(
    article_from, nlp, sentence, speaker, said
):
    # the parse makes the name an apposition of an earlier noun: the verb has no subject
    article = article_from(sentence + "\n")
    found = [(q.speaker_mention.text, q.text) for q in proposed(article, nlp) if q.speaker_mention]
    assert (speaker, said) in found


def test_a_quote_in_the_speaker_s_description_is_reported_by_the_verb_the_description_holds(
    article_from, nlp
):
    article = article_from(
        '"It wasn\'t a convincing argument," said one Democrat familiar with the discussion, '
        'who added that the White House seemed "rattled" by the rising opposition.\n'
    )
    quotes = proposed(article, nlp)
    said = [q.text for q in quotes if q.cue.text == "said"]
    assert said == ['"It wasn\'t a convincing argument,"']
    (added,) = [q for q in quotes if q.cue.text == "added"]
    assert added.text == 'that the White House seemed "rattled" by the rising opposition'
    assert added.type == "mixed"
    assert added.speaker_mention.text.startswith("one Democrat familiar with the discussion")


def test_a_quote_the_verb_s_subject_holds_inside_a_report_is_that_report_s(article_from, nlp):
    # the parse hangs the quoted adverbs on "the advertisement", subject of "suggests"
    article = article_from(
        "City Attorney Brad Holm said in the letter that the advertisement “unmistakably and "
        "wrongfully” suggests that the officers support the campaign.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.cue.text == "said" and quote.speaker_mention.text == "City Attorney Brad Holm"
    assert quote.text == (
        "that the advertisement “unmistakably and wrongfully” suggests that the officers "
        "support the campaign"
    )


def test_a_quote_running_on_past_the_clause_that_opens_it_is_all_said(article_from, nlp):
    article = article_from(
        "Cruz added that he was the only one who had spent his life “fighting to defend the "
        "Constitution. I’ll tell you this, we will see our rights taken away.”\n\n"
        'She told reporters that "John Kasich is throwing votes away." Then she left.\n\n'
        "Hegseth emphasized the threat posed by these groups, stating, “These people aren’t "
        "just smugglers—they’re terrorists. They are fueling addiction and violence in our "
        "streets.”\n"
    )
    added, told, stated = proposed(article, nlp)
    assert added.type == "mixed"
    assert added.text == (
        "that he was the only one who had spent his life “fighting to defend the "
        "Constitution. I’ll tell you this, we will see our rights taken away.”"
    )
    # a quote that only "that" opens, or that a verb of its own introduces, stays the
    # quoted words, typed direct
    assert (told.type, told.text) == ("direct", '"John Kasich is throwing votes away."')
    assert (stated.type, stated.text) == (
        "direct",
        "“These people aren’t just smugglers—they’re terrorists. They are fueling addiction "
        "and violence in our streets.”",
    )


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Rubio and Cruz urged the rest of the party to coalesce around their campaigns "
            "and tried to make the case that the fight was still in its early stages.",
            "the rest of the party to coalesce around their campaigns",
        ),
        (
            "She was urging voters to see the big picture and promising to manage the upheaval.",
            "voters to see the big picture",
        ),
    ],
)
def test_the_speaker_s_next_act_is_no_part_of_what_they_urged(article_from, nlp, sentence, said):
    article = article_from(sentence + "\n")
    urged = [q for q in proposed(article, nlp) if q.cue.text in {"urged", "urging"}]
    assert [q.text for q in urged] == [said]


def test_a_quote_split_around_its_cue_is_one_direct_record_even_when_it_opens_with_a_subject(
    article_from, nlp
):
    # "That" is the subject of "promises" inside the quote, not a quote "promises" reports
    article, quote = only_quote(
        article_from,
        nlp,
        '"That," he added, "promises to make life a lot more difficult for our children."\n',
    )
    assert quote.cue.text == "added" and quote.type == "direct"
    assert [article.text[s:e] for s, e in quote.spans] == [
        '"That,"',
        '"promises to make life a lot more difficult for our children."',
    ]


def test_whom_a_headline_says_was_accused_is_not_the_accuser(article_from, nlp):
    article = article_from(
        "Taoiseach accused of ‘sleepwalking’ into hospital trolley crisis\n\n"
        "The Taoiseach, Ciarán Moloney, clashed with opposition leaders on Tuesday.\n"
    )
    accused = [q for q in proposed(article, nlp) if q.cue.text == "accused"]
    assert accused and all(q.speaker is None for q in accused)


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_an_embedded_post_with_no_quotation_marks_is_its_signer_s(article_from, nlp, between):
    article = article_from(
        "Pillai said her first cabinet meeting would take up a loan waiver.\n\n"
        "Thank you, Karnataka. Tomorrow we start work. Tonight, go home and sleep."
        + between
        + "— Meera Pillai (@MeeraPillaiJSP) May 16, 2026\n\nShe left for Bengaluru.\n"
    )
    posts = [q for q in proposed(article, nlp) if q.cue.text == "—"]
    assert [(q.speaker, q.text) for q in posts] == [
        ("Meera Pillai", "Thank you, Karnataka. Tomorrow we start work. Tonight, go home and sleep")
    ]


@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        (
            'Mayor Dana Price spoke for an hour. She pledged to be "the greatest jobs mayor '
            'this city has had" and cast doubt on the official jobless rate of 4.9 percent, '
            "suggested that the real rate could be as high as 12 percent.\n",
            "that the real rate could be as high as 12 percent",
        ),
        (
            "But to give you the tenor of the interview, Dana Price went on to praise "
            "“Stadium Nights,” note that she had just bought a season ticket, and boast "
            "about the city's parks.\n",
            "that she had just bought a season ticket",
        ),
    ],
)
def test_the_last_of_a_list_of_acts_reports_its_that_clause_not_the_acts_before(
    article_from, nlp, paragraph, said
):
    """The parse hangs the first verbs of the list on the last, as if what they say were
    a report fronted before it (``"...," she suggested``); a verb with a ``that`` clause
    after it reports that, and its speaker is the list's subject."""
    article = article_from(paragraph)
    (quote,) = [q for q in proposed(article, nlp) if q.cue.text in {"suggested", "note"}]
    assert article.text[slice(*quote.spans[0])].strip(" .") == said
    assert quote.speaker == "Dana Price"


def test_a_cue_with_its_own_subject_interrupting_a_relative_clause_reports_the_words_before(
    article_from, nlp
):
    article = article_from(
        "Donald Trump was placed on the short list because of the “impact,” Sam Jacobs "
        "said, that he’s had on the news this year.\n"
    )
    (quote,) = [q for q in proposed(article, nlp) if q.cue.text == "said"]
    assert article.text[slice(*quote.spans[0])].startswith("Donald Trump was placed")


def test_a_that_clause_the_parse_hung_on_where_it_was_said_is_what_the_cue_reports(
    article_from, nlp
):
    article = article_from(
        "Mr. Trump also insisted in the same interview that Mr. Khan was wrong to say he "
        "had not sacrificed for his country.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.cue.text == "insisted"
    assert article.text[slice(*quote.spans[0])].startswith("that Mr. Khan was wrong")


def test_a_relative_clause_after_a_cue_s_phrase_is_not_what_it_reports(article_from, nlp):
    """The ``that`` of ``the interview that Fox News aired`` is the verb's object: no
    report, whatever the parse calls it."""
    article = article_from("Mr. Trump commented in the interview that Fox News aired on Sunday.\n")
    assert not proposed(article, nlp)


@pytest.mark.parametrize(
    "paragraph",
    [
        "A neighbour called 911 to report flames on the ridge behind their homes.\n",
        "He called triple-0 from the roof of his ute after it was swept off a causeway.\n",
        "She called police to report that her car had been stolen.\n",
        "He called the home on the phone Saturday morning to check on his mother.\n",
    ],
)
def test_a_call_for_help_is_no_report(article_from, nlp, paragraph):
    assert not [q for q in proposed(article_from(paragraph), nlp) if q.cue.text == "called"]


def test_an_embedded_post_headed_by_its_author_is_the_authors(article_from, nlp):
    article = article_from(
        "One engineer who lost her job posted on X.\n\n"
        "[Embedded post] Kayla Brandt (@kbrandt_dev): “Got laid off from Lumora this morning "
        "after 3 years. If you’re hiring embedded folks, my DMs are open.” Feb 6, 2025\n"
    )
    post = next(q for q in proposed(article, nlp) if "laid off" in q.text)
    assert (post.speaker, post.type) == ("Kayla Brandt", "direct")


def test_a_name_the_tagger_took_for_an_adverb_is_the_subject_of_a_verb_with_none(article_from, nlp):
    article = article_from(
        "Deschutes County Sheriff Mark Tolliver spoke at an afternoon briefing.\n\n"
        "Tolliver said deputies had gone door to door in several neighborhoods and that at "
        "least two people had refused to leave.\n"
    )
    (quote,) = proposed(article, nlp)
    assert (quote.speaker, quote.cue.text) == ("Mark Tolliver", "said")


@pytest.mark.parametrize(
    "paragraph",
    [
        'Workers outside the plant carried signs reading "Fans Not Fines" and "Redline Works '
        'Because We Do."\n',
        "Families of the detained men staged a protest, holding placards that read “Release our "
        "fishermen” and “Save Palk Bay livelihoods”.\n",
        "A hand-lettered sign above the pass reads “Taste Everything Twice.”\n",
        "A few dozen protesters gathered after Friday prayers, holding banners reading “No to "
        "war” and “Sudan is for all Sudanese”.\n",
    ],
)
def test_a_slogan_on_show_is_no_ones_statement(article_from, nlp, paragraph):
    assert not proposed(article_from(paragraph), nlp)


def test_a_place_heading_the_first_paragraph_is_a_dateline_not_a_speaker(article_from, nlp):
    """``MUMBAI:`` opens a Times of India story; the article's other ``Mumbai`` is in
    ``a Mumbai-based bank``, a place, not someone whose lines are labelled."""
    article = article_from(
        "RBI keeps repo rate unchanged\n\n"
        "MUMBAI: The Reserve Bank of India on Friday kept its key lending rate unchanged, "
        "saying that food inflation remained a risk.\n\n"
        "Soumya Ghosh, economist at a Mumbai-based private bank, said the central bank could "
        "still cut rates in February.\n"
    )
    speakers = {q.speaker for q in proposed(article, nlp)}
    assert speakers == {"Reserve Bank of India", "Soumya Ghosh"}


def test_a_dateline_is_no_label_although_the_story_names_the_city_again(article_from, nlp):
    """``in Lahore`` further down, a word alone: still the city the story was filed from,
    and the paragraph under it no one's words."""
    article = article_from(
        "Delimitation row heats up\n\n"
        "LAHORE: The Pakistan Awami Mahaz on Sunday alleged that the provincial government "
        "was redrawing union council boundaries to benefit the ruling party.\n\n"
        "Party leaders said as many as 74 union councils in Lahore alone had been split.\n"
    )
    speakers = {q.speaker for q in proposed(article, nlp)}
    assert speakers == {"Pakistan Awami Mahaz", "party leaders"}


def test_the_verb_of_a_sentence_the_parse_left_without_one_is_the_opening_persons(
    article_from, nlp
):
    """The parse makes the name the sentence's root and ``conceded`` part of the relative
    clause about him."""
    article = article_from(
        "Prime Minister Kamal Bahadur Rana, whose Nepal Democratic Alliance swept to power "
        "five years ago on a promise of stability, conceded at a closed-door party meeting on "
        'Tuesday that the early results were "not what we hoped for".\n'
    )
    conceded = next(q for q in proposed(article, nlp) if q.cue.text == "conceded")
    assert conceded.speaker == "Kamal Bahadur Rana"


def test_what_an_occasion_was_told_is_a_report(article_from, nlp):
    article = article_from(
        "A UNICEF spokesperson, Tomas Aguirre, told the same briefing that stocks of "
        "ready-to-use therapeutic food in Niger would run out by September unless new "
        "funding arrived.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.speaker == "Tomas Aguirre"
    assert article.text[slice(*quote.spans[0])].startswith("that stocks of ready-to-use")


def test_a_title_with_a_verb_in_it_is_a_name(article_from, nlp):
    article = article_from(
        'The report, titled "Running on Empty", said nearly 2.5 million children under five '
        "were acutely malnourished.\n"
    )
    (quote,) = proposed(article, nlp)
    assert article.text[slice(*quote.spans[0])].startswith("nearly 2.5 million")


def test_a_newsletter_s_name_is_no_statement(article_from, nlp):
    article = article_from(
        "She first raised the problem in the games industry newsletter “Patch Notes Weekly.”\n"
    )
    assert not proposed(article, nlp)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Moroz is the author of a 2019 memoir, “Iron Will: Thirty Years Under the Bar,” about "
        "his efforts to rebuild Ukrainian weightlifting. The federation’s website still "
        "carries his motto, “Strength, honesty, discipline.”\n",
        "The federation’s website still carries his motto, “Lift clean and never quit.”\n",
    ],
)
def test_a_work_or_motto_named_in_quotation_marks_is_no_statement(article_from, nlp, paragraph):
    article = article_from(
        "The National Olympic Committee said it was “deeply concerned” by the allegations."
        "\n\n" + paragraph
    )
    assert [q.cue.text for q in proposed(article, nlp)] == ["said"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The case attracted attention online, where it was dubbed the “shadow firm saga” on "
        "forums such as HardwareZone.\n",
        'The law, which was labelled "draconian", took effect in May.\n',
    ],
)
def test_a_name_given_by_no_one_in_particular_is_no_statement(article_from, nlp, paragraph):
    assert not proposed(article_from(paragraph), nlp)


def test_a_name_given_by_someone_named_after_by_is_still_theirs(article_from, nlp):
    article = article_from('The plan has been called "a disaster" by critics.\n')
    assert [q.cue.text for q in proposed(article, nlp)] == ["called"]


def test_a_picture_posted_is_no_statement(article_from, nlp):
    article = article_from(
        'In 2023, he posted a photo of the company\'s "Ridgeline" pickup on X hours before '
        "its official unveiling.\n\n"
        "He posted on X that the launch was delayed.\n"
    )
    assert [q.text for q in proposed(article, nlp)] == ["that the launch was delayed"]


@pytest.mark.parametrize(
    "paragraph, said, speaker",
    [
        (
            "The drug cut levels by half, the company announced on Monday.\n",
            "The drug cut levels by half",
            "company",
        ),
        (
            "As the candidate prepared to speak to supporters on Tuesday, a 15-year-old girl "
            "outside the venue was pepper-sprayed by another bystander, police said.\n",
            "As the candidate prepared to speak to supporters on Tuesday, a 15-year-old girl "
            "outside the venue was pepper-sprayed by another bystander",
            "police",
        ),
        (
            "This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash "
            "Carter told a Senate panel Wednesday.\n",
            "This includes a special force to assist Kurdish Peshmerga",
            "Ash Carter",
        ),
        (
            "The deal is expected to be completed before Thursday’s 3 p.m. ET trade deadline, a "
            "person familiar with the negotiations said, speaking on condition of anonymity.\n",
            "The deal is expected to be completed before Thursday’s 3 p.m. ET trade deadline",
            "unnamed person familiar with the negotiations",
        ),
    ],
)
def test_a_report_fronted_before_its_speaker_is_theirs_however_the_parse_reads_it(
    article_from, nlp, paragraph, said, speaker
):
    """The parse read ``cut`` as a noun, hung the report on the ``As`` clause, joined
    ``told`` to ``includes`` with no ``and``, or took the deadline for a second subject;
    the sentence before ``, SUBJECT said.`` is still what was said."""
    article = article_from(paragraph)
    (quote,) = proposed(article, nlp)
    assert (article.text[slice(*quote.spans[0])], quote.speaker) == (said, speaker)


@pytest.mark.parametrize(
    "paragraph",
    ["In a statement, the company said.\n", "But when Congress cut funding, Mexico said enough.\n"],
)
def test_a_phrase_or_a_subordinate_clause_before_a_cue_is_not_what_it_reports(
    article_from, nlp, paragraph
):
    assert not proposed(article_from(paragraph), nlp)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Whitford called a team meeting Monday afternoon, the first unscheduled one of the "
        "season.\n",
        "The coach called a timeout with two seconds left.\n",
        "The premier called a snap election for May.\n",
    ],
)
def test_an_event_called_is_no_report(article_from, nlp, paragraph):
    assert not proposed(article_from(paragraph), nlp)


def test_a_name_called_is_still_a_report(article_from, nlp):
    article = article_from("Trump met Ryan, calling it a “great meeting.”\n")
    (quote,) = proposed(article, nlp)
    assert quote.cue.text == "calling"


@pytest.mark.parametrize(
    "paragraph",
    [
        "On Wednesday’s episode of “The Backcourt” podcast, former NBA executive Gareth "
        "Lindqvist said Portland had been the most motivated buyer.\n",
        "On a recent episode of the “Lights Out with Becca Tran” podcast, Reyes said he had "
        "been carrying the ring around for months.\n",
        "Cole’s coach, Marcus Feeney, sat stony-faced in her box, a “Keep Calm and Cole On” "
        "banner draped over the rail beside him, and said afterwards she had earned it.\n",
    ],
)
def test_a_title_before_the_work_it_names_is_no_statement(article_from, nlp, paragraph):
    article = article_from(paragraph)
    (quote,) = proposed(article, nlp)
    assert "“" not in article.text[slice(*quote.spans[0])]


def test_a_noun_phrase_set_beside_a_report_is_the_writers_comment(article_from, nlp):
    article = article_from(
        "Omaha Stallions quarterback Tyler Brandt will miss four to six weeks with a high "
        "ankle sprain, coach Dale Whitford said Monday, a blow to a team that had won five "
        "straight.\n"
    )
    (quote,) = proposed(article, nlp)
    assert [article.text[s:e] for s, e in quote.spans] == [
        "Omaha Stallions quarterback Tyler Brandt will miss four to six weeks with a high "
        "ankle sprain"
    ]


def test_words_after_a_cue_that_follows_a_whole_quote_are_the_writers(article_from, nlp):
    article = article_from(
        "Sullivan is less coy. “We’re playing ‘Tin Roof,’” he says, before Kessler throws a "
        "guitar pick at him. “Or maybe we’re not. I’ve been told I’m not allowed to say.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert "guitar pick" not in quote.text
    assert quote.type == "direct"


def test_a_name_the_recogniser_took_for_a_body_opening_a_described_subject_is_the_source(
    article_from, nlp
):
    """``Trump`` an organisation to the recogniser, the parse hung it on the verb as a
    clause: the forum the description ends on is not who cited anything."""
    article = article_from(
        "Trump, appearing after Clinton at the NBC/MSNBC forum, cited problems in the Middle "
        "East, China and elsewhere that he blamed on the policies of President Obama.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.speaker == "Trump"


def test_a_report_before_a_cue_the_parse_hung_on_it_as_an_adverbial_is_reported(article_from, nlp):
    """The parse made ``said`` an adverbial clause of ``made``, with ``for`` its
    subordinator, so the cue had no clause of its own."""
    article = article_from(
        "The Internet has also made it possible for people with like-minded, if bogus, ideas "
        "and theories to organize into communities and reach others, she said.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.startswith("The Internet has also made it possible")
    assert quote.text.endswith("reach others")


def test_two_that_clauses_told_are_one_report(article_from, nlp):
    """The parse joined the second ``that`` clause to ``told`` itself: the report was
    drawn from ``reporters``, below the threshold, and the first clause alone."""
    article = article_from(
        "Whitlock’s remarks echoed comments earlier this week from Fed Governor Lydia "
        "Brennan, who told reporters in Washington that policy was “well positioned” and "
        "that officials could “be patient.”\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == (
        "that policy was “well positioned” and that officials could “be patient.”"
    )


def test_a_report_whose_verb_the_parse_hung_on_a_when_word_is_still_reported(article_from, nlp):
    """``after`` read as the subordinator of ``should expect``, the report's own verb."""
    article = article_from(
        "She said firms that still allow traders to allocate block trades after execution "
        "should expect scrutiny in upcoming examinations.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.endswith("should expect scrutiny in upcoming examinations")


def test_a_name_branded_is_no_statement(article_from, nlp):
    article = article_from(
        'Halvorsen has leaned on its loyalty program, branded "Trail Rewards," to drive '
        "repeat visits.\n"
    )
    assert proposed(article, nlp) == []


def test_a_second_that_clause_the_parse_hung_on_the_first_is_said_too(article_from, nlp):
    article = article_from(
        "Board President Dale Hutchins said the removal is temporary and that the committee, "
        "made up of two teachers, a librarian, two parents and an administrator, will report "
        "back by December.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text.endswith("will report back by December")


def test_a_title_set_off_after_a_document_is_its_name_not_what_it_says(article_from, nlp):
    """The title took the cue, and what the report recommended was lost."""
    article = article_from(
        "The report, ‘Northern Arc: Lessons Not Learned’, recommended that an independent "
        "panel be appointed to review the business case.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == ("that an independent panel be appointed to review the business case")


def test_a_report_the_parse_read_as_a_clause_saying_when_is_still_reported(article_from, nlp):
    """``after the meeting`` read as the subordinator of ``would not sign``: a clause with
    no subordinator of its own and a subject after ``said`` is what was said."""
    article = article_from(
        "The mayor said after the meeting she would not sign the budget if it reached her desk.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == "she would not sign the budget if it reached her desk"


def test_what_a_subordinate_cue_admits_is_its_report_not_the_main_verbs(article_from, nlp):
    """The parse hung the admission on ``told``."""
    article = article_from(
        "Senator Okafor told the director to resign, after he admitted under questioning he "
        "had not read the audit.\n"
    )
    quotes = {quote.cue.text: quote.text for quote in proposed(article, nlp)}
    assert quotes == {"told": "the director to resign", "admitted": "he had not read the audit"}


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Intervening, Chief Minister M. Elangovan said the Opposition had itself proposed "
            "a similar law.\n",
            "M. Elangovan",
        ),
        (
            "Co-founder and CEO Ruth Abernathy declined to disclose the valuation but said it "
            'was "comfortably more than double" its Series A price.\n',
            "Ruth Abernathy",
        ),
    ],
)
def test_the_parser_s_extra_subjects_are_not_the_speaker(article_from, nlp, paragraph, speaker):
    """A participle set off at the start and the first half of a hyphenated title: each a
    subject of ``said`` to the parser."""
    said = next(q for q in proposed(article_from(paragraph), nlp) if q.cue.text == "said")
    assert said.speaker == speaker


def test_a_word_said_alone_before_he_answered_is_a_statement(article_from, nlp):
    """The parse took the quote for what ``answered`` takes, and one word in quotation
    marks for a name."""
    article = article_from(
        "Teodor Halvorsen rarely talks about method. In 1998 he was asked on the radio what "
        "he listened for in spruce. “Honesty,” he answered. “Some wood lies to you.”\n"
    )
    answered = next(q for q in proposed(article, nlp) if q.cue and q.cue.text == "answered")
    assert answered.text == "“Honesty,” ... “Some wood lies to you.”"


def test_a_quote_beside_what_someone_does_is_theirs(article_from, nlp):
    """No verb of saying: the writer sets his words beside what he does, whoever spoke
    in the paragraph before."""
    article = article_from(
        "Halvorsen was bent over the cello. His apprentice, Mina Oduya, held a lamp.\n\n"
        "“I see a shadow,” Oduya said.\n\n"
        "“The shadow is the problem.” He scraped twice more and handed her the plane. “Now "
        "you fix it.”\n"
    )
    shadow = next(q for q in proposed(article, nlp) if "problem" in q.text)
    assert shadow.speaker == "Halvorsen"


def test_what_the_company_said_after_its_shares_jumped_is_the_company_s(article_from, nlp):
    """The parse joined ``said`` to ``jumped``, whose subject cannot speak."""
    article = article_from(
        "Shares of Brightfield Foods Inc. (BFF) jumped 9.3% after the company raised its "
        "annual outlook and said demand was strong.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.speaker == "Brightfield Foods"


@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        ("She said in a speech that the law would pass.", "that the law would pass"),
        (
            "He told reporters in a briefing that the talks would resume.",
            "that the talks would resume",
        ),
        (
            "The mayor said in an interview that aired Sunday that she would run again.",
            "that she would run again",
        ),
    ],
)
def test_what_was_said_in_a_speech_is_the_clause_after_it(article_from, nlp, paragraph, said):
    """The parser read the clause as a relative one on the occasion, with ``that`` its
    object; a relative clause of it (``that aired Sunday``) stays one."""
    (quote,) = proposed(article_from(paragraph + "\n"), nlp)
    assert quote.text == said


def test_what_protesters_shouted_is_theirs_not_the_incident_s(article_from, nlp):
    """The parse hung ``shouting`` on ``came``, whose subject cannot speak; the subject of
    the clause between can."""
    article = article_from(
        "The first incident came during a speech at the State University of New York at "
        "Purchase, when Sanders protesters interrupted her speech, shouting “she wins, we "
        "lose!”\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.speaker == "Sanders protesters"


def test_speaking_on_condition_of_anonymity_is_how_it_was_said_not_what(article_from, nlp):
    article = article_from(
        "Lindqvist will be replaced by deputy campaign manager Corey Valdez, two of the "
        "people said, speaking on condition of anonymity to discuss personnel moves that "
        "had not yet been announced.\n"
    )
    (quote,) = proposed(article, nlp)
    assert quote.text == "Lindqvist will be replaced by deputy campaign manager Corey Valdez"
    assert quote.speaker == "two of the people"


def test_who_after_a_named_person_s_description_and_a_place_is_that_person(article_from, nlp):
    """The parser hung ``who said`` on the town; the schoolteacher from it is Marsh."""
    article = article_from(
        "“She’s the only one up there who sounds like she’s actually read a bill,” said "
        "Linda Marsh, 67, a retired schoolteacher from Ankeny who said she had caucused for "
        "Democrats as recently as 2008.\n"
    )
    caucused = next(q for q in proposed(article, nlp) if "caucused" in q.text)
    assert caucused.speaker == "Linda Marsh"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Xinhua quoted Liang Zhiqiang, deputy head of the Meizhou flood control "
            "headquarters, as saying that rescue teams had reached all but three villages.",
            "Liang Zhiqiang",
        ),
        (
            "Yonhap News Agency quoted a ministry official as saying the loan cap would be raised.",
            "unnamed ministry official",
        ),
    ],
)
def test_whom_an_outlet_quoted_as_saying_something_said_it(article_from, nlp, paragraph, speaker):
    (quote,) = proposed(article_from(paragraph + "\n"), nlp)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "paragraph, said",
    [
        (
            "As Mr. Ridge put it, the primary requirement is a lawful source of income.\n",
            "the primary requirement is a lawful source of income",
        ),
        (
            "The requirement, as Mr. Ridge put it in his memo, is a lawful source of income.\n",
            "The requirement",
        ),
        (
            "Or, as Tom Ridge, a former secretary, put it: “The barbarians are inside.”\n",
            "“The barbarians are inside.”",
        ),
    ],
)
def test_how_someone_put_it_is_what_they_said(article_from, nlp, paragraph, said):
    article = article_from(paragraph)
    (quote,) = proposed(article, nlp)
    assert quote.cue.text == "put"
    assert said in quote.text and "Ridge" in quote.speaker


def test_putting_something_somewhere_is_no_saying(article_from, nlp):
    article = article_from("She put it on the table and left the room without a word.\n")
    assert not proposed(article, nlp)


def test_a_quote_under_a_call_for_help_is_no_one_s_statement(article_from, nlp):
    """The word sprayed on the door is the vandals', not hers: ``called the police`` says
    nothing, whatever it governs."""
    article = article_from(
        "Last year, Ivana Simkova called the police after the word “traitors” was sprayed "
        "on the door of the group’s office.\n"
    )
    assert not proposed(article, nlp)


def test_a_texted_quote_is_the_texter_s(article_from, nlp):
    """``texted`` comes out of the lemmatizer as ``texte``, no speech verb, and the label
    before the quote took it over."""
    article = article_from(
        "Not a denial: “I talk to everyone. That’s called democracy,” Martin Kollar texted "
        "Playbook.\n"
    )
    (quote,) = proposed(article, nlp)
    assert (quote.speaker, quote.cue.text) == ("Martin Kollar", "texted")


def test_a_radio_transcript_label_names_the_speaker_without_the_role(article_from, nlp):
    article = article_from(
        "LEILA MARSDEN, HOST: Rural clinics have been short on nurses for years.\n\n"
        "AYESHA BRANDT, BYLINE: By eight in the morning, the waiting room is full.\n\n"
        "LEILA MARSDEN, HOST: And what did the nurses tell you about the rent?\n\n"
        "AYESHA BRANDT, BYLINE: Most of them said it was the reason they stayed.\n"
    )
    speakers = [q.speaker for q in proposed(article, nlp) if q.cue.text == ":"]
    assert speakers == ["Leila Marsden", "Ayesha Brandt", "Leila Marsden", "Ayesha Brandt"]


def test_a_shout_the_parse_hung_on_its_shouter_is_his(article_from, nlp):
    """The parse made ``yelled`` a participle describing ``man``; in the past tense right
    after its noun it is his verb, nearer the quote than the ``said`` before."""
    article = article_from(
        "Some in the crowd booed, and when Rubio thanked Miami and said it was great to be "
        "home, a man yelled “Stay there!”\n"
    )
    shout = next(quote for quote in extract(article, nlp) if quote.text == "“Stay there!”")
    assert shout.cue.text == "yelled"
    assert shout.speaker_mention.text == "a man"


def test_who_interjects_or_scoffs_said_the_words(article_from, nlp):
    article = article_from(
        "''Silly boys acting like they've never seen a girl before,'' scoffed Arianna Gil, "
        "22, who helped found the group.\n\n"
        "Clinton said experts had found her plans effective, to which O'Malley "
        'interjected: "It\'s just not true."\n'
    )
    by_text = {quote.text: quote for quote in extract(article, nlp)}
    assert by_text["''Silly boys acting like they've never seen a girl before,''"].speaker == (
        "Arianna Gil"
    )
    assert by_text['"It\'s just not true."'].speaker == "O'Malley"


def test_a_report_fronted_before_its_cue_after_two_joined_clauses(article_from, nlp):
    # the parse joined "confirmed" to "close" like "move", with one "and" between those two
    article = article_from(
        "Jobs going\n\n"
        "Brightwater Castings Inc. will close its foundry in Welland by next spring and "
        "move the work to a plant in Toledo, Ohio, the company confirmed Tuesday.\n"
    )
    [(_, [quote])] = extract_many([article], nlp)
    assert quote.text.startswith("Brightwater Castings Inc. will close its foundry")
    assert quote.cue.text == "confirmed"


def test_a_relative_clause_the_parse_hung_on_the_cue_is_not_what_was_said(article_from, nlp):
    article = article_from(
        "Layoffs\n\n"
        "Chief executive Dana Ruiz announced the cuts in an email to staff Monday morning "
        "that was later shared with the Herald.\n"
    )
    [(_, quotes)] = extract_many([article], nlp, floor=0.0)
    assert not any("later shared" in quote.text for quote in quotes)


def test_a_headline_quote_is_said_by_the_name_after_its_colon(article_from, nlp):
    article = article_from(
        "‘I just wanted to feel normal again’: Desjarlais back on the ice after cancer fight\n\n"
        "PRINCE GEORGE, B.C. — Nolan Desjarlais played 14 minutes on Saturday night.\n"
    )
    [(_, quotes)] = extract_many([article], nlp, floor=0.0)
    headline = next(quote for quote in quotes if quote.text.startswith("‘I just wanted"))
    assert headline.speaker == "Nolan Desjarlais"
    assert headline.cue.text == ":"


def test_a_short_headline_quote_is_said_by_the_name_after_its_colon(article_from, nlp):
    article = article_from(
        "‘Devastated’: Okafor after Blizzard trade\n\n"
        "WINNIPEG — Captain Ryan Okafor was traded to Hamilton on Wednesday.\n"
    )
    [(_, quotes)] = extract_many([article], nlp, floor=0.0)
    headline = next(quote for quote in quotes if quote.text.startswith("‘Devastated"))
    assert headline.speaker == "Ryan Okafor"
