"""What every cache entry depends on besides the workspace: the code that wrote it.

A result computed by one version of journeyops must never be served by another, nor by the
same version with a rule edited in place (a developer's checkout, an editable install): so
the key of every entry starts with `code_key()`, the tool's version and a digest of the
package's own files, every `journeyops/**/*.py` and the site's templates. Hashing them takes
about 1.3 ms (measured: 108 files, 0.7 MB, warm page cache), done once per process and only
by a run that uses a cache; keeping it by the files' metadata would save a millisecond for a
second record and a second way to be stale, so it is not done.

Records also live in a folder per Python and pydantic version (`environment_tag`): their
pickles are only read back by the interpreter and libraries that wrote them. The versions are
read from the installed distributions' names, because importing pydantic-core to ask costs a
replayed run a fifth of its time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

from journeyops import __version__

PACKAGE = Path(__file__).resolve().parent.parent
# The package files whose bytes decide what a run computes: code, and the site's templates.
SOURCE_SUFFIXES = (".py", ".html", ".css", ".j2", ".txt", ".yaml")
# Raised when the way entries are wrapped (cache.py) changes: every older folder is unused.
ENVELOPE = 4


def sources_digest(folder: Path) -> str:
    """A digest of the names and bytes of the source files below `folder`, in a fixed
    order (compiled bytecode and hidden folders left out)."""
    digest = hashlib.blake2b(digest_size=20)
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if f != "__pycache__" and not f.startswith("."))
        for name in sorted(files):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = os.path.join(current, name)  # noqa: PTH118 - one Path per file costs more
            with open(path, "rb") as handle:  # noqa: PTH123
                data = handle.read()
            relative = os.path.relpath(path, folder).encode()
            digest.update(len(relative).to_bytes(4, "little") + relative)
            digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_key() -> str:
    """The tool's version and a digest of its installed sources."""
    return f"{__version__}-{sources_digest(PACKAGE)}"


def run_key(*parts: str | bytes) -> str:
    """A key for what a run computed from `parts` (config bytes, the date, ...) with this
    code: any change to any part, or to the package's sources, gives another key."""
    digest = hashlib.blake2b(code_key().encode(), digest_size=20)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def environment_tag() -> str:
    """The name of the cache folder for this interpreter and these pydantic versions."""
    python = ".".join(map(str, sys.version_info[:3]))
    described = f"{ENVELOPE}-{python}-{_installed('pydantic')}-{_installed('pydantic_core')}"
    return hashlib.sha1(described.encode()).hexdigest()[:12]


def _installed(package: str) -> str:
    """The installed version of `package`, from its distribution's folder name beside it."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return "missing"
    origin = Path(spec.origin)
    prefix = package + "-"
    with suppress(OSError):
        for entry in origin.parent.parent.iterdir():
            name = entry.name
            if name.startswith(prefix) and name.endswith(".dist-info"):
                return name[len(prefix) : -len(".dist-info")]
    # Not installed as a distribution beside it (vendored, a source checkout): its path
    # and its files' times stand for its version.
    status = origin.stat()
    return f"{spec.origin}-{status.st_mtime_ns}-{status.st_size}"
