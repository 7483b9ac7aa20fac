"""Atom 1.0 (RFC 4287): feed documents and entry documents.

The tree is walked once. Which Atom children each container takes, and how many, is a table
(`FEED`, `ENTRY`, `SOURCE`, `PERSON`); how each leaf's value is checked is a table too
(`_Walker.kinds`). Elements outside the Atom namespace go to the extension checks, and
markup carried by text constructs goes to `html`.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

from lxml import etree

from feeds.validate import extensions, html, values
from feeds.validate.collector import Collector
from feeds.validate.xmlload import XmlDocument

ATOM_NS = "http://www.w3.org/2005/Atom"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_BASE = f"{{{XML_NS}}}base"
XML_LANG = f"{{{XML_NS}}}lang"
_A = f"{{{ATOM_NS}}}"
_XHTML_DIV = f"{{{XHTML_NS}}}div"

ONE, OPTIONAL, MANY, SHOULD = "one", "optional", "many", "should"

_METADATA = {
    "author": MANY, "category": MANY, "contributor": MANY, "generator": OPTIONAL,
    "icon": OPTIONAL, "id": ONE, "link": MANY, "logo": OPTIONAL, "rights": OPTIONAL,
    "subtitle": OPTIONAL, "title": ONE, "updated": ONE,
}
FEED = {**_METADATA, "entry": MANY}
# A source keeps a copy of its feed's metadata: everything optional, id, title, updated advised.
SOURCE = {**{k: MANY if v == MANY else OPTIONAL for k, v in _METADATA.items()},
          "id": SHOULD, "title": SHOULD, "updated": SHOULD}
ENTRY = {
    "author": MANY, "category": MANY, "content": OPTIONAL, "contributor": MANY, "id": ONE,
    "link": MANY, "published": OPTIONAL, "rights": OPTIONAL, "source": OPTIONAL,
    "summary": OPTIONAL, "title": ONE, "updated": ONE,
}
PERSON = {"name": ONE, "uri": OPTIONAL, "email": OPTIONAL}

# Unqualified attributes each kind of element may carry (xml:* and namespaced ones always may).
ATTRIBUTES = {
    "text": frozenset({"type"}),
    "content": frozenset({"type", "src"}),
    "link": frozenset({"href", "rel", "type", "hreflang", "title", "length"}),
    "category": frozenset({"term", "scheme", "label"}),
    "generator": frozenset({"uri", "version"}),
}
_NONE: frozenset[str] = frozenset()

TEXT_TYPES = ("text", "html", "xhtml")
BLANK_WARNED = frozenset({"title", "subtitle", "summary"})

# IANA link relations (https://www.iana.org/assignments/link-relations/).
LINK_RELATIONS = values.word_set("""
about acl alternate amphtml appendix apple-touch-icon apple-touch-startup-image archives author
blocked-by bookmark canonical chapter cite-as collection contents convertedfrom copyright
create-form current describedby describes disclosure dns-prefetch duplicate edit edit-form
edit-media enclosure external first glossary help hosts hub icon index intervalafter
intervalbefore intervalcontains intervaldisjoint intervalduring intervalequals
intervalfinishedby intervalfinishes intervalin intervalmeets intervalmetby intervaloverlappedby
intervaloverlaps intervalstartedby intervalstarts item last latest-version license linkset lrdd
manifest mask-icon me media-feed memento micropub modulepreload monitor monitor-group next
next-archive nofollow noopener noreferrer opener openid2.local_id openid2.provider original
p3pv1 payment pingback preconnect predecessor-version prefetch preload prerender prev
prev-archive preview previous privacy-policy profile publication related replies restconf
ruleinput search section self service service-desc service-doc service-meta sip-trunking-rate
sponsored start status stylesheet subsection successor-version sunset tag terms-of-service
timegate timemap type ugc up version-history via webmention working-copy working-copy-of
""")
# Relations RFC 5005 defines between feed documents (paging and archives), not entries.
FEED_RELATIONS = frozenset({"first", "last", "current", "next-archive", "prev-archive"})
_IANA_REL_PREFIX = "http://www.iana.org/assignments/relation/"
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_NON_NEGATIVE = re.compile(r"^\d+$")


def check(doc: XmlDocument, out: Collector, *, url: str | None = None) -> None:
    """Validate an Atom feed or entry document. `url` is where it is served: it is the base
    of relative references and what a self link must point to (never checked without it)."""
    root = doc.root
    walker = _Walker(out, url)
    if root.prefix:
        out.at(root, "atom.namespace.prefix", prefix=root.prefix)
    base = walker.attributes(root, _NONE, url if url and values.is_absolute_uri(url) else None)
    if root.tag == _A + "feed":
        walker.feed(root, base)
    else:
        walker.entry(root, base, _Context(standalone=True))


@dataclass(slots=True)
class _Context:
    """What an entry's checks need from the feed around it."""

    feed_has_author: bool = False
    standalone: bool = False
    ids: dict[str, list[tuple[datetime | None, etree._Element]]] = field(default_factory=dict)


