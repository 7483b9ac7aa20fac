"""The site in a real browser: headless Chromium loads the home page, an article and the styled
feeds from `feeds serve` on 127.0.0.1, at a phone's screen size. The screenshot proves a page
rendered; the DOM Chromium built proves what it shows. Skipped when no Chromium is installed
(Debian: apt-get install chromium)."""

from __future__ import annotations

import functools
import select
import shutil
import signal
import struct
import subprocess
import sys
import threading
from pathlib import Path

import lxml.html
import pytest

from feeds.cli import main
from feeds.serve import PreviewServer

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary: apt-get install chromium"
)
PHONE = (412, 915)  # CSS pixels of a common phone screen
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    f"--window-size={PHONE[0]},{PHONE[1]}",
]
CONFIG = """\
title = "Harbour News"
description = "News from the harbour town"
base_url = "https://news.example.org/"
author = { name = "Ann Editor" }
"""
SEEDS = {
    "001_bridge": "date 2016-09-19 Council closes the old bridge\n\n"
    "The council voted to close the old bridge. Engineers said it was unsafe.\n",
    "002_storm": "date 2016-09-20 Storm warning for the coast\n\n"
    "Forecasters expect gales on Thursday. Ferries will stay in port.\n",
}
TITLES = ["Storm warning for the coast", "Council closes the old bridge"]  # newest first


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The URL of `feeds serve` serving a freshly built two-article site."""
    root = tmp_path_factory.mktemp("browser-site")
    (root / "feeds.toml").write_text(CONFIG, encoding="utf-8")
    (root / "seeds").mkdir()
    for stem, text in SEEDS.items():
        (root / "seeds" / f"{stem}.txt").write_text(text, encoding="utf-8")
    assert main(["build", "--config", str(root / "feeds.toml")]) == 0
    server = subprocess.Popen(
        [sys.executable, "-m", "feeds", "serve", "--port", "0", "--config", "feeds.toml"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert select.select([server.stdout], [], [], 10)[0], "feeds serve printed nothing"
        yield server.stdout.readline().rsplit(" ", 1)[1].strip()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=5)


def chromium(url: str, folder: Path, name: str) -> tuple[str, bytes]:
    """Load `url` in Chromium with a new profile: the DOM it built and its screenshot (PNG)."""
    screenshot = folder / f"{name}.png"
    result = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={folder / f'profile-{name}'}",
            f"--screenshot={screenshot}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, screenshot.read_bytes()


def browse(url: str, folder: Path, name: str):
    """The page at `url` as Chromium renders it on a phone: the screenshot (kept as
    folder/name.png) must be a real rendering; returns the DOM, parsed."""
    dom, image = chromium(url, folder, name)
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", image[16:24]) == PHONE
    assert len(image) > 5000, "a blank screenshot"
    return lxml.html.fromstring(dom)


def texts(dom, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in dom.xpath(xpath)]


def test_home_page_shows_the_entries(site_url, tmp_path):
    dom = browse(site_url, tmp_path, "index")
    assert texts(dom, "//main//li/a") == TITLES
    assert texts(dom, "//header/h1") == ["Harbour News"]


def test_article_page_shows_the_article(site_url, tmp_path):
    dom = browse(site_url + "articles/001_bridge.html", tmp_path, "article")
    assert texts(dom, "//main//h1") == [TITLES[1]]
    assert "Engineers said it was unsafe." in dom.xpath("string(//main)")


@pytest.mark.parametrize("feed", ["feed.atom.xml", "feed.rss.xml"])
def test_styled_feed_shows_a_page_of_entries(site_url, tmp_path, feed):
    dom = browse(site_url + feed, tmp_path, feed.replace(".", "-"))
    if texts(dom, "//main//h2/a") != TITLES and not runs_xslt(tmp_path):
        pytest.skip("this Chromium no longer runs XSLT (browsers are removing it)")
    assert texts(dom, "//main//h2/a") == TITLES
    assert "This is a web feed" in dom.xpath("string(//header)")


def runs_xslt(folder: Path) -> bool:
    """Whether this Chromium still applies an xml-stylesheet at all: a minimal XML document
    and stylesheet, served the same way, tell a browser without XSLT from a broken style.xsl."""
    probe = folder / "probe"
    probe.mkdir()
    (probe / "probe.xml").write_text(
        '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="probe.xsl"?><probe/>',
        encoding="utf-8",
    )
    (probe / "probe.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><html><body><main>XSLT ran</main></body></html></xsl:template>'
        "</xsl:stylesheet>",
        encoding="utf-8",
    )
    server = PreviewServer(probe, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dom, _ = chromium(server.url + "probe.xml", folder, "probe")
    finally:
        server.shutdown()
        server.server_close()
    return "<main>XSLT ran</main>" in dom
