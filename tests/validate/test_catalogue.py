"""The catalogue is complete, every code the checks use is in it, and docs/messages.md is
generated from it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import feeds.validate
from feeds.validate.catalogue import CATALOGUE, REGENERATE, render_markdown
from feeds.validate.messages import Severity

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(Path(feeds.validate.__file__).parent.rglob("*.py"))
CODE = re.compile(r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")
PREFIXES = {"file", "xml", "html", "atom", "rss", "rdf", "ext", "json"} | {
    code.split(".", 1)[0] for code in CATALOGUE
}


def looks_like_code(text: str) -> bool:
    """A string literal shaped like a message code (file names such as atom.xml are not)."""
    return (
        bool(CODE.match(text))
        and text.split(".", 1)[0] in PREFIXES
        and not text.endswith((".xml", ".json", ".rss", ".atom", ".rdf", ".html"))
    )


def codes_used_in(source: Path) -> set[str]:
    tree = ast.parse(source.read_text("utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and looks_like_code(node.value)
    }


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_entry_is_complete(code):
    entry = CATALOGUE[code]
    assert entry.code == code
    assert CODE.match(code)
    assert isinstance(entry.severity, Severity)
    assert entry.text.strip() and entry.help.strip()


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_text_is_a_valid_template(code):
    fields = [name for _, name, _, _ in string.Formatter().parse(CATALOGUE[code].text) if name]
    assert all(name.isidentifier() for name in fields)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_code_used_is_catalogued(source):
    assert codes_used_in(source) - set(CATALOGUE) == set()


def test_messages_md_is_up_to_date():
    current = (ROOT / "docs" / "messages.md").read_text("utf-8")
    assert current == render_markdown(), f"docs/messages.md is stale; run: {REGENERATE}"


def test_markdown_has_a_row_per_code():
    rows = [line for line in render_markdown().splitlines() if line.startswith("| `")]
    assert len(rows) == len(CATALOGUE)


def test_markdown_cells_cannot_break_the_table():
    assert render_markdown().count("<script") == 0
