"""Collects messages during one file's validation, filling their text from the catalogue.

A large feed is checked while it is read, an entry at a time (see `xmlload.XmlDocument`), so
two things about a message may only be settled once the whole document has been read:
- its element path: whether /feed/entry needs a position ([3]) depends on how many entries
  follow, and checked entries have left the tree. The children of the elements the walk
  streams through are counted as they go by (`arrived`), and those paths are finished when
  the messages are read;
- its place in the report: a check that needs the rest of the document (does the feed have an
  author?) reserves the place its messages go (`reserve`, `into`), so the report keeps the
  order a walk over the whole tree would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from feeds.validate.catalogue import lookup
from feeds.validate.messages import Message, Severity

# A child's 1-based position among its parent's children of the same name, and their number.
Positions = dict[etree._Element, tuple[int, int]]
# A place in the report: messages, and places reserved for messages reported later.
Section = list["_Record | Section"]
# Where an element was: its line and its element path (which may wait for counts).
Location = tuple["int | None", "str | list[str | _Step]"]


class _Arrivals:
    """The children of an element read so far: how many of each name, and the position of
    each one still in the tree. The counts are final once the document has been read."""

    __slots__ = ("counts", "positions")

    def __init__(self) -> None:
        self.counts: dict[object, int] = {}
        self.positions: dict[etree._Element, int] = {}


class _Step:
    """One step of a path below a streamed element: its name takes a position only if the
    final count of its name among the siblings is more than one."""

    __slots__ = ("arrivals", "name", "position", "tag")

    def __init__(self, name: str, position: int, arrivals: _Arrivals, tag: object) -> None:
        self.name, self.position, self.arrivals, self.tag = name, position, arrivals, tag

    def __str__(self) -> str:
        many = self.arrivals.counts.get(self.tag, 1) > 1
        return f"{self.name}[{self.position}]" if many else self.name


class _Record:
    """A message whose path may still be waiting for counts (a list of steps)."""

    __slots__ = ("code", "column", "line", "path", "severity", "text")

    def __init__(
        self,
        severity: Severity,
        code: str,
        text: str,
        line: int | None,
        column: int | None,
        path: str | list[str | _Step] | None,
    ) -> None:
        self.severity, self.code, self.text = severity, code, text
        self.line, self.column, self.path = line, column, path

    def message(self) -> Message:
        path = self.path
        if isinstance(path, list):
            path = "/" + "/".join(map(str, path))
        return Message(self.severity, self.code, self.text, self.line, self.column, path)


class Collector:
    """Checks report by code; the collector turns codes into messages with position and path.

    Element paths are only computed for reported elements, and the sibling positions they need
    are computed once per parent, so a feed with a problem in each of 50,000 entries costs
    linear time, not quadratic."""

    def __init__(self) -> None:
        self._top: Section = []
        self._section = self._top
        self._positions: dict[etree._Element, Positions] = {}
        self._arrivals: dict[etree._Element, _Arrivals] = {}
        self._messages: list[Message] | None = None
        # How many messages were reported so far (checks compare it before and after).
        self.reported = 0
        # The line in the document of a line of what is parsed, when that is not the
        # document itself (see `skim.Lines`); None when they are the same.
        self.lines: Callable[[int], int] | None = None
        # Per-document state of checks that need it (keyed by their module's name): it lives
        # and dies with this collector, that is, with one document's validation.
        self.state: dict[str, Any] = {}

    @property
    def messages(self) -> list[Message]:
        """Every message, in report order, with its path."""
        if self._messages is None:
            self._messages = [record.message() for record in _records(self._top)]
        return self._messages

    def add(
        self,
        code: str,
        /,
        *,
        line: int | None = None,
        column: int | None = None,
        path: str | list[str | _Step] | None = None,
        **params: object,
    ) -> None:
        entry = lookup(code)
        text = entry.text.format(**params)
        self._section.append(_Record(entry.severity, code, text, line, column, path))
        self.reported += 1
        self._messages = None

    def at(self, element: etree._Element, code: str, /, **params: object) -> None:
        """Report `code` at an element: its line and its element path."""
        self.add(code, line=self.line(element), path=self.path(element), **params)

    def locate(self, element: etree._Element) -> Location:
        """Where an element is, for a message reported after it has left the tree."""
        return self.line(element), self.path(element)

    def line(self, element: etree._Element) -> int | None:
        """The line of the document an element starts on."""
        line = element.sourceline
        return line if self.lines is None or line is None else self.lines(line)

    # --- the place of messages in the report ----------------------------------------------

    def reserve(self) -> Section:
        """A place in the report, here, for messages reported later (see `into`)."""
        section: Section = []
        self._section.append(section)
        return section

    def into(self, section: Section) -> _Into:
        """Report into a reserved place for the duration of a `with` block."""
        return _Into(self, section)

    def mark(self) -> int:
        """A point to withdraw the messages reported after (see `withdraw`)."""
        return len(self._top)

    def withdraw(self, mark: int) -> None:
        """Forget what the checks found since `mark`: the document they were reading turned
        out not to be one (it is not well-formed)."""
        del self._top[mark:]
        self._section = self._top
        self._positions.clear()
        self._arrivals.clear()
        self.state.clear()
        self._messages = None

    # --- element paths --------------------------------------------------------------------

    def arrived(self, parent: etree._Element, child: etree._Element, tag: object) -> None:
        """`child` of `parent`, whose tag is `tag`, has been read (see
        `XmlDocument.children`)."""
        arrivals = self._arrivals_at(parent)
        counts = arrivals.counts
        counts[tag] = arrivals.positions[child] = counts.get(tag, 0) + 1

    def passed(self, parent: etree._Element, tag: object, count: int) -> None:
        """`count` children of `parent` whose tag is `tag` went by unread (see `skim`): they
        count for their later siblings' paths."""
        counts = self._arrivals_at(parent).counts
        counts[tag] = counts.get(tag, 0) + count

    def _arrivals_at(self, parent: etree._Element) -> _Arrivals:
        arrivals = self._arrivals.get(parent)
        if arrivals is None:
            arrivals = self._arrivals[parent] = _Arrivals()
        return arrivals

    def departed(self, parent: etree._Element, child: etree._Element) -> None:
        """`child` is about to leave the tree: it was checked, and only its count stays."""
        del self._arrivals[parent].positions[child]
        self._positions.clear()  # the cached positions may be of elements inside it

    def path(self, element: etree._Element) -> str | list[str | _Step]:
        """A readable path such as /feed/entry[3]/link[2]: local names, 1-based positions among
        siblings of the same name, positions only where a name repeats. Below an element whose
        children are being read (`arrived`), the steps wait for the final counts."""
        steps: list[str | _Step] = []
        node = element
        while node is not None:
            tag = node.tag
            name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else "?"
            parent = node.getparent()
            arrivals = self._arrivals.get(parent) if parent is not None else None
            if arrivals is not None:
                steps.append(_Step(name, arrivals.positions.get(node, 1), arrivals, tag))
            elif parent is not None:
                position, count = self._positions_of(parent).get(node, (1, 1))
                steps.append(f"{name}[{position}]" if count > 1 else name)
            else:
                steps.append(name)
            node = parent
        steps.reverse()
        if any(isinstance(step, _Step) for step in steps):
            return steps
        return "/" + "/".join(steps)  # type: ignore[arg-type]

    def _positions_of(self, parent: etree._Element) -> Positions:
        positions = self._positions.get(parent)
        if positions is None:
            positions = self._positions[parent] = sibling_positions(parent)
        return positions


class _Into:
    """The `with` block of `Collector.into` (a class: entries enter one each, 50,000 times)."""

    __slots__ = ("collector", "outer", "section")

    def __init__(self, collector: Collector, section: Section) -> None:
        self.collector, self.section = collector, section
        self.outer: Section = section

    def __enter__(self) -> None:
        self.outer, self.collector._section = self.collector._section, self.section

    def __exit__(self, *exc: object) -> None:
        self.collector._section = self.outer


def _records(section: Section) -> Iterator[_Record]:
    for item in section:
        if isinstance(item, list):
            yield from _records(item)
        else:
            yield item


def sibling_positions(parent: etree._Element) -> Positions:
    """Every child's position among the children with its name, in one pass over them."""
    counts: dict[object, int] = {}
    positions: dict[etree._Element, int] = {}
    for child in parent:
        counts[child.tag] = positions[child] = counts.get(child.tag, 0) + 1
    return {child: (position, counts[child.tag]) for child, position in positions.items()}
