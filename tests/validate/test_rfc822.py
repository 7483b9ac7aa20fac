"""parse_rfc822: RSS dates as RFC 822/2822 define them, and the ways real feeds get them wrong."""

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.validate import values
from feeds.validate.collector import Collector
from feeds.validate.ext.core import Ctx
from feeds.validate.ext.kinds import is_plausible, plausible_days
from feeds.validate.values import parse_rfc822


def test_strict_date_parses_without_problem():
    assert parse_rfc822("Sat, 07 Sep 2002 00:00:01 GMT") == (
        datetime(2002, 9, 7, 0, 0, 1, tzinfo=UTC), None)


def test_numeric_offset_is_applied():
    date, problem = parse_rfc822("7 Sep 2002 09:30 +0130")
    assert problem is None
    assert date.utcoffset() == timedelta(hours=1, minutes=30)


def test_named_zone_is_applied():
    date, _ = parse_rfc822("Sat, 07 Sep 2002 00:00:01 EST")
    assert date.tzinfo == timezone(timedelta(hours=-5))


@pytest.mark.parametrize("text", [
    "Sat,07 Sep 2002 00:00:01 GMT",  # no space after the comma
    "sat, 07 sep 2002 00:00:01 gmt",  # lower case
    "Sat, 07 Sep 2002 00:00:01",  # no zone
    "Sat (a comment), 07 Sep 2002 00:00:01 GMT",
    "Sat, 07 Sep 2002 00:00:01 A",  # military zone
])
def test_readable_but_loose_dates(text):
    date, problem = parse_rfc822(text)
    assert (date is not None, problem) == (True, "loose")


def test_two_digit_year_is_flagged_and_read_in_the_right_century():
    date, problem = parse_rfc822("Sat, 07 Sep 02 00:00:01 GMT")
    assert (date.year, problem) == (2002, "two-digit-year")


def test_wrong_day_of_week():
    assert parse_rfc822("Fri, 07 Sep 2002 00:00:01 GMT")[1] == "weekday"


@pytest.mark.parametrize("text", ["Sat, 30 Feb 2002 00:00:01 GMT", "07 Sep 2002 25:00 GMT",
                                  "07 Sep 2002 10:61 GMT", "Sat, 07 Sep 2002 00:00:01 -2400"])
def test_impossible_dates(text):
    assert parse_rfc822(text) == (None, "impossible")


@pytest.mark.parametrize("text", ["Sat, 07 Sep 2002 00:00:01 CET", "07 Sep 2002 00:00 +0199",
                                  "Sat, 07 Sep 2002 00:00:01 +0260"])
def test_unknown_zones(text):
    assert parse_rfc822(text) == (None, "zone")


@pytest.mark.parametrize("text", ["2002-09-07T00:00:01Z", "", "Saturday, 07 Sep 2002 00:00 GMT",
                                  "07 September 2002 00:00 GMT", "yesterday"])
def test_not_rfc822(text):
    assert parse_rfc822(text) == (None, "format")


# Two digits, the values at the edges of every field more often than the rest.
_TWO = st.one_of(st.sampled_from(["00", "01", "23", "24", "28", "29", "31", "59", "60", "61"]),
                 st.integers(0, 99).map("{:02}".format))


_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


_ZONE = st.one_of(st.just("GMT"), st.tuples(st.sampled_from("+-"), _TWO, _TWO).map("".join))
_ANY_TIME = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))


@st.composite
def common_form(draw: st.DrawFn, when: st.SearchStrategy[datetime] = _ANY_TIME) -> str:
    """Dates of the common form that exist, one field at a time set to a value at the edge of
    its range, the weekday right, left out or wrong, in any zone."""
    moment = draw(when)
    fields = {"day": f"{moment.day:02}", "hour": f"{moment.hour:02}",
              "minute": f"{moment.minute:02}", "second": f"{moment.second:02}"}
    edited = draw(st.sampled_from(["nothing", "day", "hour", "minute", "second"]))
    if edited in fields:
        fields[edited] = draw(_TWO)
    weekday = draw(st.sampled_from(["right", "none", "wrong"]))
    dow = {"right": f"{_DAYS[moment.weekday()]}, ", "none": "",
           "wrong": f"{_DAYS[moment.weekday() - 1]}, "}[weekday]
    return (f"{dow}{fields['day']} {_MONTHS[moment.month - 1]} {moment.year:04} "
            f"{fields['hour']}:{fields['minute']}:{fields['second']} {draw(_ZONE)}")


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(text=common_form())
def test_the_common_form_reads_as_any_form_does(text: str) -> None:
    """The shortcut for the form nearly every feed writes gives what the general reading
    gives, or leaves the date to it (impossible days, leap seconds, wrong weekdays, zones)."""
    common = values.common_rfc822(text)
    assert common is None or values._any_date(text) == (common, None)


_SHAPE = re.compile(f"({values.COMMON_RFC822_DAY}) {values.COMMON_RFC822_TIME}")
# Around the earliest plausible date, and anywhere.
_NEAR_EDGES = st.one_of(st.datetimes(datetime(1989, 12, 25), datetime(1990, 1, 8)), _ANY_TIME)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(text=common_form(_NEAR_EDGES), ahead=st.timedeltas(timedelta(days=-4), timedelta(days=4)))
def test_a_day_is_plausible_only_when_every_date_of_it_is(text: str, ahead: timedelta) -> None:
    """The quick check of RSS items takes a date on one of the `plausible_days`, which
    must then be clean and plausible as `common_rfc822` and `is_plausible` read it, and so
    must the first and the last instant a date of that day can name: clocks a few days either
    side of the date, days at the edges of the calendar and of 1990."""
    shape = _SHAPE.fullmatch(text)
    day = values.common_rfc822_day(shape[1]) if shape else None
    if day is None:
        return
    noon = datetime.fromordinal(day).replace(hour=12, tzinfo=UTC)
    cx = Ctx(Collector(), foreign=None, now=noon + ahead)
    if day in plausible_days(cx.now):
        first, last = f"{shape[1]} 00:00:00 +2359", f"{shape[1]} 23:59:59 -2359"
        for date_text in (text, first, last):
            date = values.common_rfc822(date_text)
            assert date is not None and is_plausible(cx, date), date_text
