"""Media RSS (media:, http://search.yahoo.com/mrss/): content, groups, thumbnails, credits,
ratings, restrictions, hashes and the text elements, per the Media RSS 1.5 specification.
"""

from __future__ import annotations

import re

from lxml import etree

from feeds.validate.ext.codes import ISO3166
from feeds.validate.ext.core import BOTH, ITEM, Ctx, Rule, elements, phrases, qname, text_of, words
from feeds.validate.ext.kinds import (
    full_uri,
    language,
    markup,
    matching,
    mime,
    non_negative,
    one_of,
    plain,
    positive,
    text,
    true_false,
)
from feeds.validate.ext.rules import anything, node, opt, req

# The European Broadcasting Union's role codes, the default scheme of media:credit.
EBU_ROLES = frozenset(
    phrases("""
actor, adaptor, anchor person, animal trainer, animator, announcer, armourer, art director,
artist/performer, assistant camera, assistant chief lighting technician, assistant director,
assistant producer, assistant visual editor, author, broadcast assistant, broadcast journalist,
camera operator, carpenter, casting, causeur, chief lighting technician, choir, choreographer,
clapper loader, commentary or commentator, commissioning broadcaster, composer,
computer programmer, conductor, consultant, continuity checker, correspondent,
costume designer, dancer, dialogue coach, director, director of photography,
distribution company, draughtsman, dresser, dubber, editor/producer, editor, ensemble,
executive producer, expert, fight director, floor manager, focus puller, foley artist,
foley editor, foley mixer, graphic assistant, graphic designer, greensman, grip, hairdresser,
illustrator, interviewed guest, interviewer, key character, key grip, key talents, leadman,
librettist, lighting director, lighting technician, location manager, lyricist,
make up artist, manufacturer, matte artist, music arranger, music group, musician,
news reader, orchestra, participant, photographer, post, producer, production assistant,
production company, production department, production manager, production secretary,
programme production researcher, property manager, publishing company, puppeteer,
pyrotechnician, reporter, rigger, runner, scenario, scenic operative, script supervisor,
second assistant camera, second assistant director, second unit director, set designer,
set dresser, sign language, singer, sound designer, sound mixer, sound recordist,
special effects, stunts, subtitles, technical director, term, translation,
transportation manager, treatment/programme proposal, vision mixer, visual editor,
visual effects, wardrobe, witness, artist, performer, treatment, treatment proposal,
programme proposal
""")
)

_RATINGS = {
    "urn:simple": frozenset(words("adult nonadult")),
    "urn:mpaa": frozenset(words("g m nc-17 pg pg-13 r x")),
    "urn:v-chip": frozenset(words("14+ 18+ c c8 g pg tv-14 tv-g tv-ma tv-pg tv-y tv-y7 tv-y7-fv")),
}
_ICRA_CODE = r"([nsvlocx]z [01]|(n[a-c]|s[a-f]|v[a-j]|l[a-c]|o[a-h]|c[a-b]|x[a-e]) 1)"
_ICRA = re.compile(rf"^r \({_ICRA_CODE}( {_ICRA_CODE})*\)$")
_number = matching(r"\d+(\.\d*)?", "value.number.invalid")
# A Normal Play Time offset (RFC 2326): seconds, h:mm:ss or "now".
_npt = matching(r"now|\d+(\.\d+)?|\d+:\d\d:\d\d(\.\d+)?", "media.time.invalid")


def _typed_text(cx: Ctx, el: etree._Element) -> None:
    """media:title, description and text are plain text unless type="html"."""
    value = text_of(el)
    kind_of = el.get("type", "plain")
    if kind_of not in ("plain", "html"):
        cx.out.at(el, "media.text.bad-type", element=qname(el.tag), value=kind_of)
    elif value:
        (markup if kind_of == "html" else plain)(cx, el, qname(el.tag), value)


def _credit(cx: Ctx, el: etree._Element) -> None:
    """Roles are lower case; under the default EBU scheme they come from its list."""
    role, scheme = el.get("role"), el.get("scheme", "urn:ebu")
    if role and (role != role.lower() or scheme == "urn:ebu" and role not in EBU_ROLES):
        cx.out.at(el, "media.credit.bad-role", value=role)


