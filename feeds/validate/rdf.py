"""RSS 1.0 and RSS 0.90 (RDF documents, root rdf:RDF) and RSS 1.1 (root Channel) validation.

RSS 1.0 is RDF: the channel, image, items and text input are resources named by rdf:about,
the channel lists its items in an rdf:Seq, and extension elements are RDF properties (so they
may hold RDF structure but not mixed content). RSS 0.90 is the same shape without rdf:about;
RSS 1.1 replaces the Seq with rdf:parseType="Collection".
"""

from __future__ import annotations

from lxml import etree

from feeds.validate import extensions
from feeds.validate.collector import Collector
from feeds.validate.ext.core import (
    RDF_NS,
    RSS090_NS,
    RSS10_NS,
    RSS11_NS,
    Ctx,
    Rule,
    elements,
    qname,
    report_duplicate,
    report_unknown,
    split,
    walk,
)
from feeds.validate.ext.kinds import form_name, full_uri, markup, nonblank, plain, text, uri
from feeds.validate.ext.rules import (
    check_attributes,
    leaf,
    no_text,
    node,
    opt,
    unexpected_text,
)
from feeds.validate.xmlload import XmlDocument

_ABOUT = f"{{{RDF_NS}}}about"
_RESOURCE = f"{{{RDF_NS}}}resource"
_PARSE_TYPE = f"{{{RDF_NS}}}parseType"
_ITEM_TAGS = frozenset({f"{{{RSS10_NS}}}item", f"{{{RSS090_NS}}}item"})


def check(doc: XmlDocument, out: Collector, *, url: str | None = None) -> None:
    """Validate an RSS 1.0/0.90 document (rdf:RDF) while it is read, an item at a time, or an
    RSS 1.1 document (Channel), whose items are nested in it, once it has been read."""
    root = doc.root
    cx = extensions.context(out, root, url=url)
    extensions.check_namespaces(root, out, url=url)
    stray = out.reserve()  # text beside the top-level elements is only known at the end
    if root.tag == f"{{{RSS11_NS}}}Channel":
        doc.complete()
        with out.into(stray):
            no_text(cx, root)
        _about(cx, root, required=True)
        walk(cx, root, _RSS11_CHANNEL)
        _require(cx, root, "rss11", ("title", "link", "description", "items"))
    else:
        _rdf_root(cx, doc, root)
        if doc.has_text(root):
            with out.into(stray):
                unexpected_text(cx, root)


def _rdf_root(cx: Ctx, doc: XmlDocument, root: etree._Element) -> None:
    """The top level of RSS 1.0/0.90: one channel, then images, items, text inputs."""
    channels = 0
    for child in doc.children(root, stream=_ITEM_TAGS):
        if not isinstance(child.tag, str):
            continue
        namespace = split(child.tag)[0]
        table = _VOCABULARIES.get(namespace)
        if namespace is None:
            cx.out.at(child, "rss.element.no-namespace", element=child.tag)
        elif table is None:
            cx.foreign(cx, child)
        elif (rule := table.get(qname(child.tag))) is None:
            report_unknown(cx, child)
        else:
            if child.tag.endswith("}channel"):
                channels += 1
                if channels > 1:
                    report_duplicate(cx, child)
            rule.check(cx, child)
    if channels == 0:
        cx.out.at(root, "rss.element.missing", element="channel", parent="rdf:RDF")


def _about(cx: Ctx, el: etree._Element, *, required: bool) -> None:
    """rdf:about names the resource: a URI, and no two resources share one."""
    about = el.get(_ABOUT)
    if about is None:
        if required:
            cx.out.at(el, "rss.attribute.missing", element=qname(el.tag), attr="rdf:about")
        return
    uri(cx, el, f"{qname(el.tag)}/@rdf:about", about)
    if not cx.first("rdf:about", about):
        cx.out.at(el, "ext.rdf.duplicate-about", value=about)


