"""Corrections: made from the command line, the library or the web endpoint, they apply on
top of extraction, survive every re-ingest, and only editors can make them."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
import threading
import time

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette
from quotedb.db import corrections, load, schema
from quotedb.db.search import QuoteIndex
from quotedb.db.search import state as search_state
from quotedb.ingest import run as run_ingest
from quotedb.ingest.stance import Topic
from quotedb.ingest.stance.train import corrected

from quotedb.cli import cli
from quotedb.cli.serve import demo_corpus, demo_topic, metadata_path

FIRST = "000_ca8c7eb0ba58409c"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def demo(tmp_path):
    """A copy of the demo articles, ingested: (corpus folder, database path)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus(), corpus)
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    return corpus, db_path


def ingest(corpus, db_path, *options: str) -> str:
    return invoke(
        "ingest", str(corpus), "--db", str(db_path), "--topic-file", str(demo_topic()), *options
    )


def quotes(db_path, where: str = "1", params=()) -> list[dict]:
    db = sqlite_utils.Database(db_path)
    return list(
        db.query(
            "select quotes.*, speakers.name as speaker from quotes left join speakers"
            f" on speakers.id = quotes.speaker_id where {where}"
            " order by quotes.article_id, quotes.start",
            params,
        )
    )


def by_text(db_path, text: str) -> dict:
    (row,) = quotes(db_path, "quotes.text = ?", [text])
    return row


def dump(db_path) -> dict[str, list]:
    """Every row of the tables a correction may change."""
    with sqlite3.connect(db_path) as conn:
        return {
            table: conn.execute(f"select * from {table} order by 1").fetchall()
            for table in ("quotes", "speakers", "corrections", "not_quotes")
        }


def correct_three(db_path) -> tuple[dict, dict, dict]:
    """Correct a speaker, a stance and a not-a-quote in the first article; return the three."""
    first, second, third = quotes(db_path, "quotes.article_id = ?", [FIRST])[:3]
    invoke("correct", first["id"], "--db", str(db_path), "--speaker", "Marco Rubio", "--note", "x")
    stance = "neutral" if second["stance"] != "neutral" else "support"
    invoke("correct", second["id"], "--db", str(db_path), "--stance", stance, "--verified")
    invoke("correct", third["id"], "--db", str(db_path), "--not-a-quote")
    return first, {**second, "stance": stance}, third


def assert_corrected(db_path, first: dict, second: dict, third: dict) -> None:
    now_first, now_second = by_text(db_path, first["text"]), by_text(db_path, second["text"])
    assert now_first["speaker"] == "Marco Rubio"
    assert json.loads(now_first["machine_values"]) == {"speaker": first["speaker"]}
    assert now_second["stance"] == second["stance"] and now_second["verified"] == 1
    assert not quotes(db_path, "quotes.text = ?", [third["text"]])
    db = sqlite_utils.Database(db_path)
    assert [row["text"] for row in db["not_quotes"].rows] == [third["text"]]
    assert not corrections.orphaned(db)


def test_corrections_apply_and_survive_a_forced_reingest(demo):
    corpus, db_path = demo
    first, second, third = correct_three(db_path)
    assert_corrected(db_path, first, second, third)
    (stated,) = sqlite_utils.Database(db_path).execute(
        "select speakers.name from quotes join statements on statements.id = quotes.statement_id"
        " join speakers on speakers.id = statements.speaker_id where quotes.text = ?",
        [first["text"]],
    )
    assert stated == ("Marco Rubio",)
    ingest(corpus, db_path, "--force")
    assert_corrected(db_path, first, second, third)
    exported = invoke("export", "--db", str(db_path), "--format", "jsonl")
    rows = [json.loads(line) for line in exported.splitlines()]
    assert third["text"] not in {row["text"] for row in rows}
    (row,) = [row for row in rows if row["text"] == second["text"]]
    assert row["verified"] == 1 and row["stance"] == second["stance"]
    search = invoke("search", "--db", str(db_path), "--format", "json", "--limit", "100", "Rubio")
    assert first["id"] in {hit["id"] for hit in json.loads(search)}


