"""`feeds build` end to end: every feed round-trips through feedparser with the seeds' values."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import feedparser
import pytest

FORMATS = ("feed.atom.xml", "feed.rss.xml", "feed.json")


@pytest.fixture
def built(site, article):
    site.seed("001_bridge", article(author="Bo Reporter", tags="local, transport"))
    site.seed(
        "002_storm", article(date="2016-09-20T08:00:00Z", headline="Storm & <rain> ]]> ahead")
    )
    assert site.build() == 0
    return site


def parsed(site, name):
    """The feed as a reader sees it: feedparser for Atom and RSS (bozo must be 0); feedparser
    has no JSON Feed support, so JSON Feed is read with json and mapped to the same names."""
    data = (site.public / name).read_bytes()
    if name.endswith(".json"):
        return _json_as_feedparser(json.loads(data))
    result = feedparser.parse(data)
    assert result.bozo == 0, result.get("bozo_exception")
    return result


def _json_as_feedparser(document):
    def entry(item):
        published = datetime.fromisoformat(item["date_published"])
        return feedparser.FeedParserDict(
            id=item["id"],
            title=item["title"],
            link=item["url"],
            summary=item["summary"],
            published=item["date_published"],
            published_parsed=published.utctimetuple(),
            content=[feedparser.FeedParserDict(value=item["content_html"])],
        )

    return feedparser.FeedParserDict(entries=[entry(item) for item in document["items"]])


@pytest.mark.parametrize("name", FORMATS)
def test_feed_round_trips_ids_titles_and_links(built, name):
    entries = parsed(built, name).entries
    assert [e.id for e in entries] == [
        "tag:example.org,2016:002_storm",
        "tag:example.org,2016:001_bridge",
    ]
    assert [e.title for e in entries] == ["Storm & <rain> ]]> ahead", "Council closes bridge"]
    assert entries[1].link == "https://example.org/news/articles/001_bridge.html"


@pytest.mark.parametrize("name", FORMATS)
def test_feed_round_trips_dates_as_aware_utc(built, name):
    entry = parsed(built, name).entries[0]
    published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
    assert published == datetime(2016, 9, 20, 8, 0, tzinfo=UTC)
    assert entry.published.endswith(("Z", "+0000", "+00:00"))


@pytest.mark.parametrize("name", FORMATS)
def test_feed_round_trips_summary_and_content(built, name):
    entry = parsed(built, name).entries[1]
    assert entry.summary.startswith("The council voted on Tuesday")
    assert "<p>Mr. Smith, who chairs the committee" in entry.content[0].value


@pytest.mark.parametrize("name", ("feed.atom.xml", "feed.rss.xml"))
def test_author_and_categories_round_trip(built, name):
    entry = parsed(built, name).entries[1]
    assert entry.author == "Bo Reporter"
    assert [t.term for t in entry.tags] == ["local", "transport"]


def test_special_characters_in_body_reach_the_reader_as_written(site, article):
    site.seed("001_x", article().replace("Engineers said", "A & B <i> ]]> said"))
    assert site.build() == 0
    for name in FORMATS:
        content = parsed(site, name).entries[0].content[0].value
        assert "A &amp; B &lt;i&gt; ]]&gt; said" in content


def test_feed_level_fields(built):
    feed = parsed(built, "feed.atom.xml").feed
    assert feed.title == "Test & <Site>"
    assert feed.updated == "2016-09-20T08:00:00Z"
    assert [(link.rel, link.href) for link in feed.links] == [
        ("alternate", "https://example.org/news/"),
        ("self", "https://example.org/news/feed.atom.xml"),
    ]
    rss = parsed(built, "feed.rss.xml").feed
    assert rss.link == "https://example.org/news/"


def test_feed_updated_is_newest_entry_not_build_time(built):
    document = json.loads((built.public / "feed.json").read_text(encoding="utf-8"))
    assert document["items"][0]["date_modified"] == "2016-09-20T08:00:00Z"
    assert "2016-09-20T08:00:00Z" in (built.public / "feed.atom.xml").read_text(encoding="utf-8")


def test_same_day_seeds_get_distinct_updated_instants(site, article):
    for stem in ("a", "b", "c"):
        site.seed(stem, article())
    assert site.build() == 0
    updated = [e.updated for e in parsed(site, "feed.atom.xml").entries]
    assert sorted(updated) == [
        "2016-09-19T00:00:00Z",
        "2016-09-19T00:00:01Z",
        "2016-09-19T00:00:02Z",
    ]


def test_max_entries_keeps_the_newest(site, article):
    site.configure("max_entries = 2\n")
    for day in (1, 2, 3):
        site.seed(f"s{day}", article(date=f"2016-09-0{day}"))
    assert site.build() == 0
    assert [e.id[-2:] for e in parsed(site, "feed.rss.xml").entries] == ["s3", "s2"]


def test_tag_feed_holds_only_tagged_entries(site, article):
    site.configure('[[feeds]]\nname = "all"\n[[feeds]]\nname = "sport"\ntags = ["sport"]\n')
    site.seed("a", article(tags="sport"))
    site.seed("b", article(tags="politics"))
    assert site.build() == 0
    assert len(parsed(site, "all.atom.xml").entries) == 2
    assert [e.id[-1] for e in parsed(site, "sport.json").entries] == ["a"]


def test_hand_written_summary_replaces_the_generated_one(site, article):
    site.seed("a", article(summary="Bridge shut & ferry runs."))
    assert site.build() == 0
    assert parsed(site, "feed.json").entries[0].summary == "Bridge shut & ferry runs."


def test_every_entry_has_an_article_page_and_an_index(built):
    assert (built.public / "articles" / "001_bridge.html").is_file()
    index = (built.public / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in index and 'type="application/feed+json"' in index
    assert "Storm &amp; &lt;rain&gt;" in index


def test_two_builds_give_identical_bytes(built):
    first = built.snapshot()
    for path in built.public.rglob("*"):
        if path.is_file():
            path.unlink()
    assert built.build() == 0
    assert built.snapshot() == first


def test_check_passes_on_a_fresh_build(built):
    assert built.build("--check") == 0


def test_check_lists_missing_stale_and_extra_files(built, capsys):
    (built.public / "feed.json").unlink()
    (built.public / "feed.rss.xml").write_text("old", encoding="utf-8")
    (built.public / "old.html").write_text("x", encoding="utf-8")
    capsys.readouterr()
    assert built.build("--check") == 1
    out = capsys.readouterr().out
    assert "feed.json: missing" in out and "feed.rss.xml: stale" in out and "old.html: extra" in out


def test_check_writes_nothing(built):
    (built.public / "feed.json").unlink()
    built.build("--check")
    assert not (built.public / "feed.json").exists()


def test_build_removes_files_it_no_longer_writes(built):
    (built.seeds / "002_storm.txt").unlink()
    assert built.build() == 0
    assert not (built.public / "articles" / "002_storm.html").exists()


def test_bad_seed_fails_the_build_and_leaves_public_untouched(built, capsys):
    before = built.snapshot()
    built.seed("003_bad", "date someday Nothing\n\nBody.\n")
    capsys.readouterr()
    assert built.build() == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{built.seeds / '003_bad.txt'}:1: no date at the start of 'someday Nothing'"
    ]
    assert built.snapshot() == before


def test_keep_going_skips_the_bad_seed_and_builds_the_rest(built, capsys):
    built.seed("003_bad", "date someday Nothing\n\nBody.\n")
    built.seed("004_good", "date 2016-10-01 Fresh news\n\nIt happened.\n")
    assert built.build("--keep-going") == 1
    assert "003_bad.txt:1:" in capsys.readouterr().err
    ids = [e.id for e in parsed(built, "feed.atom.xml").entries]
    assert ids[0].endswith("004_good") and not any(i.endswith("003_bad") for i in ids)


def test_config_error_is_one_line_and_exit_2(site, capsys):
    site.config.write_text('title = "T"\n', encoding="utf-8")
    assert site.build() == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "description: missing (required)" in err[0]


def test_output_folder_holding_the_seeds_is_refused(site, capsys):
    assert site.build("--out", str(site.root)) == 2
    assert "must not contain" in capsys.readouterr().err


def test_files_are_world_readable(built):
    assert (built.public / "feed.atom.xml").stat().st_mode & 0o777 == 0o644


def test_python_dash_m_runs_the_cli(built):
    command = [sys.executable, "-m", "feeds", "build", "--config", str(built.config), "--check"]
    assert subprocess.run(command, capture_output=True).returncode == 0
