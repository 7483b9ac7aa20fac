"""Namespaced extensions: each vocabulary's rules, through RSS feeds and directly."""

import pytest
from lxml import etree

from feeds.validate import extensions
from feeds.validate.collector import Collector

DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
ITUNES = 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
MEDIA = 'xmlns:media="http://search.yahoo.com/mrss/"'
GEORSS = 'xmlns:georss="http://www.georss.org/georss"'
SX = 'xmlns:sx="http://feedsync.org/2007/feedsync"'
PODCAST = (
    '<itunes:explicit>false</itunes:explicit><itunes:category text="News"/>'
    "<itunes:owner><itunes:email>pod@example.org</itunes:email></itunes:owner>"
)


def channel(codes, feed, ns, body):
    return codes(feed.rss(body, ns=ns))


def item(codes, feed, ns, body):
    return codes(
        feed.rss(
            item=f"<item><title>t</title><guid>https://example.org/x</guid>{body}</item>", ns=ns
        )
    )


def test_dc_date_is_w3cdtf(codes, feed):
    assert channel(codes, feed, DC, "<dc:date>Sat, 07 Sep 2002 00:00:01 GMT</dc:date>") == [
        "value.date.not-w3cdtf"
    ]


def test_dc_date_with_time_needs_a_zone(codes, feed):
    assert channel(codes, feed, DC, "<dc:date>2002-09-07T00:00:01</dc:date>") == [
        "value.date.not-w3cdtf"
    ]


def test_blank_dc_language(codes, feed):
    assert channel(codes, feed, DC, "<dc:language/>") == [
        "value.language.invalid",
        "rss.semantics.duplicate",
    ]


def test_unknown_element_of_a_known_namespace(codes, feed):
    assert channel(codes, feed, DC, "<dc:colour>red</dc:colour>") == ["ext.element.unknown"]


def test_repeated_once_only_element(codes, feed):
    body = "<dc:title>a</dc:title><dc:title>b</dc:title>"
    assert channel(codes, feed, DC, body) == ["ext.element.duplicate"]


def test_item_level_element_in_the_channel(codes, feed):
    ns = 'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"'
    assert channel(codes, feed, ns, "<slash:comments>3</slash:comments>") == ["ext.element.unknown"]


def test_text_element_holds_no_markup(codes, feed):
    assert channel(codes, feed, DC, "<dc:rights><b>x</b></dc:rights>") == [
        "ext.element.unexpected-child"
    ]


def test_complete_podcast_channel(codes, feed):
    assert channel(codes, feed, ITUNES, PODCAST) == []


def test_podcast_channel_missing_requirements(codes, feed):
    assert channel(codes, feed, ITUNES, "<itunes:author>A</itunes:author>") == [
        "itunes.channel.missing-element",
        "itunes.channel.missing-element",
        "itunes.channel.missing-owner",
    ]


@pytest.mark.parametrize(
    "body, code",
    [
        ('<itunes:category text="Cooking"/>', "itunes.category.unknown"),
        (
            '<itunes:category text="Technology"><itunes:category text="Gadgets"/>'
            "</itunes:category>",
            "itunes.category.obsolete",
        ),
        ("<itunes:explicit> yes </itunes:explicit>", "value.boolean.invalid"),
        ("<itunes:owner><itunes:email>nobody</itunes:email></itunes:owner>", "value.email.invalid"),
        ('<itunes:image href="/cover.jpg"/>', "value.url.not-http"),
        ("<itunes:type>random</itunes:type>", "value.enum.invalid"),
        (f"<itunes:summary>{'x' * 4001}</itunes:summary>", "value.text.too-long"),
        ("<itunes:keywords>one two three</itunes:keywords>", "itunes.keywords.not-comma-separated"),
    ],
)
def test_itunes_channel_values(codes, feed, body, code):
    assert code in channel(codes, feed, ITUNES, body)


