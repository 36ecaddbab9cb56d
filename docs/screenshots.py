"""Regenerate the README's screenshots of the demo, so they show what the code serves today.

    python docs/screenshots.py            # docs/search.png, docs/speaker.png, docs/article.png
    python docs/screenshots.py --out /tmp/shots /quotes/quotes "/-/search?q=strikes"

Builds the demo database (``quotedb demo --no-serve``), serves it with ``quotedb
serve`` on a free local port, and photographs each page's first screen at
1400x900 in headless Chromium (Debian's ``/usr/bin/chromium``, driven by
Playwright without its browser download). Paths given on the command line are
photographed instead of the README's three, each named after its path.
"""

from __future__ import annotations

import argparse
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1400, "height": 900}
HERE = Path(__file__).parent


def readme_pages(db_path: Path) -> dict[str, str]:
    """The README's pictures: a search, the most quoted named person, the first article."""
    with sqlite3.connect(db_path) as db:
        (speaker,) = db.execute(
            "select speaker_id from quotes join speakers on speakers.id = speaker_id"
            " where kind = 'person' group by speaker_id order by count(*) desc limit 1"
        ).fetchone()
        (article,) = db.execute("select id from articles order by id limit 1").fetchone()
    return {
        "search": "/-/search?q=strikes+stance:oppose",
        "speaker": f"/quotes/speakers/{speaker}",
        "article": f"/quotes/articles/{article}",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(db_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "quotedb", "serve", "--db", str(db_path)]
    server = subprocess.Popen([*command, "--port", str(port)], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=5).close()
            return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("error: quotedb serve did not start within 30 s")


def photograph(url: str, pages: dict[str, str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        # Drawn at three quarters of the pixels: the README shows them smaller anyway.
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=0.75)
        for name, path in pages.items():
            page.goto(url + path)
            page.screenshot(path=str(out / f"{name}.png"))
            print(out / f"{name}.png")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to photograph instead of the README's")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNG files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "quotes.db"
        subprocess.run(
            [sys.executable, "-m", "quotedb", "demo", "--db", str(db_path), "--no-serve"],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        pages = {re.sub(r"\W+", "-", path).strip("-"): path for path in args.paths}
        server, url = serve(db_path)
        try:
            photograph(url, pages or readme_pages(db_path), args.out)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
