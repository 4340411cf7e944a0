"""Problems found in a file's bytes or reported by the YAML parser, in the user's words."""

from __future__ import annotations

import yaml

from journeyops.core.diagnostics import Finding, Problem, Span


def utf8_problem(data: bytes, file: str) -> Problem | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_col(data, error.start)
        return Problem(
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            file,
            Span.point(line, column),
            "save the file with UTF-8 encoding",
        )
    return None


def yaml_11_directive(data: bytes, file: str) -> Problem | None:
    """`%YAML 1.1` would change what `yes` or `0017` mean in ruamel (and so in `fmt`)."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.startswith(b"%YAML") and line.split()[1:2] != [b"1.2"]:
            return Problem(
                "journeyops reads YAML 1.2 only, so this %YAML directive would change meanings",
                file,
                Span(number, 1, number, len(line) + 1),
                "remove the directive (YAML 1.2 is the default)",
            )
    return None


def _indenting_tab(data: bytes, line: int) -> int | None:
    """The column of a tab in the leading white space of `line`, the usual cause of an error."""
    lines = data.split(b"\n", line)
    if len(lines) < line:
        return None
    text = lines[line - 1]
    indent = text[: len(text) - len(text.lstrip(b" \t"))]
    return indent.index(b"\t") + 1 if b"\t" in indent else None


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


_SYNTAX_HINTS = {
    "mapping values are not allowed": (
        "a value that contains ': ' must be quoted, or the line is indented too far"
    ),
    "could not find expected ':'": "every key needs a ':' after it; check the line's indentation",
    "found undefined alias": "define the anchor (&name) before the alias (*name) that uses it",
    "did not find expected key": "check the indentation: siblings must line up exactly",
    "did not find expected '-' indicator": "items of a list must line up under each other",
}


def syntax_problem(error: yaml.MarkedYAMLError, data: bytes, file: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or error.context or "invalid YAML"
    tab = _indenting_tab(data, line)
    if tab is not None:
        message = "a tab character is used for indentation; YAML allows only spaces"
        where = Span.point(line, tab)
        return Finding(
            "tab-indentation", Problem(message, file, where, "replace the tab with spaces")
        )
    message = f"YAML syntax error: {problem}"
    if error.context and error.context_mark is not None and error.problem:
        message += f" ({error.context} on line {error.context_mark.line + 1})"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if problem.startswith(key)), None)
    return Finding("yaml-syntax", Problem(message, file, Span.point(line, column), hint))
