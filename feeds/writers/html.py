"""The site's HTML: an index page listing the entries and one page per article.

Plain HTML5 with escaped text, landmarks and a lang attribute; no scripts, no external assets,
so the pages read well on a phone and in any browser.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from feeds.config import Settings
from feeds.model import Entry, document_urls

_MEDIA_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}
_FORMAT_NAMES = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;"
    "line-height:1.5;color:#222}a{color:#0645ad}time,.meta{color:#555;font-size:.9rem}"
    "li{margin-bottom:1rem}"
)


def render_index(settings: Settings, entries: list[Entry]) -> bytes:
    """The home page: every entry, newest first, with autodiscovery links for every feed."""
    items = "\n".join(
        f'<li><a href="{escape(e.page)}">{escape(e.title)}</a><br>'
        f"{_time(e.published)}" + (f"<p>{escape(e.summary)}</p>" if e.summary else "") + "</li>"
        for e in sorted(entries, key=lambda e: (e.published, e.stem), reverse=True)
    )
    subscribe = " · ".join(
        f'<a href="{escape(url)}">{escape(title)}</a>' for title, _, url in _feed_links(settings)
    )
    body = (
        f"<header><h1>{escape(settings.title)}</h1><p>{escape(settings.description)}</p></header>\n"
        f'<main><ul class="entries">\n{items}\n</ul></main>\n'
        f"<footer><p>Subscribe: {subscribe}</p></footer>"
    )
    return _page(settings, settings.title, body, settings.base_url)


def render_article(settings: Settings, entry: Entry) -> bytes:
    """One article: its title, date, author, tags and full body."""
    tags = ", ".join(escape(tag) for tag in entry.tags)
    meta = f"{_time(entry.published)} · {escape(entry.author.name)}" + (
        f" · {tags}" if tags else ""
    )
    body = (
        f'<header><p><a href="../index.html">{escape(settings.title)}</a></p></header>\n'
        f"<main><article><h1>{escape(entry.title)}</h1>\n"
        f'<p class="meta">{meta}</p>\n{entry.content_html}\n</article></main>'
    )
    return _page(settings, entry.title, body, entry.link)


def _feed_links(settings: Settings) -> list[tuple[str, str, str]]:
    """(title, media type, URL) of every current feed in every format, for autodiscovery."""
    return [
        (f"{spec.title} ({_FORMAT_NAMES[fmt]})", _MEDIA_TYPES[fmt], url)
        for spec in settings.feeds
        for fmt, url in document_urls(settings, spec.name, None).items()
    ]


def _page(settings: Settings, title: str, body: str, canonical: str) -> bytes:
    alternates = "\n".join(
        f'<link rel="alternate" type="{media}" title="{escape(label)}" href="{escape(url)}">'
        for label, media, url in _feed_links(settings)
    )
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(settings.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="canonical" href="{escape(canonical)}">\n{alternates}\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def _time(moment: datetime) -> str:
    """The date spelled out without strftime's %B, which follows the process locale."""
    label = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f'<time datetime="{moment.isoformat()}">{label}</time>'
