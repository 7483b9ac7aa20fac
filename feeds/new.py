"""`feeds new "Headline"`: start a seed dated today, so an author never types the format by hand.

The file is named `YYYY-MM-DD-<slug>.txt`, so seeds sort by date, and it is created exclusively:
an existing seed is never overwritten (a second seed with the same name gets -2, -3, ...). The
text is checked with the seed parser before it is written, so a new seed always builds.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from feeds.build import resolve_settings
from feeds.errors import InputError
from feeds.seeds import parse_seed

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
SLUG_MAX = 60
PLACEHOLDER = "Write the article here: paragraphs separated by blank lines."
# Letters that Unicode decomposition does not reduce to ASCII but have a usual spelling in it.
_SPELLINGS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D"}
)  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Write the seed and print its path: exit 0; 2 on an empty headline or a bad configuration,
    1 when the file cannot be written."""
    headline = one_line(args.headline)
    if not headline:
        print("feeds new: the headline is empty", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = resolve_settings(args.config, None, None)
    except InputError as exc:
        print(f"feeds new: {exc}", file=sys.stderr)
        return EXIT_USAGE
    today = datetime.now(settings.timezone).date()
    text = seed_text(today, headline, tags(args.tags or ""), settings.timezone)
    try:
        path = create(settings.seeds_dir, f"{today.isoformat()}-{slug(headline)}", text)
    except OSError as exc:
        print(f"feeds new: cannot write in {settings.seeds_dir}: {exc.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(path)
    return EXIT_OK


def one_line(text: str) -> str:
    """The text with control characters and runs of white space (line breaks included) made
    single spaces: a headline or a tag lives on one line of the seed."""
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats, in the order given."""
    return list(dict.fromkeys(tag for tag in (one_line(t) for t in text.split(",")) if tag))


def seed_text(day: date, headline: str, tag_list: list[str], zone: tzinfo) -> str:
    """The seed's text, checked with the seed parser. When the headline's first words would be
    read as part of the date (`14:30 deadline missed` would move the article to 14:30 and lose
    `14:30`), the headline goes in a `title` header and the first line holds only the date."""
    tag_lines = [f"tags {', '.join(tag_list)}"] if tag_list else []
    text = _compose(f"date {day.isoformat()} {headline}", tag_lines)
    if not _reads_back(text, day, headline, zone):
        text = _compose(f"date {day.isoformat()}", [f"title {headline}", *tag_lines])
    return text


def _compose(first_line: str, headers: list[str]) -> str:
    return "\n".join([first_line, *headers, "", PLACEHOLDER, ""])


def _reads_back(text: str, day: date, headline: str, zone: tzinfo) -> bool:
    """Whether the parser gives the seed the headline as its title and midnight of `day`."""
    try:
        article = parse_seed(text.encode("utf-8"), Path("new.txt"), zone)
    except InputError:
        return False
    return article.title == headline and article.published == datetime.combine(day, time(), zone)


def slug(headline: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens, at most SLUG_MAX characters, cut
    at a word boundary; accents are dropped (é -> e) and other scripts left out."""
    ascii_text = (
        unicodedata.normalize("NFKD", headline.translate(_SPELLINGS))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > SLUG_MAX:
            break
        result = candidate
    return result or (words[0][:SLUG_MAX] if words else "article")


def create(folder: Path, stem: str, text: str) -> Path:
    """Create `folder/stem.txt`, or stem-2.txt, stem-3.txt... but never over an existing file:
    the exclusive open makes this safe even against another `feeds new` running at once."""
    number = 1
    while True:
        path = folder / (f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt")
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            number += 1
            continue
        return path
