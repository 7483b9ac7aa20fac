"""Publishing staged files: what reaches the output folder, and in how many renames."""

from __future__ import annotations

import os

from feeds import publish
from feeds.pipeline import Outcome


def renames(monkeypatch) -> list[tuple[str, str]]:
    """Record the renames publishing makes (and make them)."""
    calls: list[tuple[str, str]] = []
    original = os.replace

    def replace(source, target):
        calls.append((str(source), str(target)))
        original(source, target)

    monkeypatch.setattr(publish.os, "replace", replace)
    return calls


def staged(staging, names: list[str]) -> Outcome:
    for name in names:
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
    return Outcome(staged=set(names), expected=set(names))


def test_a_first_build_moves_the_new_folder_of_pages_in_one_rename(site, article, monkeypatch):
    for day in (1, 2, 3):
        site.seed(f"s{day}", article(date=f"2016-09-0{day}", headline=f"News of day {day}"))
    calls = renames(monkeypatch)
    assert site.build() == 0
    assert [target for _, target in calls].count(str(site.public / "articles")) == 1
    assert not any(target.startswith(str(site.public / "articles") + "/") for _, target in calls)
    assert sorted(p.name for p in (site.public / "articles").iterdir()) == [
        "s1.html", "s2.html", "s3.html"]


def test_pages_join_a_folder_the_site_has_one_rename_each(tmp_path, monkeypatch):
    out, staging = tmp_path / "public", tmp_path / "public" / ".staging"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "old.html").write_text("old", encoding="utf-8")
    outcome = staged(staging, ["articles/a.html", "articles/b.html"])
    outcome.expected.add("articles/old.html")
    calls = renames(monkeypatch)
    changes = publish.publish(outcome, out, staging)
    assert len(calls) == 2
    assert changes.written == ["articles/a.html", "articles/b.html"]
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["a.html", "b.html", "old.html"]


def test_a_new_folder_holding_anything_unstaged_is_moved_file_by_file(tmp_path):
    out, staging = tmp_path / "public", tmp_path / "public" / ".staging"
    outcome = staged(staging, ["articles/a.html"])
    (staging / "articles" / "stray.html").write_text("stray", encoding="utf-8")
    changes = publish.publish(outcome, out, staging)
    assert changes.written == ["articles/a.html"]
    assert [p.name for p in (out / "articles").iterdir()] == ["a.html"]
