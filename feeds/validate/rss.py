"""RSS 2.0 (RSS Advisory Board specification) and RSS 0.91/0.92 validation.

One pass over the tree, while it is read: the rss element, its channel, the channel's children
(each checked by a rule from the tables below), each item as it arrives (then dropped, see
`xmlload.XmlDocument`). Elements from other namespaces go to
`extensions.check_foreign`; what only the whole channel or item can tell (required elements,
duplicated semantics between RSS and Dublin Core, a missing self link) is checked after its
children. Severities follow the W3C Feed Validation Service.
"""

from __future__ import annotations

import re

from lxml import etree

from feeds.validate import extensions, quick, skim, values
from feeds.validate.collector import Collector, Location
from feeds.validate.ext import itunes
from feeds.validate.ext.core import (
    ATOM_NS,
    NAMESPACES,
    XML_NS,
    Ctx,
    Rule,
    elements,
    qname,
    report_duplicate,
    report_unknown,
    split,
    text_of,
)
from feeds.validate.ext.kinds import (
    Kind,
    email_with_name,
    form_name,
    full_uri,
    http_url,
    is_full_uri,
    is_plausible,
    language,
    markup,
    mime,
    nonblank,
    one_of,
    plain,
    plausible_days,
    positive,
    rfc822,
    text,
    yes_no,
)
from feeds.validate.ext.rules import (
    Attr,
    check_attributes,
    deferred,
    leaf,
    no_text,
    node,
    opt,
    req,
    unexpected_text,
)
from feeds.validate.xmlload import XmlDocument

VERSIONS = ("0.91", "0.92", "2.0")
_RSS_ATTRS = {"version": req(one_of(VERSIONS, code="rss.version.unknown"))}
NETSCAPE_DTD = "http://my.netscape.com/publish/formats/rss-0.91.dtd"
_LANG = f"{{{XML_NS}}}lang"
_SELF_LINK = f"{{{ATOM_NS}}}link"
_CHANNEL_TAGS = frozenset({"channel"})
_ITEM_TAGS = frozenset({"item"})


def check(doc: XmlDocument, out: Collector, *, url: str | None = None) -> None:
    """Validate an RSS 0.9x/2.0 document whose root is <rss>, while it is read: its channel
    is walked as it arrives, an item at a time. A document whose text is given (`doc.source`)
    is skimmed first (see `skim`)."""
    cx = extensions.context(out, doc.root, url=url)
    skimmed = _skim(cx, doc, doc.source) if doc.source is not None else None
    root = doc.root
    _check_doctype(cx, root)
    extensions.check_namespaces(root, out, url=url)
    check_attributes(cx, root, "rss", _RSS_ATTRS)
    stray = out.reserve()  # text beside the channel is only known at the end
    channels = 0
    for child in doc.children(root, enter=_CHANNEL_TAGS):
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "channel":
            channels += 1
            if channels > 1:
                report_duplicate(cx, child)
            _channel(cx, doc, child, skimmed)
        elif split(tag)[0] is None:
            report_unknown(cx, child)
        else:
            cx.foreign(cx, child)
    with out.into(stray):
        no_text(cx, root)
    if channels == 0:
        out.at(root, "rss.element.missing", element="channel", parent="rss")
    if skimmed is not None:
        skimmed.finish()


def _skim(cx: Ctx, doc: XmlDocument, text: str) -> skim.Cut[QuickItem] | None:
    """Parse an RSS 2.0 document again with the items the quick check accepts in its text
    cut out, if there are any (see `skim`); their records. Whether each guid is new is
    decided as the walk will decide it, with the guids of every item whose values are known;
    `_skimmed_items` confirms it."""
    if cx.version != "2.0":
        return None
    guids: set[str] = set()
    ascii = text.isascii()
    days = plausible_days(cx.now)

    def admit(match: re.Match[str], _names: set[str]) -> QuickItem | None:
        found = _quick_values(cx, match, ascii, days)
        if found is None or found[0] in guids:
            return None
        guids.add(found[0])
        return found

    skimmed = skim.cut(text, ("rss", "channel"), "item", _QUICK_ITEM, admit)
    if skimmed is not None:
        doc.restart(skimmed.data, skimmed.lines)
    return skimmed


