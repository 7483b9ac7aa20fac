"""Safe loading and the encoding checks made before parsing."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from feeds.validate import skim, validate_file, xmlload
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


# --- reading in chunks -------------------------------------------------------------------------
# Documents are read a chunk at a time; these read them a few bytes at a time, so that every
# element, character and error falls across chunks, and compare with reading them in one go.

CHUNKS = [1, 7, 4096, xmlload.CHUNK]
MALFORMED = [
    b"<feed><title></feed>",
    b"<rss>\n<channel>\n<item\n a='1'",  # a start tag cut short
    b"<rss>\n<channel>\n<title a='1' <b/></title></channel></rss>",
    b"<rss version='2.0'><channel><title>Caf&eacute;</title></channel></rss>",  # undefined
    b"",
    b"   \n",
    b"<?xml version='1.0'?>",
    b"<!-- only a comment -->",
    b"<a></b>",
    b"<rss><channel>\n<title>x</title>\n</channel></rss>\n<rss/>",
    b"<rss><channel><title>\x01</title></channel></rss>",
    b"<a>" * 300 + b"</a>" * 300,
]


def one_shot_error(data: bytes) -> tuple[str, tuple[int, int]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with pytest.raises(etree.XMLSyntaxError) as raised:
        etree.fromstring(data, parser)
    return raised.value.msg, raised.value.position


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize("data", MALFORMED)
def test_syntax_errors_read_as_a_one_shot_parse_reads_them(monkeypatch, data, chunk):
    monkeypatch.setattr(xmlload, "CHUNK", chunk)
    out = Collector()
    assert load(data, out) is None
    [message] = out.messages
    reason, (line, column) = one_shot_error(data)
    if message.code == "xml.too-deep":
        assert "Excessive depth" in reason and message.line == line
    else:
        assert message.code == "xml.not-well-formed"
        assert message.message.endswith(reason)
        assert (message.line, message.column) == (line, column)


def one_go_line(data: bytes, codec: str) -> int:
    """Where decoding `data` in one go finds the first byte it can't decode."""
    with pytest.raises(UnicodeDecodeError) as raised:
        data.decode(codec)
    return data[: raised.value.start].count(b"\n") + 1


@pytest.mark.parametrize("chunk", CHUNKS)
@pytest.mark.parametrize(("data", "codec"), [
    (declared("utf-8").encode() + b"\n\n" + "é".encode() * 9 + b"\n\xe9\n", "utf-8"),
    (codecs.BOM_UTF8 + BODY.encode() + b"\n\n\n\xe9\n\n", "utf-8-sig"),
    (codecs.BOM_UTF8 + BODY.encode() + b"\n\xe9", "utf-8-sig"),
    (codecs.BOM_UTF8 + b"\n\xe9" + BODY.encode(), "utf-8-sig"),
    (BODY.encode() + b"\n\n\xc3", "utf-8-sig"),
    (declared("utf-16").encode("utf-16") + "\n\n".encode("utf-16-le") + b"\x00\xd8\n", "utf-16"),
], ids=["utf8", "bom-far", "bom-near", "bom-at-start", "truncated", "utf16"])
def test_undecodable_bytes_are_located_across_chunks(monkeypatch, data, codec, chunk):
    monkeypatch.setattr(xmlload, "CHUNK", chunk)
    out = Collector()
    assert load(data, out) is None
    [message] = out.messages
    assert message.code in ("xml.encoding.invalid-bytes", "xml.encoding.undeclared")
    assert message.line == one_go_line(data, codec)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_control_characters_are_located_across_chunks(monkeypatch, chunk):
    monkeypatch.setattr(xmlload, "CHUNK", chunk)
    data = declared("utf-8").replace("“", "\n\n“\x85").encode("utf-8")
    out = Collector()
    assert load(data, out) is not None
    [message] = out.messages
    assert (message.code, message.line) == ("xml.encoding.control-characters", 3)


