"""`journeyops schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.runner import Run, execute
from journeyops.core.atomic import write_atomic
from journeyops.core.diagnostics import ExitStatus
from journeyops.model.json_schema import all_schemas
from journeyops.report.safe_text import printable


def schema(
    context: typer.Context,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="Folder to write the schemas into."),
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

    def command(run: Run) -> ExitStatus:
        schemas = all_schemas()
        stale = []
        for name, text in schemas.items():
            target = out / name
            if _current(target) == text:
                continue
            stale.append(name)
            if not check:
                with run.writing(str(target)):
                    write_atomic(target, text)
        if check and stale:
            listed = ", ".join(stale)
            run.out(
                printable(f"stale schemas in {out}: {listed}; run `journeyops schema --out {out}`")
            )
            run.out("\n")
            return ExitStatus.FINDINGS
        verb = "up to date" if not stale else ("written" if not check else "")
        run.out(printable(f"{len(schemas)} schemas in {out}: {verb}") + "\n")
        return ExitStatus.OK

    execute(context, command)


def _current(target: Path) -> str | None:
    """What a schema file holds now (line endings read as text reads them), or None when it
    cannot be read as UTF-8 text (missing, a folder, unreadable, other bytes): then it is
    stale, and writing it says what is wrong, if anything."""
    try:
        return target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
