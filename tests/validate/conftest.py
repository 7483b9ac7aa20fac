"""Fixtures for the RSS, RSS 1.0 and extension tests: small valid documents with a hole in
the right place, so each test states only what it changes, and `codes` to validate them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from feeds.validate import Severity, validate_bytes

ATOM = 'xmlns:atom="http://www.w3.org/2005/Atom"'
SELF = '<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>'
ITEM = """<item><title>First post</title><link>https://example.org/1</link>
<description>Hello &lt;b&gt;world&lt;/b&gt;</description>
<guid>https://example.org/1</guid><pubDate>Sat, 07 Sep 2002 00:00:01 GMT</pubDate></item>"""


def rss(channel: str = "", item: str = ITEM, *, version: str = "2.0", ns: str = "",
        head: str = "") -> str:
    """An RSS 2.0 feed: `channel` goes after the required elements, `item` at the end."""
    return f"""{head}<rss version="{version}" {ATOM} {ns}><channel>
<title>Example</title><link>https://example.org/</link><description>News</description>
<language>en</language>{SELF}{channel}{item}</channel></rss>"""


RSS10 = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" {ns}>
<channel rdf:about="https://example.org/rss.rdf"><title>Example</title>
<link>https://example.org/</link><description>News</description>
<items><rdf:Seq><rdf:li rdf:resource="https://example.org/1"/></rdf:Seq></items>{channel}
</channel>{item}</rdf:RDF>"""
RSS10_ITEM = """<item rdf:about="https://example.org/1"><title>First</title>
<link>https://example.org/1</link>{extra}</item>"""


def rss10(channel: str = "", extra: str = "", *, ns: str = "", item: str | None = None) -> str:
    """An RSS 1.0 feed with one item; `extra` goes inside the item."""
    body = RSS10_ITEM.format(extra=extra) if item is None else item
    return RSS10.format(ns=ns, channel=channel, item=body)


def _codes(document: str, *, url: str | None = None) -> list[str]:
    """The codes of the errors and warnings validating `document` produces, in order
    (information messages, such as an undated item, are left out)."""
    messages = validate_bytes(document.encode(), "test.xml", url=url).messages
    return [m.code for m in messages if m.severity is not Severity.INFO]


@pytest.fixture
def codes():
    return _codes


@pytest.fixture
def feed():
    """The sample builders: feed.rss(...), feed.rss10(...), and feed.ITEM."""
    return SimpleNamespace(rss=rss, rss10=rss10, ITEM=ITEM)
