from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

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
