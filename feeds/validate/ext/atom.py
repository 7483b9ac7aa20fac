"""Atom 1.0 elements used inside RSS (atom:link rel="self" above all, as the RSS Advisory
Board recommends): the same constructs as in Atom, checked lightly, plus the self link.
"""

from __future__ import annotations

import re

from lxml import etree

from feeds.validate.ext.core import BOTH, CHANNEL, ITEM, Ctx, Rule, level_of, text_of, words
from feeds.validate.ext.history import PAGING
from feeds.validate.ext.kinds import (
    full_uri,
    language,
    markup,
    mime,
    non_negative,
    nonblank,
    one_of,
    plain,
    rfc3339,
    text,
    uri,
)
from feeds.validate.ext.rules import anything, leaf, node, opt, req
from feeds.validate.values import same_url

_THR = "{http://purl.org/syndication/thread/1.0}"

# Registered link relations (IANA); others must be absolute URIs.
RELATIONS = frozenset(
    words("""alternate current describedby edit edit-media enclosure first
    hub last license next next-archive payment prev-archive previous related replies search
    self service up via""")
)


def _rel(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """A registered relation name, or an absolute URI naming an extension relation."""
    if value in RELATIONS:
        return True
    if ":" in value:
        return full_uri(cx, el, name, value)
    cx.out.at(el, "rss.atom-link.unregistered-rel", value=value)
    return False


def _link(cx: Ctx, el: etree._Element) -> None:
    """The self link names this feed's own address, with the feed's media type; paging
    relations belong to feeds, not items."""
    rel, href = el.get("rel", "alternate"), el.get("href")
    where = level_of(el.getparent())
    if where == ITEM and rel in PAGING:
        cx.out.at(el, "rss.atom-link.paging-in-item", rel=rel)
    if rel != "self" or where != CHANNEL or not href:
        return
    link_type = el.get("type")
    if cx.rss2 and link_type and link_type != "application/rss+xml":
        cx.out.at(el, "rss.atom-link.self-type", value=link_type)
    if not _absolute(href):
        cx.out.at(el, "rss.atom-link.self-relative", href=href)
    elif cx.url and not same_url(href, cx.url):
        cx.out.at(el, "rss.atom-link.self-mismatch", href=href, url=cx.url)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _absolute(value: str) -> bool:
    return _SCHEME.match(value) is not None


def _text_construct(cx: Ctx, el: etree._Element) -> None:
    """An Atom text construct: text, escaped html, or an xhtml div."""
    kind_of = el.get("type", "text")
    if kind_of == "html":
        markup(cx, el, "atom text", text_of(el))
    elif kind_of == "text":
        plain(cx, el, "atom text", text_of(el))


_TEXT = node(
    attrs={"type": opt(one_of(words("text html xhtml")))},
    then=_text_construct,
    children={"xhtml:div": anything()},
    level=BOTH,
    text=True,
)
_PERSON = anything(level=BOTH)

RULES: dict[str, Rule] = {
    "atom:link": node(
        attrs={
            "href": req(uri),
            "rel": opt(nonblank, _rel),
            "type": opt(mime),
            "hreflang": opt(language),
            "title": opt(plain),
            "length": opt(non_negative),
            f"{_THR}count": opt(non_negative),
            f"{_THR}updated": opt(rfc3339),
        },
        then=_link,
        text=True,
        once=False,
        level=BOTH,
    ),
    "atom:id": leaf(full_uri, level=BOTH),
    "atom:updated": leaf(rfc3339, level=BOTH),
    "atom:published": leaf(rfc3339, level=ITEM),
    "atom:title": _TEXT,
    "atom:subtitle": Rule(_TEXT.check, True, CHANNEL),
    "atom:rights": _TEXT,
    "atom:summary": Rule(_TEXT.check, True, ITEM),
    "atom:content": anything(once=True, level=ITEM),
    "atom:author": _PERSON,
    "atom:contributor": _PERSON,
    "atom:category": node(
        attrs={"term": req(), "scheme": opt(uri), "label": opt(text)}, once=False, level=BOTH
    ),
    "atom:generator": node(text, attrs={"uri": opt(uri), "version": opt()}, level=CHANNEL),
    "atom:icon": leaf(uri, level=CHANNEL),
    "atom:logo": leaf(uri, level=CHANNEL),
}
