"""JSON Feed 1.1: each test breaks one thing in an otherwise valid feed and expects its code."""

from __future__ import annotations

import copy
import json

import pytest

from feeds.validate import validate_bytes
from feeds.validate.messages import Message, Severity

V11 = "https://jsonfeed.org/version/1.1"

VALID = {
    "version": V11,
    "title": "Example News",
    "home_page_url": "https://example.org/",
    "feed_url": "https://example.org/feed.json",
    "description": "News from the example desk",
    "icon": "https://example.org/icon.png",
    "favicon": "https://example.org/favicon.ico",
    "authors": [{"name": "Ann Editor", "url": "https://example.org/ann"}],
    "language": "en-GB",
    "expired": False,
    "hubs": [{"type": "WebSub", "url": "https://hub.example.org/"}],
    "_example": {"about": "https://example.org/ext", "anything": [1, 2]},
    "items": [
        {
            "id": "https://example.org/1",
            "url": "https://example.org/1",
            "title": "Council closes bridge",
            "content_html": '<p>The council <a href="/bridge">closed</a> the bridge.</p>',
            "summary": "The bridge is closed.",
            "image": "https://example.org/1.jpg",
            "date_published": "2024-05-01T09:30:00Z",
            "date_modified": "2024-05-01T11:30:00+02:00",
            "tags": ["council", "bridge"],
            "attachments": [
                {
                    "url": "https://example.org/1.mp3",
                    "mime_type": "audio/mpeg",
                    "size_in_bytes": 1024,
                    "duration_in_seconds": 61.5,
                }
            ],
        },
        {"id": "https://example.org/2", "content_text": "A plain item."},
    ],
}


def feed(**members: object) -> dict:
    """A copy of VALID with top-level members replaced (None removes one)."""
    doc = copy.deepcopy(VALID)
    for name, value in members.items():
        if value is None:
            del doc[name]
        else:
            doc[name] = value
    return doc


def with_item(index: int = 0, **members: object) -> dict:
    """A copy of VALID with members of one item replaced (None removes one)."""
    doc = copy.deepcopy(VALID)
    for name, value in members.items():
        if value is None:
            del doc["items"][index][name]
        else:
            doc["items"][index][name] = value
    return doc


def check(doc: object, *, url: str | None = None, raw: bytes | None = None) -> list[Message]:
    data = raw if raw is not None else json.dumps(doc, indent=2).encode()
    return validate_bytes(data, "feed.json", url=url).messages


def codes(doc: object, **kwargs: object) -> list[str]:
    return [m.code for m in check(doc, **kwargs)]


def only(doc: object, code: str, **kwargs: object) -> Message:
    found = [m for m in check(doc, **kwargs) if m.code == code]
    assert len(found) == 1, check(doc, **kwargs)
    return found[0]


def test_valid_feed_has_no_messages():
    assert check(VALID) == []


def test_version_1_0_is_accepted_with_a_note():
    assert codes(feed(version="https://jsonfeed.org/version/1")) == ["json.version.old"]


def test_unknown_version_is_an_error():
    assert codes(feed(version="https://jsonfeed.org/version/2")) == ["json.version.unknown"]


def test_json_syntax_error_has_line_and_column():
    message = only(None, "json.not-json", raw=b'{\n  "title": "x",\n  "items": [,]\n}')
    assert (message.line, message.column) == (3, 13)


def test_top_level_array_is_not_a_feed():
    assert codes(None, raw=b"[1, 2]") == ["json.not-a-feed"]


def test_other_json_object_is_not_a_feed():
    assert codes({"name": "package.json", "dependencies": {}}) == ["json.not-a-feed"]


def test_other_json_with_its_own_version_is_not_a_feed():
    assert codes({"name": "app", "version": "1.0.0"}) == ["json.not-a-feed"]


@pytest.mark.parametrize("name", ["version", "title", "items"])
def test_required_feed_member_missing(name):
    assert only(feed(**{name: None}), "json.member.missing").path == f"/{name}"


@pytest.mark.parametrize("name", ["home_page_url", "feed_url"])
def test_recommended_member_missing_is_a_warning(name):
    message = only(feed(**{name: None}), "json.member.recommended")
    assert message.severity is Severity.WARNING


