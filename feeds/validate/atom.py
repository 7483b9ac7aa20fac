"""Atom 1.0 (RFC 4287): feed documents and entry documents.

The tree is walked once, while it is read: a feed's entries are checked one at a time as they
arrive and then dropped (see `xmlload.XmlDocument`). Which Atom children each container takes,
and how many, is a table (`FEED`, `ENTRY`, `SOURCE`, `PERSON`); how each leaf's value is
checked is a table too (`HANDLERS`). Elements outside the Atom namespace go to the extension
checks, and markup carried by text constructs goes to `html`. The report is in the order a walk
over the whole tree gives: the feed's metadata first, then its entries (`_FeedReport`).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from feeds.validate import extensions, html, quick, skim, values
from feeds.validate.collector import Collector, Location, Section
from feeds.validate.xmlload import XmlDocument

ATOM_NS = "http://www.w3.org/2005/Atom"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_BASE = f"{{{XML_NS}}}base"
XML_LANG = f"{{{XML_NS}}}lang"
_A = f"{{{ATOM_NS}}}"
_A_LEN = len(_A)
_XHTML_DIV = f"{{{XHTML_NS}}}div"
_ENTRY = _A + "entry"
_ENTRY_TAGS = frozenset({_ENTRY})
_AUTHOR = _A + "author"

ONE, OPTIONAL, MANY, SHOULD = "one", "optional", "many", "should"
# How one kind of Atom element is checked: (walker, element, base URI in scope).
Handler = Callable[["_Walker", etree._Element, "str | None"], None]
STREAMED = "streamed"


class Children:
    """Which Atom children a container takes, each ONE (required), OPTIONAL (at most one),
    MANY, SHOULD (advised, at most one) or STREAMED (many, each checked as soon as it is read
    and then dropped: a feed's entries); `required` lists what to report when missing."""

    def __init__(self, rules: dict[str, str]) -> None:
        self.rules = rules
        self.required = tuple(
            (name, "atom.element.missing" if rule == ONE else "atom.source.missing")
            for name, rule in rules.items()
            if rule in (ONE, SHOULD)
        )
        # Keyed by tag, so that a child's rule and check are one look-up (see `bind`).
        self.by_tag: dict[str, tuple[str, str, Handler, frozenset[str]]] = {}

    def bind(self, handlers: dict[str, tuple[Handler, frozenset[str]]]) -> None:
        """Take each child's check and allowed attributes from `handlers` (`HANDLERS`)."""
        self.by_tag = {
            _A + name: (name, rule, *handlers[name]) for name, rule in self.rules.items()
        }


_METADATA = {
    "author": MANY,
    "category": MANY,
    "contributor": MANY,
    "generator": OPTIONAL,
    "icon": OPTIONAL,
    "id": ONE,
    "link": MANY,
    "logo": OPTIONAL,
    "rights": OPTIONAL,
    "subtitle": OPTIONAL,
    "title": ONE,
    "updated": ONE,
}
FEED = Children({**_METADATA, "entry": STREAMED})
# A source keeps a copy of its feed's metadata: everything optional, id, title, updated advised.
SOURCE = Children(
    {
        **{k: MANY if v == MANY else OPTIONAL for k, v in _METADATA.items()},
        "id": SHOULD,
        "title": SHOULD,
        "updated": SHOULD,
    }
)
ENTRY = Children(
    {
        "author": MANY,
        "category": MANY,
        "content": OPTIONAL,
        "contributor": MANY,
        "id": ONE,
        "link": MANY,
        "published": OPTIONAL,
        "rights": OPTIONAL,
        "source": OPTIONAL,
        "summary": OPTIONAL,
        "title": ONE,
        "updated": ONE,
    }
)
PERSON = Children({"name": ONE, "uri": OPTIONAL, "email": OPTIONAL})

# Unqualified attributes each kind of element may carry (xml:* and namespaced ones always may).
ATTRIBUTES = {
    "text": frozenset({"type"}),
    "content": frozenset({"type", "src"}),
    "link": frozenset({"href", "rel", "type", "hreflang", "title", "length"}),
    "category": frozenset({"term", "scheme", "label"}),
    "generator": frozenset({"uri", "version"}),
}
_NONE: frozenset[str] = frozenset()
# What an entry the quick check accepts leaves for the feed: its id, its updated instant and
# whether it has an author.
QuickEntry = tuple[str, datetime, bool]

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
_EMAIL_IN_TEXT = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")
_NON_NEGATIVE = re.compile(r"^\d+$")
_THR = "{http://purl.org/syndication/thread/1.0}"
_THR_COUNT, _THR_UPDATED = _THR + "count", _THR + "updated"
_HTML_DOCUMENT = re.compile(r"\s*<(!doctype|html)[\s>]", re.IGNORECASE)


def check(doc: XmlDocument, out: Collector, *, url: str | None = None) -> None:
    """Validate an Atom feed or entry document. `url` is where it is served: it is the base
    of relative references and what a self link must point to (never checked without it).
    A feed is checked while it is read, an entry at a time; an entry document is read first.
    A feed whose text is given (`doc.source`) is skimmed first (see `skim`)."""
    walker = _Walker(out, url)
    if doc.source is not None and doc.root.tag == _A + "feed":
        walker.skim(doc, doc.source)
    root = doc.root
    extensions.check_namespaces(root, out, url=url)
    if root.prefix:
        out.at(root, "atom.namespace.prefix", prefix=root.prefix)
    base = walker.attributes(root, _NONE, url if url and values.is_absolute_uri(url) else None)
    if root.tag == _A + "feed":
        walker.feed(doc, root, base)
    else:
        doc.complete()
        walker.entry(root, base, _Context(standalone=True))


@dataclass(slots=True)
class _Context:
    """What an entry's checks need from the feed around it, and what they leave for the feed:
    the (id, updated instant) versions seen and the first id of each updated instant (for
    duplicates; instants as `values.utc_naive` gives them), and entries without an author
    that wait to learn whether the feed has one."""

    standalone: bool = False
    versions: set[tuple[str, datetime | None]] = field(default_factory=set)
    first_ids: dict[datetime, str] = field(default_factory=dict)
    authorless: list[tuple[Section, Location]] = field(default_factory=list)

    def clashes(self, entry_id: str, instant: datetime | None) -> tuple[bool, bool]:
        """Whether a version's (id, updated instant) pair was seen before, and whether
        another entry had its instant first (said once per instant: not after that)."""
        repeated = (entry_id, instant) in self.versions
        shared = instant is not None and self.first_ids.get(instant, entry_id) not in (
            entry_id, "")
        return repeated, shared

    def add_version(self, entry_id: str, instant: datetime | None, *, shared: bool) -> None:
        """Record a version of an entry, whose `clashes` said whether its instant is
        `shared`."""
        self.versions.add((entry_id, instant))
        if instant is not None:
            self.first_ids[instant] = "" if shared else self.first_ids.get(instant, entry_id)

    def record(self, entry_id: str, instant: datetime | None) -> tuple[bool, bool]:
        """Record a version as the walk does whatever it reports: its `clashes`. An instant
        no entry had before clashes with nothing (every version recorded has its instant in
        `first_ids`), which is the common case: it is told apart in one lookup."""
        if instant is not None and instant not in self.first_ids:
            self.add_version(entry_id, instant, shared=False)
            return False, False
        repeated, shared = self.clashes(entry_id, instant)
        self.add_version(entry_id, instant, shared=shared)
        return repeated, shared


class _Children:
    """The check of one container's children in progress (see `_Walker.visit`)."""

    __slots__ = ("parent", "seen", "stray", "table")

    def __init__(self, parent: etree._Element, table: Children) -> None:
        self.parent, self.table = parent, table
        self.seen: dict[str, list[etree._Element]] = {}
        text = parent.text
        self.stray = text is not None and not text.isspace()


class _FeedReport:
    """Where a feed's messages go: a walk over the whole tree would report its metadata, then
    where metadata follows entries, then the entries, the feed's links and the entries'
    duplicates. Entries are checked as they are read, so each kind has a reserved place."""

    __slots__ = ("duplicates", "entries", "into_entries", "links", "metadata", "misplaced")

    def __init__(self, out: Collector) -> None:
        self.metadata, self.misplaced, self.entries, self.links, self.duplicates = (
            out.reserve() for _ in range(5)
        )
        self.into_entries = out.into(self.entries)  # entered once per entry


class _Walker:
    """One document's walk. Containers are checked against their tables; each leaf kind has
    one method (`HANDLERS`); `base` is the absolute base URI in scope (None when there is
    none)."""

    def __init__(self, out: Collector, url: str | None) -> None:
        self.out = out
        self.url = url
        self.now = datetime.now(UTC)
        self.earliest, self.latest = map(values.utc_naive, values.plausible_range(self.now))
        self.context = _Context()
        # Runs of skimmed entries whose versions are not in `context` yet: while no entry
        # has been walked, the skim judged each against the very entries the walk would
        # have (see `skimmed_entries`). None once one has.
        self.unrecorded: list[list[QuickEntry]] | None = []
        self.report: _FeedReport | None = None
        self.feed_children: _Children | None = None
        self.shortcut = quick.Shortcut(self.quick_entry)
        self.skimmed: skim.Cut[QuickEntry] | None = None

    # --- containers ------------------------------------------------------------------------

    def feed(self, doc: XmlDocument, feed: etree._Element, base: str | None) -> None:
        """Check the feed's children as they are read; its entries are checked (and dropped)
        one at a time, into their place in the report."""
        out = self.out
        self.report = report = _FeedReport(out)
        self.feed_children = state = _Children(feed, FEED)
        after_entry, moved = False, None
        with out.into(report.metadata):
            for child in doc.children(feed, stream=_ENTRY_TAGS):
                tag = child.tag
                if tag == _ENTRY:
                    after_entry = True
                elif self.skimmed is not None and (run := self.skimmed.take(child)):
                    after_entry = True
                    self.skimmed_entries(feed, run, state)
                elif after_entry and moved is None and isinstance(tag, str) and tag[:_A_LEN] == _A:
                    moved = child
                self.visit(child, state, base)
            self.close(state)
        if moved is not None:
            with out.into(report.misplaced):
                out.at(moved, "atom.feed.metadata-after-entry", name=moved.tag[_A_LEN:])
        if "author" not in state.seen:
            for place, (line, path) in self.context.authorless:
                with out.into(place):
                    out.add("atom.entry.missing-author", line=line, path=path)
        with out.into(report.links):
            self.links(feed, state.seen.get("link", ()), needs_self=True)
        extensions.finish_feed(feed, out, has_language=XML_LANG in feed.attrib)
        if self.skimmed is not None:
            self.skimmed.finish()

    def skim(self, doc: XmlDocument, text: str) -> None:
        """Parse the feed again with the entries the quick check accepts in its text cut out,
        their records in `skimmed`, if there are any (see `skim`). Whether each is a new
        version is decided as the walk will decide it, with the versions of every entry whose
        values are known; `skimmed_entries` confirms it."""
        context = _Context()

        def admit(match: re.Match[str], names: set[str]) -> QuickEntry | None:
            found = self.quick_values(match)
            if found is None:
                return None
            entry_id, instant, has_author = found
            repeated, shared = context.record(entry_id, instant)
            if repeated or shared or not (has_author or "author" in names):
                return None
            return found

        self.skimmed = skim.cut(text, ("feed",), "entry", _QUICK_ENTRY, admit)
        if self.skimmed is not None:
            doc.restart(self.skimmed.data, self.skimmed.lines)

    def skimmed_entries(
        self, feed: etree._Element, run: list[QuickEntry], state: _Children
    ) -> None:
        """The entries a placeholder stands for: counted, `authored`, and each a new version;
        otherwise the skim was wrong. While no entry has been walked, every entry before
        them was skimmed and so was in the skim's bookkeeping, in order: its verdict that they
        are new is the walk's, and their versions wait in `unrecorded` until an entry is
        walked, if one is. (They are Atom's, as their feed is: skimming cut them from an
        unprefixed <feed>, and nothing between declares a namespace.)"""
        self.out.passed(feed, _ENTRY, len(run))
        state.seen.setdefault("entry", [])
        if not self.authored(run):
            raise skim.Mismatch
        if self.unrecorded is not None:
            self.unrecorded.append(run)
        elif not self.new_versions(run):
            raise skim.Mismatch

    def feed_entry(self, entry: etree._Element, base: str | None) -> None:
        """One of the feed's entries, just read: walked unless the quick check accepts it."""
        assert self.report is not None
        if self.unrecorded is not None:
            self.record_skimmed()
        if self.shortcut(entry):
            return
        with self.report.into_entries:
            self.entry(entry, base, self.context)

    def quick_entry(self, entry: etree._Element) -> bool:
        """Whether the entry, serialized, is in the common form `_QUICK_ENTRY` accepts with
        values that pass, and is a new version: then it has nothing to report (see `quick`)."""
        serialized = quick.serialize(entry)
        start = _QUICK_START.match(serialized)
        if start is None:
            return False
        found = self.quick_values(_QUICK_ENTRY.fullmatch(serialized, start.end()))
        return found is not None and self.authored([found]) and self.new_versions([found])

    def quick_values(self, match: re.Match[str] | None) -> QuickEntry | None:
        """What the feed's bookkeeping needs of an entry `_QUICK_ENTRY` matched, if its values
        pass the checks a pattern can't make (checks of the entry alone: the feed's are
        `authored` and `new_versions`)."""
        if match is None:
            return None
        content, summary, link, rel, entry_id, updated, published, author = (
            match.group(*_QUICK_VALUES))
        if content is None and (summary is None or link is None or rel not in (None, "alternate")):
            return None  # without content, a summary and an alternate link are needed
        if entry_id[0] == "t" and not values.is_tag_uri(entry_id):
            return None
        instant = self.plausible(updated)
        if instant is None or (published is not None and self.plausible(published) is None):
            return None
        return entry_id, instant, author is not None

    def authored(self, entries: list[QuickEntry]) -> bool:
        """Whether entries whose values passed each have an author or follow the feed's
        (without, the message may be due once the whole feed is read). Entries refused here
        or by `new_versions` are left to the walk, which alone reports."""
        assert self.feed_children is not None
        return "author" in self.feed_children.seen or all(has for _, _, has in entries)

    def new_versions(self, entries: list[QuickEntry]) -> bool:
        """Whether entries whose values passed are each a new version (see `version`, whose
        bookkeeping it does): then, `authored`, they have nothing to report."""
        clashes, add_version = self.context.clashes, self.context.add_version
        for entry_id, instant, _ in entries:
            repeated, shared = clashes(entry_id, instant)
            if repeated or shared:
                return False
            add_version(entry_id, instant, shared=False)
        return True

    def record_skimmed(self) -> None:
        """An entry is about to be walked: the versions of the entries skimmed before it go
        into the walk's bookkeeping, as if it had met them one by one (each new)."""
        assert self.unrecorded is not None
        add_version = self.context.add_version
        for run in self.unrecorded:
            for entry_id, instant, _ in run:
                add_version(entry_id, instant, shared=False)
        self.unrecorded = None

    def plausible(self, text: str) -> datetime | None:
        """The instant a date of the quick pattern's RFC 3339 shape names, if it exists and
        is plausible (as `values.utc_naive` gives it, the form `_Context` keeps)."""
        when = values.parse_rfc3339_utc(text)
        return when if when is not None and self.earliest <= when <= self.latest else None

    def entry(self, entry: etree._Element, base: str | None, context: _Context) -> None:
        seen = self.children(entry, ENTRY, base)
        if "author" not in seen and not ("source" in seen and _source_authors(seen["source"])):
            self.missing_author(entry, context)
        self.entry_content(entry, seen)
        self.links(entry, seen.get("link", ()), needs_self=False)
        ids = seen.get("id")
        if ids and not context.standalone:
            updated = seen["updated"][0] if "updated" in seen else None
            text = updated.text if updated is not None else None
            when = values.parse_rfc3339_strict(text) if text else None
            instant = None if when is None else values.utc_naive(when)
            self.version(context, (ids[0].text or "").strip(), instant, ids[0], updated)

    def missing_author(self, entry: etree._Element, context: _Context) -> None:
        """An entry needs an author unless its feed has one, which may be said after it: then
        the message waits in its place until the whole feed has been read."""
        state = self.feed_children
        if state is None:
            self.out.at(entry, "atom.entry.missing-author")
        elif "author" not in state.seen:
            context.authorless.append((self.out.reserve(), self.out.locate(entry)))

    def version(
        self,
        context: _Context,
        entry_id: str,
        instant: datetime | None,
        id_element: etree._Element,
        updated: etree._Element | None,
    ) -> None:
        """Entries sharing an id are versions of one entry; with the same updated instant
        (or none) readers can't tell which is current (RFC 4287 section 4.1.1). Different
        entries sharing an updated instant usually mean the feed stamps its build time,
        not each entry's last change, and readers show every entry as changed. Only the
        (id, instant) pairs are kept, not the entries."""
        repeated, shared = context.record(entry_id, instant)
        if repeated:
            self.duplicate(id_element, "atom.entry.duplicate-id", value=entry_id)
        if shared and updated is not None:
            self.duplicate(updated, "atom.entry.duplicate-updated", value=updated.text)

    def duplicate(self, element: etree._Element, code: str, **params: object) -> None:
        assert self.report is not None
        with self.out.into(self.report.duplicates):
            self.out.at(element, code, **params)

    def source(self, source: etree._Element, base: str | None) -> None:
        seen = self.children(source, SOURCE, base)
        self.links(source, seen.get("link", ()), needs_self=False)

    def person(self, person: etree._Element, base: str | None) -> None:
        self.children(person, PERSON, base)

    def children(
        self, parent: etree._Element, table: Children, base: str | None
    ) -> dict[str, list[etree._Element]]:
        """Check each child of a container once (see `visit`), then report required children
        that are missing."""
        state = _Children(parent, table)
        visit = self.visit
        for child in parent:
            visit(child, state, base)
        self.close(state)
        return state.seen

    def visit(self, child: etree._Element, state: _Children, base: str | None) -> None:
        """Check one child of a container: Atom children against the table (unknown,
        duplicated, then each by its handler), others as extensions; text beside them is
        lost on every reader."""
        tail = child.tail
        if tail is not None and not state.stray and not tail.isspace():
            state.stray = True
        tag = child.tag
        known = state.table.by_tag.get(tag)
        if known is None:
            if not isinstance(tag, str):
                return
            if tag[:_A_LEN] != _A:
                self.foreign(child)
            else:
                self.out.at(child, "atom.element.unknown", name=tag[_A_LEN:],
                            parent=_local(state.parent.tag))
            return
        name, rule, handler, allowed = known
        seen = state.seen
        same = seen.get(name)
        if same is None:
            seen[name] = [] if rule is STREAMED else [child]
        elif rule is not STREAMED:
            same.append(child)
            if rule != MANY:
                self.out.at(child, "atom.element.duplicate", name=name,
                            parent=_local(state.parent.tag))
        handler(self, child, self.attributes(child, allowed, base) if child.keys() else base)

    def close(self, state: _Children) -> None:
        """What only all of a container's children tell: stray text, missing children."""
        parent, seen = state.parent, state.seen
        if state.stray:
            self.out.at(parent, "atom.element.text-not-allowed", name=_local(parent.tag))
        for name, code in state.table.required:
            if name not in seen:
                self.out.at(parent, code, name=name, parent=_local(parent.tag))

    def foreign(self, element: etree._Element) -> None:
        """Extension elements, including those in unknown namespaces or in none, are the
        business of `extensions` (shared by every host format)."""
        extensions.check_foreign(element, self.out, url=self.url)

    # --- attributes and URIs --------------------------------------------------------------

    def attributes(
        self, element: etree._Element, allowed: frozenset[str] | None, base: str | None
    ) -> str | None:
        """Check the attributes every element may have (xml:base, xml:lang) and refuse
        unqualified ones its kind does not define (None: any, as in XHTML); return the base
        URI in scope inside the element."""
        for key, value in element.items():
            if key[0] != "{":
                if allowed is not None and key not in allowed:
                    self.out.at(
                        element, "atom.attribute.unknown", name=key, owner=_local(element.tag)
                    )
            elif key == XML_BASE:
                if not values.is_uri_reference(value):
                    self.out.at(element, "xml.base.invalid", value=value)
                    continue
                base = values.resolve(base, value)
            elif key == XML_LANG and value and not values.is_language_tag(value):
                self.out.at(element, "xml.lang.invalid", value=value)
        return base

    def uri(self, element: etree._Element, value: str, base: str | None, what: str) -> None:
        """Check an IRI reference, and that a relative one has an absolute base to resolve
        against and doesn't resolve to the base itself."""
        if not values.is_uri_reference(value):
            self.out.at(element, "atom.uri.invalid", what=what, value=value)
        elif values.uri_scheme(value):
            return
        elif base is None:
            self.out.at(element, "atom.uri.relative", what=what, value=value)
        elif value and (values.resolve(base, value) or "").split("#")[0] == base.split("#")[0]:
            self.out.at(element, "atom.uri.same-document", what=what, value=value, base=base)

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
        elif values.is_implausible(when, self.now):
            self.out.at(element, "atom.date.implausible", name=_local(element.tag), value=text)

    def name(self, element: etree._Element, base: str | None) -> None:
        if not self.no_children(element):
            return
        text = element.text or ""
        if not text.strip():
            self.out.at(element, "atom.person.blank-name")
        elif _EMAIL_IN_TEXT.search(text):
            self.out.at(element, "atom.person.email-in-name")
        elif html.contains_markup(text):
            self.out.at(element, "atom.text.html-in-text", what="person's name")

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
        if scheme is not None and not values.is_absolute_uri(scheme):
            self.out.at(element, "atom.category.invalid-scheme", value=scheme)
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
        if not len(element):
            return True
        for child in element:
            if isinstance(child.tag, str):
                self.out.at(
                    child,
                    "atom.text.unexpected-child",
                    name=_local(child.tag),
                    parent=_local(element.tag),
                )
                return False
        return True

    # --- links ----------------------------------------------------------------------------

    def link(self, element: etree._Element, base: str | None) -> None:
        """atom:link (RFC 4287 section 4.2.7): each attribute's value, then its use."""
        href, rel, kind = element.get("href"), element.get("rel"), element.get("type")
        if href is None:
            self.out.at(element, "atom.link.missing-href")
        elif rel == "self":
            self.self_link(element, href, kind, base)
        else:
            self.uri(element, href, base, "link href")
        if rel is not None:
            self.link_rel(element, rel)
        if kind is not None and not values.is_mime_type(kind):
            self.out.at(element, "atom.link.invalid-type", value=kind)
        hreflang = element.get("hreflang")
        if hreflang is not None and not values.is_language_tag(hreflang):
            self.out.at(element, "atom.link.invalid-hreflang", value=hreflang)
        length = element.get("length")
        if length is not None and not _NON_NEGATIVE.match(length):
            self.out.at(element, "atom.link.invalid-length", value=length)
        elif length is None and rel == "enclosure":
            self.out.at(element, "atom.link.enclosure-length")
        self.link_title(element, element.get("title"))
        if rel in FEED_RELATIONS and element.getparent().tag == _A + "entry":
            self.out.at(element, "atom.link.feed-rel-in-entry", value=rel)
        if (element.text and element.text.strip()) or len(element):
            self.out.at(element, "atom.link.not-empty")
        if element.get(_THR_COUNT) is not None or element.get(_THR_UPDATED) is not None:
            self.replies_link(element, rel)

    def link_title(self, element: etree._Element, title: str | None) -> None:
        if title is None:
            return
        if not title.strip():
            self.out.at(element, "atom.link.blank-title")
        elif html.contains_markup(title):
            self.out.at(element, "atom.text.html-in-text", what="link title")

    def replies_link(self, element: etree._Element, rel: str | None) -> None:
        """RFC 4685 section 5: thr:count and thr:updated describe the replies a rel="replies"
        link points to: a number of replies, and when the latest was made."""
        if rel != "replies":
            self.out.at(element, "atom.link.thr-not-replies")
        count, updated = element.get(_THR_COUNT), element.get(_THR_UPDATED)
        if count is not None and not _NON_NEGATIVE.match(count):
            self.out.at(element, "atom.link.invalid-thr-count", value=count)
        if updated is not None and values.parse_rfc3339_strict(updated) is None:
            self.out.at(element, "atom.date.invalid", name="thr:updated", value=updated)

    def link_rel(self, element: etree._Element, rel: str) -> None:
        """rel is a registered name or an absolute IRI (RFC 4287 section 4.2.7.2)."""
        if not rel:
            self.out.at(element, "atom.link.invalid-rel", value=rel)
        elif values.uri_scheme(rel):
            if not values.is_uri_reference(rel):
                self.out.at(element, "atom.link.invalid-rel", value=rel)
        elif rel.lower() not in LINK_RELATIONS:
            self.out.at(element, "atom.link.unregistered-rel", value=rel)

    def self_link(
        self, element: etree._Element, href: str, kind: str | None, base: str | None
    ) -> None:
        """The self link gives the document's own address, so it must resolve to an absolute
        one; with the address known (`url`), it must be that address."""
        if not values.is_uri_reference(href):
            self.out.at(element, "atom.uri.invalid", what="self link href", value=href)
            return
        if kind is not None and kind.split(";")[0].strip().lower() != "application/atom+xml":
            self.out.at(element, "atom.link.self-type", value=kind)
        target = values.resolve(base, href)
        if target is None:
            self.out.at(element, "atom.link.relative-self", value=href)
            return
        documents_own = element.getparent().getparent() is None
        if self.url is not None and documents_own and not values.same_url(target, self.url):
            self.out.at(element, "atom.link.self-mismatch", href=target, url=self.url)

    def links(
        self, parent: etree._Element, links: list[etree._Element], *, needs_self: bool
    ) -> None:
        """Duplicate alternates are an error (RFC 4287 4.1.1, 4.1.2); a feed should say where
        it lives (rel="self")."""
        if len(links) < 2 and not needs_self:
            return  # nothing to compare
        seen: set[tuple[str | None, str | None]] = set()
        has_self = False
        for element in links:
            rel = _rel(element.get("rel"))
            has_self = has_self or rel == "self"
            if rel != "alternate":
                continue
            key = (element.get("type"), element.get("hreflang"))
            if key in seen:
                self.out.at(
                    element,
                    "atom.link.duplicate-alternate",
                    type=key[0] or "none",
                    hreflang=key[1] or "none",
                )
            seen.add(key)
        if needs_self and not has_self:
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
        elif "<" in text and html.contains_markup(text):
            self.out.at(element, "atom.text.html-in-text", what=_local(element.tag))

    def xhtml(self, element: etree._Element, base: str | None) -> None:
        """type="xhtml": exactly one xhtml:div child, nothing but white space beside it."""
        elements = [child for child in element if isinstance(child.tag, str)]
        stray = [element.text] + [child.tail for child in element]
        if (
            len(elements) != 1
            or elements[0].tag != _XHTML_DIV
            or any(text and not text.isspace() for text in stray)
        ):
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
            if _subtype(kind) in ("xhtml+xml", "svg+xml"):
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
            if not _HTML_DOCUMENT.match(text):
                self.out.at(element, "atom.content.html-fragment", type=kind)
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
        if has_summary:
            return
        content = contents[0]
        kind = content.get("type") or "text"
        opaque = (
            kind not in TEXT_TYPES
            and not values.is_xml_mime_type(kind)
            and not kind.lower().startswith("text/")
        )
        if content.get("src") is not None or opaque:
            self.out.at(entry, "atom.entry.missing-summary")


_TEXT = ATTRIBUTES["text"]
# Each Atom element's check, and the unqualified attributes it may carry.
HANDLERS: dict[str, tuple[Handler, frozenset[str]]] = {
    "title": (_Walker.text, _TEXT),
    "subtitle": (_Walker.text, _TEXT),
    "rights": (_Walker.text, _TEXT),
    "summary": (_Walker.text, _TEXT),
    "content": (_Walker.content, ATTRIBUTES["content"]),
    "updated": (_Walker.date, _NONE),
    "published": (_Walker.date, _NONE),
    "id": (_Walker.id, _NONE),
    "icon": (_Walker.uri_value, _NONE),
    "logo": (_Walker.uri_value, _NONE),
    "uri": (_Walker.uri_value, _NONE),
    "name": (_Walker.name, _NONE),
    "email": (_Walker.email, _NONE),
    "category": (_Walker.category, ATTRIBUTES["category"]),
    "generator": (_Walker.generator, ATTRIBUTES["generator"]),
    "author": (_Walker.person, _NONE),
    "contributor": (_Walker.person, _NONE),
    "link": (_Walker.link, ATTRIBUTES["link"]),
    "source": (_Walker.source, _NONE),
    "entry": (_Walker.feed_entry, _NONE),
}
for _table in (FEED, SOURCE, ENTRY, PERSON):
    _table.bind(HANDLERS)


def _quick_entry() -> re.Pattern[str]:
    """The entries `_Walker.quick_entry` accepts, after their start tag (see `quick`): Atom's
    own children without attributes beyond the plain ones, absolute URIs, ids that are tag:
    URIs or http URLs in normal form, text and person names without markup, content as text or
    HTML, one link at most (duplicate alternates need comparing), required children present
    (content, or a summary and an alternate link, is for `_Walker.quick_values` to see)."""
    as_text = quick.optional(' type="text"')
    text = f"{as_text}>{quick.NONBLANK_TEXT}"
    person = (rf"{quick.GAP}<name>{quick.text(nonblank=True, without='@')}</name>"
              + quick.optional(f"{quick.GAP}<email>{quick.EMAIL}</email>") + quick.GAP)
    relations = "|".join(sorted(LINK_RELATIONS - FEED_RELATIONS - {"self", "enclosure"}))
    link_attributes = "|".join([  # each once: an entry has one link at most
        quick.once("href", f'href(?P<href>)="{quick.ABSOLUTE_URI}"'),
        quick.once("rel", f'rel="(?P<rel>{relations})"'),
        quick.once("mediatype", f'type(?P<mediatype>)="{quick.MEDIA_TYPE}"'),
        quick.once("linktitle", f'title(?P<linktitle>)="{quick.NONBLANK_ATTRIBUTE}"'),
    ])
    link = rf'link(?P<link>)(?=[^>]* href=")(?: (?:{link_attributes}))+/>'
    category = (rf'category(?=[^>]* term="){quick.distinct("term", "scheme", "label")}'
                rf'(?: term="{quick.ATTRIBUTE_TEXT}"| scheme="{quick.ABSOLUTE_URI}"'
                rf'| label="{quick.ATTRIBUTE_TEXT}")+/>')
    content = (rf'content(?P<content>)(?: type="html">{quick.PLAIN_HTML}'
               rf'|{as_text}>{quick.TEXT})</content>')
    alternatives = [
        quick.once("title", rf"title(?P<title>){text}</title>"),
        quick.once("summary", rf"summary(?P<summary>){text}</summary>"),
        quick.once("id", rf"id>(?P<id>{quick.NORMAL_HTTP_URL}|tag:{quick.URI_CHAR}*)</id>"),
        quick.once("updated", rf"updated>(?P<updated>{quick.RFC3339})</updated>"),
        quick.once("published", rf"published>(?P<published>{quick.RFC3339})</published>"),
        quick.once("content", content),
        quick.once("link", link),
        rf"author(?P<author>)>{person}</author>",
        rf"contributor>{person}</contributor>",
        category,
    ]
    return quick.compile_pattern(
        quick.children(alternatives) + quick.required("id", "title", "updated")
        + quick.end_tag("entry")
    )


_QUICK_ENTRY = _quick_entry()
_QUICK_START = re.compile(quick.start_tag("entry", ATOM_NS))
# The groups `quick_values` reads, by number (a match reads them faster so than by name).
_QUICK_VALUES = tuple(_QUICK_ENTRY.groupindex[name] for name in (
    "content", "summary", "link", "rel", "id", "updated", "published", "author"))


def _source_authors(sources: list[etree._Element]) -> bool:
    """Whether an entry's source names an author (who then stands for the entry's)."""
    return any(child.tag == _AUTHOR for source in sources for child in source)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rel(rel: str | None) -> str:
    """The link relation with its default and its IANA IRI form folded to the short name."""
    if rel is None:
        return "alternate"
    return rel[len(_IANA_REL_PREFIX) :] if rel.startswith(_IANA_REL_PREFIX) else rel


def _subtype(kind: str) -> str:
    return kind.split(";", 1)[0].strip().lower().rsplit("/", 1)[-1]


def _is_html_type(kind: str) -> bool:
    return _subtype(kind) in ("html", "xhtml+xml")
