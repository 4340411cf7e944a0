"""`journeyops fmt` as a library call on one file: bytes in, bytes out.

The layout itself is `fmt_layout`; this module decides whether a file may be formatted at
all, and proves that the new layout changed nothing else before anyone writes it: the new
text must parse to the same events (documents, values, anchors and aliases, tags, scalar
styles, markers), hold the same comments in the same order, and be its own layout (so a
second run changes nothing). A file that fails any of these is left as it is, with a
problem that says why; so is a file that does not parse.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from journeyops.authoring.fmt_layout import layout
from journeyops.authoring.fmt_scan import Scanned, meaning, scan
from journeyops.core.diagnostics import FILE_START, Finding, Problem, Span
from journeyops.load.yaml_problems import line_col, syntax_problem, utf8_problem

BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Formatted:
    """One file's result: its bytes in the canonical layout, or why it was left alone."""

    before: bytes
    after: bytes
    problem: Finding | None = None

    @property
    def changed(self) -> bool:
        return self.after != self.before


def format_yaml(data: bytes, file: str) -> Formatted:
    """`data` in the canonical layout, keeping its byte-order mark and line breaks; when it
    is not UTF-8 YAML, or its layout cannot be changed safely, the same bytes and a problem."""
    encoding = utf8_problem(data, file)
    if encoding is not None:
        return Formatted(data, data, Finding("invalid-encoding", encoding))
    text = data.decode("utf-8")
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    scanned = _scan(body, data, file)
    if isinstance(scanned, Finding):
        return Formatted(data, data, scanned)
    formatted = layout(body, scanned)
    if formatted == body:
        return Formatted(data, data)
    unsafe = _unsafe(scanned, formatted)
    if unsafe is not None:
        return Formatted(data, data, _refused(file, unsafe))
    return Formatted(data, (bom + formatted).encode("utf-8"))


def _scan(text: str, data: bytes, file: str) -> Scanned | Finding:
    try:
        return scan(text)
    except yaml.MarkedYAMLError as error:
        return syntax_problem(error, data, file)
    except yaml.reader.ReaderError as error:
        line, column = line_col(data, error.position)
        message = f"the file contains a character YAML does not allow ({error.reason})"
        hint = "remove control characters, or quote them as escapes such as \\x07"
        return Finding("yaml-syntax", Problem(message, file, Span.point(line, column), hint))


def _unsafe(before: Scanned, text: str) -> str | None:
    """What would change besides the layout, if anything."""
    try:
        after = scan(text)
    except yaml.YAMLError:
        return "the new layout would not parse"
    if meaning(after.events) != meaning(before.events):
        return "the new layout would change what the file means"
    if [c.text.rstrip() for c in after.comments] != [c.text.rstrip() for c in before.comments]:
        return "the new layout would change a comment"
    if layout(text, after) != text:
        return "the new layout is not stable (a second run would change it again)"
    return None


def _refused(file: str, why: str) -> Finding:
    message = f"fmt left the file as it is: {why}"
    hint = "lay this part out by hand; a file that parses should not get here, please report it"
    return Finding("unsupported-yaml", Problem(message, file, FILE_START, hint))
