"""A person in a real browser: search the demo with a typo, follow the suggestion,
narrow by a facet, download the CSV; a newcomer's four tasks from the home page,
each in a search and a few clicks; and no quote text ever runs as a script.

Headless Chromium (Debian's ``/usr/bin/chromium``, installed by ``.ci/run``) is
driven by Playwright without Playwright's own browser download. The server is
``quotedb serve`` on a free 127.0.0.1 port, stopped when the module ends.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotedb.cli import cli
from quotedb.cli.serve import demo_corpus, demo_topic

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "browser tests need Debian's chromium at /usr/bin/chromium "
        "(apt-get install -y chromium; .ci/run does this)",
        allow_module_level=True,
    )
playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    "Harbour council meets\n\n"
    "“Nothing <script>document.title='pwned'</script> will stop the "
    "<img src=x onerror=alert(1)> harbour plan,” said Mayor Ann Lee.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory, quotedb_server):
    """The demo articles plus one whose quote is HTML, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("browser")
    corpus = root / "corpus"
    shutil.copytree(demo_corpus(), corpus)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db_path = root / "news.db"  # not "quotes.db": pages must not depend on the name
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(db_path), "--topic-file", str(demo_topic())]
    )
    assert result.exit_code == 0, result.output
    with quotedb_server(db_path) as (url, _port):
        yield url


@pytest.fixture
def page(tmp_path):
    with playwright.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            accept_downloads=True,
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        yield page
        context.close()


