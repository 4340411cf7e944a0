"""Options several commands share, and how help names values: by what a person types
(PATH, MODEL, N, FORMAT, DATE, REF, ID, FILE, DIR), never by Python type."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

WorkspacePath = Annotated[
    Path,
    typer.Argument(
        metavar="PATH",
        help="The workspace, or a folder in it: the root is the nearest folder above it "
        "with journeyops.yaml.",
        show_default="current folder",
    ),
]

NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write .journeyops-cache/.")
]


def at_least_one(value: int | None) -> int | None:
    """For counts such as --top: said in words in the help, checked here (a `min=1` would
    show `<int range> [x>=1]`)."""
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a count: give a number of at least 1")
    return value
