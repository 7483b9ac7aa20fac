"""The message catalogue: every code the validator emits, its severity, sentence and help.

Checks never carry their own wording: they name a code and pass parameters, and the sentence
comes from here, so `feeds validate --explain CODE`, the README table and the reports can never
disagree (the W3C validator's model: one named message class per problem, text kept apart).

Codes are `<format>.<where>.<what>`, stable once published: never rename one, add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

from feeds.validate.messages import Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    severity: Severity
    text: str  # str.format template, filled with the check's parameters
    help: str  # what it means and how to fix it


def _catalogue(*entries: Entry) -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for entry in entries:
        if entry.code in table:
            raise ValueError(f"duplicate catalogue code {entry.code}")
        table[entry.code] = entry
    return table


E = Entry

CATALOGUE: dict[str, Entry] = _catalogue(
    # --- file level: reading, size, encoding, well-formedness -----------------------------
    E(
        "file.unreadable",
        ERROR,
        "cannot read file: {reason}",
        "The file could not be opened or read. Check the path and its permissions.",
    ),
    E(
        "file.too-large",
        ERROR,
        "file is {size} bytes, over the limit of {limit} bytes",
        "Files over the size limit are refused to keep memory bounded. Raise it with --max-size "
        "if the feed really is that large.",
    ),
    E(
        "file.compressed",
        ERROR,
        "the file is {kind}-compressed",
        "Feeds are validated as served to readers after HTTP content decoding. Decompress the "
        "file first (gunzip, unzip) and validate the result; the validator never decompresses, "
        "so a compression bomb cannot fill memory.",
    ),
    E(
        "file.unknown-format",
        ERROR,
        "not a recognised feed: {reason}",
        "The document is neither Atom 1.0, RSS (0.9x, 1.0, 2.0) nor JSON Feed. Check that the URL "
        "serves the feed itself and not an HTML page or an error document.",
    ),
    E(
        "file.internal-error",
        ERROR,
        "the validator failed on this file: {reason}",
        "This is a bug in feeds, not in your feed: the file could not be validated, and the other "
        "files were. Please report it with the file attached.",
    ),
    E(
        "xml.not-well-formed",
        ERROR,
        "XML is not well-formed: {reason}",
        "Every XML parser must reject a document that is not well-formed, so no reader will show "
        "this feed. Fix the markup at the reported line: unescaped '&' or '<', mismatched tags, "
        "or characters XML forbids are the usual causes.",
    ),
    E(
        "xml.entity-declaration",
        ERROR,
        "the document declares entities ({name}); they are refused",
        "Entity declarations in a DOCTYPE are how external-entity (XXE) and entity-expansion "
        "('billion laughs') attacks work. Feeds have no need for them: write characters directly "
        "or as numeric character references.",
    ),
    E(
        "xml.too-deep",
        ERROR,
        "elements are nested more than {limit} levels deep",
        "Absurd nesting is refused to keep validation bounded. No real feed nests this deep.",
    ),
    E(
        "xml.base.invalid",
        ERROR,
        "xml:base {value!r} is not a valid IRI reference",
        'xml:base must be an IRI reference: no spaces or characters such as <, >, " or {. '
        "Percent-encode them.",
    ),
    E(
        "xml.lang.invalid",
        ERROR,
        "xml:lang {value!r} is not a language tag",
        "xml:lang takes a BCP 47 language tag such as en, en-GB or pt-BR (hyphens, not "
        "underscores), or the empty string for no language.",
    ),
    E(
        "xml.version",
        ERROR,
        "XML version {version!r}: feeds must be XML 1.0",
        'Feed readers\' XML parsers implement XML 1.0 only. Declare <?xml version="1.0"?>.',
    ),
    E(
        "xml.encoding.unknown",
        ERROR,
        "the declared encoding {encoding!r} does not exist",
        "No parser can decode a document in an encoding it doesn't know. Declare the encoding the"
        " file is really saved in (UTF-8 is best) with its registered name.",
    ),
    E(
        "xml.encoding.mismatch",
        ERROR,
        "the document declares {encoding!r}, but {reason}",
        "The byte order mark, the first bytes and the encoding declaration contradict each other,"
        " so parsers disagree on how to read the file. Save the file as UTF-8 and declare UTF-8.",
    ),
    E(
        "xml.encoding.invalid-bytes",
        ERROR,
        "the bytes at this line are not valid {encoding}",
        "The file is not saved in the encoding it declares (typically Windows-1252 or Latin-1 "
        "text labelled UTF-8), and a conforming parser must stop here. Re-save the file in the "
        "declared encoding, or declare the one it is in.",
    ),
    E(
        "xml.encoding.undeclared",
        ERROR,
        "no encoding is declared and the bytes at this line are not UTF-8",
        "Without a byte order mark or an encoding declaration XML must be UTF-8. Save the file as"
        ' UTF-8, or declare its encoding: <?xml version="1.0" encoding="windows-1252"?>.',
    ),
    E(
        "xml.encoding.control-characters",
        WARNING,
        "the text contains the control character {char}",
        "Characters U+0080 to U+009F are invisible control characters; in feeds they are nearly "
        "always Windows-1252 punctuation (curly quotes, dashes) decoded as Latin-1 or double-"
        "encoded. Fix the encoding of the text at its source.",
    ),
    # --- HTML content (escaped HTML and inline XHTML, every format) ----------------------------
    E(
        "html.unsafe-element",
        WARNING,
        "content contains a <{tag}> element",
        "Script, frames, plugins (object, embed, applet), meta, link, base and style elements can "
        "run code or change the reader's page, so feed readers strip them and some refuse the "
        "entry. Remove the element; link to the resource instead.",
    ),
    E(
        "html.event-attribute",
        WARNING,
        "content has an event-handler attribute {attr} on <{tag}>",
        "Event-handler attributes (onclick, onload, ...) are script. Feed readers strip them, so "
        "they do nothing for readers who are safe and are a risk for those who are not. Remove it.",
    ),
    E(
        "html.unsafe-url",
        WARNING,
        "the {attr} of <{tag}> is a {scheme}: URL",
        "javascript:, vbscript: and data: URLs (other than images, audio and video) run code or "
        "load documents when followed; readers remove them. Use an http(s) URL.",
    ),
    E(
        "html.unsafe-style",
        WARNING,
        "the style of <{tag}> {reason}",
        "Readers show entries inside their own page. CSS that loads resources or runs script, "
        "takes the element out of the flow (position: absolute or fixed), uses out-of-bounds "
        "lengths or non-standard (e.g. Microsoft Office mso-*) properties can cover the reader's "
        "interface, hide web bugs or is stripped anyway. Keep to plain standard CSS.",
    ),
    E(
        "html.relative-url",
        WARNING,
        "relative URL {url!r} in the {attr} of <{tag}> has no base",
        "A relative URL in content is resolved against xml:base or the feed's address, and "
        "copies of the entry (aggregators, e-mail) lose both. Use absolute URLs, or set xml:base "
        "(Atom) to an absolute URL.",
    ),
    E(
        "html.unknown-element",
        WARNING,
        "<{tag}> is not an HTML, SVG or MathML element",
        "No HTML, SVG or MathML specification defines this element, so readers will ignore or "
        "strip it. Check its spelling and namespace; custom elements need a hyphen in the name.",
    ),
    E(
        "html.malformed",
        WARNING,
        "content is not valid HTML: {reason}",
        "Content declared as HTML has to be parsed by every reader; markup that must be guessed "
        "at is shown differently by each, and mis-encoded characters show up as garbage. Fix "
        "the markup, and check that characters are encoded in the document's encoding.",
    ),
    # --- Atom 1.0 (RFC 4287) -----------------------------------------------------------------
    E(
        "atom.namespace.prefix",
        WARNING,
        "Atom or XHTML elements use the namespace prefix {prefix!r}",
        "Namespace prefixes are legal XML, but several feed readers only recognise Atom and XHTML"
        ' elements in the default namespace. Declare xmlns="http://www.w3.org/2005/Atom" (and '
        'xmlns="http://www.w3.org/1999/xhtml" on the div) instead of a prefix.',
    ),
    E(
        "atom.entry.missing-author",
        ERROR,
        "the entry has no author, and neither has the feed",
        "Every entry must have an author: its own atom:author, one in its atom:source, or the "
        "feed's (RFC 4287 section 4.1.2). Add an <author> to the feed or to this entry.",
    ),
    E(
        "atom.element.unknown",
        ERROR,
        "<{name}> is not an Atom element allowed in <{parent}>",
        "The Atom namespace only holds the elements RFC 4287 defines, each in its place. Fix the "
        "spelling or placement, or move your own data into an element in your own namespace.",
    ),
    E(
        "atom.element.duplicate",
        ERROR,
        "<{parent}> has more than one <{name}>",
        "RFC 4287 allows this element at most once here. Keep one and remove the others.",
    ),
    E(
        "atom.element.missing",
        ERROR,
        "<{parent}> has no <{name}>",
        "RFC 4287 requires this element here (feeds and entries need id, title and updated; "
        "person constructs need a name). Add it.",
    ),
    E(
        "atom.source.missing",
        WARNING,
        "<source> has no <{name}>",
        "An atom:source keeps the metadata of the feed an entry was copied from; RFC 4287 advises"
        " keeping at least its id, title and updated.",
    ),
    E(
        "atom.element.text-not-allowed",
        ERROR,
        "<{name}> has text outside its child elements",
        "This Atom element holds only child elements; readers drop text beside them. Move the "
        "text into the right child element (e.g. a person's name into <name>).",
    ),
    E(
        "atom.feed.metadata-after-entry",
        ERROR,
        "feed metadata <{name}> comes after the first entry",
        "RFC 4287's schema places all feed metadata before the entries, and streaming readers may"
        " have processed the feed by then. Move the element above the first <entry>.",
    ),
    E(
        "atom.attribute.unknown",
        ERROR,
        "unexpected attribute {name!r} on <{owner}>",
        "RFC 4287 defines no such unqualified attribute on this element (Atom 0.3 attributes such"
        " as mode no longer exist). Remove it, or put your own attributes in your own namespace.",
    ),
    E(
        "atom.uri.invalid",
        ERROR,
        "the {what} {value!r} is not a valid IRI",
        "IRIs may not contain spaces or the characters <, >, \", {, }, |, \\, ^ and `, and "
        "'%' must start a two-digit hex escape. Percent-encode the offending characters.",
    ),
    E(
        "atom.uri.relative",
        INFO,
        "the {what} {value!r} is relative and no xml:base is in scope",
        "Relative references are resolved against the feed's own address; copies of the feed or "
        "entry (aggregators, archives) lose it. Prefer absolute IRIs or set xml:base.",
    ),
    E(
        "atom.uri.same-document",
        WARNING,
        "the {what} {value!r} resolves to the xml:base {base}",
        "A reference that resolves to the base itself is a same-document reference (RFC 3986 "
        "section 4.4): many readers take it to mean the feed, not the page you meant. Write the "
        "absolute IRI.",
    ),
    E(
        "atom.value.whitespace",
        ERROR,
        "<{name}> has white space around its value",
        "IRIs and dates may not contain white space, and Atom processors are not required to "
        "strip it. Remove the spaces and line breaks around the value.",
    ),
    E(
        "atom.id.invalid",
        ERROR,
        "atom:id {value!r} is not an IRI",
        "atom:id must be an absolute IRI (RFC 4287 section 4.2.6). Use a URL you own, a tag: URI "
        "(RFC 4151) or a urn:uuid:.",
    ),
    E(
        "atom.id.relative",
        ERROR,
        "atom:id {value!r} is a relative reference",
        "atom:id must be an absolute IRI: it is compared as a string and never resolved, so a "
        "relative one identifies nothing. Use a full URL, a tag: URI or a urn:uuid:.",
    ),
    E(
        "atom.id.invalid-tag",
        ERROR,
        "{value!r} is not a valid tag: URI",
        "tag: URIs are tag:authority,date:specific (RFC 4151): a domain name or e-mail address, a"
        " date as YYYY, YYYY-MM or YYYY-MM-DD, and a specific part without spaces.",
    ),
    E(
        "atom.id.invalid-urn",
        ERROR,
        "{value!r} is not a valid URN",
        "URNs are urn:NID:NSS (RFC 8141): the namespace identifier is 2 to 32 letters, digits or "
        "inner hyphens, then a colon and the namespace-specific string.",
    ),
    E(
        "atom.id.unregistered-scheme",
        WARNING,
        "atom:id uses the unregistered URI scheme {scheme!r}",
        "The scheme is not in the IANA registry of URI schemes, so other software may not accept "
        "it. Prefer http(s):, tag: or urn:.",
    ),
    E(
        "atom.id.noncanonical",
        WARNING,
        "atom:id {value!r} is not in normal form: {reason}",
        "IDs are compared character by character; an ID not in RFC 3986 normal form may be "
        "normalised by some software and then no longer match. Write the normalised form.",
    ),
    E(
        "atom.date.invalid",
        ERROR,
        "<{name}> {value!r} is not an RFC 3339 date-time",
        "Atom dates look like 2024-05-01T12:30:00Z or 2024-05-01T14:30:00+02:00: a full date, an "
        "upper-case T, a time with seconds, and Z or a numeric offset (RFC 4287 section 3.3).",
    ),
    E(
        "atom.date.implausible",
        WARNING,
        "<{name}> {value!r} is implausible: before 1970 or in the future",
        "Dates before 1970 in a feed are nearly always an unset or mis-converted value, and "
        "dates ahead of the present a wrong clock or time zone; readers sort entries by them. "
        "Check how the date is produced.",
    ),
    E(
        "atom.person.blank-name",
        WARNING,
        "the person's name is blank",
        "A person construct's name is what readers show as the author. Fill it in.",
    ),
    E(
        "atom.person.email-in-name",
        WARNING,
        "the person's name contains an e-mail address",
        "Names are shown as they are; the e-mail address belongs in its own <email> element.",
    ),
    E(
        "atom.person.invalid-email",
        ERROR,
        "{value!r} is not an e-mail address",
        "atom:email takes a bare addr-spec such as jane@example.com: no display name, comment or "
        "list (RFC 4287 section 3.2.3). Put the name in <name>.",
    ),
    E(
        "atom.person.email-host",
        WARNING,
        "the e-mail address {value!r} has no dotted domain",
        "A domain without a dot is not reachable from the Internet. Use the full domain name.",
    ),
    E(
        "atom.category.missing-term",
        ERROR,
        "<category> has no term attribute",
        'atom:category requires a term (RFC 4287 section 4.2.2). Add term="..."; label is '
        "optional and only for display.",
    ),
    E(
        "atom.category.invalid-scheme",
        ERROR,
        "category scheme {value!r} is not an absolute IRI",
        "A category's scheme identifies its vocabulary and must be an absolute IRI such as "
        "https://example.org/tags/ (RFC 4287 section 4.2.2.2), not a relative reference.",
    ),
    E(
        "atom.text.html-in-text",
        WARNING,
        "the {what} contains what looks like HTML markup",
        "This value is plain text, so readers show the tags literally. Remove the markup, or, in "
        'a text construct, declare type="html".',
    ),
    E(
        "atom.text.unexpected-child",
        ERROR,
        "<{parent}> contains an element <{name}>",
        'Only type="xhtml" text and XML content may hold child elements. Escape the markup and '
        'declare type="html", or wrap it in an XHTML div with type="xhtml".',
    ),
    E(
        "atom.link.missing-href",
        ERROR,
        "<link> has no href attribute",
        "atom:link requires href (RFC 4287 section 4.2.7); the URL is not the element's text.",
    ),
    E(
        "atom.link.invalid-type",
        ERROR,
        "link type {value!r} is not a MIME media type",
        "The type attribute of a link is a media type such as text/html or application/atom+xml.",
    ),
    E(
        "atom.link.invalid-hreflang",
        ERROR,
        "link hreflang {value!r} is not a language tag",
        "hreflang takes a BCP 47 language tag such as en or de-CH.",
    ),
    E(
        "atom.link.invalid-length",
        ERROR,
        "link length {value!r} is not a non-negative integer",
        "length is the size of the linked resource in bytes, written as digits only.",
    ),
    E(
        "atom.link.not-empty",
        WARNING,
        "<link> has content",
        "Links carry everything in attributes; readers ignore their content. Put the URL in href "
        "and a description in title.",
    ),
    E(
        "atom.link.feed-rel-in-entry",
        WARNING,
        "the entry has a link with the feed relation {value!r}",
        "RFC 5005 defines first, last, current, prev-archive and next-archive between feed "
        "documents (paging and archives); on an entry readers ignore them. Move the link to "
        "the feed.",
    ),
    E(
        "atom.link.enclosure-length",
        WARNING,
        "the enclosure link has no length",
        "RFC 4287 advises giving the size in bytes of an enclosure so that readers can decide "
        "whether to download it.",
    ),
    E(
        "atom.link.invalid-rel",
        ERROR,
        "link rel {value!r} is neither a name nor an IRI",
        "rel is a registered relation name (alternate, self, related, enclosure, via, ...) or an "
        "absolute IRI; it can't be empty.",
    ),
    E(
        "atom.link.unregistered-rel",
        WARNING,
        "link rel {value!r} is not a registered relation",
        "Readers only understand the relations in the IANA registry. Use a registered one, or an "
        "absolute IRI you control for your own relations.",
    ),
    E(
        "atom.link.relative-self",
        WARNING,
        "the self link {value!r} is relative and no absolute xml:base is in scope",
        "The self link exists to give the feed's own address to whoever has a copy of it, "
        "so it should be absolute: https://example.org/feed.atom, not /feed.atom.",
    ),
    E(
        "atom.link.blank-title",
        WARNING,
        "the link's title is blank",
        "A title attribute is shown to readers as the link's name; leave it out rather than "
        "empty.",
    ),
    E(
        "atom.link.thr-not-replies",
        ERROR,
        "thr:count or thr:updated on a link whose rel is not \"replies\"",
        "The Atom threading attributes (RFC 4685 section 5) describe the replies a "
        "rel=\"replies\" link points to; on other links they mean nothing.",
    ),
    E(
        "atom.link.invalid-thr-count",
        ERROR,
        "thr:count {value!r} is not a non-negative integer",
        "thr:count is the number of replies, written as digits only (RFC 4685 section 5.1).",
    ),
    E(
        "atom.link.self-type",
        WARNING,
        "the self link has type {value!r}",
        "The self link points at this feed document, whose media type is application/atom+xml.",
    ),
    E(
        "atom.link.self-mismatch",
        WARNING,
        "the self link {href} is not where the feed is ({url})",
        'rel="self" must give the feed\'s own address: readers subscribe to it. Correct the href '
        "or check that the feed is served from the address you validated.",
    ),
    E(
        "atom.link.duplicate-alternate",
        ERROR,
        "two alternate links have the same type ({type}) and hreflang ({hreflang})",
        "RFC 4287 allows one alternate link per combination of type and hreflang. Remove one, or "
        "give them different type or hreflang values.",
    ),
    E(
        "atom.feed.missing-self",
        WARNING,
        'the feed has no rel="self" link',
        "A self link tells readers the feed's own address, which they need once the feed is "
        'copied or moved. Add <link rel="self" type="application/atom+xml" href="..."/>.',
    ),
    E(
        "atom.text.invalid-type",
        ERROR,
        "<{name}> type {value!r} is not text, html or xhtml",
        'Text constructs take type="text" (the default), "html" or "xhtml"; MIME types are only '
        "for atom:content.",
    ),
    E(
        "atom.text.blank",
        WARNING,
        "<{name}> is empty",
        "Readers have nothing to show. Give it a value or remove the element where it is "
        "optional.",
    ),
    E(
        "atom.text.missing-xhtml-div",
        ERROR,
        'type="xhtml" <{name}> is not a single XHTML div',
        'XHTML text must be exactly one <div xmlns="http://www.w3.org/1999/xhtml"> element, with '
        "nothing but white space around it (RFC 4287 section 3.1.1.3).",
    ),
    E(
        "atom.text.escaped-xhtml",
        WARNING,
        'type="xhtml" <{name}> holds escaped markup',
        'With type="xhtml" the markup must be real XML elements; escaped tags are shown as text. '
        'Unescape them, or declare type="html".',
    ),
    E(
        "atom.content.invalid-type",
        ERROR,
        "content type {value!r} is not allowed here",
        "atom:content takes text, html, xhtml or a MIME media type; with src it must be a media "
        "type (RFC 4287 section 4.1.3).",
    ),
    E(
        "atom.content.src-without-type",
        WARNING,
        "out-of-line content has no type",
        "With src, the type attribute tells readers what they would fetch; RFC 4287 says it "
        "SHOULD be given.",
    ),
    E(
        "atom.content.src-not-empty",
        ERROR,
        "content with src is not empty",
        "Out-of-line content (src) must be empty (RFC 4287 section 4.1.3.2). Remove the inline "
        "content or the src.",
    ),
    E(
        "atom.content.html-fragment",
        WARNING,
        "{type} content is an HTML fragment, not a document",
        "A media type names a whole document: content typed text/html should be a complete "
        "HTML document. For a fragment of HTML, as in most entries, use type=\"html\".",
    ),
    E(
        "atom.content.not-base64",
        ERROR,
        "{type} content is not valid Base64",
        "Content whose type is neither XML nor text/* must be Base64-encoded (RFC 4287 section "
        "4.1.3.3).",
    ),
    E(
        "atom.entry.missing-content-or-alternate",
        ERROR,
        "the entry has neither content nor an alternate link",
        'An entry without atom:content must have a link rel="alternate" to where the content is '
        "(RFC 4287 section 4.1.2).",
    ),
    E(
        "atom.entry.no-text",
        WARNING,
        "the entry has neither content nor summary",
        "Readers have only the title to show. RFC 4287 advises a summary when there is no "
        "content.",
    ),
    E(
        "atom.entry.missing-summary",
        ERROR,
        "the entry's content can't be shown and it has no summary",
        "Entries whose content is out of line (src) or Base64-encoded must have an atom:summary "
        "(RFC 4287 section 4.1.2).",
    ),
    E(
        "atom.entry.duplicate-updated",
        WARNING,
        "another entry has the same updated date {value!r}",
        "atom:updated is the last significant change of each entry. Entries sharing it usually "
        "mean the feed writes its build time into every entry, so readers show them all as "
        "changed. Use each entry's own modification time.",
    ),
    E(
        "atom.entry.duplicate-id",
        WARNING,
        "another entry has the id {value!r} and the same updated date",
        "Entries with the same id are versions of one entry, told apart by atom:updated. Give "
        "each entry its own id, or a different updated date to each version.",
    ),
    # --- RSS 2.0, 0.9x and RSS 1.0 (RDF) ----------------------------------------------------
    E(
        "rss.version.unknown",
        ERROR,
        "rss version {value!r} is not one of {allowed}",
        "The version attribute of <rss> says which specification the feed follows: 2.0 for RSS "
        "2.0, or 0.91 / 0.92 for the older versions. Other values are not RSS versions; readers "
        "treat the feed as 2.0 at best. Use version=\"2.0\".",
    ),
    E(
        "rss.doctype.netscape",
        ERROR,
        "the feed declares Netscape's RSS 0.91 DTD, which no longer exists",
        "my.netscape.com no longer serves the RSS 0.91 DTD, so a validating parser cannot load "
        "it, and the entities it defined (&nbsp;, &copy; ...) cannot be resolved. Remove the "
        "DOCTYPE (or point it at http://www.rssboard.org/rss-0.91.dtd) and write characters "
        "directly.",
    ),
    E(
        "rss.doctype.unexpected",
        ERROR,
        "a DOCTYPE is declared, but only RSS 0.91 has a DTD (version is {version!r})",
        "Only RSS 0.91 ever had a document type definition. A DOCTYPE in any other version "
        "refers to nothing a reader can use; remove it.",
    ),
    E(
        "rss.element.missing",
        ERROR,
        "<{parent}> has no <{element}>, which it requires",
        "The RSS specification makes this element required here (a channel needs title, link and "
        "description; an image url, title and link; a text input title, description, name and "
        "link; skipHours and skipDays at least one value). Add it.",
    ),
    E(
        "rss.element.duplicate",
        ERROR,
        "<{element}> appears more than once in <{parent}>",
        "This RSS element may appear only once in its parent; readers keep one of the values at "
        "random. Keep a single one (several categories, items or enclosures are the exceptions, "
        "and they are not reported).",
    ),
    E(
        "rss.element.unknown",
        ERROR,
        "<{element}> is not an RSS element allowed in <{parent}>",
        "RSS defines a fixed set of elements for each parent and new ones may not be added to "
        "its own vocabulary (no namespace in RSS 2.0, the RSS 1.0 namespace in RSS 1.0). Check "
        "the spelling and case (textInput, pubDate, managingEditor), or put your own element in "
        "a namespace of your own.",
    ),
    E(
        "rss.element.unexpected-child",
        ERROR,
        "<{element}> inside <{parent}>, which holds only text",
        "This element's content is text. Markup inside it is an element, not text: escape HTML "
        "(&lt;b&gt;) or wrap it in a CDATA section if it is meant to be shown.",
    ),
    E(
        "rss.element.no-namespace",
        WARNING,
        "<{element}> has no namespace, so its vocabulary cannot be determined",
        "Every element of an RSS 1.0 document is in a namespace: RSS 1.0's own "
        "(http://purl.org/rss/1.0/) or a module's. An element without one is probably missing "
        "the default namespace declaration on the root.",
    ),
    E(
        "rss.attribute.missing",
        ERROR,
        "<{element}> has no {attr} attribute, which it requires",
        "The specification requires this attribute (for example url, length and type on "
        "enclosure; url on source; domain, port, path, registerProcedure and protocol on cloud; "
        "rdf:about on RSS 1.0 resources). Add it.",
    ),
    E(
        "rss.attribute.unexpected",
        ERROR,
        "<{element}> has an unexpected attribute {attr}",
        "RSS defines no such attribute on this element. Check its spelling and case "
        "(isPermaLink, registerProcedure); extension attributes belong in a namespace.",
    ),
    E(
        "rss.element.unexpected-text",
        ERROR,
        "<{element}> contains text, but it holds only elements",
        "Text directly inside this element (rather than in one of its child elements) has no "
        "meaning in RSS; it is usually a stray fragment or an element whose tags were lost. "
        "Remove it or put it in the element it belongs to.",
    ),
    E(
        "rss.attribute.extension",
        WARNING,
        "<{element}> carries the extension attribute {attr}",
        "RSS 2.0 allows extension elements, but readers know nothing about extension attributes "
        "on RSS's own elements and ignore them. Prefer an extension element.",
    ),
    E(
        "rss.channel.item-before-metadata",
        WARNING,
        "<{element}> comes after the first item; channel elements should come before all items",
        "The RSS Best Practices Profile recommends that every channel element precede the items, "
        "so readers that stream the feed see the channel's metadata first. Move the items to the "
        "end of the channel.",
    ),
    E(
        "rss.channel.missing-language",
        INFO,
        "the channel does not say what language it is in",
        "A language element (or dc:language, or xml:lang) lets readers and directories group and "
        "present feeds by language. Add <language>en-us</language> or the code of your language.",
    ),
    E(
        "rss.channel.missing-self-link",
        WARNING,
        "the channel has no atom:link rel=\"self\" giving the feed's own address",
        "The RSS Advisory Board recommends that an RSS 2.0 channel identify its own URL with "
        "<atom:link href=\"...\" rel=\"self\" type=\"application/rss+xml\"/> "
        "(xmlns:atom=\"http://www.w3.org/2005/Atom\"), so copies of the feed can be traced to "
        "their source and readers can follow a move.",
    ),
    E(
        "rss.semantics.duplicate",
        WARNING,
        "{extension} repeats what {core} already says",
        "The element and the extension element carry the same information (dc:creator and "
        "managingEditor or author, dc:date and pubDate, dc:subject and category...). Readers "
        "pick one of the two, and not always the same one. Use one of them.",
    ),
    E(
        "rss.semantics.duplicate-description",
        WARNING,
        "{element} repeats the item's description",
        "An item's description already carries its content; an inline XHTML body next to it is a "
        "second version readers must choose between. Use description (or content:encoded) alone.",
    ),
    E(
        "rss.image.title-mismatch",
        WARNING,
        "the image title {value!r} differs from the channel title {channel!r}",
        "In practice the image stands for the channel: its title is the image's alternative text "
        "and should be the channel's title (the RSS 0.91 and RSS Profile recommendation).",
    ),
    E(
        "rss.image.link-mismatch",
        WARNING,
        "the image link {value!r} differs from the channel link {channel!r}",
        "The image is shown as a link to the channel's site; its link should be the channel's "
        "link.",
    ),
    E(
        "rss.image.format",
        WARNING,
        "the image {value!r} does not look like a GIF, JPEG or PNG file",
        "The RSS specification says the channel image is a GIF, JPEG or PNG; readers may not "
        "display other formats.",
    ),
    E(
        "rss.image.bad-width",
        ERROR,
        "image width {value!r} is not a number from 1 to {limit}",
        "The RSS specification limits the channel image to 144 pixels wide (88 by default). Give "
        "a positive whole number no greater than 144.",
    ),
    E(
        "rss.image.bad-height",
        ERROR,
        "image height {value!r} is not a number from 1 to {limit}",
        "The RSS specification limits the channel image to 400 pixels high (31 by default). Give "
        "a positive whole number no greater than 400.",
    ),
    E(
        "rss.textinput.avoid",
        WARNING,
        "textInput is supported by almost no feed reader",
        "The RSS Best Practices Profile discourages textInput: its purpose was never clear and "
        "nearly every aggregator ignores it. Remove it unless you know your readers use it.",
    ),
    E(
        "rss.textinput.bad-name",
        ERROR,
        "textInput name {value!r} is not a valid form field name",
        "name is the name of the text object submitted to the link's CGI program: it must start "
        "with a letter and continue with letters, digits, '-', '_', ':' or '.'.",
    ),
    E(
        "rss.skiphours.invalid-hour",
        ERROR,
        "skipHours hour {value!r} is not a whole number from 0 to 23",
        "Each hour element names an hour of the day, in GMT, from 0 to 23, during which "
        "aggregators may skip reading the feed.",
    ),
    E(
        "rss.skiphours.use-zero",
        WARNING,
        "skipHours hour 24 should be written 0",
        "Hours run from 0 to 23; the RSS Best Practices Profile asks that midnight be written 0, "
        "as some readers reject 24.",
    ),
    E(
        "rss.skipdays.invalid-day",
        ERROR,
        "skipDays day {value!r} is not one of {allowed}",
        "Each day element names a day of the week, in English with an initial capital: Monday "
        "... Sunday.",
    ),
    E(
        "rss.skip.duplicate-value",
        ERROR,
        "{element} {value!r} is listed more than once",
        "Each hour or day may be listed once in skipHours or skipDays (0 and 24 are the same "
        "hour). Remove the repeat.",
    ),
    E(
        "rss.skip.too-many",
        ERROR,
        "more {element} elements than the {limit} that exist",
        "A day has 24 hours and a week 7 days: skipHours and skipDays cannot list more, so some "
        "values are wrong or repeated.",
    ),
    E(
        "rss.enclosure.bad-length",
        ERROR,
        "enclosure length {value!r} is not a whole number of bytes",
        "length is the size of the enclosed file in bytes, a non-negative whole number (no "
        "decimals, no units). Podcast clients use it to show and plan downloads.",
    ),
    E(
        "rss.enclosure.unknown-length",
        ERROR,
        "enclosure length -1 is not allowed; use 0 when the size is unknown",
        "The length of an enclosure is a byte count; the RSS Best Practices Profile says to give "
        "0 when the size is not known. Negative numbers are invalid.",
    ),
    E(
        "rss.enclosure.duplicate",
        WARNING,
        "the item has more than one enclosure",
        "The RSS specification is read by most podcast clients as allowing one enclosure per "
        "item: they take the first and ignore the rest. Put each media file in an item of its "
        "own, or use media:group.",
    ),
    E(
        "rss.guid.bad-permalink-attribute",
        ERROR,
        "guid isPermaLink {value!r} is not one of {allowed}",
        "isPermaLink is either true (the default: the guid is the item's URL) or false (the guid "
        "is an opaque identifier). Anything else, even blank, is invalid.",
    ),
    E(
        "rss.guid.not-url",
        ERROR,
        "guid {value!r} is a permalink but not a full URL",
        "Without isPermaLink=\"false\", a guid is the item's permanent URL and readers link to "
        "it. Give the full URL (with http:// or https://), or mark an identifier that is not a "
        "URL with isPermaLink=\"false\".",
    ),
    E(
        "rss.guid.not-permalink",
        ERROR,
        "guid {value!r} is a tag: or urn:uuid: identifier but is marked as a permalink",
        "Readers open a permalink guid in a browser, which cannot follow tag: or urn:uuid: URIs. "
        "Add isPermaLink=\"false\" to such identifiers.",
    ),
    E(
        "rss.guid.not-unique-enough",
        WARNING,
        "guid {value!r} is a small number, unlikely to be unique",
        "A guid must be unique across all feeds a reader follows, forever. A short number such "
        "as a database row id is not: prefix it with your domain, or use a tag: or URL.",
    ),
    E(
        "rss.guid.duplicate",
        ERROR,
        "guid {value!r} is used by more than one item",
        "Readers recognise items by their guid: items that share one are shown as one item, or "
        "as the same item over and over. Give each item its own guid.",
    ),
    E(
        "rss.item.missing-title-or-description",
        ERROR,
        "the item has neither a title nor a description",
        "The RSS specification requires every item to have at least a title or a description: "
        "otherwise there is nothing to show. Add one.",
    ),
    E(
        "rss.item.missing-guid",
        WARNING,
        "the item has no guid",
        "Without a guid readers guess whether an item is new from its link or text, and show "
        "edited items again or miss new ones. Give every item a permanent, unique guid.",
    ),
    E(
        "rss.item.missing-date",
        INFO,
        "the item has no publication date",
        "pubDate is optional, but readers sort and filter items by date, and show undated items "
        "in an order of their own (often as new, again and again). Give each item a pubDate.",
    ),
    E(
        "rss.item.content-before-description",
        WARNING,
        "content:encoded comes before the item's description (or there is no description)",
        "The RSS Best Practices Profile asks for a description (a summary or the full text) in "
        "every item that has content:encoded, placed before it, for readers that do not support "
        "the content module.",
    ),
    E(
        "rss.item.slash-comments-without-lastbuilddate",
        WARNING,
        "slash:comments is used but the channel has no lastBuildDate",
        "Comment counts change while items do not: without lastBuildDate readers cannot tell "
        "that the feed changed. Add a lastBuildDate to the channel and update it when the counts "
        "change.",
    ),
    E(
        "rss.v091.missing-element",
        WARNING,
        "RSS 0.91 requires a channel <{element}>",
        "RSS 0.91 (UserLand) makes language and image required channel elements. Add it, or "
        "declare version=\"2.0\", where both are optional.",
    ),
    E(
        "rss.v091.too-long",
        WARNING,
        "<{element}> is {length} characters long, over RSS 0.91's limit of {limit}",
        "RSS 0.91 limits titles to 100 characters and links and descriptions to 500; readers of "
        "the format may truncate longer values. Shorten it, or declare version=\"2.0\", which "
        "has no limits.",
    ),
    E(
        "rss.v091.too-many-items",
        WARNING,
        "the channel has {count} items, over RSS 0.91's limit of {limit}",
        "RSS 0.91 allows at most 15 items in a channel; older readers ignore the rest. Keep the "
        "latest 15, or declare version=\"2.0\".",
    ),
    E(
        "rss.atom-link.self-mismatch",
        WARNING,
        "the self link {href!r} is not the feed's address {url!r}",
        "atom:link rel=\"self\" must give the URL the feed is served from; readers use it to "
        "find the feed again. Correct the href (or check the --url given).",
    ),
    E(
        "rss.atom-link.self-relative",
        WARNING,
        "the self link {href!r} is a relative URL",
        "The self link identifies the feed wherever a copy of it ends up, so it must be an "
        "absolute URL.",
    ),
    E(
        "rss.atom-link.self-type",
        WARNING,
        "the self link of an RSS feed has type {value!r}",
        "The self link of an RSS 2.0 feed points to the feed itself, whose media type is "
        "application/rss+xml. Use that type.",
    ),
    E(
        "rss.atom-link.unregistered-rel",
        WARNING,
        "atom:link relation {value!r} is neither registered nor a URI",
        "Link relations are registered names (alternate, self, related, enclosure, via, ...) or "
        "absolute URIs naming an extension relation. Readers ignore other values.",
    ),
    E(
        "rss.atom-link.paging-in-item",
        WARNING,
        "atom:link rel={rel!r} in an item: feed paging relations belong to the channel",
        "The relations of RFC 5005 (first, last, next, previous, next-archive, prev-archive, "
        "current) describe pages of a feed, not items. Move the link to the channel.",
    ),
    # --- namespaced extensions (content, dc, media, itunes, ...) ------------------------------
    E(
        "ext.element.unknown",
        ERROR,
        "<{element}> is not defined here (in <{parent}>)",
        "The extension's vocabulary has no such element in this place: the name is misspelt, in "
        "the wrong case, or used at the wrong level (for example an item-level element in the "
        "channel). Check the module's specification; your own elements belong in a namespace of "
        "your own.",
    ),
    E(
        "ext.element.duplicate",
        ERROR,
        "<{element}> appears more than once in <{parent}>",
        "This extension element may appear once in its parent; readers keep one of the values at "
        "random. Keep a single one.",
    ),
    E(
        "ext.element.unexpected-child",
        ERROR,
        "<{element}> inside <{parent}>, which holds only text",
        "This extension element's content is text; markup inside it is an element. Escape HTML "
        "or use CDATA if it is meant as text (RSS 1.0 documents may nest RDF instead).",
    ),
    E(
        "ext.element.missing",
        ERROR,
        "<{parent}> has no <{element}>, which it requires",
        "The extension's specification makes this child element required. Add it.",
    ),
    E(
        "ext.element.no-namespace",
        WARNING,
        "<{element}> has no namespace, so its vocabulary cannot be determined",
        "Extension elements are identified by their namespace. An element without one means "
        "nothing to readers; it is probably missing a prefix or a namespace declaration.",
    ),
    E(
        "ext.element.not-in-namespace",
        ERROR,
        "<{element}> inside an extension element is not in a namespace",
        "RSS 2.0 requires every element that is not RSS's own to be in a namespace; inside an "
        "extension element, an element without a prefix falls outside every namespace. Give it "
        "the extension's prefix or declare a default namespace.",
    ),
    E(
        "ext.attribute.missing",
        ERROR,
        "<{element}> has no {attr} attribute, which it requires",
        "The extension's specification requires this attribute. Add it.",
    ),
    E(
        "ext.attribute.unexpected",
        ERROR,
        "<{element}> has an unexpected attribute {attr}",
        "The extension defines no such attribute on this element. Check its spelling and case; "
        "attributes of your own belong in a namespace of your own.",
    ),
    E(
        "ext.element.unexpected-text",
        ERROR,
        "<{element}> contains text, but it holds only elements or attributes",
        "The extension defines this element as a container (or an empty element with "
        "attributes); text inside it is ignored. Remove it or move it to the element it belongs "
        "to.",
    ),
    E(
        "ext.namespace.invalid",
        ERROR,
        "the namespace name {namespace!r} is not a URI",
        "Namespace names are URIs: no spaces, not empty. Readers cannot match elements in such a "
        "namespace to any vocabulary. Correct the declaration.",
    ),
    E(
        "itunes.encoding.not-utf8",
        WARNING,
        "a podcast feed encoded as {encoding}",
        "Apple Podcasts requires podcast feeds to be encoded in UTF-8; other encodings are "
        "misread. Save the feed as UTF-8 and declare encoding=\"UTF-8\".",
    ),
    E(
        "ext.namespace.unknown",
        WARNING,
        "the namespace {namespace!r} is not one this validator knows",
        "Elements from this namespace are not checked. That is fine for a vocabulary of your "
        "own; otherwise check the namespace URI for typos, since readers recognise extensions by "
        "the exact URI.",
    ),
    E(
        "ext.namespace.reserved-prefix",
        WARNING,
        "the prefix {prefix!r} is bound to {namespace!r}, not the namespace it conventionally "
        "names",
        "Feed tools and people expect well-known prefixes (dc, media, itunes, content, ...) to "
        "mean their usual namespace. Binding one to another URI is valid XML but misleads "
        "readers; check the URI for a typo, or choose another prefix.",
    ),
    E(
        "ext.namespace.media-without-slash",
        ERROR,
        "Media RSS is declared as http://search.yahoo.com/mrss without the final slash",
        "The Media RSS namespace is http://search.yahoo.com/mrss/ with a trailing slash; readers "
        "compare namespace names exactly and ignore elements in the other one. Add the slash.",
    ),
    E(
        "ext.namespace.obsolete-wiki",
        WARNING,
        "the mod_wiki namespace of usemod.com is obsolete",
        "The wiki module moved to http://purl.org/rss/1.0/modules/wiki/; use that namespace.",
    ),
    E(
        "ext.rdf.mixed-content",
        ERROR,
        "<{element}> mixes text and elements without rdf:parseType=\"Literal\"",
        "In RSS 1.0, extension elements are RDF properties: their value is text or a resource, "
        "not both. Mark an XML literal with rdf:parseType=\"Literal\", or escape the markup.",
    ),
    E(
        "ext.rdf.duplicate-about",
        ERROR,
        "rdf:about {value!r} names more than one resource",
        "In RDF, rdf:about identifies a resource: two elements with the same rdf:about describe "
        "one resource twice, with conflicting properties. Give each item its own URI.",
    ),
    E(
        "value.uri.invalid",
        ERROR,
        "{element} {value!r} is not a valid URI",
        "The value must be a URI or IRI reference (RFC 3986/3987). Percent-encode spaces and "
        "other characters URIs do not allow.",
    ),
    E(
        "value.uri.not-absolute",
        ERROR,
        "{element} {value!r} is not a full URL",
        "The value must be an absolute URI including its scheme (https://example.org/page, not "
        "example.org/page or /page): readers use it outside the feed, where nothing can resolve "
        "a relative reference. Non-ASCII characters must be percent-encoded (or the host written "
        "in Punycode).",
    ),
    E(
        "value.uri.bad-character",
        ERROR,
        "{element} {value!r} contains the character {char}, which URIs do not allow",
        "Spaces, quotes, angle brackets and some other characters may not appear in a URI; "
        "percent-encode them (a space is %20).",
    ),
    E(
        "value.uri.bad-tag",
        ERROR,
        "{element} {value!r} is not a valid tag: URI",
        "A tag URI (RFC 4151) reads tag:authority,date:specific, for example "
        "tag:example.org,2024:post-1, with a domain or e-mail address and a date of the form "
        "YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
    E(
        "value.uri.bad-urn",
        ERROR,
        "{element} {value!r} is not a valid URN",
        "A URN reads urn:NID:NSS (RFC 8141), and a UUID URN urn:uuid: followed by the "
        "36-character UUID (RFC 4122).",
    ),
    E(
        "value.uri.unregistered-scheme",
        WARNING,
        "{element} uses the URI scheme {scheme!r}, which is not registered",
        "Readers follow links whose scheme they know (https, http, mailto, ...). An unregistered "
        "scheme is usually a typo or something readers will not follow (javascript: is also a "
        "security risk).",
    ),
    E(
        "value.uri.relative",
        WARNING,
        "{element} {value!r} is a relative URL",
        "RSS has no base URL for resolving relative references, so readers resolve them "
        "differently, or not at all. Use an absolute URL.",
    ),
    E(
        "value.url.not-http",
        ERROR,
        "{element} {value!r} is not a full http(s) URL",
        "The value must be an absolute http:// or https:// URL with a host name, which clients "
        "download from: no spaces, no relative paths, no other schemes.",
    ),
    E(
        "value.email.invalid",
        ERROR,
        "{element} {value!r} does not contain a valid e-mail address",
        "This element holds an e-mail address, optionally followed by the person's name in "
        "parentheses: jane@example.org (Jane Doe). A name alone is not enough; use dc:creator "
        "for a name without an address.",
    ),
    E(
        "value.email.format",
        WARNING,
        "{element} {value!r} is not in the form address (Name)",
        "The RSS Best Practices Profile recommends writing e-mail addresses as "
        "username@hostname.tld (Real Name); other forms such as \"Name <address>\" are not "
        "understood by every reader.",
    ),
    E(
        "value.email.missing-name",
        WARNING,
        "{element} {value!r} has no name after the address",
        "The RSS Best Practices Profile recommends adding the person's name in parentheses after "
        "the address: jane@example.org (Jane Doe).",
    ),
    E(
        "value.date.not-rfc822",
        ERROR,
        "{element} {value!r} is not an RFC 822 date",
        "RSS dates use RFC 822 (RFC 2822) syntax, such as Sat, 07 Sep 2002 00:00:01 GMT: "
        "optional English day name and comma, day, English month abbreviation, four-digit year, "
        "time and time zone. ISO 8601 dates (2002-09-07T00:00:01Z) are not valid here.",
    ),
    E(
        "value.date.bad-zone",
        ERROR,
        "{element} {value!r} has a time zone RFC 822 does not define",
        "The time zone of an RFC 822 date is a numeric offset (+0000, -0500) or one of UT, GMT, "
        "EST, EDT, CST, CDT, MST, MDT, PST, PDT. Other abbreviations (CET, IST, ...) are "
        "ambiguous; write the offset.",
    ),
    E(
        "value.date.wrong-weekday",
        ERROR,
        "{element} {value!r} has the wrong day of the week",
        "The day name does not match the date, so readers cannot tell which is right. Fix the "
        "day name or the date (or leave the day name out).",
    ),
    E(
        "value.date.impossible",
        ERROR,
        "{element} {value!r} is not a real date or time",
        "The day, hour, minute or second is out of range (such as 30 February or 25:00). Correct "
        "it.",
    ),
    E(
        "value.date.loose-rfc822",
        WARNING,
        "{element} {value!r} is not in strict RFC 2822 form",
        "The date can be read, but with liberties (comments, odd spacing or capitalisation, no "
        "time zone, military zones) that many readers do not accept. Write it as Sat, 07 Sep "
        "2002 00:00:01 GMT.",
    ),
    E(
        "value.date.two-digit-year",
        WARNING,
        "{element} {value!r} has a two-digit year",
        "RFC 2822 requires four-digit years; readers guess the century of two-digit ones "
        "differently. Write the full year.",
    ),
    E(
        "value.date.implausible",
        WARNING,
        "{element} {value!r} is implausibly far in the past or in the future",
        "A date before 1990 or in the future is usually a default value or a wrong clock, and "
        "readers sort items by it. Check the date and the time zone.",
    ),
    E(
        "value.date.not-w3cdtf",
        ERROR,
        "{element} {value!r} is not a W3C-DTF date",
        "Dublin Core and the RSS 1.0 modules use W3C-DTF (a profile of ISO 8601): 2002-09-07, or "
        "2002-09-07T00:00:01Z with a time zone (Z or +01:00) whenever a time is given. RFC 822 "
        "dates are not valid here.",
    ),
    E(
        "value.date.not-iso8601",
        ERROR,
        "{element} {value!r} is not an ISO 8601 date",
        "The value must be an ISO 8601 date or date-time such as 2002-09-07 or "
        "2002-09-07T00:00:01Z.",
    ),
    E(
        "value.date.not-rfc3339",
        ERROR,
        "{element} {value!r} is not an RFC 3339 date-time",
        "The value must be a complete RFC 3339 timestamp: date, time with seconds and time zone, "
        "such as 2002-09-07T00:00:01Z or 2002-09-07T02:00:01+02:00.",
    ),
    E(
        "value.language.invalid",
        ERROR,
        "{element} {value!r} is not a language code",
        "Language codes are RFC 3066 / BCP 47 tags starting with an ISO 639 code: en, en-us, fr, "
        "pt-BR. Names such as English are not codes, and the value may not be blank.",
    ),
    E(
        "value.mime.invalid",
        ERROR,
        "{element} {value!r} is not a MIME type",
        "The value must be a media type such as audio/mpeg, video/mp4 or application/pdf: "
        "type/subtype, optionally with ;parameter=value.",
    ),
    E(
        "value.integer.invalid",
        ERROR,
        "{element} {value!r} is not a whole number",
        "The value must be an integer written in digits: no decimals, units or spaces.",
    ),
    E(
        "value.integer.invalid-list",
        ERROR,
        "{element} {value!r} is not a comma-separated list of whole numbers",
        "The value must be whole numbers separated by commas, such as 12,4,0.",
    ),
    E(
        "value.integer.negative",
        ERROR,
        "{element} {value!r} is not a non-negative whole number",
        "The value must be zero or a positive integer written in digits.",
    ),
    E(
        "value.integer.not-positive",
        ERROR,
        "{element} {value!r} is not a positive whole number",
        "The value must be an integer greater than zero, written in digits (no decimals, units "
        "or signs).",
    ),
    E(
        "value.integer.too-large",
        ERROR,
        "{element} {value!r} is too large",
        "The value must fit in 31 bits (at most 2147483647), as the extension's specification "
        "requires.",
    ),
    E(
        "value.number.invalid",
        ERROR,
        "{element} {value!r} is not a number",
        "The value must be a decimal number written in digits, such as 128 or 29.97, without "
        "units.",
    ),
    E(
        "value.latitude.invalid",
        ERROR,
        "{element} {value!r} is not a latitude",
        "A latitude is a decimal number of degrees from -90 (south pole) to 90 (north pole).",
    ),
    E(
        "value.longitude.invalid",
        ERROR,
        "{element} {value!r} is not a longitude",
        "A longitude is a decimal number of degrees from -180 to 180 (east is positive).",
    ),
    E(
        "value.boolean.invalid",
        ERROR,
        "{element} {value!r} is not one of {allowed}",
        "The value must be exactly one of the listed words, without surrounding white space.",
    ),
    E(
        "value.enum.invalid",
        ERROR,
        "{element} {value!r} is not one of {allowed}",
        "The specification allows only the listed values here.",
    ),
    E(
        "value.text.blank",
        WARNING,
        "{element} is blank",
        "The element is present but empty, so readers have nothing to show. Give it a value or "
        "remove it.",
    ),
    E(
        "value.text.contains-html",
        WARNING,
        "{element} looks like it contains HTML",
        "This element is plain text: readers show markup and character references in it "
        "literally, or render them, depending on the reader. Remove the markup, or unescape "
        "double-escaped text (&amp;amp;).",
    ),
    E(
        "value.text.ambiguous-markup",
        WARNING,
        "{element} contains text readers may take for markup",
        "The RSS Best Practices Profile notes that readers disagree on whether plain-text "
        "elements may contain HTML, so text with '<' followed by a letter or '&#' may be "
        "rendered as markup. Encode such text as CDATA or avoid it.",
    ),
    E(
        "value.text.bad-characters",
        WARNING,
        "{element} contains characters that suggest a wrong encoding",
        "Control characters from the Windows-1252 range, the replacement character or pairs such "
        "as 'Ã©' usually mean that text was decoded with the wrong character encoding (or "
        "encoded twice). Check the encoding declared in the XML declaration and used by the tool "
        "that wrote the feed.",
    ),
    E(
        "value.text.too-long",
        ERROR,
        "{element} is {length} characters long, over the limit of {limit}",
        "The extension's specification limits this element's length; directories truncate or "
        "reject longer values.",
    ),
    E(
        "itunes.category.unknown",
        ERROR,
        "{value!r} is not an Apple Podcasts category",
        "itunes:category text must be one of Apple's categories (and a nested itunes:category "
        "one of its subcategories), spelt exactly, with &amp; for '&'. See Apple's list of "
        "podcast categories.",
    ),
    E(
        "itunes.category.obsolete",
        WARNING,
        "{value!r} is a retired Apple Podcasts category",
        "Apple replaced this category in its 2019 taxonomy; the directory maps it to a new one "
        "or drops it. Choose a current category.",
    ),
    E(
        "itunes.channel.missing-element",
        WARNING,
        "a podcast channel should have {element}",
        "A channel that uses itunes: tags is a podcast: Apple Podcasts requires a language, an "
        "itunes:category and itunes:explicit for it. Add them.",
    ),
    E(
        "itunes.channel.missing-owner",
        WARNING,
        "a podcast channel should have an itunes:owner with an e-mail address",
        "Apple Podcasts uses the owner's itunes:email to contact the podcast's owner and verify "
        "ownership. Add <itunes:owner> with <itunes:email>.",
    ),
    E(
        "itunes.enclosure.unsupported-format",
        WARNING,
        "Apple Podcasts does not support .{extension} enclosures",
        "Apple Podcasts plays M4A, MP3, MOV, MP4, M4V, PDF and EPUB files; items with other "
        "formats are not shown in the directory.",
    ),
    E(
        "itunes.keywords.not-comma-separated",
        WARNING,
        "{element} is not a comma-separated list",
        "itunes:keywords is a list of words or phrases separated by commas; a sentence or "
        "space-separated words are read as one keyword.",
    ),
    E(
        "itunes.duration.invalid",
        ERROR,
        "itunes:duration {value!r} is not a duration",
        "A duration is a number of seconds (3600) or hours, minutes and seconds as H:MM:SS or "
        "MM:SS (minutes and seconds below 60).",
    ),
    E(
        "media.adult.deprecated",
        WARNING,
        "media:adult is deprecated",
        "Media RSS replaced media:adult with media:rating (scheme urn:simple, values adult or "
        "nonadult). Use media:rating.",
    ),
    E(
        "media.group.single-content",
        ERROR,
        "media:group holds {count} media:content; a group is for alternatives",
        "media:group gathers several media:content that are versions of one object (formats, "
        "bitrates). With a single one, put the media:content directly in the item.",
    ),
    E(
        "media.hash.invalid",
        ERROR,
        "media:hash is invalid: {reason}",
        "media:hash holds a hexadecimal MD5 (32 characters, the default) or SHA-1 (40 "
        "characters, algo=\"sha-1\") digest of the media file.",
    ),
    E(
        "media.rating.invalid",
        ERROR,
        "{value!r} is not a rating of the {scheme} scheme",
        "urn:simple allows adult and nonadult; urn:mpaa g, pg, pg-13, r, nc-17...; urn:v-chip "
        "tv-y, tv-g, tv-14, tv-ma...; urn:icra ICRA labels. Other schemes are named by their "
        "URI.",
    ),
    E(
        "media.restriction.bad-relationship",
        ERROR,
        "media:restriction relationship {value!r} is not allow or deny",
        "relationship says whether the listed countries or URIs are allowed or denied: allow or "
        "deny.",
    ),
    E(
        "media.restriction.invalid",
        ERROR,
        "media:restriction {value!r} needs a type",
        "Without a type, a restriction can only be all or none; list countries with "
        "type=\"country\" and URIs with type=\"uri\".",
    ),
    E(
        "media.restriction.bad-country",
        ERROR,
        "{value!r} is not an ISO 3166 country code",
        "Countries in media:restriction are ISO 3166-1 alpha-2 codes (us, gb, de), separated by "
        "spaces.",
    ),
    E(
        "media.restriction.bad-type",
        ERROR,
        "media:restriction type {value!r} is not country or uri",
        "A restriction lists countries (type=\"country\") or URIs (type=\"uri\").",
    ),
    E(
        "media.text.bad-type",
        ERROR,
        "{element} type {value!r} is not plain or html",
        "Media RSS text elements are plain text (the default) or escaped HTML (type=\"html\").",
    ),
    E(
        "media.time.invalid",
        ERROR,
        "{element} {value!r} is not a Normal Play Time",
        "Times in Media RSS are RFC 2326 Normal Play Time: seconds (12.5), h:mm:ss(.fraction) or "
        "now.",
    ),
    E(
        "media.credit.bad-role",
        ERROR,
        "media:credit role {value!r} is not a role of its scheme",
        "Roles are lower case; with the default scheme (urn:ebu) they come from the European "
        "Broadcasting Union's list (actor, author, composer, director, producer...).",
    ),
    E(
        "georss.coordinates.invalid",
        ERROR,
        "{element} {value!r} is not a list of coordinates",
        "GeoRSS coordinates are decimal latitude and longitude pairs separated by white space: a "
        "point has one pair, a line two or more, a polygon four or more (closed), a box two.",
    ),
    E(
        "georss.coordinates.comma",
        WARNING,
        "{element} separates coordinates with a comma",
        "GeoRSS separates latitude, longitude and pairs with white space only; many readers "
        "misread commas.",
    ),
    E(
        "sx.nss.invalid",
        ERROR,
        "{element} {value!r} is not a valid URN namespace-specific string",
        "FeedSync ids and endpoints must be usable inside a URN (RFC 2141): letters, digits and "
        "()+,-.:=@;$_!*'/?# or %-escapes, no spaces.",
    ),
    E(
        "sx.sharing.since-after-until",
        ERROR,
        "sx:sharing since {since} is after until {until}",
        "since and until bound the range of items the feed shares; since must not be later than "
        "until.",
    ),
    E(
        "sx.history.missing-by-and-when",
        ERROR,
        "sx:history has neither by nor when",
        "Each history record says who made the update (by), when (when), or both. Add them.",
    ),
    E(
        "sx.history.missing-recommended",
        WARNING,
        "sx:history has no {attr} attribute",
        "FeedSync recommends giving both who made an update (by) and when (when), so conflicts "
        "can be resolved.",
    ),
    E(
        "sx.sync.duplicate-id",
        ERROR,
        "sx:sync id {value!r} is used by more than one item",
        "The sync id identifies an item across all copies of the feed; two items with one id "
        "will be merged. Give each item its own id.",
    ),
    E(
        "sx.related.bad-type",
        ERROR,
        "{element} {value!r} is not one of {allowed}",
        "sx:related type is complete (a feed with all items) or aggregated (a feed it merges), "
        "in lower case.",
    ),
    E(
        "fh.complete.paging-link",
        ERROR,
        "a complete feed (fh:complete) has a {rel!r} link",
        "fh:complete says the document holds every entry of the feed (RFC 5005), so it cannot be "
        "paged or archived: remove the paging link, or remove fh:complete.",
    ),
    E(
        "fh.complete.current-not-self",
        ERROR,
        "a complete feed (fh:complete) has a current link {href!r} that is not itself",
        "A complete feed is its own current version: a rel=\"current\" link, if any, must point "
        "to the feed's own address.",
    ),
    E(
        "fh.archive.missing-current",
        WARNING,
        "an archive document (fh:archive) has no rel=\"current\" link",
        "RFC 5005 archive documents should link to the current feed with rel=\"current\" so that "
        "readers can find the live feed.",
    ),
    E(
        "fh.archive.incomplete",
        WARNING,
        "an archive document (fh:archive) links to no other archive",
        "Archive documents link to their neighbours with prev-archive and next-archive so "
        "readers can walk the whole history.",
    ),
    E(
        "app.element.missing",
        ERROR,
        "<{parent}> has no <{element}>, which it requires",
        "The Atom Publishing Protocol (RFC 5023) requires this element: a service document at "
        "least one app:workspace; workspaces and collections an atom:title. Add it.",
    ),
    E(
        "app.element.questionable",
        WARNING,
        "<{element}> in <{parent}> is not defined by the Atom Publishing Protocol",
        "RFC 5023 defines no such Atom element here (collections have a title, not an id, for "
        "example); clients will ignore it.",
    ),
    E(
        "app.categories.conflicting-attributes",
        ERROR,
        "app:categories has both href and {attr}",
        "An app:categories element either refers to a category document (href) or lists "
        "categories inline (with fixed and scheme), not both.",
    ),
    E(
        "app.categories.conflicting-children",
        ERROR,
        "app:categories has an href and categories inline",
        "An app:categories element with href refers to a category document; it must be empty.",
    ),
    E(
        "app.accept.quality-parameter",
        WARNING,
        "app:accept {value!r} has a q parameter",
        "app:accept lists media ranges without quality values (q=): RFC 5023 gives them no "
        "meaning there.",
    ),
    E(
        "access.restriction.bad-relationship",
        ERROR,
        "{element} {value!r} is not one of {allowed}",
        "access:restriction relationship is allow or deny, in lower case.",
    ),
    E(
        "wfw.commentrss.deprecated",
        WARNING,
        "{element} is a misspelling: the element is wfw:commentRss",
        "The Comment API element is wfw:commentRss, with lower-case ss; readers look for that "
        "name.",
    ),
    E(
        "xhtml.element.misplaced",
        WARNING,
        "<{element}> is XHTML outside any content",
        "XHTML elements belong inside content (Atom xhtml content, xhtml:body); elsewhere in a "
        "feed readers ignore them.",
    ),
    E(
        "xhtml.meta.bad-name",
        ERROR,
        "{element} {value!r} is not one of {allowed}",
        "An xhtml:meta element in a feed gives robots instructions: its name is robots.",
    ),
    E(
        "xhtml.meta.bad-value",
        ERROR,
        "{element} {value!r} is not one of {allowed}",
        "Robots instructions are index or noindex and follow or nofollow, comma-separated (or "
        "all, none).",
    ),
    # --- JSON Feed 1.1 -----------------------------------------------------------------------
    E(
        "json.not-json",
        ERROR,
        "not valid JSON: {reason}",
        "A JSON Feed must be valid JSON (RFC 8259), or no reader can load it. Fix the syntax at "
        "the reported position: trailing commas, single quotes, comments, unescaped control "
        "characters and NaN or Infinity are the usual causes.",
    ),
    E(
        "json.not-utf8",
        ERROR,
        "JSON must be UTF-8, but it has an invalid {reason}",
        "JSON exchanged between systems must be encoded in UTF-8 (RFC 8259, section 8.1). Save "
        "the file as UTF-8; the offending byte usually comes from text pasted in Latin-1 or "
        "Windows-1252.",
    ),
    E(
        "json.bom",
        WARNING,
        "the document starts with a UTF-8 byte order mark",
        "RFC 8259 forbids adding a byte order mark to JSON, and some JSON parsers reject a "
        "document that has one. Save the file as UTF-8 without a BOM.",
    ),
    E(
        "json.too-deep",
        ERROR,
        "JSON is nested too deeply to be read",
        "Absurd nesting is refused to keep validation bounded. No real feed nests this deep.",
    ),
    E(
        "json.not-a-feed",
        ERROR,
        "JSON, but not a JSON Feed: {reason}",
        "A JSON Feed is a JSON object with at least version, title and items members. Check "
        "that the URL serves the feed itself and not some other JSON document.",
    ),
    E(
        "json.duplicate-member",
        WARNING,
        "member {name} appears more than once in the same object",
        "JSON parsers disagree about duplicate names: some keep the first value, most the last. "
        "Keep one member of each name.",
    ),
    E(
        "json.version.unknown",
        ERROR,
        "version {version} is not a JSON Feed version",
        "version must be the URL of the specification the feed follows: "
        "https://jsonfeed.org/version/1.1 (or https://jsonfeed.org/version/1 for 1.0).",
    ),
    E(
        "json.version.old",
        INFO,
        "this is a JSON Feed 1.0 feed ({version}); 1.1 is current",
        "JSON Feed 1.1 adds authors (replacing author) and language. 1.0 feeds remain valid; "
        "to upgrade, set version to https://jsonfeed.org/version/1.1 and use authors.",
    ),
    E(
        "json.member.missing",
        ERROR,
        "required member {name} is missing",
        "A feed needs version, title and items; an item needs id; an attachment needs url and "
        "mime_type; a hub needs type and url. Add the member.",
    ),
    E(
        "json.member.recommended",
        WARNING,
        "{name} is missing; JSON Feed strongly recommends it",
        "home_page_url lets readers link to the site, and feed_url lets them find the feed again "
        "(and notice when it moves). Add both, as absolute URLs.",
    ),
    E(
        "json.member.type",
        ERROR,
        "{name} must be {expected}, not {actual}",
        "Each member of a JSON Feed has one JSON type: URLs, dates and text are strings, expired "
        "is a boolean, sizes and durations are numbers, items, authors, tags, hubs and "
        "attachments are arrays. Readers skip or choke on values of another type.",
    ),
    E(
        "json.member.unknown",
        WARNING,
        "unknown member {name}",
        "JSON Feed defines no member of this name: it is probably misspelled. Custom data belongs "
        "in an extension member whose name starts with an underscore, such as _example.",
    ),
    E(
        "json.url.invalid",
        ERROR,
        "{value} is not a valid URL",
        "The value contains characters a URL cannot (spaces, quotes, angle brackets, a stray "
        "'%') or is empty. Percent-encode the offending characters.",
    ),
    E(
        "json.url.relative",
        WARNING,
        "{value} is a relative URL",
        "JSON Feed gives readers no base to resolve a relative URL against, so they may not "
        "follow it. Write the full URL, starting with https://.",
    ),
    E(
        "json.feed-url.mismatch",
        WARNING,
        "feed_url {feed_url} is not where the feed is served ({url})",
        "Readers use feed_url to update their subscription, so it should be the feed's own "
        "address, the one given with --url. Correct feed_url, or check that --url is right.",
    ),
    E(
        "json.date.invalid",
        ERROR,
        "{value} is not an RFC 3339 date-time",
        "date_published and date_modified use RFC 3339, e.g. 2024-05-01T09:30:00Z or "
        "2024-05-01T11:30:00+02:00: a full date, 'T', a time with seconds and a time zone.",
    ),
    E(
        "json.language.invalid",
        ERROR,
        "{value} is not a language tag",
        "language is an RFC 5646 language tag such as en, en-GB or pt-BR.",
    ),
    E(
        "json.mime.invalid",
        ERROR,
        "{value} is not a MIME type",
        "An attachment's mime_type is a media type such as audio/mpeg or video/mp4.",
    ),
    E(
        "json.number.negative",
        WARNING,
        "{name} is negative",
        "Sizes and durations count bytes and seconds; a negative one is meaningless. Give the "
        "real value, or leave the member out.",
    ),
    E(
        "json.item.no-content",
        ERROR,
        "item has neither content_html nor content_text",
        "Every item needs its content in content_html, content_text or both; readers have "
        "nothing to show otherwise.",
    ),
    E(
        "json.item.id-not-string",
        WARNING,
        "item id is a number; JSON Feed ids are strings",
        "Readers coerce a numeric id to a string, and a float may not survive the round trip "
        "(1.0 becomes '1.0' or '1'). Quote the id.",
    ),
    E(
        "json.item.empty-id",
        WARNING,
        "item id is empty",
        "Readers tell items apart by id, so an empty id makes the item look new or makes it "
        "collide with others. Use a stable, unique id such as the item's permalink.",
    ),
    E(
        "json.item.duplicate-id",
        ERROR,
        "item id {id} is already used by {first}",
        "Readers tell items apart by id: items sharing one are shown as one, or not at all. "
        "Give every item its own stable id.",
    ),
    E(
        "json.author.deprecated",
        WARNING,
        "author is deprecated in JSON Feed 1.1; add authors",
        "JSON Feed 1.1 replaces the author object by an authors array. Add authors (keeping "
        "author beside it is fine, for 1.0 readers).",
    ),
    E(
        "json.author.empty",
        ERROR,
        "author has none of name, url or avatar",
        "An author object must carry at least one of name, url and avatar. Add the author's "
        "name, or remove the empty object.",
    ),
)


def lookup(code: str) -> Entry:
    """The catalogue entry for `code`; KeyError for an unknown code is a programming error."""
    return CATALOGUE[code]


# The command that regenerates docs/messages.md; the file and its staleness test both show it.
REGENERATE = (
    "python -c 'from feeds.validate.catalogue import render_markdown as r; print(r(), end=\"\")'"
    " > docs/messages.md"
)
# Headings for the code prefixes; a prefix not listed here is its own heading.
SECTIONS = {
    "file": "Files",
    "xml": "XML",
    "html": "HTML content",
    "atom": "Atom 1.0",
    "rss": "RSS 2.0 and 0.9x",
    "rdf": "RSS 1.0 (RDF)",
    "ext": "Namespaced extensions",
    "json": "JSON Feed 1.1",
}


def render_markdown() -> str:
    """docs/messages.md: the catalogue as one table per code prefix, generated so the
    documentation can never drift from what the validator says (a test checks it)."""
    groups: dict[str, list[Entry]] = {}
    for entry in CATALOGUE.values():
        groups.setdefault(entry.code.split(".", 1)[0], []).append(entry)
    lines = [
        "# Validator messages",
        "",
        "Every message `feeds validate` can report, by code; `feeds validate --explain CODE`",
        "prints one entry. Generated from `feeds/validate/catalogue.py`, do not edit by hand:",
        "",
        f"    {REGENERATE}",
    ]
    for prefix, entries in groups.items():
        lines += ["", f"## {SECTIONS.get(prefix, prefix)}", ""]
        lines += ["| Code | Severity | Message | Meaning and fix |", "| --- | --- | --- | --- |"]
        lines += [
            f"| `{e.code}` | {e.severity} | {_cell(e.text)} | {_cell(e.help)} |" for e in entries
        ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no column breaks, no raw HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")

