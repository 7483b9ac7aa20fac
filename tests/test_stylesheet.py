"""style.xsl: applied with lxml (libxslt, the XSLT 1.0 processor Chromium also uses) to a built
Atom and RSS feed, it gives one readable, accessible HTML5 page listing the entries."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from feeds.config import load_settings
from feeds.writers import stylesheet

FEEDS = ("feed.atom.xml", "feed.rss.xml")
TITLES = ["Storm & <rain> ]]> ahead", "Council closes bridge"]  # newest first


@pytest.fixture
def built(site, article):
    site.seed("001_bridge", article(tags="local"))
    site.seed(
        "002_storm",
        article(
            date="2016-12-02T08:00:00Z",
            headline=TITLES[0],
            summary='Rain <heavy> & wind, "gusts" o\'clock',
        ),
    )
    assert site.build() == 0
    return site


def transformed(site, name: str) -> str:
    """The page a browser shows for the feed: the feed run through the built style.xsl."""
    transform = etree.XSLT(etree.parse(str(site.public / "style.xsl")))
    return str(transform(etree.parse(str(site.public / name))))


def page(site, name: str):
    return lxml.html.fromstring(transformed(site, name))


@pytest.mark.parametrize("name", FEEDS)
def test_entries_titles_link_to_their_pages(built, name):
    links = page(built, name).xpath("//main//h2/a")
    assert [a.text_content() for a in links] == TITLES
    assert [a.get("href") for a in links] == ["articles/002_storm.html", "articles/001_bridge.html"]


@pytest.mark.parametrize("name", FEEDS)
def test_entries_show_their_date(built, name):
    times = page(built, name).xpath("//main//time")
    assert [(t.get("datetime"), t.text_content().split()) for t in times] == [
        ("2016-12-02", ["2", "December", "2016"]),
        ("2016-09-19", ["19", "September", "2016"]),
    ]


@pytest.mark.parametrize("name", FEEDS)
def test_summaries_show_as_written_without_markup(built, name):
    doc = page(built, name)
    summaries = [p.text_content() for p in doc.xpath("//main/article/p[not(time)]")]
    assert summaries[0] == 'Rain <heavy> & wind, "gusts" o\'clock'
    assert not doc.xpath("//heavy")


@pytest.mark.parametrize("name", FEEDS)
def test_page_names_the_feed_and_says_how_to_subscribe(built, name):
    doc = page(built, name)
    assert doc.xpath("string(//header/h1)") == "Test & <Site>"
    assert doc.xpath("string(//header/p[2])") == "A site for tests"
    note = " ".join(doc.xpath("string(//p[@class='note'])").split())
    assert "This is a web feed: copy its URL into your feed reader to subscribe." in note
    assert f"https://example.org/news/{name}" in note


@pytest.mark.parametrize("name", FEEDS)
def test_page_links_back_to_the_home_page(built, name):
    (back,) = page(built, name).xpath("//header/p/a")
    assert (back.get("href"), back.text_content()) == ("index.html", "Test & <Site>")


@pytest.mark.parametrize("name", FEEDS)
def test_page_is_html5_with_language_landmarks_and_viewport(built, name):
    text = transformed(built, name)
    doc = lxml.html.fromstring(text)
    assert text.startswith("<!DOCTYPE html")
    assert doc.get("lang") == "en"
    assert doc.xpath("count(/html/body/header) = 1 and count(/html/body/main) = 1")
    assert doc.xpath("string(//meta[@name='viewport']/@content)").startswith("width=device-width")
    assert doc.xpath("string(/html/head/title)") == "Test & <Site> (web feed)"


@pytest.mark.parametrize("name", FEEDS)
def test_page_loads_nothing_and_runs_nothing(built, name):
    doc = page(built, name)
    assert not doc.xpath("//script | //link | //img | //iframe | //@*[starts-with(name(), 'on')]")


def test_feed_language_wins_over_the_site_language(site, article):
    site.configure('language = "fr"\n')
    site.seed("001_bridge", article())
    assert site.build() == 0
    assert page(site, "feed.atom.xml").get("lang") == "fr"


def test_build_writes_the_rendered_stylesheet(built):
    rendered = stylesheet.render(load_settings(built.config))
    assert (built.public / "style.xsl").read_bytes() == rendered
    assert rendered == stylesheet.render(load_settings(built.config))


def test_is_an_xslt_1_stylesheet(built):
    root = etree.parse(str(built.public / "style.xsl")).getroot()
    assert root.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
    assert root.get("version") == "1.0"
