"""One exception for every problem a user must fix in their input, shown as `file:line: message`."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A problem in a seed or configuration file, located as precisely as it can be."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = [str(self.path)] if self.path is not None else []
        if self.line is not None:
            where.append(str(self.line))
        return ":".join([*where, " " + self.message]) if where else self.message
