"""`journeyops fmt` over a workspace: which files it formats, and writing them back.

fmt formats the files `validate` reads (journeyops.yaml and the YAML files its `include:`
and `exclude:` select, hidden folders and the rendered site left out), read as every
command reads them: regular files inside the root, never through a link that leads out
(load/regular_files.py). It writes only a file it formatted, only when its layout changed
and only if its bytes are still the ones it read, each atomically (core/atomic.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from journeyops.authoring.fmt import Formatted, format_yaml
from journeyops.core.atomic import write_bytes_atomic
from journeyops.core.diagnostics import FILE_START, Finding, Problem
from journeyops.load.regular_files import LINK, Refused
from journeyops.load.scan import scan as scan_workspace
from journeyops.load.sources import CONFIG_FILE, DiskSource

RACED = "it changed while fmt ran; run fmt again"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path fmt was asked for and leaves alone, and why (not a problem in a file)."""

    path: str
    reason: str


@dataclass
class FmtRun:
    """What fmt made of one workspace's files (nothing written yet)."""

    root: Path
    files: dict[str, Formatted] = field(default_factory=dict)  # by workspace path
    problems: list[Finding] = field(default_factory=list)  # left alone: unreadable, unparseable
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        return [path for path, result in self.files.items() if result.changed]


def format_workspace(root: Path, targets: list[Path] | None = None) -> FmtRun:
    """Every workspace file below `root` (a resolved workspace folder) in the canonical
    layout, or only those at or below `targets` (resolved paths inside `root`).
    Raises load.workspace.ConfigError when journeyops.yaml cannot be read."""
    source = DiskSource(root)
    listed = scan_workspace(source)
    paths = [CONFIG_FILE, *listed.files]
    run = FmtRun(root)
    chosen = paths if targets is None else _chosen(root, paths, targets, run)
    for path in chosen:
        data = listed.config_bytes if path == CONFIG_FILE else listed.files[path]
        if isinstance(data, OSError):  # a link out, a fifo, no permission: as validate says
            run.problems.append(_unreadable(path, data))
            continue
        if source.kinds.get(path) == LINK:  # replacing it would turn it into a file
            run.skipped.append(Skipped(path, "a link: fmt formats the file it points to"))
            continue
        result = format_yaml(data, path)
        run.files[path] = result
        if result.problem is not None:
            run.problems.append(result.problem)
    return run


def _chosen(root: Path, paths: list[str], targets: list[Path], run: FmtRun) -> list[str]:
    wanted = [target.relative_to(root).as_posix() for target in targets]
    folders = [w for w, target in zip(wanted, targets, strict=True) if target.is_dir()]
    below = tuple("" if f == "." else f + "/" for f in folders)
    chosen = [p for p in paths if p in wanted or p.startswith(below)]
    for name, target in zip(wanted, targets, strict=True):
        if not target.is_dir() and name not in chosen:
            why = "not a workspace file (hidden, excluded in journeyops.yaml, or not YAML)"
            run.skipped.append(Skipped(name, why))
    return chosen


def write_changed(run: FmtRun, path: str) -> Skipped | None:
    """Write the changed file `path` of `run` atomically, keeping its mode, unless its bytes
    changed since fmt read them (then it is left alone, and the Skipped says so). OSError
    when the write fails: the file is then as it was."""
    result = run.files[path]
    try:
        still = DiskSource(run.root).read(path) == result.before
    except OSError:
        still = False
    if not still:
        return Skipped(path, RACED)
    write_bytes_atomic(run.root / path, result.after)
    return None


def _unreadable(file: str, error: OSError) -> Finding:
    if isinstance(error, Refused):
        return error.problem(file)
    message = f"cannot read the file: {error.strerror or 'not found'}"
    hint = "fix the file's permissions or link, or exclude it in journeyops.yaml"
    return Finding("unreadable-file", Problem(message, file, FILE_START, hint))
