"""The role an article gives a person (`ingest/roles.py`)."""

from __future__ import annotations

import pytest
from quotedb.ingest.roles import normalise, role_in


def role_of(nlp, sentence: str, name: str) -> str | None:
    doc = nlp(sentence)
    start = sentence.index(name)
    return role_in(doc.char_span(start, start + len(name)))


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Secretary of Defense Pete Hegseth said they were terrorists.",
            "Pete Hegseth",
            "Secretary of Defense",
        ),
        (
            "Colombian President Gustavo Petro called it a murder.",
            "Gustavo Petro",
            "President of Colombia",
        ),
        # the body a title serves, in capitals between it and the name
        (
            "Commissioner of Police Dana Fry ordered more patrols.",
            "Dana Fry",
            "Commissioner of Police",
        ),
        (
            "Director of Public Prosecutions Ann Lee said it.",
            "Ann Lee",
            "Director of Public Prosecutions",
        ),
        # or the brief, after "for"; a courtesy title before the name is no part of the role
        (
            "KwaZulu-Natal MEC for Education Hon. Bongiwe Shange-Mkhize said so.",
            "Bongiwe Shange-Mkhize",
            "KwaZulu-Natal MEC for Education",
        ),
        (
            "Weather Service forecaster Khanyisile Ngema said so.",
            "Khanyisile Ngema",
            "Weather Service forecaster",
        ),
        # an age is no role; a hyphenated word keeps its hyphen
        (
            "It's a start, said Sarah Nguyen, a 29-year-old nurse in Toronto who saves.",
            "Sarah Nguyen",
            "nurse in Toronto",
        ),
        (
            "Bill Richardson, a two-term governor of New Mexico, said it was over.",
            "Bill Richardson",
            "two-term governor of New Mexico",
        ),
        (
            "Mackenzie County Reeve Josh Knelsen said crews were ready.",
            "Josh Knelsen",
            "Mackenzie County Reeve",
        ),
        (
            "Venezuela's Defense Minister Vladimir Padrino López said troops were ready.",
            "Vladimir Padrino López",
            "Defense Minister of Venezuela",
        ),
        (
            "Former CIA Director Leon Panetta warned of the risks.",
            "Leon Panetta",
            "former CIA Director",
        ),
        (
            "Rachel VanLandingham, a former military legal advisor, said it was illegal.",
            "Rachel VanLandingham",
            "former military legal advisor",
        ),
        (
            "President Claudia Sheinbaum of Mexico said she opposed it.",
            "Claudia Sheinbaum",
            "President of Mexico",
        ),
        # whose title it is, whatever the recogniser took the name for
        (
            "Clinton spokesman Brian Fallon said they would respond.",
            "Brian Fallon",
            "Clinton spokesman",
        ),
        (
            "Hamilton police spokesperson Jackie Penman said it was early.",
            "Jackie Penman",
            "Hamilton police spokesperson",
        ),
        ("Fox News host Sean Hannity said the poll was wrong.", "Sean Hannity", "Fox News host"),
        ("Flames coach Ryan Huska was blunt about the third period.", "Ryan Huska", "Flames coach"),
        # an opposition member's file is a post; a possessive keeps its apostrophe
        (
            "Liberal health critic Rob Rankin said the numbers were wrong.",
            "Rob Rankin",
            "Liberal health critic",
        ),
        (
            "Karen Littlewood, president of the Ontario Secondary School Teachers' Federation, "
            "said members had spoken.",
            "Karen Littlewood",
            "president of the Ontario Secondary School Teachers' Federation",
        ),
        # the one who runs it; the body named, whatever the parse made of its name
        (
            "Royce Mendes, head of macro strategy at Desjardins, wrote that the bank was done.",
            "Royce Mendes",
            "head of macro strategy at Desjardins",
        ),
        (
            "Annie Kidder, executive director of the advocacy group People for Education, "
            "said parents were anxious.",
            "Annie Kidder",
            "executive director of the advocacy group People for Education",
        ),
        (
            "Murphy, the head of Right to Rise USA, said on Friday that it was fine.",
            "Murphy",
            "head of Right to Rise USA",
        ),
        (
            "Boufeldja Benabdallah, co-founder of the Islamic Cultural Centre, said they remain.",
            "Boufeldja Benabdallah",
            "co-founder of the Islamic Cultural Centre",
        ),
        # others named with the person are not their role; a second title is
        (
            "It works, according to Craig Bryan, head of the National Center for Veterans "
            "Studies at the University of Utah, and other scientists.",
            "Craig Bryan",
            "head of the National Center for Veterans Studies at the University of Utah",
        ),
        (
            "Jane Doe, president and chief executive of Acme Corp., said it was fine.",
            "Jane Doe",
            "president and chief executive of Acme Corp.",
        ),
        (
            "Ted Cruz, the senator from Texas and winner of the Iowa caucuses, said it was huge.",
            "Ted Cruz",
            "senator from Texas and winner of the Iowa caucuses",
        ),
        # how local news describes the people it quotes
        ("Tenant Maria Santos said she slept in her coat.", "Maria Santos", "Tenant"),
        (
            "Insp. Hugh Smith of the Hamilton police said officers acted quickly.",
            "Hugh Smith",
            "Inspector of the Hamilton police",
        ),
        (
            "Staff Sgt. Mark Farrell, of the Hamilton police, said two people were arrested.",
            "Mark Farrell",
            "Staff Sergeant of the Hamilton police",
        ),
        (
            "Const. Alex Li of Toronto police said no charges have been laid.",
            "Alex Li",
            "Constable of Toronto police",
        ),
        ("Finance Minister Ann Lee said the budget would wait.", "Ann Lee", "Finance Minister"),
        ("Tenant advocate Tom Baker called it a first step.", "Tom Baker", "Tenant advocate"),
        ("Restaurant owner Ann Lee said business was slow.", "Ann Lee", "Restaurant owner"),
        (
            "Tom Baker, a lawyer for the Sierra Club, which fought the rule, said it would fail.",
            "Tom Baker",
            "lawyer for the Sierra Club",
        ),
        ("NDP MP Tom Baker said the bill was flawed.", "Tom Baker", "NDP MP"),
        ("Opposition Leader Ann Lee criticized the plan.", "Ann Lee", "Opposition Leader"),
        ("“It is about respect,” says union president Tom Baker.", "Tom Baker", "union president"),
        (
            "Mayor Tom Lee of the City of Toronto said the road would close.",
            "Tom Lee",
            "Mayor of the City of Toronto",
        ),
        (
            "John Smith, who is the mayor of Springfield, said the road would close.",
            "John Smith",
            "mayor of Springfield",
        ),
        # the professions an appositive names
        (
            "Dr. Amy Ryan, an emergency physician in Halifax, said she had never seen it so full.",
            "Amy Ryan",
            "emergency physician in Halifax",
        ),
        (
            "Steven Law, a former top aide to Mitch McConnell, said the money was there.",
            "Steven Law",
            "former top aide to Mitch McConnell",
        ),
        # a courtesy title says less than the post set beside the name
        (
            "The Rev. Linda Okafor, pastor of nearby Grace Lutheran Church, led the prayer.",
            "Linda Okafor",
            "pastor of nearby Grace Lutheran Church",
        ),
        ("The Rev. Linda Okafor led the prayer.", "Linda Okafor", "Rev."),
    ],
)
def test_role_patterns(nlp, sentence, name, role):
    assert role_of(nlp, sentence, name) == role


def test_a_name_without_a_role_has_none(nlp):
    assert role_of(nlp, "Later, John Smith said the road would close.", "John Smith") is None


def test_country_adjective_and_of_country_are_one_role():
    assert normalise("Colombian President") == normalise("President of Colombia")
    assert normalise("the US President") == "President of the United States"


def test_a_title_s_possessive_is_no_country():
    # "Venezuela's Defense Minister" is Venezuela's; "King's Bench" is a court's name
    assert normalise("Venezuela's Defense Minister") == "Defense Minister of Venezuela"
    assert normalise("King's Bench Justice") == "King's Bench Justice"


def test_another_of_the_kind_is_one_of_the_kind():
    # "Another senator, Bob Smith, said ...": Smith is a senator
    assert normalise("another pollster") == "pollster"
    assert normalise("another top strategist in Trump's campaign") == (
        "top strategist in Trump's campaign"
    )


def test_abbreviated_titles_are_written_out():
    assert normalise("former Pennsylvania Gov.") == "former Pennsylvania Governor"
    assert normalise("Sen.") == "Senator"
