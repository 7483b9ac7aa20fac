"""The command line: arguments in, exit codes out. Every command's work lives elsewhere."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from feeds import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="feeds", description=__doc__)
    parser.add_argument("--version", action="version", version=f"feeds {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_build(commands.add_parser("build", help="build public/ from the seed articles"))
    _add_validate(
        commands.add_parser("validate", help="validate feeds (Atom, RSS, RDF, JSON Feed)")
    )
    return parser


def _add_build(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="a feeds.toml, or a pyproject.toml with [tool.feeds] (default: ./pyproject.toml)",
    )
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
    parser.set_defaults(run=_run_build)


def _add_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="feed files, folders searched for feeds, or - for standard input",
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        default="text",
        choices=("text", "json", "github", "junit"),
        help="report format",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument(
        "--url",
        metavar="URL",
        help="where the feed is served: checks self links, resolves relative URLs",
    )
    parser.add_argument(
        "--max-size",
        type=int,
        metavar="BYTES",
        help="refuse files larger than this (default 50 MB; 0 = no limit)",
    )
    parser.add_argument("--explain", metavar="CODE", help="explain a message code and exit")
    parser.set_defaults(run=_run_validate)


def _run_build(args: argparse.Namespace) -> int:
    from feeds.publish import run_build

    return run_build(
        config_path=args.config,
        seeds=args.seeds,
        out=args.out,
        check=args.check,
        keep_going=args.keep_going,
    )


def _run_validate(args: argparse.Namespace) -> int:
    from feeds.validate.runner import run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("feeds: interrupted", file=sys.stderr)
        return 130
