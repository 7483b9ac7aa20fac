"""Dublin Core (dc: elements 1.1, dcterms:) as RSS modules use it (mod_dc, mod_dcterms).

Dates are W3C-DTF, languages RFC 3066, relations are resources (rdf:resource in RSS 1.0).
Duplicates of RSS core semantics (dc:creator beside author...) are the RSS validator's call.
"""

from __future__ import annotations

from feeds.validate.ext.core import CHANNEL, words
from feeds.validate.ext.kinds import (
    language,
    nonblank,
    plain,
    positive,
    text,
    w3cdtf,
)
from feeds.validate.ext.rules import anything, leaf, resource

_DC_ELEMENTS = {
    "dc:title": leaf(text),
    "dc:description": leaf(text),
    "dc:publisher": leaf(text, once=False),
    "dc:contributor": leaf(text, once=False),
    "dc:creator": leaf(text, once=False),
    "dc:subject": leaf(text, once=False),
    "dc:type": leaf(text),
    "dc:format": leaf(text),
    "dc:identifier": leaf(text, once=False),
    "dc:source": leaf(text),
    "dc:language": leaf(language),
    "dc:relation": leaf(text, once=False),
    "dc:coverage": leaf(text, once=False),
    "dc:rights": leaf(plain),
    "dc:date": leaf(w3cdtf, once=CHANNEL),
}

_RELATIONS = words("""isVersionOf hasVersion isReplacedBy replaces isRequiredBy requires isPartOf
    hasPart isReferencedBy references isFormatOf hasFormat conformsTo""")
_UNCONSTRAINED = words("""valid available spatial temporal accessRights accrualMethod
    accrualPeriodicity accrualPolicy bibliographicCitation educationLevel instructionalMethod
    license provenance rightsHolder medium""")

_DCTERMS = {
    # the fifteen elements are terms too
    **{f"dcterms:{name.split(':')[1]}": rule for name, rule in _DC_ELEMENTS.items()},
    "dcterms:alternative": leaf(text, once=False),
    "dcterms:abstract": leaf(text),
    "dcterms:tableOfContents": resource(),
    "dcterms:created": leaf(w3cdtf),
    "dcterms:issued": leaf(w3cdtf),
    "dcterms:modified": leaf(w3cdtf),
    "dcterms:dateAccepted": leaf(text),
    "dcterms:dateCopyrighted": leaf(text),
    "dcterms:dateSubmitted": leaf(text),
    "dcterms:extent": leaf(positive, nonblank),
    "dcterms:audience": leaf(text, once=False),
    "dcterms:mediator": leaf(text),
    **{f"dcterms:{name}": resource(once=False) for name in _RELATIONS},
    **{f"dcterms:{name}": anything() for name in _UNCONSTRAINED},
}

RULES = {**_DC_ELEMENTS, **_DCTERMS}
