"""HTML checks for content a feed carries as markup: escaped HTML (Atom type="html", RSS
description, content:encoded) or inline XHTML (Atom type="xhtml", xhtml:body).

Feed readers show this markup inside their own pages, so anything that runs script, loads
active content, restyles the reader or points nowhere is worth a warning. Valid HTML5, SVG,
MathML, ARIA and data-* markup is never flagged: only unsafe constructs, names no HTML
specification defines, markup a parser has to guess at, and relative URLs with no base.

Public API (shared by every format):
- `check_html(markup, out, element, *, base_url)` for escaped HTML text (and
  `is_plain_markup(markup)`, its fast answer for the common case: nothing to report);
- `check_xhtml(container, out, *, base_url)` for inline XHTML below an element;
- `contains_markup(text)` to spot HTML in fields meant to be plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import lxml.html
from lxml import etree

from feeds.validate.collector import Collector
from feeds.validate.values import resolve, word_set
from feeds.validate.xmlload import NOT_XML, SPACE, xml_chars

XHTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _names(words: str) -> frozenset[str]:
    """A set of names from a whitespace-separated list, lower-cased as HTML parsers see them."""
    return word_set(words.lower())


HTML_ELEMENTS = _names("""
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption
cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins
kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option
output p param picture pre progress q rp rt ruby s samp script search section select slot small
source span strong style sub summary sup table tbody td template textarea tfoot th thead time
title tr track u ul var video wbr
acronym applet basefont big blink center dir font frame frameset marquee nobr noembed noframes
strike tt
""")

SVG_ELEMENTS = _names("""
svg a animate animateMotion animateTransform circle clipPath defs desc ellipse feBlend
feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight
feSpecularLighting feSpotLight feTile feTurbulence filter foreignObject g image line
linearGradient marker mask metadata mpath path pattern polygon polyline radialGradient rect
script set stop style switch symbol text textPath title tspan use view
""")

MATHML_ELEMENTS = _names("""
math maction maligngroup malignmark menclose merror mfenced mfrac mglyph mi mlabeledtr mlongdiv
mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mscarries mscarry msgroup
msline mspace msqrt msrow mstack mstyle msub msubsup msup mtable mtd mtext mtr munder munderover
none semantics annotation annotation-xml
apply bind bvar ci cn csymbol cs share cerror cbytes degree lowlimit uplimit interval
domainofapplication condition piecewise piece otherwise
""")

# Elements that run script, embed plugins or frames, or reach outside the entry's box.
UNSAFE_ELEMENTS = _names("script iframe frame frameset object embed applet meta link base style")

URL_ATTRIBUTES = _names(
    "href src action formaction background cite longdesc poster data codebase usemap lowsrc dynsrc"
)

_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20]+")
_SAFE_DATA = re.compile(r"^data:(image/(?!svg)|audio/|video/)", re.IGNORECASE)

# Numbers only match from their first character, which keeps the scan linear.
_LENGTH = re.compile(
    r"(?<![\d.])(-?(?:\d+(?:\.\d*)?|\.\d+))\s*(px|pt|pc|em|rem|ex|ch|in|cm|mm|vw|vh|vmin|vmax)\b",
    re.IGNORECASE,
)
_PX_PER_UNIT = {
    "px": 1,
    "pt": 4 / 3,
    "pc": 16,
    "em": 16,
    "rem": 16,
    "ex": 8,
    "ch": 8,
    "in": 96,
    "cm": 37.8,
    "mm": 3.78,
    "vw": 20,
    "vh": 20,
    "vmin": 20,
    "vmax": 20,
}
MAX_OFFSET_PX = 10_000
_CSS_DANGER = re.compile(
    r"expression\s*\(|url\s*\(|javascript:|vbscript:|behavior|-moz-binding"
    r"|@import",
    re.IGNORECASE,
)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")

CSS_PROPERTIES = _names("""
accent-color align-content align-items align-self all animation animation-delay
animation-direction animation-duration animation-fill-mode animation-iteration-count
animation-name animation-play-state animation-timing-function aspect-ratio backface-visibility
background background-attachment background-blend-mode background-clip background-color
background-image background-origin background-position background-position-x
background-position-y background-repeat background-size block-size border border-block
border-block-color border-block-end border-block-start border-block-style border-block-width
border-bottom border-bottom-color border-bottom-left-radius border-bottom-right-radius
border-bottom-style border-bottom-width border-collapse border-color border-end-end-radius
border-end-start-radius border-image border-image-outset border-image-repeat border-image-slice
border-image-source border-image-width border-inline border-inline-color border-inline-end
border-inline-start border-inline-style border-inline-width border-left border-left-color
border-left-style border-left-width border-radius border-right border-right-color
border-right-style border-right-width border-spacing border-start-end-radius
border-start-start-radius border-style border-top border-top-color border-top-left-radius
border-top-right-radius border-top-style border-top-width border-width bottom box-decoration-break
box-shadow box-sizing break-after break-before break-inside caption-side caret-color clear clip
clip-path color color-scheme column-count column-fill column-gap column-rule column-rule-color
column-rule-style column-rule-width column-span column-width columns contain content
counter-increment counter-reset counter-set cursor direction display empty-cells filter flex
flex-basis flex-direction flex-flow flex-grow flex-shrink flex-wrap float font font-family
font-feature-settings font-kerning font-language-override font-optical-sizing font-size
font-size-adjust font-stretch font-style font-synthesis font-variant font-variant-caps
font-variant-east-asian font-variant-ligatures font-variant-numeric font-variant-position
font-variation-settings font-weight gap grid grid-area grid-auto-columns grid-auto-flow
grid-auto-rows grid-column grid-column-end grid-column-gap grid-column-start grid-gap grid-row
grid-row-end grid-row-gap grid-row-start grid-template grid-template-areas grid-template-columns
grid-template-rows hanging-punctuation height hyphens image-orientation image-rendering
inline-size inset inset-block inset-block-end inset-block-start inset-inline inset-inline-end
inset-inline-start isolation justify-content justify-items justify-self left letter-spacing
line-break line-height list-style list-style-image list-style-position list-style-type margin
margin-block margin-block-end margin-block-start margin-bottom margin-inline margin-inline-end
margin-inline-start margin-left margin-right margin-top mask max-block-size max-height
max-inline-size max-width min-block-size min-height min-inline-size min-width mix-blend-mode
object-fit object-position opacity order orphans outline outline-color outline-offset
outline-style outline-width overflow overflow-wrap overflow-x overflow-y padding padding-block
padding-block-end padding-block-start padding-bottom padding-inline padding-inline-end
padding-inline-start padding-left padding-right padding-top page-break-after page-break-before
page-break-inside perspective perspective-origin place-content place-items place-self
pointer-events position quotes resize right rotate row-gap scale scroll-behavior
scroll-margin scroll-padding shape-outside speak tab-size table-layout text-align
text-align-last text-combine-upright text-decoration text-decoration-color
text-decoration-line text-decoration-style text-decoration-thickness text-emphasis
text-indent text-justify text-orientation text-overflow text-rendering text-shadow
text-transform text-underline-offset text-underline-position top transform transform-origin
transform-style transition transition-delay transition-duration transition-property
transition-timing-function translate unicode-bidi user-select vertical-align visibility
white-space widows width word-break word-spacing word-wrap writing-mode z-index zoom
fill fill-opacity fill-rule stroke stroke-dasharray stroke-dashoffset stroke-linecap
stroke-linejoin stroke-miterlimit stroke-opacity stroke-width stop-color stop-opacity
""")

def _plain_attributes(*, style: bool = True, xml_text: bool = False) -> str:
    """Attributes that can't be reported: no event handler, URLs absolute http(s) or in-page,
    no character references (which could hide a javascript: scheme); quoted styles, which
    `_is_plain` then checks. Without `style`, no style attribute and no '<' or '>' in values
    (see `_plain_markup_pattern`). With `xml_text`, nothing but XML's white space between
    them, no character `NOT_XML` names, and names in lower case only: the pattern is then
    case-sensitive (see `plain_markup_pattern`), and a name in any other case (HTML's are
    case-insensitive: "onClick" is an event handler too) is left to the full check. Nor is
    there anything then in which `_STYLE` could find a style attribute, which needs "style",
    '=' and a quote: no name ends in "style", and no quoted value holds the other quote."""
    urls = "|".join(sorted(URL_ATTRIBUTES, key=len, reverse=True))
    if xml_text:  # the other quote is left out of a quoted value (see above)
        space, bad, name = SPACE, NOT_XML, "[a-z_:][-a-z0-9_:.]*+(?<!style)"
        in_double, in_single = f"'{bad}", f'"{bad}'
    else:
        space, bad, name = r"\s", "", r"[a-z_:][-\w:.]*"
        in_double = in_single = ""
    quoted = r"""[^"&]""" if style else rf"""[^"&<>{in_double}]"""
    single = r"""[^'&]""" if style else rf"""[^'&<>{in_single}]"""
    safe_url = (
        rf"""(?:"(?:https?://|#){quoted}*"|'(?:https?://|#){single}*'"""
        rf"""|(?:https?://|#)[^\s"'=<>`&{bad}]*)"""
    )
    value = rf"""(?:"{quoted}*"|'{single}*'|[^\s"'=<>`&{bad}]+)"""
    styled = r"""|style\s*=\s*(?:"[^"&]*"|'[^'&]*')""" if style else ""
    other = rf"(?!on|style\b|(?:{urls})\b){name}(?:{space}*={space}*{value})?"
    attribute = rf"(?:{urls}){space}*={space}*{safe_url}{styled}|{other}"
    return rf"(?:{space}+(?:{attribute}))*+{space}*/?"


_PLAIN_ATTRIBUTES = re.compile(_plain_attributes(), re.IGNORECASE)
_PLAIN_ELEMENTS = HTML_ELEMENTS - UNSAFE_ELEMENTS
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>")
_STYLE = re.compile(r"""style\s*=\s*(?:"([^"&]*)"|'([^'&]*)')""", re.IGNORECASE)


def _is_plain(markup: str) -> bool:
    """True when every '<' starts a tag of a known, safe element with attributes that can't be
    reported. Most content is like that, and is then checked without parsing it."""
    tags = _TAG.findall(markup)
    return len(tags) == markup.count("<") and all(
        name.lower() in _PLAIN_ELEMENTS
        and _PLAIN_ATTRIBUTES.fullmatch(attributes)
        and not any(style_problem(a or b) for a, b in _STYLE.findall(attributes))
        for _, name, attributes in tags
    )


def _alternatives(words: Iterable[str], *, any_case: bool = True) -> str:
    """A regular expression matching exactly `words`, ASCII letters in either case unless
    `any_case` is off, as a trie (a|ab|abbr -> a(?:b(?:br|)|)): alternatives sharing a prefix
    are tried once, not one by one as in a plain alternation."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [
            (f"[{char.lower()}{char.upper()}]" if char.isalpha() and any_case
             else re.escape(char))
            + pattern(node[char])
            for char in sorted(node)
            if char
        ]
        if "" in node:  # an empty alternative, not '?': see `quick.optional`
            return f"(?:{'|'.join(branches)}|)" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(trie)


def plain_markup_pattern(*, escaped: bool = False) -> str:
    """Markup `_is_plain` accepts, as one regular expression matched in one pass: runs of text
    and tags of plain elements whose attributes have no style (nor '<' or '>' in values, so
    that a tag ends where `_TAG` ends it). Element names match ASCII letters only, as `_TAG`
    does; the rest is to be matched case-insensitively, as `_PLAIN_ATTRIBUTES` is. A name
    needs nothing after it to end it: a tag's attributes start with white space.

    `escaped` gives the pattern of the same markup as XML text, serialized by libxml2 or as it
    stands in a document (see `quick`): '<' written '&lt;', '>' '&gt;' (never '>'), '&'
    '&amp;' (never in a plain tag's attribute values), and no character `NOT_XML` names (a
    carriage return is serialized '&#13;'). It is case-sensitive (XML's references are: '&LT;'
    is no '&lt;'), and its element and attribute names are in lower case only: `re` then skips
    the alternatives of the trie that can't match by their first letter alone (and the quick
    check leaves other spellings to the full walk). It also makes the checks `is_plain_text`
    makes of unescaped markup, where they cost least: no tag holds anything `_STYLE` could
    take for a style attribute (see `_plain_attributes`), and no '&amp;' starts a reference to
    a C1 control. So nothing it matches has anything for `check_html` to report.

    The loop is unrolled (a run of text, then any number of tags or escapes each followed by
    a run of text), and possessive: one step per tag, where an alternation of text and tags
    took two. A tag without attributes, the commonest, ends before they are tried."""
    names = f"(?-i:{_alternatives(_PLAIN_ELEMENTS, any_case=not escaped)})"
    attributes = _plain_attributes(style=False, xml_text=escaped)
    if escaped:
        text, markup = (f"{xml_chars('&<>', runs=True)}*+",
                        rf"&(?:gt;|lt;/?{names}(?:&gt;|{attributes}&gt;)|amp;(?!{_C1_REFERENCE}))")
    else:
        text, markup = r"[^<]*+", rf"</?{names}(?:>|{attributes}>)"
    return rf"{text}(?:{markup}{text})*+"


# A reference to a C1 control character after its '&': mis-encoded text (see `check_html`).
_C1_REFERENCE = r"#(?:0*(?:12[89]|1[34][0-9]|15[0-9])|[xX]0*[89][0-9a-fA-F]);"
_PLAIN_MARKUP = re.compile(plain_markup_pattern(), re.IGNORECASE)
_MARKUP = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?/?>")
_TAG_START = re.compile(r"<[/!?A-Za-z]")
_BAD_CHARREF = re.compile("&" + _C1_REFERENCE)
_HTML_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)

Report = Callable[[etree._Element, str, dict[str, str]], None]


def is_plain_markup(markup: str) -> bool:
    """True when `check_html` has nothing to report about `markup`: only plain tags (see
    `_is_plain`), and nothing `plain_markup_pattern` leaves to `is_plain_text`. A few scans of
    the text, none of them in Python."""
    return _PLAIN_MARKUP.fullmatch(markup) is not None and is_plain_text(markup)


def is_plain_text(markup: str) -> bool:
    """What `_PLAIN_MARKUP` can't say about markup whose tags are plain: it has no character
    reference to a C1 control, and nothing `_STYLE` could take for a style attribute ("style"
    in any case, where 's' may also be U+017F, as `re` folds it)."""
    return (
        "style" not in markup.lower()
        and "\u017f" not in markup
        and ("&#" not in markup or not _BAD_CHARREF.search(markup))
    )


def check_html(
    markup: str, out: Collector, element: etree._Element, *, base_url: str | None
) -> None:
    """Check escaped HTML carried as the text of `element`; messages are reported at it.
    `base_url` resolves relative URLs (xml:base, the feed's address); None reports them."""
    if is_plain_markup(markup):
        return

    def report(_node: etree._Element, code: str, params: dict[str, str]) -> None:
        out.at(element, code, **params)

    after_last_tag = markup.rfind(">") + 1
    unterminated = _TAG_START.search(markup, after_last_tag)
    if unterminated:
        start = unterminated.start()
        report(element, "html.malformed",
               {"reason": f"unterminated tag {markup[start:start + 20]!r}"})
        markup = markup[:start]
    if _BAD_CHARREF.search(markup):
        report(element, "html.malformed",
               {"reason": "a character reference to a C1 control character (mis-encoded text)"})
    if _is_plain(markup):
        return
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div", parser=_HTML_PARSER)
    except (etree.LxmlError, ValueError):
        report(element, "html.malformed", {"reason": "the markup cannot be parsed"})
        return
    _walk(fragment, report, base_url, html_syntax=True)


def check_xhtml(container: etree._Element, out: Collector, *, base_url: str | None) -> None:
    """Check the inline XHTML below `container` (e.g. the xhtml:div of an Atom text construct);
    each problem is reported at the element that has it. xml:base on the way down counts."""

    def report(node: etree._Element, code: str, params: dict[str, str]) -> None:
        out.at(node, code, **params)

    _walk(container, report, base_url, html_syntax=False)


def contains_markup(text: str) -> bool:
    """True when plain text holds what looks like an HTML tag (a known element name, as a
    start tag, end tag or empty tag): the author most likely meant it to be rendered."""
    return "<" in text and any(m.group(2).lower() in HTML_ELEMENTS for m in _MARKUP.finditer(text))


def _walk(container: etree._Element, report: Report, base: str | None, *,
          html_syntax: bool) -> None:
    """Visit the elements below `container` in document order, each with the vocabulary it
    belongs to (HTML, SVG or MathML) and the base URI in scope."""
    stack = [(child, base, HTML_ELEMENTS) for child in reversed(container)]
    while stack:
        node, base, vocabulary = stack.pop()
        if not isinstance(node.tag, str):
            continue
        own_base = node.get(XML_BASE)
        if own_base is not None:
            base = resolve(base, own_base)
        if html_syntax:
            tag = node.tag.lower()
            vocabulary = _FOREIGN_ROOTS.get(tag, vocabulary)
        else:
            tag, vocabulary = _xml_name(node)
            if vocabulary is None:
                # Another vocabulary's element (an Atom or app: element pasted into the
                # content): no reader renders it, and its subtree is that vocabulary's business.
                report(node, "html.unknown-element", {"tag": tag})
                continue
        for code, params in _problems(tag, node, vocabulary, base):
            report(node, code, params)
        stack.extend((child, base, vocabulary) for child in reversed(node))


# Inside <svg> and <math> the names of those vocabularies are valid, and HTML's (foreignObject).
_FOREIGN_ROOTS = {"svg": SVG_ELEMENTS | HTML_ELEMENTS, "math": MATHML_ELEMENTS | HTML_ELEMENTS}
_NAMESPACES = {XHTML_NS: HTML_ELEMENTS, None: HTML_ELEMENTS, SVG_NS: SVG_ELEMENTS,
               MATHML_NS: MATHML_ELEMENTS}


def _xml_name(node: etree._Element) -> tuple[str, frozenset[str] | None]:
    """An XHTML element's lower-cased local name and the vocabulary of its namespace; for
    namespaces other than XHTML, SVG and MathML no vocabulary and a name showing the namespace."""
    qname = etree.QName(node)
    vocabulary = _NAMESPACES.get(qname.namespace)
    if vocabulary is None:
        return f'{qname.localname} xmlns="{qname.namespace}"', None
    return qname.localname.lower(), vocabulary


def _problems(tag: str, node: etree._Element, vocabulary: frozenset[str], base: str | None):
    """(code, params) for each problem of one element: the element, then its attributes."""
    if tag in UNSAFE_ELEMENTS:
        yield "html.unsafe-element", {"tag": tag}
    elif tag not in vocabulary and "-" not in tag:
        yield "html.unknown-element", {"tag": tag}
    for key, value in node.items():
        name = key.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
        if name.startswith("on") and len(name) > 2:
            yield "html.event-attribute", {"attr": name, "tag": tag}
        elif name == "style" and value:
            reason = style_problem(value)
            if reason:
                yield "html.unsafe-style", {"tag": tag, "reason": reason}
        elif name in URL_ATTRIBUTES and value:
            yield from _url_reports(tag, name, value, base)


def _url_reports(tag: str, attr: str, value: str, base_url: str | None):
    compact = _CONTROL.sub("", value)
    match = _SCHEME.match(compact)
    if match:
        scheme = match.group(1).lower()
        if scheme in _SCRIPT_SCHEMES or (scheme == "data" and not _SAFE_DATA.match(compact)):
            yield "html.unsafe-url", {"attr": attr, "tag": tag, "scheme": scheme}
    elif base_url is None and not value.startswith("#"):
        yield "html.relative-url", {"url": value, "attr": attr, "tag": tag}


def style_problem(style: str) -> str | None:
    """Why a style attribute is unsafe in a feed reader, or None. Readers embed entries in
    their own page: scripts in CSS, external loads, absolute positioning, huge offsets and
    non-standard properties (how overlays, web bugs and Office cruft get in) are flagged."""
    css = _CSS_ESCAPE.sub(_unescape_css, style)
    danger = _CSS_DANGER.search(css)
    if danger:
        return f"uses {danger.group(0).rstrip('( ').strip()!r}"
    for declaration in css.split(";"):
        prop, colon, value = declaration.partition(":")
        prop, value = prop.strip().lower(), value.strip().lower()
        if not colon:
            continue
        if not prop:
            continue
        if prop not in CSS_PROPERTIES and not prop.startswith("--"):
            return f"uses the non-standard property {prop!r}"
        if prop == "position" and value.split()[:1] in (["absolute"], ["fixed"]):
            return f"positions the element outside its entry ({value})"
        for number, unit in _LENGTH.findall(value):
            if abs(float(number)) * _PX_PER_UNIT[unit.lower()] > MAX_OFFSET_PX:
                return f"uses the out-of-bounds length {number}{unit} in {prop!r}"
    return None


def _unescape_css(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code < 0x110000 else "\ufffd"
    return match.group(2)
