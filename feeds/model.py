"""The feed model every writer renders: one Feed of Entries, with every value final.

Writers only format: ids, absolute URLs, UTC instants, summaries and the body's HTML are all
decided here, so Atom, RSS, JSON Feed and HTML can never disagree about an entry.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from feeds import __version__
from feeds.config import FeedSpec, Person, Settings
from feeds.dates import distinct_instants, to_utc
from feeds.seeds import Article

GENERATOR = "feeds"
GENERATOR_URI = "https://pypi.org/project/feeds/"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # an empty feed's `updated`: fixed, never the build time
FORMATS = {"atom": "atom.xml", "rss": "rss.xml", "json": "json"}


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    stem: str
    title: str
    link: str
    page: str  # the article page's path below the output folder
    published: datetime
    updated: datetime
    author: Person
    tags: tuple[str, ...]
    summary: str
    content_html: str


@dataclass(frozen=True, slots=True)
class Feed:
    name: str
    id: str
    title: str
    subtitle: str
    site_url: str
    urls: dict[str, str]  # format -> absolute URL of that rendering of this feed
    language: str
    author: Person
    updated: datetime
    entries: tuple[Entry, ...]
    generator: str = GENERATOR
    generator_uri: str = GENERATOR_URI
    generator_version: str = __version__


def make_entries(articles: list[Article], summaries: list[str], settings: Settings) -> list[Entry]:
    """Entries in the order given (seed-file order), their `updated` instants made distinct."""
    updated = distinct_instants(to_utc(a.updated or a.published) for a in articles)
    return [
        _entry(article, summary, moment, settings)
        for article, summary, moment in zip(articles, summaries, updated, strict=True)
    ]


def make_feed(spec: FeedSpec, entries: list[Entry], settings: Settings) -> Feed:
    """The feed `spec` publishes: its entries newest first, at most max_entries of them."""
    chosen = [e for e in entries if not spec.tags or set(spec.tags) & set(e.tags)]
    chosen.sort(key=lambda e: (e.published, e.updated, e.stem), reverse=True)
    chosen = chosen[: settings.max_entries]
    urls = {fmt: feed_url(settings, spec.name, fmt) for fmt in FORMATS}
    newest = max((e.updated for e in chosen), default=EPOCH)
    return Feed(
        name=spec.name,
        id=urls["atom"],
        title=spec.title,
        subtitle=settings.description,
        site_url=settings.base_url,
        urls=urls,
        language=settings.language,
        author=settings.author,
        updated=newest,
        entries=tuple(chosen),
    )


def feed_url(settings: Settings, name: str, fmt: str) -> str:
    return f"{settings.base_url}{feed_file(name, fmt)}"


def feed_file(name: str, fmt: str) -> str:
    return f"{name}.{FORMATS[fmt]}"


def body_html(paragraphs: tuple[str, ...]) -> str:
    """Paragraphs as HTML: text escaped so `&`, `<` and `]]>` reach the reader as written."""
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def tag_uri(authority: str, year: int, stem: str) -> str:
    """RFC 4151 tag URI: stable across rebuilds, reorderings and edits of the seed's text."""
    return f"tag:{authority},{year:04d}:{quote(stem, safe='-._~')}"


def _entry(article: Article, summary: str, updated: datetime, settings: Settings) -> Entry:
    page = f"articles/{quote(article.stem, safe='-._~')}.html"
    return Entry(
        id=tag_uri(settings.tag_authority, article.published.year, article.stem),
        stem=article.stem,
        title=article.title,
        link=article.link or settings.base_url + page,
        page=page,
        published=to_utc(article.published),
        updated=updated,
        author=Person(article.author) if article.author else settings.author,
        tags=article.tags,
        summary=summary,
        content_html=body_html(article.paragraphs),
    )
