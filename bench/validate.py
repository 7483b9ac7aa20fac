"""Benchmark: how fast and how lean `feeds.validate.validate_bytes` is, beside feedparser and a
bare lxml parse of the same bytes. Not a test; run it by hand:

    python bench/validate.py [--entries 100 5000 50000] [--repeats 5] [--big]

Feeds are generated from string templates (deterministic, and fast even at 50,000 entries).
Throughput is the median of several runs; the three tools take turns within each run, so the
ratios (computed per run, then the median) compare them under the same machine conditions.
Peak memory is measured in a fresh subprocess per tool and feed: the growth of the process's
peak resident set size over the parse (beyond the interpreter, the imports and the input bytes),
which counts C allocations (libxml2) that tracemalloc cannot see.

--big adds a feed of each format of about 200 MB, written to disk, and measures what
validating it costs: `validate_file` (with no size limit) in a fresh interpreter, its time and
the peak resident set size of that whole process. It takes a minute or two.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TOOLS = ("feeds", "feedparser", "lxml")

ATOM_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Bench News</title>
  <subtitle>Generated for the benchmark</subtitle>
  <link rel="self" href="https://example.org/atom.xml"/>
  <link rel="alternate" href="https://example.org/"/>
  <id>https://example.org/</id>
  <updated>2024-05-01T09:30:00Z</updated>
  <author><name>Ann Editor</name><email>ann@example.org</email></author>
"""
ATOM_ENTRY = """  <entry>
    <title>Council closes bridge number {n}</title>
    <link rel="alternate" href="https://example.org/news/{n}"/>
    <id>https://example.org/news/{n}</id>
    <updated>2024-05-01T09:30:00Z</updated>
    <published>2024-05-01T08:00:00Z</published>
    <summary>The council voted on Tuesday to close bridge {n}.</summary>
    <content type="html">&lt;p&gt;The council voted on Tuesday to close the old bridge {n}.
Engineers said the structure was unsafe.&lt;/p&gt;&lt;p&gt;Residents will use a
&lt;a href="https://example.org/ferry"&gt;ferry&lt;/a&gt; until a new crossing
opens.&lt;/p&gt;</content>
  </entry>
"""
RSS_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Bench News</title>
    <link>https://example.org/</link>
    <description>Generated for the benchmark</description>
    <language>en</language>
    <atom:link rel="self" type="application/rss+xml" href="https://example.org/rss.xml"/>
    <lastBuildDate>Wed, 01 May 2024 09:30:00 GMT</lastBuildDate>
"""
RSS_ITEM = """    <item>
      <title>Council closes bridge number {n}</title>
      <link>https://example.org/news/{n}</link>
      <guid>https://example.org/news/{n}</guid>
      <pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate>
      <description>&lt;p&gt;The council voted on Tuesday to close the old bridge {n}.
Engineers said the structure was unsafe.&lt;/p&gt;&lt;p&gt;Residents will use a
&lt;a href="https://example.org/ferry"&gt;ferry&lt;/a&gt; until a new crossing
opens.&lt;/p&gt;</description>
    </item>
"""
TEMPLATES = {
    "atom": (ATOM_HEAD, ATOM_ENTRY, "</feed>\n"),
    "rss": (RSS_HEAD, RSS_ITEM, "  </channel>\n</rss>\n"),
}


BIG_MB = 200


def generate(kind: str, entries: int) -> bytes:
    head, entry, tail = TEMPLATES[kind]
    return (head + "".join(entry.format(n=n) for n in range(entries)) + tail).encode()


def write_big(kind: str, path: Path, megabytes: int = BIG_MB) -> int:
    """Write a feed of about `megabytes` MB to `path`, a batch of entries at a time (it is
    never held in memory whole); returns its number of entries."""
    head, entry, tail = TEMPLATES[kind]
    entries = math.ceil(megabytes * 1e6 / len(entry.format(n=10**5)))
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        for start in range(0, entries, 10_000):
            stop = min(start + 10_000, entries)
            handle.write("".join(entry.format(n=n) for n in range(start, stop)))
        handle.write(tail)
    return entries


def tool(name: str) -> Callable[[bytes], object]:
    """The parse each tool is timed on; imports happen here, outside the timed region."""
    if name == "feeds":
        from feeds.validate import validate_bytes

        return lambda data: validate_bytes(data, "bench.xml")
    if name == "feedparser":
        import feedparser

        return feedparser.parse
    from lxml import etree

    return etree.fromstring


def timed(parse: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    parse(data)
    return time.perf_counter() - start


def throughput(data: bytes, repeats: int) -> dict[str, object]:
    """Median seconds per tool, and median per-run ratios of feeds to the others."""
    parsers = {name: tool(name) for name in TOOLS}
    runs = [{name: timed(parsers[name], data) for name in TOOLS} for _ in range(repeats)]
    seconds = {name: statistics.median(run[name] for run in runs) for name in TOOLS}
    ratios = {
        other: statistics.median(run["feeds"] / run[other] for run in runs) for other in TOOLS[1:]
    }
    return {"seconds": seconds, "ratios": ratios}


def peak_memory(name: str, path: Path) -> float:
    """MB the peak RSS grows by while `name` parses the file, in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, __file__, "--measure", name, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout)


