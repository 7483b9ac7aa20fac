"""RSS 2.0 and 0.9x validation: each test breaks one rule of a valid feed."""

import pytest

from feeds.validate import Severity, validate_bytes


def test_valid_feed_has_no_messages(codes, feed):
    assert codes(feed.rss()) == []


def test_missing_channel_title(codes, feed):
    feed = feed.rss().replace("<title>Example</title>", "")
    assert "rss.element.missing" in codes(feed)


def test_duplicate_channel_element(codes, feed):
    assert "rss.element.duplicate" in codes(feed.rss("<ttl>60</ttl><ttl>30</ttl>"))


def test_unknown_core_element(codes, feed):
    assert "rss.element.unknown" in codes(feed.rss("<foo>bar</foo>"))


def test_text_directly_in_channel(codes, feed):
    assert "rss.element.unexpected-text" in codes(feed.rss("stray words"))


def test_missing_version(codes, feed):
    assert "rss.attribute.missing" in codes(feed.rss().replace('version="2.0"', ""))


def test_unknown_version(codes, feed):
    assert "rss.version.unknown" in codes(feed.rss(version="2.1"))


def test_missing_channel_element(codes, feed):
    assert codes('<rss version="2.0"/>') == ["rss.element.missing"]


def test_item_needs_title_or_description(codes, feed):
    item = "<item><link>https://example.org/1</link><guid>https://example.org/1</guid></item>"
    assert "rss.item.missing-title-or-description" in codes(feed.rss(item=item))


def test_item_without_guid_warns_in_rss_2(codes, feed):
    item = "<item><title>t</title></item>"
    assert codes(feed.rss(item=item)) == ["rss.item.missing-guid"]


def test_item_without_guid_is_fine_in_rss_092(codes, feed):
    item = "<item><title>t</title></item>"
    assert "rss.item.missing-guid" not in codes(feed.rss(item=item, version="0.92"))


def test_duplicate_guid(codes, feed):
    assert "rss.guid.duplicate" in codes(feed.rss(item=feed.ITEM + feed.ITEM))


def test_permalink_guid_must_be_a_full_url(codes, feed):
    item = "<item><title>t</title><guid>example.org/1</guid></item>"
    assert "rss.guid.not-url" in codes(feed.rss(item=item))


def test_tag_uri_guid_must_not_be_a_permalink(codes, feed):
    item = "<item><title>t</title><guid>tag:example.org,2024:1</guid></item>"
    assert "rss.guid.not-permalink" in codes(feed.rss(item=item))


def test_is_permalink_must_be_true_or_false(codes, feed):
    item = '<item><title>t</title><guid isPermaLink="yes">x</guid></item>'
    assert "rss.guid.bad-permalink-attribute" in codes(feed.rss(item=item))


def test_small_integer_guid_is_not_unique_enough(codes, feed):
    item = '<item><title>t</title><guid isPermaLink="false">42</guid></item>'
    assert codes(feed.rss(item=item)) == ["rss.guid.not-unique-enough"]


@pytest.mark.parametrize("date, code", [
    ("2002-09-07T00:00:01Z", "value.date.not-rfc822"),
    ("Fri, 07 Sep 2002 00:00:01 GMT", "value.date.wrong-weekday"),
    ("Sat, 30 Feb 2002 00:00:01 GMT", "value.date.impossible"),
    ("Sat,07 Sep 2002 00:00:01 GMT", "value.date.loose-rfc822"),
    ("Sat, 07 Sep 02 00:00:01 GMT", "value.date.two-digit-year"),
    ("Thu, 04 Jul 1776 18:30:02 GMT", "value.date.implausible"),
])
def test_pub_date_problems(date, code, codes, feed):
    assert codes(feed.rss(f"<pubDate>{date}</pubDate>")) == [code]


def test_managing_editor_needs_an_address(codes, feed):
    assert codes(feed.rss("<managingEditor>Jane Doe</managingEditor>")) == ["value.email.invalid"]


def test_managing_editor_without_name_warns(codes, feed):
    editor = "<managingEditor>jane@example.org</managingEditor>"
    assert codes(feed.rss(editor)) == ["value.email.missing-name"]


def test_managing_editor_with_name_is_fine(codes, feed):
    assert codes(feed.rss("<managingEditor>jane@example.org (Jane Doe)</managingEditor>")) == []


def test_invalid_language(codes, feed):
    assert codes(feed.rss().replace("<language>en</language>", "<language>english</language>")) == [
        "value.language.invalid"]


