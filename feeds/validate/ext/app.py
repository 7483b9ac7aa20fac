"""The Atom Publishing Protocol (app:, RFC 5023): service and category documents, and the
app: elements entries carry (app:control, app:edited).
"""

from __future__ import annotations

from lxml import etree

from feeds.validate.ext.atom import RULES as ATOM_RULES
from feeds.validate.ext.core import ITEM, Ctx, Rule, elements, qname
from feeds.validate.ext.kinds import mime, rfc3339, uri, yes_no
from feeds.validate.ext.rules import node, opt, req


def _media_range(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """app:accept lists media ranges; a q parameter means nothing there."""
    ok = True
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        if ";q=" in item.replace(" ", ""):
            cx.out.at(el, "app.accept.quality-parameter", value=item)
        ok = mime(cx, el, name, item) and ok
    return ok


def _questionable(cx: Ctx, el: etree._Element) -> None:
    """Atom metadata where the protocol defines none: readers will not look for it there."""
    cx.out.at(
        el, "app.element.questionable", element=qname(el.tag), parent=qname(el.getparent().tag)
    )


def _require(*names: str):
    def then(cx: Ctx, el: etree._Element) -> None:
        present = {qname(child.tag) for child in elements(el)}
        for name in names:
            if name not in present:
                cx.out.at(el, "app.element.missing", element=name, parent=qname(el.tag))

    return then


def _categories(cx: Ctx, el: etree._Element) -> None:
    """Categories are listed inline or referenced by href, not both."""
    if el.get("href") is None:
        return
    for attr in ("fixed", "scheme"):
        if el.get(attr) is not None:
            cx.out.at(el, "app.categories.conflicting-attributes", attr=attr)
    if next(elements(el), None) is not None:
        cx.out.at(el, "app.categories.conflicting-children")


CATEGORIES = node(
    attrs={"href": opt(uri), "scheme": opt(uri), "fixed": opt(yes_no)},
    children={"atom:category": ATOM_RULES["atom:category"]},
    then=_categories,
    once=False,
)
_ATOM_TITLE = ATOM_RULES["atom:title"]
_QUESTIONABLE = Rule(_questionable, once=False)
COLLECTION = node(
    attrs={"href": req(uri)},
    children={
        "atom:title": _ATOM_TITLE,
        "app:accept": node(_media_range, once=False),
        "app:categories": CATEGORIES,
        "atom:*": _QUESTIONABLE,
    },
    then=_require("atom:title"),
    once=False,
)
WORKSPACE = node(
    children={"atom:title": _ATOM_TITLE, "app:collection": COLLECTION, "atom:*": _QUESTIONABLE},
    then=_require("atom:title"),
    once=False,
)
SERVICE = node(
    children={"app:workspace": WORKSPACE, "atom:*": _QUESTIONABLE}, then=_require("app:workspace")
)

RULES: dict[str, Rule] = {
    "app:control": node(children={"app:draft": node(yes_no, strip=False)}, level=ITEM),
    "app:edited": node(rfc3339, level=ITEM),
    "app:collection": COLLECTION,
    "app:categories": CATEGORIES,
}
