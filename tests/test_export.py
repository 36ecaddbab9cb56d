"""`quotedb export`: filtered quotes with speaker, role, date and article, streamed."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from samples import STATEMENTS

from quotedb.cli import cli


def export(db_path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def exported_csv(db_path, *args: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(export(db_path, *args))))


def test_csv_has_speaker_role_dates_and_article(quotes_db):
    rows = exported_csv(quotes_db)
    assert len(rows) == len(STATEMENTS)
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    petro = next(row for row in rows if row["speaker"] == "Gustavo Petro")
    assert petro["role"] == "Colombian President"
    assert petro["article_title"] == "Strikes in the Caribbean (wire)"
    assert set(petro) >= {"article_url", "article_date", "stance", "type", "text"}


def test_filters_combine(quotes_db):
    assert {row["speaker"] for row in exported_csv(quotes_db, "--stance", "oppose")} == {
        "Vladimir Padrino",
        "Gustavo Petro",
    }
    assert len(exported_csv(quotes_db, "--speaker", "donald trump")) == 2
    assert len(exported_csv(quotes_db, "--speaker", "the president", "--type", "direct")) == 1
    autumn = exported_csv(quotes_db, "--since", "2025-09-03", "--until", "2025-10")
    assert [row["date"] for row in autumn] == ["2025-09-04", "2025-10-01", "2025-10-16"]


def test_search_filter_keeps_rank_order_and_other_filters(quotes_db):
    rows = exported_csv(quotes_db, "--search", "text:strikes", "--stance", "support")
    assert [row["speaker"] for row in rows] == ["Donald Trump"]


def test_json_and_jsonl(quotes_db):
    as_json = json.loads(export(quotes_db, "--format", "json", "--stance", "oppose"))
    lines = export(quotes_db, "--format", "jsonl", "--stance", "oppose").splitlines()
    assert [json.loads(line) for line in lines] == as_json
    assert json.loads(export(quotes_db, "--format", "json", "--speaker", "nobody")) == []


def test_output_file_and_clear_error_for_a_bad_search(quotes_db, tmp_path):
    out = tmp_path / "oppose.csv"
    result = CliRunner().invoke(
        cli, ["export", "--db", str(quotes_db), "--stance", "oppose", "-o", str(out)]
    )
    assert "2 quotes exported" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    result = CliRunner().invoke(cli, ["export", "--db", str(quotes_db), "--search", "x" * 600])
    assert result.exit_code == 1
    assert "query too long" in result.stderr


def test_a_file_that_is_not_a_quotes_database_gets_one_line(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("not sqlite", encoding="utf-8")
    for command in (["export"], ["search", "x"], ["index"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(junk)])
        assert result.exit_code == 1
        assert result.stderr == f"Error: {junk}: not a SQLite database (file is not a database)\n"
