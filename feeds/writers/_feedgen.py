"""What the Atom and RSS writers share: a FeedGenerator set up with every field explicit.

feedgen 1.0.0 stamps the feed's and each entry's `updated` (and RSS lastBuildDate) with the
current time, prepends entries, and drops the rel and type of entry links in Atom. So every
date is set here from the model, entries are appended in the model's order, and a small
feedgen extension repairs what the Atom serializer loses.
"""

from __future__ import annotations

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator

from feeds.model import Entry, Feed

ATOM_NS = "{http://www.w3.org/2005/Atom}"


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


class _AtomFeedFixes(BaseExtension):
    def extend_atom(self, feed):
        return _declare_text_and_utc(feed)


class _AtomEntryFixes(BaseEntryExtension):
    def extend_atom(self, entry):
        for link in entry.findall("link"):  # feedgen drops an entry link's rel and type
            link.set("rel", "alternate")
            link.set("type", "text/html")
        return _declare_text_and_utc(entry)


def generator(feed: Feed) -> FeedGenerator:
    """A FeedGenerator with the channel-level fields both formats share (no links: the order
    of links differs between Atom and RSS)."""
    fg = FeedGenerator()
    fg.register_extension("atomfixes", _AtomFeedFixes, _AtomEntryFixes, atom=True, rss=False)
    fg.id(feed.id)
    fg.title(feed.title)
    fg.subtitle(feed.subtitle)
    fg.language(feed.language)
    fg.updated(feed.updated)
    fg.lastBuildDate(feed.updated)
    fg.generator(feed.generator, version=feed.generator_version, uri=feed.generator_uri)
    return fg


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
