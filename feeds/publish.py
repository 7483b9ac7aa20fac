"""The build: seeds -> articles -> summaries -> feed model -> rendered files -> public/.

Everything is rendered and validated in memory first; only a build with no problem touches the
output folder, and then each file is written to a temporary file beside it and renamed into
place, so a reader or web server only ever sees a whole old file or a whole new one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from feeds.config import Settings, load_settings
from feeds.errors import InputError
from feeds.model import Entry, Feed, feed_file, make_entries, make_feed
from feeds.seeds import Article, read_seed
from feeds.summarize import summarize
from feeds.validate import Severity, validate_bytes
from feeds.writers import atom, html, jsonfeed, rss

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
RENDERERS: dict[str, Callable[[Feed], bytes]] = {
    "atom": atom.render,
    "rss": rss.render,
    "json": jsonfeed.render,
}


@dataclass
class Plan:
    """The build's outcome before anything is written: every file's bytes, and the problems."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # bad seeds: skipped with --keep-going
    invalid: list[str] = field(default_factory=list)  # validator errors in our own output


def read_articles(settings: Settings, problems: list[str]) -> list[Article]:
    """Every readable seed, in file-name order; each bad one adds a line to `problems`."""
    articles = []
    for path in sorted(settings.seeds_dir.glob("*.txt")):
        try:
            articles.append(read_seed(path, settings.timezone, dayfirst=settings.dayfirst))
        except InputError as exc:
            problems.append(str(exc))
    return articles


def summaries(articles: list[Article], settings: Settings) -> list[str]:
    """The hand-written summary where the seed has one, else a generated one."""
    return [
        a.summary or summarize("\n\n".join(a.paragraphs), settings.summary_max_chars, a.headline)
        for a in articles
    ]


def render(settings: Settings, entries: list[Entry]) -> dict[str, bytes]:
    """Every file of the site, by path relative to the output folder."""
    feeds = [make_feed(spec, entries, settings) for spec in settings.feeds]
    files = {
        feed_file(feed.name, fmt): renderer(feed)
        for feed in feeds
        for fmt, renderer in RENDERERS.items()
    }
    files["index.html"] = html.render_index(settings, feeds, entries)
    for entry in entries:
        files[entry.page] = html.render_article(settings, feeds, entry)
    return files


def validation_problems(settings: Settings, files: dict[str, bytes]) -> list[str]:
    """Validator errors in the feeds this build wrote: a bug of ours, never shipped."""
    problems = []
    for name, data in files.items():
        if name.endswith((".xml", ".json")):
            report = validate_bytes(data, name, url=settings.base_url + name)
            problems += [
                f"{settings.output_dir / name}:{m.line or 0}: {m.code}: {m.message}"
                for m in report.messages
                if m.severity is Severity.ERROR
            ]
    return problems


def plan_build(settings: Settings, *, keep_going: bool) -> Plan:
    plan = Plan()
    articles = read_articles(settings, plan.problems)
    if plan.problems and not keep_going:
        return plan
    entries = make_entries(articles, summaries(articles, settings), settings)
    plan.files = render(settings, entries)
    plan.invalid = validation_problems(settings, plan.files)
    return plan


def differences(files: dict[str, bytes], out: Path) -> list[str]:
    """Lines naming each file in `out` that is missing, stale or extra against `files`."""
    lines = []
    for name, data in sorted(files.items()):
        target = out / name
        if not target.is_file():
            lines.append(f"{target}: missing")
        elif target.read_bytes() != data:
            lines.append(f"{target}: stale")
    lines += [f"{out / name}: extra" for name in sorted(existing_files(out) - set(files))]
    return lines


def existing_files(out: Path) -> set[str]:
    """The site's files now in `out`; dotfiles (.nojekyll, our temporary files) are not ours."""
    if not out.is_dir():
        return set()
    return {
        path.relative_to(out).as_posix()
        for path in out.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(out).parts)
    }


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside the target, flush to disk, then rename over it: all or nothing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def publish(files: dict[str, bytes], out: Path) -> tuple[int, int, int]:
    """Make `out` hold exactly `files`: (written, unchanged, removed)."""
    written = unchanged = 0
    for name, data in sorted(files.items()):
        target = out / name
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        write_atomically(target, data)
        written += 1
    extra = sorted(existing_files(out) - set(files))
    for name in extra:
        (out / name).unlink()
    return written, unchanged, len(extra)


def run_build(
    *, config_path: Path | None, seeds: Path | None, out: Path | None, check: bool, keep_going: bool
) -> int:
    """`feeds build`: the exit status, with problems on stderr one per line."""
    try:
        settings = _settings(config_path, seeds, out)
    except InputError as exc:
        print(f"feeds: {exc}", file=sys.stderr)
        return EXIT_USAGE
    plan = plan_build(settings, keep_going=keep_going)
    for problem in plan.problems + plan.invalid:
        print(problem, file=sys.stderr)
    if plan.invalid or not plan.files:
        return EXIT_PROBLEMS
    if check:
        stale = differences(plan.files, settings.output_dir)
        for line in stale:
            print(line)
        return EXIT_PROBLEMS if stale or plan.problems else EXIT_OK
    written, unchanged, removed = publish(plan.files, settings.output_dir)
    print(f"wrote {written} files, {unchanged} unchanged, {removed} removed", file=sys.stderr)
    return EXIT_PROBLEMS if plan.problems else EXIT_OK


def _settings(config_path: Path | None, seeds: Path | None, out: Path | None) -> Settings:
    path = config_path or Path("pyproject.toml")
    if config_path is None and not path.is_file():
        raise InputError("no pyproject.toml here: run in the site's folder or pass --config FILE")
    settings = load_settings(path)
    overrides = {k: v for k, v in {"seeds_dir": seeds, "output_dir": out}.items() if v is not None}
    settings = replace(settings, **overrides)
    if not settings.seeds_dir.is_dir():
        raise InputError(f"seed folder {settings.seeds_dir} does not exist")
    output = settings.output_dir.resolve()
    for inside in (settings.seeds_dir.resolve(), path.resolve()):
        if inside == output or output in inside.parents:
            raise InputError(
                f"output folder {settings.output_dir} must not contain {inside}: "
                "the build removes files it did not write there"
            )
    return settings
