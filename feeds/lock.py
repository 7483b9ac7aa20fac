"""One build at a time: an advisory lock that overlapping cron runs queue on.

flock(2) locks belong to the open file description, so the kernel drops the lock the moment
the holding process dies, however it dies: a SIGKILLed build can never block the next one.
The holder's pid is written into the file only to make the waiting build's message useful.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_SECONDS = 0.1


class LockTimeout(Exception):
    """Another build held the lock for longer than we were willing to wait."""


@contextmanager
def build_lock(path: Path, *, wait: float) -> Iterator[None]:
    """Hold the lock at `path` for the block, waiting up to `wait` seconds for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, wait)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = path.read_text(encoding="ascii", errors="replace").strip() or "unknown"
                raise LockTimeout(
                    f"{path}: another build (pid {holder}) is running; gave up after {wait:g} s"
                ) from None
            time.sleep(POLL_SECONDS)
