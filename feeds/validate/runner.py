"""`feeds validate`: expand the paths, validate each file, report, and choose the exit code.

Exit codes mean one thing each: 0 no errors, 1 errors found (or warnings, with --strict),
2 the command could not do its job (a usage error, a path that cannot be read, or a bug).
One bad file never stops the others: every failure becomes a message on that file.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import stat
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO
from urllib.parse import quote

from feeds.validate import DEFAULT_MAX_SIZE, validate_bytes, validate_file
from feeds.validate.catalogue import CATALOGUE, Entry
from feeds.validate.collector import Collector
from feeds.validate.messages import FileReport, Message, Severity
from feeds.validate.report import renderer, use_color

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

STDIN = "-"
STDIN_NAME = "<stdin>"
FEED_SUFFIXES = (".xml", ".atom", ".rss", ".rdf", ".json", ".feed")
# Messages saying the file was never validated: the command could not do its job on it.
NOT_VALIDATED = frozenset({"file.unreadable", "file.internal-error"})
_CHUNK = 1 << 16
_REASON_LIMIT = 300  # an exception's text can quote a whole input


def run(args: argparse.Namespace) -> int:
    """Run `feeds validate` with parsed arguments; returns the exit code."""
    if args.explain is not None:
        return explain(args.explain, args.output_format)
    max_size = DEFAULT_MAX_SIZE if args.max_size is None else args.max_size
    if not args.paths:
        return _usage(
            "give one or more PATHs to validate (- for standard input), or --explain CODE"
        )
    if max_size < 0:
        return _usage("--max-size must be a number of bytes, or 0 for no limit")
    targets, empty_folders = expand(args.paths)
    for folder in empty_folders:
        print(f"feeds validate: no feed files under {folder}", file=sys.stderr)
    if args.url and args.base_url:
        return _usage("give --url (one file) or --base-url (a folder), not both")
    if args.url and len(targets) > 1:
        print(
            f"feeds validate: --url applies to the first file only ({targets[0]})", file=sys.stderr
        )
    urls = (
        [served_url(args.base_url, target, args.paths) for target in targets]
        if args.base_url
        else [args.url if i == 0 else None for i in range(len(targets))]
    )
    reports = validate_all(targets, urls=urls, max_size=max_size)
    render = renderer(args.output_format, strict=args.strict, color=use_color(sys.stdout))
    _emit(render(reports), sys.stdout)
    return EXIT_USAGE if empty_folders else exit_code(reports, strict=args.strict)


def validate_all(
    targets: Sequence[str], *, urls: Sequence[str | None], max_size: int
) -> list[FileReport]:
    """A report per target, its messages in reading order; `urls` says where each is served."""
    reports = [
        validate_target(target, url=url, max_size=max_size)
        for target, url in zip(targets, urls, strict=True)
    ]
    for report in reports:
        report.messages.sort(key=_reading_order)
    return reports


def exit_code(reports: Sequence[FileReport], *, strict: bool) -> int:
    """2 if a file could not be validated at all, else 1 if anything fails, else 0."""
    codes = {m.code for r in reports for m in r.messages}
    if codes & NOT_VALIDATED:
        return EXIT_USAGE
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    if any(m.severity in failing for r in reports for m in r.messages):
        return EXIT_PROBLEMS
    return EXIT_OK


def _reading_order(message: Message) -> tuple[int, int]:
    """Messages in the order of the file (stable: checks' order within a position); those
    about the whole file come first."""
    return (message.line or 0, message.column or 0)


# --- paths -----------------------------------------------------------------------------------


def expand(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The files to validate, in command-line order, each once; and the folders that held no
    feed file. Paths that do not exist are kept: validating them reports why."""
    targets: dict[str, None] = {}
    empty: list[str] = []
    for path in paths:
        found = feed_files(path) if path != STDIN and os.path.isdir(path) else [path]
        if not found:
            empty.append(path)
        targets.update(dict.fromkeys(found))
    return list(targets), empty


def served_url(base: str, target: str, arguments: Sequence[str]) -> str | None:
    """Where `target` is served under --base-url: the base plus the file's path below the folder
    argument it was found in (its name alone for a file argument; none for standard input)."""
    if target == STDIN:
        return None
    relative = os.path.basename(target)
    for argument in arguments:
        if argument != STDIN and os.path.isdir(argument):
            inside = os.path.relpath(target, argument)
            if not inside.startswith(os.pardir):
                relative = inside
                break
    return base.rstrip("/") + "/" + quote(Path(relative).as_posix())


def feed_files(folder: str) -> list[str]:
    """Feed files under `folder`, recursively, sorted by path: names ending in one of
    FEED_SUFFIXES (any case). Hidden files and folders (a leading '.') are skipped, and symbolic
    links to folders are not followed, so a link cycle cannot trap the walk."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            os.path.join(root, name)
            for name in files
            if not name.startswith(".") and name.lower().endswith(FEED_SUFFIXES)
        ]
    return sorted(found)


# --- validation ------------------------------------------------------------------------------


def validate_target(target: str, *, url: str | None, max_size: int) -> FileReport:
    """Validate one path (or - for stdin); an unexpected exception becomes a
    file.internal-error message, so one bug costs one file and never a traceback."""
    name = STDIN_NAME if target == STDIN else target
    try:
        if target == STDIN:
            return validate_stream(name, sys.stdin.buffer, url=url, max_size=max_size)
        if _is_special(target):
            with _open_special(target) as stream:
                return validate_stream(name, stream, url=url, max_size=max_size)
        return validate_file(Path(target), url=url, max_size=max_size)
    except OSError as exc:
        return _file_problem(name, "file.unreadable", reason=exc.strerror or str(exc))
    except Exception as exc:  # the guarantee is per file: report it, keep going
        return _file_problem(
            name, "file.internal-error", reason=f"{type(exc).__name__}: {exc}"[:_REASON_LIMIT]
        )


def _is_special(target: str) -> bool:
    """A FIFO, device or the like: its size is unknown until read, so it is read through the
    size limit instead of trusting stat()."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _open_special(target: str) -> BinaryIO:
    """Open a FIFO or device without waiting for a writer, then read it normally: a named pipe
    nobody writes to reads as empty instead of hanging, while a pipe that has a writer (such as
    <(curl ...) in a shell) is read to its end."""
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def validate_stream(name: str, stream: BinaryIO, *, url: str | None, max_size: int) -> FileReport:
    """Validate what a stream holds, reading no more than `max_size` + 1 bytes of it."""
    data = read_limited(stream, max_size)
    if data is None:
        return _file_problem(name, "file.too-large", size=f"more than {max_size}", limit=max_size)
    return validate_bytes(data, name, url=url)


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """All of `stream`, or None as soon as it proves longer than `limit` (0: no limit), so a
    endless or huge input never fills memory."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if limit and total > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _file_problem(name: str, code: str, **params: object) -> FileReport:
    out = Collector()
    out.add(code, **params)
    return FileReport(name, messages=out.messages)


# --- --explain -------------------------------------------------------------------------------


def explain(code: str, output_format: str = "text") -> int:
    """Print a catalogue entry; an unknown code is a usage error suggesting close codes."""
    entry = CATALOGUE.get(code)
    if entry is None:
        close = suggestions(code)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see docs/messages.md"
        return _usage(f"unknown message code {code!r}{hint}")
    if output_format == "json":
        document = {
            "code": entry.code,
            "severity": str(entry.severity),
            "message": entry.text,
            "help": entry.help,
        }
        _emit(json.dumps(document, indent=2) + "\n", sys.stdout)
    else:
        _emit(explanation(entry), sys.stdout)
    return EXIT_OK


def explanation(entry: Entry) -> str:
    """The entry as a person reads it: code and severity, the sentence, then the help."""
    body = textwrap.fill(entry.help, width=79)
    return f"{entry.code} ({entry.severity})\n  {entry.text}\n\n{body}\n"


def suggestions(code: str, limit: int = 3) -> list[str]:
    """Known codes close to `code`: those containing it first (a code without its prefix),
    then difflib's nearest spellings."""
    containing = sorted(c for c in CATALOGUE if code and code.lower() in c)
    close = difflib.get_close_matches(code.lower(), list(CATALOGUE), n=limit, cutoff=0.6)
    return list(dict.fromkeys(containing + close))[:limit]


# --- output ----------------------------------------------------------------------------------


def _usage(problem: str) -> int:
    print(f"feeds validate: error: {problem}", file=sys.stderr)
    return EXIT_USAGE


def _emit(text: str, stream: TextIO) -> None:
    """Write `text` in whatever encoding the stream has, escaping what it cannot encode
    rather than failing after the files were validated."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()
