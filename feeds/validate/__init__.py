"""The feed validator: Atom 1.0, RSS 2.0 / 0.9x / 1.0 and JSON Feed 1.1, for any feed.

`validate_bytes` is the one entry point; each format lives in its own module, every message
comes from `catalogue`, and `report` turns FileReports into text, JSON, GitHub or JUnit output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from feeds.validate import atom, extensions, jsonfeed, rdf, rss, skim
from feeds.validate.collector import Collector
from feeds.validate.messages import FileReport, Message, Severity
from feeds.validate.xmlload import (
    Chunks,
    NotWellFormed,
    XmlDocument,
    byte_chunks,
    file_chunks,
    head,
    open_document,
)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "FileReport",
    "Message",
    "Severity",
    "validate_bytes",
    "validate_file",
]

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
_COMPRESSED = (
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_MAGIC = max(len(magic) for magic, _ in _COMPRESSED)

ATOM_NS = "http://www.w3.org/2005/Atom"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS11_NS = "http://purl.org/net/rss1.1#"
APP_NS = "http://www.w3.org/2007/app"
XRDS_NS = "xri://$xrds"


def validate_bytes(data: bytes, path: str, *, url: str | None = None) -> FileReport:
    """Validate one document. `url` is where it is served: it checks self links and is the
    base for relative references; without it no self-link mismatch is reported."""
    return _validate(byte_chunks(data), path, url=url, whole=lambda: data, size=len(data))


def validate_file(
    path: Path, *, url: str | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> FileReport:
    """Validate a file, refusing unreadable and oversized ones with a message (never raising).
    A file small enough to be skimmed is read once, whole; a larger XML file is read in chunks
    as its validation goes, never whole."""
    out = Collector()
    try:
        size = path.stat().st_size
        if max_size and size > max_size:
            out.add("file.too-large", size=size, limit=max_size)
            return FileReport(str(path), messages=out.messages)
        if size <= skim.LIMIT:
            return validate_bytes(path.read_bytes(), str(path), url=url)
        return _validate(file_chunks(path), str(path), url=url, whole=path.read_bytes,
                         size=size)
    except OSError as exc:
        out.add("file.unreadable", reason=exc.strerror or str(exc))
        return FileReport(str(path), messages=out.messages)


def _validate(
    chunks: Chunks, path: str, *, url: str | None, whole: Callable[[], bytes], size: int
) -> FileReport:
    """Validate a document of `size` bytes given as passes over its bytes (`whole` reads it
    at once, for the formats that are not streamed, JSON Feed, and for skimming)."""
    out = Collector()
    report = FileReport(path)
    start = head(chunks, _MAGIC)
    compressed = next((kind for magic, kind in _COMPRESSED if start.startswith(magic)), None)
    if compressed:
        out.add("file.compressed", kind=compressed)
    elif _starts_like_json(chunks()):
        report.format = "json"
        jsonfeed.check(whole(), out, url=url)
    else:
        report.format = _check_xml(chunks, out, url=url,
                                   whole=whole if size <= skim.LIMIT else None)
    report.messages = out.messages
    return report


def _starts_like_json(chunks: Iterator[bytes]) -> bool:
    """Whether the first byte that is not white space or part of a BOM opens a JSON object
    or array."""
    for chunk in chunks:
        stripped = chunk.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped:
            return stripped.startswith((b"{", b"["))
    return False


def _check_xml(
    chunks: Chunks, out: Collector, *, url: str | None, whole: Callable[[], bytes] | None
) -> str:
    """Check an XML document while it is parsed; the format it turned out to be. Feeds read
    from `whole` may be skimmed (see `skim`); when the skim proves wrong, they are checked
    again from the start without it."""
    doc = open_document(chunks, out)
    if doc is None:
        return "unknown"
    assert doc.root is not None
    name, check = _XML_FORMATS.get(doc.root.tag, ("unknown", None))
    if check is None:
        try:
            doc.drain()
        except NotWellFormed:
            return "unknown"
        out.add("file.unknown-format", line=doc.root.sourceline,
                reason=f"root element <{doc.root.tag}>")
        return name
    if whole is not None and doc.root.tag in _SKIMMED:
        doc.source = skim.decode(whole(), doc.declared_encoding, doc.bom)
    mark = out.mark()
    try:
        _check_document(doc, check, out, url=url)
    except (NotWellFormed, skim.Mismatch):
        if not doc.cut:
            return "unknown"
        out.withdraw(mark)
        doc.source = None
        try:
            doc.restart()
            _check_document(doc, check, out, url=url)
        except NotWellFormed:
            return "unknown"
    return name


def _check_document(doc: XmlDocument, check: Check, out: Collector, *, url: str | None) -> None:
    check(doc, out, url=url)
    extensions.settle(out)
    doc.drain()


def _check_app(doc: XmlDocument, out: Collector, *, url: str | None) -> None:
    doc.complete()
    extensions.check_app_document(doc.root, out, url=url)


def _check_xrd(doc: XmlDocument, out: Collector, *, url: str | None) -> None:
    doc.complete()
    extensions.check_xrd_document(doc.root, out, url=url)


Check = Callable[..., None]
_SKIMMED = frozenset({f"{{{ATOM_NS}}}feed", "rss"})  # the roots of feeds that may be skimmed
# Root element -> (the format the report names, the check). AtomPub and XRDS documents are
# checked too, but the report's format stays one of atom, rss, rdf, json and unknown.
_XML_FORMATS = {
    f"{{{ATOM_NS}}}feed": ("atom", atom.check),
    f"{{{ATOM_NS}}}entry": ("atom", atom.check),
    "rss": ("rss", rss.check),
    f"{{{RDF_NS}}}RDF": ("rdf", rdf.check),
    f"{{{RSS11_NS}}}Channel": ("rdf", rdf.check),
    f"{{{APP_NS}}}service": ("unknown", _check_app),
    f"{{{APP_NS}}}categories": ("unknown", _check_app),
    f"{{{XRDS_NS}}}XRDS": ("unknown", _check_xrd),
}
