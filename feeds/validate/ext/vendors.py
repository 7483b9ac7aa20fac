"""Vocabularies from services and products: FeedBurner, the Conversations Network, Microsoft's
simple list extensions (cf:), OpenSearch responses, Bloglines access restrictions, XHTML robots
metadata and bodies, and Google Base item attributes.
"""

from __future__ import annotations

from lxml import etree

from feeds.validate import html
from feeds.validate.ext.core import BOTH, CHANNEL, ITEM, Ctx, Rule, qname, words
from feeds.validate.ext.kinds import (
    decimal,
    full_uri,
    http_url,
    integer,
    iso8601,
    non_negative,
    one_of,
    plain,
    positive,
    relative_to_feed,
    text,
    uri,
    xml_base,
)
from feeds.validate.ext.rules import anything, leaf, node, opt, req

_ROBOTS = one_of(
    words("""all none index index,follow index,nofollow noindex noindex,follow
    noindex,nofollow follow follow,index follow,noindex nofollow nofollow,index
    nofollow,noindex"""),
    code="xhtml.meta.bad-value",
    fold=True,
)


def _xhtml_body(cx: Ctx, el: etree._Element) -> None:
    """Inline XHTML content: checked like any content, and in RSS 2.0 it repeats what
    description says."""
    if cx.rss2:
        cx.out.at(el, "rss.semantics.duplicate-description", element="xhtml:body")
    html.check_xhtml(el, cx.out, base_url=xml_base(el))


def _misplaced_xhtml(cx: Ctx, el: etree._Element) -> None:
    cx.out.at(el, "xhtml.element.misplaced", element=qname(el.tag))


_OPENSEARCH = {
    "totalResults": leaf(non_negative, level=CHANNEL),
    "startIndex": leaf(integer, level=CHANNEL),
    "itemsPerPage": leaf(non_negative, level=CHANNEL),
    "Query": anything(once=False, level=CHANNEL),
}

_CF_LIST = {
    "cf:sort": node(
        attrs={a: opt() for a in words("data-type default element label ns")}, once=False
    ),
    "cf:group": node(attrs={a: opt() for a in words("element label ns")}, once=False),
}

RULES: dict[str, Rule] = {
    "feedburner:awareness": leaf(full_uri, level=BOTH),
    "feedburner:origLink": leaf(full_uri, level=ITEM),
    "feedburner:origEnclosureLink": leaf(full_uri, level=ITEM),
    "feedburner:browserFriendly": leaf(plain, level=CHANNEL),
    "feedburner:emailServiceId": leaf(text, level=CHANNEL),
    "feedburner:feedburnerHostname": leaf(full_uri, level=CHANNEL),
    "feedburner:feedFlare": node(
        plain,
        attrs={"href": req(relative_to_feed), "src": req(relative_to_feed)},
        once=False,
        level=CHANNEL,
    ),
    "feedburner:info": node(attrs={"uri": req(uri)}, level=CHANNEL),
    "conversationsNetwork:introMilliseconds": leaf(non_negative, level=ITEM),
    "conversationsNetwork:image": leaf(http_url, level=ITEM),
    "conversationsNetwork:ratingAverage": leaf(decimal, level=ITEM),
    "conversationsNetwork:ratingCount": leaf(non_negative, level=ITEM),
    "conversationsNetwork:ratingIndividual": leaf(positive, level=ITEM),
    "conversationsNetwork:ratingTimestamp": leaf(iso8601, level=ITEM),
    "cf:treatAs": leaf(text, level=CHANNEL),
    "cf:listinfo": node(children=_CF_LIST, level=CHANNEL),
    **{f"opensearch:{name}": rule for name, rule in _OPENSEARCH.items()},
    **{f"opensearch10:{name}": rule for name, rule in _OPENSEARCH.items()},
    "access:restriction": node(
        attrs={
            "relationship": req(
                one_of(("allow", "deny"), code="access.restriction.bad-relationship")
            )
        },
        text=True,
        level="rss+channel",
    ),
    "xhtml:div": anything(level=CHANNEL),
    "xhtml:meta": node(
        attrs={
            "name": req(one_of(("robots",), code="xhtml.meta.bad-name", fold=True)),
            "content": req(_ROBOTS),
        },
        once=False,
        level=CHANNEL,
    ),
    "xhtml:body": Rule(_xhtml_body, once=True, level=ITEM),
    "xhtml:*": Rule(_misplaced_xhtml, once=False),
    # Google Base attributes are many and loosely typed: plain text, one of each per item.
    "g:*": leaf(plain, level=ITEM),
}
