"""`feeds validate` end to end: paths, folders, stdin, options, output formats, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from feeds.cli import main
from feeds.validate import runner

CLEAN = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Example",
    "home_page_url": "https://example.org/",
    "feed_url": "https://example.org/feed.json",
    "items": [{"id": "1", "content_text": "Hello"}],
}
WARNS = {**CLEAN, "feed_url": None}
BROKEN = {**CLEAN, "items": [{"content_text": "no id"}]}


def write(folder: Path, name: str, doc: object) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({k: v for k, v in doc.items() if v is not None}), "utf-8")
    return path


def validate_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["validate", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def reported(document: dict) -> list[str]:
    return [f["path"] for f in document["files"]]


def codes(document: dict) -> list[str]:
    return [m["code"] for f in document["files"] for m in f["messages"]]


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return write(tmp_path, "clean.json", CLEAN)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return write(tmp_path, "broken.json", BROKEN)


# --- exit codes


def test_clean_file_exits_0(capsys, clean):
    assert main(["validate", str(clean)]) == 0
    assert capsys.readouterr().out == "1 file checked: 0 errors, 0 warnings\n"


def test_errors_exit_1(capsys, broken):
    assert main(["validate", str(broken)]) == 1
    assert "error json.member.missing" in capsys.readouterr().out


def test_warnings_alone_exit_0(capsys, tmp_path):
    assert main(["validate", str(write(tmp_path, "w.json", WARNS))]) == 0


def test_strict_warnings_exit_1(capsys, tmp_path):
    assert main(["validate", "--strict", str(write(tmp_path, "w.json", WARNS))]) == 1


def test_missing_file_exits_2_and_the_others_are_still_reported(capsys, clean, broken):
    code, document = validate_json(capsys, str(clean), "no/such.xml", str(broken))
    assert code == 2
    assert reported(document) == [str(clean), "no/such.xml", str(broken)]
    assert codes(document) == ["file.unreadable", "json.member.missing"]


def test_no_paths_is_a_usage_error(capsys):
    assert main(["validate"]) == 2
    assert "PATH" in capsys.readouterr().err


def test_negative_max_size_is_a_usage_error(capsys, clean):
    assert main(["validate", "--max-size", "-1", str(clean)]) == 2


def test_unexpected_exception_costs_one_file(capsys, monkeypatch, clean, broken):
    def explode(path, **kwargs):
        if path.name == "clean.json":
            raise RuntimeError("boom")
        return original(path, **kwargs)

    original = runner.validate_file
    monkeypatch.setattr(runner, "validate_file", explode)
    code, document = validate_json(capsys, str(clean), str(broken))
    assert code == 2
    assert codes(document) == ["file.internal-error", "json.member.missing"]
    assert "RuntimeError: boom" in document["files"][0]["messages"][0]["message"]


# --- paths


def test_folders_are_searched_recursively_for_feed_suffixes(capsys, tmp_path):
    for name in [
        "b.json",
        "a/feed.XML",
        "a/deep/x.atom",
        "n.rss",
        "r.rdf",
        "f.feed",
        "notes.txt",
        ".hidden.json",
        ".git/config.xml",
    ]:
        write(tmp_path, name, CLEAN)
    _, document = validate_json(capsys, str(tmp_path))
    found = [Path(p).relative_to(tmp_path).as_posix() for p in reported(document)]
    assert found == ["a/deep/x.atom", "a/feed.XML", "b.json", "f.feed", "n.rss", "r.rdf"]


def test_a_file_named_twice_is_validated_once(capsys, clean):
    _, document = validate_json(capsys, str(clean), str(clean), str(clean.parent))
    assert reported(document) == [str(clean)]


def test_folder_without_feeds_exits_2(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    assert main(["validate", str(tmp_path / "empty")]) == 2
    assert "no feed files" in capsys.readouterr().err


def test_explicit_file_needs_no_feed_suffix(capsys, tmp_path):
    assert main(["validate", str(write(tmp_path, "feed.txt", CLEAN))]) == 0


# --- stdin and size


def stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin(capsys, monkeypatch):
    stdin(monkeypatch, json.dumps(BROKEN).encode())
    code, document = validate_json(capsys, "-")
    assert (code, reported(document), document["files"][0]["format"]) == (1, ["<stdin>"], "json")


def test_stdin_over_the_size_limit(capsys, monkeypatch):
    stdin(monkeypatch, b" " * 200_000)
    code, document = validate_json(capsys, "--max-size", "100000", "-")
    assert (code, codes(document)) == (1, ["file.too-large"])


def test_file_over_the_size_limit_and_the_others_still_run(capsys, tmp_path, broken):
    big = write(tmp_path, "big.json", {**CLEAN, "description": "x" * 1000})
    code, document = validate_json(capsys, "--max-size", "1000", str(big), str(broken))
    assert code == 1
    assert codes(document) == ["file.too-large", "json.member.missing"]


def test_max_size_0_means_no_limit(capsys, clean):
    assert main(["validate", "--max-size", "0", str(clean)]) == 0


def test_special_file_is_read_through_the_limit(capsys):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    code, document = validate_json(capsys, "--max-size", "1000", "/dev/zero")
    assert (code, codes(document)) == (1, ["file.too-large"])


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_named_pipe_without_a_writer_does_not_hang(capsys, fifo):
    code, document = validate_json(capsys, str(fifo))
    assert (code, document["files"][0]["format"]) == (1, "unknown")


# --- --url


def test_url_checks_the_first_file_only(capsys, tmp_path, clean):
    other = write(tmp_path, "other.json", CLEAN)
    main(
        [
            "validate",
            "--format",
            "json",
            "--url",
            "https://example.org/moved.json",
            str(clean),
            str(other),
        ]
    )
    captured = capsys.readouterr()
    files = json.loads(captured.out)["files"]
    assert [[m["code"] for m in f["messages"]] for f in files] == [["json.feed-url.mismatch"], []]
    assert "--url applies to the first file only" in captured.err


# --- --explain


def test_explain_prints_code_severity_sentence_and_help(capsys):
    assert main(["validate", "--explain", "json.item.no-content"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "json.item.no-content (error)"
    assert lines[1].strip() == "item has neither content_html nor content_text"
    assert "readers have nothing to show" in " ".join(lines[3:])


def test_explain_as_json(capsys):
    assert main(["validate", "--explain", "file.too-large", "--format", "json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"code", "severity", "message", "help"}


def test_explain_unknown_code_suggests_close_ones(capsys):
    assert main(["validate", "--explain", "json.item.no-contnet"]) == 2
    assert "did you mean json.item.no-content" in capsys.readouterr().err


def test_explain_code_without_its_prefix_is_suggested(capsys):
    assert main(["validate", "--explain", "too-large"]) == 2
    assert "file.too-large" in capsys.readouterr().err


# --- output formats through the command


def test_github_format(capsys, broken):
    assert main(["validate", "--format", "github", str(broken)]) == 1
    assert capsys.readouterr().out.startswith(f"::error file={broken},line=1,col=")


def test_junit_format(capsys, clean, broken):
    assert main(["validate", "--format", "junit", str(clean), str(broken)]) == 1
    suite = ElementTree.fromstring(capsys.readouterr().out.encode())
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")


def test_json_format_summary(capsys, clean, broken):
    _, document = validate_json(capsys, str(clean), str(broken))
    assert document["summary"] == {"files": 2, "errors": 1, "warnings": 0}


def test_python_dash_m_feeds_validate(tmp_path):
    broken = write(tmp_path, "broken.json", BROKEN)
    result = subprocess.run(
        [sys.executable, "-m", "feeds", "validate", "--format", "json", str(broken)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert codes(json.loads(result.stdout)) == ["json.member.missing"]
    assert result.stderr == b""


# --- --base-url


def test_base_url_gives_each_file_in_a_folder_its_own_url(capsys, tmp_path):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    for name in ("a.json", "sub/b.json"):
        write(site, name, {**CLEAN, "feed_url": f"https://example.org/{name}"})
    assert main(["validate", "--base-url", "https://example.org/", str(site)]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_base_url_reports_a_feed_served_elsewhere(capsys, tmp_path, clean):
    main(["validate", "--format", "json", "--base-url", "https://example.org/moved/", str(clean)])
    files = json.loads(capsys.readouterr().out)["files"]
    assert [m["code"] for m in files[0]["messages"]] == ["json.feed-url.mismatch"]


def test_url_and_base_url_together_are_a_usage_error(capsys, clean):
    assert main(["validate", "--url", "https://a/", "--base-url", "https://b/", str(clean)]) == 2
