"""The build in memory: seed files -> records -> entries -> feed documents and pages.

Seeds are parsed and summarized once (in parallel when there are many) into small Records that
the cache keeps; each worker also renders its article page and, when the page differs from what
is published, stages it in a dot-folder inside the output folder, so that a build of 100,000
seeds never holds 100,000 bodies in memory and nothing in the site changes before the whole
build has succeeded. Feed documents are then rendered from the records, reading again only the
bodies that a current feed carries, and checked with the validator.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from feeds.cache import Cache, digest
from feeds.config import FeedSpec, Settings
from feeds.errors import InputError
from feeds.logs import Progress
from feeds.model import (
    FORMATS,
    STYLESHEET,
    Entry,
    Feed,
    Record,
    archive_pages,
    body_html,
    feed_entries,
    feed_file,
    make_entries,
    make_entry,
    make_feed,
    page_path,
)
from feeds.readahead import read_ahead
from feeds.seeds import parse_seed, read_seed
from feeds.summarize import summarize
from feeds.validate import Severity, validate_bytes
from feeds.writers import atom, html, jsonfeed, rss, stylesheet

LOG = logging.getLogger("feeds")
T = TypeVar("T")
R = TypeVar("R")
RENDERERS = {"atom": atom.render, "rss": rss.render, "json": jsonfeed.render}
# Below these counts, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200  # seeds to parse
ARCHIVES_PARALLEL_THRESHOLD = 16  # archive pages to render
# Seeds read ahead of the results come back: a few of the workers' chunks (64 seeds) each.
READ_AHEAD = 512


@dataclass
class Outcome:
    """What a build would publish, before anything is published.

    staged: files rendered in this build that differ from what is published (written into the
    staging folder, unless this is --check); expected: every path the site has, including
    pages and archives left as they are; problems: bad seeds; invalid: validator errors in our
    own output."""

    staged: set[str] = field(default_factory=set)
    expected: set[str] = field(default_factory=set)
    records: list[Record] = field(default_factory=list)
    seed_stats: dict[str, list[int]] = field(default_factory=dict)  # file name -> [size, mtime]
    keys: dict[str, str] = field(default_factory=dict)  # path -> input key, for the cache
    problems: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def stage(timings: dict[str, float], name: str) -> Iterator[None]:
    """Time a stage of the build into `timings` (read, parse and date, summarize, render,
    validate, write). Work done in worker processes is timed there and added up, so with
    several jobs a stage's seconds are processor time, which can exceed the wall time."""
    start = time.perf_counter()
    yield
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


def add_timings(outcome: Outcome, timings: dict[str, float]) -> None:
    for name, seconds in timings.items():
        outcome.timings[name] = outcome.timings.get(name, 0.0) + seconds


@dataclass(frozen=True, slots=True)
class SeedResult:
    """What a worker returns for one seed: its record or the problem, and whether its page
    changed (then it is staged)."""

    record: Record | None
    problem: str | None
    changed: bool
    timings: dict[str, float]


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendered file with the validator's errors in it (none for non-feed files)."""

    name: str
    data: bytes
    problems: list[str]
    timings: dict[str, float]


def seed_paths(settings: Settings) -> list[Path]:
    """The seed files in file-name order (sorted by name: comparing paths costs ten times as
    much, and they share their folder)."""
    return sorted(settings.seeds_dir.glob("*.txt"), key=lambda path: path.name)


def build(
    settings: Settings,
    cache: Cache,
    *,
    staging: Path | None,
    jobs: int,
    keep_going: bool,
    progress: bool = False,
) -> Outcome:
    """Everything a build writes. With `staging` None nothing is written anywhere (--check)."""
    outcome = Outcome()
    scan(settings, cache, outcome, staging=staging, jobs=jobs, progress=progress)
    if outcome.problems and not keep_going:
        return outcome
    # The records live until the build ends: keep the collector from rescanning them, over and
    # over, while the feeds are rendered.
    gc.freeze()
    try:
        with stage(outcome.timings, "render"):
            entries = make_entries(outcome.records, settings)
        for rendered in documents(settings, cache, entries, outcome, jobs):
            add_timings(outcome, rendered.timings)
            outcome.invalid += rendered.problems
            with stage(outcome.timings, "write"):
                keep(outcome, rendered.name, rendered.data, staging, settings.output_dir)
    finally:
        gc.unfreeze()
    return outcome


