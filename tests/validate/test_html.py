"""HTML checks on escaped HTML and inline XHTML: unsafe markup warns, valid HTML5 does not."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from feeds.validate import html, quick
from feeds.validate.collector import Collector
from feeds.validate.html import check_html, check_xhtml, contains_markup, style_problem

BASE = "https://notes.example.net/"
XHTML = "http://www.w3.org/1999/xhtml"


def html_codes(markup: str, base_url: str | None = BASE) -> list[str]:
    out = Collector()
    check_html(markup, out, etree.Element("description"), base_url=base_url)
    return [m.code for m in out.messages]


def xhtml_codes(inner: str, base_url: str | None = BASE) -> list[str]:
    out = Collector()
    check_xhtml(etree.fromstring(f'<div xmlns="{XHTML}">{inner}</div>'), out, base_url=base_url)
    return [m.code for m in out.messages]


@pytest.mark.parametrize("markup", [
    '<figure role="img" aria-label="A comet"><img src="c.jpg" alt="" loading="lazy">'
    "<figcaption>Comet</figcaption></figure>",
    '<video controls src="v.mp4" poster="v.jpg"><track kind="captions" src="v.vtt"></video>',
    '<p data-sourcepos="1:1-2:3" dir="auto">Text <mark>marked</mark> <time datetime="2024">'
    "2024</time></p>",
    "<details><summary>More</summary><p>Hidden</p></details>",
    '<svg viewBox="0 0 10 10"><linearGradient id="g"/><circle r="4"/></svg>',
    "<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>",
    '<my-widget count="3"></my-widget>',
    '<p style="color: #333; font-weight: bold; margin: 1em 0">Styled</p>',
    '<a href="#notes">Jump</a> <a href="mailto:ada@example.net">Mail</a>',
])
def test_valid_html5_is_not_flagged(markup):
    assert html_codes(markup) == []


@pytest.mark.parametrize("markup, code", [
    ("<script>alert(1)</script>", "html.unsafe-element"),
    ('<iframe src="https://x.example/"></iframe>', "html.unsafe-element"),
    ("<object></object>", "html.unsafe-element"),
    ('<img src="a.png" onerror="steal()">', "html.event-attribute"),
    ('<a href="javascript:alert(1)">x</a>', "html.unsafe-url"),
    ('<a href=" jav&#x09;ascript:alert(1)">x</a>', "html.unsafe-url"),
    ('<a href="data:text/html,<b>x</b>">x</a>', "html.unsafe-url"),
    ("<blink>x</blink><bogus>x</bogus>", "html.unknown-element"),
])
def test_unsafe_or_unknown_markup_warns(markup, code):
    assert code in html_codes(markup)


def test_data_image_url_is_safe():
    assert html_codes('<img src="data:image/png;base64,AAAA" alt="">') == []


def test_relative_url_without_base_warns():
    assert html_codes('<img src="/images/comet.jpg" alt="">', base_url=None) == [
        "html.relative-url"]


def test_relative_url_with_base_is_fine():
    assert html_codes('<img src="/images/comet.jpg" alt="">') == []


def test_unterminated_tag_is_malformed():
    assert html_codes("Look: <a") == ["html.malformed"]


def test_c1_character_reference_is_malformed():
    assert html_codes("isn&#x92;t") == ["html.malformed"]


@pytest.mark.parametrize("style", [
    "position: absolute; top: 0", "margin: 99999em", "mso-list: l0 level1",
    "background: url(https://x.example/bug.gif)", "width: expression(alert(1))",
    "\\62 ehavior: url(x.htc)",
])
def test_unsafe_styles(style):
    assert style_problem(style) is not None


@pytest.mark.parametrize("style", [
    "color: red", "display: flex; gap: 1rem", "--accent: #f00; color: var(--accent)",
    "position: relative; left: -2px", "",
])
def test_safe_styles(style):
    assert style_problem(style) is None


def test_xhtml_checks_each_element():
    assert xhtml_codes('<p>ok</p><script>x</script><b onbug="1">b</b>') == [
        "html.unsafe-element", "html.event-attribute"]


def test_xhtml_other_vocabulary_is_unknown():
    assert xhtml_codes('<edited xmlns="http://www.w3.org/2007/app">x</edited>') == [
        "html.unknown-element"]


def test_xhtml_unknown_mathml_element():
    math = '<math xmlns="http://www.w3.org/1998/Math/MathML"><bogus/></math>'
    assert xhtml_codes(math) == ["html.unknown-element"]


def test_xhtml_relative_url_resolved_by_xml_base():
    inner = '<p xml:base="https://x.example/"><img src="a.png" alt=""/></p>'
    assert xhtml_codes(inner, base_url=None) == []


@pytest.mark.parametrize("text, expected", [
    ("a <b>bold</b> move", True), ("line<br/>break", True), ("x < y and y > z", False),
    ("<notatag>", False), ("plain", False),
])
def test_contains_markup(text, expected):
    assert contains_markup(text) is expected


@pytest.mark.parametrize("markup", [
    "<a" * 100_000, '<p style="' + "a" * 100_000 + '">', '<p style="margin:' + "1" * 100_000 + '">',
    "<p" + " a" * 50_000 + " !>",
])
def test_pathological_markup_is_checked_in_linear_time(markup):
    start = time.process_time()
    html_codes(markup)
    assert time.process_time() - start < 2.0


# --- the fast path -----------------------------------------------------------------------------
# Most escaped HTML is plain and is accepted by `is_plain_markup` in a few regular-expression
# scans; it must never accept what the full check would report.

_PIECES = ["<", ">", "/", "=", '"', "'", " ", "\t", "\n", "\xa0", "&", "&amp;", "&#150;",
           "&#x85;", "p", "P", "a", "A", "b", "br", "img", "div", "span", "script", "iframe",
           "style", "STYLE", "\u017ftyle", "K", "href", "HREF", "src", "on", "ONclick",
           "title", "class", "data-x", "http://", "HTTPS://x/", "#", "/rel", "javascript:",
           "x", "é", ":"]
_TAGS = ["p", "a", "span", "img", "b", "em", "script"]


@st.composite
def markup(draw) -> str:
    """Text from the pieces markup and its near misses are made of, often inside a tag."""
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14)))
    if draw(st.booleans()):
        name = draw(st.sampled_from(_TAGS))
        text = f"<{name} {text}>{draw(st.sampled_from(['x', '', f'</{name}>']))}"
    return text


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@given(markup())
def test_plain_markup_is_only_what_the_full_check_accepts(text):
    if html.is_plain_markup(text):
        assert html._is_plain(text)
        assert not html._BAD_CHARREF.search(text)
        assert not html._TAG_START.search(text, text.rfind(">") + 1)


_PLAIN_HTML = re.compile(quick.PLAIN_HTML)


def _xml_escaped(markup: str) -> str:
    return markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@given(markup())
def test_escaped_plain_markup_has_nothing_to_report(text):
    if _PLAIN_HTML.fullmatch(_xml_escaped(text)):
        assert html_codes(text, base_url=None) == []


@pytest.mark.parametrize("text", [
    '<p title=\'a style="color: red"\'>x</p>', '<p data-style="color: red">x</p>',
    '<p title=\'\u017ftyle="x"\'>x</p>', '<p title="STYLE=\'x\'">x</p>',
    '<p data-style ="x">x</p>', '<a href="https://example.org/?style=\'x\'">x</a>',
    "<p>x &#150; y</p>", "<p>x &#x85;</p>",
])
def test_escaped_markup_a_style_could_hide_in_or_a_c1_reference_is_not_plain(text):
    assert not _PLAIN_HTML.fullmatch(_xml_escaped(text))


def test_escaped_markup_saying_style_in_its_text_is_plain():
    """Only a tag can hold a style attribute: text saying "style" is plain."""
    assert _PLAIN_HTML.fullmatch(_xml_escaped("<p>A lifestyle &#233; <b>STYLE</b></p>"))


@pytest.mark.parametrize("text", [
    '<p>The bridge is <a href="https://example.org/x" title="closed">closed</a>.</p>',
    '<p>One &amp; two<br/></p><img src="https://example.org/a.png" alt="">',
])
def test_common_escaped_markup_is_plain(text):
    assert _PLAIN_HTML.fullmatch(_xml_escaped(text))


@pytest.mark.parametrize("text", [
    '<p oNclick="x()">x</p>', '<p stylE="color: red">x</p>', '<P>x</P>',
    '<a HREF="https://example.org/">x</a>',
])
def test_escaped_markup_in_other_cases_is_left_to_the_full_check(text):
    assert not _PLAIN_HTML.fullmatch(_xml_escaped(text))


@pytest.mark.parametrize("text", [
    '<p>The bridge is <a href="https://example.org/x" title="closed">closed</a>.</p>',
    "<P CLASS=note>One &amp; two<br/></P>",
    "<ul><li>one</li><li>two</li></ul>",
])
def test_common_markup_is_plain(text):
    assert html.is_plain_markup(text)


@pytest.mark.parametrize("text", [
    '<p style="color: red">x</p>',
    '<p title="style=\'x\'">x</p>',
    "<\u017fpan>x</\u017fpan>",
    '<a href="/relative">x</a>',
    "<a ONCLICK=x>y</a>",
    "<script>x</script>",
    "x &#150; y <b>z</b>",
    "<p>unterminated <b",
])
def test_anything_to_look_at_is_not_plain(text):
    assert not html.is_plain_markup(text)
