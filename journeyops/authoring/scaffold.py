"""Writing new files, never over old ones: `journeyops init` (a workspace) and the write
that `journeyops new` ends with.

A new file is written completely to a temporary file beside it, then linked into place:
`link` fails when the name exists, so not even a file created between the check and the
write is replaced, and nobody ever sees half a file.
"""

from __future__ import annotations

import datetime
import errno
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from journeyops.authoring.starter import starter_files
from journeyops.core.outputs import NOT_INPUT
from journeyops.load.scan import load_config
from journeyops.load.selection import select_files
from journeyops.load.sources import DiskSource, find_root
from journeyops.model.json_schema import all_schemas

SCHEMAS = "schemas"  # where init puts the editor schemas, which its modelines name


class ScaffoldError(Exception):
    """What the user asked for would overwrite a file or write an invalid document: one
    `error:` line (with `advice`, journeyops' own text, below it), exit 2."""

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.message, self.advice = message, advice


class Exists(ScaffoldError):
    """A file to be written exists already."""


@dataclass(frozen=True)
class Written:
    """What a scaffolding command wrote, relative to `root`."""

    root: Path
    files: list[str]


def write_new(path: Path, text: str) -> None:
    """Write `path`, which must not exist (FileExistsError otherwise), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).chmod(0o666 & ~umask)  # a new file's usual mode, not mkstemp's 0600
        try:
            os.link(temp, path)
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            # A file system without hard links: the check and the rename are two steps.
            if path.exists() or path.is_symlink():
                raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
            Path(temp).replace(path)
    finally:
        Path(temp).unlink(missing_ok=True)


def write_all(root: Path, files: Mapping[str, str], label: str | None = None) -> Written:
    """Write every file below `root`, or none: ScaffoldError naming each one that exists
    (checked first), and what was written is removed again when a later write fails.
    `label` is how the user named `root`."""
    existing = [name for name in files if _taken(root / name)]
    if existing:
        raise Exists(
            f"{_listed(existing)} already {'exists' if len(existing) == 1 else 'exist'} "
            f"in {label or root}; nothing was written",
            "journeyops never overwrites a file: move it away, or start in an empty folder.",
        )
    written: list[str] = []
    try:
        for name, text in files.items():
            write_new(root / name, text)
            written.append(name)
    except BaseException:
        for name in written:
            (root / name).unlink(missing_ok=True)
        raise
    return Written(root, written)


def init_workspace(
    root: Path, name: str, today: datetime.date, label: str | None = None
) -> Written:
    """A new workspace in `root` (created if missing) that validates clean: its config, a
    document of each kind, a .gitignore, and the JSON schemas its modelines point at."""
    if root.exists() and not root.is_dir():
        raise ScaffoldError(f"{label or root} is not a folder")
    files = starter_files(name, today)
    _refuse_nested(root, [f for f in files if f.endswith(".yaml")], label)
    files |= {f"{SCHEMAS}/{file}": text for file, text in all_schemas().items()}
    return write_all(root, files, label)


def _refuse_nested(root: Path, yaml_files: list[str], label: str | None) -> None:
    """A workspace inside another would be read as part of it too (its config as a document
    of no kind, its ids as duplicates), unless the outer one's `exclude:` leaves it out."""
    existing = next(folder for folder in (root, *root.parents) if folder.exists())
    outer = find_root(existing)
    if outer is None or outer == root.resolve():
        return  # none, or this one: write_all names the journeyops.yaml that exists
    config, _, _ = load_config(DiskSource(outer))
    inside = root.resolve().relative_to(outer).as_posix()
    if select_files([f"{inside}/{file}" for file in yaml_files], config, NOT_INPUT):
        raise ScaffoldError(
            f"{label or root} is inside the workspace at {outer}, which would read the new "
            "one's files as its own",
            f"Start it elsewhere, or add `{inside}/**` to `exclude:` in {outer}/journeyops.yaml.",
        )


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a dangling link is a name in use too


def _listed(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:3])} and {len(names) - 3} more"
