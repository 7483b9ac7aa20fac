"""Dates in seed headlines, and the rule that keeps every entry's `updated` instant distinct.

A seed's first line is `date <date> <headline>`, and nothing marks where the date ends. The date
is the longest leading run of words that python-dateutil parses (never fuzzily) as a complete
calendar date, extended only by words that can only belong to a time of day: clock times
(`14:30`), am/pm and zones (`GMT`, `+0200`). That rule is what keeps `2016-09-19 May elections`,
`2016-09-19 Sun sets` and `2016-09-19 10 dead` from losing their first word: dateutil would take
`Sun` as a weekday and `10` as an hour, but neither can follow a complete date in a real dateline.

dateutil is the slow part of reading a seed, so the forms seeds commonly use are read without it,
to exactly what it gives: ISO 8601 by `datetime.fromisoformat`, and dates with a month name and a
four-digit year (`5 March 2024`, `Mar 5, 2024`, RFC 822's `Tue, 05 Mar 2024 14:07:00 GMT`) by one
regular expression (`_quick_date`). Anything else, or anything odd in those, is left to dateutil.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache

from dateutil import parser as dateparser
from dateutil import tz

# Zones that dateutil does not know by abbreviation but newsrooms write.
_ZONES = {
    name: tz.tzoffset(name, hours * 3600)
    for name, hours in {
        "EST": -5,
        "EDT": -4,
        "CST": -6,
        "CDT": -5,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
    }.items()
}
_TIME_WORD = re.compile(
    r"^(\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|z)?|[ap]\.?m\.?|utc|gmt|ut|z|"
    r"[+-]\d{2}:?\d{2}|" + "|".join(_ZONES).lower() + r")[,.]?$",
    re.IGNORECASE,
)
_MAX_DATE_WORDS = 8
# What dateutil raises on odd input: ParserError (a ValueError), and from its arithmetic
# OverflowError and decimal.InvalidOperation (an ArithmeticError), found by fuzzing.
_DATEUTIL_ERRORS = (ValueError, OverflowError, ArithmeticError)
# Earlier dates are typos or unset values (validators flag them), and RFC 822 needs 4 digits.
FIRST_YEAR = 1970
# Real zones span UTC-12 to UTC+14 (found by fuzzing: dateutil accepts "+9999").
MAX_OFFSET = timedelta(hours=14)
# ISO 8601 dates and date-times, the common case: parsed by datetime itself, 50 times faster.
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$")
# A complete date names a year: four digits, or a numeric date such as 03/04/16. Prefixes
# without one are not handed to dateutil at all (it is the slow part of reading a seed).
_MAY_HOLD_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")
# Two defaults that differ in every field: a field that comes out differently was not written.
_DEFAULTS = (datetime(2001, 1, 1, 0, 0, 0), datetime(2002, 2, 2, 1, 1, 1))
# dateutil's own month and weekday names (`Sept` included), in any ASCII case as it reads them.
_MONTHS = {
    name.lower(): number
    for number, names in enumerate(dateparser.parserinfo.MONTHS, 1)
    for name in names
}
_MONTH = "(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?i:" + "|".join(n for names in dateparser.parserinfo.WEEKDAYS for n in names) + ")"
# `[Weekday[,]] D Month[,] YYYY` or `[Weekday[,]] Month D[,] YYYY`, then an optional time and
# after it an optional zone (dateutil reads a zone only after a time). dateutil ignores the weekday
# once the day is known, and a month name with a year of four digits fixes which number is the day
# whatever dayfirst says. Zones: the upper-case names dateutil knows (it takes only upper case as
# a zone name) and offsets up to 14 hours with minutes below 60. ASCII only: matched without
# regard to case, Unicode would take `Auguſt` for `August`, which dateutil does not.
_NAMED_DATE = re.compile(
    rf"(?:{_WEEKDAY},? )?(?:(?P<day>\d{{1,2}}) (?P<month>{_MONTH})|(?P<month_first>{_MONTH}) "
    r"(?P<day_second>\d{1,2})),? (?P<year>[1-9]\d{3})"
    r"(?: (?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?: (?P<zone>GMT|UTC|[Zz]|" + "|".join(_ZONES) + r"|[+-](?:0\d|1[0-4]):?[0-5]\d))?)?",
    re.ASCII,
)


def split_dateline(text: str, *, dayfirst: bool = False) -> tuple[str, str] | None:
    """Split `<date> <headline>` into the date's words and the rest, or None if no date leads."""
    words = text.split(maxsplit=_MAX_DATE_WORDS + 4)
    end = _first_complete_date(words, dayfirst)
    if end is None:
        return None
    while end < len(words) and _TIME_WORD.match(words[end]) and _parses(words[: end + 1], dayfirst):
        end += 1
    return " ".join(words[:end]), " ".join(" ".join(words[end:]).split())


