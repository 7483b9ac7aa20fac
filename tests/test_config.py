from pathlib import Path

import pytest

from feeds.config import FeedSpec, load_settings
from feeds.errors import InputError

BASE = 'title = "T"\ndescription = "D"\nbase_url = "https://example.org"\nauthor = { name = "A" }\n'


def load(tmp_path: Path, text: str, name: str = "feeds.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    return str(caught.value)


def test_defaults(tmp_path):
    settings = load(tmp_path, BASE)
    assert settings.base_url == "https://example.org/"
    assert (settings.language, settings.summary_max_chars, settings.max_entries) == ("en", 300, 50)
    assert settings.tag_authority == "example.org"
    assert settings.dayfirst is False
    assert str(settings.timezone) == "UTC"
    assert settings.feeds == (FeedSpec("feed", "T"),)
    assert settings.seeds_dir == tmp_path / "seeds"


def test_pyproject_reads_tool_feeds(tmp_path):
    text = "[project]\nname = 'x'\n[tool.feeds]\n" + BASE
    assert load(tmp_path, text, "pyproject.toml").title == "T"


def test_pyproject_without_table_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no \\[tool.feeds\\] table"):
        load(tmp_path, "[project]\nname = 'x'\n", "pyproject.toml")


def test_missing_required_key_is_named(tmp_path):
    assert "base_url: missing (required)" in error(tmp_path, 'title = "T"\ndescription = "D"\n')


def test_unknown_key_lists_the_allowed_ones(tmp_path):
    message = error(tmp_path, BASE + "colour = 1\n")
    assert "colour: unknown key (allowed: title," in message


def test_bad_value_says_what_is_allowed(tmp_path):
    assert "max_entries: must be a positive integer, got 0" in error(
        tmp_path, BASE + "max_entries = 0\n"
    )


def test_relative_base_url_is_refused(tmp_path):
    text = BASE.replace("https://example.org", "/news")
    assert "base_url: must be an absolute http(s) URL" in error(tmp_path, text)


def test_unknown_time_zone_is_refused(tmp_path):
    assert "timezone: must be an IANA time zone" in error(
        tmp_path, BASE + 'timezone = "Mars/Base"\n'
    )


def test_invalid_toml_is_reported(tmp_path):
    assert "not valid TOML" in error(tmp_path, "title = \n")


def test_feed_list_with_tag_filters(tmp_path):
    text = (
        BASE
        + '[[feeds]]\nname = "main"\n[[feeds]]\nname = "sport"\ntitle = "Sport"\ntags = ["sport"]\n'
    )
    assert load(tmp_path, text).feeds == (
        FeedSpec("main", "T"),
        FeedSpec("sport", "Sport", ("sport",)),
    )


def test_duplicate_feed_names_are_refused(tmp_path):
    text = BASE + '[[feeds]]\nname = "a"\n[[feeds]]\nname = "a"\n'
    assert "feeds[1].name: repeats the feed name 'a'" in error(tmp_path, text)
