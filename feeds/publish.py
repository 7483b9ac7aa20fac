"""Publishing: make the output folder hold exactly what the build rendered, one atomic file at a
time, and compare it with the build for --check.

Every file that changed arrives staged in a dot-folder inside the output folder (the same file
system, so moving one into place is an atomic rename). Files that did not change are not
touched, so their modification times, ETags and HTTP caches stay valid.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from feeds.pipeline import Outcome

STAGING_PREFIX = ".feeds-staging-"


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def staging_folder(out: Path) -> Path:
    """A fresh staging folder for this build; leftovers of killed builds are removed first
    (the caller holds the build lock, so no other build is using them)."""
    out.mkdir(parents=True, exist_ok=True)
    for leftover in out.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    folder = out / f"{STAGING_PREFIX}{os.getpid()}"
    folder.mkdir()
    return folder


def existing_files(out: Path) -> set[str]:
    """The site's files now in `out`; dot-files and dot-folders (.nojekyll, staging, temporary
    files) are not the site's."""
    if not out.is_dir():
        return set()
    found = set()
    for folder, folders, files in os.walk(out):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = os.path.relpath(folder, out)
        prefix = "" if base == os.curdir else base.replace(os.sep, "/") + "/"
        found.update(prefix + name for name in files if not name.startswith("."))
    return found


def publish(outcome: Outcome, out: Path, staging: Path) -> Changes:
    """Move the staged files into place, one atomic rename each, and remove what the site no
    longer has. A folder the site does not have yet (articles/, on a first build) moves in
    whole, one rename for its thousands of pages, which then appear all at once."""
    changes = Changes(unchanged=len(outcome.expected) - len(outcome.staged))
    moved = _move_new_folders(outcome.staged, out, staging)
    folders: set[Path] = set()  # made already: not made again for each of 10,000 pages
    for name in sorted(outcome.staged):
        if name.rpartition("/")[0] not in moved:
            target = out / name
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            os.replace(staging / name, target)
        changes.written.append(name)
    for name in sorted(existing_files(out) - outcome.expected):
        (out / name).unlink()
        changes.removed.append(name)
    return changes


def _move_new_folders(staged: set[str], out: Path, staging: Path) -> set[str]:
    """Move into `out` each staged top-level folder that it has nothing of yet and that holds
    only staged files; the folders moved."""
    counts = Counter(name.rpartition("/")[0] for name in staged)
    moved = set()
    for folder, count in counts.items():
        if not folder or "/" in folder or os.path.lexists(out / folder):
            continue
        if len(os.listdir(staging / folder)) == count:
            os.replace(staging / folder, out / folder)
            moved.add(folder)
    return moved


def differences(outcome: Outcome, out: Path) -> list[str]:
    """--check: a line for each file in `out` that is missing, stale or extra."""
    lines = [f"{out / name}: {_state(out / name)}" for name in sorted(outcome.staged)]
    lines += [f"{out / name}: extra" for name in sorted(existing_files(out) - outcome.expected)]
    return lines


def _state(path: Path) -> str:
    return "stale" if path.is_file() else "missing"
