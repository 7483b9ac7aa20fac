"""RSS 2.0 through feedgen, with content:encoded for the body and dc:creator for authors."""

from __future__ import annotations

import html

from feeds.model import Feed
from feeds.writers._feedgen import add_entry, generator, with_stylesheet


def render(feed: Feed) -> bytes:
    fg = generator(feed)
    fg.load_extension("dc", atom=False, rss=True)
    fg.description(feed.subtitle)
    # feedgen writes only the self link as atom:link and makes the channel <link> the last link
    # added, whatever its rel: so self first, then the site. Hub and archive links are added by
    # the shared feedgen extension.
    fg.link(href=feed.urls["rss"], rel="self", type="application/rss+xml")
    fg.link(href=feed.site_url, rel="alternate", type="text/html")
    if feed.author.email:
        fg.managingEditor(f"{feed.author.email} ({feed.author.name})")
    for entry in feed.entries:
        fe = add_entry(fg, entry)
        fe.guid(entry.id, permalink=False)
        if entry.content_html is not None:
            fe.content(entry.content_html)
        if entry.summary:
            fe.description(html.escape(entry.summary, quote=False))
        fe.dc.dc_creator(entry.author.name)
    return with_stylesheet(fg.rss_str(pretty=True, encoding="UTF-8"), feed.stylesheet)
