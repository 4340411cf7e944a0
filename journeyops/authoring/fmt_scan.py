"""One pass of PyYAML's pure-Python scanner and parser over a file, keeping what the
formatter needs: every token with its position, every event (to prove a layout changed no
meaning), and every comment (which the scanner otherwise throws away).

The pure-Python scanner is used, not libyaml, because its marks count characters of the
decoded text and its line breaks are known exactly (`BREAKS`), so a token's position is a
position in the lines the formatter rewrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from yaml.events import CollectionStartEvent, Event
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner
from yaml.tokens import Token

# The line breaks PyYAML's reader counts lines by: `\r\n` is one break, a lone `\r` another.
BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_CHARS = "\0\r\n\x85\u2028\u2029"


@dataclass(frozen=True, slots=True)
class Comment:
    line: int  # 0-based, as PyYAML's marks
    column: int
    text: str  # from `#` to the end of the line


@dataclass(slots=True)
class Scanned:
    tokens: list[Token]
    events: list[Event]
    comments: list[Comment]


class _Recorder(Reader, Scanner, Parser):
    """Reader + scanner + parser whose tokens and comments are kept as they go by."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        self.seen: list[Token] = []
        self.comments: list[Comment] = []

    def get_token(self) -> Token:
        token: Token = Scanner.get_token(self)  # type: ignore[no-untyped-call]
        self.seen.append(token)
        return token

    def _comment_here(self, offset: int) -> None:
        if self.peek(offset) == "#":
            end = offset
            while self.peek(end) not in _BREAK_CHARS:
                end += 1
            text = self.prefix(end)[offset:]
            self.comments.append(Comment(self.line, self.column + offset, text))

    def scan_to_next_token(self) -> None:
        # Scanner.scan_to_next_token, recording the comments it skips, and skipping a tab
        # between tokens as libyaml (journeyops' loader) does: only indentation must be
        # spaces, so `key: value<TAB># note` is read as validate reads it.
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        indentation = self.column == 0
        found = False
        while not found:
            while self.peek() == " " or (
                self.peek() == "\t" and (self.flow_level or not indentation)
            ):
                self.forward()
            if self.peek() == "#":
                self._comment_here(0)
                while self.peek() not in _BREAK_CHARS:
                    self.forward()
            if self.scan_line_break():  # type: ignore[no-untyped-call]
                indentation = True
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                found = True

    def scan_block_scalar_ignored_line(self, start_mark: Any) -> None:
        # The comment after a block scalar's header (`text: |  # note`).
        spaces = 0
        while self.peek(spaces) == " ":
            spaces += 1
        self._comment_here(spaces)
        Scanner.scan_block_scalar_ignored_line(self, start_mark)


def scan(text: str) -> Scanned:
    """Tokens, events and comments of `text` (no byte-order mark); raises yaml.YAMLError
    (MarkedYAMLError or ReaderError) when it is not YAML."""
    recorder = _Recorder(text)
    events = []
    while recorder.check_event():
        events.append(recorder.get_event())  # type: ignore[no-untyped-call]
    return Scanned(recorder.seen, events, recorder.comments)


def meaning(events: list[Event]) -> list[tuple[Any, ...]]:
    """The events without their positions: equal for two texts that hold the same documents
    with the same anchors, tags, scalar styles, flow or block collections and markers."""
    return [(type(e).__name__, *(_field(e, name) for name in _EVENT_FIELDS)) for e in events]


def _field(event: Event, name: str) -> Any:
    value = getattr(event, name, None)
    if name == "flow_style" and isinstance(event, CollectionStartEvent):
        # A sequence at its key's column (`key:` then `- item`) is a block sequence whose
        # flow_style PyYAML's parser leaves None; indented under its key it is False.
        return bool(value)
    return value


_EVENT_FIELDS = (
    "anchor",
    "tag",
    "implicit",
    "value",
    "style",
    "flow_style",
    "explicit",
    "version",
    "tags",
)

__all__ = ["BREAKS", "Comment", "Scanned", "meaning", "scan"]
