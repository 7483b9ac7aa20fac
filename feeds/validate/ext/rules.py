"""Rule factories: how the namespace tables say what an element may hold.

`leaf` is a text element whose value has kinds; `node` adds attributes and child elements;
`anything` accepts any content. Attributes are `req(...)`/`opt(...)` of kinds. Every rule also
rejects attributes it does not expect, and child elements unless it declares them (RSS 1.0
hosts allow RDF structure instead: there, only RDF's own rules apply).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lxml import etree

from feeds.validate.ext import kinds
from feeds.validate.ext.core import (
    ANY,
    RDF_NS,
    RSS11_NS,
    XML_NS,
    Ctx,
    Rule,
    Table,
    elements,
    family,
    prefix_of,
    qname,
    report_unknown,
    split,
    text_of,
    walk,
)
from feeds.validate.ext.kinds import Kind
from feeds.validate.xmlload import has_text

Attr = tuple[bool, tuple[Kind, ...]]
Then = Callable[[Ctx, etree._Element], None]
_RDF_TEXT_ATTRS = frozenset(f"{{{RDF_NS}}}{a}" for a in ("parseType", "datatype", "resource"))
_PARSE_TYPE = f"{{{RDF_NS}}}parseType"
_ABOUT = f"{{{RDF_NS}}}about"
_XML_LANG = f"{{{XML_NS}}}lang"
_XML_BASE = f"{{{XML_NS}}}base"


def req(*value_kinds: Kind) -> Attr:
    """A required attribute and the kinds its value must have."""
    return True, value_kinds


def opt(*value_kinds: Kind) -> Attr:
    """An optional attribute and the kinds its value must have when present."""
    return False, value_kinds


def leaf(*value_kinds: Kind, once: bool | str = True, level: str = ANY, strip: bool = True) -> Rule:
    """A text element: no attributes, no child elements, a value of the given kinds
    (compared as written, white space included, when `strip` is off). Most elements of a
    feed are leaves, so this is the lean path of `node`."""

    def check(cx: Ctx, el: etree._Element) -> None:
        if el.keys():
            check_attributes(cx, el, qname(el.tag), _NONE)
        if len(el):
            no_children(cx, el)
            value = text_of(el) if strip else el.text or ""
        else:
            value = el.text or ""
            if strip:
                value = value.strip()
        name = qname(el.tag)
        if value and not value.isascii():
            kinds.bad_characters(cx, el, name, value)
        for kind in value_kinds:
            kind(cx, el, name, value)

    return Rule(check, once, level)


_NONE: Mapping[str, Attr] = {}


def anything(*, once: bool | str = False, level: str = ANY) -> Rule:
    """An element whose content and attributes this validator does not constrain."""
    return Rule(_nothing, once, level)


def _nothing(cx: Ctx, el: etree._Element) -> None:
    return None


def node(
    *value_kinds: Kind,
    attrs: Mapping[str, Attr] | None = None,
    children: Table | None = None,
    then: Then | None = None,
    once: bool | str = True,
    level: str = ANY,
    strip: bool = True,
    text: bool = False,
) -> Rule:
    """An element with checked attributes (`attrs`, keyed by Clark name), a text value of the
    given kinds, child elements from `children` (none if None), and a final `then` check.
    Without value kinds an element holds no text, unless `then` reads it (`text=True`).
    Keywords and booleans are compared as written: `strip=False` keeps white space."""
    declared = attrs or {}
    holds_text = text or bool(value_kinds)

    def check(cx: Ctx, el: etree._Element) -> None:
        name = qname(el.tag)
        check_attributes(cx, el, name, declared)
        value = text_of(el) if strip else el.text or ""
        if not holds_text:
            no_text(cx, el, value)
        elif value and not value.isascii():
            kinds.bad_characters(cx, el, name, value)
        for kind in value_kinds:
            kind(cx, el, name, value)
        if children is not None:
            walk(cx, el, children)
        else:
            no_children(cx, el)
        if then is not None:
            then(cx, el)

    return Rule(check, once, level)


def check_attributes(cx: Ctx, el: etree._Element, name: str, declared: Mapping[str, Attr]) -> None:
    """Required attributes present, values of the right kinds, no unexpected ones."""
    present = el.keys()
    if not present and not declared:
        return
    for attr, (required, value_kinds) in declared.items():
        value = el.get(attr) if present else None
        if value is None:
            if required:
                cx.out.at(el, f"{family(el.tag)}.attribute.missing", element=name, attr=qname(attr))
            continue
        label = f"{name}/@{qname(attr)}"
        for kind in value_kinds:
            kind(cx, el, label, value)
    if not present or len(present) <= len(declared) and all(a in declared for a in present):
        return
    for attr, value in el.items():
        if attr in declared:
            continue
        namespace = split(attr)[0]
        if namespace == XML_NS:
            _xml_attribute(cx, el, name, attr, value)
        elif namespace is not None and prefix_of(namespace) is None:
            if cx.rss2 and family(el.tag) == "rss":
                cx.out.at(el, "rss.attribute.extension", element=name, attr=qname(attr))
        elif not (cx.rdf and attr in _RDF_TEXT_ATTRS):
            cx.out.at(el, f"{family(el.tag)}.attribute.unexpected", element=name, attr=qname(attr))


def _xml_attribute(cx: Ctx, el: etree._Element, name: str, attr: str, value: str) -> None:
    """xml:lang is a language tag (or empty, for none); xml:base a URI reference."""
    if attr == _XML_LANG and value:
        kinds.language(cx, el, f"{name}/@xml:lang", value)
    elif attr == _XML_BASE:
        kinds.uri(cx, el, f"{name}/@xml:base", value)


def no_text(cx: Ctx, el: etree._Element, value: str | None = None) -> None:
    """A container element holds elements, not text (`value`: its text, if already read)."""
    if has_text(el) if value is None else value:
        unexpected_text(cx, el)


def unexpected_text(cx: Ctx, el: etree._Element) -> None:
    cx.out.at(el, f"{family(el.tag)}.element.unexpected-text", element=qname(el.tag))


def deferred(then: Then) -> Then:
    """A final check that reads the element's siblings, all of them: it runs once the whole
    document has been read (a large one is checked while it is read), its messages in the
    place they would have had (see `Ctx.defer`)."""

    def later(cx: Ctx, el: etree._Element) -> None:
        cx.defer(lambda: then(cx, el))

    return later


def no_children(cx: Ctx, el: etree._Element) -> None:
    """A text element has no child elements, except RDF structure in RSS 1.0 documents."""
    if not len(el):
        return
    if cx.rdf:
        rdf_content(cx, el)
        return
    child = next(elements(el), None)
    if child is not None:
        cx.out.at(
            child,
            f"{family(el.tag)}.element.unexpected-child",
            element=qname(child.tag),
            parent=qname(el.tag),
        )


def rdf_content(cx: Ctx, el: etree._Element, *, itself: bool = False) -> None:
    """RDF rules below an extension element of an RSS 1.0/1.1 document (and on the element
    `itself`, if asked): no mixed content unless it is an XML literal, no RSS 1.1
    vocabulary, no rdf:about given twice."""
    about = el.get(_ABOUT) if itself else None
    if about is not None and not cx.first("rdf:about", about):
        cx.out.at(el, "ext.rdf.duplicate-about", value=about)
    stack = [el]
    while stack:
        node_ = stack.pop()
        if node_.get(_PARSE_TYPE) == "Literal":
            continue
        children = list(elements(node_))
        if children and text_of(node_):
            cx.out.at(node_, "ext.rdf.mixed-content", element=qname(node_.tag))
        for child in children:
            if split(child.tag)[0] == RSS11_NS:
                report_unknown(cx, child)
            for attr in child.attrib:
                if split(attr)[0] == RSS11_NS:
                    cx.out.at(
                        child,
                        "ext.attribute.unexpected",
                        element=qname(child.tag),
                        attr=qname(attr),
                    )
            about = child.get(_ABOUT)
            if about is not None and not cx.first("rdf:about", about):
                cx.out.at(child, "ext.rdf.duplicate-about", value=about)
        stack.extend(children)


_RESOURCE = f"{{{RDF_NS}}}resource"


def resource(*, once: bool | str = True, level: str = ANY) -> Rule:
    """A reference to another resource: rdf:resource="URI" (which RSS 1.0 requires), or any
    text elsewhere."""
    declared = {_RESOURCE: opt(kinds.uri), "{http://purl.org/dc/elements/1.1/}title": opt()}

    def check(cx: Ctx, el: etree._Element) -> None:
        check_attributes(cx, el, qname(el.tag), declared)
        if cx.rdf and el.get(_RESOURCE) is None:
            cx.out.at(
                el,
                f"{family(el.tag)}.attribute.missing",
                element=qname(el.tag),
                attr="rdf:resource",
            )

    return Rule(check, once, level)


def per_host(*, rdf: Rule, other: Rule) -> Rule:
    """A rule that differs between RSS 1.0/1.1 (RDF) documents and the others."""

    def check(cx: Ctx, el: etree._Element) -> None:
        (rdf if cx.rdf else other).check(cx, el)

    return Rule(check, other.once, other.level)
