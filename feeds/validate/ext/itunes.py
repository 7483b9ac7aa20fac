"""Apple Podcasts (itunes:) tags: values, lengths, the category taxonomy, and what a podcast
channel must carry once it uses the namespace (see `missing_in_channel`).
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from feeds.validate.ext.core import (
    BOTH,
    CHANNEL,
    ITEM,
    Ctx,
    Rule,
    elements,
    qname,
    report_unknown,
    words,
)
from feeds.validate.ext.kinds import (
    email,
    full_uri,
    http_url,
    matching,
    max_length,
    one_of,
    plain,
    positive,
    rfc822,
    text,
)
from feeds.validate.ext.rules import check_attributes, leaf, node, req

# Apple's category taxonomy (2019), then the categories it retired, each "Category: subs".
CATEGORIES = """
Arts: Books, Design, Fashion & Beauty, Food, Performing Arts, Visual Arts
Business: Careers, Entrepreneurship, Investing, Management, Marketing, Non-Profit
Comedy: Comedy Interviews, Improv, Stand-Up
Education: Courses, How To, Language Learning, Self-Improvement
Fiction: Comedy Fiction, Drama, Science Fiction
Government:
History:
Health & Fitness: Alternative Health, Fitness, Medicine, Mental Health, Nutrition, Sexuality
Kids & Family: Education for Kids, Parenting, Pets & Animals, Stories for Kids
Leisure: Animation & Manga, Automotive, Aviation, Crafts, Games, Hobbies, Home & Garden,
    Video Games
Music: Music Commentary, Music History, Music Interviews
News: Business News, Daily News, Entertainment News, News Commentary, Politics, Sports News,
    Tech News
Religion & Spirituality: Buddhism, Christianity, Hinduism, Islam, Judaism, Religion,
    Spirituality
Science: Astronomy, Chemistry, Earth Sciences, Life Sciences, Mathematics, Natural Sciences,
    Nature, Physics, Social Sciences
Society & Culture: Documentary, Personal Journals, Philosophy, Places & Travel, Relationships
Sports: Baseball, Basketball, Cricket, Fantasy Sports, Football, Golf, Hockey, Rugby, Running,
    Soccer, Swimming, Tennis, Volleyball, Wilderness, Wrestling
Technology:
True Crime:
TV & Film: After Shows, Film History, Film Interviews, Film Reviews, TV Reviews
"""

OLD_CATEGORIES = """
Arts: Literature
Arts & Entertainment: Architecture, Design, Entertainment, Games, Performing Arts, Photography,
    Poetry, Science Fiction
Audio Blogs:
Business: Careers, Finance, Investing, Management & Marketing, News, Shopping
Comedy:
Education: Education Technology, Higher Education, K-12, Language Courses, Training
Family:
Food:
Games & Hobbies: Automotive, Aviation, Hobbies, Other Games, Video Games
Government & Organizations: Local, National, Non-Profit, Regional
Health: Alternative Health, Diet & Nutrition, Fitness, Fitness & Nutrition, Relationships,
    Self-Help, Sexuality
International: Australian, Belgian, Brazilian, Canadian, Chinese, Dutch, French, German, Hebrew,
    Italian, Japanese, Norwegian, Polish, Portuguese, Spanish, Swedish
Movies & Television:
News & Politics:
Politics:
Public Radio:
Religion & Spirituality: Buddhism, Christianity, Islam, Judaism, New Age, Philosophy, Other,
    Spirituality
Science & Medicine: Medicine, Natural Sciences, Social Sciences
Society & Culture: History
Sports & Recreation: Amateur, College & High School, Outdoor, Professional
Talk Radio:
Technology: Computers, Developers, Gadgets, Information Technology, News, Operating Systems,
    Podcasting, Smart Phones, Software How-To, Tech News, Text/Speech
Transportation: Automotive, Aviation, Bicycles, Commuting
Travel:
"""


def _taxonomy(table: str) -> dict[str, frozenset[str]]:
    """{category: subcategories} from lines "Category: Sub, Sub" (indented lines continue)."""
    joined = table.replace("\n    ", " ")
    result: dict[str, frozenset[str]] = {}
    for line in joined.strip().splitlines():
        name, _, subs = line.partition(":")
        result[name.strip()] = frozenset(s.strip() for s in subs.split(",") if s.strip())
    return result


_VALID = _taxonomy(CATEGORIES)
_OLD = _taxonomy(OLD_CATEGORIES)
_TEXT = "text"


def _category(cx: Ctx, el: etree._Element) -> None:
    """A category names one from Apple's list, and its subcategories one of its own."""
    value = _category_value(cx, el, _VALID.keys(), _OLD.keys())
    for child in elements(el):
        if child.tag != el.tag:
            report_unknown(cx, child)
        elif value is not None:
            _category_value(cx, child, _VALID.get(value, ()), _OLD.get(value, ()))
            for grandchild in elements(child):
                report_unknown(cx, grandchild)


