"""Value checks shared by every format: dates, URIs, e-mail addresses, language tags, MIME types.

Each returns a parsed value or a verdict and never raises; callers turn verdicts into messages.
"""

from __future__ import annotations

import re
from datetime import datetime

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.IGNORECASE
)


def parse_rfc3339(text: str) -> datetime | None:
    """An aware datetime for an RFC 3339 date-time (as Atom requires), else None."""
    match = _RFC3339.match(text.strip())
    if not match:
        return None
    try:
        return datetime.fromisoformat(text.strip().upper().replace("Z", "+00:00"))
    except ValueError:
        return None


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_URI_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")


def is_uri_reference(text: str) -> bool:
    """True for a syntactically valid URI/IRI reference (relative allowed)."""
    return not _URI_FORBIDDEN.search(text) and not re.search(r"%(?![0-9A-Fa-f]{2})", text)


def is_absolute_uri(text: str) -> bool:
    return bool(_SCHEME.match(text)) and is_uri_reference(text)


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def is_language_tag(text: str) -> bool:
    """BCP 47 / RFC 3066 shape: a primary subtag of letters, then alphanumeric subtags."""
    return bool(_LANG.match(text))


_MIME = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[^;=\s]+=[^;]+)*$")


def is_mime_type(text: str) -> bool:
    return bool(_MIME.match(text.strip()))
