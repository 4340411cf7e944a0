"""What a command may know of the process it runs in: its streams, their terminal width and
colour, the environment variables and the current folder, injected rather than read from
`sys` and `os` so that tests and replay run a command with their own (httpie's
`Environment` is the model)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from journeyops.load.sources import WorkspaceSource


@dataclass(frozen=True)
class Environment:
    stdout: TextIO
    stderr: TextIO
    environ: Mapping[str, str]
    cwd: Path
    stdout_isatty: bool = False
    # A workspace main() has already read (to look for a replay), so that nothing is read
    # twice; commands use it when it is the workspace they were asked for.
    source: WorkspaceSource | None = None

    @classmethod
    def from_process(cls, stdout: TextIO | None = None) -> Environment:
        """This process's streams, environment and folder; `stdout` replaces standard
        output (replay passes one that keeps a copy of what is written)."""
        out = stdout or sys.stdout
        return cls(
            stdout=out,
            stderr=sys.stderr,
            environ=dict(os.environ),
            cwd=Path.cwd(),
            stdout_isatty=sys.stdout.isatty(),
        )

    def with_source(self, source: WorkspaceSource) -> Environment:
        return replace(self, source=source)
