"""Quick acceptance of a feed's entries and items: the common case, proved clean in C.

Most entries of most feeds have nothing to report, and walking one element at a time in Python
to find that out costs several times what libxml2 spent parsing them. So each entry or item is
first serialized (one lxml call) and matched against a regular expression (one more) that
accepts only a narrow, common form of it: the children a format's module lists, each in its
plain spelling, with values whose shape is already known to be clean (an absolute http URL in
normal form, an RFC 3339 date, text without markup, escaped HTML with nothing to report, ...).
The few checks a pattern can't make (a date's calendar and plausibility, a tag URI) run on the
values the match captured. A group is read only where the match as a whole went through it:
`re` keeps what a group took in an alternative that failed after it, and shows it once a later
group has matched (see the RSS date's marker).

Acceptance is only a shortcut. Whatever the pattern does not accept, anything unusual and not
only anything wrong, gets the full walk, which alone reports messages, so a quick check that
accepts too little costs time and never a message. One that accepted too much would hide
messages: the tests compare every report with the report of the full walk alone, on entries and
items changed in every way that matters to a check.

The serialization is lxml's (libxml2's), whose spelling is fixed whatever the document's: start
tags carry every namespace declaration in scope, attributes are double-quoted, text escapes
'<', '>' and '&' (attributes also '"' and white space other than the space), CDATA sections
become escaped text, and comments and processing instructions stay (and fail the patterns).

The same patterns also read entries in the document's own text, before it is parsed (see
`skim`). So they accept only what is well-formed XML as it stands, and means in the text what
it means serialized: no character XML forbids or normalizes (`NOT_XML`: a carriage return
becomes a line feed), no '>' in text ('&gt;' serialized; ']]>' is not well-formed), no
reference but '&amp;', '&gt;' and '&lt;' in that case, no attribute given twice (`distinct`,
`once`). Serializations never contain what that refuses, so it changes nothing for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from feeds.validate import html
from feeds.validate.xmlload import SPACE, xml_chars

# XML's white space: the only thing between children that the full walk ignores and that
# means the same in a document's text and serialized.
GAP = f"{SPACE}*"


def chars(without: str, *, space: bool = False, runs: bool = False) -> str:
    """Any character but those in `without`, '>' (see above), `NOT_XML` and, with `space`,
    white space; the class written for long `runs` of text or not (see `xml_chars`)."""
    return xml_chars(">" + without, space=space, runs=runs)


def optional(pattern: str) -> str:
    """`(?:pattern)?`, written as an alternation with an empty branch, which means the same:
    `re` runs a group that may be left out through the machinery of repeats, and tries an
    empty alternative in a fraction of that time."""
    return f"(?:{pattern}|)"


def text(
    *, nonblank: bool = False, without: str = "", escapes: str = "amp|gt", runs: bool = False
) -> str:
    """Escaped text with no markup: no '<' in it (escaped, '&lt;'), no character escaped
    because it is a control character ('&#13;'), none of the characters in `without` (in an
    attribute value, '"'), and of the escapes only those in `escapes`; non-blank if asked.
    Long `runs` of text (content, summaries, titles) take the class `re` reads faster
    (`xml_chars`). One class, possessive: the class and the escapes start with different
    characters, so there is never anything to backtrack to."""
    body = f"(?:{chars('<&' + without, runs=runs)}++|&(?:{escapes});)*+"
    return rf"(?=\s*[^\s<{without}]){body}" if nonblank else body


TEXT = text(runs=True)
NONBLANK_TEXT = text(nonblank=True, runs=True)
ATTRIBUTE_TEXT = text(without='"')  # white space other than the space is escaped in values
NONBLANK_ATTRIBUTE = text(nonblank=True, without='"')
# An element's text that is not checked beyond being plain.
ANY_TEXT = text(escapes="amp|gt|lt")
# Escaped HTML with plain tags only, and nothing else `html.check_html` would report
# (`html.plain_markup_pattern`).
PLAIN_HTML = html.plain_markup_pattern(escaped=True)
# A mailbox with a dotted domain, in the plain dot-atom form.
_LABEL = "[A-Za-z0-9]" + optional("[A-Za-z0-9-]{0,61}[A-Za-z0-9]")
EMAIL = rf"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@{_LABEL}(?:\.{_LABEL})+"
# A media type without parameters.
MEDIA_TYPE = r"[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+"

# An absolute URI with nothing a URI check could object to: a scheme, then characters allowed
# anywhere in a URI, no percent escape, no '&' (nor '&amp;') and at most one fragment.
_PATH_CHAR = r"[A-Za-z0-9\-._~!$'()*+,;=:@]"
URI_CHAR = r"[A-Za-z0-9\-._~!$'()*+,;=:@/?]"
ABSOLUTE_URI = f"[A-Za-z][A-Za-z0-9+.-]*:{URI_CHAR}*{optional(f'#{URI_CHAR}*')}"
# An http(s) URL already in the normal form of RFC 3986 section 6: lower-case scheme and host,
# no port, userinfo, escape or fragment, a path that is not empty and has no '.' or '..'
# segment.
_SEGMENT = rf"/(?!\.\.?(?:[/?<\"]|$)){_PATH_CHAR}*"
NORMAL_HTTP_URL = (f"https?://[a-z0-9]{optional('[a-z0-9.-]*[a-z0-9]')}(?:{_SEGMENT})+"
                   + optional(rf"\?{URI_CHAR}*"))
# RFC 3339 as Atom requires it; whether the date exists is for `values.parse_rfc3339_strict`.
RFC3339 = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d" + optional(r"\.\d+") + r"(?:Z|[+-]\d\d:[0-5]\d)"


def serialize(element: etree._Element) -> str:
    """An element as libxml2 writes it, without the text after it."""
    return etree.tostring(element, encoding=str, with_tail=False)


def start_tag(name: str, namespace: str | None) -> str:
    """The start tag of an element with no attributes, whose namespace (None: no namespace) is
    the default one: what else is declared in scope does not matter."""
    other = r'(?: xmlns:[^\s=]+="[^"]*")*'
    if namespace is None:
        return f"<{name}{other}>"
    return f'<{name}{other} xmlns="{re.escape(namespace)}"{other}>'


def distinct(*names: str) -> str:
    """Fails the match if the tag ahead gives one of the attributes `names` twice (not
    well-formed; its value patterns keep '>' out, so the tag ends at the first one). For
    elements that repeat: one that can't takes its attributes `once`, at no cost."""
    return "".join(f'(?![^>]* {name}="[^>]* {name}=")' for name in names)


