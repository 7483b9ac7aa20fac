"""What the Atom and RSS writers share: a FeedGenerator set up with every field explicit.

feedgen 1.0.0 stamps the feed's and each entry's `updated` (and RSS lastBuildDate) with the
current time, prepends entries, drops the rel and type of entry links in Atom and writes no RSS
link but the self link. So every date is set here from the model, entries are appended in the
model's order, and a feedgen extension (the library's own hook into the XML it builds) adds and
repairs what the serializers lose.
"""

from __future__ import annotations

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from feeds.model import Entry, Feed

ATOM_NS = "http://www.w3.org/2005/Atom"
HISTORY_NS = "http://purl.org/syndication/history/1.0"  # RFC 5005


def _declare_text_and_utc(element):
    """Declare type="text" on titles and subtitles, so no reader takes them for markup, and
    write UTC instants with `Z` (feedgen writes `+00:00`; `Z` is what every reader knows)."""
    for name in ("title", "subtitle"):
        for child in element.findall(name):
            child.set("type", "text")
    for name in ("updated", "published"):
        for child in element.findall(name):
            child.text = child.text.removesuffix("+00:00") + "Z"
    return element


class _FeedExtension(BaseExtension):
    """Feed level: RFC 5005 fh:archive, and in RSS the hub and archive links as atom:link."""

    feed: Feed | None = None

    def extend_ns(self):
        return {"fh": HISTORY_NS} if self.feed and self.feed.archive else {}

    def extend_atom(self, feed):
        self._mark_archive(feed)
        return _declare_text_and_utc(feed)

    def extend_rss(self, rss):
        channel = rss.find("channel")
        for rel, href in extra_links(self.feed, "rss"):
            etree.SubElement(channel, f"{{{ATOM_NS}}}link", href=href, rel=rel)
        self._mark_archive(channel)
        return rss

    def _mark_archive(self, parent):
        if self.feed.archive:
            etree.SubElement(parent, f"{{{HISTORY_NS}}}archive")


class _EntryExtension(BaseEntryExtension):
    def extend_atom(self, entry):
        for link in entry.findall("link"):  # feedgen drops an entry link's rel and type
            link.set("rel", "alternate")
            link.set("type", "text/html")
        return _declare_text_and_utc(entry)


def extra_links(feed: Feed, fmt: str) -> list[tuple[str, str]]:
    """(rel, href) of the WebSub hub and the RFC 5005 links of `feed` in format `fmt`."""
    links = [("hub", feed.hub)] if feed.hub else []
    for rel, urls in (
        ("prev-archive", feed.links.prev_archive),
        ("next-archive", feed.links.next_archive),
        ("current", feed.links.current),
    ):
        if urls:
            links.append((rel, urls[fmt]))
    return links


def generator(feed: Feed) -> FeedGenerator:
    """A FeedGenerator with the channel-level fields both formats share (no links: the order
    of links differs between Atom and RSS)."""
    fg = FeedGenerator()
    fg.register_extension("feeds", _FeedExtension, _EntryExtension)
    fg.feeds.feed = feed
    fg.id(feed.id)
    fg.title(feed.title)
    fg.subtitle(feed.subtitle)
    fg.language(feed.language)
    fg.updated(feed.updated)
    fg.lastBuildDate(feed.updated)
    fg.generator(feed.generator, version=feed.generator_version, uri=feed.generator_uri)
    return fg


def with_stylesheet(xml: bytes, href: str | None) -> bytes:
    """Insert an xml-stylesheet processing instruction after the XML declaration, so that a
    browser opening the feed shows a readable page. The href is relative on purpose: the
    stylesheet must come from the feed's own origin (browsers refuse cross-origin XSLT), which
    also keeps `feeds serve` previews working."""
    if href is None:
        return xml
    declaration, rest = xml.split(b"\n", 1)
    return b'%s\n<?xml-stylesheet type="text/xsl" href="%s"?>\n%s' % (
        declaration,
        href.encode("ascii"),
        rest,
    )


def add_entry(fg: FeedGenerator, entry: Entry) -> FeedEntry:
    """Append an entry with the fields both formats share (in the model's order, newest first)."""
    fe = fg.add_entry(order="append")
    fe.id(entry.id)
    fe.title(entry.title)
    fe.link(href=entry.link, rel="alternate", type="text/html")
    fe.published(entry.published)
    fe.updated(entry.updated)
    for tag in entry.tags:
        fe.category(term=tag)
    return fe
