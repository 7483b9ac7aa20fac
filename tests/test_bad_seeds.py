"""Bad seeds: each one gives a correct entry or exactly one clear `file:line: ...` error line,
never a traceback, and never damages what is already published."""

from __future__ import annotations

import json

import feedparser
import pytest

from feeds.validate import Severity, validate_file

GOOD_HEAD = b"date 2016-09-19 A headline\n\n"

# name -> (seed bytes, expected error text or None for "builds a correct entry")
CASES: dict[str, tuple[bytes, str | None]] = {
    "empty": (b"", ":1: empty seed"),
    "only_whitespace": (b"\n \n\t\n", ":1: empty seed"),
    "only_header": (b"date 2016-09-19 Headline\nauthor Ann\n", "no body"),
    "no_date": (b"date Council closes bridge\n\nBody.\n", ":1: no date at the start of"),
    "no_date_keyword": (b"Council closes bridge\n\nBody.\n", ":1: first line must be"),
    "unparseable_date": (b"date 2016-13-45 Bridge\n\nBody.\n", ":1: not a date"),
    "date_only": (b"date 2016-09-19\n\nBody.\n", ":1: the first line has a date but no headline"),
    "invalid_utf8": (GOOD_HEAD + b"caf\xc3\n", ":3: not UTF-8"),
    "latin1": (GOOD_HEAD + "Café in Zürich.\n".encode("latin-1"), ":3: not UTF-8"),
    "binary_garbage": (bytes(range(256)) * 8, "not UTF-8"),
    "huge_single_line": (b"date 2016-09-19 " + b"word " * 11_000_000, "over the limit of"),
    "huge_title": (b"date 2016-09-19 " + b"word " * 1000 + b"\n\nBody.\n", ":1: title is"),
    "unknown_header": (b"date 2016-09-19 T\ncolour red\n\nBody.\n", ":2: unknown header"),
    "utf16_bom": ("date 2016-09-19 Grüße aus Köln\n\nDer Rat tagte.\n".encode("utf-16"), None),
    "nul_bytes": (GOOD_HEAD + b"The council\x00 voted.\n", None),
    "crlf_and_tabs": (b"date 2016-09-19\tTabbed headline\r\n\r\n\tIndented\tbody.\r\n", None),
    "xml_forbidden_controls": (GOOD_HEAD + b"Bell\x07 and escape\x1b and form feed\x0c.\n", None),
    "markup_in_body": (GOOD_HEAD + b"Use <script>alert(1)</script> & ]]> freely.\n", None),
    "right_to_left": (
        "date 2016-09-19 مجلس المدينة يغلق الجسر\n\nقال المجلس إن الجسر غير آمن.\n".encode(),
        None,
    ),
    "emoji_outside_bmp": (
        "date 2016-09-19 Party 🎉 in 𝔐𝔞𝔦𝔫𝔷\n\nFireworks 🎆 at 9 p.m. Crowds cheered.\n".encode(),
        None,
    ),
    "many_paragraphs": (
        GOOD_HEAD + b"\n\n".join(b"Line %d is here." % i for i in range(100_000)),
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_seed_gives_an_entry_or_one_error_line(site, article, capsys, name):
    data, expected = CASES[name]
    (site.seeds / f"{name}.txt").write_bytes(data)
    capsys.readouterr()
    status = site.build()
    err = capsys.readouterr().err.strip().splitlines()
    if expected is None:
        assert status == 0, err
        entry = feedparser.parse((site.public / "feed.atom.xml").read_bytes()).entries[0]
        assert entry.id.endswith(f":{name}") and entry.title and entry.summary
        for feed in ("feed.atom.xml", "feed.rss.xml", "feed.json"):
            report = validate_file(site.public / feed)
            assert not [m for m in report.messages if m.severity is Severity.ERROR], feed
    else:
        assert status == 1
        assert len(err) == 1 and err[0].startswith(str(site.seeds / f"{name}.txt"))
        assert expected in err[0]
        assert "Traceback" not in err[0]


def test_text_reaches_the_reader_exactly(site):
    (site.seeds / "x.txt").write_bytes(CASES["markup_in_body"][0])
    assert site.build() == 0
    item = json.loads((site.public / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert "Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; freely." in item["content_html"]
    assert item["summary"] == "Use <script>alert(1)</script> & ]]> freely."


def test_forbidden_characters_are_removed(site):
    (site.seeds / "x.txt").write_bytes(CASES["xml_forbidden_controls"][0])
    assert site.build() == 0
    item = json.loads((site.public / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert item["summary"] == "Bell and escape and form feed."


def test_keep_going_builds_the_good_seeds_among_all_bad_ones(site, article, capsys):
    for name, (data, _) in CASES.items():
        (site.seeds / f"{name}.txt").write_bytes(data)
    site.seed("zz_good", article())
    capsys.readouterr()
    assert site.build("--keep-going") == 1
    lines = capsys.readouterr().err.strip().splitlines()
    errors = [line for line in lines if not line.startswith("wrote ")]
    assert len(errors) == sum(1 for _, expected in CASES.values() if expected)
    ids = {
        e.id.rsplit(":", 1)[1]
        for e in feedparser.parse((site.public / "feed.atom.xml").read_bytes()).entries
    }
    assert "zz_good" in ids and ids == {name for name, (_, e) in CASES.items() if e is None} | {
        "zz_good"
    }


def test_bad_seeds_never_damage_the_published_site(site, article):
    site.seed("good", article())
    assert site.build() == 0
    before = site.snapshot()
    for name, (data, expected) in CASES.items():
        if expected:
            (site.seeds / f"{name}.txt").write_bytes(data)
            assert site.build() == 1
            assert site.snapshot() == before
            (site.seeds / f"{name}.txt").unlink()
