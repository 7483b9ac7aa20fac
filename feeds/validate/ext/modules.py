"""The RSS 1.0 modules and small vocabularies RSS feeds mix in: syndication, admin,
blogChannel, aggregation, annotation, events, taxonomy, wiki, slash, comments (wfw),
trackback, threading, link, content, Creative Commons, FOAF, OPML owner data and RDF Schema.

Levels and value kinds follow the module specifications as the W3C validator reads them.
"""

from __future__ import annotations

from lxml import etree

from feeds.validate.ext.core import BOTH, CHANNEL, ITEM, Ctx, Rule, qname, report_unknown, words
from feeds.validate.ext.kinds import (
    email,
    full_uri,
    http_url,
    iso8601,
    language,
    markup,
    matching,
    mime,
    non_negative,
    nonblank,
    one_of,
    plain,
    positive,
    rfc822,
    text,
    unbounded_iso8601,
    uri,
    w3cdtf,
)
from feeds.validate.ext.rules import anything, leaf, node, opt, per_host, req, resource

_L = "{http://purl.org/rss/1.0/modules/link/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"


_comma_separated_integers = matching(r"\d+(,\s*\d+)*", "value.integer.invalid-list")


def _deprecated(code: str):
    def then(cx: Ctx, el: etree._Element) -> None:
        cx.out.at(el, code, element=qname(el.tag))

    return then


def _rdf_only(cx: Ctx, el: etree._Element) -> None:
    """thr:children lists replies as RDF: it means nothing outside RSS 1.0."""
    if not cx.rdf:
        report_unknown(cx, el)


def _link_type(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """l:type is a MIME type or, with a colon, a URI naming the type."""
    return (full_uri if ":" in value else mime)(cx, el, name, value)


_MODULE_RULES = {
    "sy:updatePeriod": leaf(one_of(words("hourly daily weekly monthly yearly")), level=CHANNEL),
    "sy:updateFrequency": leaf(positive, nonblank, level=CHANNEL),
    "sy:updateBase": leaf(w3cdtf, level=CHANNEL),
    "admin:generatorAgent": resource(level=CHANNEL),
    "admin:errorReportsTo": resource(level=CHANNEL),
    **{
        f"blogChannel:{name}": leaf(full_uri, level=CHANNEL)
        for name in words("blogRoll mySubscriptions blink changes")
    },
    "cp:server": resource(once=False, level=CHANNEL),
    "ag:source": leaf(text, level=ITEM),
    "ag:sourceURL": leaf(full_uri, level=ITEM),
    "ag:timestamp": leaf(iso8601, level=ITEM),
    "annotate:reference": resource(level=ITEM),
    "ev:startdate": leaf(unbounded_iso8601, level=ITEM),
    "ev:enddate": leaf(unbounded_iso8601, level=ITEM),
    "ev:location": anything(level=ITEM),
    "ev:organizer": anything(level=ITEM),
    "ev:type": leaf(text, level=ITEM),
    "taxo:topics": anything(level=BOTH),
    "taxo:topic": anything(level="rss"),
    **{
        f"wiki:{name}": leaf(text, once=False, level=ITEM)
        for name in words("diff history importance status version")
    },
    "wiki:interwiki": leaf(text, once=False, level=CHANNEL),
    "slash:comments": leaf(non_negative, level=ITEM),
    "slash:section": leaf(text, once=False, level=ITEM),
    "slash:department": leaf(text, once=False, level=ITEM),
    "slash:hit_parade": leaf(_comma_separated_integers, level=ITEM),
    "wfw:comment": leaf(full_uri, level=ITEM),
    "wfw:commentRss": leaf(full_uri, level=ITEM),
    "wfw:commentRSS": node(full_uri, then=_deprecated("wfw.commentrss.deprecated"), level=ITEM),
    "trackback:ping": per_host(rdf=resource(level=ITEM), other=leaf(full_uri, level=ITEM)),
    "trackback:about": per_host(
        rdf=resource(once=False, level=ITEM), other=leaf(full_uri, once=False, level=ITEM)
    ),
    "thr:children": Rule(_rdf_only, once=True, level=ITEM),
    "thr:total": leaf(non_negative, level=ITEM),
    "thr:in-reply-to": node(
        attrs={"href": opt(uri), "ref": opt(full_uri), "source": opt(uri), "type": opt(mime)},
        text=True,
        once=False,
        level=BOTH,
    ),
    "l:link": node(
        attrs={
            f"{_RDF}resource": opt(uri),
            f"{_L}rel": req(full_uri),
            f"{_L}lang": opt(language),
            f"{_L}title": opt(plain),
            f"{_L}type": opt(_link_type),
        },
        text=True,
        once=False,
        level=BOTH,
    ),
    "l:permalink": per_host(
        rdf=node(
            attrs={f"{_RDF}resource": req(uri), f"{_L}type": opt(mime)}, text=True, level=ITEM
        ),
        other=Rule(report_unknown, level=ITEM),
    ),
    "content:encoded": leaf(markup, level=ITEM),
    "content:items": anything(once=True, level=ITEM),
    "cc:license": anything(level=BOTH),
    "cc:License": anything(level="rss"),
    "creativeCommons:license": leaf(full_uri, once=False, level=BOTH),
    # FOAF is an open RDF vocabulary used inside persons and resources: any term will do.
    "foaf:*": anything(),
    "opml:dateCreated": leaf(rfc822),
    "opml:dateModified": leaf(rfc822),
    "opml:ownerName": leaf(plain),
    "opml:ownerEmail": leaf(email),
    "opml:ownerId": leaf(http_url),
    "rdf:RDF": anything(),
    "rdf:type": anything(),
    "rdf:Description": anything(),
    "rdfs:seeAlso": resource(once=False),
    "rdfs:label": leaf(text, once=False),
    "rdfs:comment": leaf(text, once=False),
}

RULES = _MODULE_RULES
