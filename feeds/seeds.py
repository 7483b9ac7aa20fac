"""Seed files -> Articles.

A seed is plain text: a first line `date <date> <headline>`, optional `key value` header lines up
to the first blank line, then the body as paragraphs separated by blank lines. Files may carry a
UTF-8 BOM, CRLF line ends and no final newline. Every problem is an InputError naming the file
and line, so one bad seed reads as one clear line in a cron mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from feeds.dates import parse_date, split_dateline
from feeds.errors import InputError
from feeds.validate.values import SUSPECT_CHARS, misdecoded

MAX_SEED_BYTES = 16 * 1024 * 1024  # far beyond any article; keeps a stray binary out of memory
MAX_TITLE_CHARS = 1000
HEADER_KEYS = ("title", "author", "tags", "link", "updated", "summary")
# Control characters (C0 but tab and newline: XML 1.0 forbids them; DEL and C1: it discourages
# them and validators warn) and non-characters are removed, so no writer ever sees them.
_FORBIDDEN_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
_FORBIDDEN = re.compile(f"[{_FORBIDDEN_CHARS}]")
# What either check of a seed's text looks for: most seeds have none, found in one scan.
_UNUSUAL = re.compile(f"[{_FORBIDDEN_CHARS}{SUSPECT_CHARS}]")
_FIRST_LINE = re.compile(r"^\s*date\s+(\S.*)$")
_HEADER = re.compile(r"^([A-Za-z_][\w-]*)\s+(\S.*)$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


@dataclass(frozen=True, slots=True)
class Article:
    """One seed as written: nothing derived from configuration beyond its dates."""

    stem: str
    headline: str
    title: str
    published: datetime
    updated: datetime | None
    author: str | None
    tags: tuple[str, ...]
    link: str | None
    summary: str | None
    paragraphs: tuple[str, ...]


def read_seed(path: Path, zone: tzinfo, *, dayfirst: bool = False) -> Article:
    """Read and parse one seed file; raises InputError with file and line on any problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read seed: {exc.strerror or exc}", path) from exc
    return parse_seed(data, path, zone, dayfirst=dayfirst)


def parse_seed(data: bytes, path: Path, zone: tzinfo, *, dayfirst: bool = False) -> Article:
    """Parse a seed's bytes; `path` names it in errors and gives the article its stem."""
    if len(data) > MAX_SEED_BYTES:
        raise InputError(f"seed is {len(data):,} bytes, over the limit of {MAX_SEED_BYTES:,}", path)
    lines = _decode(data, path).split("\n")
    if not any(line.strip() for line in lines):
        raise InputError("empty seed: the first line must be 'date <date> <headline>'", path, 1)
    first = _FIRST_LINE.match(lines[0])
    if not first:
        raise InputError("first line must be 'date <date> <headline>'", path, 1)
    dateline = split_dateline(first.group(1), dayfirst=dayfirst)
    if dateline is None:
        raise InputError(f"no date at the start of {_clip(first.group(1))!r}", path, 1)
    date_text, headline = dateline
    published = _date(date_text, zone, dayfirst, path, 1)
    headers, body_start = _headers(lines, path)
    title = headers.get("title", (headline, 0))[0]
    if not title:
        raise InputError("the first line has a date but no headline", path, 1)
    if len(title) > MAX_TITLE_CHARS:
        raise InputError(
            f"title is {len(title):,} characters, over the limit of "
            f"{MAX_TITLE_CHARS:,}: a headline is one sentence",
            path,
            1,
        )
    paragraphs = _paragraphs(lines[body_start:])
    if not paragraphs:
        raise InputError("no body: write the article after a blank line", path, len(lines))
    return Article(
        stem=path.stem,
        headline=headline,
        title=title,
        published=published,
        updated=_optional_date(headers, "updated", zone, dayfirst, path),
        author=headers.get("author", (None, 0))[0],
        tags=_tags(headers),
        link=_link(headers, path),
        summary=headers.get("summary", (None, 0))[0],
        paragraphs=paragraphs,
    )


def _decode(data: bytes, path: Path) -> str:
    """UTF-8, with or without a BOM; UTF-16 only with its BOM, which makes it unambiguous."""
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not {encoding.upper()}: byte 0x{data[exc.start]:02x} cannot be decoded "
            "(save the seed as UTF-8)",
            path,
            line,
        ) from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _UNUSUAL.search(text) is None:
        return text
    text = _FORBIDDEN.sub("", text)
    sign = misdecoded(text)
    if sign:
        line = text.count("\n", 0, sign.start()) + 1
        raise InputError(
            f"text looks mis-encoded ({sign.group()!r}: UTF-8 read as Latin-1, or a character "
            "already lost); fix the text's encoding",
            path,
            line,
        )
    return text


def _headers(lines: list[str], path: Path) -> tuple[dict[str, tuple[str, int]], int]:
    """The `key value` lines after the first line, as {key: (value, line number)}, and the index
    of the first body line."""
    headers: dict[str, tuple[str, int]] = {}
    index = 1
    while index < len(lines) and lines[index].strip():
        number = index + 1
        match = _HEADER.match(lines[index].strip())
        if not match:
            raise InputError(
                f"header line must be 'key value', got {_clip(lines[index])!r} "
                "(a blank line must separate the headers from the body)",
                path,
                number,
            )
        key, value = match.group(1).lower(), match.group(2).strip()
        if key not in HEADER_KEYS:
            raise InputError(
                f"unknown header {key!r} (allowed: {', '.join(HEADER_KEYS)}; "
                "a blank line must separate the headers from the body)",
                path,
                number,
            )
        if key in headers:
            raise InputError(f"header {key!r} repeats line {headers[key][1]}", path, number)
        headers[key] = (value, number)
        index += 1
    return headers, index


def _date(text: str, zone: tzinfo, dayfirst: bool, path: Path, line: int) -> datetime:
    try:
        return parse_date(text, zone, dayfirst=dayfirst)
    except ValueError as exc:
        raise InputError(str(exc), path, line) from exc


def _optional_date(headers, key, zone, dayfirst, path) -> datetime | None:
    if key not in headers:
        return None
    value, line = headers[key]
    return _date(value, zone, dayfirst, path, line)


def _tags(headers: dict[str, tuple[str, int]]) -> tuple[str, ...]:
    value = headers.get("tags", ("", 0))[0]
    seen: dict[str, None] = {}
    for tag in value.split(","):
        if tag.strip():
            seen.setdefault(tag.strip(), None)
    return tuple(seen)


def _link(headers: dict[str, tuple[str, int]], path: Path) -> str | None:
    if "link" not in headers:
        return None
    value, line = headers["link"]
    if not _URL.match(value):
        raise InputError(f"link must be an absolute http(s) URL, got {_clip(value)!r}", path, line)
    return value


def _paragraphs(lines: list[str]) -> tuple[str, ...]:
    """Blank lines separate paragraphs; lines within one are joined with single spaces."""
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return tuple(paragraphs)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