def _skimmed_items(cx: Ctx, channel: etree._Element, run: list[QuickItem]) -> None:
    """The items a placeholder stands for: counted, and each with a new guid and its
    prefixes bound as `_binds` requires; otherwise the skim was wrong. (Their guids are
    distinct, as `_skim` admitted them. They are in no namespace, as the channel is: nothing
    between declares one.)"""
    namespaces = channel.nsmap
    bound = {prefix for prefix in ("content", "dc")
             if NAMESPACES.get(namespaces.get(prefix)) == prefix}
    cx.out.passed(channel, "item", len(run))
    used = {prefix for _, prefixes in run for prefix in prefixes}
    if not (bound.issuperset(used) and cx.all_first(f"guid {cx.scope}", [g for g, _ in run])):
        raise skim.Mismatch


def _check_doctype(cx: Ctx, root: etree._Element) -> None:
    """Only RSS 0.91 had a DTD, and Netscape's copy of it is gone."""
    docinfo = root.getroottree().docinfo
    if not docinfo.doctype:
        return
    if docinfo.system_url == NETSCAPE_DTD:
        cx.out.add("rss.doctype.netscape", line=1)
    elif root.get("version") != "0.91":
        cx.out.add("rss.doctype.unexpected", line=1, version=root.get("version", ""))


# --- channel -------------------------------------------------------------------------------------


