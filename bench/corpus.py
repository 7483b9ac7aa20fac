"""Write N realistic seed articles into a folder, for the benchmarks.

The articles are generated, never copied from anywhere: bodies of 200 to 3,000 words in
paragraphs of a few sentences, dates spread over ten years in the date forms seeds accept,
tags, header lines, non-ASCII names and places, abbreviations (U.S., Mr., Dr., No. 10), decimals
and quotations — the things that make sentence splitting, date parsing and escaping work. The
same N and seed always give the same files.

    python bench/corpus.py 10000 /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

NAMES = (
    "Okafor",
    "Lindqvist",
    "Müller",
    "Brennan",
    "Nakamura",
    "Adeyemi",
    "Castellano",
    "Dvořák",
    "O'Neill",
    "Sørensen",
    "Zhou",
    "Haddad",
)
PLACES = (
    "Zürich",
    "São Paulo",
    "Kraków",
    "the U.S.",
    "the U.N. headquarters",
    "St. Louis",
    "Montréal",
    "Reykjavík",
    "Lagos",
    "Ōsaka",
    "Düsseldorf",
    "Port Elizabeth",
)
TITLES = ("Mr.", "Dr.", "Ms.", "Prof.", "Gen.", "Sen.")
VERBS = ("said", "announced", "warned", "confirmed", "denied", "argued", "reported", "added")
NOUNS = (
    "council",
    "ministry",
    "committee",
    "court",
    "company",
    "union",
    "agency",
    "board",
    "government",
    "hospital",
    "university",
    "police",
    "investors",
    "residents",
    "officials",
)
TOPICS = (
    "budget",
    "bridge",
    "election",
    "strike",
    "merger",
    "flood",
    "vaccine",
    "tariff",
    "ceasefire",
    "pipeline",
    "stadium",
    "railway",
    "pension",
    "heatwave",
    "drought",
)
FILLER = (
    "after weeks of talks",
    "on Tuesday",
    "in a statement",
    "despite objections",
    "for the first time since 2009",
    "according to documents seen by reporters",
    "amid growing pressure",
    "by a narrow margin",
    "late on Friday night",
    "as markets opened",
    "in the coming months",
    "with immediate effect",
)
TAGS = ("politics", "business", "world", "science", "sport", "health", "climate", "culture")


def sentence(rng: random.Random) -> str:
    """One news-like sentence, sometimes quoted, with abbreviations and numbers."""
    who = (
        f"{rng.choice(TITLES)} {rng.choice(NAMES)}"
        if rng.random() < 0.5
        else (f"The {rng.choice(NOUNS)}")
    )
    shape = rng.random()
    if shape < 0.2:
        quote = f"The {rng.choice(TOPICS)} will not wait, and neither will we"
        return f'"{quote}," {who} {rng.choice(VERBS)} {rng.choice(FILLER)}.'
    if shape < 0.35:
        return (
            f"{who} {rng.choice(VERBS)} that costs rose by "
            f"{rng.randint(1, 40)}.{rng.randint(0, 9)}% in {rng.choice(PLACES)}, "
            f"to ${rng.randint(2, 900)} million."
        )
    if shape < 0.45:
        return f"Is the {rng.choice(TOPICS)} plan at No. {rng.randint(2, 12)} Downing Street dead?"
    words = " ".join(rng.choice(FILLER) for _ in range(rng.randint(0, 2)))
    return (
        f"{who} {rng.choice(VERBS)} the {rng.choice(TOPICS)} in {rng.choice(PLACES)} "
        f"{words} would affect {rng.randint(2, 9000):,} people."
    ).replace("  ", " ")


def body(rng: random.Random, words: int) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(1, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def dateline(rng: random.Random) -> str:
    """A date within ten years, in one of the forms seeds use."""
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    forms = (
        day.isoformat(),
        f"{day.day} {day.strftime('%B')} {day.year}",
        f"{day.strftime('%b')} {day.day}, {day.year}",
        f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+02:00",
        f"{day.strftime('%a, %d %b %Y')} {rng.randrange(24):02d}:{rng.randrange(60):02d}:00 GMT",
    )
    return rng.choice(forms)


def article(rng: random.Random) -> str:
    headline = (
        f"{rng.choice(NOUNS).capitalize()} {rng.choice(VERBS)} {rng.choice(TOPICS)} plan "
        f"for {rng.choice(PLACES)}"
    )
    headers = []
    if rng.random() < 0.6:
        headers.append("tags " + ", ".join(rng.sample(TAGS, rng.randint(1, 3))))
    if rng.random() < 0.3:
        headers.append(f"author {rng.choice(NAMES)} {rng.choice(NAMES)}")
    head = "\n".join([f"date {dateline(rng)} {headline}", *headers])
    return f"{head}\n\n{body(rng, rng.randint(200, 3000))}\n"


def write_corpus(count: int, folder: Path, *, seed: int = 2016) -> list[Path]:
    """Write `count` seeds into `folder` (created); the same arguments give the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{number:06d}.txt"
        path.write_text(article(rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()
    write_corpus(args.count, args.folder, seed=args.seed)


if __name__ == "__main__":
    main()