def test_a_changed_article_reanchors_and_a_removed_quote_is_orphaned(demo):
    corpus, db_path = demo
    first, second, third = correct_three(db_path)
    fourth = quotes(db_path, "quotes.article_id = ?", [FIRST])[-1]
    invoke("correct", fourth["id"], "--db", str(db_path), "--role", "spokesman")
    path = corpus / f"{FIRST}.txt"
    title, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    kept = [line for line in body.split("\n") if fourth["text"].split(" ... ")[0] not in line]
    assert len(kept) == len(body.split("\n")) - 1
    inserted = [title, "A paragraph inserted before every quote.", "\n".join(kept)]
    path.write_text("\n\n".join(inserted), encoding="utf-8")

    output = (
        CliRunner()
        .invoke(
            cli, ["ingest", str(corpus), "--db", str(db_path), "--topic-file", str(demo_topic())]
        )
        .output
    )
    assert "1 corrections orphaned" in output
    orphans = corrections.orphaned(sqlite_utils.Database(db_path))
    assert [row["words"] for row in orphans] == [fourth["text"]]
    now = by_text(db_path, first["text"])
    assert now["start"] > first["start"] and now["id"] != first["id"]
    assert now["speaker"] == "Marco Rubio"
    assert by_text(db_path, second["text"])["stance"] == second["stance"]
    assert not quotes(db_path, "quotes.text = ?", [third["text"]])
    exported = invoke("corrections", "export", "--db", str(db_path))
    records = [json.loads(line) for line in exported.splitlines()]
    statuses = {record["field"]: record["status"] for record in records}
    assert statuses == {
        "speaker": "applied",
        "stance": "applied",
        "verified": "applied",
        "is_quote": "applied",
        "role": "orphaned",
    }


def test_corrections_hold_when_another_topic_reextracts_everything(demo):
    corpus, db_path = demo
    first, second, third = correct_three(db_path)
    invoke("ingest", str(corpus), "--db", str(db_path), "--topic", "harbour repairs")
    db = sqlite_utils.Database(db_path)
    assert {row["topic"] for row in db["quotes"].rows} == {"harbour repairs"}
    now_first = by_text(db_path, first["text"])
    assert now_first["speaker"] == "Marco Rubio"
    assert by_text(db_path, second["text"])["stance"] == second["stance"]
    assert not quotes(db_path, "quotes.text = ?", [third["text"]])


def test_not_a_quote_can_be_restored(demo):
    _, db_path = demo
    _, _, third = correct_three(db_path)
    invoke("correct", third["id"], "--db", str(db_path), "--restore")
    assert by_text(db_path, third["text"])["id"] == third["id"]
    assert not sqlite_utils.Database(db_path)["not_quotes"].count


SAID = "“We will {} the pier before winter,” {} said.\n\n"


def test_speaker_merges_and_not_a_speaker_hold_for_future_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        "Pier news\n\n"
        + SAID.format("rebuild", "Mayor Ann Lee")
        + SAID.format("paint", "Maracaibo")
        + SAID.format("open", "Ann Lee-Smith"),
        encoding="utf-8",
    )
    db_path = tmp_path / "quotes.db"
    ingest(corpus, db_path)
    db = load.open_db(str(db_path))
    ids = {row["name"]: row["id"] for row in db["speakers"].rows}
    with load.write_transaction(db):
        corrections.correct_speaker(db, ids["Ann Lee"], "merge", "Ann Lee-Smith", "ann")
        corrections.correct_speaker(db, ids["Maracaibo"], "not_a_speaker", "1", "ann")
    (corpus / "two.txt").write_text(
        "More pier news\n\n" + SAID.format("fix", "Ann Lee") + SAID.format("sell", "Maracaibo"),
        encoding="utf-8",
    )
    ingest(corpus, db_path)
    said = {row["text"]: row["speaker"] for row in quotes(db_path)}
    assert said == {
        "“We will rebuild the pier before winter,”": "Ann Lee-Smith",
        "“We will open the pier before winter,”": "Ann Lee-Smith",
        "“We will paint the pier before winter,”": None,
        "“We will fix the pier before winter,”": "Ann Lee-Smith",
        "“We will sell the pier before winter,”": None,
    }
    names = {row["name"] for row in sqlite_utils.Database(db_path)["speakers"].rows}
    assert names == {"Ann Lee-Smith"}
    found = sqlite_utils.Database(db_path).execute(
        "select name from speakers_fts where speakers_fts match 'Lee'"
    )
    assert [row[0] for row in found] == ["Ann Lee-Smith"]


