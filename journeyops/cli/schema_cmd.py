"""`journeyops schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.console import stdout_console
from journeyops.core.atomic import write_atomic
from journeyops.core.diagnostics import ExitStatus
from journeyops.model.json_schema import all_schemas


def schema(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the schemas into.")
    ] = Path("schemas"),
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if the files in --out are stale."),
    ] = False,
) -> None:
    """Write JSON Schemas (draft-07) for journeyops.yaml and every document kind.

    Point your editor at them for completion and inline errors, e.g. with the modeline
    `# yaml-language-server: $schema=../schemas/journey.schema.json`.

    Example:

      journeyops schema --out schemas/
    """
    console = stdout_console()
    stale = []
    for name, text in all_schemas().items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(name)
        if not check:
            write_atomic(target, text)
    if check and stale:
        console.print(
            f"stale schemas in {out}: {', '.join(stale)}; run `journeyops schema --out {out}`"
        )
        raise typer.Exit(ExitStatus.FINDINGS)
    verb = "up to date" if not stale else ("written" if not check else "")
    console.print(f"{len(all_schemas())} schemas in {out}: {verb}")
