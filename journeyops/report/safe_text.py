"""User text made safe for the place it goes: terminals, CI logs, XML, JSON and URIs.

Every string in a workspace is hostile: a persona reference, a step name or a file name can
hold a newline that starts a GitHub workflow command, an escape sequence that clears the
terminal, or (in a file name) bytes that are not UTF-8, which Python carries as lone
surrogates (`os.fsdecode`'s surrogateescape). Reporters pass user-derived strings through
these functions at the last moment, so the core keeps the exact text and every output is
valid for its reader.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

# C0 controls, DEL and C1 controls; lone surrogates (undecodable bytes of a file name);
# the Unicode line and paragraph separators, which some terminals and editors break lines
# on; the bidirectional overrides and isolates that make text read differently from what it
# is ("Trojan Source"); and U+FFFE/U+FFFF, which XML 1.0 forbids.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# The GitHub runner acts on the legacy `##[name]` anywhere in a line it logs; written with
# the format's own escape of `[`, it reads the same and the runner skips it.
LEGACY_COMMAND = "##["
_LEGACY_IN_TEXT, _LEGACY_IN_JSON = "##\\x5b", "##\\u005b"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that surrogateescape could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character, line separator, bidi control and undecodable
    byte shown as an escape (`\\n`, `\\x1b`, `\\xff`, `\\u202e`): one line, nothing a
    terminal or a CI runner acts on (`##[` included), and always encodable as UTF-8 and XML 1.0."""
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(_escape, text)
    return text.replace(LEGACY_COMMAND, _LEGACY_IN_TEXT) if LEGACY_COMMAND in text else text


def unicode_safe(text: str) -> str:
    """`text` with only the characters that cannot be encoded as UTF-8 (lone surrogates)
    escaped: for machine formats that escape control characters themselves (JSON)."""
    return _SURROGATE.sub(_escape, text) if _SURROGATE.search(text) else text


def uri_path(path: str) -> str:
    """A relative POSIX path as a URI reference (RFC 3986): the file name's own bytes,
    percent-encoded, so a name that is not UTF-8 stays exact and the URI stays ASCII."""
    return quote(os.fsencode(path), safe="/")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return unicode_safe(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def dumps_json(document: Any, *, indent: int | None = 2) -> str:
    """Standard JSON (RFC 8259): UTF-8 text, no NaN or Infinity (a non-finite number is a
    bug upstream and raises ValueError here rather than reaching a strict parser). `##[`
    can only occur inside a string, where `\\u005b` reads as the same `[`."""
    text = json.dumps(_clean(document), indent=indent, ensure_ascii=False, allow_nan=False)
    return text.replace(LEGACY_COMMAND, _LEGACY_IN_JSON) if LEGACY_COMMAND in text else text
