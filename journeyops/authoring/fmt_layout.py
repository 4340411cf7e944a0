"""The formatter's layout: new indentation and spacing for the lines of a YAML text, and
nothing else.

Only white space changes, and only where YAML gives it no meaning: the indentation of the
lines that start a mapping key or a sequence entry (2 spaces per level, a sequence indented
under its key), the one space after `-`, `?` and `:`, the one space before an inline
comment, trailing white space and the white space of blank lines. Every other line (the rest
of a long scalar, a flow collection, a block scalar's text, a comment) moves with the
collection it belongs to, so what it means stays the same: a block scalar's text keeps its
indentation relative to its collection, which is what YAML measures it by. Characters that
are not white space are never touched, so scalars, quotes, anchors, tags, flow collections,
markers and comments stay exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yaml import tokens as t

from journeyops.authoring.fmt_scan import BREAKS, Scanned

INDENT = 2
COMMENT_GAP = " "  # before an inline comment (issue 14; yamllint's default asks for two)
_STRUCTURE = (t.BlockMappingStartToken, t.BlockSequenceStartToken, t.BlockEntryToken)
_FIXED = (t.DocumentStartToken, t.DocumentEndToken, t.DirectiveToken)
_SILENT = (t.StreamStartToken, t.StreamEndToken)
_HEADER = re.compile(r"[|>](?:([1-9])[+-]?|[+-]([1-9])?)?")


@dataclass(slots=True)
class _Block:
    """A block collection still open at some point of the token stream."""

    old: int  # its column as written
    new: int  # its column in the canonical layout
    sequence: bool
    indentless: bool = False  # a sequence written at its key's column

    @property
    def delta(self) -> int:
        return self.new - self.old


@dataclass(slots=True)
class _Line:
    text: str
    brk: str  # the line break after it, as found ("" for the last line)
    indent: int | None = None  # the new indentation; None: decided by the line's kind
    delta: int | None = None  # or a shift of the indentation it has
    block_indent: int | None = None  # a block scalar's text: its indentation as written
    keep_end: bool = False  # trailing white space is part of a scalar
    comment: bool = False
    gaps: list[tuple[int, int, str]] = field(default_factory=list)  # spans and their new text

    @property
    def spaces(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


def split_lines(text: str) -> list[_Line]:
    parts = BREAKS.split(text)
    breaks = BREAKS.findall(text)
    return [_Line(part, breaks[i] if i < len(breaks) else "") for i, part in enumerate(parts)]


def layout(text: str, scanned: Scanned) -> str:
    """`text` in the canonical layout; `scanned` is what fmt_scan.scan made of it."""
    lines = split_lines(text)
    _plan_tokens(lines, scanned)
    for comment in scanned.comments:
        line = lines[comment.line]
        before = line.text[: comment.column].rstrip(" \t")
        if before:
            line.gaps.append((len(before), comment.column, COMMENT_GAP))
        elif line.indent is None and line.delta is None:
            line.comment = True
    _place_comments(lines)
    out = [_render(line) + line.brk for line in lines]
    # A final newline, in the file's own style; not after a block scalar's last line,
    # where it would become part of the text.
    if out[-1] and lines[-1].block_indent is None:
        out[-1] += next((line.brk for line in lines if line.brk), "\n")
    return "".join(out)


def _plan_tokens(lines: list[_Line], scanned: Scanned) -> None:
    """Each line's indentation from the token that starts it, and the gaps after indicators."""
    stack: list[_Block] = []
    flow = 0
    tokens = scanned.tokens
    for index, token in enumerate(tokens):
        kind = type(token)
        row, column = token.start_mark.line, token.start_mark.column
        if kind is t.BlockEndToken:
            if stack and stack[-1].indentless:
                stack.pop()
            if stack:
                stack.pop()
            continue
        if flow == 0:
            _open_or_close(stack, token, tokens[index - 1] if index else None)
        line = lines[row]
        first = line.indent is None and line.delta is None and column == line.spaces
        if first and not isinstance(token, _SILENT):
            if isinstance(token, _FIXED):
                line.indent = column
            elif flow == 0 and isinstance(token, (*_STRUCTURE, t.KeyToken, t.ValueToken)):
                line.indent = stack[-1].new if stack else 0
            else:
                line.delta = stack[-1].delta if stack else 0
        if isinstance(token, t.ScalarToken):
            _cover(lines, token, stack)
        elif kind in (t.FlowSequenceStartToken, t.FlowMappingStartToken):
            flow += 1
        elif kind in (t.FlowSequenceEndToken, t.FlowMappingEndToken):
            flow -= 1
        elif flow == 0 and _is_indicator(token) and index + 1 < len(tokens):
            _gap_after(lines, token, tokens[index + 1])


