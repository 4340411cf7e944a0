"""Bytes -> YAML documents with a source map, fast and safe.

libyaml (through PyYAML's C parser) scans and composes the node graph; this module then walks
the graph once, building plain dicts, lists and scalars while recording where every key and
value sits. No Python object is ever constructed from a tag, so `!!python/object` and its kind
cannot run code; aliases are expanded against a node budget, so a billion-laughs document is
refused after a few hundred node visits instead of exhausting memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops.diagnostics import FILE_START, Problem, Span
from journeyops.load import yaml_scalars
from journeyops.load.yaml_scalars import SCALAR_TAGS, STR_TAG, TRIGGERS, ScalarError
from journeyops.sourcemap import MAX_FILE_BYTES, Path, RawSpan, SourceMap, pack

MAX_DEPTH = 64
# Expanded size budget per document, aliases included. A 9 KB journey has ~750 nodes.
MAX_NODES = 1_000_000

_PLAIN = "journeyops:plain"  # sentinel tag: untagged, unquoted scalar, resolved later
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MAP_TAGS = frozenset((_MAP,))
_SEQ_TAGS = frozenset((_SEQ,))

try:
    from yaml._yaml import CParser as _ParserBase

    HAVE_LIBYAML = True
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

    HAVE_LIBYAML = False


class _Composer(_ParserBase):
    """libyaml's composer with a resolver that only marks plain scalars for later."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else STR_TAG
        return _MAP if kind is MappingNode else _SEQ

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
    problems: list[tuple[str, Problem]] = field(default_factory=list)


class _Reject(Exception):
    def __init__(self, rule: str, message: str, at: RawSpan, hint: str | None = None) -> None:
        super().__init__(message)
        self.rule, self.message, self.at, self.hint = rule, message, at, hint


def read_yaml(data: bytes, file: str) -> ParsedFile:
    """Every document in `data`, or the problems that kept documents from being read."""
    result = ParsedFile()
    if len(data) >= MAX_FILE_BYTES:
        message = f"the file is {len(data) / 2**20:.0f} MiB; journeyops reads files below 16 MiB"
        hint = "split it into several files (a file may hold many `---` separated documents)"
        result.problems.append(("unsupported-yaml", Problem(message, file, FILE_START, hint)))
        return result
    bad_byte = _utf8_problem(data, file)
    if bad_byte is not None:
        result.problems.append(("invalid-encoding", bad_byte))
        return result
    if b"%YAML" in data:
        old_version = _yaml_11_directive(data, file)
        if old_version is not None:
            result.problems.append(("unsupported-yaml", old_version))
            return result
    parser = _Composer(data)
    try:
        while parser.check_node():
            root = parser.get_node()
            if root is None:  # pragma: no cover - check_node() said there is one
                break
            _build_document(root, len(result.documents), file, result)
            if type(root) is ScalarNode and root.value == "" and root.tag is _PLAIN:
                _point_at_separator(result.documents[-1].source, data, root.start_mark.line)
    except yaml.MarkedYAMLError as error:
        result.problems.append(_syntax_problem(error, data, file))
    except yaml.reader.ReaderError as error:
        line, column = _line_col(data, error.position)
        message = f"the file contains a character YAML does not allow ({error.reason})"
        hint = "remove control characters, or quote them as escapes such as \\x07"
        result.problems.append(
            ("yaml-syntax", Problem(message, file, Span.point(line, column), hint))
        )
    return result


def _build_document(root: Node, index: int, file: str, result: ParsedFile) -> None:
    builder = _Builder(file, result.problems)
    try:
        value = builder.node(root, ())
    except _Reject as reject:
        span = Span(reject.at[0] + 1, reject.at[1] + 1, reject.at[2] + 1, reject.at[3] + 1)
        result.problems.append((reject.rule, Problem(reject.message, file, span, reject.hint)))
        value = _REJECTED
    result.documents.append(RawDocument(index, value, builder.source))


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


def _raw(node: Node) -> RawSpan:
    start, end = node.start_mark, node.end_mark
    return (start.line, start.column, end.line, end.column)


