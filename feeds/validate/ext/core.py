"""The machinery shared by the RSS validators and the extension rules: the per-document
context, the rule record, qualified names, and the walk over an element's children.

Extension checks are data: every namespace module maps element names to `Rule`s built by the
factories in `rules`, and one walker applies them. The context carries what a single element
cannot know: the host format, the feed's address and values that must be unique document-wide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from lxml import etree

from feeds.validate.collector import Collector

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ATOM_NS = "http://www.w3.org/2005/Atom"
RSS10_NS = "http://purl.org/rss/1.0/"
RSS090_NS = "http://my.netscape.com/rdf/simple/0.9/"
RSS11_NS = "http://purl.org/net/rss1.1#"
XHTML_NS = "http://www.w3.org/1999/xhtml"

# Where an extension element may appear: in the channel (or Atom feed), in an item (or entry),
# in either, or anywhere at all (image, textInput, Atom person constructs...).
CHANNEL, ITEM, BOTH, ANY = "channel", "item", "channel+item", "any"
_LEVEL_OF_PARENT = {
    "channel": CHANNEL,
    "feed": CHANNEL,
    "Channel": CHANNEL,
    "source": CHANNEL,
    "item": ITEM,
    "entry": ITEM,
    "rss": "rss",
    "RDF": "rss",
}

# The namespaces the W3C Feed Validation Service knows, by their conventional prefix.
NAMESPACES: dict[str, str] = {
    "http://www.bloglines.com/about/specs/fac-1.0": "access",
    "http://webns.net/mvcb/": "admin",
    "http://purl.org/rss/1.0/modules/aggregation/": "ag",
    "http://purl.org/rss/1.0/modules/annotate/": "annotate",
    "http://www.w3.org/2007/app": "app",
    "http://media.tangent.org/rss/1.0/": "audio",
    "http://backend.userland.com/blogChannelModule": "blogChannel",
    "http://web.resource.org/cc/": "cc",
    "http://www.microsoft.com/schemas/rss/core/2005": "cf",
    "http://backend.userland.com/creativeCommonsRssModule": "creativeCommons",
    "http://purl.org/rss/1.0/modules/company": "company",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://conversationsnetwork.org/rssNamespace-1.0/": "conversationsNetwork",
    "http://my.theinfo.org/changed/1.0/rss/": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/email/": "email",
    "http://purl.org/rss/1.0/modules/event/": "ev",
    "http://purl.org/syndication/history/1.0": "fh",
    "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
    "http://geourl.org/rss/module/": "geourl",
    "http://www.georss.org/georss": "georss",
    "http://www.opengis.net/gml": "gml",
    "http://postneo.com/icbm": "icbm",
    "http://purl.org/rss/1.0/modules/image/": "image",
    "urn:atom-extension:indexing": "indexing",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://purl.org/rss/1.0/modules/link/": "l",
    "http://search.yahoo.com/mrss/": "media",
    "http://www.w3.org/1998/Math/MathML": "mathml",
    "http://a9.com/-/spec/opensearchrss/1.0/": "opensearch10",
    "http://a9.com/-/spec/opensearch/1.1/": "opensearch",
    "http://www.opml.org/spec2": "opml",
    RDF_NS: "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://purl.org/rss/1.0/modules/reference/": "ref",
    "http://purl.org/rss/1.0/modules/richequiv/": "reqv",
    "http://purl.org/rss/1.0/modules/rss091#": "rss091",
    "http://purl.org/rss/1.0/modules/search/": "search",
    "http://purl.org/rss/1.0/modules/slash/": "slash",
    "http://purl.org/rss/1.0/modules/servicestatus/": "ss",
    "http://hacks.benhammersley.com/rss/streaming/": "str",
    "http://purl.org/rss/1.0/modules/subscription/": "sub",
    "http://feedsync.org/2007/feedsync": "sx",
    "http://www.w3.org/2000/svg": "svg",
    "http://purl.org/rss/1.0/modules/syndication/": "sy",
    "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
    "http://purl.org/rss/1.0/modules/threading/": "thr",
    "http://purl.org/syndication/thread/1.0": "thr",
    "http://madskills.com/public/xml/rss/module/trackback/": "trackback",
    "http://wellformedweb.org/CommentAPI/": "wfw",
    "http://purl.org/rss/1.0/modules/wiki/": "wiki",
    "http://www.usemod.com/cgi-bin/mb.pl?ModWiki": "wiki",
    "http://schemas.xmlsoap.org/soap/envelope/": "soap",
    ATOM_NS: "atom",
    XHTML_NS: "xhtml",
    RSS090_NS: "rss090",
    RSS10_NS: "rss1",
    RSS11_NS: "rss11",
    "http://base.google.com/ns/1.0": "g",
    XML_NS: "xml",
    "http://openid.net/xmlns/1.0": "openid",
    "http://earth.google.com/kml/2.0": "kml20",
    "http://earth.google.com/kml/2.1": "kml21",
    "http://www.opengis.net/kml/2.2": "kml22",
    "http://www.w3.org/1999/xlink": "xlink",
    "xri://$xrd*($v*2.0)": "xrd",
    "xri://$xrds": "xrds",
}


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a table written as text."""
    return tuple(text.split())


