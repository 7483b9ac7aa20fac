"""`feeds serve`: preview the output folder on a local web server, optionally rebuilding it.

The server behaves like a careful static host, so that what works in the preview works when
published: feed media types, strong ETags and Last-Modified with 304 answers (feed readers and
browsers revalidate with them), HEAD, and nothing served from outside the output folder or from
its dot-files (the build's temporary and staging files). It binds to 127.0.0.1 unless told
otherwise: a preview is not a public web server.

With --watch, the seed folder and the configuration file are polled (stdlib only, so it works
the same everywhere) and a change runs `feeds build` in a child process: exactly the build the
command line runs, and a build that fails or crashes cannot take the server down. The build
replaces files atomically, so the server keeps serving the previous site until it succeeds.
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from feeds import __version__
from feeds.build import resolve_settings
from feeds.errors import InputError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
POLL_SECONDS = 0.5
# Longest suffix first: `feed.atom.xml` is an Atom feed before it is XML.
MEDIA_TYPES = (
    (".atom.xml", "application/atom+xml; charset=utf-8"),
    (".rss.xml", "application/rss+xml; charset=utf-8"),
    (".json", "application/feed+json"),
    (".html", "text/html; charset=utf-8"),
    (".xsl", "text/xsl; charset=utf-8"),
    (".xml", "application/xml; charset=utf-8"),
)
FEED_SUFFIXES = (".atom.xml", ".rss.xml")  # the feeds a stylesheet shows as a page
BROWSER_FEED_TYPE = "application/xml; charset=utf-8"


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C; exit 0 then, 1 when the site cannot be served, 2 on a bad config."""
    try:
        return _serve(args)
    except KeyboardInterrupt:
        _log("stopped")
        return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    try:
        settings = resolve_settings(args.config, None, None)
    except InputError as exc:
        _log(str(exc))
        return EXIT_USAGE
    # The watcher's first look comes before the first build: no change can fall between them.
    watcher = Watcher(settings.seeds_dir, args.config or Path("pyproject.toml"))
    if args.watch:
        rebuild(args.config)
    if not settings.output_dir.is_dir():
        _log(f"output folder {settings.output_dir} does not exist: run 'feeds build' first")
        return EXIT_PROBLEMS
    try:
        server = PreviewServer(settings.output_dir, args.host, args.port)
    except OSError as exc:
        _log(f"cannot listen on {args.host} port {args.port}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    print(f"Serving {settings.output_dir}/ at {server.url}", flush=True)
    stop = threading.Event()
    if args.watch:
        threading.Thread(
            target=watcher.run, args=(stop, lambda: rebuild(args.config)), daemon=True
        ).start()
    try:
        server.serve_forever()
    finally:
        stop.set()
        server.server_close()
    return EXIT_OK


def rebuild(config: Path | None) -> int:
    """Run `feeds build` as the command line would; its own messages go to our stderr."""
    command = [sys.executable, "-m", "feeds", "build"]
    if config is not None:
        command += ["--config", str(config)]
    code = subprocess.run(command, check=False).returncode
    if code == EXIT_OK:
        _log("build succeeded")
    else:
        _log(f"build failed (exit {code}); still serving the previous files")
    return code


def _log(message: str) -> None:
    print(f"feeds serve: {message}", file=sys.stderr, flush=True)


class Watcher:
    """Notices changes to the seeds (`*.txt`, what the build reads) and the configuration by
    polling their sizes and modification times: no dependency, no platform-specific API."""

    def __init__(self, seeds_dir: Path, config: Path) -> None:
        self.seeds_dir, self.config = seeds_dir, config
        self.seen = self.fingerprint()

    def fingerprint(self) -> frozenset[tuple[str, int, int]]:
        paths = [self.config, *self.seeds_dir.glob("*.txt")]
        stamps = set()
        for path in paths:
            try:
                status = path.stat()
            except OSError:  # removed between the listing and the stat: the next poll sees it
                continue
            stamps.add((str(path), status.st_mtime_ns, status.st_size))
        return frozenset(stamps)

    def changed(self) -> bool:
        """True once for each change since the previous call (or since the watcher started)."""
        now = self.fingerprint()
        if now == self.seen:
            return False
        self.seen = now
        return True

    def run(self, stop: threading.Event, on_change: Callable[[], object]) -> None:
        """Poll until `stop` is set, calling `on_change` after each change."""
        while not stop.wait(POLL_SECONDS):
            if self.changed():
                _log("seeds or configuration changed, rebuilding")
                on_change()


class PreviewServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that serves the files of one folder with `SiteHandler`."""

    daemon_threads = True

    def __init__(self, root: Path, host: str, port: int) -> None:
        self.root = root.resolve()
        super().__init__((host, port), SiteHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


class SiteHandler(BaseHTTPRequestHandler):
    """GET and HEAD for the files below the server's root; everything else is refused."""

    server: PreviewServer
    server_version = f"feeds/{__version__}"

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def _respond(self, *, with_body: bool) -> None:
        path = site_file(self.server.root, self.path)
        if path is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        try:
            with path.open("rb") as handle:  # one open file: its bytes and time agree
                data, modified = handle.read(), os.fstat(handle.fileno()).st_mtime
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        media = media_type(path.name, self.headers.get("Accept", ""))
        etag = entity_tag(data, media)
        fresh = self._not_modified(etag, modified)
        self.send_response(HTTPStatus.NOT_MODIFIED if fresh else HTTPStatus.OK)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(modified, usegmt=True))
        self.send_header("Cache-Control", "no-cache")  # revalidate: the site may be rebuilt
        if path.name.endswith(FEED_SUFFIXES):
            self.send_header("Vary", "Accept")
        if not fresh:
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if with_body and not fresh:
            self.wfile.write(data)

    def _not_modified(self, etag: str, modified: float) -> bool:
        """RFC 9110 13.1: If-None-Match (weak comparison) decides when present; otherwise
        If-Modified-Since against the file's time, at the one-second precision of HTTP dates."""
        candidates = self.headers.get("If-None-Match")
        if candidates is not None:
            tags = {tag.strip().removeprefix("W/") for tag in candidates.split(",")}
            return etag in tags or "*" in tags
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            moment = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return int(modified) <= moment.timestamp()


