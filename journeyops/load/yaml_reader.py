"""Bytes -> YAML documents with a source map, fast and safe.

libyaml (through PyYAML's C parser) scans and composes the node graph with a resolver that
only marks plain scalars; `yaml_builder` then walks the graph once into plain data and
positions. Bytes the parser must never see (bad UTF-8, a YAML 1.1 directive, oversized files)
are turned away first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from journeyops.core.diagnostics import FILE_START, Finding, Problem, Span
from journeyops.core.sourcemap import MAX_FILE_BYTES, SourceMap, pack
from journeyops.load.regular_files import too_large_message
from journeyops.load.yaml_builder import MAP, PLAIN, SEQ, Builder, NeedPositions, Reject
from journeyops.load.yaml_problems import line_col, syntax_problem, utf8_problem, yaml_11_directive
from journeyops.load.yaml_scalars import STR_TAG

try:
    from yaml._yaml import CParser as _ParserBase
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml; source builds may not
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _ParserBase(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: bytes) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Composer(_ParserBase):
    """libyaml's composer with a resolver that only marks plain scalars for later."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR_TAG
        return MAP if kind is MappingNode else SEQ

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


@dataclass(slots=True)
class RawDocument:
    index: int
    value: Any
    source: SourceMap


@dataclass(slots=True)
class ParsedFile:
    documents: list[RawDocument] = field(default_factory=list)
    # (rule name, problem): the reader finds several kinds of problem; the engine names them.
    problems: list[Finding] = field(default_factory=list)


def read_yaml(data: bytes, file: str, *, positions: bool = True) -> ParsedFile:
    """Every document in `data`, or the problems that kept documents from being read.

    With `positions=False` the documents' source maps are built on first use, by reading
    `data` again with positions; a file with a duplicate key is read with them at once."""
    if not positions:
        try:
            return _read(data, file, LazyPositions(data, file))
        except NeedPositions:
            pass
    return _read(data, file, None)


class LazyPositions:
    """The positions of one file's documents, built on the first request for any of them."""

    def __init__(self, data: bytes, file: str) -> None:
        self.data, self.file = data, file
        self.maps: list[SourceMap] | None = None

    def source(self, index: int) -> SourceMap:
        return SourceMap(fill=partial(self._document, index))

    def _document(self, index: int) -> SourceMap:
        if self.maps is None:
            self.maps = [d.source for d in _read(self.data, self.file, None).documents]
        return self.maps[index] if index < len(self.maps) else SourceMap()


def _read(data: bytes, file: str, lazy: LazyPositions | None) -> ParsedFile:
    result = ParsedFile()
    if len(data) >= MAX_FILE_BYTES:  # from a git revision: a file on disk is not even read
        message, hint = too_large_message(len(data))
        result.problems.append(
            Finding("unsupported-yaml", Problem(message, file, FILE_START, hint))
        )
        return result
    bad_byte = utf8_problem(data, file)
    if bad_byte is not None:
        result.problems.append(Finding("invalid-encoding", bad_byte))
        return result
    if b"%YAML" in data:
        old_version = yaml_11_directive(data, file)
        if old_version is not None:
            result.problems.append(Finding("unsupported-yaml", old_version))
            return result
    parser = _Composer(data)
    try:
        while parser.check_node():
            root = parser.get_node()
            if root is None:  # pragma: no cover - check_node() said there is one
                break
            _build_document(root, len(result.documents), file, result, lazy)
            empty = type(root) is ScalarNode and root.value == "" and root.tag is PLAIN
            if empty and lazy is None:
                _point_at_separator(result.documents[-1].source, data, root.start_mark.line)
    except yaml.MarkedYAMLError as error:
        result.problems.append(syntax_problem(error, data, file))
    except yaml.reader.ReaderError as error:
        line, column = line_col(data, error.position)
        message = f"the file contains a character YAML does not allow ({error.reason})"
        hint = "remove control characters, or quote them as escapes such as \\x07"
        result.problems.append(
            Finding("yaml-syntax", Problem(message, file, Span.point(line, column), hint))
        )
    return result


def _build_document(
    root: Node, index: int, file: str, result: ParsedFile, lazy: LazyPositions | None
) -> None:
    builder = Builder(file, result.problems, record=lazy is None)
    try:
        value = builder.node(root, ())
    except Reject as reject:
        span = Span(reject.at[0] + 1, reject.at[1] + 1, reject.at[2] + 1, reject.at[3] + 1)
        result.problems.append(
            Finding(reject.rule, Problem(reject.message, file, span, reject.hint))
        )
        value = _REJECTED
    source = builder.source if lazy is None else lazy.source(index)
    result.documents.append(RawDocument(index, value, source))


def _point_at_separator(source: SourceMap, data: bytes, line: int) -> None:
    """An empty document's only node sits where the next one starts; the `---` that opened
    it is what the user needs to see."""
    lines = data.split(b"\n")
    if line < len(lines) and lines[line].startswith(b"---"):
        line -= 1  # the node sits on the next document's separator
    for number in range(min(line, len(lines) - 1), -1, -1):
        if lines[number].startswith(b"---"):
            source.values[()] = pack(number, 0, number, 3)
            return


class Rejected:
    """Stands in for a document the reader refused; its problem is already reported."""


_REJECTED = Rejected()
