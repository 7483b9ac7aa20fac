"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1); 1.0 is accepted with a note.

The standard json module parses; every object is then checked against a table of its members
(name -> kind), so the rules read like the specification's member lists. Positions: the json
module gives none for values, so on the first message a small tokenizer maps every JSON Pointer
(/items/3/url) to its offset in the text, once, and only for feeds that have something to report.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections.abc import Callable

from feeds.validate import html, values
from feeds.validate.collector import Collector

VERSION_1_1 = "https://jsonfeed.org/version/1.1"
VERSION_1_0 = "https://jsonfeed.org/version/1"
VERSION_PREFIX = re.compile(r"^https?://jsonfeed\.org/version/", re.IGNORECASE)
UTF8_BOM = b"\xef\xbb\xbf"

# Member kinds; each has a checker in _Checker.KINDS.
FEED_MEMBERS = {
    "version": "string", "title": "string", "home_page_url": "url", "feed_url": "url",
    "description": "string", "user_comment": "string", "next_url": "url", "icon": "url",
    "favicon": "url", "authors": "authors", "author": "author", "language": "language",
    "expired": "boolean", "hubs": "hubs", "items": "items",
}  # fmt: skip
ITEM_MEMBERS = {
    "id": "id", "url": "url", "external_url": "url", "title": "string", "content_html": "html",
    "content_text": "string", "summary": "string", "image": "url", "banner_image": "url",
    "date_published": "date", "date_modified": "date", "authors": "authors", "author": "author",
    "tags": "tags", "language": "language", "attachments": "attachments",
}  # fmt: skip
AUTHOR_MEMBERS = {"name": "string", "url": "url", "avatar": "url"}
HUB_MEMBERS = {"type": "string", "url": "url"}
ATTACHMENT_MEMBERS = {
    "url": "url", "mime_type": "mime", "title": "string", "size_in_bytes": "number",
    "duration_in_seconds": "number",
}  # fmt: skip

FEED_REQUIRED = ("version", "title", "items")
FEED_RECOMMENDED = ("home_page_url", "feed_url")
HUB_REQUIRED = ("type", "url")
ATTACHMENT_REQUIRED = ("url", "mime_type")

_QUOTE_LIMIT = 80


def check(data: bytes, out: Collector, *, url: str | None) -> None:
    """Validate a JSON Feed document. `url` is where it is served: feed_url must match it."""
    text = _decode(data, out)
    locator = Locator(text)
    document = _parse(text, out, locator)
    if document is _INVALID:
        return
    reason = _not_a_feed(document)
    if reason:
        out.add("json.not-a-feed", line=1, column=1, path="", reason=reason)
        return
    _Checker(out, locator, url).feed(document)


def _not_a_feed(document: object) -> str | None:
    """Why a JSON document is not even meant to be a feed (other JSON: package.json, an API
    response), or None. A JSON Feed version or an items member is enough to check it as one."""
    if not isinstance(document, dict):
        return f"the top level is {_type_name(document)}, not an object"
    if "items" in document:
        return None
    version = document.get("version")
    if version is None:
        return "it has neither a version nor items member"
    if not (isinstance(version, str) and VERSION_PREFIX.match(version)):
        return f"its version is {_quote(str(version))}, not a JSON Feed URL, and it has no items"
    return None


# --- reading ---------------------------------------------------------------------------------


