"""Benchmark feeds.summarize: summaries per second and how cost grows with article length.

The summarizer runs on every article of every cold build, so its budget is well under 1 ms per
typical article. This script times it on generated articles of fixed lengths (to show the
growth with length) or on real seed files given with --articles, and reports the median of
several runs so one noisy run does not decide the figure.

    python bench/summarize.py
    python bench/summarize.py --lengths 500 800 --count 300 --repeat 9
    python bench/summarize.py --articles seeds
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from feeds.summarize import summarize

DEFAULT_LENGTHS = (200, 500, 1000, 2000, 3000)
NAMES = ("Okafor", "Lindqvist", "Marlowe", "Brennan", "Halvorsen", "Adeyemi", "Castellano")
PLACES = ("Bellmere", "Port Alde", "Kestwick", "the U.S.", "the U.N. compound", "St. Ives Road")
COMMON_TEXT = """
    the a of to in and that for on with as was by it at from his her has have said will would
    after before over about more than
"""
CONTENT_TEXT = """
    council river flood barrier budget school minister vote plan police court report harbour
    ferry union strike contract bridge hospital station fund market price season club coach
    match league record study data survey energy grid storm
"""
COMMON = COMMON_TEXT.split()
CONTENT = CONTENT_TEXT.split()
ROW = "{:>12} {:>6} {:>7} {:>9} {:>11} {:>7}"


def make_article(words: int, rng: random.Random) -> str:
    """Invent a news-like body of about `words` words: paragraphs of one to three sentences."""
    topic = rng.sample(CONTENT, 6)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_make_sentence(topic, rng) for _ in range(rng.randint(1, 3))]
        count += sum(len(sentence.split()) for sentence in sentences)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _make_sentence(topic: list[str], rng: random.Random) -> str:
    """One invented sentence with the abbreviations, numbers and quotes news text carries."""
    pool = topic * 3 + list(CONTENT) + list(COMMON) * 4
    words = [rng.choice(pool) for _ in range(rng.randint(10, 32))]
    words.insert(rng.randrange(len(words)), f"Mr. {rng.choice(NAMES)}")
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), f"in {rng.choice(PLACES)}")
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%")
    sentence = " ".join(words)
    sentence = sentence[0].upper() + sentence[1:] + "."
    if rng.random() < 0.15:
        sentence = f'"{sentence}" {rng.choice(NAMES)} said.'
    return sentence


def read_bodies(folder: Path) -> list[tuple[str, str]]:
    """(headline, body) of each seed file: the body starts after the first blank line."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        header, _, body = text.partition("\n\n")
        headline = header.split("\n", 1)[0].split(maxsplit=2)[-1]
        articles.append((headline, body))
    return articles


def median_seconds_per_article(articles: list[tuple[str, str]], repeat: int) -> float:
    """Median over `repeat` runs of the mean time to summarize one article."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for headline, body in articles:
            summarize(body, headline=headline)
        runs.append((time.perf_counter() - start) / len(articles))
    return statistics.median(runs)


def report(label: str, articles: list[tuple[str, str]], repeat: int, base: float | None) -> float:
    """Print one table row and return its median seconds per article."""
    seconds = median_seconds_per_article(articles, repeat)
    words = statistics.fmean(len(body.split()) for _, body in articles)
    growth = f"{seconds / base:.1f}x" if base else "-"
    print(
        ROW.format(
            label,
            len(articles),
            f"{words:.0f}",
            f"{1000 * seconds:.3f}",
            f"{1 / seconds:.0f}",
            growth,
        )
    )
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=Path, help="time the seed files in this folder")
    parser.add_argument("--lengths", type=int, nargs="+", default=list(DEFAULT_LENGTHS))
    parser.add_argument("--count", type=int, default=200, help="generated articles per length")
    parser.add_argument("--repeat", type=int, default=7, help="runs; the median is reported")
    parser.add_argument("--seed", type=int, default=20160615, help="generator seed")
    args = parser.parse_args(argv)

    print(ROW.format("corpus", "arts", "words", "ms/art", "summaries/s", "growth"))
    if args.articles:
        articles = read_bodies(args.articles)
        if not articles:
            print(f"no *.txt files in {args.articles}", file=sys.stderr)
            return 2
        report(args.articles.name or str(args.articles), articles, args.repeat, None)
        return 0
    rng = random.Random(args.seed)
    base = None
    for words in args.lengths:
        articles = [("", make_article(words, rng)) for _ in range(args.count)]
        seconds = report(f"{words} words", articles, args.repeat, base)
        base = base or seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
