"""Shared value checks: RFC 3339 dates, URIs (tag:, urn:, normal form), e-mail, language, MIME."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from feeds.validate import values

NOW = datetime(2024, 6, 1, tzinfo=UTC)


def test_strict_rfc3339_needs_upper_case_t_and_z():
    assert values.parse_rfc3339_strict("2024-03-01t09:00:00z") is None


def test_lenient_rfc3339_accepts_lower_case_and_spaces():
    assert values.parse_rfc3339(" 2024-03-01t09:00:00z ") == datetime(2024, 3, 1, 9, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2024-03-01T09:00:00+00:60", "2024-03-01T09:00:00-01:99"])
def test_rfc3339_zone_minutes_stop_at_59(text):
    assert values.parse_rfc3339_strict(text) is None


def test_leap_second_is_valid():
    assert values.parse_rfc3339_strict("2016-12-31T23:59:60Z") is not None


@pytest.mark.parametrize("when, implausible", [
    (datetime(1969, 12, 31, tzinfo=UTC), True), (datetime(2024, 6, 1, 23, tzinfo=UTC), False),
    (datetime(2024, 6, 3, tzinfo=UTC), True),
])
def test_implausible_dates(when, implausible):
    assert values.is_implausible(when, NOW) is implausible


@pytest.mark.parametrize("text, valid", [
    ("tag:example.org,2024:x", True), ("tag:ada@example.org,2024-02-29:x/y?z", True),
    ("tag:example.org,2023-02-29:x", False), ("tag:example.org:x", False),
    ("tag:exa*mple.org,2024:x", False), ("tag:example.org,2024:a b", False),
])
def test_tag_uris(text, valid):
    assert values.is_tag_uri(text) is valid


@pytest.mark.parametrize("text, valid", [
    ("urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6", True), ("urn:isbn:0451450523", True),
    ("urn:a.b:x", False), ("urn:-ab:x", False), ("urn:x:", False),
])
def test_urns(text, valid):
    assert values.is_urn(text) is valid


@pytest.mark.parametrize("text", [
    "http://example.org/", "tag:example.org,2024:x", "urn:uuid:1", "http://example.org/%C3%87",
    "mailto:ada@example.org", "http://example.org/\u00c7",
])
def test_canonical_uris(text):
    assert values.uri_noncanonical(text) is None


@pytest.mark.parametrize("text", [
    "HTTP://example.org/", "http://Example.org/", "http://example.org:80/", "http://example.org",
    "http://example.org/%7e", "http://example.org/%c3%87", "http://example.org/a/../b",
    "http://example.org/C%CC%A7", "http://example.org/C\u0327",
])
def test_noncanonical_uris(text):
    assert values.uri_noncanonical(text) is not None


def test_resolve_refuses_what_urllib_cannot_parse():
    assert values.resolve("http://example.org/", "//[oops") is None


def test_resolve_against_base():
    assert values.resolve("http://example.org/a/b", "../c") == "http://example.org/c"


@pytest.mark.parametrize("text, addr_spec, email", [
    ("ada@example.org", True, True), ("ada@localhost", True, False),
    ("Ada <ada@example.org>", False, False), ("ada@example.org (Ada)", False, False),
])
def test_email_addresses(text, addr_spec, email):
    assert (values.is_addr_spec(text), values.is_email(text)) == (addr_spec, email)


@pytest.mark.parametrize("text, valid", [
    ("en", True), ("en-GB", True), ("zh-Hant-TW", True), ("x-klingon", True), ("i-navajo", True),
    ("en_US", False), ("", False), ("english-language-tag", False),
])
def test_language_tags(text, valid):
    assert values.is_language_tag(text) is valid


@pytest.mark.parametrize("text, valid", [
    ("text/html", True), ("application/atom+xml; charset=utf-8", True),
    ('text/plain; format="flowed"', True), ("html", False), ("", False), ("text/", False),
])
def test_mime_types(text, valid):
    assert values.is_mime_type(text) is valid
