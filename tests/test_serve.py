"""`feeds serve`: media types, validators and 304s, HEAD, 404s, no way out of the output folder,
clean start and stop, and --watch rebuilding. Only 127.0.0.1 is ever contacted."""

from __future__ import annotations

import functools
import hashlib
import http.client
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import pytest

from feeds.cli import main
from feeds.serve import PreviewServer, Watcher, rebuild

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
FILES = {
    "index.html": b"<!DOCTYPE html><title>home</title>",
    "articles/a.html": b"<!DOCTYPE html><title>a</title>",
    "feed.atom.xml": b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
    "feed.rss.xml": b'<?xml version="1.0"?><rss version="2.0"/>',
    "feed.json": b'{"version": "https://jsonfeed.org/version/1.1"}',
    "style.xsl": b'<?xml version="1.0"?><xsl:stylesheet/>',
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on a folder of known files, with a secret beside it and a link out of it."""
    root = tmp_path_factory.mktemp("site")
    public = root / "public"
    for name, data in FILES.items():
        (public / name).parent.mkdir(parents=True, exist_ok=True)
        (public / name).write_bytes(data)
    (root / "secret.txt").write_text("secret", encoding="utf-8")
    (public / ".feed.atom.xml.tmp").write_text("half-written", encoding="utf-8")
    (public / "link.txt").symlink_to(root / "secret.txt")
    preview = PreviewServer(public, "127.0.0.1", 0)
    thread = threading.Thread(target=preview.serve_forever, daemon=True)
    thread.start()
    yield preview
    preview.shutdown()
    preview.server_close()


def fetch(port: int, path: str, method: str = "GET", **headers: str):
    """(response, body) for one request; headers are given as If_None_Match=... and so on."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request(
            method, path, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def port_of(server) -> int:
    return server.server_address[1]


def test_root_serves_index_html(server):
    response, body = fetch(port_of(server), "/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert body == FILES["index.html"]


@pytest.mark.parametrize(
    ("path", "media"),
    [
        ("/feed.atom.xml", "application/atom+xml; charset=utf-8"),
        ("/feed.rss.xml", "application/rss+xml; charset=utf-8"),
        ("/feed.json", "application/feed+json"),
        ("/articles/a.html", "text/html; charset=utf-8"),
        ("/style.xsl", "text/xsl; charset=utf-8"),
    ],
)
def test_files_have_their_media_types(server, path, media):
    response, body = fetch(port_of(server), path, Accept="application/atom+xml, */*")
    assert response.getheader("Content-Type") == media
    assert body == FILES[path.lstrip("/")]


@pytest.mark.parametrize("path", ["/feed.atom.xml", "/feed.rss.xml"])
def test_browsers_get_atom_and_rss_as_xml_so_the_stylesheet_applies(server, path):
    response, _ = fetch(port_of(server), path, Accept=BROWSER_ACCEPT)
    assert response.getheader("Content-Type") == "application/xml; charset=utf-8"
    assert response.getheader("Vary") == "Accept"


def test_etag_is_a_strong_hash_of_the_content(server):
    response, body = fetch(port_of(server), "/feed.json")
    media = response.getheader("Content-Type").encode()
    digest = hashlib.sha256(media + b"\n" + body).hexdigest()[:32]
    assert response.getheader("ETag") == f'"{digest}"'


def test_feed_for_a_browser_has_another_etag(server):
    reader, _ = fetch(port_of(server), "/feed.atom.xml")
    browser, _ = fetch(port_of(server), "/feed.atom.xml", Accept=BROWSER_ACCEPT)
    assert reader.getheader("ETag") != browser.getheader("ETag")


def test_last_modified_is_the_file_time(server):
    response, _ = fetch(port_of(server), "/index.html")
    expected = formatdate((server.root / "index.html").stat().st_mtime, usegmt=True)
    assert response.getheader("Last-Modified") == expected


def test_matching_if_none_match_gets_304_without_body(server):
    first, _ = fetch(port_of(server), "/feed.atom.xml")
    response, body = fetch(port_of(server), "/feed.atom.xml", If_None_Match=first.getheader("ETag"))
    assert (response.status, body) == (304, b"")
    assert response.getheader("ETag") == first.getheader("ETag")


def test_other_etag_gets_the_file(server):
    response, body = fetch(port_of(server), "/feed.atom.xml", If_None_Match='"other"')
    assert (response.status, body) == (200, FILES["feed.atom.xml"])


def test_if_modified_since_the_file_time_gets_304(server):
    first, _ = fetch(port_of(server), "/feed.rss.xml")
    response, _ = fetch(
        port_of(server), "/feed.rss.xml", If_Modified_Since=first.getheader("Last-Modified")
    )
    assert response.status == 304


def test_if_modified_since_an_older_time_gets_the_file(server):
    first, _ = fetch(port_of(server), "/feed.rss.xml")
    older = parsedate_to_datetime(first.getheader("Last-Modified")).timestamp() - 60
    response, _ = fetch(
        port_of(server), "/feed.rss.xml", If_Modified_Since=formatdate(older, usegmt=True)
    )
    assert response.status == 200


def test_head_sends_the_headers_without_the_body(server):
    response, body = fetch(port_of(server), "/feed.json", "HEAD")
    assert (response.status, body) == (200, b"")
    assert response.getheader("Content-Length") == str(len(FILES["feed.json"]))
    assert response.getheader("ETag")


def test_missing_file_is_404(server):
    response, _ = fetch(port_of(server), "/nothing.html")
    assert response.status == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/articles/../../secret.txt",
        "/..%2fsecret.txt",
        "/link.txt",
        "/.feed.atom.xml.tmp",
        "/articles",
    ],
)
def test_nothing_outside_the_folder_nor_a_dot_file_is_served(server, path):
    response, body = fetch(port_of(server), path)
    assert response.status == 404
    assert b"secret" not in body and b"half-written" not in body


