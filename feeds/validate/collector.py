"""Collects messages during one file's validation, filling their text from the catalogue."""

from __future__ import annotations

from lxml import etree

from feeds.validate.catalogue import lookup
from feeds.validate.messages import Message


class Collector:
    """Checks report by code; the collector turns codes into messages with position and path."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def add(
        self,
        code: str,
        *,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        **params: object,
    ) -> None:
        entry = lookup(code)
        text = entry.text.format(**params)
        self.messages.append(Message(entry.severity, code, text, line, column, path))

    def at(self, element: etree._Element, code: str, **params: object) -> None:
        """Report `code` at an element: its line and its element path."""
        self.add(code, line=element.sourceline, path=element_path(element), **params)


def element_path(element: etree._Element) -> str:
    """A readable path such as /feed/entry[3]/link[2]: local names, 1-based positions among
    siblings of the same name, positions only where a name repeats."""
    steps: list[str] = []
    node = element
    while node is not None:
        name = etree.QName(node).localname if isinstance(node.tag, str) else "?"
        parent = node.getparent()
        if parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))
