"""The feed model every writer renders: Feeds of Entries, with every value final.

Writers only format: ids, absolute URLs, UTC instants, summaries, the body's HTML and the links
between a feed and its archives are all decided here, so Atom, RSS, JSON Feed and HTML can never
disagree about an entry.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from feeds import __version__
from feeds.config import FeedSpec, Person, Settings
from feeds.dates import distinct_instants, to_utc
from feeds.seeds import Article

GENERATOR = "feeds"
GENERATOR_URI = "https://pypi.org/project/feeds/"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # an empty feed's `updated`: fixed, never the build time
STYLESHEET = "style.xsl"
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
    summary: str  # empty when no sentence says more than the headline: then writers omit it
    content_html: str | None = None  # the body; archives carry summaries only


@dataclass(frozen=True, slots=True)
class Links:
    """RFC 5005 links of one feed document, per format: {rel: {format: absolute URL}}."""

    prev_archive: dict[str, str] | None = None
    next_archive: dict[str, str] | None = None
    current: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    name: str
    id: str
    title: str
    subtitle: str
    site_url: str
    urls: dict[str, str]  # format -> absolute URL of this document in that format
    language: str
    author: Person
    updated: datetime
    entries: tuple[Entry, ...]
    page: int | None = None  # the RFC 5005 archive page this document is (fh:archive)
    links: Links = field(default_factory=Links)
    hub: str | None = None  # WebSub hub
    stylesheet: str | None = None  # href of the XSLT that styles the feed in a browser
    generator: str = GENERATOR
    generator_uri: str = GENERATOR_URI
    generator_version: str = __version__

    @property
    def archive(self) -> bool:
        return self.page is not None


@dataclass(frozen=True, slots=True)
class Record:
    """One seed as the feeds need it: parsed and summarized, but without its body, which is read
    again only for the few entries whose content is published. This is what the cache keeps."""

    stem: str
    digest: str
    title: str
    published: datetime
    updated: datetime | None
    author: str | None
    tags: tuple[str, ...]
    link: str | None
    summary: str

    @classmethod
    def of(cls, article: Article, summary: str, digest: str) -> Record:
        return cls(
            article.stem,
            digest,
            article.title,
            article.published,
            article.updated,
            article.author,
            article.tags,
            article.link,
            summary,
        )

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["published"] = self.published.isoformat()
        data["updated"] = self.updated.isoformat() if self.updated else None
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """Raises KeyError, TypeError or ValueError for anything that is not a record."""
        updated = data["updated"]
        record = cls(
            **{
                **data,
                "published": datetime.fromisoformat(data["published"]),
                "updated": datetime.fromisoformat(updated) if updated is not None else None,
                "tags": tuple(data["tags"]),
            }
        )
        if record.published.tzinfo is None or not all(isinstance(t, str) for t in record.tags):
            raise ValueError("not a record")
        return record


def make_entry(
    record: Record, updated: datetime, settings: Settings, content_html: str | None = None
) -> Entry:
    """The entry for a record; `updated` is already made distinct by the caller."""
    page = page_path(record.stem)
    return Entry(
        id=tag_uri(settings.tag_authority, record.published.year, record.stem),
        stem=record.stem,
        title=record.title,
        link=record.link or settings.base_url + page,
        page=page,
        published=to_utc(record.published),
        updated=updated,
        author=Person(record.author) if record.author else settings.author,
        tags=record.tags,
        summary=record.summary,
        content_html=content_html,
    )


def make_entries(records: list[Record], settings: Settings) -> list[Entry]:
    """Entries in the order given (seed-file order), their `updated` instants made distinct."""
    updated = distinct_instants(to_utc(r.updated or r.published) for r in records)
    return [make_entry(r, moment, settings) for r, moment in zip(records, updated, strict=True)]


def feed_entries(spec: FeedSpec, entries: list[Entry]) -> list[Entry]:
    """The entries `spec` publishes, newest first."""
    chosen = [e for e in entries if not spec.tags or set(spec.tags) & set(e.tags)]
    chosen.sort(key=lambda e: (e.published, e.updated, e.stem), reverse=True)
    return chosen


def archive_pages(entries: list[Entry], size: int) -> list[list[Entry]]:
    """RFC 5005 archive pages, oldest first, each newest-first inside: page k holds the k-th run
    of `size` entries in publication order, so a full page never changes as newer entries
    arrive. The last page is the open one (possibly empty): every full page can then link its
    successor as next-archive from the moment it is written, and that link always resolves."""
    if len(entries) <= size:
        return []
    oldest_first = entries[::-1]
    pages = [oldest_first[i : i + size] for i in range(0, len(oldest_first), size)]
    if len(pages[-1]) == size:
        pages.append([])
    return [page[::-1] for page in pages]


def make_feed(
    spec: FeedSpec,
    entries: list[Entry],
    settings: Settings,
    *,
    page: int | None = None,
    pages: int = 0,
) -> Feed:
    """The current feed (page None) with its newest entries, or archive page `page` (1-based)
    of `pages`. `entries` are the document's own entries, newest first."""
    urls = document_urls(settings, spec.name, page)
    current = document_urls(settings, spec.name, None)
    links = Links(
        prev_archive=_archive(settings, spec.name, pages if page is None else page - 1),
        next_archive=_archive(settings, spec.name, page + 1) if page and page < pages else None,
        current=current if page else None,
    )
    return Feed(
        name=spec.name,
        id=urls["atom"],
        title=spec.title if page is None else f"{spec.title} (archive {page})",
        subtitle=settings.description,
        site_url=settings.base_url,
        urls=urls,
        language=settings.language,
        author=settings.author,
        updated=max((e.updated for e in entries), default=EPOCH),
        entries=tuple(entries),
        page=page,
        links=links,
        hub=settings.hub,
        stylesheet=STYLESHEET if settings.stylesheet else None,
    )


def _archive(settings: Settings, name: str, page: int) -> dict[str, str] | None:
    return document_urls(settings, name, page) if page >= 1 else None


def document_urls(settings: Settings, name: str, page: int | None) -> dict[str, str]:
    return {fmt: settings.base_url + feed_file(name, fmt, page) for fmt in FORMATS}


def feed_file(name: str, fmt: str, page: int | None = None) -> str:
    """`feed.atom.xml` for the current feed, `feed.archive-3.atom.xml` for archive page 3."""
    middle = "" if page is None else f".archive-{page}"
    return f"{name}{middle}.{FORMATS[fmt]}"


def page_path(stem: str) -> str:
    """The article page of a seed, below the output folder."""
    return f"articles/{quote(stem, safe='-._~')}.html"


def body_html(paragraphs: tuple[str, ...]) -> str:
    """Paragraphs as HTML: text escaped so `&`, `<` and `]]>` reach the reader as written."""
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def tag_uri(authority: str, year: int, stem: str) -> str:
    """RFC 4151 tag URI: stable across rebuilds, reorderings and edits of the seed's text."""
    return f"tag:{authority},{year:04d}:{quote(stem, safe='-._~')}"