def test_corrections_move_between_databases(demo, tmp_path):
    corpus, db_path = demo
    first, second, third = correct_three(db_path)
    exported = tmp_path / "reviewed.jsonl"
    invoke("corrections", "export", "--db", str(db_path), "-o", str(exported))
    record = json.loads(exported.read_text(encoding="utf-8").splitlines()[0])
    assert {"article_id", "words", "spans", "field", "before", "after"} <= record.keys()
    other = tmp_path / "other.db"
    ingest(corpus, other)
    invoke("corrections", "import", str(exported), "--db", str(other))
    assert_corrected(other, first, second, third)
    before = dump(other)
    invoke("corrections", "import", str(exported), "--db", str(other))
    assert dump(other) == before
    broken = tmp_path / "broken.jsonl"
    broken.write_text(exported.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["corrections", "import", str(broken), "--db", str(other)])
    assert result.exit_code == 1
    assert f"{broken}:5: not a correction" in result.output


def test_schema_changes_are_recorded_migrations_applied_once(tmp_path):
    db_path = tmp_path / "old.db"
    old = sqlite_utils.Database(db_path)
    old["articles"].create({"id": str, "text": str}, pk="id")
    earlier = {name: kind for name, kind in schema.QUOTES.items() if name != "statement_id"}
    old["quotes"].create(earlier, pk="id")
    db = load.open_db(str(db_path))
    assert {"verified", "machine_values", "statement_id"} <= db["quotes"].columns_dict.keys()
    assert "fingerprint" in db["articles"].columns_dict
    assert db["not_quotes"].exists() and db["corrections"].exists()
    applied = [migration.name for migration in schema.MIGRATIONS.applied(db)]
    load.open_db(str(db_path))
    assert [migration.name for migration in schema.MIGRATIONS.applied(db)] == applied
    assert applied == [
        "columns_of_earlier_versions",
        "article_hosts",
        "quote_date_source_and_act",
        "corrections",
    ]


# -- the web endpoint --------------------------------------------------------


def datasette(db_path, **plugins) -> Datasette:
    metadata = json.loads(metadata_path().read_text(encoding="utf-8"))
    metadata["plugins"] = {**metadata.get("plugins", {}), **plugins}
    return Datasette([str(db_path)], metadata=metadata)


def signed_in(ds: Datasette, actor_id: str) -> dict[str, str]:
    """The cookie Datasette's sign-in (--root link, datasette-auth-passwords) sets."""
    return {"ds_actor": ds.sign({"a": {"id": actor_id}}, "actor")}


async def form_post(ds: Datasette, cookies: dict, data: dict, with_token: bool = True):
    """Post a correction form as a browser does, with the CSRF token of the quote's page
    (the editor's form field; anyone's cookie) unless ``with_token`` is false."""
    page = await ds.client.get(f"/quotes/quotes/{data['quote']}", cookies=cookies)
    token = page.cookies.get("ds_csrftoken")
    assert token
    form = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    if with_token:
        data = {**data, "csrftoken": form.group(1) if form else token}
    return await ds.client.post(
        "/-/corrections", data=data, cookies={**cookies, "ds_csrftoken": token}
    )


