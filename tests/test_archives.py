"""RFC 5005 archived feeds: the whole history is reachable, and full archive pages never change."""

from __future__ import annotations

import json

import feedparser
import pytest

BASE = "https://example.org/news/"


@pytest.fixture
def archived(site, article):
    site.configure("max_entries = 2\n")
    for day in range(1, 6):
        site.seed(f"s{day}", article(date=f"2016-09-0{day}", headline=f"Story {day}"))
    assert site.build() == 0
    return site


def read(site, name):
    result = feedparser.parse((site.public / name).read_bytes())
    assert result.bozo == 0, result.get("bozo_exception")
    return result


def links(result):
    return {link.rel: link.href for link in result.feed.links}


def local(site, url):
    assert url.startswith(BASE)
    return site.public / url.removeprefix(BASE)


def test_archive_pages_exist_in_every_format(archived):
    for page in (1, 2, 3):
        for suffix in ("atom.xml", "rss.xml", "json"):
            assert (archived.public / f"feed.archive-{page}.{suffix}").is_file()
    assert not (archived.public / "feed.archive-4.atom.xml").exists()


@pytest.mark.parametrize("fmt", ["atom.xml", "rss.xml"])
def test_every_archive_round_trips_and_is_marked(archived, fmt):
    for page in (1, 2, 3):
        name = f"feed.archive-{page}.{fmt}"
        result = read(archived, name)
        assert links(result)["current"] == f"{BASE}feed.{fmt}"
        assert b"<fh:archive/>" in (archived.public / name).read_bytes()
        assert all(entry.summary for entry in result.entries)


@pytest.mark.parametrize("fmt", ["atom.xml", "rss.xml"])
def test_walking_prev_archive_links_reaches_every_entry(archived, fmt):
    seen, url = set(), f"{BASE}feed.{fmt}"
    while url:
        result = read(archived, local(archived, url).name)
        seen |= {entry.id for entry in result.entries}
        url = links(result).get("prev-archive")
    assert {i.rsplit(":", 1)[1] for i in seen} == {f"s{day}" for day in range(1, 6)}


@pytest.mark.parametrize("fmt", ["atom.xml", "rss.xml"])
def test_every_archive_link_resolves(archived, fmt):
    for path in archived.public.glob(f"feed*.{fmt}"):
        for rel, href in links(read(archived, path.name)).items():
            if rel in ("prev-archive", "next-archive", "current", "self"):
                assert local(archived, href).is_file(), (path.name, rel, href)


def test_current_feed_keeps_the_newest_entries(archived):
    result = read(archived, "feed.atom.xml")
    assert [e.id[-2:] for e in result.entries] == ["s5", "s4"]
    assert links(result)["prev-archive"] == f"{BASE}feed.archive-3.atom.xml"
    assert "next-archive" not in links(result)


def test_oldest_archive_has_no_prev_and_links_the_next(archived):
    page = links(read(archived, "feed.archive-1.atom.xml"))
    assert "prev-archive" not in page
    assert page["next-archive"] == f"{BASE}feed.archive-2.atom.xml"


def test_json_feed_pages_towards_older_items_with_next_url(archived):
    chain, name = [], "feed.json"
    while name:
        document = json.loads((archived.public / name).read_text(encoding="utf-8"))
        chain.append(name)
        name = document.get("next_url", "").removeprefix(BASE)
    assert chain == [
        "feed.json",
        "feed.archive-3.json",
        "feed.archive-2.json",
        "feed.archive-1.json",
    ]


def test_full_archive_pages_never_change(archived, article):
    full = {p.name: p.read_bytes() for p in archived.public.glob("feed.archive-[12].*")}
    for day in (6, 7, 8):
        archived.seed(f"s{day}", article(date=f"2016-09-0{day}", headline=f"Story {day}"))
        assert archived.build() == 0
        assert {name: (archived.public / name).read_bytes() for name in full} == full


def test_a_page_that_fills_up_links_an_open_successor(archived, article):
    archived.seed("s6", article(date="2016-09-06"))
    assert archived.build() == 0
    assert links(read(archived, "feed.archive-3.atom.xml"))["next-archive"].endswith(
        "archive-4.atom.xml"
    )
    assert read(archived, "feed.archive-4.atom.xml").entries == []


def test_no_archives_while_everything_fits(site, article):
    site.seed("s1", article())
    assert site.build() == 0
    assert not list(site.public.glob("*archive*"))
