"""The progress bar of `journeyops render`: on stderr, only on a terminal, and only once a
render has taken more than a second, so that a quick render prints nothing extra and a
log never fills with redraws."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyops.cli.environment import Environment
    from journeyops.render import Progress

DELAY = 1.0  # seconds a render runs before its bar appears
# What render reports, in order: the bar's steps.
STAGES = ("validating", "ranking", "drawing and laying out", "writing")


class _LateBar:
    """A rich progress bar that shows itself only when `DELAY` has passed."""

    def __init__(self, env: Environment) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: PLC0415

        self.bar = Progress(
            TextColumn("rendering: {task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=env.stderr_console(),
            transient=True,
        )
        self.task = self.bar.add_task(STAGES[0], total=len(STAGES))
        self.lock = threading.Lock()
        self.shown = self.done = False
        self.timer = threading.Timer(DELAY, self._show)
        self.timer.daemon = True
        self.started = time.monotonic()

    def _show(self) -> None:
        with self.lock:
            if not self.done:
                self.bar.start()
                self.shown = True

    def stage(self, name: str) -> None:
        completed = STAGES.index(name) if name in STAGES else 0
        self.bar.update(self.task, description=name, completed=completed)

    def close(self) -> None:
        self.timer.cancel()
        with self.lock:
            self.done = True
            if self.shown:
                self.bar.update(self.task, completed=len(STAGES))
                self.bar.stop()


@contextmanager
def progress(env: Environment, *, quiet: bool) -> Iterator[Progress | None]:
    """A callback for `render(progress=...)`, or None where no bar belongs (not a
    terminal, `--quiet`)."""
    if quiet or not env.stderr_isatty:
        yield None
        return
    late = _LateBar(env)
    late.timer.start()
    try:
        yield late.stage
    finally:
        late.close()