def test_writing_needs_the_permission_and_a_csrf_token(demo):
    _, db_path = demo
    target = quotes(db_path)[0]
    change = {"quote": target["id"], "field": "stance", "value": "oppose", "note": "checked"}
    if target["stance"] == "oppose":
        change["value"] = "support"
    ds = datasette(
        db_path,
        **{"datasette-auth-tokens": {"tokens": [{"token": "s3cret", "actor": {"id": "bot"}}]}},
        **{"quotedb-corrections": {"allow": {"id": ["root", "bot"]}}},
    )
    unchanged = dump(db_path)

    async def attempts():
        anonymous = [
            await ds.client.post("/-/corrections", data=change),
            await ds.client.post("/-/corrections", json=change),
            await ds.client.post(
                "/-/corrections", json=change, headers={"authorization": "Bearer wrong"}
            ),
        ]
        reader = await form_post(ds, signed_in(ds, "reader"), change)
        no_csrf = await form_post(ds, signed_in(ds, "root"), change, with_token=False)
        return anonymous, reader, no_csrf

    anonymous, reader, no_csrf = asyncio.run(attempts())
    assert [response.status_code for response in anonymous] == [403, 403, 403]
    assert reader.status_code == 403
    assert "needs the quotedb-correct permission" in reader.text
    assert no_csrf.status_code == 403 and "did not match" in no_csrf.text
    assert dump(db_path) == unchanged

    async def permitted():
        script = await ds.client.post(
            "/-/corrections", json=change, headers={"authorization": "Bearer s3cret"}
        )
        form = await form_post(
            ds, signed_in(ds, "root"), {**change, "field": "verified", "value": "1"}
        )
        return script, form

    script, form = asyncio.run(permitted())
    assert script.status_code == 200 and script.json()["ok"]
    assert form.status_code == 303
    assert form.headers["location"] == f"/quotes/quotes/{target['id']}"
    now = by_text(db_path, target["text"])
    assert now["stance"] == change["value"] and now["verified"] == 1
    audit = list(sqlite_utils.Database(db_path)["corrections"].rows)
    assert [(row["actor"], row["field"], row["after"], row["note"]) for row in audit] == [
        ("bot", "stance", change["value"], "checked"),
        ("root", "verified", "1", "checked"),
    ]


def test_bad_corrections_are_refused_with_the_reason(demo):
    _, db_path = demo
    ds = datasette(
        db_path, **{"datasette-auth-tokens": {"tokens": [{"token": "t", "actor": {"id": "root"}}]}}
    )
    unchanged = dump(db_path)
    bearer = {"authorization": "Bearer t"}

    async def post(body: dict):
        return await ds.client.post("/-/corrections", json=body, headers=bearer)

    async def attempts():
        quote_id = quotes(db_path)[0]["id"]
        return [
            await post({"quote": "nope", "field": "stance", "value": "oppose"}),
            await post({"quote": quote_id, "field": "stance", "value": "furious"}),
            await post({"quote": quote_id, "field": "colour", "value": "red"}),
        ]

    responses = asyncio.run(attempts())
    assert [response.status_code for response in responses] == [400, 400, 400]
    assert "no quote 'nope'" in responses[0].json()["error"]
    assert "stance must be one of" in responses[1].json()["error"]
    assert dump(db_path) == unchanged


def test_a_correction_saved_while_an_ingest_runs_loses_neither(tmp_path, write_corpus):
    corpus = write_corpus(tmp_path / "corpus", 60)
    db_path = str(tmp_path / "quotes.db")
    topic = Topic.from_file(demo_topic())
    run_ingest([str(corpus)], db_path, topic=topic, workers=1)
    db = load.open_db(db_path)
    # In the last article: stored again after the correction, which it must not undo.
    (target,) = db.query("select id, text from quotes order by article_id desc, start limit 1")
    finished = {}

    def reingest() -> None:
        finished["summary"] = run_ingest([str(corpus)], db_path, topic=topic, workers=1, force=True)

    ingesting = threading.Thread(target=reingest)
    ingesting.start()
    while not finished and search_state.read(db).get("pending") != "1":
        time.sleep(0.01)  # until the ingest has begun to store
    with load.write_transaction(db):
        applied = corrections.correct_quote(db, target["id"], "speaker", "Harbour Master", "ann")
    corrections.refresh_index(db_path, applied.articles)
    ingesting.join()
    assert "summary" in finished
    assert finished["summary"].quotes == 360
    assert db["quotes"].count == 360
    (now,) = db.query(
        "select speakers.name from quotes join speakers on speakers.id = quotes.speaker_id"
        " where quotes.text = ?",
        [target["text"]],
    )
    assert now["name"] == "Harbour Master"
    assert QuoteIndex(db_path).search('speaker:"Harbour Master"').total == 1


