"""Atom 1.0 (RFC 4287) through feedgen."""

from __future__ import annotations

from feeds.model import Feed
from feeds.writers._feedgen import add_entry, generator


def render(feed: Feed) -> bytes:
    fg = generator(feed)
    # The alternate link goes first: some readers take the first <link> whatever its rel.
    fg.link(href=feed.site_url, rel="alternate", type="text/html")
    fg.link(href=feed.urls["atom"], rel="self", type="application/atom+xml")
    fg.author(_person(feed.author))
    for entry in feed.entries:
        fe = add_entry(fg, entry)
        fe.author(_person(entry.author))
        fe.summary(entry.summary, type="text")
        fe.content(entry.content_html, type="html")
    return fg.atom_str(pretty=True, encoding="UTF-8")


def _person(person) -> dict[str, str]:
    return {"name": person.name, **({"email": person.email} if person.email else {})}
