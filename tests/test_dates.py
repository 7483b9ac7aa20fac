import time
from datetime import UTC, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from dateutil import parser as dateparser
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds import dates
from feeds.dates import distinct_instants, parse_date, split_dateline


@pytest.mark.parametrize(
    ("line", "date", "headline"),
    [
        ("2016-09-19 Storm hits coast", "2016-09-19", "Storm hits coast"),
        ("19 September 2016 Storm hits coast", "19 September 2016", "Storm hits coast"),
        ("Sep 19, 2016 Storm hits coast", "Sep 19, 2016", "Storm hits coast"),
        ("2016-09-19T14:30:00+02:00 Storm", "2016-09-19T14:30:00+02:00", "Storm"),
        ("Mon, 19 Sep 2016 14:30:00 GMT Storm", "Mon, 19 Sep 2016 14:30:00 GMT", "Storm"),
        ("2016-09-19 14:30 Storm", "2016-09-19 14:30", "Storm"),
    ],
)
def test_date_formats_are_split_from_the_headline(line, date, headline):
    assert split_dateline(line) == (date, headline)


@pytest.mark.parametrize(
    "headline",
    ["May elections loom", "March of the penguins", "Sun sets on empire", "10 dead in crash"],
)
def test_headline_starting_with_a_date_like_word_is_not_swallowed(headline):
    assert split_dateline(f"2016-09-19 {headline}") == ("2016-09-19", headline)


def test_no_leading_date_gives_none():
    assert split_dateline("Storm hits coast") is None


def test_year_alone_is_not_a_complete_date():
    assert split_dateline("2016 Olympics open") is None


def test_date_without_zone_is_in_the_configured_zone():
    paris = ZoneInfo("Europe/Paris")
    assert parse_date("2016-09-19 14:30", paris) == datetime(2016, 9, 19, 14, 30, tzinfo=paris)


def test_date_without_time_is_midnight_in_the_zone():
    assert parse_date("19 September 2016", UTC) == datetime(2016, 9, 19, tzinfo=UTC)


def test_explicit_offset_wins_over_the_configured_zone():
    moment = parse_date("2016-09-19T14:30:00+02:00", UTC)
    assert moment.utcoffset() == timedelta(hours=2)


def test_rfc822_gmt_date_is_utc():
    assert parse_date("Mon, 19 Sep 2016 14:30:00 GMT", UTC) == datetime(
        2016, 9, 19, 14, 30, tzinfo=UTC
    )


def test_ambiguous_numeric_date_is_month_first_by_default():
    assert parse_date("03/04/2016", UTC).month == 3


def test_ambiguous_numeric_date_follows_dayfirst():
    assert parse_date("03/04/2016", UTC, dayfirst=True).month == 4


def test_incomplete_date_is_refused():
    with pytest.raises(ValueError):
        parse_date("September 2016", UTC)


def test_equal_instants_are_made_distinct_in_order():
    day = datetime(2016, 9, 19, tzinfo=UTC)
    other = datetime(2016, 9, 20, tzinfo=UTC)
    result = distinct_instants([day, other, day, day])
    assert result == [day, other, day + timedelta(seconds=1), day + timedelta(seconds=2)]


def test_implausibly_early_year_is_refused():
    with pytest.raises(ValueError, match="year must be 1970 or later"):
        parse_date("210-09-19", UTC)


def test_input_that_breaks_dateutil_arithmetic_is_not_a_date():
    # dateutil raises decimal.InvalidOperation on this (found by fuzzing the seed parser)
    assert split_dateline("40 " + "8" * 53 + ":" + "8" * 50 + " headline") is None


@pytest.mark.parametrize(
    "text", ["2016-09-19 10:00 +2500", "Mon, 19 Sep 2016 10:00:00 +9999", "2016-09-19 10:00 -15:00"]
)
def test_impossible_zone_offset_is_refused(text):
    with pytest.raises(ValueError, match="impossible time zone offset"):
        parse_date(text, UTC)


# Local zone names that are none of the fast path's zones: dateutil takes a zone named like the
# machine's own as tzlocal(), and the fast path leaves those to it.
ELSEWHERE = ("CET", "CEST")


