"""Logging set-up for the commands: messages on stderr, as text lines or as JSON lines.

Cron mails whatever a job prints, so the default level shows problems and the one-line summary
of a build that changed something; an unchanged build prints nothing. `--quiet` leaves only
errors, `-v` adds how long each stage took and `-vv` every file written or removed.
"""

from __future__ import annotations

import json
import logging
import sys
import time

LOG = logging.getLogger("feeds")
DETAIL = 5  # every file written or removed: -vv
logging.addLevelName(DETAIL, "DETAIL")


class _JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors: time (UTC, RFC 3339), level, message."""

    def format(self, record: logging.LogRecord) -> str:
        moment = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created))
        return json.dumps(
            {"time": moment, "level": record.levelname.lower(), "message": record.getMessage()},
            ensure_ascii=False,
        )


def configure(*, quiet: bool = False, verbose: int = 0, json_lines: bool = False) -> None:
    """Send the `feeds` logger to stderr (replacing any earlier set-up: tests call this often).
    -v shows stage times (DEBUG); -vv also every file (DETAIL, below DEBUG: a cold build of
    100,000 seeds writes 100,000 lines, which would cost a benchmark of -v seconds)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if json_lines else logging.Formatter("%(message)s"))
    LOG.handlers[:] = [handler]
    LOG.propagate = False
    levels = {0: logging.INFO, 1: logging.DEBUG}
    LOG.setLevel(logging.ERROR if quiet else levels.get(verbose, DETAIL))


class Progress:
    """A one-line progress counter on stderr, shown only on a terminal and only while it runs:
    a log file or a cron mail never receives it."""

    def __init__(self, label: str, total: int, *, enabled: bool) -> None:
        self.label, self.total = label, total
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self._shown = -1

    def update(self, done: int) -> None:
        percent = done * 100 // self.total if self.total else 100
        if self.enabled and percent != self._shown:
            self._shown = percent
            sys.stderr.write(f"\r{self.label} {done}/{self.total} ({percent}%)")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._shown >= 0:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
