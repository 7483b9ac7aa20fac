"""The records every validator module produces and every reporter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Message:
    """One problem found in one file; `path` is the element path, e.g. /feed/entry[3]/id."""

    severity: Severity
    code: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str | None = None


@dataclass(slots=True)
class FileReport:
    """Everything found in one file. `format` is atom, rss, rdf, json or unknown."""

    path: str
    format: str = "unknown"
    messages: list[Message] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for m in self.messages if m.severity is severity)
