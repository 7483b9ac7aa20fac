"""The command line: arguments in, exit codes out. Every command's work lives elsewhere, and is
imported only when that command runs: `feeds validate` need not load the build, nor `feeds
build` a web server."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from feeds import __version__
from feeds.config import add_config_option
from feeds.logs import configure as configure_logging

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="feeds",
        description="Publish seed articles as Atom, RSS and JSON Feed; validate feeds.",
    )
    parser.add_argument("--version", action="version", version=f"feeds {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_build(commands.add_parser("build", help="build public/ from the seed articles"))
    _add_validate(
        commands.add_parser("validate", help="validate feeds (Atom, RSS, RDF, JSON Feed)")
    )
    _add_serve(commands.add_parser("serve", help="preview public/ on a local web server"))
    _add_new(commands.add_parser("new", help="write a new seed dated today"))
    return parser


def _add_build(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "--seeds", type=Path, metavar="DIR", help="seed folder (default: from config)"
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="output folder (default: from config)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="build in memory; exit 1 listing files in the output that are missing, stale or extra",
    )
    parser.add_argument(
        "--keep-going", action="store_true", help="report bad seeds, skip them and build the rest"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of cores)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long for another running build to finish (default 0); then exit 75",
    )
    parser.add_argument(
        "--ping",
        action="store_true",
        help="notify the configured WebSub hub of the feeds that changed",
    )
    _add_logging(parser)
    parser.set_defaults(run=_run_build)


def _add_logging(parser: argparse.ArgumentParser) -> None:
    volume = parser.add_mutually_exclusive_group()
    volume.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    volume.add_argument(
        "--verbose",
        "-v",
        action="count",
        default=0,
        help="also print the time of each stage; twice (-vv), every file written or removed",
    )
    parser.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="log lines on stderr as text or as JSON objects (default: text)",
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _add_validate(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        "exit status: 0 no errors; 1 errors found (or warnings, with --strict);\n"
        "2 usage error, or a path that could not be read or validated.\n"
        "Every message code is listed in docs/messages.md; --explain CODE prints one."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="feed files; folders, searched recursively for *.xml, *.atom, *.rss, *.rdf, "
        "*.json and *.feed (hidden ones skipped); or - for standard input",
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        default="text",
        choices=("text", "json", "github", "junit"),
        help="report format (default: text)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument(
        "--url",
        metavar="URL",
        help="where the (first) feed is served: checks its self link or feed_url and "
        "resolves its relative URLs; other files are validated without it",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="where the given folders (or files' folders) are served: each file's URL is this "
        "plus its path below the folder, e.g. --base-url https://example.org/ public/",
    )
    parser.add_argument(
        "--max-size",
        type=int,
        metavar="BYTES",
        help="refuse files larger than this (default 50 MB; 0 = no limit)",
    )
    parser.add_argument(
        "--explain", metavar="CODE", help="print what a message code means and how to fix it"
    )
    parser.set_defaults(run=_command("feeds.validate.runner"))


def _add_serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=_port, default=8000, help="port to listen on; 0 picks a free one"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="rebuild when a seed or the configuration changes",
    )
    add_config_option(parser)
    parser.set_defaults(run=_command("feeds.serve"))


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 65535, got {text!r}")
    return int(text)


def _add_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("headline", help="the article's headline")
    parser.add_argument("--tags", metavar="A,B", help="comma-separated tags")
    add_config_option(parser)
    parser.set_defaults(run=_command("feeds.new"))


def _run_build(args: argparse.Namespace) -> int:
    from feeds.build import run_build

    configure_logging(quiet=args.quiet, verbose=args.verbose, json_lines=args.log_format == "json")
    return run_build(args)


def _command(module: str) -> Callable[[argparse.Namespace], int]:
    """The `run` of a command's module, which is imported when the command runs."""

    def run(args: argparse.Namespace) -> int:
        return importlib.import_module(module).run(args)

    return run


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("feeds: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        # The disk or the network failed under us (full disk, permissions): one line, not a
        # traceback; what is already published is untouched (every write is atomic).
        print(f"feeds: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
