"""A workspace as it is at a git revision, read from git's object store (no checkout), and
the files a working tree has changed since a revision.

The only module that runs git. A revision the user typed is resolved once, by
`resolve_revision`, to a commit's object id; every later git command is given that id,
never the user's text, so a "revision" such as `--output=FILE` can never reach git as an
option. File names come from git as bytes and are decoded as `os.walk` decodes names on
disk (`os.fsdecode`, surrogateescape), so a name that is not UTF-8 stays exact.
"""

from __future__ import annotations

import errno
import posixpath
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from journeyops.core.sourcemap import MAX_FILE_BYTES
from journeyops.load.sources import CONFIG_FILE, YAML_SUFFIXES, MemorySource

# SHA-1 or SHA-256 repositories
OBJECT_ID = re.compile(rb"[0-9a-f]{40}(?:[0-9a-f]{24})?")
LINK_MODE = b"120000"
LINK_HOPS = 40  # as the kernel's limit on nested links
LINK_BYTES = 4096  # a link's target is a name, at most PATH_MAX long


class GitError(Exception):
    """git is missing, the folder is not in a repository, or the revision names no commit."""


@dataclass(frozen=True)
class Revision:
    """A commit the user named: `name` as they wrote it, for messages; `object_id`, the only
    form of it any git command is given."""

    name: str
    object_id: str


class RevisionSource(MemorySource):
    """The files of a revision, and the ones that cannot be read from it (a link that leads
    out of the workspace, a file too large to read), which fail as a file on disk would."""

    def __init__(self, files: dict[str, bytes], unreadable: dict[str, OSError]) -> None:
        super().__init__(files)
        self.unreadable = unreadable
        self.listing = MemorySource(dict.fromkeys(files.keys() | unreadable.keys(), b""))

    def read(self, path: str) -> bytes:
        if path in self.unreadable:
            raise self.unreadable[path]
        return super().read(path)

    def yaml_files(self) -> Iterator[str]:
        return self.listing.yaml_files()

    def holds(self, path: str) -> bool:
        return path in self.files or path in self.unreadable


def resolve_revision(root: Path, name: str) -> Revision:
    """The commit `name` (a branch, tag, commit or any git revision expression) names in the
    repository that holds `root`. Raises GitError saying why it names none."""
    if not name:
        raise GitError("an empty revision names no commit")
    if name.startswith("-"):
        # `git branch` refuses such names, and git reads such text as an option; a ref that
        # does start with '-' (update-ref allows it) is still reachable by its full name.
        raise GitError(
            f"revision '{name}' starts with '-': git would read it as an option; "
            "give a branch, tag or commit (write a ref in full, e.g. refs/heads/NAME)"
        )
    if "\0" in name:
        raise GitError("a revision cannot contain a NUL character")
    query = f"{name}^{{commit}}"
    done = _run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", query)
    found = done.stdout.strip()
    if done.returncode == 0 and OBJECT_ID.fullmatch(found):
        return Revision(name, found.decode("ascii"))
    if done.returncode != 1:  # not a repository, dubious ownership, ...: git says why
        raise GitError(f"git rev-parse failed: {_reason(done)}")
    raise GitError(_why_no_commit(root, name))


def read_revision(root: Path, revision: Revision) -> RevisionSource:
    """The workspace at `root` as it was at `revision`; empty if it did not exist then.

    `ls-tree` runs in `root`, so git lists that folder's subtree with paths relative to it:
    no path of ours is given to git, so no pathspec magic or odd folder name can widen it."""
    entries = _list_tree(root, revision)
    links = {p: e[1] for p, e in entries.items() if e[0] == LINK_MODE and e[2] < LINK_BYTES}
    targets = _cat_files(root, list(links.values()))
    link_targets = {path: _file_name(targets[object_id]) for path, object_id in links.items()}
    blobs: dict[str, bytes] = {}  # path -> object id
    unreadable: dict[str, OSError] = {}
    for path in entries:
        if not (path.endswith(YAML_SUFFIXES) or path == CONFIG_FILE):
            continue
        target = _follow_links(path, entries, link_targets)
        if isinstance(target, OSError):
            unreadable[path] = target
        elif entries[target][2] >= MAX_FILE_BYTES:
            # Not fetched at all: a huge committed blob must not fill memory.
            size = entries[target][2] / 2**20
            message = f"the file is {size:.0f} MiB; journeyops reads files below 16 MiB"
            unreadable[path] = OSError(errno.EFBIG, message)
        else:
            blobs[path] = entries[target][1]
    data = _cat_files(root, list(blobs.values()))
    return RevisionSource({path: data[object_id] for path, object_id in blobs.items()}, unreadable)


def changed_files(root: Path, revision: Revision) -> set[str]:
    """Files below `root` that differ from `revision`: committed, staged, unstaged or new."""
    diff = _git(
        root,
        *("diff", "--name-only", "-z", "--relative", "--no-renames"),
        *("--no-ext-diff", "--no-textconv"),
        *("--end-of-options", revision.object_id, "--"),
    )
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--")
    return {_file_name(p) for p in (diff + b"\0" + untracked).split(b"\0") if p}