def _open_or_close(stack: list[_Block], token: t.Token, previous: t.Token | None) -> None:
    """Keep the stack of open block collections; PyYAML's scanner says nothing of a
    sequence at its key's column (`key:` then `- item` below it), so that one is found here."""
    column = token.start_mark.column
    if isinstance(token, t.BlockMappingStartToken | t.BlockSequenceStartToken):
        new = stack[-1].new + INDENT if stack else 0
        stack.append(_Block(column, new, isinstance(token, t.BlockSequenceStartToken)))
    elif isinstance(token, t.BlockEntryToken):
        opened = isinstance(previous, t.BlockSequenceStartToken)
        if not opened and stack and not stack[-1].sequence:
            stack.append(_Block(column, stack[-1].new + INDENT, True, indentless=True))
    elif (
        isinstance(token, t.KeyToken | t.ValueToken)
        and stack
        and stack[-1].indentless
        and column <= stack[-1].old  # the mapping's next key: its sequence is over
    ):
        stack.pop()


def _is_indicator(token: t.Token) -> bool:
    """`-`, `:` and an explicit `?` (an implicit key is a token of no width)."""
    if isinstance(token, t.BlockEntryToken | t.ValueToken):
        return True
    return isinstance(token, t.KeyToken) and token.end_mark.index > token.start_mark.index


def _gap_after(lines: list[_Line], token: t.Token, following: t.Token) -> None:
    """The white space between an indicator and what follows it on its line: one space."""
    end, start = token.end_mark, following.start_mark
    if isinstance(following, (*_SILENT, t.BlockEndToken)) or start.line != end.line:
        return
    line = lines[end.line]
    between = line.text[end.column : start.column]
    if between != " " and len(between) > 0 and not between.strip(" \t"):
        line.gaps.append((end.column, start.column, " "))


def _cover(lines: list[_Line], token: t.ScalarToken, stack: list[_Block]) -> None:
    """The lines a scalar runs on to after its first: they move with its collection."""
    start, end = token.start_mark, token.end_mark
    delta = stack[-1].delta if stack else 0
    if token.style in {"|", ">"}:
        indent, explicit = _block_indent(lines, token, stack[-1].old if stack else -1)
        if stack and not explicit:  # the text goes 2 spaces in from its collection
            delta = stack[-1].new + INDENT - indent
        last = end.line + (1 if end.column > 0 else 0)
        for row in range(start.line + 1, last):
            lines[row].delta, lines[row].block_indent = delta, indent
        return
    for row in range(start.line + 1, end.line + 1):
        lines[row].delta = delta
    if token.style == '"':  # `\ ` before a line break is an escaped space
        for row in range(start.line, end.line):
            lines[row].keep_end = True


def _block_indent(lines: list[_Line], token: t.ScalarToken, parent: int) -> tuple[int, bool]:
    """The indentation of a block scalar's text, as PyYAML's scanner finds it, and whether
    the header gives it (`|2`: then it is counted from the collection and must stay so)."""
    row = token.start_mark.line
    header = _HEADER.match(lines[row].text, token.start_mark.column)
    least = max(parent + 1, 1)
    explicit = header and (header.group(1) or header.group(2))
    if explicit:
        return least + int(explicit) - 1, True
    deepest = 0
    for line in lines[row + 1 :]:
        deepest = max(deepest, line.spaces)
        if line.text.strip(" "):
            break
    return max(least, deepest), False


def _place_comments(lines: list[_Line]) -> None:
    """A comment on a line of its own moves with the line it sits above when both start at
    the same column, else with the nearest key or entry before it at its column or left
    of it: it stays with what it talks about. Right after a block scalar it stays left of
    the scalar's text, or it would become text."""
    text_indent: int | None = None  # the new indentation of a block scalar just above
    for row, line in enumerate(lines):
        if line.block_indent is not None:
            text_indent = line.block_indent + (line.delta or 0)
        elif _placed(line):
            text_indent = None
        if not line.comment:
            continue
        column = line.spaces
        following = next((n for n in lines[row + 1 :] if _placed(n)), None)
        if following is not None and following.spaces == column:
            line.delta = _shift(following)
        else:
            before = (p for p in reversed(lines[:row]) if p.indent is not None)
            parent = next((p for p in before if p.spaces <= column), None)
            line.delta = _shift(parent) if parent is not None else 0
        if text_indent is not None and column + line.delta >= text_indent:
            line.delta = text_indent - 1 - column


def _placed(line: _Line) -> bool:
    return not line.comment and (line.indent is not None or line.delta is not None)


def _shift(line: _Line) -> int:
    if line.indent is not None:
        return line.indent - line.spaces
    return line.delta or 0


def _render(line: _Line) -> str:
    text, spaces = line.text, line.spaces
    if line.block_indent is not None:  # a block scalar's text: only its indentation moves
        if text.strip(" ") or spaces > line.block_indent:
            return " " * (spaces + (line.delta or 0)) + text[spaces:]
        return ""
    for start, end, gap in sorted(line.gaps, reverse=True):
        text = text[:start] + gap + text[end:]
    if line.indent is not None:
        text = " " * line.indent + text[spaces:]
    elif line.delta:
        text = " " * max(0, spaces + line.delta) + text[spaces:]
    if not line.keep_end:
        text = text.rstrip(" \t")
    return text if text.strip(" \t") or line.keep_end else ""