@dataclass(slots=True)
class _Link:
    element: etree._Element
    rel: str
    type: str | None
    hreflang: str | None


class _Walker:
    """One document's walk. Containers are checked against their tables; each leaf kind has
    one method; `base` is the absolute base URI in scope (None when there is none)."""

    def __init__(self, out: Collector, url: str | None) -> None:
        self.out = out
        self.url = url
        self.unknown_namespaces: set[str | None] = set()
        self.kinds = {
            "title": self.text, "subtitle": self.text, "rights": self.text,
            "summary": self.text, "content": self.content, "updated": self.date,
            "published": self.date, "id": self.id, "icon": self.uri_value,
            "logo": self.uri_value, "uri": self.uri_value, "name": self.name,
            "email": self.email, "category": self.category, "generator": self.generator,
            "author": self.person, "contributor": self.person,
        }

    # --- containers ------------------------------------------------------------------------

    def feed(self, feed: etree._Element, base: str | None) -> None:
        seen = self.children(feed, FEED, base, defer=("entry",))
        context = _Context(feed_has_author="author" in seen)
        self.misplaced_metadata(feed)
        for entry in seen.get("entry", ()):
            self.entry(entry, self.attributes(entry, _NONE, base), context)
        self.links(feed, seen.get("link", ()), base, alternates_only=False)
        self.duplicate_entries(context)

    def entry(self, entry: etree._Element, base: str | None, context: _Context) -> None:
        seen = self.children(entry, ENTRY, base)
        source_authors = any(child.tag == _A + "author"
                             for source in seen.get("source", ()) for child in source)
        if not ("author" in seen or context.feed_has_author or source_authors):
            self.out.at(entry, "atom.entry.missing-author")
        self.entry_content(entry, seen)
        self.links(entry, seen.get("link", ()), base, alternates_only=True)
        ids = seen.get("id")
        if ids and not context.standalone:
            updated = seen.get("updated")
            instant = values.parse_rfc3339_strict(updated[0].text or "") if updated else None
            context.ids.setdefault((ids[0].text or "").strip(), []).append((instant, ids[0]))

    def source(self, source: etree._Element, base: str | None) -> None:
        seen = self.children(source, SOURCE, base)
        self.links(source, seen.get("link", ()), base, alternates_only=True)

    def person(self, person: etree._Element, base: str | None) -> None:
        self.children(person, PERSON, base)

    def children(self, parent: etree._Element, rules: dict[str, str], base: str | None,
                 defer: tuple[str, ...] = ()) -> dict[str, list[etree._Element]]:
        """Check each child of a container once: Atom children against `rules` (unknown,
        duplicated), others as extensions. Children named in `defer` are only collected.
        Then report required children that are missing."""
        seen: dict[str, list[etree._Element]] = {}
        parent_name = _local(parent.tag)
        self.no_text(parent)
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if not tag.startswith(_A):
                self.foreign(child)
                continue
            name = tag[len(_A):]
            rule = rules.get(name)
            if rule is None:
                self.out.at(child, "atom.element.unknown", name=name, parent=parent_name)
                continue
            same = seen.setdefault(name, [])
            same.append(child)
            if len(same) > 1 and rule != MANY:
                self.out.at(child, "atom.element.duplicate", name=name, parent=parent_name)
            if name not in defer:
                self.leaf(name, child, base)
        for name, rule in rules.items():
            if name not in seen and rule in (ONE, SHOULD):
                code = "atom.element.missing" if rule == ONE else "atom.source.missing"
                self.out.at(parent, code, name=name, parent=parent_name)
        return seen

    def leaf(self, name: str, element: etree._Element, base: str | None) -> None:
        if name == "link":
            self.link(element, self.attributes(element, ATTRIBUTES["link"], base))
        elif name == "source":
            self.source(element, self.attributes(element, _NONE, base))
        else:
            kind = "text" if name in ("title", "subtitle", "rights", "summary") else name
            allowed = ATTRIBUTES.get(kind, _NONE)
            self.kinds[name](element, self.attributes(element, allowed, base))

    def foreign(self, element: etree._Element) -> None:
        """Extension elements: known namespaces are checked by `extensions`; elements in an
        unknown namespace or in none can't be understood by any reader, so they are noted."""
        if extensions.check_foreign(element, self.out, url=self.url):
            return
        namespace = etree.QName(element).namespace
        if namespace is None:
            self.out.at(element, "atom.extension.no-namespace", name=element.tag)
        elif namespace not in self.unknown_namespaces:
            self.unknown_namespaces.add(namespace)
            self.out.at(element, "atom.extension.unknown-namespace", namespace=namespace)

    def no_text(self, parent: etree._Element) -> None:
        """Containers hold elements only: text beside them is lost on every reader."""
        stray = [parent.text] + [child.tail for child in parent]
        if any(text and not text.isspace() for text in stray):
            self.out.at(parent, "atom.element.text-not-allowed", name=_local(parent.tag))

    def misplaced_metadata(self, feed: etree._Element) -> None:
        """RFC 4287's schema puts a feed's metadata before its entries; readers that stream
        the document may have acted on the feed before metadata that comes after."""
        after_entry = False
        for child in feed:
            tag = child.tag
            if not isinstance(tag, str) or not tag.startswith(_A):
                continue
            if tag == _A + "entry":
                after_entry = True
            elif after_entry:
                self.out.at(child, "atom.feed.metadata-after-entry", name=tag[len(_A):])
                return

    # --- attributes and URIs --------------------------------------------------------------

    def attributes(self, element: etree._Element, allowed: frozenset[str] | None,
                   base: str | None) -> str | None:
        """Check the attributes every element may have (xml:base, xml:lang) and refuse
        unqualified ones its kind does not define (None: any, as in XHTML); return the base
        URI in scope inside the element."""
        for key, value in element.items():
            if key[0] != "{":
                if allowed is not None and key not in allowed:
                    self.out.at(element, "atom.attribute.unknown", name=key,
                                owner=_local(element.tag))
            elif key == XML_BASE:
                if not values.is_uri_reference(value):
                    self.out.at(element, "xml.base.invalid", value=value)
                    continue
                resolved = urljoin(base, value) if base else value
                base = resolved if values.uri_scheme(resolved) else None
            elif key == XML_LANG and value and not values.is_language_tag(value):
                self.out.at(element, "xml.lang.invalid", value=value)
        return base

    def uri(self, element: etree._Element, value: str, base: str | None, what: str) -> bool:
        """Check an IRI reference; True when it is valid."""
        if not values.is_uri_reference(value):
            self.out.at(element, "atom.uri.invalid", what=what, value=value)
            return False
        if values.uri_scheme(value):
            return True
        if base is None:
            self.out.at(element, "atom.uri.relative", what=what, value=value)
        elif value and urljoin(base, value).split("#")[0] == base.split("#")[0]:
            self.out.at(element, "atom.uri.same-document", what=what, value=value, base=base)
        return True

    def value(self, element: etree._Element) -> str | None:
        """The text of a simple element, or None after reporting white space around it
        (URIs and dates don't allow it, and not every reader strips it)."""
        if not self.no_children(element):
            return None
        text = element.text or ""
        if text != text.strip():
            self.out.at(element, "atom.value.whitespace", name=_local(element.tag))
            return None
        return text

    def uri_value(self, element: etree._Element, base: str | None) -> None:
        text = self.value(element)
        if text is not None:
            self.uri(element, text, base, _local(element.tag))

    # --- leaves ---------------------------------------------------------------------------

    def id(self, element: etree._Element, base: str | None) -> None:
        """atom:id is compared character by character, so it must be an absolute IRI and
        should be in normal form; tag: and urn: IDs have their own grammar."""
        text = self.value(element)
        if text is None:
            return
        if not text or not values.is_uri_reference(text):
            self.out.at(element, "atom.id.invalid", value=text)
            return
        scheme = values.uri_scheme(text)
        if scheme is None:
            self.out.at(element, "atom.id.relative", value=text)
        elif scheme == "tag" and not values.is_tag_uri(text):
            self.out.at(element, "atom.id.invalid-tag", value=text)
        elif scheme == "urn" and not values.is_urn(text):
            self.out.at(element, "atom.id.invalid-urn", value=text)
        elif not values.is_registered_scheme(scheme):
            self.out.at(element, "atom.id.unregistered-scheme", scheme=scheme)
        else:
            reason = values.uri_noncanonical(text)
            if reason:
                self.out.at(element, "atom.id.noncanonical", value=text, reason=reason)

    def date(self, element: etree._Element, base: str | None) -> None:
        text = self.value(element)
        if text is None:
            return
        when = values.parse_rfc3339_strict(text)
        if when is None:
            self.out.at(element, "atom.date.invalid", name=_local(element.tag), value=text)
        elif values.is_implausible(when):
            self.out.at(element, "atom.date.implausible", name=_local(element.tag), value=text)

    def name(self, element: etree._Element, base: str | None) -> None:
        if not self.no_children(element):
            return
        text = element.text or ""
        if not text.strip():
            self.out.at(element, "atom.person.blank-name")
        elif _EMAIL_IN_TEXT.search(text):
            self.out.at(element, "atom.person.email-in-name")

    def email(self, element: etree._Element, base: str | None) -> None:
        text = self.value(element)
        if text is None:
            return
        if not values.is_addr_spec(text):
            self.out.at(element, "atom.person.invalid-email", value=text)
        elif not values.is_email(text):
            self.out.at(element, "atom.person.email-host", value=text)

    def category(self, element: etree._Element, base: str | None) -> None:
        term = element.get("term")
        if term is None:
            self.out.at(element, "atom.category.missing-term")
        scheme = element.get("scheme")
        if scheme is not None:
            self.uri(element, scheme, base, "category scheme")
        if html.contains_markup(element.get("label", "")):
            self.out.at(element, "atom.text.html-in-text", what="category label")

    def generator(self, element: etree._Element, base: str | None) -> None:
        uri = element.get("uri")
        if uri is not None:
            self.uri(element, uri, base, "generator uri")
        if html.contains_markup(element.text or ""):
            self.out.at(element, "atom.text.html-in-text", what="generator")
        self.no_children(element)

    def no_children(self, element: etree._Element) -> bool:
        """Report child elements where the spec allows text only; True when there are none."""
        for child in element:
            if isinstance(child.tag, str):
                self.out.at(child, "atom.text.unexpected-child", name=_local(child.tag),
                            parent=_local(element.tag))
                return False
        return True

    # --- links ----------------------------------------------------------------------------

    def link(self, element: etree._Element, base: str | None) -> None:
        href = element.get("href")
        if href is None:
            self.out.at(element, "atom.link.missing-href")
        else:
            self.uri(element, href, base, "link href")
        rel = element.get("rel")
        if rel is not None:
            self.link_rel(element, rel)
        kind = element.get("type")
        if kind is not None and not values.is_mime_type(kind):
            self.out.at(element, "atom.link.invalid-type", value=kind)
        hreflang = element.get("hreflang")
        if hreflang is not None and not values.is_language_tag(hreflang):
            self.out.at(element, "atom.link.invalid-hreflang", value=hreflang)
        length = element.get("length")
        if length is not None and not _NON_NEGATIVE.match(length):
            self.out.at(element, "atom.link.invalid-length", value=length)
        if (element.text and element.text.strip()) or len(element):
            self.out.at(element, "atom.link.not-empty")
        if html.contains_markup(element.get("title", "")):
            self.out.at(element, "atom.text.html-in-text", what="link title")
        if rel in FEED_RELATIONS and element.getparent().tag == _A + "entry":
            self.out.at(element, "atom.link.feed-rel-in-entry", value=rel)
        if rel == "enclosure" and length is None:
            self.out.at(element, "atom.link.enclosure-length")
        if rel == "self" and href is not None:
            self.self_link(element, href, kind, base)

    def link_rel(self, element: etree._Element, rel: str) -> None:
        """rel is a registered name or an absolute IRI (RFC 4287 section 4.2.7.2)."""
        if not rel:
            self.out.at(element, "atom.link.invalid-rel", value=rel)
        elif values.uri_scheme(rel):
            if not values.is_uri_reference(rel):
                self.out.at(element, "atom.link.invalid-rel", value=rel)
        elif rel.lower() not in LINK_RELATIONS:
            self.out.at(element, "atom.link.unregistered-rel", value=rel)

    def self_link(self, element: etree._Element, href: str, kind: str | None,
                  base: str | None) -> None:
        if kind is not None and kind.split(";")[0].strip().lower() != "application/atom+xml":
            self.out.at(element, "atom.link.self-type", value=kind)
        if self.url is None or element.getparent().getparent() is not None:
            return  # only the document's own self link says where the document lives
        target = urljoin(base, href) if base else href
        if _normal(target) != _normal(self.url):
            self.out.at(element, "atom.link.self-mismatch", href=target, url=self.url)

    def links(self, parent: etree._Element, links: list[etree._Element], base: str | None,
              *, alternates_only: bool) -> None:
        """Duplicate alternates are an error (RFC 4287 4.1.1, 4.1.2); a feed should say where
        it lives (rel="self")."""
        seen: set[tuple[str | None, str | None]] = set()
        has_self = False
        for element in links:
            rel = _rel(element.get("rel"))
            has_self = has_self or rel == "self"
            if rel != "alternate":
                continue
            key = (element.get("type"), element.get("hreflang"))
            if key in seen:
                self.out.at(element, "atom.link.duplicate-alternate", type=key[0] or "none",
                            hreflang=key[1] or "none")
            seen.add(key)
        if not alternates_only and not has_self:
            self.out.at(parent, "atom.feed.missing-self")

    # --- text constructs and content ------------------------------------------------------

    def text(self, element: etree._Element, base: str | None) -> None:
        """A text construct (RFC 4287 section 3.1): text, html or xhtml."""
        kind = element.get("type", "text")
        if kind not in TEXT_TYPES:
            self.out.at(element, "atom.text.invalid-type", value=kind, name=_local(element.tag))
            return
        self.typed_text(element, kind, base)

    def typed_text(self, element: etree._Element, kind: str, base: str | None) -> None:
        if kind == "xhtml":
            self.xhtml(element, base)
            return
        if not self.no_children(element):
            return
        text = element.text or ""
        if not text.strip():
            if _local(element.tag) in BLANK_WARNED:
                self.out.at(element, "atom.text.blank", name=_local(element.tag))
        elif kind == "html":
            html.check_html(text, self.out, element, base_url=base)
        elif html.contains_markup(text):
            self.out.at(element, "atom.text.html-in-text", what=_local(element.tag))

    def xhtml(self, element: etree._Element, base: str | None) -> None:
        """type="xhtml": exactly one xhtml:div child, nothing but white space beside it."""
        elements = [child for child in element if isinstance(child.tag, str)]
        stray = [element.text] + [child.tail for child in element]
        if (len(elements) != 1 or elements[0].tag != _XHTML_DIV
                or any(text and not text.isspace() for text in stray)):
            self.out.at(element, "atom.text.missing-xhtml-div", name=_local(element.tag))
            return
        div = elements[0]
        if div.prefix:
            self.out.at(div, "atom.namespace.prefix", prefix=div.prefix)
        div_base = self.attributes(div, None, base)
        if not any(isinstance(child.tag, str) for child in div):
            if html.contains_markup(div.text or ""):
                self.out.at(element, "atom.text.escaped-xhtml", name=_local(element.tag))
            return
        html.check_xhtml(div, self.out, base_url=div_base)

    def content(self, element: etree._Element, base: str | None) -> None:
        """atom:content (RFC 4287 section 4.1.3): a text construct type, or a MIME type whose
        content is inline XML, text, or Base64; or empty with a src."""
        kind = element.get("type")
        if element.get("src") is not None:
            self.out_of_line(element, kind, base)
        elif kind is None or kind in TEXT_TYPES:
            self.typed_text(element, kind or "text", base)
        elif not values.is_mime_type(kind):
            self.out.at(element, "atom.content.invalid-type", value=kind)
        elif values.is_xml_mime_type(kind):
            if _is_html_type(kind):
                html.check_xhtml(element, self.out, base_url=base)
        elif kind.lower().startswith("text/"):
            if self.no_children(element):
                self.text_content(element, kind, base)
        elif self.no_children(element):
            self.base64(element, kind, base)

    def text_content(self, element: etree._Element, kind: str, base: str | None) -> None:
        """text/* content is the document itself: HTML is checked as HTML, any other text
        type showing tags was probably meant to be HTML."""
        text = element.text or ""
        if _is_html_type(kind):
            html.check_html(text, self.out, element, base_url=base)
        elif html.contains_markup(text):
            self.out.at(element, "atom.text.html-in-text", what=f"{kind} content")

    def out_of_line(self, element: etree._Element, kind: str | None, base: str | None) -> None:
        self.uri(element, element.get("src", ""), base, "content src")
        if kind is None:
            self.out.at(element, "atom.content.src-without-type")
        elif kind in TEXT_TYPES or not values.is_mime_type(kind):
            self.out.at(element, "atom.content.invalid-type", value=kind)
        if len(element) or (element.text and element.text.strip()):
            self.out.at(element, "atom.content.src-not-empty")

    def base64(self, element: etree._Element, kind: str, base: str | None) -> None:
        try:
            data = base64.b64decode("".join((element.text or "").split()), validate=True)
        except (binascii.Error, ValueError):
            self.out.at(element, "atom.content.not-base64", type=kind)
            return
        if _is_html_type(kind):
            html.check_html(data.decode("utf-8", "replace"), self.out, element, base_url=base)

    def entry_content(self, entry: etree._Element, seen: dict[str, list[etree._Element]]) -> None:
        """RFC 4287 section 4.1.1: no content needs an alternate link; out-of-line or Base64
        content needs a summary (readers can't show it); some text is advised."""
        contents = seen.get("content")
        has_summary = "summary" in seen
        if not contents:
            if not any(_rel(link.get("rel")) == "alternate" for link in seen.get("link", ())):
                self.out.at(entry, "atom.entry.missing-content-or-alternate")
            if not has_summary:
                self.out.at(entry, "atom.entry.no-text")
            return
        content = contents[0]
        kind = content.get("type") or "text"
        opaque = (kind not in TEXT_TYPES and not values.is_xml_mime_type(kind)
                  and not kind.lower().startswith("text/"))
        if not has_summary and (content.get("src") is not None or opaque):
            self.out.at(entry, "atom.entry.missing-summary")

    def duplicate_entries(self, context: _Context) -> None:
        """Entries sharing an id are versions of one entry; with the same updated instant
        (or none) readers can't tell which is current (RFC 4287 section 4.1.1)."""
        for entry_id, versions in context.ids.items():
            instants: set[datetime | None] = set()
            for instant, element in versions:
                if instant in instants:
                    self.out.at(element, "atom.entry.duplicate-id", value=entry_id)
                instants.add(instant)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rel(rel: str | None) -> str:
    """The link relation with its default and its IANA IRI form folded to the short name."""
    if rel is None:
        return "alternate"
    return rel[len(_IANA_REL_PREFIX):] if rel.startswith(_IANA_REL_PREFIX) else rel


def _is_html_type(kind: str) -> bool:
    subtype = kind.split(";", 1)[0].strip().lower().rsplit("/", 1)[-1]
    return subtype in ("html", "xhtml+xml")


def _normal(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/").lower()
