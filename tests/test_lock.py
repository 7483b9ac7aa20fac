"""Overlapping builds: the second waits for the lock, then gives up with EX_TEMPFAIL (75)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

HOLDER = """
import sys, time
from pathlib import Path
from feeds.lock import build_lock
with build_lock(Path(sys.argv[1]), wait=0):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def seeded(site, article):
    site.seed("a", article())
    return site


def hold_lock(site, seconds: float) -> subprocess.Popen:
    """Another process holding the build lock, as an overlapping cron run would."""
    lock = site.root / ".feeds-cache" / "build.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def run_build(site, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "feeds", "build", "--config", str(site.config), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_second_build_gives_up_with_75_and_a_clear_message(seeded):
    holder = hold_lock(seeded, 30)
    try:
        result = run_build(seeded)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 75
    assert f"another build (pid {holder.pid}) is running; gave up after 0 s" in result.stderr
    assert not seeded.public.exists() or not any(seeded.public.iterdir())


def test_second_build_waits_for_the_first_to_finish(seeded):
    holder = hold_lock(seeded, 0.5)
    started = time.monotonic()
    result = run_build(seeded, "--wait", "20")
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 0.3
    assert (seeded.public / "feed.atom.xml").is_file()


def test_lock_of_a_killed_build_does_not_block(seeded):
    holder = hold_lock(seeded, 30)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert run_build(seeded).returncode == 0


def test_check_needs_no_lock(seeded):
    assert run_build(seeded).returncode == 0
    holder = hold_lock(seeded, 30)
    try:
        assert run_build(seeded, "--check").returncode == 0
    finally:
        holder.kill()
        holder.wait()
