"""Feeds are checked while they are read, an entry at a time: what is reported must not depend
on it. Each document here is validated in chunks of a few bytes (every element arrives in
pieces, entries are dropped as soon as they are checked) and in one chunk, and the reports must
be the same, to the order of the messages; the expected messages are stated too."""

from __future__ import annotations

import pytest

from feeds.validate import atom, rss, skim, validate_bytes, xmlload

ATOM = 'xmlns="http://www.w3.org/2005/Atom"'
FH = 'xmlns:fh="http://purl.org/syndication/history/1.0"'


def entry(n: int, extra: str = "") -> str:
    return (f"<entry><title>Post {n}</title><id>https://example.org/{n}</id>"
            f"<updated>2024-05-0{n}T09:30:00Z</updated>"
            f'<link href="https://example.org/{n}"/><summary>Text</summary>{extra}</entry>\n')


def atom_feed(body: str, head: str = "<author><name>Ann</name></author>", ns: str = "") -> str:
    return f"""<feed {ATOM} {ns}>
<title>Example</title><id>https://example.org/</id><updated>2024-05-01T09:30:00Z</updated>
<link rel="self" href="https://example.org/feed.atom"/>{head}
{body}</feed>"""


def item(n: int, extra: str = "") -> str:
    return (f"<item><title>Post {n}</title><link>https://example.org/{n}</link>"
            f"<guid>https://example.org/{n}</guid>"
            f"<pubDate>Wed, 01 May 2024 09:30:00 GMT</pubDate>{extra}</item>\n")


def rss_feed(body: str, version: str = "2.0") -> str:
    return f"""<rss version="{version}" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Example</title><link>https://example.org/</link><description>News</description>
<language>en</language>
<atom:link href="https://example.org/rss" rel="self" type="application/rss+xml"/>
{body}</channel></rss>"""


def report(document: str, monkeypatch, chunk: int) -> list[tuple[str, int | None, str | None]]:
    monkeypatch.setattr(xmlload, "CHUNK", chunk)
    messages = validate_bytes(document.encode(), "feed.xml").messages
    return [(m.code, m.line, m.path) for m in messages]


def streamed(document: str, monkeypatch) -> list[tuple[str, int | None, str | None]]:
    """The report, the same whether read in chunks of 5 bytes, of 61 or all at once."""
    whole = report(document, monkeypatch, 1 << 20)
    assert report(document, monkeypatch, 5) == whole
    assert report(document, monkeypatch, 61) == whole
    return whole


def test_positions_in_paths_count_the_entries_read_later(monkeypatch):
    document = atom_feed(entry(1, "<bogus/>") + entry(2) + entry(3, "<bogus/>"))
    assert streamed(document, monkeypatch) == [
        ("atom.element.unknown", 4, "/feed/entry[1]/bogus"),
        ("atom.element.unknown", 6, "/feed/entry[3]/bogus"),
    ]
    assert streamed(atom_feed(entry(1, "<bogus/>")), monkeypatch) == [
        ("atom.element.unknown", 4, "/feed/entry/bogus"),
    ]


def test_an_author_given_after_the_entries_counts_for_them(monkeypatch):
    late = atom_feed(entry(1) + entry(2) + "<author><name>Ann</name></author>\n", head="")
    assert [code for code, _, _ in streamed(late, monkeypatch)] == [
        "atom.feed.metadata-after-entry",
    ]
    none = atom_feed(entry(1) + entry(2, "<bogus/>"), head="")
    assert streamed(none, monkeypatch) == [
        ("atom.entry.missing-author", 4, "/feed/entry[1]"),
        ("atom.element.unknown", 5, "/feed/entry[2]/bogus"),
        ("atom.entry.missing-author", 5, "/feed/entry[2]"),
    ]


def test_feed_messages_keep_their_order_on_one_line(monkeypatch):
    """On one line, only the order of the report tells the messages apart: metadata after the
    entries is still reported before them, duplicates after the feed's links."""
    body = entry(1) + entry(1) + entry(2, "<bogus/>") + "<subtitle></subtitle>"
    document = atom_feed(body, head="").replace("\n", " ").replace(
        '<link rel="self" href="https://example.org/feed.atom"/>', "")
    assert [code for code, _, _ in streamed(document, monkeypatch)] == [
        "atom.text.blank",
        "atom.feed.metadata-after-entry",
        "atom.entry.missing-author",
        "atom.entry.missing-author",
        "atom.element.unknown",
        "atom.entry.missing-author",
        "atom.feed.missing-self",
        "atom.entry.duplicate-id",
    ]


