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
    E("file.unreadable", ERROR, "cannot read file: {reason}",
      "The file could not be opened or read. Check the path and its permissions."),
    E("file.too-large", ERROR, "file is {size} bytes, over the limit of {limit} bytes",
      "Files over the size limit are refused to keep memory bounded. Raise it with --max-size "
      "if the feed really is that large."),
    E("file.unknown-format", ERROR, "not a recognised feed: {reason}",
      "The document is neither Atom 1.0, RSS (0.9x, 1.0, 2.0) nor JSON Feed. Check that the URL "
      "serves the feed itself and not an HTML page or an error document."),
    E("xml.not-well-formed", ERROR, "XML is not well-formed: {reason}",
      "Every XML parser must reject a document that is not well-formed, so no reader will show "
      "this feed. Fix the markup at the reported line: unescaped '&' or '<', mismatched tags, "
      "or characters XML forbids are the usual causes."),
    E("xml.entity-declaration", ERROR, "the document declares entities ({name}); they are refused",
      "Entity declarations in a DOCTYPE are how external-entity (XXE) and entity-expansion "
      "('billion laughs') attacks work. Feeds have no need for them: write characters directly "
      "or as numeric character references."),
    E("xml.too-deep", ERROR, "elements are nested more than {limit} levels deep",
      "Absurd nesting is refused to keep validation bounded. No real feed nests this deep."),
    # --- Atom 1.0 (RFC 4287) -----------------------------------------------------------------
    # --- RSS 2.0, 0.9x and RSS 1.0 (RDF) ----------------------------------------------------
    # --- namespaced extensions (content, dc, media, itunes, ...) ------------------------------
    # --- JSON Feed 1.1 -----------------------------------------------------------------------
)


def lookup(code: str) -> Entry:
    """The catalogue entry for `code`; KeyError for an unknown code is a programming error."""
    return CATALOGUE[code]
