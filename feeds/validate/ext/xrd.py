"""XRDS documents (XRI Resolution 2.0, as Yadis and OpenID discovery use them): a list of
XRD descriptors whose services name their types and endpoints by URI.
"""

from __future__ import annotations

from feeds.validate.ext.core import Rule
from feeds.validate.ext.kinds import non_negative, uri
from feeds.validate.ext.rules import anything, node, opt

_PRIORITY = {"priority": opt(non_negative)}
_SERVICE = node(
    attrs=_PRIORITY,
    children={
        "xrd:Type": node(uri, attrs={"match": opt(), "select": opt()}, once=False),
        "xrd:URI": node(uri, attrs={**_PRIORITY, "append": opt()}, once=False),
        "xrd:*": anything(),
    },
    once=False,
)
_XRD = node(
    attrs={"version": opt(), "idref": opt(), "{http://www.w3.org/XML/1998/namespace}id": opt()},
    children={"xrd:Service": _SERVICE, "xrd:*": anything()},
    once=False,
)

DOCUMENT: Rule = node(children={"xrd:XRD": _XRD}, attrs={"ref": opt(), "redirect": opt()})
