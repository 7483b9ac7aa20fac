"""Seeds read ahead of the workers: in order, within the window, never raising."""

from __future__ import annotations

import io
import threading
import time

from feeds.readahead import read_ahead


class _File:
    """A path whose opening is recorded (and fails for `missing`)."""

    def __init__(self, name: str, opened: list[str], changed: threading.Condition,
                 missing: bool = False) -> None:
        self.name, self.opened, self.changed, self.missing = name, opened, changed, missing

    def open(self, mode: str, buffering: int) -> io.BytesIO:
        with self.changed:
            self.opened.append(self.name)
            self.changed.notify_all()
        if self.missing:
            raise FileNotFoundError(self.name)
        return io.BytesIO(b"x" * 100)


def _files(count: int, missing: int = -1) -> tuple[list[_File], list[str], threading.Condition]:
    opened: list[str] = []
    changed = threading.Condition()
    return [_File(str(n), opened, changed, n == missing) for n in range(count)], opened, changed


def _wait_for(opened: list[str], changed: threading.Condition, count: int) -> None:
    with changed:
        assert changed.wait_for(lambda: len(opened) >= count, timeout=10)


def test_files_are_read_in_order_at_most_a_window_ahead() -> None:
    files, opened, changed = _files(6)
    with read_ahead(files, window=2) as consumed:  # type: ignore[arg-type]
        _wait_for(opened, changed, 2)
        time.sleep(0.05)  # time enough to read on, were it not held back
        assert opened == ["0", "1"]
        for _ in range(4):
            consumed()
        _wait_for(opened, changed, 6)
    assert opened == [str(n) for n in range(6)]


def test_a_file_that_cannot_be_read_is_left_to_its_reader() -> None:
    files, opened, changed = _files(3, missing=1)
    with read_ahead(files, window=3):  # type: ignore[arg-type]
        _wait_for(opened, changed, 3)
    assert opened == ["0", "1", "2"]


def test_leaving_early_stops_the_reading() -> None:
    files, opened, changed = _files(10)
    with read_ahead(files, window=1):  # type: ignore[arg-type]
        _wait_for(opened, changed, 1)
    assert opened == ["0"]
    assert not any(t.name == "feeds-read-ahead" for t in threading.enumerate())