Entries = dict[str, tuple[bytes, bytes, int]]  # path -> (mode, object id, size)


def _list_tree(root: Path, revision: Revision) -> Entries:
    listing = _git(root, "ls-tree", "-r", "-z", "-l", "--end-of-options", revision.object_id)
    entries: Entries = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        info, tab, raw_path = entry.partition(b"\t")
        fields = info.split()
        mode, kind, object_id, size = fields if len(fields) == 4 else [b""] * 4
        if not (tab and OBJECT_ID.fullmatch(object_id) and (kind != b"blob" or size.isdigit())):
            raise GitError(f"unexpected output from git ls-tree: {entry[:100]!r}")
        if kind == b"blob":  # not a submodule's commit
            entries[_file_name(raw_path)] = (mode, object_id, int(size))
    return entries


def _file_name(raw: bytes, errors: str | None = None) -> str:
    """A file name from git, as `os.walk` names the same file on disk (`os.fsdecode`).
    Where the system cannot hold the name (Windows takes only UTF-8), it is kept readable
    with its odd bytes escaped, so the file is still reported, under a name close to git's."""
    encoding = sys.getfilesystemencoding()
    try:
        return raw.decode(encoding, errors or sys.getfilesystemencodeerrors())
    except UnicodeDecodeError:
        return raw.decode(encoding, "backslashreplace")


def _follow_links(path: str, entries: Entries, link_targets: dict[str, str]) -> str | OSError:
    """The file `path` leads to within the revision's workspace, following committed links
    (a link's blob is its target's name), so that only files of the workspace are read."""
    for _ in range(LINK_HOPS):
        if entries[path][0] != LINK_MODE:
            return path
        if path not in link_targets:
            return OSError(errno.ENAMETOOLONG, "a link whose target name is too long")
        target = link_targets[path]
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        if target.startswith("/") or resolved == ".." or resolved.startswith("../"):
            return OSError(errno.EXDEV, "a link to outside the workspace, which is not read")
        if resolved not in entries:
            return OSError(errno.ENOENT, "a link to a file that is not in the revision")
        path = resolved
    return OSError(errno.ELOOP, "too many levels of links")


def _cat_files(root: Path, object_ids: list[bytes]) -> dict[bytes, bytes]:
    """Every blob through one `git cat-file --batch`, not one process per file, asked for by
    object id (measured on 7,400 files: 0.07 s, against 3.1 s for `revision:path` names).
    Each answer is checked against what was asked, so output git did not mean is an error,
    never a misread file."""
    unique = list(dict.fromkeys(object_ids))
    if not unique:
        return {}
    output = _git(root, "cat-file", "--batch", stdin=b"".join(o + b"\n" for o in unique))
    blobs, offset = {}, 0
    for object_id in unique:
        header_end = output.find(b"\n", offset)
        header = output[offset:header_end].split(b" ") if header_end >= 0 else []
        if len(header) != 3 or header[:2] != [object_id, b"blob"] or not header[2].isdigit():
            raise GitError(f"git could not read object {object_id.decode('ascii')}")
        end = header_end + 1 + int(header[2])
        if output[end : end + 1] != b"\n":
            raise GitError(f"git cat-file cut object {object_id.decode('ascii')} short")
        blobs[object_id] = output[header_end + 1 : end]
        offset = end + 1
    return blobs


def _why_no_commit(root: Path, name: str) -> str:
    """Why a revision resolved to no commit, in the words a user can act on."""
    plain = _run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", name)
    object_id = plain.stdout.strip()
    if plain.returncode == 0 and OBJECT_ID.fullmatch(object_id):
        kind = _run(root, "cat-file", "-t", object_id.decode("ascii")).stdout.decode().strip()
        return f"revision '{name}' names a {kind or 'git object'}, not a commit"
    if ".." in name:
        return (
            f"'{name}' is a range; give one commit (for a pull request, the merge base: "
            "`git merge-base origin/main HEAD`)"
        )
    if _run(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return f"unknown revision '{name}': the repository has no commits yet"
    return (
        f"unknown revision '{name}': no branch, tag or commit of that name "
        "(a shallow CI clone may need `git fetch` of it first)"
    )


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = _run(cwd, *args, stdin=stdin)
    if done.returncode != 0:
        raise GitError(f"git {args[0]} failed: {_reason(done)}")
    return done.stdout


def _run(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from None


def _reason(done: subprocess.CompletedProcess[bytes]) -> str:
    """git's own explanation: its fatal/error line (the lines after it are advice)."""
    lines = done.stderr.decode(errors="replace").strip().splitlines()
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line.split(":", 1)[1].strip()
    return lines[0] if lines else f"exit status {done.returncode}"