def end_tag(name: str) -> str:
    """The end tag of an element `name`, and the start tag of a next one if only white space
    comes between, as group "next" (reading a document's text, `skim` takes entries in
    runs: one match each; a serialization ends at the end tag)."""
    return f"</{name}>{optional(f'(?P<next>{GAP}<{name}>)')}"


def once(group: str, pattern: str) -> str:
    """A child's `pattern` (its tag name first, without the '<'), or an attribute's (its
    name first), which captures `group`, accepted the first time only: a second one (a
    duplicate the full walk reports, or an attribute given twice) fails the match."""
    name = re.match(r"[\w:.-]+", pattern)
    assert name is not None, pattern
    return f"{name[0]}(?({group})(?!)){pattern[name.end():]}"


def required(*groups: str) -> str:
    """Fails the match unless each group matched: children the full walk would miss."""
    return "".join(f"(?({group})|(?!))" for group in groups)


def children(alternatives: list[str]) -> str:
    """Any number of children, each one of `alternatives` (patterns starting with the tag
    name, after the '<'), in any order. The '<' is matched once and each alternative starts
    with a literal, which `re` tries in one comparison. Possessive: alternatives start with
    their own tag names, so nothing is gained by backtracking."""
    return f"(?:{GAP}<(?:{'|'.join(alternatives)}))*+{GAP}"


_CONDITION = re.compile(r"\(\?\((\w+)\)")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a pattern built with `once` and `required`. Their conditionals name the group
    they guard, which Python's `re` only allows after the group, so the names become numbers
    (a conditional by number may come first). Every group of these patterns is named, so a
    group's number is its place among the names; compiling checks that it is."""
    numbers = {name: number for number, name in enumerate(_NAMED_GROUP.findall(pattern), 1)}
    compiled = re.compile(_CONDITION.sub(lambda m: f"(?({numbers[m[1]]})", pattern))
    if compiled.groupindex != numbers:
        raise ValueError("a quick pattern has a group without a name")
    return compiled


class Shortcut:
    """A quick check, offered a document's entries while it pays. A feed's entries are alike:
    when the first `TRIES` are all refused, so would the rest be, and each refusal costs a
    serialization and a match on top of the full walk; the rest go straight to the walk."""

    TRIES = 16
    __slots__ = ("accepted", "check", "refused")

    def __init__(self, check: Callable[[etree._Element], bool]) -> None:
        self.check = check
        self.accepted = False
        self.refused = 0

    def __call__(self, element: etree._Element) -> bool:
        """Whether the quick check accepts `element` (False once it is no longer tried)."""
        if not self.accepted and self.refused >= self.TRIES:
            return False
        if self.check(element):
            self.accepted = True
            return True
        self.refused += 1
        return False