def _information(document: str) -> list[str]:
    messages = validate_bytes(document.encode(), "t.xml").messages
    return [m.code for m in messages if m.severity is Severity.INFO]


def test_missing_language_is_only_information(codes, feed):
    document = feed.rss().replace("<language>en</language>", "")
    assert (codes(document), _information(document)) == ([], ["rss.channel.missing-language"])


def test_undated_item_is_only_information(codes, feed):
    document = feed.rss(item="<item><title>t</title><guid>https://example.org/u</guid></item>")
    assert (codes(document), _information(document)) == ([], ["rss.item.missing-date"])


def test_relative_channel_link(codes, feed):
    feed = feed.rss().replace("<link>https://example.org/</link>", "<link>/</link>", 1)
    assert codes(feed) == ["value.uri.not-absolute"]


def test_unregistered_scheme_warns(codes, feed):
    feed = feed.rss().replace("https://example.org/</link>", "javascript:alert(1)</link>", 1)
    assert codes(feed) == ["value.uri.unregistered-scheme"]


MP3 = 'url="https://example.org/a.mp3"'


def _enclosure(feed, attrs: str) -> str:
    return feed.rss(item=f"<item><title>t</title><guid>https://example.org/e</guid>"
                    f"<enclosure {attrs}/></item>")


@pytest.mark.parametrize("attrs, code", [
    (f'{MP3} type="audio/mpeg"', "rss.attribute.missing"),
    (f'{MP3} length="-1" type="audio/mpeg"', "rss.enclosure.unknown-length"),
    (f'{MP3} length="1.5" type="audio/mpeg"', "rss.enclosure.bad-length"),
    ('url="a.mp3" length="1" type="audio/mpeg"', "value.url.not-http"),
    (f'{MP3} length="1" type="audio"', "value.mime.invalid"),
])
def test_enclosure_problems(attrs, code, codes, feed):
    assert code in codes(_enclosure(feed, attrs))


def test_enclosure_of_unknown_length_zero_is_fine(codes, feed):
    assert codes(_enclosure(feed, f'{MP3} length="0" type="audio/mpeg"')) == []


def test_second_enclosure_warns(codes, feed):
    enclosure = '<enclosure url="https://example.org/a.mp3" length="1" type="audio/mpeg"/>'
    item = f"<item><title>t</title><guid>https://example.org/e</guid>{enclosure}{enclosure}</item>"
    assert codes(feed.rss(item=item)) == ["rss.enclosure.duplicate"]


IMAGE = "<image><url>https://example.org/logo.png</url><title>Example</title>" \
        "<link>https://example.org/</link>{}</image>"


@pytest.mark.parametrize("extra, code", [
    ("<width>200</width>", "rss.image.bad-width"),
    ("<height>0</height>", "rss.image.bad-height"),
    ("<foo/>", "rss.element.unknown"),
])
def test_image_problems(extra, code, codes, feed):
    assert codes(feed.rss(IMAGE.format(extra))) == [code]


def test_image_title_should_match_channel(codes, feed):
    image = IMAGE.format("").replace("<title>Example</title>", "<title>Logo</title>")
    assert codes(feed.rss(image)) == ["rss.image.title-mismatch"]


def test_cloud_needs_all_attributes(codes, feed):
    cloud = '<cloud domain="rpc.example.org" port="80" path="/RPC2" protocol="xml-rpc"/>'
    assert codes(feed.rss(cloud)) == ["rss.attribute.missing"]


def test_ttl_must_be_a_positive_integer(codes, feed):
    assert codes(feed.rss("<ttl>1.5</ttl>")) == ["value.integer.not-positive"]


@pytest.mark.parametrize("hours, code", [
    ("<hour>25</hour>", "rss.skiphours.invalid-hour"),
    ("<hour>24</hour>", "rss.skiphours.use-zero"),
    ("<hour>3</hour><hour>3</hour>", "rss.skip.duplicate-value"),
    ("", "rss.element.missing"),
])
def test_skip_hours(hours, code, codes, feed):
    assert codes(feed.rss(f"<skipHours>{hours}</skipHours>")) == [code]


def test_skip_days_names_days_in_english(codes, feed):
    assert codes(feed.rss("<skipDays><day>monday</day></skipDays>")) == ["rss.skipdays.invalid-day"]


def test_text_input_is_discouraged(codes, feed):
    text_input = ("<textInput><title>Search</title><description>Search</description>"
                  "<name>q</name><link>https://example.org/search</link></textInput>")
    assert codes(feed.rss(text_input)) == ["rss.textinput.avoid"]


