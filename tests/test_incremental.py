"""The cache makes rebuilds cheap and never changes what is published."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from feeds.cache import FILE, load
from feeds.config import load_settings


@pytest.fixture
def three(site, article):
    for day in (1, 2, 3):
        site.seed(f"s{day}", article(date=f"2016-09-0{day}", headline=f"News of day {day}"))
    assert site.build() == 0
    return site


def cache_file(site):
    return site.root / ".feeds-cache" / FILE


def summarized(monkeypatch):
    """Count the seeds the build parses and summarizes (the work the cache saves)."""
    calls = []
    import feeds.pipeline as pipeline

    original = pipeline.summarize
    monkeypatch.setattr(pipeline, "summarize", lambda *a: calls.append(a) or original(*a))
    return calls


def test_unchanged_seeds_are_not_summarized_again(three, monkeypatch):
    calls = summarized(monkeypatch)
    assert three.build() == 0
    assert calls == []


def test_only_the_changed_seed_is_summarized_again(three, monkeypatch, article):
    calls = summarized(monkeypatch)
    three.seed("s2", article(date="2016-09-02", headline="Day 2, revised"))
    assert three.build() == 0
    assert len(calls) == 1
    assert "Day 2, revised" in (three.public / "feed.atom.xml").read_text(encoding="utf-8")


def test_deleting_the_cache_changes_nothing_in_the_output(three):
    before = three.snapshot()
    cache_file(three).unlink()
    assert three.build() == 0
    assert three.snapshot() == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"News of day 1", b"Forged head 1"),  # same length: valid data
        lambda data: b"not a cache at all",
        lambda data: b"",
    ],
    ids=["truncated", "edited", "garbage", "empty"],
)
def test_corrupt_cache_is_detected_and_rebuilt(three, monkeypatch, damage):
    before = three.snapshot()
    path = cache_file(three)
    path.write_bytes(damage(path.read_bytes()))
    calls = summarized(monkeypatch)
    assert three.build() == 0
    assert len(calls) == 3
    assert three.snapshot() == before
    assert len(load(load_settings(three.config)).records) == 3


def test_cache_from_another_version_is_not_trusted(three, monkeypatch):
    monkeypatch.setattr("feeds.cache.__version__", "9.9.9")
    calls = summarized(monkeypatch)
    assert three.build() == 0
    assert len(calls) == 3


def test_cache_written_in_another_format_is_not_trusted(three, monkeypatch):
    path = cache_file(three)
    header, _, body = path.read_bytes().partition(b"\n")
    name, _, checksum = header.split(b" ")
    path.write_bytes(b" ".join([name, b"3-marshal3", checksum]) + b"\n" + body)
    calls = summarized(monkeypatch)
    assert three.build() == 0
    assert len(calls) == 3


def test_a_changed_setting_rebuilds_every_record(three, monkeypatch):
    three.configure("summary_max_chars = 120\n")
    calls = summarized(monkeypatch)
    assert three.build() == 0
    assert len(calls) == 3


def test_a_damaged_article_page_is_rewritten(three):
    page = three.public / "articles" / "s1.html"
    expected = page.read_bytes()
    page.write_text("vandalised", encoding="utf-8")
    assert three.build() == 0
    assert page.read_bytes() == expected


def test_unchanged_files_keep_their_modification_time(three):
    stamps = {p: p.stat().st_mtime_ns for p in three.public.rglob("*") if p.is_file()}
    assert three.build() == 0
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_after_a_rebuild_the_cache_describes_every_page_and_archive_on_disk(three, article):
    three.configure("max_entries = 1\n")
    assert three.build() == 0
    three.seed("s2", article(date="2016-09-02", headline="Day 2, revised"))
    assert three.build() == 0
    files = load(load_settings(three.config)).files
    on_disk = {
        path.relative_to(three.public).as_posix(): [path.stat().st_size, path.stat().st_mtime_ns]
        for path in three.public.rglob("*")
        if path.is_file()
    }
    kept = {name for name in on_disk if name.startswith("articles/") or ".archive-" in name}
    assert set(files) == kept
    assert {name: entry[1:] for name, entry in files.items()} == {n: on_disk[n] for n in kept}


def test_a_seed_edit_that_leaves_its_page_alone_is_read_only_once(three, monkeypatch):
    seed = three.seeds / "s1.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert three.build() == 0
    calls = summarized(monkeypatch)
    assert three.build() == 0
    assert calls == []


def test_parallel_build_writes_the_same_bytes_as_a_serial_one(site, article, monkeypatch):
    monkeypatch.setattr("feeds.pipeline.PARALLEL_THRESHOLD", 2)
    for day in range(1, 10):
        site.seed(f"s{day}", article(date=f"2016-09-0{day}", headline=f"Story {day}"))
    assert site.build("--jobs", "2") == 0
    parallel = site.snapshot()
    for path in site.public.rglob("*.*"):
        path.unlink()
    (site.root / ".feeds-cache" / FILE).unlink()
    assert site.build("--jobs", "1") == 0
    assert site.snapshot() == parallel


def test_staging_leftovers_of_a_killed_build_are_removed(three):
    leftover = three.public / ".feeds-staging-99999" / "articles"
    leftover.mkdir(parents=True)
    (leftover / "s1.html").write_text("half", encoding="utf-8")
    assert three.build() == 0
    assert not leftover.parent.exists()
    assert three.build("--check") == 0


def test_nothing_changed_prints_nothing(three, capsys):
    capsys.readouterr()
    assert three.build() == 0
    assert capsys.readouterr().err == ""


def test_a_change_prints_one_summary_line(three, capsys, article):
    three.seed("s4", article(date="2016-09-04"))
    capsys.readouterr()
    assert three.build() == 0
    assert capsys.readouterr().err.splitlines() == ["wrote 5 files, 4 unchanged"]


def test_quiet_prints_nothing_on_a_change(three, capsys, article):
    three.seed("s4", article(date="2016-09-04"))
    capsys.readouterr()
    assert three.build("--quiet") == 0
    assert capsys.readouterr().err == ""


def test_verbose_prints_stage_times(three, capsys, article):
    three.seed("s4", article(date="2016-09-04"))
    capsys.readouterr()
    assert three.build("--verbose") == 0
    err = capsys.readouterr().err
    assert "wrote articles/s4.html" not in err
    stages = {line.split(":")[0] for line in err.splitlines() if line.endswith(" s")}
    assert stages == {"read", "parse and date", "summarize", "render", "validate", "write"}


def test_twice_verbose_lists_every_file_written(three, capsys, article):
    three.seed("s4", article(date="2016-09-04"))
    capsys.readouterr()
    assert three.build("-vv") == 0
    assert "wrote articles/s4.html" in capsys.readouterr().err


def test_json_logs_are_one_object_per_line(three, capsys, article):
    three.seed("s4", "date someday Bad\n\nBody.\n")
    capsys.readouterr()
    assert three.build("--log-format", "json") == 1
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert lines[0]["level"] == "error" and "s4.txt:1:" in lines[0]["message"]
    assert lines[0]["time"].endswith("Z")


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    logging.getLogger("feeds").handlers.clear()


def test_only_the_bodies_of_the_current_feed_are_read_again(three, monkeypatch):
    three.configure("max_entries = 1\n")
    assert three.build() == 0
    reads = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or original(self))
    assert three.build() == 0
    assert [name for name in reads if name.endswith(".txt")] == ["s3.txt"]
