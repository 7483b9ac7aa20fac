"""Benchmark: how fast and how lean `feeds.validate.validate_bytes` is, beside feedparser and a
bare lxml parse of the same bytes. Not a test; run it by hand:

    python bench/validate.py [--entries 100 5000 50000] [--repeats 5] [--big]

Feeds are generated from string templates (deterministic, and fast even at 50,000 entries).
Each entry has dates of its own, a minute apart, as in real feeds: feeds that repeat one
date on every entry are faster to check than any real feed (dates parsed once, cached), and
the Atom validator warns about them.
Throughput is the median of several runs; the three tools take turns within each run, so the
ratios (computed per run, then the median) compare them under the same machine conditions.
In a run each tool parses at least SAMPLE bytes: several small feeds of the same size in a row.
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
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
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
    <updated>{updated}</updated>
    <published>{published}</published>
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
      <pubDate>{pubDate}</pubDate>
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
LATEST = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)  # the feed's own date


def entry_text(template: str, n: int) -> str:
    """Entry `n` of a feed: published n minutes before the feed's date, updated 30 s later."""
    published = LATEST - timedelta(minutes=n + 1)
    updated = published + timedelta(seconds=30)
    return template.format(
        n=n,
        updated=updated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        published=published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        pubDate=format_datetime(published, usegmt=True),
    )


def generate(kind: str, entries: int, first: int = 0) -> bytes:
    """A feed of `entries` entries, numbered from `first`."""
    head, entry, tail = TEMPLATES[kind]
    numbers = range(first, first + entries)
    return (head + "".join(entry_text(entry, n) for n in numbers) + tail).encode()


def write_big(kind: str, path: Path, megabytes: int = BIG_MB) -> int:
    """Write a feed of about `megabytes` MB to `path`, a batch of entries at a time (it is
    never held in memory whole); returns its number of entries."""
    head, entry, tail = TEMPLATES[kind]
    entries = math.ceil(megabytes * 1e6 / len(entry_text(entry, 10**5)))
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        for start in range(0, entries, 10_000):
            stop = min(start + 10_000, entries)
            handle.write("".join(entry_text(entry, n) for n in range(start, stop)))
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


SAMPLE = 2_000_000  # bytes a timed sample parses at least: small feeds, several of them


def timed(parse: Callable[[bytes], object], documents: list[bytes]) -> float:
    """Seconds per document, parsing each of `documents` in turn."""
    start = time.perf_counter()
    for data in documents:
        parse(data)
    return (time.perf_counter() - start) / len(documents)


def throughput(documents: list[bytes], repeats: int) -> dict[str, object]:
    """Median seconds per tool and document, and median per-run ratios of feeds to the
    others. Feeds smaller than SAMPLE are timed several in a row per run, as a folder of
    feeds would be: one parse of 60 KB takes a few hundred microseconds, where the timer and
    what the other tools left in the processor's caches weigh as much as the parse."""
    parsers = {name: tool(name) for name in TOOLS}
    runs = [{name: timed(parsers[name], documents) for name in TOOLS} for _ in range(repeats)]
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
    """One row of the table. Small feeds are timed as a series of different feeds of the same
    size (their entries, ids and dates follow on), never the same one again: a validator
    may remember what it read (dates, say) and should not be timed on that."""
    data = generate(kind, entries)
    documents = [data] + [
        generate(kind, entries, first=entries * n) for n in range(1, SAMPLE // len(data))
    ]
    path = folder / f"{kind}-{entries}.xml"
    path.write_bytes(data)
    row = {"feed": f"{kind} x {entries}", "mb": sum(map(len, documents)) / len(documents) / 1e6}
    row.update(throughput(documents, repeats))
    row["memory"] = {name: peak_memory(name, path) for name in TOOLS}
    return row


def render(rows: list[dict]) -> str:
    head = (
        f"{'feed':<14}{'MB':>6}"
        + "".join(f"{name + ' MB/s':>17}" for name in TOOLS)
        + f"{'feedparser/feeds':>18}{'feeds/lxml':>12}"
        + "".join(f"{name + ' peak MB':>20}" for name in TOOLS)
    )
    lines = [head]
    for row in rows:
        speeds = "".join(f"{row['mb'] / row['seconds'][n]:>17.1f}" for n in TOOLS)
        ratios = f"{1 / row['ratios']['feedparser']:>17.0f}x{row['ratios']['lxml']:>11.1f}x"
        memory = "".join(f"{row['memory'][n]:>20.1f}" for n in TOOLS)
        lines.append(f"{row['feed']:<14}{row['mb']:>6.2f}{speeds}{ratios}{memory}")
    lines.append(
        "ratios of times, median over runs: feedparser/feeds is how many times faster feeds is,"
        " feeds/lxml how many times slower"
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