def _decode(data: bytes, out: Collector) -> str:
    """The text of the document. JSON on the wire is UTF-8 without a byte order mark
    (RFC 8259 section 8.1); anything else is reported, then read as well as possible."""
    if data.startswith(UTF8_BOM):
        out.add("json.bom", line=1, column=1)
        data = data[len(UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        out.add(
            "json.not-utf8",
            line=line,
            column=column,
            reason=f"byte 0x{data[exc.start]:02x} at offset {exc.start}",
        )
        return data.decode("utf-8", errors="replace")


_INVALID = object()


def _parse(text: str, out: Collector, locator: Locator) -> object:
    """The parsed document, or _INVALID after reporting why it is not JSON. Python's extras
    (NaN, Infinity) are refused as JSON forbids them; duplicate member names are reported."""
    constants: list[str] = []
    duplicates: list[bool] = []

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        obj = dict(items)
        if len(obj) < len(items):
            duplicates.append(True)
        return obj

    def constant(name: str) -> float:
        constants.append(name)
        return float(name)

    try:
        document = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        out.add("json.not-json", line=exc.lineno, column=exc.colno, reason=exc.msg)
        return _INVALID
    except RecursionError:
        out.add("json.too-deep")
        return _INVALID
    except ValueError:  # the one other failure: an integer too long for Python to convert
        line, column = locator.offset_position(locator.first_token(_too_long))
        out.add(
            "json.not-json",
            line=line,
            column=column,
            reason=f"a number has more than {sys.get_int_max_str_digits()} digits",
        )
        return _INVALID
    if constants:
        literal = constants[0]
        line, column = locator.offset_position(locator.first_token(lambda t: t == literal))
        out.add(
            "json.not-json", line=line, column=column, reason=f"{constants[0]} is not a JSON value"
        )
        return _INVALID
    if duplicates:
        for path in locator.duplicates():
            line, column = locator.position(path)
            out.add(
                "json.duplicate-member",
                line=line,
                column=column,
                path=path,
                name=_describe_path(path),
            )
    return document


def _too_long(token: str) -> bool:
    return token[0] != '"' and len(token) > sys.get_int_max_str_digits()


# --- positions -------------------------------------------------------------------------------

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)


def pointer(parent: str, step: str | int) -> str:
    """JSON Pointer (RFC 6901) of a member or element: '~' and '/' in names are escaped."""
    return f"{parent}/{str(step).replace('~', '~0').replace('/', '~1')}"


class Locator:
    """Line and column of any JSON Pointer in the text, indexed on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offsets: dict[str, int] | None = None
        self._duplicates: list[str] = []
        self._newlines: list[int] | None = None

    def position(self, path: str) -> tuple[int | None, int | None]:
        """Where `path` is: a member's name, an element's value; for a path that does not
        exist (a missing member), where its nearest existing parent is."""
        offsets = self._index()
        while path not in offsets and path:
            path = path.rsplit("/", 1)[0]
        return self.offset_position(offsets.get(path))

    def offset_position(self, offset: int | None) -> tuple[int | None, int | None]:
        if offset is None:
            return None, None
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self._text)]
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def duplicates(self) -> list[str]:
        """Paths of members whose name already appeared in the same object."""
        self._index()
        return self._duplicates

    def first_token(self, wanted: Callable[[str], bool]) -> int | None:
        """Offset of the first token `wanted` accepts."""
        for match in _TOKEN.finditer(self._text):
            if wanted(match.group()):
                return match.start()
        return None

    def _index(self) -> dict[str, int]:
        if self._offsets is None:
            self._offsets = self._build()
        return self._offsets

    def _build(self) -> dict[str, int]:
        """One pass over the tokens of (valid) JSON, keeping a stack of open containers:
        each frame is [pointer, next array index or None for objects, current key]."""
        offsets: dict[str, int] = {}
        stack: list[list] = []
        expect_key = False
        for match in _TOKEN.finditer(self._text):
            token, start = match.group(), match.start()
            frame = stack[-1] if stack else None
            if token in ",:":
                if token == "," and frame is not None:
                    expect_key = frame[1] is None
                    if frame[1] is not None:
                        frame[1] += 1
                continue
            if token in "}]":
                stack.pop()
                expect_key = False
                continue
            if expect_key:
                expect_key = False
                frame[2] = pointer(frame[0], _key(token))
                if frame[2] in offsets:
                    self._duplicates.append(frame[2])
                else:
                    offsets[frame[2]] = start
                continue
            path = self._value_path(frame)
            offsets.setdefault(path, start)
            if token in "{[":
                stack.append([path, 0 if token == "[" else None, None])
                expect_key = token == "{"
        return offsets

    @staticmethod
    def _value_path(frame: list | None) -> str:
        if frame is None:
            return ""
        return frame[2] if frame[1] is None else pointer(frame[0], frame[1])


def _key(token: str) -> str:
    try:
        return json.loads(token)
    except ValueError:
        return token.strip('"')


# --- checks ----------------------------------------------------------------------------------


def _type_name(value: object) -> str:
    """The JSON name of a parsed value's type, with its article."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _describe_path(path: str) -> str:
    """The last step of a pointer as messages show it: "url" for a member, items[3] for an
    element of an array."""
    parent, _, step = path.rpartition("/")
    step = step.replace("~1", "/").replace("~0", "~")
    if step.isdigit() and parent:
        container = parent.rpartition("/")[2].replace("~1", "/").replace("~0", "~")
        return f"{container}[{step}]"
    return _quote(step)


def _quote(value: str) -> str:
    """A value as shown in a message: JSON-quoted and cut short, so a hostile megabyte-long
    value cannot flood the report."""
    if len(value) > _QUOTE_LIMIT:
        value = value[:_QUOTE_LIMIT] + "\u2026"
    return json.dumps(value, ensure_ascii=False)


class _HtmlSink:
    """html.check_html reports at an XML element through `out.at`; in JSON the 'element'
    is the JSON Pointer of the content_html member, reported with its position."""

    def __init__(self, report: Callable[..., None]) -> None:
        self._report = report

    def at(self, path: str, code: str, **params: object) -> None:
        self._report(code, path, **params)


class _Checker:
    """The checks of one feed: member tables, types, values, and the cross-item rules."""

    def __init__(self, out: Collector, locator: Locator, url: str | None) -> None:
        self.out = out
        self.locator = locator
        self.url = url
        self.version = VERSION_1_1
        self.base_url: str | None = None  # the feed's home page, when absolute
        self.item_base: str | None = None  # resolves relative URLs in the current item's HTML
        self.ids: dict[str, str] = {}

    def report(self, code: str, path: str, **params: object) -> None:
        line, column = self.locator.position(path)
        self.out.add(code, line=line, column=column, path=path, **params)

    # --- objects

    def feed(self, feed: dict) -> None:
        version = feed.get("version")
        if isinstance(version, str):
            self.version = version
            if version == VERSION_1_0:
                self.report("json.version.old", "/version", version=_quote(version))
            elif version != VERSION_1_1:
                self.report("json.version.unknown", "/version", version=_quote(version))
        home = feed.get("home_page_url")
        self.base_url = home if isinstance(home, str) and values.is_absolute_uri(home) else None
        self.members(feed, "", FEED_MEMBERS, FEED_REQUIRED)
        for name in FEED_RECOMMENDED:
            if name not in feed:
                self.report("json.member.recommended", pointer("", name), name=_quote(name))
        self.authorship(feed, "")
        self.self_url(feed.get("feed_url"))

    def members(
        self, obj: dict, path: str, table: dict[str, str], required: tuple[str, ...] = ()
    ) -> None:
        """Check every member against `table`; `_`-prefixed names are extensions."""
        for name in required:
            if name not in obj:
                self.report("json.member.missing", pointer(path, name), name=_quote(name))
        for name, value in obj.items():
            where = pointer(path, name)
            if name in table:
                self.KINDS[table[name]](self, value, where)
            elif not name.startswith("_"):
                self.report("json.member.unknown", where, name=_quote(name))

    def objects(self, value: object, path: str, each: Callable[[dict, str], None]) -> None:
        """An array of objects, each checked by `each`."""
        if not self.expect(value, path, list, "an array"):
            return
        for index, element in enumerate(value):
            where = pointer(path, index)
            if self.expect(element, where, dict, "an object"):
                each(element, where)

    def item(self, item: dict, path: str) -> None:
        own = item.get("url")
        absolute = isinstance(own, str) and values.is_absolute_uri(own)
        self.item_base = own if absolute else self.base_url
        self.members(item, path, ITEM_MEMBERS, ("id",))
        if "content_html" not in item and "content_text" not in item:
            self.report("json.item.no-content", path)
        self.authorship(item, path)

    def author_object(self, author: dict, path: str) -> None:
        self.members(author, path, AUTHOR_MEMBERS)
        if not any(name in author for name in AUTHOR_MEMBERS):
            self.report("json.author.empty", path)

    def hub(self, hub: dict, path: str) -> None:
        self.members(hub, path, HUB_MEMBERS, HUB_REQUIRED)

    def attachment(self, attachment: dict, path: str) -> None:
        self.members(attachment, path, ATTACHMENT_MEMBERS, ATTACHMENT_REQUIRED)

    def authorship(self, obj: dict, path: str) -> None:
        """`author` is deprecated in 1.1 in favour of `authors`; 1.0 feeds may use it, and 1.1
        feeds may keep it beside `authors` for 1.0 readers."""
        if "author" in obj and "authors" not in obj and self.version != VERSION_1_0:
            self.report("json.author.deprecated", pointer(path, "author"))

    def self_url(self, feed_url: object) -> None:
        if self.url and isinstance(feed_url, str) and not values.same_url(feed_url, self.url):
            self.report(
                "json.feed-url.mismatch",
                "/feed_url",
                feed_url=_quote(feed_url),
                url=_quote(self.url),
            )

    # --- values

    def expect(self, value: object, path: str, kind: type | tuple[type, ...], name: str) -> bool:
        """Report a value of the wrong JSON type; booleans never pass for numbers."""
        if isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool):
            return True
        self.report(
            "json.member.type",
            path,
            name=_describe_path(path),
            expected=name,
            actual=_type_name(value),
        )
        return False

    def string(self, value: object, path: str) -> None:
        self.expect(value, path, str, "a string")

    def boolean(self, value: object, path: str) -> None:
        self.expect(value, path, bool, "a boolean")

    def number(self, value: object, path: str) -> None:
        if self.expect(value, path, (int, float), "a number") and value < 0:
            self.report("json.number.negative", path, name=_describe_path(path))

    def url_value(self, value: object, path: str) -> None:
        if not self.expect(value, path, str, "a string"):
            return
        address = value.strip()
        if not address or not values.is_uri_reference(address):
            self.report("json.url.invalid", path, value=_quote(value))
        elif not values.is_absolute_uri(address):
            self.report("json.url.relative", path, value=_quote(value))

    def date(self, value: object, path: str) -> None:
        if self.expect(value, path, str, "a string") and values.parse_rfc3339(value) is None:
            self.report("json.date.invalid", path, value=_quote(value))

    def language(self, value: object, path: str) -> None:
        if self.expect(value, path, str, "a string") and not values.is_language_tag(value):
            self.report("json.language.invalid", path, value=_quote(value))

    def mime(self, value: object, path: str) -> None:
        if self.expect(value, path, str, "a string") and not values.is_mime_type(value):
            self.report("json.mime.invalid", path, value=_quote(value))

    def item_id(self, value: object, path: str) -> None:
        """Ids are strings; readers coerce numbers, so 1 and "1" are the same id."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.report("json.item.id-not-string", path)
        elif not self.expect(value, path, str, "a string"):
            return
        key = str(value)
        if not key.strip():
            self.report("json.item.empty-id", path)
        elif key in self.ids:
            self.report(
                "json.item.duplicate-id", path, id=_quote(key), first=_describe_path(self.ids[key])
            )
        else:
            self.ids[key] = path.rsplit("/", 1)[0]

    def content_html(self, value: object, path: str) -> None:
        if self.expect(value, path, str, "a string"):
            html.check_html(value, _HtmlSink(self.report), path, base_url=self.item_base)

    def tags(self, value: object, path: str) -> None:
        if self.expect(value, path, list, "an array"):
            for index, tag in enumerate(value):
                self.string(tag, pointer(path, index))

    def author(self, value: object, path: str) -> None:
        if self.expect(value, path, dict, "an object"):
            self.author_object(value, path)

    def authors(self, value: object, path: str) -> None:
        self.objects(value, path, self.author_object)

    def hubs(self, value: object, path: str) -> None:
        self.objects(value, path, self.hub)

    def items(self, value: object, path: str) -> None:
        self.objects(value, path, self.item)

    def attachments(self, value: object, path: str) -> None:
        self.objects(value, path, self.attachment)

    KINDS: dict[str, Callable[[_Checker, object, str], None]] = {
        "string": string, "boolean": boolean, "number": number, "url": url_value, "date": date,
        "language": language, "mime": mime, "id": item_id, "html": content_html, "tags": tags,
        "author": author, "authors": authors, "hubs": hubs, "items": items,
        "attachments": attachments,
    }  # fmt: skip