# --- the command -----------------------------------------------------------------------------


def serve(site, *args: str) -> subprocess.Popen:
    """`feeds serve` in a child process, with Ctrl-C (SIGINT) handled as in a terminal."""
    return subprocess.Popen(
        [sys.executable, "-m", "feeds", "serve", "--port", "0", "--config", str(site.config)]
        + list(args),
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
    )


def first_line(process: subprocess.Popen, timeout: float = 10) -> str:
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "feeds serve printed nothing"
    return process.stdout.readline()


def stop(process: subprocess.Popen) -> tuple[int, str]:
    """Ctrl-C: the exit status and stderr."""
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=5)
    finally:
        process.kill()
    return process.returncode, err


@pytest.fixture
def built(site, article):
    site.seed("001_bridge", article())
    assert site.build() == 0
    return site


def test_prints_its_url_and_stops_cleanly_on_ctrl_c(built):
    process = serve(built)
    line = first_line(process)
    match = re.fullmatch(r"Serving (.+)/ at http://127\.0\.0\.1:(\d+)/\n", line)
    assert match and Path(match.group(1)) == built.public
    response, _ = fetch(int(match.group(2)), "/")
    assert response.status == 200
    code, err = stop(process)
    assert code == 0
    assert "Traceback" not in err


def test_watch_rebuilds_after_a_seed_changes(built, article):
    process = serve(built, "--watch")
    port = int(first_line(process).rsplit(":", 1)[1].strip("/\n"))
    built.seed("001_bridge", article(headline="Council reopens bridge"))
    deadline = time.monotonic() + 10
    body = b""
    while b"Council reopens bridge" not in body and time.monotonic() < deadline:
        time.sleep(0.1)
        body = fetch(port, "/feed.atom.xml")[1]
    code, err = stop(process)
    assert b"Council reopens bridge" in body, err
    assert code == 0


def test_failed_rebuild_leaves_the_site_as_it_was(built, capfd):
    before = built.snapshot()
    built.seed("002_broken", "no date line\n")
    assert rebuild(built.config) != 0
    assert built.snapshot() == before
    assert "still serving the previous files" in capfd.readouterr().err


def test_watcher_sees_a_changed_seed_once(built, article):
    watcher = Watcher(built.seeds, built.config)
    assert not watcher.changed()
    built.seed("001_bridge", article(headline="Council reopens the old bridge"))
    assert watcher.changed()
    assert not watcher.changed()


def test_watcher_sees_a_new_seed_and_a_removed_one(built, article):
    watcher = Watcher(built.seeds, built.config)
    path = built.seed("002_storm", article())
    assert watcher.changed()
    path.unlink()
    assert watcher.changed()


def test_watcher_sees_the_configuration_change(built):
    watcher = Watcher(built.seeds, built.config)
    built.configure('language = "fr"\n')
    assert watcher.changed()


def test_port_in_use_is_one_line_and_exit_1(built, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--config", str(built.config), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"port {port}" in err


def test_missing_output_folder_is_one_line_and_exit_1(site, capsys):
    assert main(["serve", "--config", str(site.config), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "feeds build" in err


def test_bad_configuration_is_one_line_and_exit_2(built, capsys):
    built.configure('timezone = "Mars/Olympus"\n')
    assert main(["serve", "--config", str(built.config), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "timezone" in err


@pytest.mark.parametrize("port", ["65536", "-1", "http"])
def test_bad_port_is_a_usage_error(site, capsys, port):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--config", str(site.config), "--port", port])
    assert exit_info.value.code == 2
    assert "--port" in capsys.readouterr().err
