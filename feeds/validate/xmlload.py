"""Safe XML loading: no entity is ever resolved and no file or connection is ever opened.

lxml (libxml2) is the parser: it is fast, gives source lines, and with these options it neither
loads DTDs nor resolves entities nor touches the network. Entity declarations are refused
outright, which stops XXE and every entity-expansion bomb before anything is expanded;
libxml2's own nesting limit bounds the depth.

Before parsing, the bytes are checked against the encoding the document claims (BOM, XML
declaration, or UTF-8 by default), because a parser's "not well-formed" says nothing about a
feed saved as Windows-1252 and labelled UTF-8, the commonest encoding bug in feeds.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lxml import etree

from feeds.validate.collector import Collector

MAX_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE

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


@dataclass(slots=True)
class XmlDocument:
    root: etree._Element
    declared_encoding: str | None
    bom: str | None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )  # not collect_ids=False: with libxml2 2.14 it makes lxml load the external DTD


def load(data: bytes, out: Collector) -> XmlDocument | None:
    """Parse `data`, or report why it cannot be read as XML and return None."""
    sniffed = sniff(data)
    if sniffed.version not in (None, "1.0"):
        out.add("xml.version", line=1, version=sniffed.version)
    if not check_encoding(data, sniffed, out):
        return None
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except (etree.XMLSyntaxError, ValueError) as exc:
        _report_syntax_error(exc, out)
        return None
    dtd = tree.docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            out.add("xml.entity-declaration", name=entity.name)
            return None
    return XmlDocument(tree.getroot(), sniffed.declared, sniffed.bom)


def _report_syntax_error(exc: Exception, out: Collector) -> None:
    message = getattr(exc, "msg", None) or str(exc)
    position = getattr(exc, "position", None)
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


def sniff(data: bytes) -> Sniffed:
    """Read the BOM and the XML declaration the way XML 1.0 Appendix F describes."""
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    family = bom or next((name for mark, name in _BOMLESS_UTF16 if data.startswith(mark)), None)
    if family == "utf-8":
        family = None
    head = data[:512].removeprefix(codecs.BOM_UTF8)
    head_text = head.decode(family, "replace") if family else head.decode("latin-1")
    match = _DECLARATION.match(head_text.lstrip("\ufeff"))
    if not match:
        return Sniffed(bom, family, None, None)
    return Sniffed(bom, family, match.group("encoding"), match.group("version"))


def check_encoding(data: bytes, sniffed: Sniffed, out: Collector) -> bool:
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
    python_codec = _python_codec(sniffed)
    try:
        text = data.decode(python_codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if declared or sniffed.bom:
            out.add("xml.encoding.invalid-bytes", line=line, encoding=declared or sniffed.bom)
        else:
            out.add("xml.encoding.undeclared", line=line)
        return False
    control = _C1_CONTROLS.search(text)
    if control:
        out.add("xml.encoding.control-characters", line=text.count("\n", 0, control.start()) + 1,
                char=f"U+{ord(control.group()):04X}")
    return True


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
