"""parse_rfc822: RSS dates as RFC 822/2822 define them, and the ways real feeds get them wrong."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.validate import values
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


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    when=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    weekday=st.sampled_from(["right", "none", "wrong"]),
    edited=st.sampled_from(["nothing", "day", "hour", "minute", "second"]),
    edge=_TWO,
    zone=st.one_of(st.just("GMT"), st.tuples(st.sampled_from("+-"), _TWO, _TWO).map("".join)),
)
def test_the_common_form_reads_as_any_form_does(
    when: datetime, weekday: str, edited: str, edge: str, zone: str
) -> None:
    """The shortcut for the form nearly every feed writes gives what the general reading
    gives, or leaves the date to it (impossible days, leap seconds, wrong weekdays, zones).
    Dates that exist, one field at a time set to a value at the edge of its range."""
    fields = {"day": f"{when.day:02}", "hour": f"{when.hour:02}", "minute": f"{when.minute:02}",
              "second": f"{when.second:02}"}
    if edited in fields:
        fields[edited] = edge
    dow = {"right": f"{_DAYS[when.weekday()]}, ", "none": "",
           "wrong": f"{_DAYS[when.weekday() - 1]}, "}[weekday]
    text = (f"{dow}{fields['day']} {_MONTHS[when.month - 1]} {when.year:04} "
            f"{fields['hour']}:{fields['minute']}:{fields['second']} {zone}")
    common = values.common_rfc822(text)
    assert common is None or values._any_date(text) == (common, None)
