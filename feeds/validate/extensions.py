"""Namespaced extensions, for every host format: `check_foreign` validates one element from a
vocabulary other than the host's (and everything below it) against the tables in
`feeds.validate.ext`; RSS, RSS 1.0 and Atom all call it.

Known vocabularies are checked element by element: unknown names, misplaced or repeated
elements are errors, as the W3C Feed Validation Service reports them. Unknown namespaces are
accepted with a warning; in RSS 2.0, unqualified elements below them are errors, and in
RSS 1.0 the content must still be sound RDF. A few rules span the document (unique sync ids,
namespaces reported once), so the context lives as long as the file's Collector.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from feeds.validate.collector import Collector
from feeds.validate.ext import (
    app,
    atom,
    dc,
    feedsync,
    geo,
    history,
    itunes,
    kinds,
    media,
    modules,
    vendors,
    xrd,
)
from feeds.validate.ext.core import (
    ANY,
    NAMESPACES,
    RDF_NS,
    RSS11_NS,
    Ctx,
    Rule,
    elements,
    level_of,
    prefix_of,
    qname,
    report_duplicate,
    report_unknown,
    split,
)
from feeds.validate.ext.rules import rdf_content

RULES: dict[str, Rule] = {
    **dc.RULES, **modules.RULES, **itunes.RULES, **media.RULES, **geo.RULES,
    **feedsync.RULES, **history.RULES, **vendors.RULES, **atom.RULES, **app.RULES,
}
# Vocabularies with rule tables: names they do not define are errors.
CHECKED = frozenset(name.split(":", 1)[0] for name in RULES)
_MRSS_WITHOUT_SLASH = "http://search.yahoo.com/mrss"
_USEMOD_WIKI = "http://www.usemod.com/cgi-bin/mb.pl?ModWiki"
_RDF_ROOTS = (f"{{{RDF_NS}}}RDF", f"{{{RSS11_NS}}}Channel")


def check_foreign(element: etree._Element, out: Collector, *, url: str | None = None) -> bool:
    """Check an element outside the host format's own vocabulary, and its whole subtree
    (callers do not descend into it). True when its vocabulary is known here."""
    return dispatch(context(out, element, url=url), element)


def context(out: Collector, element: etree._Element, *, url: str | None = None) -> Ctx:
    """The document context for this Collector, created on first use from the root element
    (RSS 2.0, RSS 1.0/1.1 or another host). It lives in the Collector's per-document state, so
    it is freed with the document (a global registry would keep every document alive)."""
    cx = out.state.get(__name__)
    if cx is None:
        root = element.getroottree().getroot()
        rss2 = root.tag == "rss"
        cx = Ctx(out, dispatch, url=url, rdf=root.tag in _RDF_ROOTS, rss2=rss2,
                 version=root.get("version", "") if rss2 else "")
        out.state[__name__] = cx
    return cx


def dispatch(cx: Ctx, el: etree._Element) -> bool:
    """Apply the rule for one foreign element (see check_foreign)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    namespace, prefix, rule = _lookup(tag)
    if namespace is None:
        if not cx.rss2:
            cx.out.at(el, "ext.element.no-namespace", element=tag)
        return False
    if prefix not in CHECKED:
        _unchecked(cx, el, namespace, prefix)
        return prefix is not None
    if namespace == _MRSS_WITHOUT_SLASH:
        _media_without_slash(cx, el)
    where = level_of(el.getparent())
    if rule is None or not _allowed(rule.level, where):
        report_unknown(cx, el)
        return True
    if rule.once_at(where) and next(el.itersiblings(el.tag, preceding=True), None) is not None:
        report_duplicate(cx, el)  # the first one is checked; repeats only reported
        return True
    if prefix == "itunes":
        cx.flags.add("itunes")
    rule.check(cx, el)
    return True


@lru_cache(maxsize=4096)
def _lookup(tag: str) -> tuple[str | None, str | None, Rule | None]:
    """(namespace, conventional prefix, rule) of a tag, computed once per tag."""
    namespace = split(tag)[0]
    prefix = prefix_of(namespace)
    return namespace, prefix, RULES.get(qname(tag)) or RULES.get(f"{prefix}:*")


