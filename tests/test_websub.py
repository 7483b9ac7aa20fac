"""WebSub: hub links in every format, and --ping notifies a hub (on 127.0.0.1) of changed feeds."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import feedparser
import pytest


class Hub:
    """A WebSub hub on 127.0.0.1 that records publish notifications and answers `status`."""

    def __init__(self, status: int = 204, delay: float = 0.0):
        self.requests: list[dict[str, list[str]]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                hub.requests.append(parse_qs(self.rfile.read(length).decode()))
                time.sleep(delay)
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.block_on_close = False  # a slow handler must not hold up the test
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def published(self) -> list[str]:
        assert all(r["hub.mode"] == ["publish"] for r in self.requests)
        return sorted(url for r in self.requests for url in r["hub.url"])

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub():
    server = Hub()
    yield server
    server.close()


@pytest.fixture
def hubbed(site, article, hub):
    site.configure(f'hub = "{hub.url}"\n')
    site.seed("a", article())
    return site


CURRENT = [
    "https://example.org/news/feed.atom.xml",
    "https://example.org/news/feed.json",
    "https://example.org/news/feed.rss.xml",
]


def test_hub_link_in_every_format(hubbed, hub):
    assert hubbed.build() == 0
    for name in ("feed.atom.xml", "feed.rss.xml"):
        result = feedparser.parse((hubbed.public / name).read_bytes())
        assert {link.rel: link.href for link in result.feed.links}["hub"] == hub.url
    document = json.loads((hubbed.public / "feed.json").read_text(encoding="utf-8"))
    assert document["hubs"] == [{"type": "WebSub", "url": hub.url}]


def test_ping_notifies_the_hub_of_each_changed_feed(hubbed, hub):
    assert hubbed.build("--ping") == 0
    assert hub.published() == CURRENT


def test_no_ping_when_nothing_changed(hubbed, hub):
    assert hubbed.build() == 0
    assert hubbed.build("--ping") == 0
    assert hub.requests == []


def test_failing_hub_is_a_clear_error(site, article, capsys):
    broken = Hub(status=500)
    try:
        site.configure(f'hub = "{broken.url}"\n')
        site.seed("a", article())
        capsys.readouterr()
        assert site.build("--ping") == 1
    finally:
        broken.close()
    lines = capsys.readouterr().err.splitlines()
    assert f"{broken.url}: the hub answered HTTP 500 for {CURRENT[0]}" in lines
    assert (site.public / "feed.atom.xml").is_file()


def test_unreachable_hub_is_a_clear_error(site, article, capsys):
    gone = Hub()
    gone.close()
    site.configure(f'hub = "{gone.url}"\n')
    site.seed("a", article())
    capsys.readouterr()
    assert site.build("--ping") == 1
    assert f"{gone.url}: could not notify the hub of" in capsys.readouterr().err


def test_slow_hub_times_out(site, article, capsys, monkeypatch):
    slow = Hub(delay=2.0)
    monkeypatch.setattr("feeds.websub.TIMEOUT_SECONDS", 0.2)
    try:
        site.configure(f'hub = "{slow.url}"\n')
        site.seed("a", article())
        capsys.readouterr()
        started = time.monotonic()
        assert site.build("--ping") == 1
        assert time.monotonic() - started < 2.0
    finally:
        slow.close()
    assert "timed out" in capsys.readouterr().err


def test_ping_without_a_hub_is_a_usage_error(site, article, capsys):
    site.seed("a", article())
    assert site.build("--ping") == 2
    assert "--ping needs a hub" in capsys.readouterr().err
