"""Reading many files on all cores.

Workers parse with libyaml and send back each file's result pickled as plain data (what
the reader made of it, no positions, no pydantic models): measured, pickling models across
processes costs more than parsing them again. The same bytes are what the cache stores, so
a cold run fills the cache at no extra cost. Workers are forked, so they see the files'
bytes without copying them.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from journeyops.core.diagnostics import Finding
from journeyops.load.yaml_reader import read_yaml

# Below this much YAML, starting processes costs more than it saves.
PARALLEL_BYTES = 4_000_000

_FILES: dict[str, bytes] = {}  # set in the parent before forking; workers read it


@dataclass(frozen=True)
class Parsed:
    """What the YAML reader made of a file, as plain data: its documents' values (source
    maps are rebuilt from the bytes when needed) and its problems."""

    values: list[tuple[int, Any]]
    problems: list[Finding]


def parse(file: str, data: bytes) -> Parsed:
    result = read_yaml(data, file, positions=False)
    return Parsed([(d.index, d.value) for d in result.documents], result.problems)


def processes(total_bytes: int) -> int:
    """How many processes are worth starting for this much YAML."""
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    if total_bytes < PARALLEL_BYTES or not fork:
        return 1
    return min(len(os.sched_getaffinity(0)), 4)


def parse_pickled(files: dict[str, bytes], wanted: Iterable[str], count: int) -> dict[str, bytes]:
    """`{file: pickled Parsed}` for the `wanted` files, on `count` processes when that many
    can be started, else in this one."""
    todo = list(wanted)
    if count > 1 and len(todo) > 1:
        parsed = _parse_parallel(files, todo, count)
        if parsed is not None:
            return parsed
    return _parse_serial(files, todo)


def _parse_serial(files: dict[str, bytes], wanted: list[str]) -> dict[str, bytes]:
    return {f: pickle.dumps(parse(f, files[f]), pickle.HIGHEST_PROTOCOL) for f in wanted}


def _parse_parallel(
    files: dict[str, bytes], wanted: list[str], count: int
) -> dict[str, bytes] | None:
    """None when no pool of processes can be started (no /dev/shm, a process limit): the
    caller parses serially, as flake8 does. A failure inside a worker is not retried: it
    is a bug that the serial path would meet too."""
    _FILES.update(files)
    try:
        try:
            pool = multiprocessing.get_context("fork").Pool(count)
        except OSError:
            return None
        with pool:
            return dict(pool.imap_unordered(_work, wanted, chunksize=32))
    finally:
        _FILES.clear()


def _work(file: str) -> tuple[str, bytes]:
    return file, pickle.dumps(parse(file, _FILES[file]), pickle.HIGHEST_PROTOCOL)
