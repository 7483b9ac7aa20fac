"""Configuration: `[tool.feeds]` in pyproject.toml or a feeds.toml, into typed Settings.

Every key is checked here, once, so that the rest of the code can trust Settings; a bad or
missing key is one InputError naming the key and what is allowed.
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from feeds.errors import InputError


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str | None = None


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One published feed: the main one, or one restricted to entries carrying any of `tags`."""

    name: str
    title: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    title: str
    description: str
    base_url: str
    author: Person
    language: str
    timezone: tzinfo
    tag_authority: str
    dayfirst: bool
    summary_max_chars: int
    max_entries: int
    seeds_dir: Path
    output_dir: Path
    feeds: tuple[FeedSpec, ...]
    stylesheet: bool = True
    cache_dir: Path = Path(".feeds-cache")
    hub: str | None = None


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _positive(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("must be a positive integer")
    return value


def _http_url(value: Any, example: str) -> str:
    url = _text(value)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"must be an absolute http(s) URL such as {example!r}")
    return url


def _base_url(value: Any) -> str:
    url = _http_url(value, "https://example.org/news/")
    return url if url.endswith("/") else url + "/"


def _hub(value: Any) -> str | None:
    return None if value is None else _http_url(value, "https://hub.example.org/")


def _zone(value: Any) -> tzinfo:
    try:
        return ZoneInfo(_text(value))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("must be an IANA time zone name such as 'UTC' or 'Europe/Paris'") from exc


def _authority(value: Any) -> str:
    name = _text(value)
    if not all(part.isalnum() or part in "-." for part in name) or "@" in name:
        raise ValueError(
            "must be a domain name or an e-mail address (RFC 4151), e.g. 'example.org'"
        )
    return name


def _person(value: Any) -> Person:
    if not isinstance(value, dict) or set(value) - {"name", "email"} or "name" not in value:
        raise ValueError("must be a table with 'name' and optional 'email'")
    email = value.get("email")
    if email is not None and (not isinstance(email, str) or "@" not in email or " " in email):
        raise ValueError("'email' must be an e-mail address")
    return Person(_text(value["name"]), email)


def _language(value: Any) -> str:
    lang = _text(value)
    if not all(part.isalnum() and len(part) <= 8 for part in lang.split("-")):
        raise ValueError("must be a language tag such as 'en' or 'en-GB'")
    return lang


_OPTIONAL: dict[str, Any] = {
    "language": ("en", _language),
    "timezone": ("UTC", _zone),
    "dayfirst": (False, _bool),
    "summary_max_chars": (300, _positive),
    "max_entries": (50, _positive),
    "seeds_dir": ("seeds", _text),
    "output_dir": ("public", _text),
    "stylesheet": (True, _bool),
    "cache_dir": (".feeds-cache", _text),
    "hub": (None, _hub),
}
_REQUIRED: dict[str, Any] = {
    "title": _text,
    "description": _text,
    "base_url": _base_url,
    "author": _person,
}
_KEYS = (*_REQUIRED, *_OPTIONAL, "tag_authority", "feeds")


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """The --config option every command that reads the settings shares."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="a feeds.toml, or a pyproject.toml with [tool.feeds] (default: ./pyproject.toml)",
    )


def load_settings(path: Path) -> Settings:
    """Read settings from a feeds.toml (top-level keys) or a pyproject.toml ([tool.feeds])."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise InputError(f"cannot read configuration: {exc.strerror or exc}", path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path) from exc
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("feeds")
        if not isinstance(table, dict):
            raise InputError("no [tool.feeds] table", path)
        return settings_from(table, path, prefix="tool.feeds.")
    return settings_from(document, path, prefix="")


def settings_from(table: dict[str, Any], path: Path, *, prefix: str = "") -> Settings:
    """Check every key of `table`; relative folders are relative to the configuration file."""

    def fail(key: str, problem: str) -> InputError:
        return InputError(f"{prefix}{key}: {problem}", path)

    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise fail(unknown[0], f"unknown key (allowed: {', '.join(_KEYS)})")
    values: dict[str, Any] = {}
    for key, check in _REQUIRED.items():
        if key not in table:
            raise fail(key, "missing (required)")
        values[key] = _checked(check, table[key], key, fail)
    for key, (default, check) in _OPTIONAL.items():
        values[key] = _checked(check, table.get(key, default), key, fail)
    host = urlsplit(values["base_url"]).hostname or ""
    values["tag_authority"] = _checked(
        _authority, table.get("tag_authority", host), "tag_authority", fail
    )
    values["feeds"] = _feeds(table.get("feeds"), values["title"], fail)
    base = path.parent
    values["seeds_dir"] = base / values["seeds_dir"]
    values["output_dir"] = base / values["output_dir"]
    values["cache_dir"] = base / values["cache_dir"]
    return Settings(**values)


def _checked(check, value, key, fail):
    try:
        return check(value)
    except ValueError as exc:
        raise fail(key, f"{exc}, got {value!r}") from None


def _feeds(value: Any, site_title: str, fail) -> tuple[FeedSpec, ...]:
    if value is None:
        return (FeedSpec("feed", site_title),)
    if not isinstance(value, list) or not value:
        raise fail("feeds", "must be a non-empty array of tables ([[tool.feeds.feeds]])")
    specs: list[FeedSpec] = []
    for index, item in enumerate(value):
        key = f"feeds[{index}]"
        if (
            not isinstance(item, dict)
            or set(item) - {"name", "title", "tags"}
            or "name" not in item
        ):
            raise fail(key, "must be a table with 'name', optional 'title' and optional 'tags'")
        name = _checked(_text, item["name"], f"{key}.name", fail)
        if not all(c.isalnum() or c in "-_" for c in name):
            raise fail(f"{key}.name", f"must be letters, digits, '-' or '_', got {name!r}")
        if any(spec.name == name for spec in specs):
            raise fail(f"{key}.name", f"repeats the feed name {name!r}")
        title = _checked(_text, item.get("title", site_title), f"{key}.title", fail)
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
            raise fail(f"{key}.tags", f"must be an array of tag names, got {tags!r}")
        specs.append(FeedSpec(name, title, tuple(t.strip() for t in tags)))
    return tuple(specs)
