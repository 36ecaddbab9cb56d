"""A person in a real browser: search the demo with a typo, follow the suggestion,
narrow by a facet, download the CSV; and no quote text ever runs as a script.

Headless Chromium (Debian's ``/usr/bin/chromium``, installed by ``.ci/run``) is
driven by Playwright without Playwright's own browser download. The server is
``quotedb serve`` on a free 127.0.0.1 port, stopped when the module ends.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotedb.cli import cli, demo_corpus, demo_topic

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
