"""Property-based tests: any seed either builds clean feeds that round-trip, or is refused with
one clear InputError; the validator never raises; dates survive every output format."""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.config import settings_from
from feeds.errors import InputError
from feeds.model import Record, body_html, make_entries, make_feed
from feeds.seeds import parse_seed
from feeds.summarize import summarize
from feeds.validate import Severity, validate_bytes
from feeds.writers import atom, jsonfeed, rss

SETTINGS = settings_from(
    {
        "title": "Props",
        "description": "Property tests",
        "base_url": "https://example.org/",
        "author": {"name": "Ann", "email": "ann@example.org"},
    },
    Path("feeds.toml"),
)
RENDERERS = {"atom.xml": atom.render, "rss.xml": rss.render, "json": jsonfeed.render}
PATH = Path("seeds/prop.txt")
FAST = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80
)


@st.composite
def seeds(draw) -> bytes:
    """Seed files that are mostly well-formed, with arbitrary text in every slot."""
    headline = draw(words)
    headers = draw(
        st.lists(
            st.sampled_from(["author", "tags", "title", "summary", "colour"]).flatmap(
                lambda key: words.map(lambda value: f"{key} {value}")
            ),
            max_size=3,
        )
    )
    paragraphs = draw(st.lists(text, min_size=0, max_size=5))
    body = "\n\n".join(paragraphs)
    return "\n".join([f"date 2016-09-19 {headline}", *headers, "", body]).encode()


def render(article) -> dict[str, bytes]:
    summary = article.summary or summarize("\n\n".join(article.paragraphs), 300, article.headline)
    (entry,) = make_entries([Record.of(article, summary, "digest")], SETTINGS)
    entry = replace(entry, content_html=body_html(article.paragraphs))
    feed = make_feed(SETTINGS.feeds[0], [entry], SETTINGS)
    return {name: renderer(feed) for name, renderer in RENDERERS.items()}


def assert_clean(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        report = validate_bytes(data, name, url=f"https://example.org/feed.{name}")
        problems = [m for m in report.messages if m.severity is not Severity.INFO]
        assert problems == [], (name, problems)


@FAST
@given(seeds())
def test_any_seed_builds_clean_round_tripping_feeds_or_is_refused(data):
    try:
        article = parse_seed(data, PATH, UTC)
    except InputError as exc:
        assert str(exc).startswith(str(PATH)) and "\n" not in str(exc)
        return
    files = render(article)
    assert_clean(files)
    for name in ("atom.xml", "rss.xml"):
        result = feedparser.parse(files[name])
        assert result.bozo == 0
        (entry,) = result.entries
        assert entry.title == article.title
        assert entry.id == "tag:example.org,2016:prop"
        assert entry.link == "https://example.org/articles/prop.html"
    item = json.loads(files["json"])["items"][0]
    assert item["title"] == article.title


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_an_article_or_an_input_error(data):
    try:
        parse_seed(data, PATH, UTC)
    except InputError as exc:
        assert "\n" not in str(exc)


@FAST
@given(st.binary(max_size=2000))
def test_validator_never_raises_on_any_bytes(data):
    report = validate_bytes(data, "fuzz")
    assert report.format in ("atom", "rss", "rdf", "json", "unknown")


@FAST
@given(st.data())
def test_validator_never_raises_on_damaged_feeds(data):
    article = parse_seed(b"date 2016-09-19 Headline\n\nFirst. Second & third.\n", PATH, UTC)
    name = data.draw(st.sampled_from(sorted(RENDERERS)))
    document = bytearray(render(article)[name])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(document) - 1))
        document[position] = data.draw(st.integers(0, 255))
    validate_bytes(bytes(document), name)


@FAST
@given(
    st.datetimes(
        min_value=datetime(1971, 1, 1),
        max_value=datetime(2099, 12, 31),
        timezones=st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
    ),
)
def test_dates_round_trip_through_every_format(moment):
    moment = moment.replace(microsecond=0)
    seed = f"date {moment.isoformat()} Headline\n\nBody.\n".encode()
    files = render(parse_seed(seed, PATH, UTC))
    expected = moment.astimezone(UTC)
    for name in ("atom.xml", "rss.xml"):
        parsed = feedparser.parse(files[name]).entries[0].published_parsed
        assert datetime.fromtimestamp(calendar.timegm(parsed), UTC) == expected
    item = json.loads(files["json"])["items"][0]
    assert datetime.fromisoformat(item["date_published"]) == expected
