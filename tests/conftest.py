"""A small site in a temporary folder: a feeds.toml, a seeds/ folder and a helper to add seeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from feeds.cli import main

CONFIG = """\
title = "Test & <Site>"
description = "A site for tests"
base_url = "https://example.org/news"
author = { name = "Ann Editor", email = "ann@example.org" }
"""


class Site:
    def __init__(self, root: Path):
        self.root = root
        self.seeds = root / "seeds"
        self.public = root / "public"
        self.config = root / "feeds.toml"
        self.seeds.mkdir()
        self.config.write_text(CONFIG, encoding="utf-8")

    def seed(self, stem: str, text: str) -> Path:
        path = self.seeds / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        return path

    def configure(self, extra: str) -> None:
        self.config.write_text(CONFIG + extra, encoding="utf-8")

    def build(self, *args: str) -> int:
        return main(["build", "--config", str(self.config), *args])

    def snapshot(self) -> dict[str, bytes]:
        return {
            p.relative_to(self.public).as_posix(): p.read_bytes()
            for p in sorted(self.public.rglob("*"))
            if p.is_file()
        }


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


ARTICLE = """date {date} {headline}
{headers}
The council voted on Tuesday to close the old bridge. Engineers said the structure was unsafe.

Mr. Smith, who chairs the committee, said repairs would cost $3.5 million. "We had no choice."

Residents will use a ferry until a new crossing opens in 2027.
"""


@pytest.fixture
def article() -> Callable[..., str]:
    def make(
        date: str = "2016-09-19", headline: str = "Council closes bridge", **headers: str
    ) -> str:
        lines = "".join(f"{key} {value}\n" for key, value in headers.items())
        return ARTICLE.format(date=date, headline=headline, headers=lines)

    return make
