"""Where things are: W3C Basic Geo (geo:), GeoURL, ICBM and GeoRSS (simple and GML)."""

from __future__ import annotations

import re

from lxml import etree

from feeds.validate.ext.core import Ctx, Rule, qname, words
from feeds.validate.ext.kinds import Kind, integer, latitude, longitude, signed_decimal, text
from feeds.validate.ext.rules import leaf, node, opt

_NUMBER = r"[-+]?\d+\.?\d*"


def _position(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
    """A point: "lat lon", separated by white space (a comma is tolerated with a warning)."""
    if not re.fullmatch(rf"{_NUMBER}[ ,]\s*{_NUMBER}", value):
        cx.out.at(el, "georss.coordinates.invalid", element=name, value=value)
        return False
    if "," in value:
        cx.out.at(el, "georss.coordinates.comma", element=name)
    return True


def _positions(count: int | None = None) -> Kind:
    """A list of "lat lon" pairs: at least two (a line), or exactly `count` numbers."""

    def check(cx: Ctx, el: etree._Element, name: str, value: str) -> bool:
        if "," in value:
            cx.out.at(el, "georss.coordinates.comma", element=name)
            value = value.replace(",", " ")
        numbers = value.split()
        wrong_count = len(numbers) != count if count else len(numbers) < 4 or len(numbers) % 2
        if wrong_count or not all(re.fullmatch(_NUMBER, n) for n in numbers):
            cx.out.at(el, "georss.coordinates.invalid", element=name, value=value)
            return False
        return True

    return check


def _point(cx: Ctx, el: etree._Element) -> None:
    """A geo:Point carries both geo:lat and geo:long."""
    present = {qname(child.tag) for child in el if isinstance(child.tag, str)}
    for needed in ("geo:lat", "geo:long"):
        if needed not in present:
            cx.out.at(el, "ext.element.missing", element=needed, parent="geo:Point")


_SRS = {"srsName": opt()}
_POS = leaf(_position)
_POS_LIST = leaf(_positions())
_GML = {
    "gml:Point": node(attrs=_SRS, children={"gml:pos": _POS}),
    "gml:LineString": node(attrs=_SRS, children={"gml:posList": _POS_LIST}),
    "gml:Polygon": node(
        attrs=_SRS,
        children={
            "gml:exterior": node(
                children={"gml:LinearRing": node(attrs=_SRS, children={"gml:posList": _POS_LIST})}
            )
        },
    ),
    "gml:Envelope": node(attrs=_SRS, children={"gml:lowerCorner": _POS, "gml:upperCorner": _POS}),
}

RULES: dict[str, Rule] = {
    "geo:Point": node(
        children={
            "geo:lat": leaf(latitude),
            "geo:long": leaf(longitude),
            "geo:alt": leaf(signed_decimal),
        },
        then=_point,
        once=False,
    ),
    "geo:lat": leaf(latitude),
    "geo:long": leaf(longitude),
    "geo:alt": leaf(signed_decimal),
    "geourl:latitude": leaf(latitude),
    "geourl:longitude": leaf(longitude),
    "icbm:latitude": leaf(latitude),
    "icbm:longitude": leaf(longitude),
    "georss:point": leaf(_position, once=False),
    "georss:line": leaf(_positions(), once=False),
    "georss:polygon": leaf(_positions(), once=False),
    "georss:box": leaf(_positions(4), once=False),
    "georss:circle": leaf(text, once=False),
    "georss:where": node(children=_GML, once=False),
    **{
        f"georss:{name}": leaf(text, once=False)
        for name in words("featureTypeTag relationshipTag featureName")
    },
    "georss:elev": leaf(signed_decimal),
    "georss:floor": leaf(integer),
    "georss:radius": leaf(signed_decimal),
}