@lru_cache(maxsize=256)
def _allowed(rule_level: str, where: str) -> bool:
    return rule_level == ANY or where in rule_level.split("+")


def _unchecked(cx: Ctx, el: etree._Element, namespace: str, prefix: str | None) -> None:
    """An element from a vocabulary without rules: reported once per namespace when unknown,
    and held to the host's generic rules."""
    if prefix is None and cx.first("namespace", namespace):
        _unknown_namespace(cx, el, namespace)
    if cx.rdf:
        rdf_content(cx, el, itself=True)
    elif cx.rss2:
        for child in el.iter():
            if isinstance(child.tag, str) and child.tag[0] != "{":
                cx.out.at(child, "ext.element.not-in-namespace", element=child.tag)


def check_namespaces(root: etree._Element, out: Collector, *, url: str | None = None) -> None:
    """Check the namespace declarations on the root element: reserved prefixes bound to other
    namespaces, Media RSS without its trailing slash, the obsolete wiki namespace, and
    namespaces no vocabulary here knows (a warning, like the W3C validator)."""
    cx = context(out, root, url=url)
    reserved = set(NAMESPACES.values())
    for prefix, uri in root.nsmap.items():
        if not uri:
            continue
        if uri == _MRSS_WITHOUT_SLASH:
            _media_without_slash(cx, root)
        elif prefix in reserved and NAMESPACES.get(uri) != prefix and prefix_of(uri) != prefix:
            cx.first("namespace", uri)
            cx.out.at(root, "ext.namespace.reserved-prefix", prefix=prefix, namespace=uri)
        elif uri == _USEMOD_WIKI:
            cx.out.at(root, "ext.namespace.obsolete-wiki")
        elif prefix_of(uri) is None and cx.first("namespace", uri):
            _unknown_namespace(cx, root, uri)


def _media_without_slash(cx: Ctx, el: etree._Element) -> None:
    if cx.first("namespace", _MRSS_WITHOUT_SLASH):
        cx.out.at(el, "ext.namespace.media-without-slash")


def _unknown_namespace(cx: Ctx, el: etree._Element, uri: str) -> None:
    """A namespace without rules here: fine if it is a URI (a warning, since readers will not
    know it either), an error if it cannot even be one."""
    if any(c.isspace() for c in uri):
        cx.out.at(el, "ext.namespace.invalid", namespace=uri)
    elif kinds.uri(cx, el, "namespace", uri):
        cx.out.at(el, "ext.namespace.unknown", namespace=uri)


def settle(out: Collector) -> None:
    """Run the checks that waited for the whole document (see `Ctx.defer`)."""
    cx = out.state.get(__name__)
    if cx is not None:
        cx.settle()


def uses_itunes(out: Collector) -> bool:
    """Whether the document checked with this Collector uses the itunes: namespace."""
    cx = out.state.get(__name__)
    return cx is not None and "itunes" in cx.flags


def finish_feed(feed: etree._Element, out: Collector, *, has_language: bool) -> None:
    """Checks that need the whole channel (or Atom feed): what a podcast must declare once
    it uses itunes: tags. Call after all of the feed's children were checked."""
    if uses_itunes(out):
        cx = context(out, feed)
        present = {qname(child.tag) for child in elements(feed)}
        itunes.missing_in_channel(cx, feed, present, has_language)
        itunes.encoding(cx, feed, feed.getroottree().docinfo.encoding or "UTF-8")


def check_app_document(root: etree._Element, out: Collector, *, url: str | None = None) -> None:
    """An Atom Publishing Protocol service or categories document."""
    cx = context(out, root, url=url)
    check_namespaces(root, out, url=url)
    rule = app.SERVICE if qname(root.tag) == "app:service" else app.CATEGORIES
    rule.check(cx, root)


def check_xrd_document(root: etree._Element, out: Collector, *, url: str | None = None) -> None:
    """An XRDS document (Yadis / OpenID service discovery)."""
    check_namespaces(root, out, url=url)
    xrd.DOCUMENT.check(context(out, root, url=url), root)
