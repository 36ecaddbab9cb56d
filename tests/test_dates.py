"""Article dates, statement dates and the metadata sidecar."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from quotedb.ingest import metadata
from quotedb.ingest.dates import dateline_length, iso_date, statement_date, timeline_year
from quotedb.ingest.read import read_path

from quotedb.cli import cli


@pytest.mark.parametrize(
    ("nearby", "article_date", "expected"),
    [
        ("On Tuesday, October 14, Trump said", "2025-10-14", ("2025-10-14", "day")),
        ("an assessment released in early May 2025 found", "2025-10-14", ("2025-05", "month")),
        ("He said on September 2 that", "2025-10-14", ("2025-09-02", "day")),
        ("He said in December that", "2025-10-14", ("2024-12", "month")),
        ("She said on Monday that", "2025-10-14", ("2025-10-13", "day")),
        ("He said yesterday that", "2025-10-14", ("2025-10-13", "day")),
        ("You may go, he said", "2025-10-14", (None, None)),
        ("He said on Monday that", None, (None, None)),
    ],
)
def test_statement_dates_resolve_against_the_article_date(nearby, article_date, expected):
    assert statement_date(nearby, article_date) == expected


def test_an_undated_article_lends_its_latest_year_to_a_bare_month():
    text = "The campaign began in 2024 and went on through 2025."
    assert statement_date("Trump's October declaration", None, timeline_year(text)) == (
        "2025-10",
        "month",
    )


@pytest.mark.parametrize(
    "spelled",
    [
        "September 12, 2016",
        "2016-09-12T08:00:00Z",
        "12 September 2016",
        "2016/09/12",
        "Mon, 12 Sep 2016 08:00:00 GMT",
        "Sept. 12, 2016",
    ],
)
def test_iso_date_reads_common_spellings(spelled):
    assert iso_date(spelled) == "2016-09-12"


@pytest.mark.parametrize("not_a_date", ["soon", "12 September", "Monday", ""])
def test_iso_date_refuses_what_is_not_a_whole_date(not_a_date):
    assert iso_date(not_a_date) is None


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("HARBOR CITY, March 3, 2025 — The mayor said", "2025-03-03"),
        ("LONDON, 12 September 2016 (Reuters) - The mayor said", "2016-09-12"),
        ("WASHINGTON, D.C., Sept. 12, 2016 -- The mayor said", "2016-09-12"),
        ("PHILADELPHIA, Sept. 12, 2016 ― The mayor said", "2016-09-12"),
        ("The mayor said on March 3, 2025 — and again later", None),
    ],
)
def test_an_article_is_dated_by_its_dateline(write_article, opening, expected):
    path = write_article(f"Port reopens\n\n{opening} that the bridge will reopen.\n")
    (article,) = read_path(path)
    assert article.published == expected


def test_a_date_header_fused_with_the_headline_dates_the_article_and_leaves_the_title(
    write_article,
):
    (article,) = read_path(write_article(" date 2025-10-14 Port reopens\n\nThe mayor spoke.\n"))
    assert (article.title, article.published) == ("Port reopens", "2025-10-14")


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("Hannah Jones · CBC News · Posted: Mar 03, 2024 8:15 PM EST | Last Updated: 2 hours ago",
         "2024-03-03"),
        ("By Jane Doe, Global News\nPosted March 3, 2024 8:15 pm", "2024-03-03"),
        ("Updated 9:41 AM EDT, Tue March 5, 2024", "2024-03-05"),
        ("Published March 3, 2024\nUpdated March 4, 2024", "2024-03-03"),
        ("The report was published on March 3, 2024, by the ministry.", None),
        # a line that is nothing but a date
        ("Saturday, November 21, 2026", "2026-11-21"),
        ("By Priya Raman\n21 November 2026 4:12 PM EST", "2026-11-21"),
        ("Published March 3, 2024\nMarch 9, 2024", "2024-03-03"),
        ("On November 21, 2026, the council met.", None),
    ],
)  # fmt: skip
def test_a_scraped_page_s_posted_line_dates_the_article(write_article, top, published):
    (article,) = read_path(write_article(f"Port reopens\n\n{top}\n\nThe mayor spoke.\n"))
    assert article.published == published


def test_a_stated_date_that_cannot_be_read_is_reported_once_per_file(write_article, caplog):
    path = write_article("---\ntitle: Port\ndate: sometime soon\n---\nThe mayor spoke.\n", "p.md")
    (article,) = read_path(path)
    assert article.published is None
    reports = [record.getMessage() for record in caplog.records]
    assert reports == [
        f"{path}: date 'sometime soon' not understood (write it as 2025-03-03 or "
        "March 3, 2025); dating the article by its text instead"
    ]


def test_a_wire_storys_closing_line_dates_it(write_article):
    text = (
        "OTTAWA — The finance minister said the budget would help first-time buyers.\n\n"
        "This report by The Canadian Press was first published March 3, 2024.\n"
    )
    (article,) = read_path(write_article(text, "budget.txt"))
    assert article.published == "2024-03-03"


def test_front_matter_dates_in_other_spellings_are_read(write_article):
    (article,) = read_path(write_article("---\ndate: 12 September 2016\n---\nText.\n", "p.md"))
    assert article.published == "2016-09-12"


SIDECAR = (
    "filename\tpublisher\tpublication_date\ttitle\nport\tExample Times\t2025-03-01\tPort reopens\n"
)
ARTICLE = (
    "Port reopens\n\nMayor Ann Lee said that the bridge will reopen.\n\n"
    "On Friday, February 28, she said the port was ready.\n"
)


def test_sidecar_rows_are_found_by_file_name_or_stem(tmp_path):
    sidecar = tmp_path / "meta.tsv"
    sidecar.write_text(SIDECAR, encoding="utf-8")
    table = metadata.read(sidecar)
    assert table["port"] == {
        "published": "2025-03-01",
        "title": "Port reopens",
        "source": "Example Times",
    }


def test_extract_dates_quotes_from_the_sidecar_and_says_where_each_date_comes_from(
    tmp_path, write_article
):
    path = write_article(ARTICLE, "port.txt")
    sidecar = tmp_path / "meta.tsv"
    sidecar.write_text(SIDECAR, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["extract", str(path), "--metadata", str(sidecar)], catch_exceptions=False
    )
    quotes = [json.loads(line) for line in result.output.splitlines()]
    dated = [(q["date"], q["date_precision"], q["date_source"]) for q in quotes]
    assert dated == [("2025-03-01", "day", "article"), ("2025-02-28", "day", "statement")]
    assert {q["article_date"] for q in quotes} == {"2025-03-01"}


def article_dates(*args: str) -> set[str | None]:
    result = CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)
    return {json.loads(line)["article_date"] for line in result.output.splitlines()}


def test_an_undated_article_file_is_dated_by_its_name(tmp_path, write_article):
    """As scrapers and archives name articles: ``breitbart_2016-09-12_stealth.txt``."""
    named = write_article(ARTICLE, "times_2025-03-04_port-reopens.txt")
    assert article_dates(str(named)) == {"2025-03-04"}
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,date\ntimes_2025-03-04_port-reopens.txt,2025-03-01\n")
    assert article_dates(str(named), "--metadata", str(sidecar)) == {"2025-03-01"}  # it wins


def test_a_jsonl_files_name_does_not_date_its_articles(tmp_path):
    """Its name dates the export, not the articles in it."""
    export = tmp_path / "export_2025-03-04.jsonl"
    export.write_text(json.dumps({"id": "port", "text": ARTICLE}) + "\n", encoding="utf-8")
    assert article_dates(str(export)) == {None}


def test_a_sidecar_date_that_cannot_be_read_is_reported(tmp_path, caplog):
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,date\nport.txt,someday\nquay.txt,2016/09/12\n", encoding="utf-8")
    table = metadata.read(sidecar)
    assert "published" not in table["port"]
    assert table["quay"]["published"] == "2016-09-12"
    assert [record.getMessage() for record in caplog.records] == [
        f"{sidecar}: port.txt: date 'someday' not understood"
    ]


def test_a_sidecar_without_a_file_column_is_refused(tmp_path, write_article):
    path = write_article(ARTICLE, "port.txt")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("date,title\n2025-03-01,Port\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--metadata", str(sidecar)])
    assert result.exit_code != 0
    assert "no column naming the file" in result.output


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        (
            "MINNEAPOLIS, Oct 29 (Reuters) - Halvorsen cut its forecast",
            "MINNEAPOLIS, Oct 29 (Reuters) - ",
        ),
        ("Nov 4 (Reuters) - Calderon said", "Nov 4 (Reuters) - "),
        ("Oct. 12 (AP) — The mayor said", "Oct. 12 (AP) — "),
        ("March 3 - the mayor said", ""),  # no agency: a date and a dash may open a sentence
    ],
)
def test_a_wire_dateline_is_the_writers_however_short(paragraph, dateline):
    assert paragraph[: dateline_length(paragraph)] == dateline
