"""FeedSync (sx:, Simple Sharing Extensions): sharing scopes, sync metadata and histories.

Sync ids must be unique among the items of a feed (conflict copies inside sx:conflicts form
their own scope), counters fit in 31 bits, times are RFC 3339.
"""

from __future__ import annotations

from lxml import etree

from feeds.validate.ext.core import CHANNEL, ITEM, Ctx, Rule, elements, qname
from feeds.validate.ext.kinds import (
    full_uri,
    matching,
    nonblank,
    one_of,
    parse_w3cdtf,
    plain,
    rfc3339,
    true_false_strict,
    uint31,
)
from feeds.validate.ext.rules import node, opt, req

# A URN namespace-specific string (RFC 2141): ids and endpoints are used inside URNs.
_nss = matching(r"([0-9a-zA-Z()+,\-.:=@;$_!*'/?#]|%[0-9a-fA-F]{2})+", "sx.nss.invalid")


def _sharing(cx: Ctx, el: etree._Element) -> None:
    """since and until come together, and since is not after until."""
    since, until = el.get("since"), el.get("until")
    for present, absent in (("since", "until"), ("until", "since")):
        if el.get(present) is not None and el.get(absent) is None:
            cx.out.at(el, "ext.attribute.missing", element="sx:sharing", attr=absent)
    if since and until:
        start, end = parse_w3cdtf(since, full=True), parse_w3cdtf(until, full=True)
        if start and end and start > end:
            cx.out.at(el, "sx.sharing.since-after-until", since=since, until=until)


def _history(cx: Ctx, el: etree._Element) -> None:
    """An update is attributed to someone (by), at some time (when), or both."""
    by, when = el.get("by"), el.get("when")
    if by is None and when is None:
        cx.out.at(el, "sx.history.missing-by-and-when")
    elif by is None or when is None:
        cx.out.at(el, "sx.history.missing-recommended", attr="by" if by is None else "when")


def _sync(cx: Ctx, el: etree._Element) -> None:
    """An item's sync record: a unique id, an update count and at least one history."""
    sync_id = el.get("id")
    if sync_id is not None and not cx.first(f"sx:sync id {cx.scope}", sync_id):
        cx.out.at(el, "sx.sync.duplicate-id", value=sync_id)
    if not any(qname(child.tag) == "sx:history" for child in elements(el)):
        cx.out.at(el, "ext.element.missing", element="sx:history", parent="sx:sync")


def _conflicts(cx: Ctx, el: etree._Element) -> None:
    """Conflicting copies of the item: their sync records form a scope of their own."""
    outer = cx.scope
    cx.scope = f"{outer}/conflicts@{el.sourceline}"
    try:
        for copy in elements(el):
            for child in elements(copy):
                if qname(child.tag) == "sx:sync":
                    SYNC.check(cx, child)
    finally:
        cx.scope = outer


_HISTORY = node(
    attrs={"by": opt(plain, nonblank, _nss), "sequence": req(uint31), "when": opt(rfc3339)},
    then=_history,
    once=False,
)
SYNC = node(
    attrs={
        "id": req(_nss),
        "updates": req(uint31),
        "deleted": opt(true_false_strict),
        "noconflicts": opt(true_false_strict),
    },
    children={"sx:history": _HISTORY, "sx:conflicts": Rule(_conflicts)},
    then=_sync,
    level=ITEM,
)
_RELATED = node(
    attrs={
        "link": req(full_uri),
        "title": opt(plain, nonblank),
        "type": req(one_of(("complete", "aggregated"), code="sx.related.bad-type")),
    },
    once=False,
)

RULES: dict[str, Rule] = {
    "sx:sharing": node(
        attrs={"since": opt(rfc3339), "until": opt(rfc3339), "expires": opt(rfc3339)},
        children={"sx:related": _RELATED},
        then=_sharing,
        level=CHANNEL,
    ),
    "sx:sync": SYNC,
}