def parse_date(text: str, zone: tzinfo, *, dayfirst: bool = False) -> datetime:
    """An aware datetime; a date without a zone is in `zone`, one without a time is 00:00 there.
    Raises ValueError for text that is not a complete date."""
    if _ISO.match(text):
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"not a date: {text!r}") from exc
    else:
        parsed = _complete(text, dayfirst)
        if parsed is None:
            raise ValueError(f"not a complete date (year, month and day): {text!r}")
    if parsed.year < FIRST_YEAR:
        raise ValueError(f"implausible date {text!r}: the year must be {FIRST_YEAR} or later")
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone)
    try:
        offset = parsed.utcoffset()
    except ValueError:  # dateutil accepts offsets of a day or more; datetime does not
        offset = MAX_OFFSET * 2
    if offset is None or abs(offset) > MAX_OFFSET:
        raise ValueError(f"impossible time zone offset in {text!r}")
    return parsed


def to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def distinct_instants(instants: Iterable[datetime]) -> list[datetime]:
    """Make equal instants distinct, deterministically: walking the instants in the order given
    (the caller passes them in seed-file order), each one that equals an instant already taken
    moves forward one second at a time until it is free. The first seed of a day keeps its time;
    the W3C validator warns when entries share an atom:updated value."""
    taken: set[datetime] = set()
    result = []
    for moment in instants:
        while moment in taken:
            moment += timedelta(seconds=1)
        taken.add(moment)
        result.append(moment)
    return result


def _first_complete_date(words: list[str], dayfirst: bool) -> int | None:
    if words and _ISO.match(words[0]):
        return 1
    for end in range(1, min(len(words), _MAX_DATE_WORDS) + 1):
        text = " ".join(words[:end])
        if _MAY_HOLD_YEAR.search(text) and _complete(text, dayfirst) is not None:
            return end
    return None


def _parses(words: list[str], dayfirst: bool) -> bool:
    text = " ".join(words)
    if _quick_date(text) is not None:
        return True
    try:
        dateparser.parse(text, default=_DEFAULTS[0], dayfirst=dayfirst, tzinfos=_ZONES)
    except _DATEUTIL_ERRORS:
        return False
    return True


@lru_cache(maxsize=256)
def _complete(text: str, dayfirst: bool) -> datetime | None:
    """The date `text` names if it names year, month and day, else None. Cached: the dateline
    split and the parse that follows ask about the same text."""
    quick = _quick_date(text)
    return quick if quick is not None else _dateutil_complete(text, dayfirst)


def _dateutil_complete(text: str, dayfirst: bool) -> datetime | None:
    """`_complete` by dateutil, parsing twice: with two defaults that differ in every field, the
    year, month and day were all written if they come out the same."""
    try:
        a, b = (
            dateparser.parse(text, default=d, dayfirst=dayfirst, tzinfos=_ZONES) for d in _DEFAULTS
        )
    except _DATEUTIL_ERRORS:
        return None
    return a if (a.year, a.month, a.day) == (b.year, b.month, b.day) else None


def _quick_date(text: str) -> datetime | None:
    """The datetime dateutil gives for `text` if `text` is one of the common forms with a month name
    (`_NAMED_DATE`), read without it; None for anything else, for impossible dates (dateutil makes
    its own error) and for a zone dateutil would take as the machine's: dateutil decides those.
    dayfirst cannot matter here, so it is not asked."""
    match = _NAMED_DATE.fullmatch(text)
    if match is None:
        return None
    month = _MONTHS[(match["month"] or match["month_first"]).lower()]
    day = int(match["day"] or match["day_second"])
    hour, minute, second = (int(match[name] or 0) for name in ("hour", "minute", "second"))
    try:
        naive = datetime(int(match["year"]), month, day, hour, minute, second)
    except ValueError:
        return None
    if match["zone"] is None:
        return naive
    zone = _quick_zone(match["zone"])
    return None if zone is None else naive.replace(tzinfo=zone)


def _quick_zone(word: str) -> tzinfo | None:
    """The tzinfo dateutil attaches for a zone word of `_NAMED_DATE`, or None where it would attach
    tzlocal(): it does when the zone's name is one of time.tzname, and it names Z and a zero offset
    `UTC` (so on a machine set to UTC, `Z`, `UTC` and `+0000` are local time to dateutil)."""
    if word in _ZONES:
        return _ZONES[word]
    if word in ("GMT", "UTC"):
        name, offset = word, 0
    elif word in ("Z", "z"):
        name, offset = "UTC", 0
    else:  # ±hh[:]mm
        sign = 1 if word[0] == "+" else -1
        offset = sign * (int(word[1:3]) * 3600 + int(word[-2:]) * 60)
        name = "UTC" if offset == 0 else None
    if name in time.tzname:
        return None
    return tz.UTC if offset == 0 else tz.tzoffset(None, offset)