def keep(outcome: Outcome, name: str, data: bytes, staging: Path | None, out: Path) -> None:
    """Note a rendered file, staged if it differs from the published one. Nothing rendered
    stays in memory, so a site of 100,000 articles builds in bounded memory."""
    outcome.expected.add(name)
    if stage_if_changed(name, data, staging, out):
        outcome.staged.add(name)


def stage_if_changed(name: str, data: bytes, staging: Path | None, out: Path) -> bool:
    """True if `data` differs from the published file; then it is written into the staging
    folder (unless there is none: --check)."""
    if not _differs(out / name, data):
        return False
    if staging is not None:
        target = staging / name
        try:  # the folder is made on the first miss, not checked for each of 100,000 pages
            target.write_bytes(data)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return True


def scan(
    settings: Settings,
    cache: Cache,
    outcome: Outcome,
    *,
    staging: Path | None,
    jobs: int,
    progress: bool,
) -> None:
    """Fill outcome.records (seed-file order) from the cache where it is current, and from the
    workers otherwise; stage the article pages that changed."""
    slots: list[Record | None] = []
    todo: list[tuple[int, Path]] = []
    with stage(outcome.timings, "read"):
        for path in seed_paths(settings):
            record = _cached_record(settings, cache, path, outcome)
            if record is None:
                todo.append((len(slots), path))
            slots.append(record)
    bar = Progress("summarizing", len(todo), enabled=progress)
    work = partial(_process, settings, staging)
    results = _seed_results(work, [path for _, path in todo], jobs)
    for done, ((index, path), result) in enumerate(zip(todo, results, strict=True), 1):
        add_timings(outcome, result.timings)
        if result.problem:
            outcome.problems.append(result.problem)
        slots[index] = result.record
        if result.changed:
            outcome.staged.add(page_path(path.stem))
        bar.update(done)
    bar.close()
    outcome.records = [r for r in slots if r is not None]
    for record in outcome.records:
        outcome.keys[page_path(record.stem)] = record.digest
        outcome.expected.add(page_path(record.stem))