def _hour(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An hour of the day in GMT, 0 to 23 (24 is a common spelling of midnight)."""
    if value.isdigit() and int(value) < 24:
        return True
    code = "rss.skiphours.use-zero" if value == "24" else "rss.skiphours.invalid-hour"
    cx.out.at(el, code, value=value)
    return False


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _skip(child: str, kind: Kind, limit: int) -> Rule:
    """skipHours and skipDays: at least one value, no value twice, no more than exist."""

    def then(cx: Ctx, el: etree._Element) -> None:
        values = [text_of(c) for c in elements(el) if c.tag == child]
        if not values:
            cx.out.at(el, "rss.element.missing", element=child, parent=el.tag)
        seen: set[str] = set()
        for value in values:
            key = "0" if value in ("0", "24") else value.lstrip("0") or "0"
            if key in seen:
                cx.out.at(el, "rss.skip.duplicate-value", element=child, value=value)
            seen.add(key)
        if len(values) > limit:
            cx.out.at(el, "rss.skip.too-many", element=child, limit=limit)

    return node(children={child: leaf(kind, once=False)}, then=then)


def _image_then(cx: Ctx, el: etree._Element) -> None:
    """An image needs url, title and link, and should repeat the channel's title and link
    (wherever they are in the channel: this check waits until the channel has been read)."""
    present = {child.tag: text_of(child) for child in elements(el)}
    for needed in ("url", "title", "link"):
        if needed not in present:
            cx.out.at(el, "rss.element.missing", element=needed, parent="image")
    channel = el.getparent()
    for name in ("title", "link"):
        own, theirs = present.get(name), _child_text(channel, name)
        if own and theirs is not None and own != theirs:
            cx.out.at(el, f"rss.image.{name}-mismatch", value=own, channel=theirs)


def _child_text(parent: etree._Element | None, tag: str) -> str | None:
    child = parent.find(tag) if parent is not None else None
    return text_of(child) if child is not None else None


def _image_url(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """Aggregators show GIF, JPEG and PNG images."""
    extension = value.rsplit(".", 1)[-1].lower() if "." in value else ""
    if extension.isalnum() and extension not in ("jpg", "jpeg", "gif", "png"):
        cx.out.at(el, "rss.image.format", value=value)
    return True


def _dimension(limit: int, what: str) -> Kind:
    """Image sizes: a positive number of pixels up to the limit the specification sets."""

    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        if value.isdigit() and 0 < int(value) <= limit:
            return True
        cx.out.at(el, f"rss.image.bad-{what}", value=value, limit=limit)
        return False

    return check


def _textinput_then(cx: Ctx, el: etree._Element) -> None:
    """A text input needs all four of its elements; RSS 2.0 readers ignore it anyway."""
    present = {child.tag for child in elements(el)}
    for needed in ("title", "description", "name", "link"):
        if needed not in present:
            cx.out.at(el, "rss.element.missing", element=needed, parent=el.tag)
    if cx.rss2 and cx.version.startswith("2."):
        cx.out.at(el, "rss.textinput.avoid")


_IMAGE = node(children={
    "url": leaf(full_uri, _image_url), "title": leaf(plain, nonblank), "link": leaf(full_uri),
    "width": leaf(_dimension(144, "width")), "height": leaf(_dimension(400, "height")),
    "description": leaf(plain),
}, then=deferred(_image_then))
_TEXTINPUT = node(children={
    "title": leaf(plain), "description": leaf(text), "name": leaf(form_name),
    "link": leaf(full_uri),
}, then=_textinput_then)

CHANNEL: dict[str, Rule] = {
    "title": leaf(plain, nonblank),
    "link": leaf(full_uri),
    "description": leaf(plain),
    "language": leaf(language),
    "copyright": leaf(plain),
    "managingEditor": leaf(email_with_name),
    "webMaster": leaf(email_with_name),
    "pubDate": leaf(rfc822),
    "lastBuildDate": leaf(rfc822),
    "category": node(plain, attrs={"domain": opt()}, once=False),
    "generator": leaf(text),
    "docs": leaf(full_uri),
    "cloud": node(attrs={"domain": req(), "port": req(positive), "path": req(),
                         "registerProcedure": req(), "protocol": req()}),
    "ttl": leaf(positive, nonblank),
    "image": _IMAGE,
    "rating": leaf(text),
    "textInput": _TEXTINPUT,
    "skipHours": _skip("hour", _hour, 24),
    "skipDays": _skip("day", one_of(DAYS, code="rss.skipdays.invalid-day"), 7),
}

_CHANNEL_ATTRS = {"{urn:atom-extension:indexing}index": opt(yes_no)}

# Extension elements that say what an RSS element already says (W3C DuplicateSemantics).
CHANNEL_SEMANTICS = (
    ("managingEditor", "dc:creator"), ("webMaster", "dc:publisher"), ("category", "dc:subject"),
    ("pubDate", "dc:date"), ("language", "dc:language"), ("copyright", "dc:rights"),
    ("lastBuildDate", "dcterms:modified"), ("generator", "admin:generatorAgent"),
    ("creativeCommons:license", "cc:license"),
)
ITEM_SEMANTICS = (
    ("author", "dc:creator"), ("category", "dc:subject"), ("pubDate", "dc:date"),
    ("source", "dc:source"), ("guid", "atom:id"), ("pubDate", "atom:published"),
    ("creativeCommons:license", "cc:license"),
)
# RSS 0.91 (UserLand) limits: aggregators of the time truncated or dropped what exceeded them.
V091_LIMITS = {"title": 100, "description": 500, "link": 500}
V091_MAX_ITEMS = 15
_DATES = frozenset({"pubDate", "dc:date", "atom:published", "atom:updated"})
_TITLE_OR_DESCRIPTION = frozenset({"title", "description"})
_SEMANTIC_EXTENSIONS = frozenset(extension for _, extension in CHANNEL_SEMANTICS + ITEM_SEMANTICS)
_NO_ATTRIBUTES: dict[str, Attr] = {}


def _channel(cx: Ctx, doc: XmlDocument, channel: etree._Element,
             skimmed: skim.Cut[QuickItem] | None) -> None:
    """Check a channel's children in order as they are read (items are dropped once checked,
    placeholders of `skimmed` items are counted), then what the channel needs as a whole."""
    out = cx.out
    check_attributes(cx, channel, "channel", _CHANNEL_ATTRS)
    stray = out.reserve()
    present: set[str] = set()
    items = 0
    misplaced = False
    counted: Location | None = None  # where the first item with slash:comments is
    too_long: list[tuple[Location, str, int]] = []  # items' RSS 0.91 overlong elements
    shortcut = quick.Shortcut(lambda item: _quick_item(cx, item))
    for child in doc.children(channel, stream=_ITEM_TAGS):
        tag = child.tag
        if not isinstance(tag, str):
            if skimmed is not None and (run := skimmed.take(child)):
                _skimmed_items(cx, channel, run)
                items += len(run)
                present.add("item")
            continue
        name = qname(tag)
        if name == "item":
            items += 1
            # An item the quick check accepts has no slash:comments.
            if not shortcut(child) and "slash:comments" in _item(cx, child):
                counted = counted or out.locate(child)
            if cx.version == "0.91":
                too_long += _too_long(out, child)
        else:
            if items and not misplaced and (tag[0] != "{" or name == "atom:link"):
                out.at(child, "rss.channel.item-before-metadata", element=name)
                misplaced = True
            _child(cx, child, tag, name, CHANNEL, present)
        present.add(name)
    if doc.has_text(channel):
        with out.into(stray):
            unexpected_text(cx, channel)
    if counted is not None and "lastBuildDate" not in present:
        line, path = counted
        out.add("rss.item.slash-comments-without-lastbuilddate", line=line, path=path)
    for needed in ("title", "link", "description"):
        if needed not in present:
            out.at(channel, "rss.element.missing", element=needed, parent="channel")
    _semantics(cx, channel, present, CHANNEL_SEMANTICS)
    has_language = bool({"language", "dc:language"} & present) or _lang_in_scope(channel)
    if not has_language:
        out.at(channel, "rss.channel.missing-language")
    if cx.version == "2.0" and not any(_is_self_link(c) for c in channel.iterchildren(_SELF_LINK)):
        out.at(channel, "rss.channel.missing-self-link")
    if cx.version == "0.91":
        _v091(cx, channel, present, items, too_long)
    extensions.finish_feed(channel, out, has_language=has_language)


def _child(cx: Ctx, child: etree._Element, tag: str, name: str, table: dict[str, Rule],
           seen: set[str]) -> None:
    """One child of a channel or item: RSS's own by its rule, others as extensions."""
    if tag[0] == "{":
        cx.foreign(cx, child)
        return
    rule = table.get(name)
    if rule is None:
        report_unknown(cx, child)
        return
    if rule.once is True and name in seen:
        report_duplicate(cx, child)
    rule.check(cx, child)