def _credit_scheme(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """The EBU and Yahoo! Video Search role schemes have names of their own; others are URIs."""
    return value in ("urn:ebu", "urn:yvs") or full_uri(cx, el, name, value)


def _hash(cx: Ctx, el: etree._Element) -> None:
    algo, value = el.get("algo", "md5"), text_of(el)
    length = {"md5": 32, "sha-1": 40}.get(algo)
    if length is None:
        cx.out.at(el, "media.hash.invalid", reason=f"unknown algorithm {algo!r}")
    elif not re.fullmatch(r"[0-9A-Za-z]+", value) or len(value) != length:
        cx.out.at(el, "media.hash.invalid", reason=f"not a {algo} digest: {value!r}")


def _rating(cx: Ctx, el: etree._Element) -> None:
    scheme, value = el.get("scheme", "urn:simple"), text_of(el)
    if scheme in _RATINGS:
        ok = value in _RATINGS[scheme]
    elif scheme == "urn:icra":
        ok = bool(_ICRA.match(value))
    else:
        full_uri(cx, el, "media:rating/@scheme", scheme)
        return
    if not ok:
        cx.out.at(el, "media.rating.invalid", scheme=scheme, value=value)


def _restriction(cx: Ctx, el: etree._Element) -> None:
    """Who may see the item: all/none, a list of ISO 3166 countries, or URIs."""
    value = text_of(el)
    relationship = el.get("relationship")
    if relationship is not None and relationship not in ("allow", "deny"):
        cx.out.at(el, "media.restriction.bad-relationship", value=relationship)
    restriction_type = el.get("type")
    if restriction_type is None:
        if value and value not in ("all", "none"):
            cx.out.at(el, "media.restriction.invalid", value=value)
    elif restriction_type == "country":
        for code in value.upper().split():
            if code not in ISO3166:
                cx.out.at(el, "media.restriction.bad-country", value=code)
    elif restriction_type == "uri":
        for item in value.split():
            full_uri(cx, el, "media:restriction", item)
    else:
        cx.out.at(el, "media.restriction.bad-type", value=restriction_type)


def _adult(cx: Ctx, el: etree._Element) -> None:
    cx.out.at(el, "media.adult.deprecated")


def _group(cx: Ctx, el: etree._Element) -> None:
    """A group holds alternatives of one object: with a single content it is pointless."""
    contents = sum(1 for child in elements(el) if qname(child.tag) == "media:content")
    if contents < 2:
        cx.out.at(el, "media.group.single-content", count=contents)


_TYPED = {"type": opt()}
_SIZE = {"height": opt(positive), "width": opt(positive)}
_EXTRA = words("""community comments embed responses backLinks status price license subTitle
    peerLink location rights scenes""")

ELEMENTS: dict[str, Rule] = {
    "media:adult": node(true_false, then=_adult, strip=False),
    "media:category": node(plain, attrs={"label": opt(plain), "scheme": opt(full_uri)}, once=False),
    "media:copyright": node(plain, attrs={"url": opt(full_uri)}),
    "media:credit": node(
        text, attrs={"role": opt(), "scheme": opt(_credit_scheme)}, then=_credit, once=False
    ),
    "media:description": node(attrs=_TYPED, then=_typed_text, text=True),
    "media:keywords": node(text, once=False),
    "media:hash": node(attrs={"algo": opt()}, then=_hash, text=True, once=False),
    "media:player": node(attrs={"url": req(full_uri), **_SIZE}),
    "media:rating": node(attrs={"scheme": opt()}, then=_rating, text=True, once=False),
    "media:restriction": node(
        attrs={"relationship": req(), "type": opt()}, then=_restriction, text=True, once=False
    ),
    "media:text": node(
        attrs={**_TYPED, "lang": opt(language), "start": opt(_npt), "end": opt(_npt)},
        then=_typed_text,
        text=True,
        once=False,
    ),
    "media:title": node(attrs=_TYPED, then=_typed_text, text=True),
    "media:thumbnail": node(attrs={"url": req(full_uri), "time": opt(_npt), **_SIZE}, once=False),
    **{f"media:{name}": anything() for name in _EXTRA},
}

CONTENT_ATTRS = {
    "url": opt(full_uri),
    "fileSize": opt(positive),
    "type": opt(mime),
    "medium": opt(one_of(words("image audio video document executable"))),
    "isDefault": opt(true_false),
    "expression": opt(one_of(words("sample full nonstop"))),
    "bitrate": opt(_number),
    "framerate": opt(_number),
    "samplingrate": opt(_number),
    "channels": opt(non_negative),
    "duration": opt(_number),
    "lang": opt(language),
    **_SIZE,
}
_CONTENT = node(attrs=CONTENT_ATTRS, children=ELEMENTS, once=False, level=ITEM)

RULES: dict[str, Rule] = {
    **{name: Rule(rule.check, rule.once, BOTH) for name, rule in ELEMENTS.items()},
    "media:content": _CONTENT,
    "media:group": node(
        children={**ELEMENTS, "media:content": _CONTENT}, then=_group, once=False, level=ITEM
    ),
}