def site_file(root: Path, target: str) -> Path | None:
    """The file below `root` that a request target names, or None. `/` and folders ending in
    `/` mean their index.html; dot-files, `..` and anything resolving outside `root` (through
    encoded slashes or symbolic links) are refused."""
    path = unquote(urlsplit(target).path)
    if path.endswith("/"):
        path += "index.html"
    parts = [part for part in path.split("/") if part]
    if not parts or any(part.startswith(".") or "\\" in part or "\0" in part for part in parts):
        return None
    candidate = root.joinpath(*parts).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def media_type(name: str, accept: str = "") -> str:
    """The Content-Type for a file name, and for Atom and RSS feeds the request's Accept header.

    A browser (it asks for text/html, and not for the feed's own type) gets an Atom or RSS feed
    as application/xml: Chromium shows application/atom+xml and application/rss+xml as plain
    text and never applies their stylesheet, and the static hosts a site is published on serve
    `.xml` files as XML anyway. Feed readers get the feed's own type."""
    for suffix, media in MEDIA_TYPES:
        if name.endswith(suffix):
            browser = "text/html" in accept and media.split(";")[0] not in accept
            return BROWSER_FEED_TYPE if browser and suffix in FEED_SUFFIXES else media
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def entity_tag(data: bytes, media: str) -> str:
    """A strong ETag: a SHA-256 of the content and its Content-Type, since a strong validator
    must differ between the representations of one URL (a feed for a reader or a browser)."""
    return '"' + hashlib.sha256(media.encode() + b"\n" + data).hexdigest()[:32] + '"'
