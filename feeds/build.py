"""`feeds build`: settings, lock, cache, pipeline, publish, ping, and the exit status.

Exit status: 0 success; 1 bad input (one line per problem) or, with --check, a stale site;
2 a usage or configuration error; 75 (EX_TEMPFAIL) another build held the lock too long.
"""

from __future__ import annotations

import argparse
import logging
import shutil
from dataclasses import replace
from pathlib import Path

from feeds import cache as caches
from feeds.config import Settings, load_settings
from feeds.errors import InputError
from feeds.lock import LockTimeout, build_lock
from feeds.logs import DETAIL
from feeds.model import FORMATS, feed_file
from feeds.pipeline import Outcome, build, stage
from feeds.publish import Changes, differences, publish, staging_folder

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_TEMPFAIL = 0, 1, 2, 75
LOCK_FILE = "build.lock"
LOG = logging.getLogger("feeds")


def run_build(args: argparse.Namespace) -> int:
    try:
        settings = resolve_settings(args.config, args.seeds, args.out)
    except InputError as exc:
        LOG.error("feeds: %s", exc)
        return EXIT_USAGE
    if args.ping and not settings.hub:
        LOG.error("feeds: --ping needs a hub: set 'hub' in the configuration")
        return EXIT_USAGE
    if args.check:
        return _check(settings, args)
    try:
        with build_lock(settings.cache_dir / LOCK_FILE, wait=args.wait):
            return _build(settings, args)
    except LockTimeout as exc:
        LOG.error("feeds: %s", exc)
        return EXIT_TEMPFAIL


def resolve_settings(config: Path | None, seeds: Path | None, out: Path | None) -> Settings:
    """Settings from --config (default ./pyproject.toml) with --seeds and --out applied, and
    refused when the output folder would hold the seeds or the configuration: the build removes
    files it did not write there."""
    path = config or Path("pyproject.toml")
    if config is None and not path.is_file():
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


def _check(settings: Settings, args: argparse.Namespace) -> int:
    """Build in memory, trusting no cache, and list how the output folder differs."""
    outcome = _pipeline(settings, caches.Cache(""), None, args)
    if _failed(outcome, args):
        return EXIT_PROBLEMS
    lines = differences(outcome, settings.output_dir)
    for line in lines:
        print(line)
    return EXIT_PROBLEMS if lines or outcome.problems else EXIT_OK


def _build(settings: Settings, args: argparse.Namespace) -> int:
    cache = caches.load(settings)
    staging = staging_folder(settings.output_dir)
    try:
        outcome = _pipeline(settings, cache, staging, args)
        if _failed(outcome, args):
            return EXIT_PROBLEMS
        with stage(outcome.timings, "write"):
            changes = publish(outcome, settings.output_dir, staging)
            _remember(cache, outcome, settings)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _log_summary(changes, outcome)
    if args.ping and not _ping(settings, changes):
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if outcome.problems else EXIT_OK


def _pipeline(
    settings: Settings, cache: caches.Cache, staging: Path | None, args: argparse.Namespace
) -> Outcome:
    return build(
        settings,
        cache,
        staging=staging,
        jobs=args.jobs,
        keep_going=args.keep_going,
        progress=not args.quiet,
    )


def _failed(outcome: Outcome, args: argparse.Namespace) -> bool:
    """Log every bad seed and every validator error; True if nothing may be published: our
    own output is invalid, or a seed is bad and --keep-going was not given."""
    for problem in outcome.problems + outcome.invalid:
        LOG.error("%s", problem)
    return bool(outcome.invalid) or bool(outcome.problems and not args.keep_going)


def _remember(cache: caches.Cache, outcome: Outcome, settings: Settings) -> None:
    cache.records = {r.digest: r.to_json() for r in outcome.records}
    cache.seeds = {
        f"{r.stem}.txt": [*outcome.seed_stats[f"{r.stem}.txt"], r.digest] for r in outcome.records
    }
    cache.remember_files(settings.output_dir, outcome.keys, outcome.staged)
    caches.save(cache, settings)


def _log_summary(changes: Changes, outcome: Outcome) -> None:
    for name in changes.written:
        LOG.log(DETAIL, "wrote %s", name)
    for name in changes.removed:
        LOG.log(DETAIL, "removed %s", name)
    for name, seconds in outcome.timings.items():
        LOG.debug("%s: %.3f s", name, seconds)
    summary = f"wrote {len(changes.written)} files, {changes.unchanged} unchanged" + (
        f", removed {len(changes.removed)}" if changes.removed else ""
    )
    LOG.log(logging.INFO if changes.written or changes.removed else logging.DEBUG, summary)


def _ping(settings: Settings, changes: Changes) -> bool:
    """Notify the hub of the current feeds that changed; False if any notification failed.
    (websub is imported here: its HTTP client costs every build 15 ms to import.)"""
    from feeds import websub

    current = {feed_file(spec.name, fmt) for spec in settings.feeds for fmt in FORMATS}
    urls = [settings.base_url + name for name in changes.written if name in current]
    problems = websub.ping(settings.hub, urls) if urls else []
    for problem in problems:
        LOG.error("%s", problem)
    if urls and not problems:
        LOG.info("notified %s of %d changed feeds", settings.hub, len(urls))
    return not problems
