"""Safe loading and the encoding checks made before parsing."""

from __future__ import annotations

import codecs

import pytest

from feeds.validate.collector import Collector
from feeds.validate.xmlload import load

BODY = '<feed xmlns="http://www.w3.org/2005/Atom"><title>Café “notes”</title></feed>'


def declared(encoding: str) -> str:
    return f'<?xml version="1.0" encoding="{encoding}"?>{BODY}'


def load_codes(data: bytes) -> tuple[bool, list[str]]:
    out = Collector()
    doc = load(data, out)
    return doc is not None, [m.code for m in out.messages]


@pytest.mark.parametrize("data", [
    BODY.encode("utf-8"),
    codecs.BOM_UTF8 + declared("utf-8").encode("utf-8"),
    declared("UTF-16").encode("utf-16"),
    codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"),
    declared("utf-16").encode("utf-16-le"),
    declared("windows-1252").encode("cp1252"),
    declared("ISO-8859-1").replace("“", "").replace("”", "").encode("latin-1"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom-undeclared", "utf16le-no-bom", "cp1252",
        "latin1"])
def test_correctly_encoded_documents_load_cleanly(data):
    assert load_codes(data) == (True, [])


def test_undeclared_non_utf8_is_an_error():
    assert load_codes(BODY.encode("cp1252")) == (False, ["xml.encoding.undeclared"])


def test_bytes_invalid_in_the_declared_encoding():
    assert load_codes(declared("utf-8").encode("cp1252")) == (
        False, ["xml.encoding.invalid-bytes"])


def test_unknown_encoding():
    assert load_codes(declared("x-fake").encode()) == (False, ["xml.encoding.unknown"])


def test_python_only_codec_is_an_unknown_encoding():
    assert load_codes(declared("rot13").encode()) == (False, ["xml.encoding.unknown"])


def test_utf8_bom_contradicting_the_declaration():
    data = codecs.BOM_UTF8 + declared("iso-8859-1").encode("utf-8")
    assert load_codes(data) == (False, ["xml.encoding.mismatch"])


def test_utf16_declared_on_8bit_bytes():
    assert load_codes(declared("utf-16").encode("utf-8")) == (False, ["xml.encoding.mismatch"])


def test_c1_controls_suggest_mis_decoded_windows_1252():
    data = declared("utf-8").replace("“", "\x93").encode("utf-8")
    assert load_codes(data) == (True, ["xml.encoding.control-characters"])


def test_xml_version_other_than_1_0():
    assert "xml.version" in load_codes(f'<?xml version="1.1"?>{BODY}'.encode())[1]


def test_not_well_formed():
    assert load_codes(b"<feed><title></feed>") == (False, ["xml.not-well-formed"])


def test_entity_declarations_are_refused():
    data = b'<!DOCTYPE feed [<!ENTITY x "y">]><feed>&x;</feed>'
    assert load_codes(data) == (False, ["xml.entity-declaration"])


def test_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    data = f'<!DOCTYPE feed [<!ENTITY x SYSTEM "file://{secret}">]><feed>&x;</feed>'.encode()
    loaded, found = load_codes(data)
    assert not loaded and "xml.entity-declaration" in found


def test_excessive_nesting_is_refused():
    assert load_codes(b"<a>" * 300 + b"</a>" * 300) == (False, ["xml.too-deep"])


@pytest.mark.parametrize(
    "data", [b"", b"\x00\x01", b"\xff\xfe", b"<?xml", b'<?xml encoding="\x00"?>']
)
def test_garbage_is_reported_not_raised(data):
    loaded, found = load_codes(data)
    assert not loaded and found