def test_checks_reading_siblings_wait_for_the_whole_feed(monkeypatch):
    complete = atom_feed(entry(1), ns=FH).replace(
        "<title>Example</title>", '<title>Example</title><fh:complete/>'
    ).replace("</feed>", '<link rel="next" href="https://example.org/2"/></feed>')
    assert [code for code, _, _ in streamed(complete, monkeypatch)] == [
        "fh.complete.paging-link",
        "atom.feed.metadata-after-entry",
    ]
    image = ("<image><url>https://example.org/i.png</url><title>Other</title>"
             "<link>https://example.org/</link></image>")
    document = rss_feed(item(1) + item(2)).replace("<title>Example</title>", image, 1).replace(
        "</channel>", "<title>Example</title></channel>")
    assert [code for code, _, _ in streamed(document, monkeypatch)] == [
        "rss.image.title-mismatch",
        "rss.channel.item-before-metadata",
    ]


def test_text_between_items_is_found_after_they_are_dropped(monkeypatch):
    document = rss_feed(item(1) + "stray text" + item(2))
    assert streamed(document, monkeypatch) == [
        ("rss.element.unexpected-text", 1, "/rss/channel"),
    ]


def test_rss_091_lengths_of_items_are_reported_with_the_channel(monkeypatch):
    long_title = item(2).replace("Post 2", "x" * 101)
    document = rss_feed(item(1) + long_title, version="0.91").replace(
        "<title>Example</title>", f"<title>{'y' * 101}</title>")
    codes = [(code, path) for code, _, path in streamed(document, monkeypatch)]
    assert codes[-2:] == [
        ("rss.v091.too-long", "/rss/channel/title"),
        ("rss.v091.too-long", "/rss/channel/item[2]/title"),
    ]


def test_duplicates_across_items(monkeypatch):
    document = rss_feed(item(1) + item(2) + item(1))
    assert streamed(document, monkeypatch) == [
        ("rss.guid.duplicate", 7, "/rss/channel/item[3]/guid"),
    ]


def test_a_feed_is_held_one_entry_at_a_time(monkeypatch):
    """Checked entries leave the tree: however long the feed, the feed element holds its
    metadata and the entries of the last chunk or two (when it is not skimmed: then its
    entries never reach the tree)."""
    held = []
    monkeypatch.setattr(skim, "LIMIT", -1)
    original = atom._Walker.quick_entry  # every entry is offered to the quick check first

    def spy(self, element):
        held.append(len(element.getparent()))
        return original(self, element)

    monkeypatch.setattr(atom._Walker, "quick_entry", spy)
    monkeypatch.setattr(xmlload, "CHUNK", 1024)
    document = atom_feed("".join(entry(n % 9 + 1) for n in range(3000)))
    validate_bytes(document.encode(), "feed.atom")
    assert len(held) == 3000 and max(held) < 30


def test_a_channel_is_held_one_item_at_a_time(monkeypatch):
    held = []
    monkeypatch.setattr(skim, "LIMIT", -1)
    original = rss._quick_item  # every item is offered to the quick check first

    def spy(cx, element):
        held.append(len(element.getparent()))
        return original(cx, element)

    monkeypatch.setattr(rss, "_quick_item", spy)
    monkeypatch.setattr(xmlload, "CHUNK", 1024)
    validate_bytes(rss_feed("".join(item(n % 9 + 1) for n in range(3000))).encode(), "f.rss")
    assert len(held) == 3000 and max(held) < 30


@pytest.mark.parametrize("data", [
    atom_feed(entry(1) + "<entry>").encode(),
    rss_feed(item(1) + item(2) + "<item><title>x</item>").encode(),
])
def test_a_document_not_well_formed_late_reports_only_that(monkeypatch, data):
    """Whatever the checks found before the error is withdrawn, as if the document had been
    parsed first."""
    monkeypatch.setattr(xmlload, "CHUNK", 16)
    report_ = validate_bytes(data, "feed.xml")
    assert [m.code for m in report_.messages] == ["xml.not-well-formed"]
    assert report_.format == "unknown"
