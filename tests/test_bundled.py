"""The committed site: public/ is exactly what `feeds build` writes from the bundled seeds."""

from pathlib import Path

from feeds.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_committed_public_is_fresh(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["build", "--check"]) == 0


def test_bundled_seed_is_the_users_article_unchanged():
    assert sorted(p.name for p in (ROOT / "seeds").iterdir()) == ["000_cc716844c73cc4e2.txt"]
