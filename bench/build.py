"""Benchmark `feeds build`: cold and incremental build time, peak memory, per-stage breakdown.

For each N it generates a corpus (bench/corpus.py, kept under --work between runs), then runs
`feeds build -v` in a fresh process: cold (no public/, no cache) and incremental (one
seed edited, everything else cached). Times are the median of --runs runs; the ratio
cold/incremental is computed from those medians in the same run. Peak memory is the largest
resident set of the build process and of each worker process (ru_maxrss of the children).

Each cold build writes into a folder of its own (output and cache), and the folders are removed
only when the benchmark ends. Removing the previous run's site just before a cold build would
time the file system, not the build: when ext4 allocates an inode it passes over those freed in
the last minute (six, while their inode table block is not yet written back), and on the
development machine creating a file after 10,000 were deleted cost up to ten times what it
costs otherwise (0.3-0.7 ms instead of 0.05-0.06, in the kernel). For the same reason, start
the benchmark a few minutes after anything deleted many files (a test run, an earlier run of
this script).

The first line printed times a fixed pure-Python loop: this machine's speed varies from day to
day by up to 1.5x, and figures from two days compare only beside it.

    python bench/build.py                      # N = 1,000 and 10,000, 3 runs each
    python bench/build.py --sizes 100000 --runs 1
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

CONFIG = """\
title = "Benchmark"
description = "A generated corpus"
base_url = "https://bench.example.org/"
author = { name = "Bench Desk", email = "bench@example.org" }
"""
STAGE = re.compile(r"^(read|parse and date|summarize|render|validate|write): ([0-9.]+) s$")


def prepare(work: Path, count: int) -> Path:
    """The seed folder of a corpus of `count` seeds, generated unless it is already there."""
    seeds = work / f"n{count}" / "seeds"
    if not seeds.is_dir() or len(list(seeds.glob("*.txt"))) != count:
        shutil.rmtree(seeds.parent, ignore_errors=True)
        write_corpus(count, seeds)
    return seeds


def new_site(runs: Path, seeds: Path) -> Path:
    """A new, empty folder for one cold build's output and cache, with a configuration that
    reads `seeds`."""
    site = runs / str(len(list(runs.glob("*"))) if runs.is_dir() else 0)
    site.mkdir(parents=True)
    config = CONFIG + f"seeds_dir = {json.dumps(str(seeds.resolve()))}\n"
    (site / "feeds.toml").write_text(config, encoding="utf-8")
    return site


def machine_speed() -> float:
    """Milliseconds a fixed pure-Python loop takes, the median of 5 runs."""
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number % 7
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def compile_package() -> None:
    """Compile the package's bytecode before any build is timed: an installed feeds runs from
    the bytecode pip compiled, and where PYTHONDONTWRITEBYTECODE is set (as on the development
    machine) every run would compile the package again, about 0.1 s."""
    import feeds

    compileall.compile_dir(feeds.__path__[0], quiet=1)


def run_build(site: Path, jobs: int) -> tuple[float, float, dict[str, float]]:
    """(seconds, peak MiB of the largest process, stage seconds) of one `feeds build` run."""
    command = [
        sys.executable,
        "-m",
        "feeds",
        "build",
        "--config",
        str(site / "feeds.toml"),
        "-v",
        "--jobs",
        str(jobs),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-2000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    stages = {
        m.group(1): float(m.group(2))
        for line in result.stderr.splitlines()
        if (m := STAGE.match(line))
    }
    return seconds, peak, stages


def incremental(
    site: Path, seeds: Path, jobs: int, run: int
) -> tuple[float, float, dict[str, float]]:
    """Edit the middle seed, then build `site` again."""
    paths = sorted(seeds.glob("*.txt"))
    seed = paths[len(paths) // 2]
    with seed.open("a", encoding="utf-8") as handle:
        handle.write(f"\nA late correction, number {run}, was added to this article.\n")
    return run_build(site, jobs)


def median_stages(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(r.get(name, 0.0) for r in runs) for name in runs[0]}


def report(label: str, results: list[tuple[float, float, dict[str, float]]]) -> float:
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    stages = ", ".join(f"{k} {v:.2f}" for k, v in median_stages([r[2] for r in results]).items())
    print(f"  {label:<12} {seconds:8.2f} s   peak {peak:7.0f} MiB   ({stages})", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/feeds-bench"))
    args = parser.parse_args()
    print(
        f"feeds build benchmark: {os.cpu_count()} cores, --jobs {args.jobs}, "
        f"median of {args.runs} runs, Python {sys.version.split()[0]}; "
        f"a 1,000,000-step Python loop takes {machine_speed():.0f} ms"
    )
    compile_package()
    runs = args.work / "runs"
    shutil.rmtree(runs, ignore_errors=True)
    try:
        for count in args.sizes:
            seeds = prepare(args.work, count)
            print(f"N = {count:,}", flush=True)
            sites = [new_site(runs, seeds) for _ in range(args.runs)]
            cold_s = report("cold", [run_build(site, args.jobs) for site in sites])
            inc_s = report(
                "incremental",
                [incremental(sites[-1], seeds, args.jobs, r) for r in range(args.runs)],
            )
            print(
                f"  cold / incremental = {cold_s / inc_s:.1f}x; "
                f"cold per seed {cold_s / count * 1000:.2f} ms",
                flush=True,
            )
    finally:
        shutil.rmtree(runs, ignore_errors=True)


if __name__ == "__main__":
    main()
