"""`--format github`: GitHub Actions workflow commands, so findings show up as annotations
on the pull request's diff. Paths are relative to the repository root.

The runner reads every line a step prints, on standard output and standard error, and acts
on two forms of command: a line that starts with `::name ...::` (after leading blanks), and
the legacy `##[name ...]` anywhere in a line. Every output of journeyops can end up in a step's
log, so user text must never start a line or contain `##[`: `printable` keeps user text on
the line the tool started, and `without_legacy_commands` runs over each report as a whole.
"""

from __future__ import annotations

from journeyops.core.diagnostics import Diagnostic
from journeyops.report.base import Reporter
from journeyops.report.safe_text import LEGACY_COMMAND, printable
from journeyops.rules.validation import ValidationResult

# How each format writes the `[` of `##[` so that it reads the same and the runner skips it
# (JSON: `dumps_json` does it).
TEXT_BRACKET, XML_BRACKET = "\\x5b", "&#91;"


def without_legacy_commands(text: str, bracket: str = TEXT_BRACKET) -> str:
    """`text` with every `##[` written as `##` and the format's own escape of `[`: no
    replacement contains `[`, so none can form a new `##[`."""
    return text.replace(LEGACY_COMMAND, "##" + bracket) if LEGACY_COMMAND in text else text


class GithubReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        lines = "".join(self.command(d) + "\n" for d in result.diagnostics)
        return without_legacy_commands(lines)

    def command(self, d: Diagnostic) -> str:
        # printable() first: it keeps ESC (the log viewer renders ANSI), bidi controls and
        # undecodable bytes out of the log; then the runner's own %-escapes, so that what
        # printable left (a literal `%0A`, a `::`) is read back as text, never as syntax.
        properties = {
            "file": printable(self.context.in_repository(d.file)),
            "line": d.span.line,
            "col": d.span.column,
            "endLine": d.span.end_line,
            "endColumn": d.span.end_column,
            "title": f"{d.rule} {d.name}",
        }
        listed = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
        message = printable(d.message)
        if d.hint:  # the one line break in an annotation, written by us
            message += "\nhint: " + printable(d.hint)
        return f"::{d.severity.value} {listed}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
