"""`# journeyops: disable=RULE[,RULE]` comments, found in a file's bytes.

A `disable` comment covers findings on its own line and on the line below; `disable-file`
covers the whole file. Which findings they actually suppress is decided by the rule engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = b"journeyops:"
_COMMENT = re.compile(
    rb"(?:^|[ \t])(#[ \t]*journeyops:[ \t]*(disable|disable-file)[ \t]*=[ \t]*([\w, \t-]+))"
)


@dataclass(frozen=True, slots=True)
class Suppression:
    line: int  # 1-based line of the comment
    column: int  # 1-based column of its '#'
    end_column: int
    whole_file: bool
    names: tuple[str, ...]  # rule ids or names, as written

    def covers(self, line: int) -> bool:
        return self.whole_file or line in (self.line, self.line + 1)


def find_suppressions(data: bytes) -> list[Suppression]:
    if MARKER not in data:  # the common case: one substring search per file
        return []
    found = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        match = _COMMENT.search(line)
        if match is None:
            continue
        names = tuple(n for n in re.split(r"[\s,]+", match.group(3).decode()) if n)
        column = len(line[: match.start(1)].decode("utf-8", "replace")) + 1
        end = column + len(match.group(1).rstrip().decode("utf-8", "replace"))
        found.append(Suppression(number, column, end, match.group(2) == b"disable-file", names))
    return found
