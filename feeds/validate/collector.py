"""Collects messages during one file's validation, filling their text from the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from feeds.validate.catalogue import lookup
from feeds.validate.messages import Message

# A child's 1-based position among its parent's children of the same name, and their number.
Positions = dict[etree._Element, tuple[int, int]]


class Collector:
    """Checks report by code; the collector turns codes into messages with position and path.

    Element paths are only computed for reported elements, and the sibling positions they need
    are computed once per parent, so a feed with a problem in each of 50,000 entries costs
    linear time, not quadratic."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._positions: dict[etree._Element, Positions] = {}
        # Per-document state of checks that need it (keyed by their module's name): it lives
        # and dies with this collector, that is, with one document's validation.
        self.state: dict[str, Any] = {}

    def add(
        self,
        code: str,
        /,
        *,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        **params: object,
    ) -> None:
        entry = lookup(code)
        text = entry.text.format(**params)
        self.messages.append(Message(entry.severity, code, text, line, column, path))

    def at(self, element: etree._Element, code: str, /, **params: object) -> None:
        """Report `code` at an element: its line and its element path."""
        self.add(code, line=element.sourceline, path=self.path(element), **params)

    def path(self, element: etree._Element) -> str:
        """The element path of `element` (see `element_path`), using the positions cache."""
        return element_path(element, self._positions_of)

    def _positions_of(self, parent: etree._Element) -> Positions:
        positions = self._positions.get(parent)
        if positions is None:
            positions = self._positions[parent] = sibling_positions(parent)
        return positions


def element_path(
    element: etree._Element,
    positions_of: Callable[[etree._Element], Positions] | None = None,
) -> str:
    """A readable path such as /feed/entry[3]/link[2]: local names, 1-based positions among
    siblings of the same name, positions only where a name repeats."""
    positions_of = positions_of or sibling_positions
    steps: list[str] = []
    node = element
    while node is not None:
        tag = node.tag
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else "?"
        parent = node.getparent()
        if parent is not None:
            position, count = positions_of(parent).get(node, (1, 1))
            if count > 1:
                name += f"[{position}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def sibling_positions(parent: etree._Element) -> Positions:
    """Every child's position among the children with its name, in one pass over them."""
    counts: dict[object, int] = {}
    positions: dict[etree._Element, int] = {}
    for child in parent:
        counts[child.tag] = positions[child] = counts.get(child.tag, 0) + 1
    return {child: (position, counts[child.tag]) for child, position in positions.items()}