def peak_kib() -> int:
    """This process's peak resident set size in KiB. Linux's VmHWM belongs to the process's own
    memory map; ru_maxrss, the fallback elsewhere, is inherited across fork and exec and so can
    start at the parent's (much larger) peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(name: str, path: str) -> None:
    """Subprocess side of peak_memory: prints the growth of the peak RSS in MB."""
    parse = tool(name)
    data = Path(path).read_bytes()
    before = peak_kib()
    parse(data)
    print((peak_kib() - before) / 1024)


def measure_file(path: str) -> None:
    """Subprocess side of `big`: validate a file as `feeds validate --max-size 0` does and
    print the seconds it took, the process's peak RSS in MB and the number of messages."""
    from feeds.validate import validate_file

    start = time.perf_counter()
    report = validate_file(Path(path), max_size=0)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kib() / 1024,
                      "messages": len(report.messages)}))


def big(kind: str, folder: Path) -> dict[str, object]:
    """Validate a generated feed of about BIG_MB MB from disk, in a fresh interpreter."""
    path = folder / f"{kind}-big.xml"
    entries = write_big(kind, path)
    result = subprocess.run(
        [sys.executable, __file__, "--measure-file", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    row = {"feed": f"{kind} x {entries}", "mb": path.stat().st_size / 1e6}
    row.update(json.loads(result.stdout))
    path.unlink()
    return row


def bench(kind: str, entries: int, repeats: int, folder: Path) -> dict[str, object]:
    data = generate(kind, entries)
    path = folder / f"{kind}-{entries}.xml"
    path.write_bytes(data)
    row = {"feed": f"{kind} x {entries}", "mb": len(data) / 1e6}
    row.update(throughput(data, repeats))
    row["memory"] = {name: peak_memory(name, path) for name in TOOLS}
    return row


def render(rows: list[dict]) -> str:
    head = (
        f"{'feed':<14}{'MB':>6}"
        + "".join(f"{name + ' MB/s':>17}" for name in TOOLS)
        + f"{'feeds/feedparser':>18}{'feeds/lxml':>12}"
        + "".join(f"{name + ' peak MB':>20}" for name in TOOLS)
    )
    lines = [head]
    for row in rows:
        speeds = "".join(f"{row['mb'] / row['seconds'][n]:>17.1f}" for n in TOOLS)
        ratios = f"{row['ratios']['feedparser']:>17.2f}x{row['ratios']['lxml']:>11.1f}x"
        memory = "".join(f"{row['memory'][n]:>20.1f}" for n in TOOLS)
        lines.append(f"{row['feed']:<14}{row['mb']:>6.2f}{speeds}{ratios}{memory}")
    lines.append(
        "ratios: time of feeds divided by the other's time, median over runs (lower is faster)"
    )
    return "\n".join(lines)


def render_big(rows: list[dict]) -> str:
    lines = [f"{'feed (validate_file, from disk)':<32}{'MB':>8}{'MB/s':>8}{'peak RSS MB':>13}"]
    for row in rows:
        speed = row["mb"] / row["seconds"]
        lines.append(f"{row['feed']:<32}{row['mb']:>8.1f}{speed:>8.1f}{row['peak_mb']:>13.1f}")
    lines.append("peak RSS: of the whole process (interpreter and imports included)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[100, 5_000, 50_000])
    parser.add_argument("--formats", nargs="+", default=list(TEMPLATES), choices=TEMPLATES)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    parser.add_argument(
        "--big", action="store_true", help=f"also validate a {BIG_MB} MB feed of each format"
    )
    parser.add_argument("--measure", nargs=2, metavar=("TOOL", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--measure-file", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure(*args.measure)
        return 0
    if args.measure_file:
        measure_file(args.measure_file)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        rows = [
            bench(kind, entries, args.repeats, Path(folder))
            for kind in args.formats
            for entries in args.entries
        ]
        big_rows = [big(kind, Path(folder)) for kind in args.formats] if args.big else []
    if args.json:
        print(json.dumps({"feeds": rows, "big": big_rows} if args.big else rows, indent=2))
    else:
        print(render(rows))
        if big_rows:
            print(render_big(big_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
