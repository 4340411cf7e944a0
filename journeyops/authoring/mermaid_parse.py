"""Reading a Mermaid `journey` diagram as Mermaid reads it: pure, text in, a `Diagram` out.

The lexer's rules are mermaid's own (journey.jison), tried in its order, the first that
matches winning, with one change: mermaid replaces every entity code (`#58;`) before it
lexes, so here a code is one more name character rather than the start of a comment.
Names are decoded after lexing. What mermaid would refuse is a `MermaidError` at its line and
column; what it accepts but a journey cannot hold is a score outside 1..5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from journeyops.authoring.mermaid_export import MARK
from journeyops.authoring.mermaid_text import SCORE_MAX, SCORE_MIN, unescape

_CHAR = r"(?:[^#:\n;]+|#[A-Za-z0-9_]+;)"  # a name character: an entity code is one
_TITLE_CHAR = r"(?:[^#\n;]+|#[A-Za-z0-9_]+;)"
# JavaScript's `\s` (Python's differs: it lacks U+FEFF and has U+001C..U+001F), and its
# case-insensitive matching without the `u` flag, which folds ASCII letters only.
_S = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_KEYWORD = re.I | re.ASCII
# (token, pattern), in mermaid's order; None skips what matched.
_RULES: list[tuple[str | None, re.Pattern[str]]] = [
    (None, re.compile(r"%(?!\{)[^\n]*")),
    (None, re.compile(r"[^}]%%[^\n]*")),
    ("newline", re.compile(r"\n+")),
    (None, re.compile(f"{_S}+")),
    (None, re.compile(r"#(?![A-Za-z0-9_]+;)[^\n]*")),
    ("journey", re.compile(r"journey\b", _KEYWORD)),
    ("title", re.compile(rf"title{_S}{_TITLE_CHAR}+", _KEYWORD)),
    ("acc", re.compile(rf"acc(title|descr){_S}*:{_S}*[^\n]*", _KEYWORD)),
    ("acc", re.compile(rf"accdescr{_S}*\{{[^}}]*\}}?", _KEYWORD)),
    ("section", re.compile(rf"section{_S}{_CHAR}+", _KEYWORD)),
    ("task", re.compile(rf"{_CHAR}+")),
    ("data", re.compile(rf":{_TITLE_CHAR}+")),
]
_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_MARK = re.compile(rf"\s*{MARK} (journey|stage|step) (\S+)(?: emotion=(none|-?\d+))?\s*$")


class MermaidError(Exception):
    """The diagram is not one mermaid accepts (or its scores are not 1..5)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(frozen=True)
class Mark:
    """What a `%% journeyops` comment kept: an id, and for a step its emotion as exported."""

    id: str
    emotion: int | None = None
    has_emotion: bool = False


@dataclass(frozen=True)
class Task:
    name: str
    score: int
    actors: list[str]
    mark: Mark | None
    line: int


@dataclass
class Section:
    name: str | None  # None: the tasks before the first section
    mark: Mark | None
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Diagram:
    title: str | None = None
    mark: Mark | None = None
    sections: list[Section] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # what mermaid reads but a journey lacks


def parse_mermaid(text: str) -> Diagram:
    """The diagram in `text`, or MermaidError where mermaid would stop."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    diagram = Diagram()
    front = _FRONT_MATTER.match(text)
    if front:  # YAML settings for mermaid; blanked so that lines keep their numbers
        text = "\n" * front.group().count("\n") + text[front.end() :]
        diagram.ignored.append("front matter")
    lexer = _Lexer(text)
    first = lexer.next_token()
    while first is not None and first.kind == "newline":
        first = lexer.next_token()
    if first is None or first.kind != "journey":
        where = (1, 1) if first is None else (first.line, first.column)
        raise MermaidError("a journey diagram starts with `journey`", *where)
    for token in iter(lexer.next_token, None):
        mark = lexer.take_mark(token.kind)
        if token.kind == "title":
            diagram.title, diagram.mark = unescape(token.value[6:].strip()), mark
        elif token.kind == "section":
            diagram.sections.append(Section(unescape(token.value[8:].strip()), mark))
        elif token.kind == "task":
            _task(diagram, token, lexer.next_token(), mark)
        elif token.kind == "acc":
            diagram.ignored.append(re.split(r"[\s:{]", token.value, maxsplit=1)[0])
        elif token.kind != "newline":
            raise token.error(f"mermaid does not expect `{token.value.strip()}` here")
    return diagram


def _task(diagram: Diagram, name: _Token, data: _Token | None, mark: Mark | None) -> None:
    if data is None or data.kind != "data":
        raise name.error("a task needs `: score` after its name, e.g. `Pay: 4: Maya`")
    pieces = data.value[1:].split(":")
    score = pieces[0].strip()
    if not (score.isascii() and score.isdigit()) or not SCORE_MIN <= int(score) <= SCORE_MAX:
        raise data.error(
            f"a task's score is a whole number from {SCORE_MIN} to {SCORE_MAX}, not `{score}`"
        )
    actors = [] if len(pieces) == 1 else [unescape(a.strip()) for a in pieces[1].split(",")]
    if not diagram.sections:
        diagram.sections.append(Section(None, None))
    task = Task(unescape(name.value.strip()), int(score), [a for a in actors if a], mark, name.line)
    diagram.sections[-1].tasks.append(task)


@dataclass(frozen=True)
class _Token:
    kind: str
    value: str
    line: int
    column: int

    def error(self, message: str) -> MermaidError:
        return MermaidError(message, self.line, self.column)


# Which comment describes which statement: the one right before it, and only that one.
_MARK_OF = {"title": "journey", "section": "stage", "task": "step"}


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.line, self.column = 1, 1
        self.marks: dict[str, Mark] = {}

    def next_token(self) -> _Token | None:
        """The next token that is not skipped; None at the end."""
        while self.at < len(self.text):
            line, column = self.line, self.column
            kind, value = self._match()
            self._advance(value)
            if kind is None:
                self._remember(value)
            else:
                return _Token(kind, value, line, column)
        return None

    def take_mark(self, kind: str) -> Mark | None:
        """The id comment before a statement of this kind; any other is dropped."""
        if kind == "newline":
            return None
        wanted = _MARK_OF.get(kind)
        found = self.marks.get(wanted) if wanted else None
        self.marks.clear()
        return found

    def _match(self) -> tuple[str | None, str]:
        for kind, pattern in _RULES:
            match = pattern.match(self.text, self.at)
            if match:
                return kind, match.group()
        # Mermaid's last rule: anything else is an invalid token.
        return "invalid", self.text[self.at]

    def _remember(self, skipped: str) -> None:
        found = _MARK.match(skipped)
        if found:
            kind, value, emotion = found.groups()
            number = None if emotion in (None, "none") else int(emotion)
            self.marks[kind] = Mark(value, number, emotion is not None)

    def _advance(self, value: str) -> None:
        self.at += len(value)
        newlines = value.count("\n")
        if newlines:
            self.line += newlines
            self.column = len(value) - value.rfind("\n")
        else:
            self.column += len(value)
