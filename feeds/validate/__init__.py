"""The feed validator: Atom 1.0, RSS 2.0 / 0.9x / 1.0 and JSON Feed 1.1, for any feed.

`validate_bytes` is the one entry point; each format lives in its own module, every message
comes from `catalogue`, and `report` turns FileReports into text, JSON, GitHub or JUnit output.
"""

from __future__ import annotations

from pathlib import Path

from feeds.validate import atom, extensions, jsonfeed, rdf, rss
from feeds.validate.collector import Collector
from feeds.validate.messages import FileReport, Message, Severity
from feeds.validate.xmlload import load

__all__ = [
    "DEFAULT_MAX_SIZE",
    "FileReport",
    "Message",
    "Severity",
    "validate_bytes",
    "validate_file",
]

DEFAULT_MAX_SIZE = 50 * 1024 * 1024

ATOM_NS = "http://www.w3.org/2005/Atom"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS11_NS = "http://purl.org/net/rss1.1#"
APP_NS = "http://www.w3.org/2007/app"
XRDS_NS = "xri://$xrds"


def validate_bytes(data: bytes, path: str, *, url: str | None = None) -> FileReport:
    """Validate one document. `url` is where it is served: it checks self links and is the
    base for relative references; without it no self-link mismatch is reported."""
    out = Collector()
    report = FileReport(path)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        report.format = "json"
        jsonfeed.check(data, out, url=url)
    else:
        doc = load(data, out)
        if doc is not None:
            report.format = _xml_format(doc.root.tag)
            if report.format == "atom":
                atom.check(doc, out, url=url)
            elif report.format == "rss":
                rss.check(doc, out, url=url)
            elif report.format == "rdf":
                rdf.check(doc, out, url=url)
            elif report.format == "app":
                extensions.check_app_document(doc.root, out, url=url)
            elif report.format == "xrd":
                extensions.check_xrd_document(doc.root, out, url=url)
            else:
                out.add(
                    "file.unknown-format",
                    line=doc.root.sourceline,
                    reason=f"root element <{doc.root.tag}>",
                )
    report.messages = out.messages
    return report


def validate_file(
    path: Path, *, url: str | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> FileReport:
    """Validate a file, refusing unreadable and oversized ones with a message (never raising)."""
    out = Collector()
    try:
        size = path.stat().st_size
        if max_size and size > max_size:
            out.add("file.too-large", size=size, limit=max_size)
            return FileReport(str(path), messages=out.messages)
        data = path.read_bytes()
    except OSError as exc:
        out.add("file.unreadable", reason=exc.strerror or str(exc))
        return FileReport(str(path), messages=out.messages)
    return validate_bytes(data, str(path), url=url)


def _xml_format(tag: str) -> str:
    if tag in (f"{{{ATOM_NS}}}feed", f"{{{ATOM_NS}}}entry"):
        return "atom"
    if tag == "rss":
        return "rss"
    if tag == f"{{{RSS11_NS}}}Channel":
        return "rdf"
    if tag in (f"{{{APP_NS}}}service", f"{{{APP_NS}}}categories"):
        return "app"
    if tag == f"{{{XRDS_NS}}}XRDS":
        return "xrd"
    if tag == f"{{{RDF_NS}}}RDF":
        return "rdf"
    return "unknown"
