"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: feedgen has no JSON Feed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from feeds.config import Person
from feeds.model import Entry, Feed

VERSION = "https://jsonfeed.org/version/1.1"


def render(feed: Feed) -> bytes:
    document: dict[str, Any] = {
        "version": VERSION,
        "title": feed.title,
        "home_page_url": feed.site_url,
        "feed_url": feed.urls["json"],
        "description": feed.subtitle,
        "language": feed.language,
        "authors": [_author(feed.author)],
        "items": [_item(entry) for entry in feed.entries],
    }
    if feed.hub:
        document["hubs"] = [{"type": "WebSub", "url": feed.hub}]
    if feed.links.prev_archive:
        # JSON Feed pages towards older items with next_url: the same chain as prev-archive.
        document["next_url"] = feed.links.prev_archive["json"]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _item(entry: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry.id,
        "url": entry.link,
        "title": entry.title,
        **({"summary": entry.summary} if entry.summary else {}),
        **(
            {"content_html": entry.content_html}
            if entry.content_html is not None
            else {"content_text": entry.summary or entry.title}
        ),
        "date_published": _date(entry.published),
        "date_modified": _date(entry.updated),
        "authors": [_author(entry.author)],
    }
    if entry.tags:
        item["tags"] = list(entry.tags)
    return item


def _author(person: Person) -> dict[str, str]:
    return {"name": person.name}


def _date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
