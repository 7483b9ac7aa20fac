"""Value checks shared by every format: dates, URIs, e-mail addresses, language tags, MIME types.

Each returns a parsed value or a verdict and never raises; callers turn verdicts into messages.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit


def word_set(words: str) -> frozenset[str]:
    """A set of names written as a whitespace-separated list (registries, vocabularies)."""
    return frozenset(words.split())


# --- dates -----------------------------------------------------------------------------------

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$"
)
_RFC3339_ANY_CASE = re.compile(_RFC3339.pattern, re.IGNORECASE)


def parse_rfc3339(text: str) -> datetime | None:
    """An aware datetime for an RFC 3339 date-time, else None. Lenient as RFC 3339 itself is:
    surrounding white space is ignored and 't' and 'z' may be lower case."""
    return _date_time(_RFC3339_ANY_CASE.match(text.strip()))


@lru_cache(maxsize=1024)  # a feed repeats dates, and its entries' are parsed twice
def parse_rfc3339_strict(text: str) -> datetime | None:
    """An aware datetime for a date-time as Atom (RFC 4287 section 3.3) requires it: no white
    space, an upper-case 'T', and 'Z' or a numeric offset; impossible dates and times fail."""
    return _date_time(_RFC3339.match(text))


def parse_rfc3339_utc(text: str) -> datetime | None:
    """`parse_rfc3339_strict` of a text known to have the shape of an RFC 3339 date-time
    (`quick.RFC3339` matched it), as a naive datetime in UTC (see `utc_naive`); None also for
    an instant no naive datetime holds. The common case, in UTC, is read without the regular
    expression and without an aware datetime ever made."""
    if text[-1] == "Z":
        try:
            return datetime.fromisoformat(text[:-1])
        except ValueError:  # a leap second, an impossible date
            pass
    when = parse_rfc3339_strict(text)
    instant = None if when is None else utc_naive(when)
    return instant if instant is not None and instant.tzinfo is None else None


def utc_naive(when: datetime) -> datetime:
    """The instant an aware datetime names, as a naive datetime in UTC: the form to keep many
    instants in sets and dicts in. Hashing an aware datetime works its offset out again each
    time (ten times the cost), and a feed's entries each bring a new instant. An instant
    before year 1 or after year 9999 in UTC (a date at an end of the calendar, with an
    offset) stays aware: it equals no naive datetime, as it equals no instant they hold."""
    offset = when.utcoffset()
    assert offset is not None, "an aware datetime"
    try:
        return when.replace(tzinfo=None) - offset
    except OverflowError:
        return when


def _date_time(match: re.Match[str] | None) -> datetime | None:
    if not match:
        return None
    if match.group(11) is None or match.group(11) < "60":  # fromisoformat reads +00:60 as 1 h
        try:
            return datetime.fromisoformat(match.group(0).upper())  # the common case, in C
        except ValueError:
            pass
    return _date_time_fields(match)  # leap seconds, long fractions, impossible values


def _date_time_fields(match: re.Match[str]) -> datetime | None:
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    fraction = match.group(7) or ""
    zone = UTC
    if match.group(9):
        zone_hours, zone_minutes = int(match.group(10)), int(match.group(11))
        if zone_hours > 23 or zone_minutes > 59:
            return None
        offset = timedelta(hours=zone_hours, minutes=zone_minutes)
        zone = timezone(-offset if match.group(9) == "-" else offset)
    if hour > 23 or minute > 59 or second > 60:
        return None
    micro = int((fraction[1:] + "000000")[:6]) if fraction else 0
    try:
        # A leap second (:60) is valid RFC 3339; it is the last instant of its minute.
        return datetime(year, month, day, hour, minute, min(second, 59), micro, zone)
    except ValueError:
        return None


EARLIEST_PLAUSIBLE = datetime(1970, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)


def is_implausible(when: datetime, now: datetime | None = None) -> bool:
    """Dates before 1970 are almost always a zero or default value written out by mistake
    (0001-01-01, a two-digit year read as year 0103); dates more than a day ahead of `now`
    (the current time by default) a wrong clock or time zone. A day covers every offset."""
    earliest, latest = plausible_range(now or datetime.now(UTC))
    return not earliest <= when <= latest


def plausible_range(now: datetime) -> tuple[datetime, datetime]:
    """The first and last plausible instants at `now` (see `is_implausible`), for checks
    that compare many dates."""
    return EARLIEST_PLAUSIBLE, now + FUTURE_TOLERANCE


# --- URIs and IRIs ---------------------------------------------------------------------------

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_URI_FORBIDDEN = re.compile(r"[\x00-\x20\x7f<>\"{}|\\^`]")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def is_uri_reference(text: str) -> bool:
    """True for a syntactically valid URI/IRI reference (relative allowed): no white space,
    control or excluded characters, well-formed percent escapes, at most one fragment."""
    return (
        not _URI_FORBIDDEN.search(text)
        and ("%" not in text or not _BAD_PERCENT.search(text))
        and text.count("#") <= 1
    )


def is_absolute_uri(text: str) -> bool:
    return bool(_SCHEME.match(text)) and is_uri_reference(text)


def resolve(base: str | None, reference: str) -> str | None:
    """`reference` resolved against `base` (RFC 3986 section 5) when that gives an absolute
    URI; None without a base, with a relative one, or for an authority urllib refuses."""
    try:
        resolved = urljoin(base, reference) if base else reference
    except ValueError:
        return None
    return resolved if _SCHEME.match(resolved) else None


def uri_scheme(text: str) -> str | None:
    """The scheme of an absolute URI, lower-cased, or None for a relative reference."""
    match = _SCHEME.match(text) if ":" in text else None
    return match.group(1).lower() if match else None


_ALNUM = "A-Za-z0-9"
_DNS_LABEL = rf"[{_ALNUM}](?:[{_ALNUM}-]{{0,61}}[{_ALNUM}])?"  # bounded: no runaway backtracking
_DNS_NAME = rf"{_DNS_LABEL}(?:\.{_DNS_LABEL})*"
_TAG = re.compile(
    rf"^tag:(?:[{_ALNUM}._-]+@)?{_DNS_NAME},(\d{{4}})(?:-(\d{{2}})(?:-(\d{{2}}))?)?:"
    r"([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*(#.*)?$"
)


def is_tag_uri(text: str) -> bool:
    """A tag: URI as RFC 4151 defines it: tag:authority,YYYY[-MM[-DD]]:specific."""
    match = _TAG.match(text)
    if not match:
        return False
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        datetime(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


_URN = re.compile(
    r"^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:"
    r"([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})+(\?[^#]*)?(#.*)?$",
    re.IGNORECASE,
)


def is_urn(text: str) -> bool:
    """A urn: URI as RFC 8141 defines it: a 2-32 character namespace identifier of letters,
    digits and inner hyphens, then a non-empty namespace-specific string."""
    return bool(_URN.match(text))


_AUTHORITY = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21"}
_DOT_SEGMENT = re.compile(r"(^|/)\.\.?(/|$)")


def uri_noncanonical(text: str) -> str | None:
    """Why `text` is not in the normal form of RFC 3986 section 6.2.2-6.2.3 (and RFC 3987's
    NFC for IRIs), or None. Identifiers compared character by character (atom:id) must be
    in it, or two spellings of one resource become two identities."""
    return _case_problem(text) or _escape_problem(text) or _hierarchy_problem(text)


def _case_problem(text: str) -> str | None:
    match = _SCHEME.match(text)
    if match and match.group(1) != match.group(1).lower():
        return "the scheme has upper-case letters"
    if not text.isascii() or "%" in text:
        decoded = unquote(text)
        if unicodedata.normalize("NFC", decoded) != decoded:
            return "its characters are not in Unicode normalization form C"
    return None


def _escape_problem(text: str) -> str | None:
    for escape in _PERCENT.findall(text) if "%" in text else ():
        if chr(int(escape, 16)) in _UNRESERVED:
            return f"%{escape} encodes a character that needs no encoding"
        if escape != escape.upper():
            return f"the percent escape %{escape} uses lower-case hex digits"
    return None


def _hierarchy_problem(text: str) -> str | None:
    parts = _AUTHORITY.match(text)
    if not parts:
        return None
    scheme, authority, path = parts.groups()
    scheme = scheme.lower()
    host = authority.rsplit("@", 1)[-1] if "@" in authority else authority
    if host != host.lower():
        return "the host has upper-case letters"
    port = host.rsplit(":", 1)[1] if ":" in host and not host.endswith("]") else None
    if port is not None and (port == "" or port == _DEFAULT_PORTS.get(scheme)):
        return "the port is the scheme's default"
    if scheme in _DEFAULT_PORTS and not path:
        return "the path is empty (it should be '/')"
    if "." in path and _DOT_SEGMENT.search(path):
        return "the path has '.' or '..' segments"
    return None


# Schemes registered with IANA (permanent, and provisional ones in real use in feeds).
IANA_SCHEMES = word_set("""
aaa aaas about acap acct acr afp afs aim appdata apt attachment aw beshare bitcoin blob bolo
callto cap chrome chrome-extension cid coap coaps content crid cvs dab data dav dict dis
dlna-playcontainer dlna-playsingle dns dntp dtn dvb ed2k example facetime fax feed feedready file
filesystem finger
fish ftp geo gg git gizmoproject go gopher gtalk h323 ham hcp http https iax icap icon im imap
info iotdisco ipn ipp ipps irc irc6 ircs iris iris.beep iris.lwz iris.xpc iris.xpcs isostore
itms jabber jar jms keyparc lastfm ldap ldaps magnet mailserver mailto maps market message mid
mms modem ms-help mt mtqp mumble mupdate mvn news nfs ni nih nntp notes ocf oid opaquelocktoken
pack palm paparazzi pkcs11 platform pop pres prospero proxy psyc query redis rediss reload res
resource rmi rsync rtmfp rtmp rtsp rtsps rtspu secondlife service session sftp sgn shttp sieve
sip sips skype smb sms snews snmp soap.beep soap.beeps soldat spotify ssh steam stun stuns svn
tag teamspeak tel telnet tftp things thismessage tip tn3270 turn turns tv udp unreal urn ut2004
vemmi ventrilo view-source vnc wais webcal ws wss wtai wyciwyg xcon xcon-userid xfire xmlrpc.beep
xmlrpc.beeps xmpp xri ymsgr z39.50 z39.50r z39.50s
""")


def is_registered_scheme(scheme: str) -> bool:
    return scheme.lower() in IANA_SCHEMES


# --- e-mail addresses ------------------------------------------------------------------------

_ADDR_SPEC = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    rf"@({_DNS_NAME}|\[[0-9.]+\])$"
)


def is_addr_spec(text: str) -> bool:
    """An RFC 5322 addr-spec (local@domain, no display name or comment), any domain."""
    return bool(_ADDR_SPEC.match(text))


def is_email(text: str) -> bool:
    """An addr-spec whose domain is a dotted name: mail to a single-label host goes nowhere."""
    return is_addr_spec(text) and "." in text.rsplit("@", 1)[1]


# --- language tags ---------------------------------------------------------------------------

_LANG = re.compile(
    r"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language (+ extlang)
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|\d{3}))?"  # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*"  # variants
    r"(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"  # private use
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+"  # private use only
    r"|[Ii]-[A-Za-z]{2,8})$"  # grandfathered i- tags
)


def is_language_tag(text: str) -> bool:
    """A well-formed BCP 47 language tag (en, en-US, zh-Hant-TW, x-private, i-klingon)."""
    return len(text) <= 256 and bool(_LANG.match(text))


# --- media types -----------------------------------------------------------------------------

_TOKEN = r"[A-Za-z0-9!#$%&'*+.^_`|~-]+"
_MIME = re.compile(
    rf"^{_TOKEN}/{_TOKEN}(\s*;\s*{_TOKEN}=(?:{_TOKEN}|\"(?:[^\"\\]|\\.)*\"))*\s*;?$"
)


def is_mime_type(text: str) -> bool:
    """An RFC 2045 media type: type/subtype, optionally with ;name=value parameters."""
    return bool(_MIME.match(text.strip()))


def is_xml_mime_type(text: str) -> bool:
    """XML media types (RFC 7303): */xml and */*+xml, whose Atom content is inline XML."""
    essence = text.split(";", 1)[0].strip().lower()
    return essence.endswith(("+xml", "/xml"))


# --- RFC 822 / RFC 2822 dates (RSS pubDate, lastBuildDate) --------------------------------

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_NUMBERS = {name: number for number, name in enumerate(_DAYS)}
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS, 1)}
_MONTH_DIGITS = {name: f"{number:02}" for name, number in _MONTH_NUMBERS.items()}
_ZONES = {"UT": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
          "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
_RFC2822 = re.compile(
    r"^(?:(?P<dow>[A-Za-z]{3}), )?(?P<day>\d\d?) (?P<mon>[A-Za-z]{3}) (?P<year>\d{4}) "
    r"(?P<h>\d\d):(?P<m>\d\d)(?::(?P<s>\d\d))? (?P<zone>[+-]\d{4}|[A-Z]{1,3})$"
)
_RFC2822_COMMON = re.compile(
    rf"(?:({'|'.join(_DAYS)}), )?([0-9]{{2}}) ({'|'.join(_MONTHS)}) ([0-9]{{4}}) "
    r"([0-9]{2}:[0-9]{2}:[0-9]{2}) (?:GMT|([+-](?:[01][0-9]|2[0-3])[0-5][0-9]))"
)
_RFC822_LAX = re.compile(
    r"^(?:(?P<dow>[a-z]{3})\s*,\s*)?(?P<day>\d\d?)\s+(?P<mon>[a-z]{3})\s+(?P<year>\d\d(?:\d\d)?)"
    r"\s+(?P<h>\d\d):(?P<m>\d\d)(?::(?P<s>\d\d))?(?:\s+(?P<zone>[+-]\d{4}|[a-z]{1,3}))?$"
)
_COMMENT = re.compile(r"\([^()]*\)")
_RFC822_MAX = 200  # far longer than any date; bounds the work on hostile input


def parse_rfc822(text: str) -> tuple[datetime | None, str | None]:
    """Read an RFC 822 date as RSS uses it (RFC 2822 syntax, four-digit years preferred).

    Returns (date, problem). problem is None for a clean RFC 2822 date, else one of:
    "format" (not an RFC 822 date at all), "zone" (an unknown time zone), "weekday" (the day
    of the week does not match the date), "impossible" (no such day or time), both errors;
    or "two-digit-year" and "loose" (comments, odd spacing or case, no zone): dates readers
    may misread, warnings. The date (aware; UTC when no zone is given) comes with every
    problem except "format", "zone" and "impossible"."""
    value = text.strip()
    if len(value) > _RFC822_MAX:
        return None, "format"
    common = common_rfc822(value)
    return (common, None) if common is not None else _any_date(value)


def common_rfc822(value: str) -> datetime | None:
    """The date of the form nearly every feed writes (a weekday or none, two-digit day, GMT or
    a numeric zone, seconds) when it is clean, read by `datetime.fromisoformat` in C: then
    `parse_rfc822` gives it with no problem. None for anything else, which only
    `parse_rfc822` can tell (the quick check asks this first, and saves a call)."""
    match = _RFC2822_COMMON.fullmatch(value)
    if match is None:
        return None
    dow, day, month, year, time, zone = match.groups()
    try:
        date = datetime.fromisoformat(f"{year}-{_MONTH_DIGITS[month]}-{day}T{time}{zone or 'Z'}")
    except ValueError:  # no such day, a leap second
        return None
    return None if dow is not None and _DAY_NUMBERS[dow] != date.weekday() else date


# The same common form as two patterns for a feed's text (see `quick`): a day, then a time and
# a zone that `datetime.fromisoformat` surely reads. The day of a date they matched
# (`common_rfc822_day_of`) is read by `common_rfc822_day`: the items of a feed fall on a few
# days, and each day is read once.
COMMON_RFC822_DAY = rf"(?:(?:{'|'.join(_DAYS)}), |)[0-9]{{2}} (?:{'|'.join(_MONTHS)}) [0-9]{{4}}"
COMMON_RFC822_TIME = (
    r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] (?:GMT|[+-](?:[01][0-9]|2[0-3])[0-5][0-9])"
)


def common_rfc822_day_of(date: str) -> str:
    """The day of a date `COMMON_RFC822_DAY` and `COMMON_RFC822_TIME` matched: all but its time
    and zone (" hh:mm:ss GMT" or " hh:mm:ss +hhmm")."""
    return date[: -13 if date[-1] == "T" else -15]


@lru_cache(maxsize=4096)
def common_rfc822_day(text: str) -> int | None:
    """The day `COMMON_RFC822_DAY` matched in `text` (its proleptic ordinal), when there is
    such a day and the weekday, if given, is its own; else None. A date of that day, with a
    time and zone `COMMON_RFC822_TIME` matches, is then clean as `common_rfc822` reads it, and
    its instant falls between the start of the day before and the end of the day after."""
    *weekday, day, month, year = text.replace(",", "").split()
    try:
        found = datetime(int(year), _MONTH_NUMBERS[month], int(day))
    except ValueError:  # no such day, or year 0
        return None
    return None if weekday and _DAY_NUMBERS[weekday[0]] != found.weekday() else found.toordinal()


@lru_cache(maxsize=1024)  # a feed repeats dates (and the result is immutable)
def _any_date(value: str) -> tuple[datetime | None, str | None]:
    strict = _RFC2822.match(value)
    if strict and _is_strict(strict):
        return _rfc822_date(strict, loose=False)
    lax = _RFC822_LAX.match(_strip_comments(value).lower())
    if not lax:
        return None, "format"
    if lax["mon"].title() not in _MONTHS or (lax["dow"] and lax["dow"].title() not in _DAYS):
        return None, "format"
    return _rfc822_date(lax, loose=True)


def _is_strict(match: re.Match[str]) -> bool:
    """Names in RFC 2822's exact case and a zone RFC 2822 still recommends."""
    zone_ok = match["zone"] in _ZONES or match["zone"][0] in "+-"
    return zone_ok and match["mon"] in _MONTHS and match["dow"] in (None, *_DAYS)


def _strip_comments(value: str) -> str:
    value = re.sub(r"\\.", "", value)
    while True:
        stripped = _COMMENT.sub(" ", value)
        if stripped == value:
            return stripped.strip()
        value = stripped


def _rfc822_date(match: re.Match[str], *, loose: bool) -> tuple[datetime | None, str | None]:
    dow, day, month, year_text, hour, minute, second, zone = match.group(
        "dow", "day", "mon", "year", "h", "m", "s", "zone")
    offset = _zone_offset(zone)
    if offset is None:
        return None, "zone"
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 50 else 1900
    try:
        date = datetime(year, _MONTH_NUMBERS[month.title()], int(day), int(hour), int(minute),
                        min(int(second or 0), 59), tzinfo=_fixed_zone(offset))
    except ValueError:
        return None, "impossible"
    if (second and int(second) > 60) or abs(offset) >= 24 * 60:
        return None, "impossible"
    if dow and _DAY_NUMBERS[dow.title()] != date.weekday():
        return date, "weekday"
    if len(year_text) == 2:
        return date, "two-digit-year"
    return date, "loose" if loose else None


@lru_cache(maxsize=64)
def _fixed_zone(minutes: int) -> timezone:
    """One tzinfo per offset: feeds repeat the same zone on every date."""
    return timezone(timedelta(minutes=minutes))


def _zone_offset(zone: str | None) -> int | None:
    """Minutes east of UTC for an RFC 822 zone; military letters other than Z count as UTC
    (RFC 2822 says their meaning was never reliable); None for a name no RFC defines."""
    if zone is None:
        return 0
    if zone[0] in "+-":
        minutes = int(zone[1:3]) * 60 + int(zone[3:])
        if int(zone[3:]) > 59:
            return None
        return -minutes if zone[0] == "-" else minutes
    upper = zone.upper()
    if upper in _ZONES:
        return _ZONES[upper] * 60
    if len(upper) == 1 and upper != "J":
        return 0
    return None


# --- comparing addresses ---------------------------------------------------------------------


def same_url(a: str, b: str) -> bool:
    """Whether two absolute URLs name the same resource, ignoring the case of scheme and host,
    a default port and an empty path (for self-link checks against --url)."""
    return _url_key(a) == _url_key(b)


def _url_key(text: str) -> tuple[str, ...]:
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        return (text,)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    netloc = (parts.hostname or "") + (f":{port}" if port and port != default else "")
    return (parts.scheme.lower(), netloc, parts.path or "/", parts.query, parts.fragment)


# Signs of a wrong encoding: C1 controls, U+FFFD (a character already lost), and UTF-8 bytes
# read as Latin-1 ("Ã©" for "é"). Shared by the validator and the seed reader.
_MISDECODED = re.compile(r"[\x80-\x9f\ufffd]|[\xc2\xc3][\x80-\xbf]")


SUSPECT_CHARS = "\x80-\x9f\xc2\xc3\ufffd"  # where `_MISDECODED` can start
_SUSPECT = re.compile(f"[{SUSPECT_CHARS}]")  # one character class: a fast scan


def misdecoded(text: str) -> re.Match[str] | None:
    """The first sign that `text` went through a wrong encoding, if any. The alternation is
    only tried where a suspect character is, which keeps clean text at scanning speed."""
    found = _SUSPECT.search(text)
    while found:
        sign = _MISDECODED.match(text, found.start())
        if sign:
            return sign
        found = _SUSPECT.search(text, found.start() + 1)
    return None

