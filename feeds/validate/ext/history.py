"""Feed paging and archiving (RFC 5005, fh:): what fh:complete and fh:archive imply for the
feed's atom:link relations, which sit beside them in the channel or Atom feed.
"""

from __future__ import annotations

from lxml import etree

from feeds.validate.ext.core import ATOM_NS, CHANNEL, Ctx, Rule, elements, qname
from feeds.validate.ext.rules import deferred, node
from feeds.validate.values import same_url

PAGING = frozenset({"first", "last", "next", "previous", "next-archive", "prev-archive"})
_LINK = f"{{{ATOM_NS}}}link"


def _links(el: etree._Element) -> list[tuple[str, str | None]]:
    """(rel, href) of the atom:link siblings of an fh: element."""
    parent = el.getparent()
    if parent is None:
        return []
    return [
        (link.get("rel", "alternate"), link.get("href")) for link in parent if link.tag == _LINK
    ]


def _has_sibling(el: etree._Element, name: str) -> bool:
    parent = el.getparent()
    return parent is not None and any(qname(c.tag) == name for c in elements(parent))


def _complete(cx: Ctx, el: etree._Element) -> None:
    """A complete feed is the whole set of entries: it neither pages nor points elsewhere."""
    links = _links(el)
    selves = [href for rel, href in links if rel == "self" and href]
    selves += [cx.url] if cx.url else []
    for rel, href in links:
        if rel in PAGING:
            cx.out.at(el, "fh.complete.paging-link", rel=rel)
        elif rel == "current" and href and selves and not any(same_url(href, s) for s in selves):
            cx.out.at(el, "fh.complete.current-not-self", href=href)


def _archive(cx: Ctx, el: etree._Element) -> None:
    """An archive document points to the current feed and to its neighbouring archives."""
    if _has_sibling(el, "fh:complete"):
        return
    rels = {rel for rel, _ in _links(el)}
    if "current" not in rels:
        cx.out.at(el, "fh.archive.missing-current")
    if not rels & {"prev-archive", "next-archive"}:
        cx.out.at(el, "fh.archive.incomplete")


RULES: dict[str, Rule] = {
    "fh:complete": node(then=deferred(_complete), level=CHANNEL),
    "fh:archive": node(then=deferred(_archive), level=CHANNEL),
}
