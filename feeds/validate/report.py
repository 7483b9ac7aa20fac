"""Reporters: turn FileReports into text, JSON, GitHub Actions commands or JUnit XML.

Each reporter is a pure function from reports to a string, so the runner decides where output
goes and tests can compare strings. Message text may quote hostile input, so every reporter
neutralises what its medium cannot carry: terminal escapes in text, newlines in GitHub
commands, characters XML forbids in JUnit.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from typing import TextIO
from xml.etree import ElementTree

from feeds.validate.messages import FileReport, Message, Severity

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]|[\ud800-\udfff]")
_XML_FORBIDDEN = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _visible(text: str) -> str:
    """Control characters and lone surrogates as \\xNN / \\uNNNN escapes: a feed must not be
    able to drive the terminal or break the output's encoding."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(reports: Sequence[FileReport]) -> dict[str, int]:
    """The totals every format shows: files, errors, warnings."""
    return {
        "files": len(reports),
        "errors": sum(r.count(Severity.ERROR) for r in reports),
        "warnings": sum(r.count(Severity.WARNING) for r in reports),
    }


# --- text ------------------------------------------------------------------------------------


def use_color(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def _location(path: str, message: Message) -> str:
    """`path:line:col`, as compilers print it; unknown parts are left out rather than shown
    as 0, so editors never jump to a line that was not reported."""
    parts = [path]
    if message.line is not None:
        parts.append(str(message.line))
        if message.column is not None:
            parts.append(str(message.column))
    return ":".join(parts)


def _text_line(path: str, message: Message, color: bool) -> str:
    severity = str(message.severity)
    if color:
        severity = f"\x1b[{_COLORS[message.severity]}m{severity}\x1b[0m"
    where = f" (at {message.path})" if message.path else ""
    return _visible(f"{_location(path, message)}: ") + (
        f"{severity} {message.code} " + _visible(f"{message.message}{where}")
    )


def render_text(reports: Sequence[FileReport], *, color: bool = False) -> str:
    """One line per message, `path:line:col: severity code message (at element path)`, then
    a summary line."""
    lines = [_text_line(r.path, m, color) for r in reports for m in r.messages]
    totals = summary(reports)
    lines.append(
        f"{_plural(totals['files'], 'file')} checked: {_plural(totals['errors'], 'error')}, "
        f"{_plural(totals['warnings'], 'warning')}"
    )
    return "\n".join(lines) + "\n"


# --- json ------------------------------------------------------------------------------------


def _message_dict(message: Message) -> dict[str, object]:
    return {
        "severity": str(message.severity),
        "code": message.code,
        "message": message.message,
        "line": message.line,
        "column": message.column,
        "path": message.path,
    }


def render_json(reports: Sequence[FileReport]) -> str:
    """The documented machine contract (docs/validate.md); ASCII-only, so any consumer can
    read it whatever its encoding."""
    document = {
        "files": [
            {"path": r.path, "format": r.format, "messages": [_message_dict(m) for m in r.messages]}
            for r in reports
        ],
        "summary": summary(reports),
    }
    return json.dumps(document, indent=2) + "\n"


# --- github ----------------------------------------------------------------------------------

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(text: str) -> str:
    """Escaping for a workflow command's message, as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """Property values additionally escape the separators ':' and ','."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_line(path: str, message: Message) -> str:
    props = [f"file={_github_property(path)}"]
    if message.line is not None:
        props.append(f"line={message.line}")
        if message.column is not None:
            props.append(f"col={message.column}")
    props.append(f"title={_github_property(message.code)}")
    where = f" (at {message.path})" if message.path else ""
    text = _visible(_github_data(message.message + where))
    return f"::{_GITHUB_COMMAND[message.severity]} {','.join(props)}::{text}"


def render_github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands: each message becomes an annotation on the file."""
    lines = [_github_line(r.path, m) for r in reports for m in r.messages]
    return "".join(f"{line}\n" for line in lines)


# --- junit -----------------------------------------------------------------------------------


def _xml_text(text: str) -> str:
    """ElementTree escapes markup but writes forbidden characters as they are, which would
    make the XML unreadable; they become U+FFFD."""
    return _XML_FORBIDDEN.sub("\ufffd", text)


def _junit_detail(path: str, messages: Sequence[Message]) -> str:
    return _xml_text("\n".join(_text_line(path, m, False) for m in messages))


def _junit_case(report: FileReport, strict: bool) -> ElementTree.Element:
    case = ElementTree.Element("testcase", classname="feeds.validate", name=_xml_text(report.path))
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    failures = [m for m in report.messages if m.severity in failing]
    others = [m for m in report.messages if m.severity not in failing]
    if failures:
        counted = ", ".join(
            _plural(report.count(s), str(s))
            for s in (Severity.ERROR, Severity.WARNING)
            if s in failing
        )
        failure = ElementTree.SubElement(
            case, "failure", message=counted, type=_xml_text(failures[0].code)
        )
        failure.text = _junit_detail(report.path, failures)
    if others:
        ElementTree.SubElement(case, "system-out").text = _junit_detail(report.path, others)
    return case


def render_junit(reports: Sequence[FileReport], *, strict: bool = False) -> str:
    """One testsuite, one testcase per file; a file fails on errors (and on warnings with
    --strict); other messages go to the testcase's system-out."""
    suite = ElementTree.Element("testsuite", name="feeds validate", tests=str(len(reports)))
    cases = [_junit_case(r, strict) for r in reports]
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", "0")
    suite.extend(cases)
    ElementTree.indent(suite)
    body = ElementTree.tostring(suite, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def renderer(name: str, *, strict: bool, color: bool) -> Callable[[Sequence[FileReport]], str]:
    """The reporter for `--format name`, with the options that concern it bound."""
    if name == "text":
        return lambda reports: render_text(reports, color=color)
    if name == "json":
        return render_json
    if name == "github":
        return render_github
    if name == "junit":
        return lambda reports: render_junit(reports, strict=strict)
    raise ValueError(f"unknown report format {name!r}")
