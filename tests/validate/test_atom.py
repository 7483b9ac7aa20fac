"""Atom 1.0 checks: each test starts from one valid feed and breaks one thing."""

from __future__ import annotations

import pytest

from feeds.validate import extensions, validate_bytes

FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Field notes</title>
  <id>tag:notes.example.net,2024:feed</id>
  <updated>2024-03-01T09:00:00Z</updated>
  <author><name>Ada Byron</name></author>
  <link rel="self" type="application/atom+xml" href="https://notes.example.net/feed.atom"/>
  <link href="https://notes.example.net/"/>
  <entry>
    <title>First light</title>
    <id>tag:notes.example.net,2024:1</id>
    <updated>2024-03-01T09:00:00Z</updated>
    <link href="https://notes.example.net/1"/>
    <summary>The telescope arrived.</summary>
  </entry>
</feed>
"""
SELF_URL = "https://notes.example.net/feed.atom"


def codes(text: str, *, url: str | None = None) -> list[str]:
    return [m.code for m in validate_bytes(text.encode("utf-8"), "feed.atom", url=url).messages]


def edit(old: str, new: str) -> str:
    assert old in FEED
    return FEED.replace(old, new, 1)


def in_entry(markup: str) -> str:
    return edit("  </entry>", f"    {markup}\n  </entry>")


def test_valid_feed_has_no_messages():
    assert codes(FEED) == []


def test_valid_feed_matching_its_url_has_no_messages():
    assert codes(FEED, url=SELF_URL) == []


def test_standalone_entry_document_is_valid():
    entry = FEED[FEED.index("  <entry>") : FEED.index("</feed>")].replace(
        "<entry>", '<entry xmlns="http://www.w3.org/2005/Atom">'
    )
    assert codes(entry.replace("</entry>", "<author><name>Ada</name></author></entry>")) == []


def test_missing_id_is_an_error():
    assert "atom.element.missing" in codes(edit("<id>tag:notes.example.net,2024:1</id>", ""))


def test_duplicate_title_is_an_error():
    assert "atom.element.duplicate" in codes(in_entry("<title>Again</title>"))


def test_unknown_atom_element_is_an_error():
    assert "atom.element.unknown" in codes(in_entry("<subtitle>no such thing</subtitle>"))


def test_entry_without_author_when_feed_has_none():
    assert codes(edit("<author><name>Ada Byron</name></author>", "")) == [
        "atom.entry.missing-author"
    ]


def test_feed_without_entries_needs_no_author():
    start, end = FEED.index("  <entry>"), FEED.index("</feed>")
    feed = FEED[:start] + FEED[end:]
    assert codes(feed.replace("<author><name>Ada Byron</name></author>", "")) == []


def test_source_author_counts_for_the_entry():
    feed = edit("<author><name>Ada Byron</name></author>", "")
    source = (
        "<source><id>tag:x.example,2024:f</id><title>X</title>"
        "<updated>2024-01-01T00:00:00Z</updated><author><name>Bo</name></author></source>"
    )
    assert codes(feed.replace("  </entry>", source + "</entry>")) == []


def test_metadata_after_entries_is_an_error():
    assert "atom.feed.metadata-after-entry" in codes(
        edit("</feed>", "<rights>CC BY</rights></feed>")
    )


@pytest.mark.parametrize(
    "date",
    [
        "2024-03-01t09:00:00z",
        "2024-03-01 09:00:00Z",
        "2024-02-30T09:00:00Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T09:00Z",
        "2024-03-01T09:00:00",
        "2024-03-01",
        "2024-03-01T09:00:00+0100",
        "Fri, 01 Mar 2024 09:00:00 GMT",
    ],
)
def test_invalid_dates_are_errors(date):
    assert "atom.date.invalid" in codes(in_entry(f"<published>{date}</published>"))


@pytest.mark.parametrize("date", ["2024-03-01T09:00:00.25-05:00", "2016-12-31T23:59:60Z"])
def test_valid_dates(date):
    assert codes(in_entry(f"<published>{date}</published>")) == []


def test_date_with_surrounding_whitespace_is_an_error():
    assert "atom.value.whitespace" in codes(
        in_entry("<published>\n 2024-03-01T09:00:00Z\n</published>")
    )


@pytest.mark.parametrize("year", ["0024", "1969", "2999"])
def test_implausible_dates_warn(year):
    published = f"<published>{year}-03-01T09:00:00Z</published>"
    assert "atom.date.implausible" in codes(in_entry(published))


@pytest.mark.parametrize(
    "entry_id, code",
    [
        ("/posts/1", "atom.id.relative"),
        ("not an iri", "atom.id.invalid"),
        ("tag:notes.example.net,24:1", "atom.id.invalid-tag"),
        ("tag:notes.example.net,2024-13:1", "atom.id.invalid-tag"),
        ("urn:-uuid:1234", "atom.id.invalid-urn"),
        ("HTTP://notes.example.net/1", "atom.id.noncanonical"),
        ("http://notes.example.net/%7euser", "atom.id.noncanonical"),
        ("doi:10.1000/182", "atom.id.unregistered-scheme"),
    ],
)
def test_bad_ids(entry_id, code):
    assert code in codes(edit("tag:notes.example.net,2024:1", entry_id))


def test_entries_with_same_id_and_updated_warn():
    entry = FEED[FEED.index("  <entry>") : FEED.index("</feed>")]
    assert "atom.entry.duplicate-id" in codes(edit("</feed>", entry + "</feed>"))


def test_entries_with_same_id_and_different_updated_are_versions():
    entry = FEED[FEED.index("  <entry>") : FEED.index("</feed>")]
    later = entry.replace("2024-03-01T09:00:00Z", "2024-03-02T09:00:00Z")
    assert codes(edit("</feed>", later + "</feed>")) == []


def test_different_entries_with_the_same_updated_warn():
    entry = FEED[FEED.index("  <entry>") : FEED.index("</feed>")]
    other = entry.replace("2024:1<", "2024:2<")
    assert codes(edit("</feed>", other + "</feed>")) == ["atom.entry.duplicate-updated"]


@pytest.mark.parametrize("updated", [
    "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00", "2024-03-01T10:00:00+01:00",
])
def test_entries_sharing_an_instant_at_an_end_of_the_calendar_warn_as_others_do(updated):
    """An instant before year 1 or after 9999 in UTC is kept aware (`values.utc_naive`): it
    is compared as any other, with no overflow."""
    entry = FEED[FEED.index("  <entry>") : FEED.index("</feed>")]
    entry = entry.replace("<updated>2024-03-01T09:00:00Z", f"<updated>{updated}")
    found = codes(FEED.replace(FEED[FEED.index("  <entry>") : FEED.index("</feed>")],
                               entry + entry.replace("2024:1<", "2024:2<")))
    assert "atom.entry.duplicate-updated" in found


def test_entry_without_content_or_alternate_is_an_error():
    assert "atom.entry.missing-content-or-alternate" in codes(
        edit('<link href="https://notes.example.net/1"/>', "")
    )


def test_out_of_line_content_needs_a_summary():
    feed = edit(
        "<summary>The telescope arrived.</summary>",
        '<content type="video/mp4" src="https://notes.example.net/1.mp4"/>',
    )
    assert "atom.entry.missing-summary" in codes(feed)


def test_out_of_line_content_must_be_empty():
    assert "atom.content.src-not-empty" in codes(
        in_entry('<content type="text/html" src="https://notes.example.net/1">x</content>')
    )


def test_base64_content_must_decode():
    assert "atom.content.not-base64" in codes(in_entry('<content type="image/png">@@@</content>'))


def test_text_html_content_should_be_a_document():
    assert "atom.content.html-fragment" in codes(
        in_entry('<content type="text/html">&lt;p&gt;Hello&lt;/p&gt;</content>')
    )


def test_text_html_content_document_is_valid():
    assert (
        codes(
            in_entry(
                '<content type="text/html">&lt;!DOCTYPE html&gt;&lt;html&gt;'
                "&lt;title&gt;t&lt;/title&gt;&lt;p&gt;Hi&lt;/html&gt;</content>"
            )
        )
        == []
    )


def test_inline_svg_content_is_checked_for_script():
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    content = f'<content type="image/svg+xml">{svg}</content>'
    assert "html.unsafe-element" in codes(in_entry(content))


def test_content_type_must_be_text_html_xhtml_or_mime():
    assert "atom.content.invalid-type" in codes(in_entry('<content type="xml">x</content>'))


def test_text_construct_type_must_be_text_html_or_xhtml():
    assert "atom.text.invalid-type" in codes(
        edit("<title>Field notes</title>", '<title type="text/plain">Field notes</title>')
    )


def test_xhtml_text_needs_one_xhtml_div():
    assert "atom.text.missing-xhtml-div" in codes(
        edit("<title>Field notes</title>", '<title type="xhtml"><p>Field notes</p></title>')
    )


def test_xhtml_text_in_a_div_is_valid():
    div = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Field <em>notes</em></p></div>'
    assert codes(edit("<title>Field notes</title>", f'<title type="xhtml">{div}</title>')) == []


def test_xhtml_div_holding_escaped_markup_warns():
    div = '<div xmlns="http://www.w3.org/1999/xhtml">&lt;p&gt;notes&lt;/p&gt;</div>'
    assert "atom.text.escaped-xhtml" in codes(
        edit("<title>Field notes</title>", f'<title type="xhtml">{div}</title>')
    )


def test_markup_in_plain_text_warns():
    assert "atom.text.html-in-text" in codes(
        edit("The telescope arrived.", "The &lt;b&gt;telescope&lt;/b&gt; arrived.")
    )


def test_child_elements_in_html_text_are_an_error():
    assert "atom.text.unexpected-child" in codes(
        edit(
            "<summary>The telescope arrived.</summary>",
            '<summary type="html">The <b>telescope</b> arrived.</summary>',
        )
    )


def test_escaped_html_is_checked_as_html():
    assert "html.unsafe-element" in codes(
        edit(
            "<summary>The telescope arrived.</summary>",
            '<summary type="html">&lt;script&gt;alert(1)&lt;/script&gt;</summary>',
        )
    )


def test_blank_title_warns():
    assert "atom.text.blank" in codes(edit("<title>First light</title>", "<title> </title>"))


def test_duplicate_alternate_links_are_an_error():
    assert "atom.link.duplicate-alternate" in codes(
        in_entry('<link rel="alternate" href="https://notes.example.net/one"/>')
    )


def test_alternates_differing_in_hreflang_are_valid():
    assert (
        codes(
            edit(
                '<link href="https://notes.example.net/1"/>',
                '<link href="https://notes.example.net/1" hreflang="en"/>'
                '<link href="https://notes.example.net/1.fr" hreflang="fr"/>',
            )
        )
        == []
    )


@pytest.mark.parametrize(
    "attributes, code",
    [
        ('rel="related"', "atom.link.missing-href"),
        ('href="https://x.example/" type="html"', "atom.link.invalid-type"),
        ('href="https://x.example/" hreflang="en_GB"', "atom.link.invalid-hreflang"),
        ('href="https://x.example/" rel="related" length="-3"', "atom.link.invalid-length"),
        ('href="https://x.example/" rel=""', "atom.link.invalid-rel"),
        ('href="https://x.example/" rel="sidebar"', "atom.link.unregistered-rel"),
        ('href="https://x.example/a.mp3" rel="enclosure"', "atom.link.enclosure-length"),
        ('href="https://x.example/" rel="prev-archive"', "atom.link.feed-rel-in-entry"),
        ('href="https://x.example/a b" rel="related"', "atom.uri.invalid"),
        ('href="https://x.example/" rel="related" title=" "', "atom.link.blank-title"),
        (
            'href="https://x.example/" xmlns:thr="http://purl.org/syndication/thread/1.0" '
            'thr:count="2"',
            "atom.link.thr-not-replies",
        ),
        (
            'href="https://x.example/c" rel="replies" xmlns:thr="http://purl.org/syndication/thread/1.0"'
            ' thr:count="many"',
            "atom.link.invalid-thr-count",
        ),
    ],
)
def test_bad_links(attributes, code):
    assert code in codes(in_entry(f"<link {attributes}/>"))


def test_absolute_iri_relation_is_accepted():
    assert codes(in_entry('<link rel="https://rel.example/x" href="https://x.example/"/>')) == []


def test_feed_without_self_link_warns():
    assert "atom.feed.missing-self" in codes(
        edit(
            '<link rel="self" type="application/atom+xml" href="https://notes.example.net/feed.atom"/>',
            "",
        )
    )


def test_self_link_elsewhere_than_the_url_warns():
    assert "atom.link.self-mismatch" in codes(FEED, url="https://elsewhere.example/feed")


def test_self_link_is_not_compared_without_a_url():
    assert "atom.link.self-mismatch" not in codes(FEED.replace(SELF_URL, "https://x.example/"))


def test_relative_link_without_base_is_only_information():
    result = validate_bytes(edit('href="https://notes.example.net/1"', 'href="/1"').encode(), "f")
    assert [(m.code, m.severity.value) for m in result.messages] == [("atom.uri.relative", "info")]


def test_relative_link_under_xml_base_is_valid():
    feed = edit("<feed ", '<feed xml:base="https://notes.example.net/" ')
    assert codes(feed.replace('href="https://notes.example.net/1"', 'href="1"')) == []


def test_invalid_xml_base_is_an_error():
    assert "xml.base.invalid" in codes(edit("<feed ", '<feed xml:base="a b" '))


def test_invalid_xml_lang_is_an_error():
    assert "xml.lang.invalid" in codes(edit("<feed ", '<feed xml:lang="en_US" '))


def test_entry_attributes_are_checked_once():
    assert codes(edit("<entry>", '<entry xml:lang="en_GB">')) == ["xml.lang.invalid"]


def test_entry_xml_base_applies_inside_it():
    feed = edit("<entry>", '<entry xml:base="https://notes.example.net/">')
    assert codes(feed.replace('href="https://notes.example.net/1"', 'href="1"')) == []


def test_unknown_attribute_is_an_error():
    assert "atom.attribute.unknown" in codes(edit("<summary>", '<summary mode="escaped">'))


@pytest.mark.parametrize(
    "email, code",
    [
        ("ada@example.net (Ada)", "atom.person.invalid-email"),
        ("ada@localhost", "atom.person.email-host"),
    ],
)
def test_bad_emails(email, code):
    assert code in codes(edit("<name>Ada Byron</name>", f"<name>Ada</name><email>{email}</email>"))


def test_email_in_name_warns():
    assert "atom.person.email-in-name" in codes(edit("Ada Byron", "Ada &lt;ada@example.net&gt;"))


def test_category_scheme_must_be_absolute():
    assert "atom.category.invalid-scheme" in codes(in_entry('<category term="a" scheme="/tags"/>'))


def test_relative_self_link_warns():
    assert "atom.link.relative-self" in codes(edit(f'href="{SELF_URL}"', 'href="/feed.atom"'))


def test_category_needs_a_term():
    assert "atom.category.missing-term" in codes(in_entry('<category label="Astronomy"/>'))


def test_every_foreign_element_goes_to_the_extension_checks(monkeypatch):
    seen = []
    monkeypatch.setattr(extensions, "check_foreign", lambda el, out, url: seen.append(el.tag))
    feed = in_entry('<x:mood xmlns:x="urn:example:mood">calm</x:mood><mood xmlns="">calm</mood>')
    assert codes(edit("</feed>", '<y:tag xmlns:y="urn:example:y"/></feed>')) == []
    assert codes(feed) == []
    assert seen == ["{urn:example:y}tag", "{urn:example:mood}mood", "mood"]


def test_prefixed_atom_namespace_warns():
    feed = """<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title>
      <a:id>tag:notes.example.net,2024:feed</a:id><a:updated>2024-03-01T09:00:00Z</a:updated>
      <a:author><a:name>Ada</a:name></a:author>
      <a:link rel="self" type="application/atom+xml" href="https://notes.example.net/a"/>
    </a:feed>"""
    assert codes(feed) == ["atom.namespace.prefix"]


def test_atom_podcast_missing_itunes_channel_elements_warns():
    feed = edit(
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">',
    ).replace("  <entry>", "  <itunes:author>Ada Byron</itunes:author>\n  <entry>", 1)
    assert "itunes.channel.missing-owner" in codes(feed)


def test_unknown_namespace_on_an_atom_root_warns():
    feed = edit(
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:zz="https://example.org/zz">',
    )
    assert codes(feed) == ["ext.namespace.unknown"]
