"""Atom 1.0 (RFC 4287) through feedgen."""

from __future__ import annotations

from feeds.config import Person
from feeds.model import Feed
from feeds.writers._feedgen import add_entry, extra_links, generator, with_stylesheet


def render(feed: Feed) -> bytes:
    fg = generator(feed)
    # The alternate link goes first: some readers take the first <link> whatever its rel.
    fg.link(href=feed.site_url, rel="alternate", type="text/html")
    fg.link(href=feed.urls["atom"], rel="self", type="application/atom+xml")
    for rel, href in extra_links(feed, "atom"):
        fg.link(href=href, rel=rel)
    fg.author(_person(feed.author))
    for entry in feed.entries:
        fe = add_entry(fg, entry)
        fe.author(_person(entry.author))
        if entry.summary:
            fe.summary(entry.summary, type="text")
        if entry.content_html is not None:
            fe.content(entry.content_html, type="html")
    return with_stylesheet(fg.atom_str(pretty=True, encoding="UTF-8"), feed.stylesheet)


def _person(person: Person) -> dict[str, str]:
    return {"name": person.name, **({"email": person.email} if person.email else {})}