def phrases(text: str) -> tuple[str, ...]:
    """The comma-separated phrases of a table written as text."""
    return tuple(phrase.strip() for phrase in text.split(",") if phrase.strip())


def near(namespace: str) -> str:
    """A namespace name as the W3C validator matches it: lower case, trailing punctuation
    dropped, so ".../mrss" and ".../mrss/" name the same vocabulary."""
    match = re.match(r".*\w", namespace)
    return match.group().lower() if match else namespace


_NEAR: dict[str, str] = {near(uri): prefix for uri, prefix in NAMESPACES.items()}


@lru_cache(maxsize=512)
def prefix_of(namespace: str | None) -> str | None:
    """The conventional prefix of a known namespace (near misses included), else None."""
    return _NEAR.get(near(namespace)) if namespace else None


def split(tag: str) -> tuple[str | None, str]:
    """(namespace, local name) of a Clark-notation tag."""
    if tag[:1] == "{":
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return None, tag


@lru_cache(maxsize=4096)
def qname(tag: str) -> str:
    """A readable name for a tag or attribute: prefix:local with the conventional prefix
    (cached: a feed repeats a few dozen tags thousands of times)."""
    namespace, local = split(tag)
    if namespace is None:
        return local
    return f"{prefix_of(namespace) or namespace}:{local}"


_RSS_VOCABULARY = frozenset({None, RSS10_NS, RSS090_NS, RSS11_NS, RDF_NS})


def family(tag: object) -> str:
    """Which part of the catalogue speaks for an element: "rss" for RSS's own vocabulary
    (no namespace in 0.9x/2.0, the RSS 1.0/1.1 namespaces), "ext" for everything else."""
    if not isinstance(tag, str):
        return "rss"
    return _family(tag)


@lru_cache(maxsize=4096)
def _family(tag: str) -> str:
    return "rss" if split(tag)[0] in _RSS_VOCABULARY else "ext"


def level_of(parent: etree._Element | None) -> str:
    """Where an element sits: in a channel, an item, at the root, or somewhere else."""
    if parent is None or not isinstance(parent.tag, str):
        return ANY
    return _LEVEL_OF_PARENT.get(parent.tag.rpartition("}")[2], ANY)


def text_of(element: etree._Element) -> str:
    """The element's own character data (not its children's), whitespace-trimmed."""
    if len(element) == 0:
        return (element.text or "").strip()
    return ((element.text or "") + "".join(child.tail or "" for child in element)).strip()


def elements(parent: etree._Element):
    """The child elements, skipping comments and processing instructions."""
    return (child for child in parent if isinstance(child.tag, str))


Foreign = Callable[["Ctx", etree._Element], bool]