def test_item_without_id_points_at_the_item():
    doc = with_item(1, id=None)
    message = only(doc, "json.member.missing")
    lines = json.dumps(doc, indent=2).splitlines()
    assert message.path == "/items/1/id"
    assert lines[message.line - 1] == "    {"
    assert lines[message.line] == '      "content_text": "A plain item."'


def test_item_without_content_is_an_error():
    assert codes(with_item(0, content_html=None)) == ["json.item.no-content"]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        (feed(title=3), "/title"),
        (feed(expired="no"), "/expired"),
        (feed(items={}), "/items"),
        (feed(authors={"name": "Ann"}), "/authors"),
        (with_item(0, tags="council"), "/items/0/tags"),
        (with_item(0, summary=None, title=["x"]), "/items/0/title"),
        (with_item(0, date_published=20240501), "/items/0/date_published"),
    ],
)
def test_member_of_the_wrong_type(doc, path):
    assert only(doc, "json.member.type").path == path


def test_boolean_is_not_a_number():
    doc = copy.deepcopy(VALID)
    doc["items"][0]["attachments"][0]["size_in_bytes"] = True
    assert only(doc, "json.member.type").path == "/items/0/attachments/0/size_in_bytes"


def test_non_object_item_is_reported_and_the_rest_checked():
    doc = feed(items=["not an item", {"id": "x"}])
    assert codes(doc) == ["json.member.type", "json.item.no-content"]


URL_MEMBERS = [
    ("home_page_url",),
    ("feed_url",),
    ("next_url",),
    ("icon",),
    ("favicon",),
    ("authors", 0, "url"),
    ("hubs", 0, "url"),
    ("items", 0, "url"),
    ("items", 0, "external_url"),
    ("items", 0, "image"),
    ("items", 0, "banner_image"),
    ("items", 0, "attachments", 0, "url"),
]


def set_at(doc: dict, steps: tuple, value: object) -> dict:
    target = doc
    for step in steps[:-1]:
        target = target[step]
    target[steps[-1]] = value
    return doc


@pytest.mark.parametrize("steps", URL_MEMBERS)
def test_relative_url_is_a_warning(steps):
    message = only(set_at(feed(), steps, "img/x.png"), "json.url.relative")
    assert message.path == "/" + "/".join(map(str, steps))


@pytest.mark.parametrize("steps", URL_MEMBERS)
def test_malformed_url_is_an_error(steps):
    assert codes(set_at(feed(), steps, "https://example.org/a b")) == ["json.url.invalid"]


def test_author_avatar_is_a_url():
    doc = feed(authors=[{"name": "Ann", "avatar": "ann.png"}])
    assert only(doc, "json.url.relative").path == "/authors/0/avatar"


@pytest.mark.parametrize("value", ["2024-05-01", "2024-05-01 09:30:00Z", "Wed, 01 May 2024"])
def test_date_must_be_rfc3339(value):
    assert codes(with_item(0, date_modified=value)) == ["json.date.invalid"]


def test_duplicate_item_ids_are_an_error():
    message = only(with_item(1, id="https://example.org/1"), "json.item.duplicate-id")
    assert message.message.endswith("is already used by items[0]")


def test_numeric_id_is_a_warning():
    assert codes(with_item(1, id=2)) == ["json.item.id-not-string"]


def test_numeric_id_collides_with_the_same_string():
    doc = with_item(0, id="7")
    doc["items"][1]["id"] = 7
    assert codes(doc) == ["json.item.id-not-string", "json.item.duplicate-id"]


def test_empty_id_is_a_warning():
    assert codes(with_item(1, id=" ")) == ["json.item.empty-id"]


def test_attachment_needs_a_mime_type():
    doc = copy.deepcopy(VALID)
    del doc["items"][0]["attachments"][0]["mime_type"]
    assert only(doc, "json.member.missing").path == "/items/0/attachments/0/mime_type"


def test_attachment_mime_type_is_checked():
    doc = copy.deepcopy(VALID)
    doc["items"][0]["attachments"][0]["mime_type"] = "mp3"
    assert codes(doc) == ["json.mime.invalid"]


