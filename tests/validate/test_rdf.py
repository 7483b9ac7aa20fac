"""RSS 1.0, 0.90 and 1.1 validation: RDF resources, their required properties, RDF content."""

import pytest

RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
TRACKBACK = 'xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/"'


def test_valid_rss10_has_no_messages(codes, feed):
    assert codes(feed.rss10()) == []


def test_channel_needs_items(codes, feed):
    document = feed.rss10().replace(
        '<items><rdf:Seq><rdf:li rdf:resource="https://example.org/1"/></rdf:Seq></items>', "")
    assert codes(document) == ["rss.element.missing"]


def test_item_needs_rdf_about(codes, feed):
    item = "<item><title>t</title><link>https://example.org/1</link></item>"
    assert codes(feed.rss10(item=item)) == ["rss.attribute.missing"]


def test_item_needs_a_link(codes, feed):
    item = '<item rdf:about="https://example.org/1"><title>t</title></item>'
    assert codes(feed.rss10(item=item)) == ["rss.element.missing"]


def test_invalid_rdf_about(codes, feed):
    document = feed.rss10().replace('<item rdf:about="https://example.org/1">',
                                    '<item rdf:about="a b">')
    assert codes(document) == ["value.uri.bad-character"]


def test_duplicate_rdf_about(codes, feed):
    document = feed.rss10().replace('<item rdf:about="https://example.org/1">',
                                    '<item rdf:about="https://example.org/rss.rdf">')
    assert codes(document) == ["ext.rdf.duplicate-about"]


def test_rss20_element_in_rss10_item(codes, feed):
    assert codes(feed.rss10(extra="<pubDate>Sat, 07 Sep 2002 00:00:01 GMT</pubDate>")) == [
        "rss.element.unknown"]


def test_seq_items_use_rdf_resource(codes, feed):
    document = feed.rss10().replace('rdf:li rdf:resource=', 'rdf:li rdf:resources=')
    assert codes(document) == ["rss.attribute.unexpected"]


def test_trackback_in_rss10_uses_rdf_resource(codes, feed):
    extra = "<trackback:about>https://example.org/t</trackback:about>"
    assert codes(feed.rss10(extra=extra, ns=TRACKBACK)) == ["ext.attribute.missing"]


def test_trackback_in_rss10_with_rdf_resource(codes, feed):
    extra = '<trackback:about rdf:resource="https://example.org/t"/>'
    assert codes(feed.rss10(extra=extra, ns=TRACKBACK)) == []


def test_mixed_content_in_extension(codes, feed):
    ns = 'xmlns:x="http://example.com/x"'
    assert "ext.rdf.mixed-content" in codes(feed.rss10(extra="<x:a>text<x:b/></x:a>", ns=ns))


def test_xml_literal_may_mix_content(codes, feed):
    ns = 'xmlns:x="http://example.com/x"'
    extra = '<x:a rdf:parseType="Literal">text<x:b/></x:a>'
    assert codes(feed.rss10(extra=extra, ns=ns)) == ["ext.namespace.unknown"]


def test_channel_without_namespace(codes):
    document = f'<rdf:RDF {RDF}><channel/></rdf:RDF>'
    assert codes(document) == ["rss.element.no-namespace", "rss.element.missing"]


def test_rss090_needs_no_rdf_about(codes):
    document = f"""<rdf:RDF {RDF} xmlns="http://my.netscape.com/rdf/simple/0.9/">
    <channel><title>t</title><link>https://example.org/</link><description>d</description>
    </channel><item><title>i</title><link>https://example.org/1</link></item></rdf:RDF>"""
    assert codes(document) == []


RSS11 = """<Channel xmlns="http://purl.org/net/rss1.1#" xmlns:rss="http://purl.org/net/rss1.1#"
 {RDF} xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:foaf="http://xmlns.com/foaf/0.1/"
 rdf:about="https://example.org/"><title>t</title><link>https://example.org/</link>
 <description>d</description><items rdf:parseType="Collection">
 <item><title>i</title><link>https://example.org/1</link>{{extra}}</item></items></Channel>"""


def test_valid_rss11(codes):
    assert codes(RSS11.format(RDF=RDF).format(extra="")) == []


@pytest.mark.parametrize("extra, code", [
    ('<dc:creator><foaf:Person rss:title="x"/></dc:creator>', "ext.attribute.unexpected"),
    ("<dc:creator><foaf:Person><rss:title>x</rss:title></foaf:Person></dc:creator>",
     "rss.element.unknown"),
])
def test_rss11_vocabulary_inside_extensions(codes, extra, code):
    assert codes(RSS11.format(RDF=RDF).format(extra=extra)) == [code]