def _category_value(
    cx: Ctx, el: etree._Element, valid: Iterable[str], old: Iterable[str]
) -> str | None:
    """Check one category's text attribute; retired names warn, unknown ones are errors."""
    check_attributes(cx, el, qname(el.tag), {_TEXT: req()})
    value = el.get(_TEXT)
    if value is not None and value not in valid:
        code = "itunes.category.obsolete" if value in old else "itunes.category.unknown"
        cx.out.at(el, code, value=value)
    return value


def _keywords(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """Keywords are separated by commas; spaces alone suggest a sentence or a missing comma."""
    if " " in value and "," not in value:
        cx.out.at(el, "itunes.keywords.not-comma-separated", element=name)
        return False
    return True


_duration = matching(r"\d+(:[0-5]\d(:[0-5]\d)?)?", "itunes.duration.invalid")  # s, [H:]MM:SS


_EXPLICIT = one_of(words("yes no clean true false"), code="value.boolean.invalid", fold=True)
_YES_NO = one_of(words("yes no"), code="value.boolean.invalid", fold=True)
_SHORT = (max_length(255), plain)

_OWNER = {"itunes:email": leaf(email), "itunes:name": leaf(*_SHORT)}

RULES: dict[str, Rule] = {
    "itunes:author": leaf(*_SHORT, level=BOTH),
    "itunes:block": leaf(_YES_NO, level=BOTH, strip=False),
    "itunes:explicit": leaf(_EXPLICIT, level=BOTH, strip=False),
    "itunes:keywords": leaf(*_SHORT, _keywords, level=BOTH),
    "itunes:subtitle": leaf(*_SHORT, level=BOTH),
    "itunes:summary": leaf(max_length(4000), plain, level=BOTH),
    "itunes:image": node(attrs={"href": req(http_url)}, level=BOTH),
    "itunes:title": leaf(text, level=BOTH),
    "itunes:owner": node(
        children=_OWNER, level=CHANNEL, then=lambda cx, el: _require(cx, el, "itunes:email")
    ),
    "itunes:category": Rule(_category, once=False, level=CHANNEL),
    "itunes:pubDate": leaf(rfc822, level=CHANNEL),
    "itunes:new-feed-url": leaf(full_uri, level=CHANNEL),
    "itunes:type": leaf(one_of(words("episodic serial")), level=CHANNEL),
    "itunes:complete": leaf(_YES_NO, level=CHANNEL, strip=False),
    "itunes:duration": leaf(_duration, level=ITEM),
    "itunes:episode": leaf(positive, level=ITEM),
    "itunes:season": leaf(positive, level=ITEM),
    "itunes:episodeType": leaf(one_of(words("full trailer bonus")), level=ITEM),
    "itunes:isClosedCaptioned": leaf(_YES_NO, level=ITEM, strip=False),
    "itunes:order": leaf(positive, level=ITEM),
}


def _require(cx: Ctx, el: etree._Element, child: str) -> None:
    if not any(qname(c.tag) == child for c in elements(el)):
        cx.out.at(el, "ext.element.missing", element=child, parent=qname(el.tag))


# Podcast clients need these in a channel that uses the namespace (Apple's requirements).
REQUIRED_IN_CHANNEL = ("itunes:category", "itunes:explicit")
SUPPORTED_ENCLOSURES = frozenset(words("m4a mp3 mov mp4 m4v pdf epub"))


def missing_in_channel(
    cx: Ctx, channel: etree._Element, present: set[str], has_language: bool
) -> None:
    """Warn about what a podcast channel lacks: language, category, explicit, owner."""
    if not has_language:
        cx.out.at(channel, "itunes.channel.missing-element", element="language")
    for name in REQUIRED_IN_CHANNEL:
        if name not in present:
            cx.out.at(channel, "itunes.channel.missing-element", element=name)
    if "itunes:owner" not in present:
        cx.out.at(channel, "itunes.channel.missing-owner")


def enclosure_format(cx: Ctx, el: etree._Element, url: str) -> None:
    """Apple Podcasts plays only some formats; others are dropped from the directory."""
    extension = url.rsplit(".", 1)[-1].lower()
    if "." in url and extension not in SUPPORTED_ENCLOSURES:
        cx.out.at(el, "itunes.enclosure.unsupported-format", extension=extension)


def encoding(cx: Ctx, channel: etree._Element, name: str) -> None:
    """Apple Podcasts reads feeds as UTF-8 only."""
    if name.lower().replace("_", "-") not in ("utf-8", "utf8"):
        cx.out.at(channel, "itunes.encoding.not-utf8", encoding=name)
