"""All-or-nothing file writes: readers, web servers and killed builds only ever see whole files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over the target.

    The rename is atomic on POSIX file systems, so the target is always either the old file or
    the new one, even if the process is killed at any moment. Temporary names start with a dot:
    the build ignores and later removes such leftovers.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