def _semantics(cx: Ctx, el: etree._Element, present: set[str],
               pairs: tuple[tuple[str, str], ...]) -> None:
    if present.isdisjoint(_SEMANTIC_EXTENSIONS):
        return  # the common case, in one set operation
    for core, extension in pairs:
        if core in present and extension in present:
            cx.out.at(el, "rss.semantics.duplicate", core=core, extension=extension)


def _lang_in_scope(el: etree._Element) -> bool:
    node_: etree._Element | None = el
    while node_ is not None:
        if node_.get(_LANG):
            return True
        node_ = node_.getparent()
    return False


def _is_self_link(link: etree._Element) -> bool:
    return link.get("rel") == "self"


def _v091(cx: Ctx, channel: etree._Element, present: set[str], items: int,
          too_long: list[tuple[Location, str, int]]) -> None:
    """RSS 0.91 required language and image, limited lengths and at most 15 items (the
    items' lengths were measured as they were read)."""
    for needed in ("language", "image"):
        if needed not in present:
            cx.out.at(channel, "rss.v091.missing-element", element=needed)
    if items > V091_MAX_ITEMS:
        cx.out.at(channel, "rss.v091.too-many-items", count=items, limit=V091_MAX_ITEMS)
    for (line, path), tag, length in [*_too_long(cx.out, channel), *too_long]:
        cx.out.add("rss.v091.too-long", line=line, path=path, element=tag, length=length,
                   limit=V091_LIMITS[tag])


def _too_long(out: Collector, parent: etree._Element) -> list[tuple[Location, str, int]]:
    """Where a channel's or an item's title, description or link exceeds RSS 0.91's limit."""
    found = []
    for child in parent.iterchildren(*V091_LIMITS):
        length = len(text_of(child))
        if length > V091_LIMITS[child.tag]:
            found.append((out.locate(child), child.tag, length))
    return found


# --- items ---------------------------------------------------------------------------------------


