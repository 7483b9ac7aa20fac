"""Value kinds: the checks a text or attribute value can be given (URIs, dates, e-mail
addresses, numbers, enumerations, plain text, HTML), shared by RSS and every extension.

A kind is a function (ctx, element, name, value) -> bool: it reports what is wrong at the
element, naming the value by `name` (an element such as "dc:date" or an attribute such as
"enclosure/@url"), and says whether the value passed. Severities follow the W3C validator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from email.utils import getaddresses
from functools import lru_cache
from html.entities import name2codepoint

from lxml import etree

from feeds.validate import html, values
from feeds.validate.ext.codes import ISO639_1
from feeds.validate.ext.core import XML_NS, Ctx
from feeds.validate.values import is_mime_type, is_registered_scheme, parse_rfc822

Kind = Callable[[Ctx, etree._Element, str, str], bool]

# --- URIs --------------------------------------------------------------------------------------

_URI = re.compile(
    r"([a-zA-Z][0-9a-zA-Z+\-.]*:)?/{0,2}(\[[0-9A-Fa-f:]+\])?"
    r"[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]*$"
)
_FULL_URI = re.compile(r"[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$")
_URI_CHAR = re.compile(r"[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#\[\]]")
_URN = re.compile(
    r"^urn:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'\-/?#]"
    r"|%[0-9A-Fa-f]{2})+$",
    re.IGNORECASE,
)
_UUID = re.compile(
    r"^urn:uuid:[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$", re.IGNORECASE
)
_TAG = re.compile(
    r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:"
    r"[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$"
)
_DOMAIN = r"(([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([A-Z0-9\-]+\.)+))([A-Z0-9][-A-Z0-9]*)"
_HTTP_URL = re.compile(r"(http|https)://" + _DOMAIN + r"(?::\d+)?(/|$)", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HAS_HOST = re.compile(r"^\w+://[^/]")


def uri(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An IRI reference (non-ASCII characters allowed); relative references are fine, they
    resolve against xml:base."""
    return _check_uri(cx, el, name, value, _URI, "value.uri.invalid", iri=True)


def is_full_uri(value: str) -> bool:
    """Whether a value has the shape of an absolute URI (scheme and no forbidden characters)."""
    return bool(_FULL_URI.match(value))


def full_uri(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An absolute URI, scheme included: RSS links are used outside the document."""
    return _check_uri(cx, el, name, value, _FULL_URI, "value.uri.not-absolute")


def _check_uri(
    cx: Ctx,
    el: etree._Element,
    name: str,
    value: str,
    shape: re.Pattern[str],
    code: str,
    *,
    iri: bool = False,
) -> bool:
    """The W3C validator's URI rules: tag: and urn: syntax, the URI character set (IRIs may
    add any non-ASCII character), a host after http://, and a registered scheme."""
    probe = _NON_ASCII.sub("x", value) if iri else value
    scheme = probe.split(":", 1)[0].lower() if ":" in probe else ""
    if scheme == "tag":
        return _report_unless(cx, el, name, value, bool(_TAG.match(probe)), "value.uri.bad-tag")
    if scheme == "urn":
        well_formed = bool(
            _UUID.match(probe) if probe.lower().startswith("urn:uuid:") else _URN.match(probe)
        )
        return _report_unless(cx, el, name, value, well_formed, "value.uri.bad-urn")
    if not shape.match(probe):
        bad = next((c for c in probe if not _URI_CHAR.match(c)), None)
        if bad is not None and ord(bad) < 128:
            cx.out.at(el, "value.uri.bad-character", element=name, value=value, char=repr(bad))
        else:
            cx.out.at(el, code, element=name, value=value)
        return False
    if scheme in ("http", "https", "ftp") and not _HAS_HOST.match(probe):
        cx.out.at(el, code, element=name, value=value)
        return False
    if scheme.isalpha() and not is_registered_scheme(scheme):
        cx.out.at(el, "value.uri.unregistered-scheme", element=name, scheme=scheme)
    return True


def _report_unless(cx: Ctx, el: etree._Element, name: str, value: str, ok: bool, code: str) -> bool:
    if not ok:
        cx.out.at(el, code, element=name, value=value)
    return ok


