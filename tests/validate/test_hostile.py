"""Hostile input, validated as files: each is reported with an error, quickly, never raising,
and never makes the validator read another file or open a connection.

Every input here is written for this project; none comes from another test suite.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from lxml import etree

from feeds.validate import DEFAULT_MAX_SIZE
from feeds.validate.messages import FileReport, Severity
from feeds.validate.report import render_json, render_text
from feeds.validate.runner import validate_target

SECONDS = 2.0
SECRET = "s3cr3t-do-not-leak"
RSS = (
    b'<rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>'
    b"<description>d</description></channel></rss>"
)


class Loads:
    """Every URL any XML parser asked to load (lxml consults a parser's resolvers for each
    external DTD or entity it is about to fetch, from disk or from the network)."""

    urls: list[str] = []
    parsers = 0


class _Recorder(etree.Resolver):
    def resolve(self, url, pubid, context):
        Loads.urls.append(url)


class _SpyParser(etree.XMLParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolvers.add(_Recorder())
        Loads.parsers += 1


class _SpyPullParser(etree.XMLPullParser):
    """The incremental parser the loader reads documents with, spied on the same way."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolvers.add(_Recorder())
        Loads.parsers += 1


@pytest.fixture(autouse=True)
def spy(monkeypatch):
    """Fail on any external load or outgoing connection made from Python."""
    Loads.urls, Loads.parsers = [], 0
    monkeypatch.setattr(etree, "XMLParser", _SpyParser)
    monkeypatch.setattr(etree, "XMLPullParser", _SpyPullParser)

    def refuse(*args, **kwargs):
        pytest.fail(f"the validator opened a connection to {args[1:]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture
def listener():
    """A local server: an http:// reference to it must never be connected to, whatever the
    language of the code that might try (libxml2's own I/O does not go through Python)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield f"http://127.0.0.1:{server.getsockname()[1]}/x"
    with pytest.raises(BlockingIOError):
        server.accept()
    server.close()


@pytest.fixture
def secret(tmp_path: Path) -> str:
    path = tmp_path / "secret.txt"
    path.write_text(f'<!ENTITY leak "{SECRET}">{SECRET}\n', "utf-8")
    return path.as_uri()


def validate(tmp_path: Path, data: bytes, name: str = "feed.xml") -> FileReport:
    path = tmp_path / name
    path.write_bytes(data)
    start = time.monotonic()
    report = validate_target(str(path), url=None, max_size=DEFAULT_MAX_SIZE)
    assert time.monotonic() - start < SECONDS
    assert Loads.urls == [], "the XML parser tried to load an external resource"
    return report


def assert_refused(report: FileReport) -> None:
    """Reported with an error, by a real check rather than the internal-error safety net,
    and nothing of the secret file in any output."""
    assert any(m.severity is Severity.ERROR for m in report.messages), report
    assert "file.internal-error" not in {m.code for m in report.messages}
    assert SECRET not in render_text([report]) + render_json([report])


def doctype(subset: str) -> bytes:
    return f'<?xml version="1.0"?>\n<!DOCTYPE rss [{subset}]>\n'.encode() + RSS % b"&x;"


def test_xxe_file_entity(tmp_path, secret):
    assert_refused(validate(tmp_path, doctype(f'<!ENTITY x SYSTEM "{secret}">')))
    assert Loads.parsers, "the spy parser was not used: update this test with the loader"


def test_xxe_http_entity(tmp_path, listener):
    assert_refused(validate(tmp_path, doctype(f'<!ENTITY x SYSTEM "{listener}">')))


def test_xxe_parameter_entity(tmp_path, secret):
    subset = f'<!ENTITY % p SYSTEM "{secret}"> %p; <!ENTITY x "&leak;">'
    assert_refused(validate(tmp_path, doctype(subset)))


def test_external_dtd_file_is_not_read(tmp_path, secret):
    data = f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{secret}">\n'.encode() + RSS % b"x"
    report = validate(tmp_path, data)
    assert SECRET not in render_json([report])


def test_external_dtd_url_is_not_fetched(tmp_path, listener):
    data = f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{listener}">\n'.encode() + RSS % b"x"
    assert SECRET not in render_json([validate(tmp_path, data)])


def test_billion_laughs(tmp_path):
    levels = ['<!ENTITY l0 "ha">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    assert_refused(validate(tmp_path, doctype("".join(levels) + '<!ENTITY x "&l9;">')))


def test_quadratic_blowup(tmp_path):
    data = doctype(f'<!ENTITY a "{"A" * 50_000}">').replace(b"&x;", b"&a;" * 50_000)
    assert_refused(validate(tmp_path, data))


def test_deep_xml_nesting(tmp_path):
    assert_refused(validate(tmp_path, b"<rss>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</rss>"))


def test_deep_json_nesting(tmp_path):
    data = b'{"items": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001
    assert_refused(validate(tmp_path, data, "feed.json"))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"just some text\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x00" * 64,
        b"<html><body><p>Not a feed</body></html>",
    ],
    ids=["empty", "text", "png", "nul", "html"],
)
def test_not_a_feed_at_all(tmp_path, data):
    assert_refused(validate(tmp_path, data))


@pytest.mark.parametrize(
    "data",
    [b'{"name": "not a feed", "version": 3}', b"[]", b'"a string"', b"null", b"{}"],
    ids=["object", "array", "string", "null", "empty-object"],
)
def test_json_that_is_not_a_feed(tmp_path, data):
    assert_refused(validate(tmp_path, data, "feed.json"))


def test_utf16_xml_with_bom_is_read(tmp_path):
    text = '<?xml version="1.0" encoding="UTF-16"?>' + (RSS % "Caf\u00e9".encode()).decode()
    data = text.encode("utf-16")
    report = validate(tmp_path, data)
    assert report.format == "rss"
    assert "xml.not-well-formed" not in {m.code for m in report.messages}


def test_utf16_json_is_refused(tmp_path):
    assert_refused(validate(tmp_path, '{"version": "x"}'.encode("utf-16"), "feed.json"))


def test_lying_encoding_declaration(tmp_path):
    data = b'<?xml version="1.0" encoding="UTF-8"?>' + RSS % "Caf\u00e9".encode("latin-1")
    assert_refused(validate(tmp_path, data))


def test_huge_attribute_values_and_text(tmp_path):
    data = b'<rss version="2.0" a="' + b"x" * 5_000_000 + b'"><channel>' + b"y" * 5_000_000
    assert_refused(validate(tmp_path, data))


def test_gzip_input_is_refused_without_decompressing(tmp_path):
    import gzip

    report = validate(tmp_path, gzip.compress(RSS % b"zipped"))
    assert [m.code for m in report.messages] == ["file.compressed"]


def test_gzip_bomb_is_refused_in_bounded_time(tmp_path):
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    bomb = packer.compress(b"\0" * (64 * 1024 * 1024)) + packer.flush()
    started = time.monotonic()
    report = validate(tmp_path, bomb)
    assert time.monotonic() - started < SECONDS
    assert [m.code for m in report.messages] == ["file.compressed"]


def test_one_gigabyte_file_is_refused_without_being_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:  # sparse: no gigabyte is written to the disk
        handle.truncate(1024**3)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    started = time.monotonic()
    report = validate_target(str(huge), url=None, max_size=DEFAULT_MAX_SIZE)
    assert time.monotonic() - started < SECONDS
    assert [m.code for m in report.messages] == ["file.too-large"]
