"""Safe, streaming XML loading: no entity is ever resolved and no file or connection is ever
opened, and a large document is never held in memory whole.

lxml (libxml2) is the parser: it is fast, gives source lines, and with these options it neither
loads DTDs nor resolves entities nor touches the network. Entity declarations are refused
outright, which stops XXE and every entity-expansion bomb before anything is expanded;
libxml2's own nesting limit bounds the depth.

Before parsing, the bytes are checked against the encoding the document claims (BOM, XML
declaration, or UTF-8 by default), because a parser's "not well-formed" says nothing about a
feed saved as Windows-1252 and labelled UTF-8, the commonest encoding bug in feeds. That check
reads the document chunk by chunk too.

The document is parsed incrementally (`XmlDocument`): the checks walk the tree while it is being
built, asking for the children of an element one at a time (`XmlDocument.children`), and the
parser is fed only as far as the walk needs. Entries and items are removed from the tree once
checked, so memory stays proportional to one entry however long the feed is.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from lxml import etree

from feeds.validate.collector import Collector

MAX_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE
CHUNK = 1 << 18  # bytes fed at a time: a few hundred entries; more only holds more tree

# A fresh pass over a document's bytes, chunk by chunk: the encoding check reads the document
# once, the parser once more.
Chunks = Callable[[], Iterator[bytes]]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM, the first characters '<?' tell UTF-16 from ASCII-compatible encodings.
_BOMLESS_UTF16 = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_DECLARATION = re.compile(
    r"""^<\?xml\s+version\s*=\s*(["'])(?P<version>[^"']*)\1"""
    r"""(?:\s+encoding\s*=\s*(["'])(?P<encoding>[^"']*)\3)?"""
)
_C1_CONTROLS = re.compile("[\x80-\x9f]")
# Characters XML forbids, and the carriage return, which the parser turns into a line feed:
# as a character class's contents, for patterns that read XML text as it stands (see `skim`).
NOT_XML = r"\x00-\x08\x0b\x0c\r\x0e-\x1f\ufffe\uffff"
_NOT_XML_CODES = frozenset([*range(0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
_UNICODE_SPACE = frozenset(code for code in range(0x3001) if chr(code).isspace())  # `\s`
_LAST_CODE = 0x10FFFF


def xml_chars(without: str = "", *, space: bool = False, runs: bool = False) -> str:
    """A character class: any character XML text may hold as it stands (none `NOT_XML` names)
    but those of `without` and, with `space`, the white space `\\s` matches.

    It is the negated class `[^...]` of those, unless it is to read `runs`, the long runs of
    text an entry's content and summary are: then it is written as the ranges it allows, which
    `re` tests a character against in about 0.55 of the time. But `re` compiles such a class in
    about 2 ms (it marks each character of a range in a Python loop) and the negated one in
    0.1: short values (names, attribute values, dates) take the negated class, or the quick
    patterns would cost every process that validates a tenth of a second to compile."""
    if not runs:
        spaces = r"\s" if space else ""
        return f"[^{''.join(map(re.escape, without))}{spaces}{NOT_XML}]"
    excluded = _NOT_XML_CODES | {ord(char) for char in without}
    if space:
        excluded |= _UNICODE_SPACE
    ranges, start = [], 0
    for code in [*sorted(excluded), _LAST_CODE + 1]:
        if code > start:
            ranges.append(_escape(start) if code - 1 == start else
                          f"{_escape(start)}-{_escape(code - 1)}")
        start = code + 1
    return f"[{''.join(ranges)}]"


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else (
        f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


# XML's white space, without the carriage return.
SPACE = r"[ \t\n]"
_SNIFFED = 512
_NONE: frozenset[str] = frozenset()


def byte_chunks(data: bytes, first: int = 0) -> Chunks:
    """The passes over a document held in memory (from byte `first` on)."""
    return lambda: (data[start : start + CHUNK] for start in range(first, len(data), CHUNK))


def file_chunks(path: Path) -> Chunks:
    """The passes over a document on disk: each reads the file again, a chunk at a time."""

    def read() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk

    return read


class NotWellFormed(Exception):
    """The document turned out not to be well-formed XML; the error is already reported and
    whatever its checks had found so far is withdrawn."""


_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_blank_text": False,
}  # not collect_ids=False: with libxml2 2.14 it makes lxml load the external DTD
_PIECE = 256  # bytes fed at a time until the root element starts


def _root_tag(chunks: Chunks) -> str | None:
    """The tag of the root element, from a throwaway parse of the document's first bytes (a
    few kilobytes, as far as its start tag). Knowing it, the real parse reports one event (the
    root's start) instead of one per element. None when there is no root to find (the
    document is not well-formed before it, or has no element at all)."""
    parser = etree.XMLPullParser(events=("start",), **_OPTIONS)
    for chunk in chunks():
        for start in range(0, len(chunk), _PIECE):
            try:
                parser.feed(chunk[start : start + _PIECE])
            except (etree.XMLSyntaxError, ValueError):
                return next((element.tag for _, element in parser.read_events()), None)
            for _, element in parser.read_events():
                return element.tag
    return None


_IDLE = threading.local()  # each thread's parsers whose documents ended, by tag filter
_IDLE_MAX = 8  # tag filters kept: a few formats' roots


def _parser(tag: str | None) -> etree.XMLPullParser:
    """A pull parser reporting the start of elements named `tag` (of every element without
    one: that parse stops soon after). One whose last document ended, if this thread has one:
    making a parser costs as much as parsing a few kilobytes, and a feed's parse is made once
    or twice (see `skim`)."""
    parser = _idle().pop(tag, None)
    if parser is None:
        parser = etree.XMLPullParser(events=("start",), tag=tag or (), **_OPTIONS)
    return parser


def _retire(tag: str | None, parser: etree.XMLPullParser) -> None:
    """Keep a parser whose document ended, closed or refused with a syntax error (either way
    libxml2 starts afresh with the next), for the next document; its last events are dropped."""
    for _ in parser.read_events():
        pass
    idle = _idle()
    if tag in idle or len(idle) < _IDLE_MAX:
        idle[tag] = parser


def _idle() -> dict[str | None, etree.XMLPullParser]:
    parsers = getattr(_IDLE, "parsers", None)
    if parsers is None:
        parsers = _IDLE.parsers = {}
    return parsers


class XmlDocument:
    """A document being parsed: `root` is there once `open_document` returns it, the rest
    arrives as the walk over it asks (`children`, `complete`). A syntax error found on the way
    is reported and raises NotWellFormed, after the messages of the checks are withdrawn."""

    __slots__ = ("_chunks", "_fed", "_mark", "_out", "_parser", "_parsed", "_pending",
                 "_rest", "_root_tag", "_texts", "bom", "declared_encoding", "done", "root",
                 "source")

    def __init__(self, chunks: Chunks, sniffed: Sniffed, out: Collector) -> None:
        self.declared_encoding, self.bom = sniffed.declared, sniffed.bom
        # The document's text, when the walk may skim it (see `skim`); None otherwise.
        self.source: str | None = None
        self._out, self._chunks = out, chunks
        # Any element of the root's local name is as good a filter as its tag (see _root_tag).
        self._root_tag = f"{{*}}{sniffed.root}" if sniffed.root else _root_tag(chunks)
        self._start(chunks)

    def _start(self, chunks: Chunks) -> None:
        self.root: etree._Element | None = None
        self.done = False  # the parser has seen the end of the document
        self._parsed = chunks
        self._parser = _parser(self._root_tag)
        self._pending = chunks()
        self._rest = b""  # what is left of a chunk fed in part
        self._mark = self._out.mark()
        self._fed = 0  # bytes fed to the parser
        # Elements some of whose removed children had text after them (see `has_text`).
        self._texts: set[etree._Element] = set()

    @property
    def cut(self) -> bool:
        """Whether what is parsed is the document with entries cut out (see `restart`)."""
        return self._parsed is not self._chunks

    def restart(self, cut: bytes | None = None, lines: Callable[[int], int] | None = None) -> None:
        """Parse the document again from the start, as far as its root: itself, or `cut`,
        the document with entries cut out of it (see `skim`), whose line numbers `lines`
        turns into the document's (for the messages). Its encoding was checked already; a
        syntax error raises NotWellFormed. A parser still in the middle of the document is
        dropped, not kept: closing it would report its document's premature end, which costs
        ten times what making a new parser does.

        A `cut` that starts with all the parser was given of the document goes on from there,
        with the same parser: its state is that of a parse of `cut` as far, and a feed's
        entries are cut after the few hundred bytes that find its root. That saves making and
        starting a parser, which costs more than parsing a small feed's head."""
        self._out.lines = lines
        if cut is not None and not self.done and cut.startswith(head(self._parsed, self._fed)):
            self._parsed = byte_chunks(cut)
            self._pending = byte_chunks(cut, self._fed)()
            self._rest = b""
            return
        self._start(self._chunks if cut is None else byte_chunks(cut))
        self.await_root()

    def children(
        self,
        parent: etree._Element,
        *,
        stream: Collection[object] = _NONE,
        enter: Collection[object] = _NONE,
    ) -> Iterator[etree._Element]:
        """The child nodes of `parent` in document order, each once it is complete (its end
        tag read, its tail text too). A child whose tag is in `enter` is given as soon as it
        starts, for the caller to walk its children in turn; one whose tag is in `stream` is
        removed from the tree once the caller is done with it, so that a feed's entries are
        held one at a time. The collector counts the children as they go by, for the element
        paths of messages about them."""
        out = self._out
        child = self._first_child(parent)
        while child is not None:
            tag = child.tag
            following = child.getnext()
            if following is None and tag not in enter:
                following = self._await_next(child, parent)
            out.arrived(parent, child, tag)
            yield child
            if following is None:
                following = self._await_next(child, parent)
            if tag in stream:
                tail = child.tail
                if tail and not tail.isspace():
                    self._texts.add(parent)
                out.departed(parent, child)
                child.clear()
                parent.remove(child)
            child = following

    def has_text(self, element: etree._Element) -> bool:
        """`has_text`, counting the text after the children already removed."""
        return element in self._texts or has_text(element)

    def complete(self) -> None:
        """Parse the rest of the document, keeping the whole tree."""
        while not self.done:
            self._pump()

    def drain(self) -> None:
        """Parse the rest of the document only to find out whether it is well-formed: what
        is complete is dropped as it arrives, so nothing but the open elements is held."""
        while not self.done:
            self._pump()
            if self.root is not None:
                _prune(self.root)

    def await_root(self) -> etree._Element:
        """Parse as far as the root element's start tag (or, failing that, to the end)."""
        while self.root is None and not self.done:
            self._pump()
        assert self.root is not None  # closing the parser either gives a root or raises
        return self.root

    def _first_child(self, parent: etree._Element) -> etree._Element | None:
        while not len(parent) and not self._finished(parent):
            self._pump()
        return parent[0] if len(parent) else None

    def _await_next(self, child: etree._Element, parent: etree._Element) -> etree._Element | None:
        following = child.getnext()
        while following is None and not self._finished(parent):
            self._pump()
            following = child.getnext()
        return following

    def _finished(self, element: etree._Element) -> bool:
        """Whether the parser is past the end of `element`: the document is complete, or the
        element or one of its ancestors has a following sibling."""
        if self.done:
            return True
        node: etree._Element | None = element
        while node is not None:
            if node.getnext() is not None:
                return True
            node = node.getparent()
        return False

    def _pump(self) -> None:
        """Feed the parser one more chunk, or tell it the input ended. The first event is the
        root element's start (see `_root_tag`): until it comes, a piece of a chunk at a time,
        so that opening a document (and skimming it) parses only its start twice."""
        chunk = self._rest or next(self._pending, None)
        self._rest = b""
        if self.root is None and chunk is not None and len(chunk) > _PIECE:
            chunk, self._rest = chunk[:_PIECE], chunk[_PIECE:]
        try:
            if chunk is None:
                self.done = True
                root = self._parser.close()
                if self.root is None:
                    self.root = root
                _retire(self._root_tag, self._parser)
                return
            self._fed += len(chunk)
            self._parser.feed(chunk)
        except (etree.XMLSyntaxError, ValueError) as exc:
            self.done = True
            self._out.withdraw(self._mark)
            _report_syntax_error(self._syntax_error(exc), self._out)
            if isinstance(exc, etree.XMLSyntaxError):
                _retire(self._root_tag, self._parser)
            raise NotWellFormed from None
        for _, element in self._parser.read_events():
            if self.root is None:
                self.root = element

    def _syntax_error(self, exc: Exception) -> tuple[str, tuple[int, int] | None]:
        """libxml2's first error, worded as a one-shot parse words it. The incremental parser
        finds the same first error, but words one ("Couldn't find end of Start Tag") without
        its line, and keeps some (an undefined entity) out of its log: those documents are
        parsed again in one go, as far as they were read."""
        first = next(
            (e for e in self._parser.error_log if e.level >= etree.ErrorLevels.ERROR), None
        )
        if first is not None and first.type != etree.ErrorTypes.ERR_GT_REQUIRED:
            return _worded(first.message, first.line, first.column)
        prefix = head(self._parsed, self._fed)
        try:
            etree.fromstring(prefix, etree.XMLParser(**_OPTIONS))
        except (etree.XMLSyntaxError, ValueError) as again:
            return getattr(again, "msg", None) or str(again), getattr(again, "position", None)
        return getattr(exc, "msg", None) or str(exc), getattr(exc, "position", None)


def has_text(element: etree._Element) -> bool:
    """Whether `element` has text of its own beside its children, white space aside (its
    text, or a child's tail)."""
    text = element.text
    if text and not text.isspace():
        return True
    for child in element:
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def _worded(message: str, line: int, column: int) -> tuple[str, tuple[int, int]]:
    """An error as lxml words the exception of a one-shot parse."""
    if line > 0:
        where = f"line {line}, column {column}" if column > 0 else f"line {line}"
        message = f"{message}, {where}"
    return message, (line, column)


def head(chunks: Chunks, size: int) -> bytes:
    """The first `size` bytes of a document (fewer if it is shorter)."""
    return b"".join(_first_bytes(chunks(), size))


def _first_bytes(chunks: Iterator[bytes], size: int) -> Iterator[bytes]:
    for chunk in chunks:
        if size <= 0:
            return
        yield chunk[:size]
        size -= len(chunk)


def _prune(root: etree._Element) -> None:
    """Drop every complete node: all but the last child at each level of the open path."""
    node = root
    while len(node):
        del node[:-1]
        node = node[-1]


def load(data: bytes, out: Collector) -> XmlDocument | None:
    """Parse a whole document held in memory, or report why it cannot be read as XML and
    return None (`open_document` reads one incrementally)."""
    doc = open_document(byte_chunks(data), out)
    if doc is not None:
        try:
            doc.complete()
        except NotWellFormed:
            return None
    return doc


def open_document(chunks: Chunks, out: Collector) -> XmlDocument | None:
    """Start parsing a document: check its encoding, then parse as far as its root element.
    None (after reporting why) when it cannot be read as XML or declares entities; those are
    refused before any is expanded, once the whole document is known to be well-formed."""
    sniffed = sniff(head(chunks, _SNIFFED))
    if sniffed.version not in (None, "1.0"):
        out.add("xml.version", line=1, version=sniffed.version)
    if not check_encoding(chunks, sniffed, out):
        return None
    doc = XmlDocument(chunks, sniffed, out)
    try:
        entity = _first_entity(doc.await_root())
        if entity is not None:
            doc.drain()
            out.add("xml.entity-declaration", name=entity)
            return None
    except NotWellFormed:
        return None
    return doc


def _first_entity(root: etree._Element) -> str | None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return None
    return next((entity.name for entity in dtd.iterentities()), None)


def _report_syntax_error(error: tuple[str, tuple[int, int] | None], out: Collector) -> None:
    message, position = error
    line, column = position if position else (None, None)
    if "Excessive depth" in message:
        out.add("xml.too-deep", line=line, limit=MAX_DEPTH)
    else:
        out.add("xml.not-well-formed", line=line, column=column, reason=message)


@dataclass(slots=True)
class Sniffed:
    """What the first bytes say: the BOM's encoding, the encoding family the bytes are in
    (UTF-16/32 with or without a BOM; None for ASCII-compatible ones), and the declaration."""

    bom: str | None
    family: str | None
    declared: str | None
    version: str | None
    root: str | None = None  # the root element's local name, if `_PROLOG` tells it


# A document's start as far as its root element's name: the XML declaration, processing
# instructions, comments and white space (each ending where XML ends it, at the first '?>' or
# '-->'), then the first start tag, which is the root's. Anything else before it (a document
# type declaration, say) is left to `_root_tag`.
_PROLOG = re.compile(
    r"(?:(?><\?.*?\?>)|(?><!--.*?-->)|[ \t\r\n]+)*+"
    r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[ \t\r\n/>]",
    re.DOTALL | re.ASCII,
)


def sniff(data: bytes) -> Sniffed:
    """Read the BOM and the XML declaration the way XML 1.0 Appendix F describes."""
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    family = bom or next((name for mark, name in _BOMLESS_UTF16 if data.startswith(mark)), None)
    if family == "utf-8":
        family = None
    head = data[:_SNIFFED].removeprefix(codecs.BOM_UTF8)
    head_text = head.decode(family, "replace") if family else head.decode("latin-1")
    text = head_text.lstrip("\ufeff")
    start = _PROLOG.match(text)
    root = start.group(1) if start else None
    match = _DECLARATION.match(text)
    if not match:
        return Sniffed(bom, family, None, None, root)
    return Sniffed(bom, family, match.group("encoding"), match.group("version"), root)


def check_encoding(chunks: Chunks, sniffed: Sniffed, out: Collector) -> bool:
    """Report encoding problems; False when the document can't be decoded as it claims."""
    declared = sniffed.declared
    if declared is not None:
        try:
            codec = codecs.lookup(declared).name
            "".encode(codec)  # text encodings only, not Python's base64 or rot13 codecs
        except (LookupError, ValueError):
            out.add("xml.encoding.unknown", line=1, encoding=declared)
            return False
        reason = _mismatch(sniffed, codec)
        if reason:
            out.add("xml.encoding.mismatch", line=1, encoding=declared, reason=reason)
            return False
    codec = _python_codec(sniffed)
    # Decoding UTF-8 with a BOM in one go reports offsets into the bytes after the BOM.
    shift = 3 if codec == "utf-8-sig" and sniffed.bom == "utf-8" else 0
    try:
        try:
            control = _decode(chunks(), codec, shift, lines=False)
        except _Found:  # the rare case: read it again, counting lines for the message
            control = _decode(chunks(), codec, shift)
    except _Undecodable as exc:
        if declared or sniffed.bom:
            out.add("xml.encoding.invalid-bytes", line=exc.line, encoding=declared or sniffed.bom)
        else:
            out.add("xml.encoding.undeclared", line=exc.line)
        return False
    if control:
        line, char = control
        out.add("xml.encoding.control-characters", line=line, char=f"U+{ord(char):04X}")
    return True


class _Undecodable(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Found(Exception):
    """A pass that counted no lines found something to report."""


def _decode(
    chunks: Iterator[bytes], codec: str, shift: int, *, lines: bool = True
) -> tuple[int, str] | None:
    """Decode the whole document a chunk at a time, holding one chunk of text at most. Raises
    _Undecodable with the line of the first byte that can't be decoded; returns the line and
    the character of the first C1 control character, if any. Without `lines`, raises _Found
    instead of either, having spent nothing on counting lines (most documents have neither).

    Lines are counted as they were when the document was decoded in one go: b"\\n" bytes
    before the offset the codec reported, that offset taken `shift` bytes too early."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    skip_ascii = _ascii_compatible(codec)
    offset = raw_lines = text_lines = 0  # bytes and newlines before the current chunk
    previous = b""  # enough bytes before the chunk for an error reported a little before it
    control = None
    for chunk in chain(chunks, (b"",)):
        newlines = chunk.count(b"\n") if lines else 0
        if skip_ascii and offset and chunk.isascii() and not decoder.getstate()[0]:
            text = ""  # ASCII decodes to itself: nothing to check, only lines to count
            text_lines += newlines
        else:
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                if not lines:
                    raise _Found from None
                at = len(chunk) - len(exc.object) + exc.start - shift  # relative to this chunk
                before = chunk[:at].count(b"\n") if at >= 0 else -previous[at:].count(b"\n")
                raise _Undecodable(raw_lines + before + 1) from None
        offset += len(chunk)
        raw_lines += newlines
        previous = (previous + chunk)[-16:]  # the last bytes read, whatever the chunk size
        if control is None and not text.isascii():
            found = _C1_CONTROLS.search(text)
            if found:
                if not lines:
                    raise _Found
                control = (text_lines + text.count("\n", 0, found.start()) + 1, found.group())
        if lines:
            text_lines += text.count("\n")
    return control


def _ascii_compatible(codec: str) -> bool:
    """Whether a chunk of ASCII bytes met between whole characters can be taken as read: the
    common 8-bit encodings and UTF-8, where ASCII stands for itself (not UTF-16, or UTF-7 and
    ISO-2022, where it may be part of an escape)."""
    name = codecs.lookup(codec).name
    return name in ("utf-8", "utf-8-sig", "ascii", "latin-1") or name.startswith(
        ("iso8859-", "cp125"))


def _mismatch(sniffed: Sniffed, codec: str) -> str | None:
    """Why the declared encoding (as a Python codec name) can't be the one the bytes are in."""
    wide = codec.startswith(("utf-16", "utf-32"))
    if sniffed.family and not wide:
        return f"the document is {sniffed.family.upper()}"
    if sniffed.family is None and wide:
        return "the document is in an 8-bit encoding"
    if sniffed.bom == "utf-8" and codec != "utf-8":
        return "it starts with a UTF-8 byte order mark"
    return None


def _python_codec(sniffed: Sniffed) -> str:
    """The codec to decode the whole document with: the byte order the bytes show for UTF-16
    and UTF-32, the sig variant for UTF-8 so that a BOM is not taken for text."""
    if sniffed.family:
        return sniffed.family.rsplit("-", 1)[0] if sniffed.bom else sniffed.family
    if sniffed.declared is None or sniffed.bom == "utf-8":
        return "utf-8-sig"
    return sniffed.declared
