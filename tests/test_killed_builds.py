"""SIGKILL at random moments: public/ always holds whole files, and the next build recovers."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import feedparser

from feeds.validate import Severity, validate_file

KILLS = 50
SEEDS = 60


def command(site, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "feeds",
        "build",
        "--config",
        str(site.config),
        "--jobs",
        "1",
        *args,
    ]


def assert_whole(site) -> None:
    """Every published file is a complete document: feeds parse and validate, pages end."""
    for path in site.public.rglob("*"):
        if not path.is_file() or any(
            p.startswith(".") for p in path.relative_to(site.public).parts
        ):
            continue
        data = path.read_bytes()
        if path.suffix == ".html":
            assert data.endswith(b"</html>\n"), path
        elif path.name.endswith((".atom.xml", ".rss.xml")):
            assert feedparser.parse(data).bozo == 0, path
            report = validate_file(path)
            assert not [m for m in report.messages if m.severity is Severity.ERROR], path


def test_builds_killed_at_random_moments_never_leave_partial_files(site, article):
    site.configure("max_entries = 20\n")
    for number in range(SEEDS):
        site.seed(
            f"s{number:03d}", article(date=f"2016-{number % 12 + 1:02d}-{number % 28 + 1:02d}")
        )
    started = time.monotonic()
    assert subprocess.run(command(site), capture_output=True).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(5005)
    for kill in range(KILLS):
        for number in rng.sample(range(SEEDS), 3):
            site.seed(f"s{number:03d}", article(headline=f"Edition {kill} of story {number}"))
        build = subprocess.Popen(
            command(site), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0, duration))
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert_whole(site)
    final = subprocess.run(command(site), capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert subprocess.run(command(site, "--check"), capture_output=True).returncode == 0
    assert not list(site.public.glob(".feeds-staging-*"))
    assert_whole(site)
