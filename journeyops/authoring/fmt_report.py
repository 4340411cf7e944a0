"""What `journeyops fmt` tells people and tools: one reporter per format, in `REPORTERS`.

Problems (files that could not be read or parsed) are diagnostics, which the command shows
as every command does; these reporters list the files and, with `--diff`, what would change.
File names and file contents are user text: the text report escapes them (a diff line is
shown without its line break, so a file with CRLF line breaks reads like any other).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from journeyops.authoring.fmt import BOM, Formatted
from journeyops.authoring.fmt_files import FmtRun, Skipped
from journeyops.authoring.fmt_scan import BREAKS
from journeyops.core.diagnostics import Diagnostic
from journeyops.report.formatting import FORMAT_VERSION
from journeyops.report.json_report import as_dict
from journeyops.report.safe_text import dumps_json, printable


class FmtFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class Mode(StrEnum):
    WRITE = "write"  # rewrite the files
    CHECK = "check"  # list what would change
    DIFF = "diff"  # show what would change


@dataclass(frozen=True)
class FmtReport:
    """Everything one fmt run did, over one or more workspaces."""

    runs: list[FmtRun]
    mode: Mode
    diagnostics: list[Diagnostic]
    display: Callable[[Path, str], str]  # how to show a workspace path of a root
    skipped: list[Skipped]  # paths shown as the user gave them
    show_diff: bool = False


def unified_diff(name: str, result: Formatted) -> str:
    """The change as a unified diff (`a/NAME`, `b/NAME`), each line escaped."""
    before = _lines(result.before)
    after = _lines(result.after)
    diff = difflib.unified_diff(before, after, f"a/{name}", f"b/{name}", lineterm="")
    out = []
    for line in diff:
        ending = "\n\\ No newline at end of file" if line.endswith("\0") else ""
        out.append(printable(line.removesuffix("\0")) + ending + "\n")
    return "".join(out)


def _lines(data: bytes) -> list[str]:
    """Lines without their breaks; a last line without one is marked (with a NUL, which
    YAML never holds) so the diff can say so."""
    text = data.decode("utf-8").removeprefix(BOM)
    lines = BREAKS.split(text)
    if lines[-1] == "":
        lines.pop()
    elif lines:
        lines[-1] += "\0"
    return lines


def _status(report: FmtReport, result: Formatted) -> str:
    if result.problem is not None:
        return "left-alone"
    if not result.changed:
        return "unchanged"
    return "formatted" if report.mode is Mode.WRITE else "would-format"


def text_report(report: FmtReport) -> str:
    out: list[str] = []
    verb = "formatted" if report.mode is Mode.WRITE else "would format"
    counts = {"formatted": 0, "would-format": 0, "unchanged": 0, "left-alone": 0}
    for run in report.runs:
        for path, result in run.files.items():
            status = _status(report, result)
            counts[status] += 1
            if status in {"formatted", "would-format"}:
                shown = report.display(run.root, path)
                if report.show_diff:
                    out.append(unified_diff(shown, result))
                else:
                    out.append(f"{verb} {printable(shown)}\n")
    if report.show_diff:
        return "".join(out)  # a patch and nothing else, for `git apply`
    changed = counts["formatted"] + counts["would-format"]
    done = "formatted" if report.mode is Mode.WRITE else "would be formatted"
    summary = f"{_files(changed)} {done}, {counts['unchanged']} already formatted"
    if counts["left-alone"] or report.diagnostics:
        summary += f", {len(report.diagnostics)} problem(s) reported above"
    return "".join(out) + summary + "\n"


def json_report(report: FmtReport) -> str:
    files: list[dict[str, Any]] = []
    for run in report.runs:
        for path, result in run.files.items():
            entry: dict[str, Any] = {"file": path, "status": _status(report, result)}
            if len(report.runs) > 1 or run.root != report.runs[0].root:
                entry["workspace"] = report.display(run.root, ".")
            if report.show_diff and result.changed and result.problem is None:
                entry["diff"] = unified_diff(path, result)
            files.append(entry)
    skipped = [{"file": s.path, "reason": s.reason} for s in report.skipped]
    document = {
        "version": FORMAT_VERSION,
        "mode": report.mode.value,
        "files": files,
        "skipped": skipped,
        "diagnostics": [as_dict(d) for d in report.diagnostics],
    }
    return dumps_json(document) + "\n"


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


REPORTERS: dict[FmtFormat, Callable[[FmtReport], str]] = {
    FmtFormat.TEXT: text_report,
    FmtFormat.JSON: json_report,
}
