"""Skimming: a feed's common entries are checked in its text and never parsed.

The quick check (`quick`) proves most entries clean with one regular expression, but it reads
them serialized, after libxml2 has parsed them into a tree and the walk has visited them, and
parsing alone costs as much as the match. Skimming reads each entry in the document's own text
instead, before anything is parsed: an entry the format's quick pattern accepts (written in
the plain form serializations have, which most feeds write) is cut out of the text and a
processing instruction, a placeholder, takes the place of each run of them. The parser then
reads a document of a few kilobytes, and the walk, meeting a placeholder, does for its
entries the bookkeeping the quick check would have done (ids seen, counts for element paths).

Why the result is the report of the document itself. The quick patterns accept only text that
is well-formed XML as it stands and reads the same as its serialization (see `quick`); an
entry is cut only where the text's tags put it among the children of the parent named so; and
the parse and the walk then confirm what the cut assumed. The document with its entries cut out
must be well-formed, each placeholder must be met by the walk of that parent, in order, once
each, and each entry must pass the checks that depend on the rest of the feed (is its id new?
are its prefixes bound to the right namespaces?). The entries' own elements are in the
namespace the patterns read them in: their parent is unprefixed and in the format's namespace
(the parser says so), and the patterns accept no namespace declaration. A placeholder met
anywhere else, a placeholder never met, or an entry that fails those checks raises `Mismatch`,
and the document is validated again from the start without skimming: the cut only saves time,
and the full walk alone reports messages.

Only documents in UTF-8 of at most `LIMIT` bytes are skimmed (the decoded text is held whole
beside the bytes); larger ones are read in chunks as before, in bounded memory.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import Generic, TypeVar

from lxml import etree

LIMIT = 64 * 1024 * 1024
TARGET = "feeds-skim"  # the placeholders' processing instruction
_OWN = f"<?{TARGET}"
TRIES = 16  # entries refused before skimming gives up on a document (see `quick.Shortcut`)
MAX_ENTRY = 1 << 20  # longer entries are parsed: libxml2 limits a text node's size
_UTF8 = frozenset({"utf-8", "utf8"})

# The markup that tells where an element starts and ends, read from anywhere in a document:
# comments, CDATA sections and processing instructions (skipped whole), then end tags, empty
# tags and start tags, whose attribute values may hold '>'.
_MARKUP = re.compile(
    r"""<(?:!--.*?--|!\[CDATA\[.*?\]\]|\?.*?\?|(/?)([^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(/?))>""",
    re.DOTALL,
)

Record = TypeVar("Record")


class Mismatch(Exception):
    """The parsed document is not what skimming its text assumed (see the module's
    docstring): it is validated again without skimming."""


def decode(data: bytes, declared: str | None, bom: str | None) -> str | None:
    """The text of a document that may be skimmed: UTF-8 (declared so, or by default), of at
    most LIMIT bytes. None for any other."""
    if len(data) > LIMIT or bom not in (None, "utf-8"):
        return None
    if declared is not None and declared.lower() not in _UTF8:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class Lines:
    """The lines of a document that the lines of its cut text stand for. A placeholder keeps
    one line break of the run it replaces, if the run has any, so that what follows it is on
    a later line than what comes before. It could keep them all, but counting a run's line
    breaks is a pass over most of the text (a few percent of a small feed's validation), and
    only messages about what follows a run need the count: those are rare where skimming
    pays, so the runs are counted the first time one is reported."""

    __slots__ = ("_runs", "_shifts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._runs: list[tuple[int, int, int]] = []  # (the placeholder's line, start, end)
        self._shifts: list[int] = []  # the line breaks dropped, up to each run and with it

    def add(self, line: int, start: int, end: int) -> None:
        """A run of the text from `start` to `end`, with a line break in it, whose
        placeholder starts on `line` of the cut text."""
        self._runs.append((line, start, end))

    def __call__(self, line: int) -> int:
        """The document's line for `line` of the cut text."""
        before = bisect_left(self._runs, line, key=itemgetter(0))  # runs on earlier lines
        if not before:
            return line
        if not self._shifts:
            count = self._text.count
            self._shifts = list(accumulate(count("\n", start, end) - 1
                                           for _, start, end in self._runs))
        return line + self._shifts[before - 1]


@dataclass(slots=True)
class Cut(Generic[Record]):
    """A document's bytes with runs of entries cut out, what the entries of each run
    (placeholder) were, the records `cut`'s `admit` made of them, in order, and where the
    lines of those bytes were in the document."""

    data: bytes
    runs: list[list[Record]]
    lines: Lines
    taken: int = field(default=0)

    def take(self, node: etree._Element) -> list[Record] | None:
        """The entries a placeholder stands for (None if `node` is no placeholder), which must
        be met in the order they were cut."""
        if node.tag is not etree.PI or node.target != TARGET:
            return None
        if int(node.text or "-1") != self.taken:
            raise Mismatch
        self.taken += 1
        return self.runs[self.taken - 1]

    def finish(self) -> None:
        """The walk is over: every placeholder must have been met."""
        if self.taken != len(self.runs):
            raise Mismatch


def cut(
    text: str,
    parents: tuple[str, ...],
    child: str,
    body: re.Pattern[str],
    admit: Callable[[re.Match[str], set[str]], Record | None],
) -> Cut[Record] | None:
    """Cut out of `text` the elements `<child>` (written so, without attributes) found as
    children of the elements named `parents` from the root down, whose content `body`
    matches up to their end tag and which `admit` makes a record of; None when none is cut,
    or when the first TRIES are all refused. `admit` is given the match and the names of the
    children met so far at the entries' depth. Consecutive entries with only white space
    between them share a placeholder (the cut's `lines` say where later lines were).
    `body` ends with `quick.end_tag`, whose group "next" takes the start tag of
    the entry that follows, if one does: a run of entries costs one match each."""
    opening = len(child) + 2  # the length of "<child>"
    depth = len(parents)
    stack: list[str] = []  # the names of the open elements
    names: set[str] = set()
    written = _Writer(text)
    runs: list[list[Record]] = []
    run_start = run_end = -1  # the span of text the current run replaces
    refused = 0
    pos = 0
    following = False  # the last match took the start tag of an entry that follows, up to pos
    after = body.groupindex["next"]
    run: list[Record] = []
    while True:
        if following:
            start = pos - opening
        else:
            token = _MARKUP.search(text, pos)
            if token is None:
                break
            closing, name, empty = token.groups()
            start, pos = token.span()
            if name is None:  # a comment, CDATA section or processing instruction
                if text.startswith(_OWN, start):
                    return None  # a placeholder of the document's own would be taken for ours
                continue
            if name[0] == "!":  # a document type declaration: its entities are not for us
                return None
            if closing:
                if stack:
                    stack.pop()
                continue
            if len(stack) != depth or name != child or pos - start != opening:
                if len(stack) == depth:
                    names.add(name)
                if not empty:
                    stack.append(name)
                continue
            if tuple(stack) != parents:
                stack.append(name)
                continue
        match = body.match(text, pos)
        record = None
        if match is not None:
            end, pos = match.span(after)  # the next entry's start tag, if one follows
            if end < 0:
                end = pos = match.end()
            record = admit(match, names) if end - start <= MAX_ENTRY else None
        if record is None:
            refused += 1
            if refused >= TRIES and not runs:
                return None
            following = False
            pos = start + opening
            names.add(child)
            stack.append(child)
            continue
        if following or (runs and (start == run_end or not text[run_end:start].strip(" \t\n"))):
            run.append(record)  # after the last entry, with only white space between
        else:
            if runs:
                written.placeholder(run_start, run_end, len(runs) - 1)
            run_start = start
            run = [record]
            runs.append(run)
        run_end = end
        following = pos != end
    if not runs:
        return None
    written.placeholder(run_start, run_end, len(runs) - 1)
    return Cut(written.finish(), runs, written.lines)


class _Writer:
    """The cut text as `cut` writes it, a piece at a time, and its `lines`."""

    __slots__ = ("copied", "line", "lines", "pieces", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[str] = []
        self.copied = 0  # the text before this is in `pieces`
        self.line = 1  # the line of the cut text where the text not yet copied goes
        self.lines = Lines(text)

    def placeholder(self, start: int, end: int, number: int) -> None:
        """Copy the text up to a run from `start` to `end`, then its placeholder: a
        processing instruction numbered like the run, with a line break if the run has
        one (see `Lines`)."""
        text = self.text
        kept = text[self.copied:start]
        self.line += kept.count("\n")
        if text.find("\n", start, end) < 0:
            self.pieces += (kept, f"<?{TARGET} {number}?>")
        else:
            self.lines.add(self.line, start, end)
            self.pieces += (kept, f"<?{TARGET} {number}\n?>")
            self.line += 1
        self.copied = end

    def finish(self) -> bytes:
        """The cut text, with the rest of the text copied."""
        self.pieces.append(self.text[self.copied:])
        return "".join(self.pieces).encode("utf-8")