def _cached_record(settings: Settings, cache: Cache, path: Path, outcome: Outcome) -> Record | None:
    """The cached record of an unchanged seed whose published page is intact, else None.

    A seed whose size and modification time are what the cache saw is not read again: its
    digest is taken from the cache (the stat is taken before any read, so a seed edited during
    a build is read again next time)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    seen = outcome.seed_stats[path.name] = [stat.st_size, stat.st_mtime_ns]
    memo = cache.seeds.get(path.name)
    if memo is not None and memo[:2] == seen:
        key = memo[2]
    elif cache.records:
        try:
            key = seed_digest(path.stem, path.read_bytes())
        except OSError:
            return None
    else:
        return None
    data = cache.records.get(key)
    if data is None or not cache.file_is_current(settings.output_dir, page_path(path.stem), key):
        return None
    try:
        return Record.from_json(data)
    except (KeyError, TypeError, ValueError):
        return None


def seed_digest(stem: str, data: bytes) -> str:
    return digest(stem.encode() + b"\0" + data)


# --- workers ---------------------------------------------------------------------------------


def in_workers(work: Callable[[T], R], items: list[T], jobs: int, threshold: int) -> Iterator[R]:
    """`map(work, items)`, in `jobs` worker processes when there are at least `threshold`
    items (below that, starting processes costs more than it saves). Results keep the order."""
    if jobs <= 1 or len(items) < threshold:
        yield from map(work, items)
        return
    chunk = max(1, min(64, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(work, items, chunksize=chunk)


def _seed_results(
    work: Callable[[Path], SeedResult], paths: list[Path], jobs: int
) -> Iterator[SeedResult]:
    """`in_workers` over the seeds, which are read ahead of the workers when there are enough
    to start them (see `readahead`)."""
    if len(paths) < PARALLEL_THRESHOLD:
        yield from in_workers(work, paths, jobs, PARALLEL_THRESHOLD)
        return
    with read_ahead(paths, READ_AHEAD) as consumed:
        for result in in_workers(work, paths, jobs, PARALLEL_THRESHOLD):
            consumed()
            yield result


def _process(settings: Settings, staging: Path | None, path: Path) -> SeedResult:
    """One seed, in a worker: parse it, summarize it, render its article page and stage the
    page when it differs from the published one."""
    timings: dict[str, float] = {}
    try:
        with stage(timings, "parse and date"):
            data = path.read_bytes()
            article = parse_seed(data, path, settings.timezone, dayfirst=settings.dayfirst)
    except OSError as exc:
        problem = str(InputError(f"cannot read seed: {exc.strerror or exc}", path))
        return SeedResult(None, problem, False, timings)
    except InputError as exc:
        return SeedResult(None, str(exc), False, timings)
    with stage(timings, "summarize"):
        body = "\n\n".join(article.paragraphs)
        summary = article.summary or summarize(body, settings.summary_max_chars, article.headline)
    record = Record.of(article, summary, seed_digest(path.stem, data))
    with stage(timings, "render"):
        entry = make_entry(record, record.published, settings, body_html(article.paragraphs))
        page = html.render_article(settings, entry)
    with stage(timings, "write"):
        changed = stage_if_changed(entry.page, page, staging, settings.output_dir)
    return SeedResult(record, None, changed, timings)


def _differs(path: Path, data: bytes) -> bool:
    try:
        return os.path.getsize(path) != len(data) or path.read_bytes() != data
    except OSError:
        return True


# --- feed documents --------------------------------------------------------------------------


def documents(
    settings: Settings, cache: Cache, entries: list[Entry], outcome: Outcome, jobs: int
) -> Iterator[Rendered]:
    """Every feed document (current feeds, archive pages whose inputs changed), the index and
    the stylesheet. Archive pages, the bulk of a cold build, render in worker processes."""
    archives: list[Feed] = []
    for spec in settings.feeds:
        chosen = feed_entries(spec, entries)
        pages = archive_pages(chosen, settings.max_entries)
        current = with_bodies(settings, chosen[: settings.max_entries])
        yield from render_feed(settings, make_feed(spec, current, settings, pages=len(pages)))
        archives += changed_archives(settings, cache, spec, pages, outcome)
    work = partial(render_feed, settings)
    for rendered in in_workers(work, archives, jobs, ARCHIVES_PARALLEL_THRESHOLD):
        yield from rendered
    timings: dict[str, float] = {}
    with stage(timings, "render"):
        index = html.render_index(settings, entries)
    yield Rendered("index.html", index, [], timings)
    if settings.stylesheet:
        yield Rendered(STYLESHEET, stylesheet.render(settings), [], {})


def changed_archives(
    settings: Settings, cache: Cache, spec: FeedSpec, pages: list[list[Entry]], outcome: Outcome
) -> list[Feed]:
    """The archive pages whose inputs changed since they were written (all of them when there
    is no cache); every page's files are noted as part of the site."""
    changed = []
    for number, members in enumerate(pages, 1):
        key = digest(
            f"{number}/{len(pages)}|".encode()
            + "|".join(
                f"{e.id} {e.updated.isoformat()} {outcome.keys[e.page]}" for e in members
            ).encode()
        )
        names = [feed_file(spec.name, fmt, number) for fmt in FORMATS]
        outcome.expected.update(names)
        for name in names:
            outcome.keys[name] = key
        if not all(cache.file_is_current(settings.output_dir, name, key) for name in names):
            changed.append(make_feed(spec, members, settings, page=number, pages=len(pages)))
    return changed


def render_feed(settings: Settings, feed: Feed) -> list[Rendered]:
    """A feed document in every format, each checked by the validator."""
    result = []
    for fmt, renderer in RENDERERS.items():
        timings: dict[str, float] = {}
        name = feed_file(feed.name, fmt, feed.page)
        with stage(timings, "render"):
            data = renderer(feed)
        with stage(timings, "validate"):
            problems = validation_problems(settings, name, data)
        result.append(Rendered(name, data, problems, timings))
    return result


def with_bodies(settings: Settings, entries: list[Entry]) -> list[Entry]:
    """The entries with their content, read again from their seeds (only the few a current
    feed carries: records keep no bodies)."""
    result = []
    for entry in entries:
        article = read_seed(
            settings.seeds_dir / f"{entry.stem}.txt", settings.timezone, dayfirst=settings.dayfirst
        )
        result.append(replace(entry, content_html=body_html(article.paragraphs)))
    return result


def validation_problems(settings: Settings, name: str, data: bytes) -> list[str]:
    """Validator errors in a feed this build renders: a bug of ours, never published."""
    report = validate_bytes(data, name, url=settings.base_url + name)
    return [
        f"{settings.output_dir / name}:{m.line or 0}: {m.code}: {m.message}"
        for m in report.messages
        if m.severity is Severity.ERROR
    ]
