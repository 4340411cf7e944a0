"""Which YAML files below the root are workspace files: include and exclude globs."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from journeyops.load.sources import CONFIG_FILE
from journeyops.model import Config


def select_files(
    paths: Iterable[str], config: Config, leave_out: Collection[str] = ()
) -> list[str]:
    """The workspace files among `paths`: not the config, nothing below a folder of
    `leave_out` (where journeyops writes its output), and as `include:` and `exclude:` say."""
    include = [compile_glob(p) for p in config.include]
    exclude = [compile_glob(p) for p in config.exclude]
    below = tuple(folder.rstrip("/") + "/" for folder in leave_out)
    chosen = []
    for path in paths:
        if path == CONFIG_FILE or (below and path.startswith(below)):
            continue
        if include and not any(matches_glob(rx, path) for rx in include):
            continue
        if any(matches_glob(rx, path) for rx in exclude):
            continue
        chosen.append(path)
    return sorted(chosen)


def matches_glob(pattern: re.Pattern[str], path: str) -> bool:
    """A pattern matches a file, or any folder above it (`drafts` excludes `drafts/a.yaml`)."""
    if pattern.fullmatch(path):
        return True
    parts = path.split("/")
    return any(pattern.fullmatch("/".join(parts[:n])) for n in range(1, len(parts)))


@lru_cache(maxsize=256)
def compile_glob(glob: str) -> re.Pattern[str]:
    """gitignore-like globs: `*` and `?` stay within a folder, `**` crosses folders."""
    glob = glob.strip().lstrip("/").removeprefix("./").rstrip("/")
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))
