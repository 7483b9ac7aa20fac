"""The message catalogue: every code the validator can emit, its severity, its sentence and its help.

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
        "atom.extension.no-namespace",
        WARNING,
        "<{name}> is in no namespace",
        "An element without a namespace inside an Atom document can't be told apart from anyone "
        "else's: readers ignore it. Put extension elements in a namespace of your own.",
    ),
    E(
        "atom.extension.unknown-namespace",
        WARNING,
        "elements of the unknown namespace {namespace}",
        "This namespace is not one the validator knows, so its elements were not checked and most"
        " readers will ignore them. Check the namespace URI for typos.",
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
        "<{name}> {value!r} is implausibly far in the past",
        "Dates before 1970 in a feed are nearly always an unset or mis-converted value. Check how"
        " the date is produced.",
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
        "atom.entry.duplicate-id",
        WARNING,
        "another entry has the id {value!r} and the same updated date",
        "Entries with the same id are versions of one entry, told apart by atom:updated. Give "
        "each entry its own id, or a different updated date to each version.",
    ),
    # --- RSS 2.0, 0.9x and RSS 1.0 (RDF) ----------------------------------------------------
    # --- namespaced extensions (content, dc, media, itunes, ...) ------------------------------
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

