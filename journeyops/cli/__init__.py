"""The command line: parse options, call the library, pick a reporter, exit.

`main` first tries to replay an unchanged `validate` run (see journeyops.cli.replay), so the
command-line machinery is imported only when there is work to do.
"""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING, Any, TextIO, cast

from journeyops.cli import replay

if TYPE_CHECKING:
    from journeyops.cli.commands import app

__all__ = ["app", "main"]


def main() -> None:
    argv = sys.argv[1:]
    try:
        replaying = replay.plan(argv)
    except Exception:  # replay only saves time: whatever goes wrong, take the normal path
        replaying = None
    if replaying is not None:
        recorded = replaying.output()
        if recorded is not None:
            sys.stdout.write(recorded.output)
            sys.exit(recorded.status)
    from journeyops.cli.commands import app
    from journeyops.cli.environment import Environment

    if replaying is None:
        app(prog_name="journeyops")
        return
    # The command writes to the environment's standard output, which keeps a copy to
    # record; the files read to make the key are handed over so none is read twice.
    tee = _Tee(sys.stdout)
    stdout = cast(TextIO, tee)  # a text stream, if not by class
    environment = Environment.from_process(stdout=stdout).with_source(replaying.source)
    try:
        app(args=argv, prog_name="journeyops", obj=environment)
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 1
        if status in (0, 1):  # findings or none; usage errors are not worth replaying
            replaying.record(tee.captured.getvalue(), status)
        raise


class _Tee(io.TextIOBase):
    """Standard output that also keeps a copy of what was written."""

    def __init__(self, target: TextIO) -> None:
        self.target = target
        self.captured = io.StringIO()

    def write(self, text: str) -> int:
        self.captured.write(text)
        return self.target.write(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()


def __getattr__(name: str) -> Any:
    if name == "app":  # imported on first use: `journeyops --version` should be quick too
        from journeyops.cli.commands import app

        return app
    raise AttributeError(name)