def test_itunes_duration(codes, feed):
    assert "itunes.duration.invalid" in item(
        codes, feed, ITUNES, "<itunes:duration>1h20</itunes:duration>"
    )


def test_itunes_unsupported_enclosure_format(codes, feed):
    enclosure = '<enclosure url="https://example.org/a.wmv" length="1" type="video/x-ms-wmv"/>'
    result = codes(
        feed.rss(
            PODCAST,
            ns=ITUNES,
            item=f"<item><title>t</title><guid>https://example.org/w</guid>{enclosure}</item>",
        )
    )
    assert result == ["itunes.enclosure.unsupported-format"]


def test_media_group_needs_alternatives(codes, feed):
    body = '<media:group><media:content url="https://example.org/a.mp3"/></media:group>'
    assert item(codes, feed, MEDIA, body) == ["media.group.single-content"]


@pytest.mark.parametrize(
    "body, code",
    [
        ('<media:content url="https://example.org/a" width="wide"/>', "value.integer.not-positive"),
        ('<media:content url="www.example.org/a"/>', "value.uri.not-absolute"),
        ('<media:content url="https://example.org/a" medium="film"/>', "value.enum.invalid"),
        ('<media:thumbnail width="10"/>', "ext.attribute.missing"),
        ('<media:rating scheme="urn:mpaa">tv-ma</media:rating>', "media.rating.invalid"),
        (
            '<media:restriction relationship="allow" type="country">xx</media:restriction>',
            "media.restriction.bad-country",
        ),
        ('<media:hash algo="sha-1">abc</media:hash>', "media.hash.invalid"),
        ('<media:title type="text/html">t</media:title>', "media.text.bad-type"),
        ('<media:text start="+17sec">t</media:text>', "media.time.invalid"),
        ('<media:credit role="Director">x</media:credit>', "media.credit.bad-role"),
        ("<media:adult>true</media:adult>", "media.adult.deprecated"),
    ],
)
def test_media_values(codes, feed, body, code):
    assert code in item(codes, feed, MEDIA, body)


def test_media_namespace_without_slash(codes, feed):
    ns = 'xmlns:media="http://search.yahoo.com/mrss"'
    assert "ext.namespace.media-without-slash" in item(
        codes, feed, ns, '<media:content url="https://example.org/a.mp3"/>'
    )


def test_georss_point_with_a_comma_warns(codes, feed):
    assert item(codes, feed, GEORSS, "<georss:point>45.2,-71.9</georss:point>") == [
        "georss.coordinates.comma"
    ]


def test_georss_point_needs_two_numbers(codes, feed):
    assert item(codes, feed, GEORSS, "<georss:point>45.2</georss:point>") == [
        "georss.coordinates.invalid"
    ]


def test_latitude_out_of_range(codes, feed):
    ns = 'xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"'
    assert item(codes, feed, ns, "<geo:lat>91</geo:lat>") == ["value.latitude.invalid"]


SYNC = '<sx:sync id="{id}" updates="1"><sx:history sequence="1" {who}/></sx:sync>'


def test_sync_ids_are_unique(codes, feed):
    sync = SYNC.format(id="a1", who='by="me" when="2005-05-21T09:43:33Z"')
    items = "".join(
        f"<item><title>{n}</title><guid>https://example.org/{n}</guid>{sync}</item>" for n in (1, 2)
    )
    assert codes(feed.rss(ns=SX, item=items)) == ["sx.sync.duplicate-id"]


def test_history_needs_by_or_when(codes, feed):
    assert item(codes, feed, SX, SYNC.format(id="a1", who="")) == ["sx.history.missing-by-and-when"]


def test_sharing_since_after_until(codes, feed):
    body = '<sx:sharing since="2005-05-23T18:30:02Z" until="2005-02-13T18:30:02Z"/>'
    assert channel(codes, feed, SX, body) == ["sx.sharing.since-after-until"]