def test_typo_suggestion_facet_and_csv_download(server, page):
    page.goto(server + "/-/search")
    page.fill("input[name=q]", "Trmp")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".quotedb-suggestion")
    assert "0 quotes match" in page.inner_text(".quotedb-count")

    page.click(".quotedb-suggestion a")
    page.wait_for_selector(".quotedb-hit")
    assert page.input_value("input[name=q]") == "Trump"
    everyone = int(page.inner_text(".quotedb-count").split()[0])

    facet = page.locator(".quotedb-facet[data-facet=speaker] a").first
    speaker = facet.inner_text()
    count = int(facet.locator("xpath=..").inner_text().rsplit(" ", 1)[1])
    facet.click()
    page.wait_for_url("**speaker=*")
    assert int(page.inner_text(".quotedb-count").split()[0]) == count <= everyone
    assert page.locator(".quotedb-hit").count() == min(count, 20)

    with page.expect_download() as download:
        page.click("a.quotedb-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == count
    assert {row["speaker"] for row in rows} == {speaker}
    assert all(row["article_title"] and row["text"] for row in rows)


def test_quote_html_is_shown_as_text_and_never_runs(server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/-/search?q=harbour")
    hit = page.inner_text(".quotedb-hit")
    assert "Nothing <script>document.title='pwned'</script> will stop the" in hit
    assert "<img src=x onerror=alert(1)>" in hit
    page.click(".quotedb-hit a:text('quote')")
    page.wait_for_selector(".quotedb-context mark")
    assert "onerror=alert(1)" in page.inner_text(".quotedb-context mark")
    page.goto(server + "/-/charts")
    page.wait_for_selector("svg.quotedb-speakers")
    assert dialogs == []
    assert page.title() != "pwned"


def test_everything_a_speaker_said_exported_as_csv(server, page):
    page.goto(server)
    page.fill(".quotedb-start input[name=q]", "Gustavo Petro")
    page.press(".quotedb-start input[name=q]", "Enter")
    page.click(".quotedb-hit .quotedb-meta a:text-is('Gustavo Petro')")
    page.wait_for_selector("h1:text('Gustavo Petro')")
    said = int(page.inner_text(".quotedb-meta").split(" quote")[0].rsplit("·", 1)[1])
    assert said == page.locator(".quotedb-speaker-quotes li").count() > 0
    with page.expect_download() as download:
        page.click("a.quotedb-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert len(rows) == said
    assert {row["speaker"] for row in rows} == {"Gustavo Petro"}


def test_which_speakers_oppose_the_topic_most(server, page):
    page.goto(server)
    page.click(".quotedb-start a:text('Charts')")
    listed = page.locator(".quotedb-opposers li").all_inner_texts()
    assert "Gustavo Petro: 4 of 4 quotes oppose" in [line.split(" (")[0] for line in listed]
    opposing = [int(line.split(": ")[1].split()[0]) for line in listed]
    assert opposing == sorted(opposing, reverse=True)


def test_from_a_quote_to_its_place_in_the_article(server, page):
    page.goto(server)
    page.fill(".quotedb-start input[name=q]", "narcoterrorists")
    page.press(".quotedb-start input[name=q]", "Enter")
    page.click(".quotedb-hit a:text('quote')")
    said = page.inner_text(".quotedb-said")
    page.click("a.quotedb-in-article")
    page.wait_for_url("**/articles/**#quote-*")
    mark = page.locator("a.quotedb-mark:target")
    assert "narcoterrorists" in mark.inner_text() and mark.inner_text() in said
    assert mark.get_attribute("title").startswith("Donald Trump")
    assert mark.is_visible()


def test_a_speakers_quotes_over_time(server, page):
    page.goto(server)
    page.click(".quotedb-start a:text('speakers')")
    page.click("a:text-is('Donald Trump')")
    page.wait_for_selector("svg.quotedb-timeline")
    bars = page.locator("svg.quotedb-timeline rect title").all_text_contents()
    assert any(bar.startswith("Oct 2025: ") for bar in bars)
    dates = [
        line.split(" ", 1)[0]
        for line in page.locator(".quotedb-speaker-quotes li").all_inner_texts()
        if line[:2] == "20"
    ]
    assert dates and dates == sorted(dates, reverse=True)


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory, quotedb_server):
    """The demo served with the editor account signed in by a password (QUOTEDB_EDITOR_...)."""
    from datasette_auth_passwords.utils import hash_password

    db_path = tmp_path_factory.mktemp("editor") / "news.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(demo_corpus()), "--db", str(db_path), "--topic-file", str(demo_topic())]
    )
    assert result.exit_code == 0, result.output
    env = {"QUOTEDB_EDITOR_PASSWORD_HASH": hash_password("pier-17-winter")}
    with quotedb_server(db_path, env=env) as (url, _port):
        yield url, db_path


def speaker_counts(page, url: str) -> dict[str, int]:
    """The quotes table page's speaker facet: name -> count."""
    page.goto(url + "/news/quotes?_facet_size=max")
    items = page.locator(".facet-info[data-column=speaker_id] li").all_inner_texts()
    counted = [re.fullmatch(r"(.+) (\d+)", text.strip()) for text in items]
    return {match[1]: int(match[2]) for match in counted if match}


def test_editor_signs_in_fixes_a_speaker_and_sees_facets_and_history(editor_server, page):
    url, db_path = editor_server
    with sqlite3.connect(db_path) as conn:
        (quote_id,) = conn.execute(
            "select quotes.id from quotes join speakers on speakers.id = quotes.speaker_id"
            " where speakers.name = 'Donald Trump' order by quotes.id limit 1"
        ).fetchone()
    before = speaker_counts(page, url)
    assert page.locator(".facet-info[data-column=verified]").count() == 1
    page.goto(f"{url}/news/quotes/{quote_id}")
    assert page.locator(".quotedb-corrections form").count() == 0
    page.click(".quotedb-sign-in a")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pier-17-winter")
    page.click("input[type=submit]")
    page.wait_for_url(url + "/")

    page.goto(f"{url}/news/quotes/{quote_id}")
    form = page.locator(".quotedb-correct[data-field=speaker]")
    form.locator("input[name=value]").fill("rubi")
    page.wait_for_selector("#quotedb-speaker-names option[value='Marco Rubio']", state="attached")
    form.locator("input[name=value]").fill("Marco Rubio")
    form.locator("input[name=note]").fill("the article names Rubio")
    form.locator("button").click()
    page.wait_for_selector(".quotedb-corrected[data-field=speaker]")
    assert page.url == f"{url}/news/quotes/{quote_id}"
    assert "the extractor said: Donald Trump" in page.inner_text(".quotedb-marks")
    history = page.inner_text(".quotedb-history")
    assert "editor: speaker Donald Trump → Marco Rubio (the article names Rubio)" in history

    after = speaker_counts(page, url)
    assert after["Marco Rubio"] == before.get("Marco Rubio", 0) + 1
    assert after["Donald Trump"] == before["Donald Trump"] - 1