@dataclass(slots=True)
class Ctx:
    """What checks need beyond the element: the host format, the feed's address, and
    document-wide memory (unique ids, namespaces already reported)."""

    out: Collector
    foreign: Foreign
    url: str | None = None
    rdf: bool = False  # RSS 1.0/1.1: values may be rdf:resource and content is RDF
    rss2: bool = False  # RSS 0.9x/2.0: unqualified elements inside extensions are errors
    version: str = ""  # the rss element's version attribute
    seen: dict[str, set[str]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    scope: str = "feed"  # where document-wide uniqueness currently applies
    # The moment dates are checked against (whether one is in the future).
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    # Checks waiting for the whole document, each with the place its messages go.
    waiting: list[tuple[list, Callable[[], None]]] = field(default_factory=list)

    def defer(self, check: Callable[[], None]) -> None:
        """Run `check` once the whole document has been read (`settle`), its messages in the
        place they would have had now."""
        self.waiting.append((self.out.reserve(), check))

    def settle(self) -> None:
        """Run the checks that waited for the whole document."""
        for place, check in self.waiting:
            with self.out.into(place):
                check()
        self.waiting.clear()

    def first(self, scope: str, value: str) -> bool:
        """True the first time `value` turns up in `scope` in this document."""
        values = self.seen.setdefault(scope, set())
        if value in values:
            return False
        values.add(value)
        return True

    def all_first(self, scope: str, distinct: Collection[str]) -> bool:
        """`first` of each of `distinct` values at once (a run of skimmed items' guids):
        True when none turned up in `scope` before. They are recorded either way."""
        values = self.seen.setdefault(scope, set())
        known = len(values)
        values.update(distinct)
        return len(values) == known + len(distinct)


Check = Callable[[Ctx, etree._Element], None]


@dataclass(frozen=True, slots=True)
class Rule:
    """How one element is checked: `check` does the work; `once` makes a repeat of the element
    among its siblings an error (everywhere, or only at the level it names); `level` says where
    it may appear."""

    check: Check
    once: bool | str = True
    level: str = ANY

    def once_at(self, where: str) -> bool:
        return self.once is True or self.once == where


Table = Mapping[str, Rule]  # keyed by qualified name, e.g. "media:content"


def walk(cx: Ctx, parent: etree._Element, table: Table) -> set[str]:
    """Check the children of an element against `table` (keyed by qualified name, e.g.
    "media:content", or the bare name for RSS's own elements); children from other
    vocabularies go to the extension dispatcher, unknown ones from the parent's own vocabulary
    are errors. Returns the names seen."""
    seen: set[str] = set()
    vocabulary = split(parent.tag)[0]
    family_prefix = prefix_of(vocabulary)
    for child in elements(parent):
        name = qname(child.tag)
        rule = table.get(name) or table.get(f"{name.rpartition(':')[0]}:*")
        if rule is None:
            namespace = split(child.tag)[0]
            if namespace == vocabulary or prefix_of(namespace) == family_prefix:
                report_unknown(cx, child)
            else:
                cx.foreign(cx, child)
            seen.add(name)
            continue
        if rule.once is True and name in seen:
            report_duplicate(cx, child)
        seen.add(name)
        rule.check(cx, child)
    return seen


def report_unknown(cx: Ctx, el: etree._Element) -> None:
    """An element its vocabulary does not define, or not where it stands."""
    parent = el.getparent()
    where = qname(parent.tag) if parent is not None and isinstance(parent.tag, str) else "root"
    cx.out.at(el, f"{family(el.tag)}.element.unknown", element=qname(el.tag), parent=where)


def report_duplicate(cx: Ctx, el: etree._Element) -> None:
    """An element that may appear once among its siblings, repeated."""
    parent = el.getparent()
    where = qname(parent.tag) if parent is not None else "root"
    cx.out.at(el, f"{family(el.tag)}.element.duplicate", element=qname(el.tag), parent=where)
