"""Article dates, statement dates and the metadata sidecar."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from quotedb.ingest import metadata
from quotedb.ingest.dates import iso_date, statement_date, timeline_year

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


def test_iso_date_reads_common_spellings():
    assert iso_date("September 12, 2016") == iso_date("2016-09-12T08:00:00Z") == "2016-09-12"
    assert iso_date("soon") is None


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


def test_extract_dates_quotes_from_the_sidecar_and_says_where_each_date_comes_from(tmp_path, write_article):
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


def test_a_sidecar_without_a_file_column_is_refused(tmp_path, write_article):
    path = write_article(ARTICLE, "port.txt")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("date,title\n2025-03-01,Port\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--metadata", str(sidecar)])
    assert result.exit_code != 0
    assert "no column naming the file" in result.output