def _enclosure_length(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """The size in bytes; 0 when unknown (not -1)."""
    stripped = value.strip()
    if stripped.lstrip("-").isdigit() and int(stripped) >= 0:
        return True
    code = "rss.enclosure.bad-length"
    if stripped == "-1":
        code = "rss.enclosure.unknown-length"
    cx.out.at(el, code, value=value)
    return False


def _enclosure(cx: Ctx, el: etree._Element) -> None:
    url = el.get("url")
    if url and "itunes" in cx.flags:
        itunes.enclosure_format(cx, el, url)


_GUID_ATTRS = {"isPermaLink": opt(one_of(("true", "false"),
                                          code="rss.guid.bad-permalink-attribute"))}


def _guid(cx: Ctx, el: etree._Element) -> None:
    """A guid is a permalink URL unless isPermaLink="false", and unique in the channel."""
    permalink_attr = el.get("isPermaLink")
    check_attributes(cx, el, "guid", _GUID_ATTRS)
    value = text_of(el)
    nonblank(cx, el, "guid", value)
    if permalink_attr in (None, "true"):
        if not is_full_uri(value):
            cx.out.at(el, "rss.guid.not-url", value=value)
        elif value.lower().startswith(("tag:", "urn:uuid:")):
            cx.out.at(el, "rss.guid.not-permalink", value=value)
    elif value.isdigit() and len(value) < 9:
        cx.out.at(el, "rss.guid.not-unique-enough", value=value)
    if value and not cx.first(f"guid {cx.scope}", value):
        cx.out.at(el, "rss.guid.duplicate", value=value)


def _description(cx: Ctx, el: etree._Element) -> None:
    """Item descriptions hold escaped HTML, except in RSS 0.91 where they are plain text."""
    (_PLAIN_DESCRIPTION if cx.version == "0.91" else _HTML_DESCRIPTION).check(cx, el)


_PLAIN_DESCRIPTION = leaf(plain)
_HTML_DESCRIPTION = leaf(markup)

ITEM: dict[str, Rule] = {
    "title": leaf(plain, nonblank),
    "link": leaf(full_uri),
    "description": Rule(_description),
    "author": leaf(email_with_name),
    "category": node(plain, nonblank, attrs={"domain": opt()}, once=False),
    "comments": leaf(full_uri),
    "enclosure": node(attrs={"url": req(http_url), "length": req(_enclosure_length),
                             "type": req(mime)}, then=_enclosure, once=False),
    "guid": Rule(_guid),
    "pubDate": leaf(rfc822),
    "source": node(plain, attrs={"url": req(full_uri)}),
}


def _item(cx: Ctx, item: etree._Element) -> set[str]:
    """Check an item's children in order, then what the item needs as a whole; returns the
    names of its children."""
    check_attributes(cx, item, "item", _NO_ATTRIBUTES)
    no_text(cx, item)
    seen: set[str] = set()
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = qname(tag)
        if name == "enclosure" and name in seen:
            cx.out.at(child, "rss.enclosure.duplicate")
        if name == "content:encoded" and "description" not in seen:
            cx.out.at(child, "rss.item.content-before-description")
        _child(cx, child, tag, name, ITEM, seen)
        seen.add(name)
    if seen.isdisjoint(_TITLE_OR_DESCRIPTION):
        cx.out.at(item, "rss.item.missing-title-or-description")
    if "guid" not in seen and cx.version.startswith("2."):
        cx.out.at(item, "rss.item.missing-guid")
    if seen.isdisjoint(_DATES):
        cx.out.at(item, "rss.item.missing-date")
    _semantics(cx, item, seen, ITEM_SEMANTICS)
    return seen


def _quick_item_pattern() -> re.Pattern[str]:
    """The items `_quick_item` accepts, after their start tag (see `quick`): RSS 2.0's common
    children and the two commonest extensions (content:encoded, dc:creator), plain titles
    without character references, http(s) links, a guid that is a URL (or says it is not a
    permalink), a date for `_quick_values` to check, and escaped HTML with nothing to report
    (`quick.PLAIN_HTML`)."""
    plain = quick.text(nonblank=True, escapes="gt")  # '&' would be a reference to check
    bare_url = "https?://[A-Za-z0-9.-]+" + quick.optional(r"[/?#][0-9a-zA-Z;/?:@=+$.\-_!~*'(),#]*")
    url = rf"{quick.GAP}{bare_url}{quick.GAP}"
    edge = quick.chars("<&", space=True)
    value = edge + quick.optional(f"{quick.chars('<&')}*{edge}")
    permalink = quick.optional(' isPermaLink="true"')
    alternatives = [
        quick.once("title", rf"title>(?P<title>){plain}</title>"),
        quick.once("link", rf"link>(?P<link>){url}</link>"),
        quick.once("comments", rf"comments>(?P<comments>){url}</comments>"),
        quick.once("guid", rf'guid(?P<guid>)(?:{permalink}>(?P<permalink>{bare_url})'
                           rf'| isPermaLink="false">(?P<opaque>{value}))</guid>'),
        # A date of the common form is marked at its end, not its day captured: `re` keeps
        # what a group took in an alternative that failed after it (a day, then no time),
        # and shows it once a later group has matched.
        quick.once("pubDate", "pubDate>(?P<pubDate>" + quick.optional(
                       f"{values.COMMON_RFC822_DAY} {values.COMMON_RFC822_TIME}(?=</)(?P<common>)")
                   + f"{quick.chars('<&')}*)</pubDate>"),
        quick.once("description",
                   rf"description(?P<description>)>{quick.PLAIN_HTML}</description>"),
        rf'category(?: domain="{quick.ATTRIBUTE_TEXT}")?>{plain}</category>',
        # content:encoded after the description; the prefixes' namespaces are checked apart.
        quick.once("encoded", "content:encoded(?P<encoded>)>(?(description)|(?!))"
                              rf"{quick.PLAIN_HTML}</content:encoded>"),
        rf"dc:creator(?P<creator>)>{quick.ANY_TEXT}</dc:creator>",
    ]
    return quick.compile_pattern(
        quick.children(alternatives) + quick.required("guid", "pubDate") + quick.end_tag("item")
    )


_QUICK_ITEM = _quick_item_pattern()
_QUICK_START = re.compile(quick.start_tag("item", None))
# The groups `_quick_values` reads, by number (a match reads them faster so than by name).
_QUICK_VALUES = tuple(_QUICK_ITEM.groupindex[name] for name in (
    "title", "description", "pubDate", "common", "encoded", "creator", "permalink", "opaque"))
# What an item the quick check accepts leaves for the feed: its guid, and the prefixes its
# extensions use, which must be bound to their namespaces.
QuickItem = tuple[str, tuple[str, ...]]
_PREFIXES = {  # by whether content:encoded and dc:creator are there
    (False, False): (), (True, False): ("content",), (False, True): ("dc",),
    (True, True): ("content", "dc"),
}


def _quick_item(cx: Ctx, item: etree._Element) -> bool:
    """Whether an RSS 2.0 item, serialized, is in the common form `_QUICK_ITEM` accepts with
    values that pass and a guid not seen before (which it records, as `_guid` does): then it
    has nothing to report (see `quick`)."""
    if cx.version != "2.0":
        return False
    serialized = quick.serialize(item)
    start = _QUICK_START.match(serialized)
    if start is None:
        return False
    found = _quick_values(cx, _QUICK_ITEM.fullmatch(serialized, start.end()),
                          serialized.isascii(), plausible_days(cx.now))
    return (found is not None and all(_binds(serialized, prefix) for prefix in found[1])
            and cx.first(f"guid {cx.scope}", found[0]))


def _quick_values(
    cx: Ctx, match: re.Match[str] | None, ascii: bool, days: range
) -> QuickItem | None:
    """What the channel's bookkeeping needs of an item `_QUICK_ITEM` matched, if its values
    pass the checks a pattern can't make (checks of the item alone). `ascii`: the text
    matched is known to be ASCII, and so free of mis-decoded characters. A date of the common
    form on one of the plausible `days` is taken on its day alone, read once for all the
    items of that day (`values.common_rfc822_day`)."""
    if match is None:
        return None
    if not ascii and values.misdecoded(match.group()):
        return None
    title, description, date_text, common, encoded, creator, permalink, opaque = match.group(
        *_QUICK_VALUES)
    if title is None and description is None:
        return None  # one of them is required
    day = (None if common is None
           else values.common_rfc822_day(values.common_rfc822_day_of(date_text)))
    if day is None or day not in days:
        date = values.common_rfc822(date_text)
        if date is None:
            date, problem = values.parse_rfc822(date_text)
            if problem is not None or date is None:
                return None
        if not is_plausible(cx, date):
            return None
    guid = permalink or opaque
    if guid.isdigit() and len(guid) < 9:
        return None  # not unique enough
    return guid, _PREFIXES[encoded is not None, creator is not None]


def _binds(serialized: str, prefix: str) -> bool:
    """Whether a serialized element's start tag binds `prefix` to the very namespace whose
    conventional prefix it is (the children's start tags, in the quick form, declare
    nothing)."""
    declared = re.search(f' xmlns:{prefix}="([^"]*)"', serialized[: serialized.index(">")])
    return declared is not None and NAMESPACES.get(declared[1]) == prefix
