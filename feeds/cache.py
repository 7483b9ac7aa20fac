"""The incremental-build cache: what each seed parsed and summarized to, and what was written.

It only memoizes pure functions of the seed bytes, the settings and the tool version, so deleting
it changes nothing in the output, only the time a build takes. It is one file with a checksum
over its payload: a truncated, edited, corrupt or other-version cache is detected and ignored
(then rewritten), never trusted.

The payload is plain data (dictionaries, lists, strings and numbers) in `marshal`'s format,
which Python reads in half the time JSON takes and writes in a sixth: at 10,000 seeds, reading
and writing the cache as JSON was a fifth of an incremental build. Its format may change
between Python versions, so the header names the version it was written in, and a cache from
another one is rebuilt like a cache from another version of feeds. (Unlike unpickling,
reading it never runs code.)
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feeds import __version__
from feeds.atomic import write_atomically
from feeds.config import Settings

FORMAT = f"3-marshal{marshal.version}"
FILE = "build.cache"
LOG = logging.getLogger("feeds")


@dataclass
class Cache:
    """records: seed digest -> record dict; files: output path -> [input key, size, mtime_ns];
    seeds: seed file name -> [size, mtime_ns, digest], so unchanged seeds need not be read;
    confirmed: the files `file_is_current` found as their entry says, in this build (not saved)."""

    key: str
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, list[Any]] = field(default_factory=dict)
    seeds: dict[str, list[Any]] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)

    def file_is_current(self, out: Path, name: str, key: str) -> bool:
        """True when `name` was written from inputs `key` and is still untouched on disk."""
        entry = self.files.get(name)
        if entry is None or entry[0] != key:
            return False
        try:
            stat = os.stat(os.path.join(out, name))
        except OSError:
            return False
        current = [stat.st_size, stat.st_mtime_ns] == entry[1:]
        if current:
            self.confirmed.add(name)
        return current

    def remember_files(self, out: Path, keys: dict[str, str], written: set[str]) -> None:
        """Note the inputs (`keys`) each file in `out` was written from; files missing there are
        left out. A file found current in this build and not `written` since keeps its entry,
        which still holds; the others are looked at again (at 10,000 seeds, looking at every
        page again took a sixth of an incremental build)."""
        previous, self.files = self.files, {}
        for name, key in keys.items():
            if name in self.confirmed and name not in written:
                self.files[name] = previous[name]
                continue
            try:
                stat = os.stat(os.path.join(out, name))
            except FileNotFoundError:
                continue
            self.files[name] = [key, stat.st_size, stat.st_mtime_ns]


def settings_key(settings: Settings) -> str:
    """Everything outside a seed that its record or pages depend on."""
    return digest(f"{FORMAT}|{__version__}|{settings!r}".encode())


def load(settings: Settings) -> Cache:
    """The cache for these settings, or an empty one when it is missing, stale or corrupt."""
    key = settings_key(settings)
    path = settings.cache_dir / FILE
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        if header.split(b" ")[:2] != _header(b"").split(b" ")[:2]:
            LOG.debug("cache %s is not a cache of this version of feeds: rebuilding", path)
            return Cache(key)
        if header != _header(body):
            raise ValueError("checksum mismatch")
        payload = marshal.loads(body)
        if payload["key"] != key:
            LOG.debug("cache %s is for other settings or another version: rebuilding", path)
            return Cache(key)
        return Cache(key, *(_dict(payload[name]) for name in ("records", "files", "seeds")))
    except FileNotFoundError:
        return Cache(key)
    except (OSError, ValueError, EOFError, KeyError, TypeError) as exc:
        LOG.warning("cache %s is unreadable (%s): rebuilding it", path, exc)
        return Cache(key)


def save(cache: Cache, settings: Settings) -> None:
    """Write the cache: a header line with the format and a checksum of the body."""
    payload = {
        "key": cache.key,
        "records": cache.records,
        "files": cache.files,
        "seeds": cache.seeds,
    }
    body = marshal.dumps(payload)
    write_atomically(settings.cache_dir / FILE, _header(body) + b"\n" + body)


def _header(body: bytes) -> bytes:
    return f"feeds-cache {FORMAT} {digest(body)}".encode()


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _dict(value: Any) -> dict:
    if not isinstance(value, dict):
        raise TypeError("not a table")
    return value
