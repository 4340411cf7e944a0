"""The YAML node graph -> plain data plus a source map, in one walk.

No Python object is ever constructed from a tag, so `!!python/object` and its kind cannot run
code; aliases are expanded against a node budget, so a billion-laughs document is refused
after a few hundred node visits instead of exhausting memory. Plain scalars that can only be
strings are handled inline, because a call per scalar is a large share of loading time.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops.core.diagnostics import Finding, Problem, Span
from journeyops.core.sourcemap import Path, RawSpan, SourceMap
from journeyops.load import yaml_scalars
from journeyops.load.yaml_scalars import SCALAR_TAGS, STR_TAG, TRIGGERS, ScalarError

MAX_DEPTH = 64
# Expanded size budget per document, aliases included. A 9 KB journey has ~750 nodes.
MAX_NODES = 1_000_000

PLAIN = "journeyops:plain"  # sentinel tag: untagged, unquoted scalar, resolved here
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
_MAP_TAGS = frozenset((MAP,))
_SEQ_TAGS = frozenset((SEQ,))


class Reject(Exception):
    """The document cannot be used; `at` is the 0-based span of the offending node."""

    def __init__(self, rule: str, message: str, at: RawSpan, hint: str | None = None) -> None:
        super().__init__(message)
        self.rule, self.message, self.at, self.hint = rule, message, at, hint


def raw_span(node: Node) -> RawSpan:
    start, end = node.start_mark, node.end_mark
    return (start.line, start.column, end.line, end.column)


class NeedPositions(Exception):
    """A plain build met something it can only report with positions (a duplicate key)."""


class Builder:
    """With `record`, every key, value and item gets its position in `source`; without, the
    build skips the paths and positions (most of the cost), and they are built again later
    only for the files that need them."""

    __slots__ = ("count", "file", "memo", "problems", "record", "source")

    def __init__(self, file: str, problems: list[Finding], *, record: bool) -> None:
        self.file = file
        self.problems = problems
        self.record = record
        self.source = SourceMap()
        self.count = 0
        # id(node) -> (value, expanded size) for collections; None while being built.
        self.memo: dict[int, tuple[Any, int] | None] = {}

    def node(self, node: Node, path: Path, depth: int = 0) -> Any:
        if self.record:
            start, end = node.start_mark, node.end_mark
            self.source.values[path] = (
                (start.line << 24 | start.column) << 24 | end.line
            ) << 24 | end.column
        self.count += 1
        if type(node) is ScalarNode:
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            message = f"nesting deeper than {MAX_DEPTH} levels"
            raise Reject("unsupported-yaml", message, raw_span(node))
        ident = id(node)
        if ident in self.memo:
            return self.alias(node, ident)
        self.memo[ident] = None
        before = self.count
        if type(node) is MappingNode:
            self.check_tag(node, _MAP_TAGS)
            value: Any = self.mapping(node, path, depth + 1)
        else:
            self.check_tag(node, _SEQ_TAGS)
            value = self.sequence(node, path, depth + 1)
        self.memo[ident] = (value, self.count - before + 1)
        return value

    def alias(self, node: Node, ident: int) -> Any:
        entry = self.memo[ident]
        if entry is None:
            raise Reject(
                "alias-limit",
                "an alias refers to the collection that contains it",
                raw_span(node),
                "anchors (&name) must be complete before an alias (*name) uses them",
            )
        value, size = entry
        self.count += size - 1
        if self.count > MAX_NODES:
            raise Reject(
                "alias-limit",
                f"aliases expand this document to more than {MAX_NODES:,} nodes",
                raw_span(node),
                "write the repeated content out, or use fewer nested aliases",
            )
        return value

    def scalar(self, node: Node) -> Any:
        tag = node.tag
        try:
            if tag is PLAIN:
                return yaml_scalars.plain(node.value)
            if tag is STR_TAG:
                return node.value
            if tag in SCALAR_TAGS:
                return yaml_scalars.construct(tag, node.value)
        except ScalarError as error:
            if tag is PLAIN:  # a date-like or number-like word that is not a valid one
                raise Reject(
                    "yaml-syntax",
                    f"'{node.value}' looks like a date or number but is not a valid one",
                    raw_span(node),
                    "correct the value, or quote it if it is meant as text",
                ) from None
            raise Reject(
                "unsupported-tag", str(error), raw_span(node), "correct the value or remove the tag"
            ) from None
        raise Reject(
            "unsupported-tag",
            f"the tag '{_short_tag(tag)}' is not allowed: journeyops reads plain YAML data only",
            raw_span(node),
            "remove the tag",
        )

    def check_tag(self, node: Node, allowed: frozenset[str]) -> None:
        if node.tag not in allowed:
            raise Reject(
                "unsupported-tag",
                f"the tag '{_short_tag(node.tag)}' is not allowed: "
                "journeyops reads plain YAML data only",
                raw_span(node),
                "remove the tag",
            )

    def mapping(self, node: Node, path: Path, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        merges: list[Node] = []
        record, values, keys = self.record, self.source.values, self.source.keys
        key_path: Path = ()
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise Reject(
                    "unsupported-yaml",
                    "a mapping key must be a plain value, not a list or mapping",
                    raw_span(key_node),
                )
            if key_node.tag is PLAIN and key_node.value == "<<":
                merges.append(value_node)
                continue
            key = self.scalar(key_node)
            if record:
                key_path = (*path, key)
            if key in out:
                self.duplicate_key(key, key_node, key_path)
                continue
            if record:
                start, end = key_node.start_mark, key_node.end_mark
                keys[key_path] = (
                    (start.line << 24 | start.column) << 24 | end.line
                ) << 24 | end.column
            if value_node.tag is PLAIN and type(value_node) is ScalarNode:
                # The common case inline: a call per scalar is a large share of loading time.
                text = value_node.value
                if text[:1] not in TRIGGERS:
                    if record:
                        start, end = value_node.start_mark, value_node.end_mark
                        values[key_path] = (
                            (start.line << 24 | start.column) << 24 | end.line
                        ) << 24 | end.column
                    self.count += 1
                    out[key] = text
                    continue
            out[key] = self.node(value_node, key_path, depth)
        for merge in merges:
            self.merge(out, merge, path, depth)
        return out

    def sequence(self, node: Node, path: Path, depth: int) -> list[Any]:
        out: list[Any] = []
        record, values = self.record, self.source.values
        item_path: Path = ()
        for index, item in enumerate(node.value):
            if record:
                item_path = (*path, index)
            if item.tag is PLAIN and type(item) is ScalarNode and item.value[:1] not in TRIGGERS:
                if record:
                    start, end = item.start_mark, item.end_mark
                    values[item_path] = (
                        (start.line << 24 | start.column) << 24 | end.line
                    ) << 24 | end.column
                self.count += 1
                out.append(item.value)
            else:
                out.append(self.node(item, item_path, depth))
        return out

    def duplicate_key(self, key: Any, key_node: Node, key_path: Path) -> None:
        if not self.record:  # naming both lines needs the first one's position
            raise NeedPositions
        first = self.source.span(key_path, key=True).line
        at = raw_span(key_node)
        span = Span(at[0] + 1, at[1] + 1, at[2] + 1, at[3] + 1)
        message = f"duplicate key '{key}': it is also defined on line {first}"
        hint = f"keep one '{key}' (lines {first} and {span.line}); YAML keeps only one of them"
        self.problems.append(Finding("duplicate-key", Problem(message, self.file, span, hint)))

    def merge(self, out: dict[Any, Any], merge: Node, path: Path, depth: int) -> None:
        """`<<: *defaults` copies the keys the mapping does not set itself."""
        sources = merge.value if type(merge) is SequenceNode else [merge]
        for source in sources:
            value = self.node(source, (*path, "<<") if self.record else (), depth)
            if not isinstance(value, dict):
                raise Reject("unsupported-yaml", "'<<' must merge a mapping", raw_span(source))
            for key, item in value.items():
                out.setdefault(key, item)


def _short_tag(tag: str) -> str:
    prefix = yaml_scalars.TAG_PREFIX
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