class _Builder:
    __slots__ = ("count", "file", "memo", "problems", "source")

    def __init__(self, file: str, problems: list[tuple[str, Problem]]) -> None:
        self.file = file
        self.problems = problems
        self.source = SourceMap()
        self.count = 0
        # id(node) -> (value, expanded size) for collections; None while being built.
        self.memo: dict[int, tuple[Any, int] | None] = {}

    def node(self, node: Node, path: Path) -> Any:
        start, end = node.start_mark, node.end_mark
        self.source.values[path] = (
            (start.line << 24 | start.column) << 24 | end.line
        ) << 24 | end.column
        self.count += 1
        if type(node) is ScalarNode:
            return self.scalar(node)
        if len(path) >= MAX_DEPTH:
            raise _Reject("unsupported-yaml", f"nesting deeper than {MAX_DEPTH} levels", _raw(node))
        ident = id(node)
        if ident in self.memo:
            return self.alias(node, ident)
        self.memo[ident] = None
        before = self.count
        if type(node) is MappingNode:
            self.check_tag(node, _MAP_TAGS)
            value: Any = self.mapping(node, path)
        else:
            self.check_tag(node, _SEQ_TAGS)
            value = self.sequence(node, path)
        self.memo[ident] = (value, self.count - before + 1)
        return value

    def alias(self, node: Node, ident: int) -> Any:
        entry = self.memo[ident]
        if entry is None:
            raise _Reject(
                "alias-limit",
                "an alias refers to the collection that contains it",
                _raw(node),
                "anchors (&name) must be complete before an alias (*name) uses them",
            )
        value, size = entry
        self.count += size - 1
        if self.count > MAX_NODES:
            raise _Reject(
                "alias-limit",
                f"aliases expand this document to more than {MAX_NODES:,} nodes",
                _raw(node),
                "write the repeated content out, or use fewer nested aliases",
            )
        return value

    def scalar(self, node: Node) -> Any:
        tag = node.tag
        try:
            if tag is _PLAIN:
                return yaml_scalars.plain(node.value)
            if tag is STR_TAG:
                return node.value
            if tag in SCALAR_TAGS:
                return yaml_scalars.construct(tag, node.value)
        except ScalarError as error:
            if tag is _PLAIN:  # a date-like or number-like word that is not a valid one
                raise _Reject(
                    "yaml-syntax",
                    f"'{node.value}' looks like a date or number but is not a valid one",
                    _raw(node),
                    "correct the value, or quote it if it is meant as text",
                ) from None
            raise _Reject(
                "unsupported-tag", str(error), _raw(node), "correct the value or remove the tag"
            ) from None
        raise _Reject(
            "unsupported-tag",
            f"the tag '{_short_tag(tag)}' is not allowed: journeyops reads plain YAML data only",
            _raw(node),
            "remove the tag",
        )

    def check_tag(self, node: Node, allowed: frozenset[str]) -> None:
        if node.tag not in allowed:
            raise _Reject(
                "unsupported-tag",
                f"the tag '{_short_tag(node.tag)}' is not allowed: "
                "journeyops reads plain YAML data only",
                _raw(node),
                "remove the tag",
            )

    def mapping(self, node: Node, path: Path) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        merges: list[Node] = []
        values, keys = self.source.values, self.source.keys
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise _Reject(
                    "unsupported-yaml",
                    "a mapping key must be a plain value, not a list or mapping",
                    _raw(key_node),
                )
            if key_node.tag is _PLAIN and key_node.value == "<<":
                merges.append(value_node)
                continue
            key = self.scalar(key_node)
            key_path = (*path, key)
            if key in out:
                self.duplicate_key(key, key_node, key_path)
                continue
            start, end = key_node.start_mark, key_node.end_mark
            keys[key_path] = ((start.line << 24 | start.column) << 24 | end.line) << 24 | end.column
            if value_node.tag is _PLAIN and type(value_node) is ScalarNode:
                # The common case inline: a call per scalar is a large share of loading time.
                text = value_node.value
                if text[:1] not in TRIGGERS:
                    start, end = value_node.start_mark, value_node.end_mark
                    values[key_path] = (
                        (start.line << 24 | start.column) << 24 | end.line
                    ) << 24 | end.column
                    self.count += 1
                    out[key] = text
                    continue
            out[key] = self.node(value_node, key_path)
        for merge in merges:
            self.merge(out, merge, path)
        return out

    def sequence(self, node: Node, path: Path) -> list[Any]:
        out: list[Any] = []
        values = self.source.values
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            if item.tag is _PLAIN and type(item) is ScalarNode and item.value[:1] not in TRIGGERS:
                start, end = item.start_mark, item.end_mark
                values[item_path] = (
                    (start.line << 24 | start.column) << 24 | end.line
                ) << 24 | end.column
                self.count += 1
                out.append(item.value)
            else:
                out.append(self.node(item, item_path))
        return out

    def duplicate_key(self, key: Any, key_node: Node, key_path: Path) -> None:
        first = self.source.span(key_path, key=True).line
        at = _raw(key_node)
        span = Span(at[0] + 1, at[1] + 1, at[2] + 1, at[3] + 1)
        message = f"duplicate key '{key}': it is also defined on line {first}"
        hint = f"keep one '{key}' (lines {first} and {span.line}); YAML keeps only one of them"
        self.problems.append(("duplicate-key", Problem(message, self.file, span, hint)))

    def merge(self, out: dict[Any, Any], merge: Node, path: Path) -> None:
        """`<<: *defaults` copies the keys the mapping does not set itself."""
        sources = merge.value if type(merge) is SequenceNode else [merge]
        for source in sources:
            value = self.node(source, (*path, "<<"))
            if not isinstance(value, dict):
                raise _Reject("unsupported-yaml", "'<<' must merge a mapping", _raw(source))
            for key, item in value.items():
                out.setdefault(key, item)


def _short_tag(tag: str) -> str:
    prefix = yaml_scalars.TAG_PREFIX
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _utf8_problem(data: bytes, file: str) -> Problem | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col(data, error.start)
        return Problem(
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            file,
            Span.point(line, column),
            "save the file with UTF-8 encoding",
        )
    return None


def _yaml_11_directive(data: bytes, file: str) -> Problem | None:
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


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
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


def _syntax_problem(error: yaml.MarkedYAMLError, data: bytes, file: str) -> tuple[str, Problem]:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or error.context or "invalid YAML"
    tab = _indenting_tab(data, line)
    if tab is not None:
        message = "a tab character is used for indentation; YAML allows only spaces"
        return "tab-indentation", Problem(
            message, file, Span.point(line, tab), "replace the tab with spaces"
        )
    message = f"YAML syntax error: {problem}"
    if error.context and error.context_mark is not None and error.problem:
        message += f" ({error.context} on line {error.context_mark.line + 1})"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if problem.startswith(key)), None)
    return "yaml-syntax", Problem(message, file, Span.point(line, column), hint)
