"""`feeds new`: a seed dated today in the configured zone, that parses, never over another."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from feeds.cli import main
from feeds.new import SLUG_MAX, slug
from feeds.seeds import read_seed

UTC = ZoneInfo("UTC")


def new(site, *args: str) -> int:
    return main(["new", *args, "--config", str(site.config)])


def written(capsys) -> Path:
    """The path `feeds new` printed: its only line on stdout."""
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return Path(out.strip())


def test_names_the_seed_after_today_in_the_configured_zone(site, capsys):
    zone = ZoneInfo("Pacific/Kiritimati")  # UTC+14: its date is often not the machine's
    site.configure('timezone = "Pacific/Kiritimati"\n')
    days = {datetime.now(zone).date()}
    assert new(site, "Council closes bridge") == 0
    days.add(datetime.now(zone).date())  # the test may straddle midnight there
    path = written(capsys)
    assert path.parent == site.seeds
    assert path.name in {f"{day.isoformat()}-council-closes-bridge.txt" for day in days}
    assert read_seed(path, zone).published.time() == time(0, 0)


def test_seed_parses_with_the_headline_and_tags(site, capsys):
    assert new(site, "Storm & <rain> ahead", "--tags", "weather, local,,weather") == 0
    article = read_seed(written(capsys), UTC)
    assert article.title == "Storm & <rain> ahead"
    assert article.tags == ("weather", "local")
    assert article.paragraphs  # a placeholder that tells the author what to write


def test_seed_without_tags_has_no_tags_header(site, capsys):
    assert new(site, "Council closes bridge") == 0
    lines = written(capsys).read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(" Council closes bridge")
    assert lines[1] == ""


def test_headline_that_looks_like_a_time_keeps_title_and_midnight(site, capsys):
    assert new(site, "14:30 deadline missed") == 0
    article = read_seed(written(capsys), UTC)
    assert article.title == "14:30 deadline missed"
    assert article.published.time() == time(0, 0)


def test_line_breaks_in_the_headline_become_spaces(site, capsys):
    assert new(site, "Council\ncloses\t bridge") == 0
    assert read_seed(written(capsys), UTC).title == "Council closes bridge"


def test_new_seed_builds(site, capsys):
    assert new(site, "Council closes bridge") == 0
    stem = written(capsys).stem
    assert site.build() == 0
    assert (site.public / "articles" / f"{stem}.html").is_file()


def test_never_overwrites_an_existing_seed(site, capsys):
    assert new(site, "Council closes bridge") == 0
    first = written(capsys)
    first.write_text("date 2016-09-19 Edited by the author\n", encoding="utf-8")
    assert new(site, "Council closes bridge") == 0
    assert new(site, "Council closes bridge") == 0
    second, third = capsys.readouterr().out.split()
    assert Path(second).name == first.name.replace(".txt", "-2.txt")
    assert Path(third).name == first.name.replace(".txt", "-3.txt")
    assert first.read_text(encoding="utf-8") == "date 2016-09-19 Edited by the author\n"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Storm & <rain> ahead!", "storm-rain-ahead"),
        ("Ærøskøbing: straße café reopens", "aeroskobing-strasse-cafe-reopens"),
        ("東京 marathon 2026", "marathon-2026"),
        ("東京", "article"),
    ],
)
def test_slug_is_lowercase_ascii_words_joined_by_hyphens(headline, expected):
    assert slug(headline) == expected


def test_long_slug_is_cut_at_a_word_boundary():
    headline = "The council voted on Tuesday to close the old bridge after engineers warned it"
    result = slug(headline)
    assert len(result) <= SLUG_MAX
    assert headline.lower().replace(" ", "-").startswith(result + "-")


@pytest.mark.parametrize("headline", ["", "  \n\t "])
def test_empty_headline_is_a_usage_error(site, capsys, headline):
    assert new(site, headline) == 2
    captured = capsys.readouterr()
    assert captured.err == "feeds new: the headline is empty\n"
    assert not list(site.seeds.iterdir())


def test_bad_configuration_is_one_line_and_exit_2(site, capsys):
    site.configure('timezone = "Mars/Olympus"\n')
    assert new(site, "Council closes bridge") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "timezone" in err
    assert not list(site.seeds.iterdir())
