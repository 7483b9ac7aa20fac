"""Coverage-guided fuzzing of the validator and the seed parser with atheris (not run in CI).

    pip install '.[fuzz]'
    python tests/fuzz/fuzz_feeds.py validator -max_total_time=600
    python tests/fuzz/fuzz_feeds.py seed -max_total_time=600 -timeout=10
    python tests/fuzz/fuzz_feeds.py quick -max_total_time=600

Targets:
- validator: any bytes go through `validate_bytes`; any exception is a bug.
- quick: any bytes get the same report from `validate_bytes` with and without the quick
  checks of entries and items (`feeds.validate.quick`, and `feeds.validate.skim`, which reads
  them in the document's text), which must never hide a message. Documents are parsed as far
  as their root in small pieces, so that the rest of these small inputs is left to skimming.
- seed: any bytes go through `parse_seed`; an InputError is a correct refusal, any other
  exception is a bug, and an accepted seed must render Atom, RSS and JSON Feed documents that
  the validator finds no error in.
The corpus starts from the project's own test feeds and the bundled seed; the quick target's
also from two small feeds in the form the quick checks accept (tests/fuzz/corpus, written from
tests/validate/test_quick.py). libFuzzer arguments such as -max_total_time, -timeout, -max_len
and -runs pass through.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from feeds.config import settings_from
    from feeds.errors import InputError
    from feeds.model import Record, body_html, make_entries, make_feed
    from feeds.seeds import parse_seed
    from feeds.summarize import summarize
    from feeds.validate import Severity, skim, validate_bytes, xmlload
    from feeds.validate import atom as atom_validator
    from feeds.validate import rss as rss_validator
    from feeds.writers import atom, jsonfeed, rss

SETTINGS = settings_from(
    {
        "title": "Fuzz",
        "description": "Fuzzing",
        "base_url": "https://example.org/",
        "author": {"name": "Fuzz", "email": "fuzz@example.org"},
    },
    Path("feeds.toml"),
)
PATH = Path("seeds/fuzz.txt")


def validator_target(data: bytes) -> None:
    validate_bytes(data, "fuzz")


def seed_target(data: bytes) -> None:
    try:
        article = parse_seed(data, PATH, UTC)
    except InputError:
        return
    summary = article.summary or summarize("\n\n".join(article.paragraphs), 300, article.headline)
    (entry,) = make_entries([Record.of(article, summary, "fuzz")], SETTINGS)
    feed = make_feed(
        SETTINGS.feeds[0], [replace(entry, content_html=body_html(article.paragraphs))], SETTINGS
    )
    for render in (atom.render, rss.render, jsonfeed.render):
        report = validate_bytes(render(feed), "fuzz")
        errors = [m for m in report.messages if m.severity is Severity.ERROR]
        if errors:
            raise AssertionError(f"accepted seed {data!r} renders an invalid feed: {errors}")


def quick_target(data: bytes) -> None:
    xmlload._PIECE = 16
    quick = validate_bytes(data, "fuzz").messages
    entry, item, limit = atom_validator._Walker.quick_entry, rss_validator._quick_item, skim.LIMIT
    atom_validator._Walker.quick_entry = lambda self, element: False
    rss_validator._quick_item = lambda cx, element: False
    skim.LIMIT = -1
    try:
        full = validate_bytes(data, "fuzz").messages
    finally:
        atom_validator._Walker.quick_entry, rss_validator._quick_item = entry, item
        skim.LIMIT = limit
    if quick != full:
        raise AssertionError(f"the quick checks change the report of {data!r}: {quick} {full}")


TARGETS = {"validator": validator_target, "quick": quick_target, "seed": seed_target}


ROOT = Path(__file__).resolve().parents[2]
STARTS = {
    "validator": ("public/*.xml", "public/*.json"),
    "quick": ("tests/fuzz/corpus/quick-*.xml", "public/*.xml"),
    "seed": ("seeds/*.txt",),
}


def starting_corpus(target: str) -> str:
    """A fresh folder holding the project's own feeds or seeds, for libFuzzer to mutate."""
    folder = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    for pattern in STARTS[target]:
        for path in ROOT.glob(pattern):
            shutil.copy(path, folder / path.name)
    return str(folder)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        raise SystemExit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    name = sys.argv.pop(1)
    if not any(not arg.startswith("-") for arg in sys.argv[1:]):
        sys.argv.append(starting_corpus(name))
    atheris.Setup(sys.argv, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