@pytest.mark.parametrize(
    ("date", "moment"),
    [
        ("5 March 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("05 mar 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("19 September, 2016", datetime(2016, 9, 19, tzinfo=UTC)),
        ("Mar 5, 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("SEPT 19 2016", datetime(2016, 9, 19, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 14:07:00 GMT", datetime(2024, 3, 5, 14, 7, tzinfo=UTC)),
        ("Monday 19 Sep 2016 9:30", datetime(2016, 9, 19, 9, 30, tzinfo=UTC)),
        ("Sep 19, 2016 14:30 UTC", datetime(2016, 9, 19, 14, 30, tzinfo=UTC)),
        ("19 Sep 2016 14:30:05 Z", datetime(2016, 9, 19, 14, 30, 5, tzinfo=UTC)),
        ("19 Sep 2016 14:30 +0200", datetime(2016, 9, 19, 12, 30, tzinfo=UTC)),
        ("19 Sep 2016 14:30 -05:30", datetime(2016, 9, 19, 20, 0, tzinfo=UTC)),
        ("19 Sep 2016 14:30 -0000", datetime(2016, 9, 19, 14, 30, tzinfo=UTC)),
        ("19 Sep 2016 14:30 PDT", datetime(2016, 9, 19, 21, 30, tzinfo=UTC)),
    ],
)
@pytest.mark.parametrize("dayfirst", [False, True])
def test_common_form_is_read_without_dateutil(date, moment, dayfirst):
    dates._complete.cache_clear()
    with (
        mock.patch.object(time, "tzname", ELSEWHERE),
        mock.patch.object(dateparser, "parse", side_effect=AssertionError("dateutil called")),
    ):
        assert split_dateline(f"{date} Storm hits coast", dayfirst=dayfirst) == (
            date,
            "Storm hits coast",
        )
        assert parse_date(date, UTC, dayfirst=dayfirst) == moment


def _cased(names: list[str]) -> st.SearchStrategy[str]:
    """Names in the cases dateutil reads alike."""
    cases = [str, str.lower, str.upper, str.swapcase]
    return st.builds(lambda name, case: case(name), st.sampled_from(names), st.sampled_from(cases))


def _number(low: int, high: int) -> st.SearchStrategy[str]:
    """A number as written, with or without a leading zero; the ends drawn as often as the rest."""
    values = st.sampled_from([low, high]) | st.integers(low, high)
    return st.builds(str.format, st.sampled_from(["{}", "{:02d}"]), values)


MONTH_NAMES = [name for names in dateparser.parserinfo.MONTHS for name in names]
WEEKDAY_NAMES = [name for names in dateparser.parserinfo.WEEKDAYS for name in names]
# Each field of a date line: as newsrooms write it (good; days up to 31 in every month), and
# just outside the fast path's forms or the calendar (odd), where it must decline or agree.
FIELDS = {
    "weekday": (
        st.just("") | st.builds(str.__add__, _cased(WEEKDAY_NAMES), st.sampled_from(["", ","])),
        st.sampled_from(["Tues,", "Thurs", "Mo,", "Tue.", "Tuesday,,", "Sun-"]),
    ),
    "day": (
        _number(1, 31) | st.sampled_from(["29", "30", "31"]),
        st.sampled_from(["0", "00", "32", "99", "013", "٥", "1st"]),
    ),
    "month": (
        _cased(MONTH_NAMES),
        st.sampled_from(["Sepember", "Mrch", "Juin", "Sept.", "Mayo", "M4rch", "Ｍarch", "Auguſt"]),
    ),
    "year": (
        st.sampled_from(["1969", "1970", "1000", "9999"]) | st.integers(1970, 2040).map(str),
        st.sampled_from(["24", "70", "0099", "0999", "20245", "٢٠٢٤", "2024."]),
    ),
    "time": (
        st.just("")
        | st.builds(
            "{}:{}{}".format,
            _number(0, 23),
            st.sampled_from(["00", "07", "59"]),
            st.sampled_from(["", ":00", ":59"]),
        ),
        st.sampled_from(["24:00", "23:60", "12:00:60", "12:7", "012:00", "12:00:05.5", "١٢:00"]),
    ),
    "zone": (
        st.sampled_from(["", "GMT", "UTC", "Z", "z", "EST", "PDT", "+0200", "-05:30", "-00:00"]),
        st.sampled_from(["UT", "gmt", "est", "CET", "GMT+2", "+02:0"])
        | st.sampled_from(["+0000", "+1459", "+1500", "+9999", "+0260", "+02"]),
    ),
}
AFTER = ["Storm", "am", "pm", "10", "14:30", "GMT", "+0200", "Sun", "May", "2024", "Z", "EST"]


@st.composite
def datelines(draw) -> str:
    """Lines that start with a date in one of the fast path's forms, with at most one field odd,
    then words that may be taken for a time."""
    odd = draw(st.sampled_from([None] * 4 + list(FIELDS)))
    field = {name: draw(choices[name == odd]) for name, choices in FIELDS.items()}
    pair = [field["day"], field["month"]]
    if draw(st.booleans()):
        pair.reverse()
    pair[1] += draw(st.sampled_from(["", ","]))
    words = [field["weekday"], *pair, field["year"], field["time"], field["zone"]]
    words += draw(st.lists(st.sampled_from(AFTER), max_size=2))
    return " ".join(word for word in words if word)


def _read(line: str, dayfirst: bool) -> tuple:
    """Everything the module makes of `line`: its split, and the date of the split and of the
    whole line (as a header's value would be read)."""
    dates._complete.cache_clear()
    split = split_dateline(line, dayfirst=dayfirst)
    texts = [line] if split is None else [split[0], line]
    return split, [_parsed(text, dayfirst) for text in texts]


def _parsed(text: str, dayfirst: bool) -> tuple | None:
    try:
        return _exact(parse_date(text, UTC, dayfirst=dayfirst))
    except ValueError as exc:
        return ("error", str(exc))


def _exact(moment: datetime | None) -> tuple | None:
    """A datetime as compared here: its fields, its fold and its zone by repr (tzutc() and
    tzlocal() are equal zones on a machine set to UTC, but not the same result)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=None), moment.fold, repr(moment.tzinfo)


@settings(derandomize=True, deadline=None, max_examples=1500, database=None)
@given(
    line=datelines(),
    dayfirst=st.booleans(),
    local=st.sampled_from([ELSEWHERE, ("UTC", "UTC"), ("GMT", "BST"), ("EST", "EDT")]),
)
@pytest.mark.filterwarnings("ignore::dateutil.parser.UnknownTimezoneWarning")
def test_fast_path_gives_what_dateutil_gives(line, dayfirst, local):
    with mock.patch.object(time, "tzname", local):
        words = line.split()
        for end in range(1, len(words) + 1):
            text = " ".join(words[:end])
            quick = dates._quick_date(text)
            if quick is not None:
                assert _exact(quick) == _exact(dates._dateutil_complete(text, dayfirst)), text
        fast = _read(line, dayfirst)
        with mock.patch.object(dates, "_quick_date", lambda text: None):
            assert fast == _read(line, dayfirst)
    dates._complete.cache_clear()