def test_channel_element_after_items_warns(codes, feed):
    feed = feed.rss(item=feed.ITEM + "<copyright>2024</copyright>")
    assert codes(feed) == ["rss.channel.item-before-metadata"]


def test_missing_self_link_warns(codes, feed):
    assert codes(feed.rss().replace(
        '<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>',
        "")) == ["rss.channel.missing-self-link"]


def test_self_link_is_compared_with_the_url_when_given(codes, feed):
    assert codes(feed.rss(), url="https://example.org/other.xml") == ["rss.atom-link.self-mismatch"]


def test_self_link_matching_the_url(codes, feed):
    assert codes(feed.rss(), url="https://EXAMPLE.org/feed.xml") == []


def test_unsafe_html_in_description_warns(codes, feed):
    item = "<item><title>t</title><guid>https://example.org/s</guid>" \
           "<description>&lt;script&gt;alert(1)&lt;/script&gt;</description></item>"
    assert codes(feed.rss(item=item)) == ["html.unsafe-element"]


def test_markup_in_plain_title_warns(codes, feed):
    item = "<item><title>A &lt;b&gt;bold&lt;/b&gt; title</title><guid>https://example.org/b</guid></item>"
    assert codes(feed.rss(item=item)) == ["value.text.contains-html"]


def test_double_escaped_entity_in_title_warns(codes, feed):
    item = "<item><title>Q&amp;amp;A</title><guid>https://example.org/b</guid></item>"
    assert codes(feed.rss(item=item)) == ["value.text.contains-html"]


def test_content_encoded_before_description_warns(codes, feed):
    ns = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    item = ("<item><title>t</title><guid>https://example.org/c</guid>"
            "<content:encoded>full</content:encoded><description>short</description></item>")
    assert codes(feed.rss(item=item, ns=ns)) == ["rss.item.content-before-description"]


def test_dublin_core_repeating_core_semantics_warns(codes, feed):
    ns = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    item = ("<item><title>t</title><guid>https://example.org/d</guid>"
            "<author>a@example.org (A)</author><dc:creator>A</dc:creator></item>")
    assert codes(feed.rss(item=item, ns=ns)) == ["rss.semantics.duplicate"]


def test_rss_091_requires_language_and_image(codes, feed):
    feed = feed.rss(version="0.91").replace("<language>en</language>", "")
    assert codes(feed).count("rss.v091.missing-element") == 2


def test_rss_091_descriptions_are_plain_text(codes, feed):
    assert "value.text.contains-html" in codes(feed.rss(version="0.91", channel=IMAGE.format("")))


def test_netscape_doctype_is_an_error(codes, feed):
    head = ('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            '"http://my.netscape.com/publish/formats/rss-0.91.dtd">')
    assert "rss.doctype.netscape" in codes(feed.rss(version="0.91", head=head))


def test_unqualified_element_inside_an_extension(codes, feed):
    ns = 'xmlns:x="http://example.com/x"'
    assert "ext.element.not-in-namespace" in codes(feed.rss("<x:a><b>1</b></x:a>", ns=ns))


def test_unknown_namespace_warns_once(codes, feed):
    ns = 'xmlns:x="http://example.com/x"'
    assert codes(feed.rss("<x:a>1</x:a><x:b>2</x:b>", ns=ns)) == ["ext.namespace.unknown"]


def test_extension_attribute_on_core_element_warns(codes, feed):
    ns = 'xmlns:x="http://example.com/x"'
    feed = feed.rss(ns=ns).replace("<title>Example</title>", '<title x:lang="en">Example</title>')
    assert "rss.attribute.extension" in codes(feed)


def test_invalid_xml_lang(codes, feed):
    feed = feed.rss().replace("<channel>", '<channel xml:lang="english">')
    assert codes(feed) == ["value.language.invalid"]


@pytest.mark.parametrize("document", [
    "<rss/>", '<rss version="2.0"><channel/></rss>', '<rss version="2.0"><channel><item/>'
    "<item><enclosure/><guid/><source/></item></channel></rss>",
    '<rss version="2.0"><channel><image/><textInput/><skipHours/><skipDays/><cloud/>'
    "</channel></rss>", '<rss version="2.0"><!-- c --><channel><?pi x?>text</channel></rss>',
])
def test_malformed_feeds_never_raise(document, codes, feed):
    assert validate_bytes(document.encode(), "t.xml").count is not None
