"""Finding quoted passages and the paragraphs worth reading, before any parsing."""

from __future__ import annotations

import pytest
from quotedb.ingest.clean import paragraphs
from quotedb.ingest.quotes import find_quoted


def quoted_texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text, paragraphs(text))]


@pytest.mark.parametrize(
    "passage",
    [
        '"We will rebuild the bridge,"',
        "“We will rebuild the bridge,”",
        "‘We will rebuild the bridge,’",
        "``We will rebuild the bridge,''",
        "''We will rebuild the bridge,''",
        "«We will rebuild the bridge,»",
        "'We will rebuild the bridge,'",
        '"We will rebuild the bridge,”',
        "”We will rebuild the bridge,”",
    ],
)
def test_every_quotation_style_is_found_with_its_marks(passage):
    text = f"{passage} the mayor said on Monday.\n"
    assert quoted_texts(text) == [passage]


@pytest.mark.parametrize("left, right", [("‘", "’"), ("'", "'")])
def test_apostrophes_are_not_quotation_marks(left, right):
    text = (
        f"The mayor{right}s plan, she said, {left}will not work{right} because the "
        f"players{right} union and the city{right}s budget can{right}t agree.\n"
    )
    assert quoted_texts(text) == [f"{left}will not work{right}"]


def test_an_unbalanced_mark_does_not_swallow_the_article():
    text = (
        "“We will win, the senator said, and then left.\n\n"
        "Officials met on Tuesday.\n\n"
        "“The vote is on Friday,” an aide said.\n"
    )
    assert quoted_texts(text) == ["“The vote is on Friday,”"]


def test_stray_marks_in_a_long_article_never_crash():
    text = ("He said “ and then ” and “ again.\n\n" * 200) + "A ” stray « end ' '' ``\n"
    found = find_quoted(text, paragraphs(text))
    assert all(0 <= q.start < q.end <= len(text) for q in found)


def test_a_quote_over_several_paragraphs_is_one_passage():
    text = (
        "“The first thing we did was call the families.\n\n"
        "“Then we called the insurers,” the chief said.\n"
    )
    (passage,) = find_quoted(text, paragraphs(text))
    assert (passage.start, passage.end) == (0, text.index("” the chief") + 1)


def test_a_quoted_transcript_is_one_passage_per_speaker_s_line():
    text = (
        '"LEE: We will rebuild the bridge before the winter.\n\n'
        '"HOST: Do you really think so?\n\n'
        '"LEE: I do. The money is there.\n\n'
        '"The trucks are ready too."\n'
    )
    assert quoted_texts(text) == [
        '"LEE: We will rebuild the bridge before the winter.',
        '"HOST: Do you really think so?',
        '"LEE: I do. The money is there.\n\n"The trucks are ready too."',
    ]


def test_a_follow_us_line_in_quotation_marks_is_still_debris():
    body = "“The bridge opens in May,” the mayor said."
    text = f'{body}\n\n"Follow Ann Lee on Twitter @annlee."\n'
    assert [text[p.start : p.end] for p in paragraphs(text)] == [body]


def test_scraping_debris_is_skipped_and_offsets_stay_in_the_original_file():
    headline = "City approves new bridge"
    body = "“The bridge opens in May,” the mayor said."
    text = (
        f"{headline}\n\nShare this article\n\nAdvertisement\n\n{headline}\n\n"
        f"{body}\n\nFollow us on Twitter\n\n{body}\n"
    )
    kept = [text[p.start : p.end] for p in paragraphs(text)]
    assert kept == [headline, body]
    (passage,) = find_quoted(text, paragraphs(text))
    assert text[passage.start : passage.end] == "“The bridge opens in May,”"
    assert passage.start == text.index("“The bridge")


def test_link_lines_to_other_stories_are_not_paragraphs():
    body = "“The bridge opens in May,” the mayor said."
    text = (
        f"{body}\n\nREAD MORE: Mayor says “no new taxes” in budget speech\n\n"
        "WATCH: Flood waters rise in the harbour\n\nRelated: “We are ready,” says chief\n\n"
        "Click to play video: 'Ferry service resumes after storm'\n\n"
        "WATCH ABOVE: ‘We lost everything’: residents return to flooded homes\n\n"
        "Story continues below advertisement\n\n— With files from The Canadian Press\n"
    )
    assert [text[p.start : p.end] for p in paragraphs(text)] == [body]


def test_headlines_linked_under_a_bare_read_more_label_are_not_paragraphs():
    body = "“The bridge opens in May,” the mayor said."
    after = "According to Statistics Canada, rents rose 7 per cent."
    text = (
        f"{body}\n\nREAD MORE:\nToronto rents fall for third month, report says\n"
        f"Ottawa adds $1B for housing, minister says\n\n{after}\n\nRELATED\n\n"
        "“We are ready,” says fire chief\n"
    )
    assert [text[p.start : p.end] for p in paragraphs(text)] == [body, after]


def test_a_fact_check_s_list_of_sources_is_not_read():
    body = "“The plant is closing,” Harwick wrote on X. Labor data show otherwise."
    text = (
        f"{body}\n\nSources\n\n"
        'Harwick, Dale. "Remarks on Trade Policy." Congressional Record. 21 May 2024.\n\n'
        'U.S. Bureau of Labor Statistics. "State and Metro Area Employment." 30 May 2024.\n'
    )
    assert [text[p.start : p.end] for p in paragraphs(text)] == [body]


def test_a_press_release_s_end_matter_is_not_read():
    body = "“We never stopped building,” said Julian Ashcroft, chief executive of Pennant Pay."
    text = (
        f"About payments\n\n{body}\n\nAbout Pennant Pay (from the company's release)\n\n"
        "Pennant's mission is “to give every Main Street business a Wall Street balance "
        "sheet.”\n\nMedia contact: press@pennantpay.com\n"
    )
    # "About payments" names no company: a heading, kept
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["About payments", body]


def test_a_broadcaster_s_video_and_audio_labels_are_not_paragraphs():
    body = "“The bridge opens in May,” the mayor said."
    text = (
        f"Social Sharing\n\n{body}\n\nWATCH | Mayor vows to fight the budget cuts:\n\n"
        "Duration 2:03\n\nLISTEN | What the budget means for your street\n\n"
        "Corrections and clarifications | Submit a news tip | Report error\n"
    )
    assert [text[p.start : p.end] for p in paragraphs(text)] == [body]


def test_credit_lines_for_reporting_are_not_paragraphs():
    body = "“The bill is far from perfect,” the senator said."
    text = (
        f"{body}\n\nAssociated Press writers Lisa Mascaro and Kevin Freking contributed "
        "to this report.\n\nMaggie Haberman contributed reporting from New York.\n"
    )
    assert [text[p.start : p.end] for p in paragraphs(text)] == [body]


def test_a_quote_ending_in_a_quote_closes_after_a_space_between_the_marks():
    passage = "\"I made the donation. That is why he is the 'Title Sponsor,' \""
    assert quoted_texts(f"{passage} Eric Trump wrote of the gift.\n") == [passage]