def test_complete_feed_does_not_page(codes, feed):
    ns = 'xmlns:fh="http://purl.org/syndication/history/1.0"'
    body = '<fh:complete/><atom:link rel="next" href="https://example.org/2"/>'
    assert channel(codes, feed, ns, body) == ["fh.complete.paging-link"]


def test_relative_feedflare_link_in_rss_warns(codes, feed):
    ns = 'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"'
    body = '<feedburner:feedFlare href="rel" src="https://example.org/s">x</feedburner:feedFlare>'
    assert channel(codes, feed, ns, body) == ["value.uri.relative"]


def test_wfw_comment_rss_misspelling_warns(codes, feed):
    ns = 'xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
    assert item(codes, feed, ns, "<wfw:commentRSS>https://example.org/c</wfw:commentRSS>") == [
        "wfw.commentrss.deprecated"
    ]


def test_reserved_prefix_bound_elsewhere_warns(codes, feed):
    assert channel(codes, feed, 'xmlns:dc="http://example.com/dc"', "") == [
        "ext.namespace.reserved-prefix"
    ]


def _foreign(document: str, path: str) -> tuple[bool, list[str]]:
    root = etree.fromstring(document)
    out = Collector()
    known = extensions.check_foreign(root.find(path), out)
    return known, [m.code for m in out.messages]


ATOM_FEED = """<feed xmlns="http://www.w3.org/2005/Atom" {ns}><entry>{body}</entry></feed>"""


def test_check_foreign_in_an_atom_entry():
    document = ATOM_FEED.format(
        ns='xmlns:thr="http://purl.org/syndication/thread/1.0"',
        body="<thr:children>2</thr:children>",
    )
    assert _foreign(document, "{*}entry/{*}children") == (True, ["ext.element.unknown"])


def test_check_foreign_reports_an_unknown_namespace_once():
    document = ATOM_FEED.format(ns='xmlns:x="http://example.com/x"', body="<x:a/>")
    assert _foreign(document, "{*}entry/{*}a") == (False, ["ext.namespace.unknown"])


APP = 'xmlns="http://www.w3.org/2007/app" xmlns:atom="http://www.w3.org/2005/Atom"'


def test_service_document_needs_a_workspace(codes):
    assert codes(f"<service {APP}/>") == ["app.element.missing"]


def test_collection_needs_a_title(codes):
    document = (
        f"<service {APP}><workspace><atom:title>w</atom:title>"
        '<collection href="https://example.org/c"/></workspace></service>'
    )
    assert codes(document) == ["app.element.missing"]


def test_categories_document_with_href_and_fixed(codes):
    assert codes(f'<categories {APP} href="https://example.org/c" fixed="yes"/>') == [
        "app.categories.conflicting-attributes"
    ]


def test_xrds_document(codes):
    document = """<xrds:XRDS xmlns:xrds="xri://$xrds" xmlns="xri://$xrd*($v*2.0)"><XRD>
      <Service priority="10"><Type>http://openid.net/signon/1.0</Type>
      <URI>https://openid.example.org/</URI></Service></XRD></xrds:XRDS>"""
    assert codes(document) == []


def test_comment_counts_need_a_last_build_date(codes, feed):
    ns = 'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"'
    assert item(codes, feed, ns, "<slash:comments>3</slash:comments>") == [
        "rss.item.slash-comments-without-lastbuilddate"
    ]


def test_no_document_state_outlives_its_validation():
    """Found by fuzzing: a global registry of per-document contexts kept every document alive."""
    import gc

    from feeds.validate import validate_bytes
    from feeds.validate.ext.core import Ctx

    feed = (
        b'<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">'
        b"<channel><title>t</title><link>https://example.org/</link><description>d"
        b"</description><itunes:author>A</itunes:author></channel></rss>"
    )
    for _ in range(50):
        validate_bytes(feed, "feed.xml")
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Ctx)]