def _require(cx: Ctx, el: etree._Element, prefix: str, names: tuple[str, ...]) -> None:
    present = {qname(child.tag) for child in elements(el)}
    for name in names:
        if f"{prefix}:{name}" not in present:
            cx.out.at(el, "rss.element.missing", element=name, parent=split(el.tag)[1])


def _resource_node(prefix: str, names: tuple[str, ...], children: dict[str, Rule], *,
                   about: bool, rdf_attrs: tuple[str, ...] = ()) -> Rule:
    """A channel, item, image or text input: rdf:about, required children, the rules."""

    def then(cx: Ctx, el: etree._Element) -> None:
        _about(cx, el, required=about)
        _require(cx, el, prefix, names)

    attrs = {_ABOUT: opt(), **{f"{{{RDF_NS}}}{a}": opt() for a in rdf_attrs}}
    return node(attrs=attrs, children=children, then=then, once=False)


def _reference(cx: Ctx, el: etree._Element) -> None:
    """The channel's image and textinput point at the top-level resources."""
    check_attributes(cx, el, qname(el.tag), {_RESOURCE: opt(uri)})
    if el.get(_RESOURCE) is None:
        cx.out.at(el, "rss.attribute.missing", element=qname(el.tag), attr="rdf:resource")


def _li(cx: Ctx, el: etree._Element) -> None:
    """Each rdf:li of the channel's items names an item by rdf:resource."""
    check_attributes(cx, el, "rdf:li", {_RESOURCE: opt(uri), "resource": opt(uri)})


_SEQ = node(children={"rdf:li": Rule(_li, once=False)})
_ITEMS_10 = node(children={"rdf:Seq": _SEQ})


def _vocabulary(prefix: str, *, about: bool) -> dict[str, Rule]:
    """The element rules of RSS 1.0 (about=True) or RSS 0.90 (about=False)."""

    def q(local: str) -> str:
        return f"{prefix}:{local}"

    title, link = leaf(plain, nonblank), leaf(full_uri)
    channel_children = {q("title"): title, q("link"): link, q("description"): leaf(plain),
                        q("image"): Rule(_reference), q("textinput"): Rule(_reference),
                        q("items"): _ITEMS_10}
    channel_required = ("title", "link", "description") + (("items",) if about else ())
    return {
        q("channel"): _resource_node(prefix, channel_required, channel_children, about=about),
        q("image"): _resource_node(prefix, ("title", "url", "link"),
                                   {q("title"): title, q("url"): leaf(full_uri), q("link"): link},
                                   about=about),
        q("item"): _resource_node(prefix, ("title", "link"),
                                  {q("title"): title, q("link"): link,
                                   q("description"): leaf(markup)}, about=about),
        q("textinput"): _resource_node(prefix, ("title", "description", "name", "link"),
                                       {q("title"): leaf(plain), q("description"): leaf(text),
                                        q("name"): leaf(form_name), q("link"): link}, about=about),
    }


def _rss11_channel() -> dict[str, Rule]:
    """The children of an RSS 1.1 Channel (the root): images and items are parseType
    resources, and items form a Collection."""
    title, link = leaf(plain, nonblank), leaf(full_uri)
    item = _resource_node("rss11", ("title", "link"),
                          {"rss11:title": title, "rss11:link": link,
                           "rss11:description": leaf(markup)}, about=False)
    image = _resource_node("rss11", ("title", "url"),
                           {"rss11:title": title, "rss11:url": leaf(full_uri),
                            "rss11:link": link}, about=False, rdf_attrs=("parseType",))
    items = node(attrs={_PARSE_TYPE: opt()}, children={"rss11:item": item})
    return {"rss11:title": title, "rss11:link": link, "rss11:description": leaf(plain),
            "rss11:image": image, "rss11:items": items}


_RSS11_CHANNEL = _rss11_channel()
_VOCABULARIES: dict[str | None, dict[str, Rule]] = {
    RSS10_NS: _vocabulary("rss1", about=True),
    RSS090_NS: _vocabulary("rss090", about=False),
}

