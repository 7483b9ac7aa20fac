"""Reporters: the exact shape of each output format, and what hostile message text becomes."""

from __future__ import annotations

import io
import json
from xml.etree import ElementTree

import pytest

from feeds.validate.messages import FileReport, Message, Severity
from feeds.validate.report import (
    render_github,
    render_json,
    render_junit,
    render_text,
    use_color,
)

ERROR = Message(Severity.ERROR, "atom.entry.missing-id", "entry has no id", 12, 5, "/feed/entry[3]")
WARNING = Message(Severity.WARNING, "json.url.relative", '"a.png" is a relative URL', 4, None)
INFO = Message(Severity.INFO, "json.version.old", "this is JSON Feed 1.0")
REPORTS = [
    FileReport("a.atom", "atom", [ERROR, WARNING]),
    FileReport("b.json", "json", [INFO]),
    FileReport("c.rss", "rss", []),
]


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- text


def test_text_line_has_path_line_column_severity_code_message_and_element():
    first = render_text(REPORTS).splitlines()[0]
    assert first == "a.atom:12:5: error atom.entry.missing-id entry has no id (at /feed/entry[3])"


def test_text_leaves_out_an_unknown_column():
    assert render_text(REPORTS).splitlines()[1].startswith("a.atom:4: warning json.url.relative")


def test_text_leaves_out_an_unknown_line():
    assert render_text(REPORTS).splitlines()[2] == (
        "b.json: info json.version.old this is JSON Feed 1.0"
    )


def test_text_ends_with_a_summary():
    assert render_text(REPORTS).splitlines()[-1] == "3 files checked: 1 error, 1 warning"


def test_text_colours_the_severity_only_when_asked():
    assert "\x1b[31merror\x1b[0m" in render_text(REPORTS, color=True)
    assert "\x1b" not in render_text(REPORTS)


def test_text_escapes_control_characters_from_the_feed():
    hostile = Message(Severity.ERROR, "x.y", "bad \x1b[2J value\nnext")
    assert "bad \\x1b[2J value\\nnext" in render_text([FileReport("f", "rss", [hostile])])


def test_colour_for_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(Tty())


def test_no_colour_when_no_color_is_set(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Tty())


def test_no_colour_for_a_pipe(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not use_color(io.StringIO())


# --- json


def test_json_contract_exactly():
    document = json.loads(render_json(REPORTS))
    assert document == {
        "files": [
            {
                "path": "a.atom",
                "format": "atom",
                "messages": [
                    {
                        "severity": "error",
                        "code": "atom.entry.missing-id",
                        "message": "entry has no id",
                        "line": 12,
                        "column": 5,
                        "path": "/feed/entry[3]",
                    },
                    {
                        "severity": "warning",
                        "code": "json.url.relative",
                        "message": '"a.png" is a relative URL',
                        "line": 4,
                        "column": None,
                        "path": None,
                    },
                ],
            },
            {
                "path": "b.json",
                "format": "json",
                "messages": [
                    {
                        "severity": "info",
                        "code": "json.version.old",
                        "message": "this is JSON Feed 1.0",
                        "line": None,
                        "column": None,
                        "path": None,
                    },
                ],
            },
            {"path": "c.rss", "format": "rss", "messages": []},
        ],
        "summary": {"files": 3, "errors": 1, "warnings": 1},
    }


def test_json_is_ascii_even_for_lone_surrogates():
    odd = Message(Severity.ERROR, "x.y", "caf\u00e9 \ud800")
    text = render_json([FileReport("f", "json", [odd])])
    assert text.isascii()
    assert json.loads(text)["files"][0]["messages"][0]["message"] == "caf\u00e9 \ud800"


# --- github


def test_github_annotation_per_message():
    assert render_github(REPORTS).splitlines() == [
        "::error file=a.atom,line=12,col=5,title=atom.entry.missing-id::"
        "entry has no id (at /feed/entry[3])",
        '::warning file=a.atom,line=4,title=json.url.relative::"a.png" is a relative URL',
        "::notice file=b.json,title=json.version.old::this is JSON Feed 1.0",
    ]


def test_github_escapes_properties_and_data():
    message = Message(Severity.ERROR, "x.y", "100% bad\r\nline", 1, 1)
    line = render_github([FileReport("dir,a:b%.xml", "rss", [message])])
    assert line == "::error file=dir%2Ca%3Ab%25.xml,line=1,col=1,title=x.y::100%25 bad%0D%0Aline\n"


def test_github_prints_nothing_for_clean_files():
    assert render_github([FileReport("c.rss", "rss", [])]) == ""


# --- junit


def junit(reports, **kwargs) -> ElementTree.Element:
    return ElementTree.fromstring(render_junit(reports, **kwargs).encode())


def test_junit_one_testsuite_one_testcase_per_file():
    suite = junit(REPORTS)
    assert suite.tag == "testsuite"
    assert suite.get("tests") == "3"
    assert [c.get("name") for c in suite.iter("testcase")] == ["a.atom", "b.json", "c.rss"]


def test_junit_errors_fail_the_testcase():
    suite = junit(REPORTS)
    failure = suite.find("testcase[@name='a.atom']/failure")
    assert suite.get("failures") == "1"
    assert failure.get("type") == "atom.entry.missing-id"
    assert "entry has no id" in failure.text


def test_junit_warnings_go_to_system_out():
    out = junit(REPORTS).find("testcase[@name='a.atom']/system-out")
    assert "json.url.relative" in out.text
    assert "json.url.relative" not in junit(REPORTS).find(".//failure").text


def test_junit_strict_warnings_fail():
    suite = junit([FileReport("w.json", "json", [WARNING])], strict=True)
    assert suite.get("failures") == "1"
    assert suite.find("testcase/failure").get("message") == "0 errors, 1 warning"


@pytest.mark.parametrize("text", ['a & b < c > "d"', "nul \x00 and \x1b escape", "\ud800"])
def test_junit_stays_valid_xml_whatever_the_text(text):
    report = FileReport(f"{text}.xml", "rss", [Message(Severity.ERROR, "x.y", text)])
    assert junit([report]).find("testcase/failure") is not None