def test_a_document_too_large_to_skim_is_read_from_disk_a_chunk_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(skim, "LIMIT", len(BODY) - 1)
    path = tmp_path / "feed.atom"
    path.write_bytes(BODY.encode())
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read whole"))
    assert validate_file(path).format == "atom"


_LONG = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>' + "x" * 600 + "</title>"
         "<entry><id>a</id></entry></feed>").encode()


@pytest.mark.parametrize(("cut", "parsers"), [
    (_LONG.replace(b"<entry><id>a</id></entry>", b"<?feeds-skim 0?>"), 1),
    (_LONG.replace(b"<feed", b"<feed   "), 2),
], ids=["after-what-was-parsed", "within-it"])
def test_a_cut_is_parsed_from_where_the_document_was_if_it_starts_alike(monkeypatch, cut, parsers):
    """A cut document that starts with all the parser was given of the document goes on with
    the same parser; any other is parsed from its start. Either way it reads as `cut` does."""
    made: list[object] = []
    parser = xmlload._parser
    monkeypatch.setattr(xmlload, "_parser", lambda tag: made.append(tag) or parser(tag))
    out = Collector()
    doc = xmlload.open_document(xmlload.byte_chunks(_LONG), out)
    assert doc is not None
    doc.restart(cut)
    doc.complete()
    assert len(made) == parsers and doc.cut
    assert etree.tostring(doc.root) == etree.tostring(etree.fromstring(cut))


# Every character a Python string can hold once in a row: the BMP (surrogates included) and
# the ends and a middle of the astral planes.
_EVERY_CHAR = "".join(map(chr, [*range(0x10000), 0x10000, 0x1F600, 0x10FFFF]))


@pytest.mark.parametrize(("without", "space", "negated"), [
    ("", False, f"[^{xmlload.NOT_XML}]"),
    ("&<>", False, f"[^&<>{xmlload.NOT_XML}]"),
    ('>"<&', False, f'[^>"<&{xmlload.NOT_XML}]'),
    (">@<&", False, f"[^>@<&{xmlload.NOT_XML}]"),
    ("><&", True, rf"[^>\s<&{xmlload.NOT_XML}]"),
])
@pytest.mark.parametrize("runs", [False, True])
def test_xml_chars_is_the_negated_class_it_stands_for(without, space, negated, runs):
    written = xmlload.xml_chars(without, space=space, runs=runs)
    assert "".join(re.findall(written, _EVERY_CHAR)) == "".join(re.findall(negated, _EVERY_CHAR))


@pytest.mark.parametrize(("start", "root"), [
    (b'<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- <x> -->\n<rss v="2">', "rss"),
    (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<a:feed xmlns:a='http://www.w3.org/2005/Atom'/>", "feed"),
    ('<?xml version="1.0" encoding="utf-16"?><rss>'.encode("utf-16"), "rss"),
    (b'<!DOCTYPE rss SYSTEM "x.dtd"><rss>', None),  # left to a throwaway parse
    (b'<?xml-stylesheet href="a?>"?><rss>', None),  # the PI ends at the first '?>'
    (b"<r\xc3\xa9sum\xc3\xa9>", None),
    (b"<rss", None),
])
def test_the_root_name_is_read_off_a_plain_prolog(start, root):
    assert xmlload.sniff(start).root == root


PROLOG_PIECES = ["<?xml-stylesheet href='s.xsl'?>", "<?pi <b> ?>", "<!-- <c> -->", "<!---->",
                 " ", "\n", "<!DOCTYPE d>", "<?x ?>?>", "<!-- -- -->", "<e>", "x", "\r\n"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PROLOG_PIECES), max_size=6).map("".join),
       st.sampled_from(["rss", "feed", "a:feed", "f.e-d"]))
def test_a_root_name_read_off_the_prolog_is_the_root_s(prolog, name):
    """Whatever comes before the root, a name read off the text is the root element's."""
    data = f'{prolog}<{name} xmlns:a="urn:a"/>'.encode()
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return
    assert xmlload.sniff(data).root in (None, etree.QName(root).localname)