def test_negative_duration_is_a_warning():
    doc = copy.deepcopy(VALID)
    doc["items"][0]["attachments"][0]["duration_in_seconds"] = -1
    assert codes(doc) == ["json.number.negative"]


@pytest.mark.parametrize("doc", [feed(language="en_GB"), with_item(0, language="english!")])
def test_language_must_be_a_tag(doc):
    assert codes(doc) == ["json.language.invalid"]


def test_hub_needs_type_and_url():
    assert codes(feed(hubs=[{"type": "WebSub"}])) == ["json.member.missing"]


def test_author_alone_is_deprecated_in_1_1():
    doc = feed(authors=None, author={"name": "Ann"})
    assert codes(doc) == ["json.author.deprecated"]


def test_author_beside_authors_is_fine():
    assert check(feed(author={"name": "Ann"})) == []


def test_author_in_a_1_0_feed_is_fine():
    doc = feed(version="https://jsonfeed.org/version/1", authors=None, author={"name": "Ann"})
    assert codes(doc) == ["json.version.old"]


def test_empty_author_is_an_error():
    assert codes(feed(authors=[{}])) == ["json.author.empty"]


def test_unknown_member_is_a_warning():
    message = only(with_item(0, titel="Typo"), "json.member.unknown")
    assert (message.severity, message.path) == (Severity.WARNING, "/items/0/titel")


def test_extension_members_are_allowed_everywhere():
    doc = with_item(0, _source={"id": 1})
    doc["authors"][0]["_handle"] = "@ann"
    assert check(doc) == []


def test_unsafe_html_is_a_warning_at_the_content():
    message = only(
        with_item(0, content_html="<p>Hi<script>x()</script></p>"), "html.unsafe-element"
    )
    assert (message.severity, message.path) == (Severity.WARNING, "/items/0/content_html")


def test_relative_link_in_html_resolves_against_the_item_url():
    assert check(with_item(0, content_html='<a href="next">next</a>')) == []


def test_feed_url_must_match_the_served_url():
    message = only(VALID, "json.feed-url.mismatch", url="https://example.org/other.json")
    assert message.path == "/feed_url"


def test_feed_url_comparison_ignores_case_and_default_port():
    assert check(VALID, url="HTTPS://Example.org:443/feed.json") == []


def test_duplicate_member_is_a_warning():
    raw = b'{"version": "%s", "title": "a", "title": "b", "items": []}' % V11.encode()
    assert "json.duplicate-member" in codes(None, raw=raw)


def test_byte_order_mark_is_a_warning():
    raw = b"\xef\xbb\xbf" + json.dumps(VALID).encode()
    assert codes(None, raw=raw) == ["json.bom"]


def test_latin1_bytes_are_an_error_at_their_position():
    raw = json.dumps(feed(title="caf\u00e9"), indent=2, ensure_ascii=False).encode("latin-1")
    message = only(None, "json.not-utf8", raw=raw)
    assert (message.line, message.column) == (3, 16)


def test_nan_is_not_json():
    raw = b'{"version": "%s", "title": "t", "items": [], "x": NaN}' % V11.encode()
    message = only(None, "json.not-json", raw=raw)
    assert message.column == raw.index(b"NaN") + 1


def test_integer_too_long_to_read_is_reported():
    raw = b'{"version": "%s", "size": %s}' % (V11.encode(), b"9" * 5000)
    assert codes(None, raw=raw) == ["json.not-json"]


def test_absurd_nesting_is_refused():
    assert codes(None, raw=b'{"items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}") == [
        "json.too-deep"
    ]


def test_member_position_is_its_name():
    message = only(with_item(0, image="x.png"), "json.url.relative")
    lines = json.dumps(with_item(0, image="x.png"), indent=2).splitlines()
    assert lines[message.line - 1][message.column - 1 :].startswith('"image"')


def test_escaped_pointer_for_names_with_slashes():
    message = only(with_item(0, **{"a/b~c": 1}), "json.member.unknown")
    assert message.path == "/items/0/a~1b~0c"