def http_url(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An http or https URL with a host: what podcast clients and enclosures can fetch."""
    ok = bool(_HTTP_URL.match(value)) and bool(_FULL_URI.match(value))
    return _report_unless(cx, el, name, value, ok, "value.url.not-http")


def relative_to_feed(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """A URI that Atom resolves (relative is fine) but RSS cannot: relative ones warn in RSS."""
    if not cx.rss2 and not cx.rdf:
        return uri(cx, el, name, value)
    if not _FULL_URI.match(value):
        cx.out.at(el, "value.uri.relative", element=name, value=value)
        return False
    return True


# --- e-mail addresses --------------------------------------------------------------------------

_EMAIL_MAX = 500  # an address is at most 254 characters; longer text is not parsed
_ADDR_SPEC = re.compile(r"([A-Z0-9_\-+.']+)@" + _DOMAIN + "$", re.IGNORECASE)


def email(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An e-mail address, alone or as "address (Real Name)"."""
    if len(value) > _EMAIL_MAX:
        return _report_unless(cx, el, name, value[:_EMAIL_MAX], False, "value.email.invalid")
    addresses = getaddresses([value])
    address = addresses[0][1] if len(addresses) == 1 else value
    return _report_unless(
        cx, el, name, value, bool(_ADDR_SPEC.match(address)), "value.email.invalid"
    )


def email_with_name(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """RSS's author form, "address (Real Name)": other forms are readable but discouraged."""
    if value.startswith("mailto:"):
        value = value[7:]
    if "@" in value[1:] and not value.endswith(")"):
        code = "value.email.format" if " " in value[1:] else "value.email.missing-name"
        cx.out.at(el, code, element=name, value=value)
        return True
    return email(cx, el, name, value)


# --- dates -------------------------------------------------------------------------------------

_RFC822_ERRORS = {
    "format": "value.date.not-rfc822",
    "zone": "value.date.bad-zone",
    "weekday": "value.date.wrong-weekday",
    "impossible": "value.date.impossible",
}
_RFC822_WARNINGS = {
    "two-digit-year": "value.date.two-digit-year",
    "loose": "value.date.loose-rfc822",
}
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_FUTURE = timedelta(minutes=10)
_DAY = timedelta(days=1)


def rfc822(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An RFC 822 date-time, as RSS 2.0 requires for pubDate and lastBuildDate."""
    date, problem = parse_rfc822(value)
    if problem in _RFC822_ERRORS:
        cx.out.at(el, _RFC822_ERRORS[problem], element=name, value=value)
        return False
    if problem:
        cx.out.at(el, _RFC822_WARNINGS[problem], element=name, value=value)
    if date is not None:
        _plausible(cx, el, name, value, date)
    return True


def _plausible(cx: Ctx, el: etree._Element, name: str, value: str, date: datetime) -> None:
    if not is_plausible(cx, date):
        cx.out.at(el, "value.date.implausible", element=name, value=value)


def is_plausible(cx: Ctx, date: datetime) -> bool:
    """Not before 1990 (a default or zero value) nor ahead of the clock (a wrong zone)."""
    return _EARLIEST <= date <= cx.now + _FUTURE


@lru_cache(maxsize=16)  # one clock reading per document
def plausible_days(now: datetime) -> range:
    """The days (proleptic ordinals) every instant of which is plausible at `now`, in any
    zone: from the start of the day before to the end of the day after."""
    return range((_EARLIEST + _DAY).toordinal(), (now + _FUTURE - 2 * _DAY).toordinal() + 1)


_W3CDTF = re.compile(
    r"^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d*)?)?"
    r"(Z|[+-]\d\d:\d\d)?)?)?)?$"
)


def parse_w3cdtf(value: str, *, zone_required: bool = True, full: bool = False) -> datetime | None:
    """The date of a W3C-DTF (ISO 8601 profile) value, else None. Times need a zone unless
    `zone_required` is off (plain ISO 8601); `full` demands a complete RFC 3339 date-time."""
    match = _W3CDTF.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if (hour and not zone and zone_required) or (full and not (second and zone)):
        return None
    try:
        date = datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            min(int(second or 0), 59),
            tzinfo=UTC,
        )
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        offset = int(zone[1:3]) * 60 + int(zone[4:])
        if int(zone[4:]) > 59 or offset >= 24 * 60:
            return None
        date -= sign * timedelta(minutes=offset)
    return None if second and int(second) > 60 else date


def _date_kind(code: str, *, zone_required: bool, full: bool = False, bounded: bool = True) -> Kind:
    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        date = parse_w3cdtf(value, zone_required=zone_required, full=full)
        if date is None:
            cx.out.at(el, code, element=name, value=value)
            return False
        if bounded:
            _plausible(cx, el, name, value, date)
        return True

    return check


w3cdtf = _date_kind("value.date.not-w3cdtf", zone_required=True)
iso8601 = _date_kind("value.date.not-iso8601", zone_required=False)
unbounded_iso8601 = _date_kind("value.date.not-iso8601", zone_required=False, bounded=False)
rfc3339 = _date_kind("value.date.not-rfc3339", zone_required=True, full=True)

# --- language, media types, numbers, enumerations -----------------------------------------------


_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$", re.IGNORECASE)


def language(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """An RFC 3066 / BCP 47 tag whose primary subtag is an ISO 639 code."""
    primary = value.split("-", 1)[0].lower()
    ok = (
        _LANGUAGE_TAG.match(value) is not None
        and (len(primary) == 3 or primary in ISO639_1)
        or primary in ("i", "x")
        and "-" in value
    )
    return _report_unless(cx, el, name, value, ok, "value.language.invalid")


def mime(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """A MIME media type such as audio/mpeg, parameters allowed."""
    return _report_unless(cx, el, name, value, is_mime_type(value), "value.mime.invalid")


def _integer(value: str) -> int | None:
    return int(value) if re.fullmatch(r"[+-]?\d+", value.strip()) else None


def integer(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    ok = value == "" or _integer(value) is not None
    return _report_unless(cx, el, name, value, ok, "value.integer.invalid")


def non_negative(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    number = _integer(value)
    return _report_unless(
        cx, el, name, value, number is not None and number >= 0, "value.integer.negative"
    )


def positive(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    number = _integer(value)
    return _report_unless(
        cx, el, name, value, number is not None and number > 0, "value.integer.not-positive"
    )


def uint31(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """A positive integer that fits in 31 bits (FeedSync counters)."""
    if not positive(cx, el, name, value):
        return False
    return _report_unless(cx, el, name, value, int(value) < 2**31, "value.integer.too-large")


def decimal(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    ok = bool(re.fullmatch(r"\d+\.?\d*", value))
    return _report_unless(cx, el, name, value, ok, "value.number.invalid")


def signed_decimal(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    ok = bool(re.fullmatch(r"[-+]?\d+\.?\d*\s*", value))
    return _report_unless(cx, el, name, value, ok, "value.number.invalid")


def _in_range(code: str, limit: float) -> Kind:
    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        try:
            ok = -limit <= float(value) <= limit
        except ValueError:
            ok = False
        return _report_unless(cx, el, name, value, ok, code)

    return check


latitude = _in_range("value.latitude.invalid", 90)
longitude = _in_range("value.longitude.invalid", 180)


def one_of(values: Iterable[str], *, code: str = "value.enum.invalid", fold: bool = False) -> Kind:
    """A kind accepting only the listed values (compared case-insensitively with `fold`)."""
    allowed = frozenset(v.lower() for v in values) if fold else frozenset(values)
    listed = ", ".join(sorted(values))

    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        if (value.lower() if fold else value) in allowed:
            return True
        cx.out.at(el, code, element=name, value=value, allowed=listed)
        return False

    return check


true_false = one_of(("true", "false"), code="value.boolean.invalid", fold=True)
true_false_strict = one_of(("true", "false"), code="value.boolean.invalid")
yes_no = one_of(("yes", "no"), code="value.boolean.invalid")


def max_length(limit: int) -> Kind:
    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        if len(value) <= limit:
            return True
        cx.out.at(el, "value.text.too-long", element=name, length=len(value), limit=limit)
        return False

    return check


def matching(pattern: str, code: str) -> Kind:
    """A value that must match `pattern` as a whole; otherwise `code` is reported."""
    shape = re.compile(pattern)

    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        return _report_unless(cx, el, name, value, bool(shape.fullmatch(value)), code)

    return check


# A text input's name: the form field the text is submitted as.
form_name = matching(r"[a-zA-Z][a-zA-Z0-9:._-]*", "rss.textinput.bad-name")


# --- text and HTML -----------------------------------------------------------------------------


def text(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """Any text at all."""
    return True


def nonblank(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    if value.strip():
        return True
    cx.out.at(el, "value.text.blank", element=name, value=value)
    return False


_ENTITY = re.compile(r"&(#?\w+)")
_CHARACTER_DATA = re.compile(r"&#[x0-9]|<[/a-zA-Z]")


def plain(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """Plain text: markup or character references in it will be shown, or worse, rendered."""
    if "<" not in value and "&" not in value:
        return True
    if html.contains_markup(value) or any(_is_html_entity(ref) for ref in _ENTITY.findall(value)):
        cx.out.at(el, "value.text.contains-html", element=name)
        return False
    if cx.rss2 and cx.version.startswith("2.") and _CHARACTER_DATA.search(value):
        cx.out.at(el, "value.text.ambiguous-markup", element=name)
        return False
    return True


def _is_html_entity(reference: str) -> bool:
    return reference in name2codepoint or reference == "apos" or not reference.isalpha()


def markup(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """Escaped HTML: unsafe markup and relative links are reported by the HTML checker (the
    base URI it needs is only looked for when the markup is not plain)."""
    if ("<" not in value and "&" not in value) or html.is_plain_markup(value):
        return True
    before = cx.out.reported
    html.check_html(value, cx.out, el, base_url=xml_base(el))
    return cx.out.reported == before


_HIERARCHICAL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def xml_base(el: etree._Element) -> str | None:
    """The absolute xml:base in scope at an element, if any: relative links resolve to it."""
    node: etree._Element | None = el
    while node is not None:
        base = node.get(f"{{{XML_NS}}}base")
        if base is not None and _HIERARCHICAL.match(base):
            return base
        node = node.getparent()
    return None


def bad_characters(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """Text that shows the tell-tale signs of a wrong encoding (C1 controls, U+FFFD, UTF-8
    read as Latin-1)."""
    return _report_unless(
        cx, el, name, value, not values.misdecoded(value), "value.text.bad-characters"
    )
