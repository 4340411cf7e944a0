"""What `validate` reads from its command line and environment, declared once for replay.

Replay (`cli/replay.py`) decides whether a command line can be replayed before typer is
imported, so it cannot ask the `validate` command what its options are. This module says
it instead, and a test holds it to the real command's click parameters: an option added to
`validate` and not declared here fails that test, so replay never keys a run by a copy of
the options that has drifted from the command.
"""

from __future__ import annotations

COMMAND = "validate"
# The command's arguments (by parameter name): a plain run names at most one PATH.
ARGUMENTS = ("path",)
# Options a replayed run may carry, each with a value (by parameter name: their spellings).
# What they say shapes only the report on standard output, and the command line is part of
# the key, so a different value is a different record.
REPLAYED: dict[str, tuple[str, ...]] = {
    "formats": ("--format", "-f"),
    "today": ("--today",),
}
# Options that always take the normal path: a report written to a file, findings narrowed by
# git (whose answer is not among the files replay hashes), or no cache at all.
NOT_REPLAYED: dict[str, tuple[str, ...]] = {
    "outputs": ("--output", "-o"),
    "changed_since": ("--changed-since",),
    "no_cache": ("--no-cache",),
}
# The environment variables that shape validate's output (colour, width, annotations).
ENVIRONMENT = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "COLUMNS", "GITHUB_ACTIONS")

_WITH_VALUE = frozenset(spelling for spellings in REPLAYED.values() for spelling in spellings)


def replayable_path(argv: list[str]) -> str | None:
    """The PATH of `validate [PATH] [--today D] [--format F ...]` ("." when none is given),
    or None when the command line is anything else (another command, an option not
    replayed, `--help`, a second path, an option without its value)."""
    if not argv or argv[0] != COMMAND:
        return None
    path: str | None = None
    rest = iter(argv[1:])
    for arg in rest:
        if arg in _WITH_VALUE:
            if next(rest, None) is None:
                return None
        elif arg.startswith("-") or path is not None:
            return None
        else:
            path = arg
    return path or "."
