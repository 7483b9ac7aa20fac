"""Dates in seed headlines, and the rule that keeps every entry's `updated` instant distinct.

A seed's first line is `date <date> <headline>`, and nothing marks where the date ends. The date
is the longest leading run of words that python-dateutil parses (never fuzzily) as a complete
calendar date, extended only by words that can only belong to a time of day: clock times
(`14:30`), am/pm and zones (`GMT`, `+0200`). That rule is what keeps `2016-09-19 May elections`,
`2016-09-19 Sun sets` and `2016-09-19 10 dead` from losing their first word: dateutil would take
`Sun` as a weekday and `10` as an hour, but neither can follow a complete date in a real dateline.
"""

from __future__ import annotations

import re
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
    try:
        dateparser.parse(" ".join(words), default=_DEFAULTS[0], dayfirst=dayfirst, tzinfos=_ZONES)
    except _DATEUTIL_ERRORS:
        return False
    return True


@lru_cache(maxsize=256)
def _complete(text: str, dayfirst: bool) -> datetime | None:
    """The date `text` names if it names year, month and day, else None. Cached: the dateline
    split and the parse that follows ask about the same text."""
    try:
        a, b = (
            dateparser.parse(text, default=d, dayfirst=dayfirst, tzinfos=_ZONES) for d in _DEFAULTS
        )
    except _DATEUTIL_ERRORS:
        return None
    return a if (a.year, a.month, a.day) == (b.year, b.month, b.day) else None
