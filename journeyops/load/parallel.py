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
    """`{file: pickled Parsed}` for the `wanted` files, on `count` processes."""
    if count <= 1:
        return {f: pickle.dumps(parse(f, files[f]), pickle.HIGHEST_PROTOCOL) for f in wanted}
    _FILES.update(files)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return dict(pool.imap_unordered(_work, list(wanted), chunksize=32))
    finally:
        _FILES.clear()


def _work(file: str) -> tuple[str, bytes]:
    return file, pickle.dumps(parse(file, _FILES[file]), pickle.HIGHEST_PROTOCOL)