def test_a_span_and_a_speaker_merge_through_the_endpoint_survive_reingest(demo):
    corpus, db_path = demo
    target = quotes(db_path, "quotes.article_id = ?", [FIRST])[0]
    start, end = json.loads(target["spans"])[0]
    db = sqlite_utils.Database(db_path)
    ids = {row["name"]: row["id"] for row in db["speakers"].rows}
    critics = quotes(db_path, "speakers.name = 'critics'")
    experts = quotes(db_path, "speakers.name = 'experts'")
    ds = datasette(
        db_path, **{"datasette-auth-tokens": {"tokens": [{"token": "t", "actor": {"id": "root"}}]}}
    )
    bearer = {"authorization": "Bearer t"}
    span = json.dumps([[start + 4, end]])

    async def corrections_and_page():
        responses = [
            await ds.client.post(
                "/-/corrections",
                json={"quote": target["id"], "field": "span", "value": span},
                headers=bearer,
            ),
            await ds.client.post(
                "/-/corrections",
                json={"speaker": ids["critics"], "field": "merge", "value": "Experts"},
                headers=bearer,
            ),
        ]
        page = await ds.client.get(f"/quotes/speakers/{ids['experts']}")
        return responses, page.text

    responses, speaker_page = asyncio.run(corrections_and_page())
    assert [response.status_code for response in responses] == [200, 200]
    assert "root: merge critics → experts" in speaker_page
    for _ in range(2):
        now = quotes(db_path, "quotes.article_id = ?", [FIRST])[0]
        assert now["text"] == target["text"][4:] and now["start"] == start + 4
        assert json.loads(now["machine_values"])["span"] == target["spans"]
        said = {row["text"]: row["speaker"] for row in quotes(db_path)}
        assert {said[row["text"]] for row in critics + experts} == {"experts"}
        aliases = sqlite_utils.Database(db_path).execute(
            "select aliases from speakers where name = 'experts'"
        )
        assert "critics" in json.loads(aliases.fetchone()[0])
        ingest(corpus, db_path, "--force")


def test_stances_people_set_teach_the_stance_model(demo, tmp_path):
    _, db_path = demo
    _, second, _ = correct_three(db_path)
    exported = tmp_path / "reviewed.jsonl"
    exported.write_text(invoke("corrections", "export", "--db", str(db_path)), "utf-8")
    (taught,) = corrected(exported)
    assert taught["text"] == second["text"] and taught["stance"] == second["stance"]
    assert taught["speaker"] == second["speaker"] and taught["target"] == second["topic"]
    data = tmp_path / "data"
    data.mkdir()
    sentences = [
        ("Mara hailed Olek's courage.", "support"),
        ("Mara praised Olek's plan.", "support"),
        ("Mara slammed Olek's plan.", "oppose"),
        ("Mara attacked Olek's record.", "oppose"),
        ("Mara met Olek on Tuesday.", "neutral"),
        ("Mara and Olek spoke in Lima.", "neutral"),
    ] * 2
    (data / "train.jsonl").write_text(
        "".join(
            json.dumps({"id": n, "text": t, "speaker": "Mara", "target": "Olek", "stance": s})
            + "\n"
            for n, (t, s) in enumerate(sentences)
        ),
        "utf-8",
    )
    result = CliRunner().invoke(
        cli,
        ["train", "stance", "--data", str(data), "--out", str(tmp_path / "model")]
        + ["--corrections", str(exported)],
    )
    assert result.exit_code == 0, result.output
    assert "1 stance corrections added" in result.output
    assert json.loads(result.stdout)["train_sentences"] == len(sentences) + 1
