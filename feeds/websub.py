"""WebSub publishing: tell the hub which feeds changed, so subscribers get them pushed at once.

The notification is the de-facto publish request hubs accept (a form POST with hub.mode=publish
and hub.url=<feed URL>), one request per changed feed, each with a timeout: a slow or broken hub
costs a cron run at most a few seconds per feed and one clear error line.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlencode

from feeds import __version__

TIMEOUT_SECONDS = 10.0


def ping(hub: str, feed_urls: list[str]) -> list[str]:
    """Notify `hub` of each URL; returns one problem line per failed notification."""
    return [problem for url in feed_urls if (problem := _notify(hub, url, TIMEOUT_SECONDS))]


def _notify(hub: str, url: str, timeout: float) -> str | None:
    request = urllib.request.Request(
        hub,
        data=urlencode({"hub.mode": "publish", "hub.url": url}).encode("ascii"),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": f"feeds/{__version__}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return f"{hub}: could not notify the hub of {url}: {reason}"
    if not 200 <= status < 300:
        return f"{hub}: the hub answered HTTP {status} for {url}"
    return None
