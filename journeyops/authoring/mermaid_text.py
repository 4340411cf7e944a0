"""What Mermaid's `journey` grammar lets a name hold, and the emotion <-> score mapping.

The grammar (mermaid's journey.jison, as compiled into mermaid 12) ends a title at `#`, `;`
or a newline, a section or task name also at `:`, and splits a task's actors on `,`; `#`
starts a comment, so does `%` at the start of a token, and `%%{...}%%` anywhere is a
directive. Mermaid reads `#58;` (a decimal code, or an HTML entity name: `#quot;`) as the
character it names, before it parses, so every such character is written as its code and
read back exactly. `<` and `>` are coded too: no viewer ever sees markup from a name,
whatever its security level.
"""

from __future__ import annotations

import html
import math
import re

# Characters the lexer acts on; `<` `>` (markup); U+FB02 and U+00B6, which mermaid uses in
# its own placeholders for entity codes and would turn a name into an entity when rendered.
_SPECIAL = frozenset("#;:%<>\ufb02\u00b6")
# Control characters (newlines included), lone surrogates, line separators, bidi controls,
# and the two XML non-characters: as report/safe_text.py, none reaches the output raw.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
# A task name that starts like a keyword would lex as that keyword (case-insensitively;
# `\b` is ASCII in JavaScript): its first character is coded.
_KEYWORD_START = re.compile(r"(journey|title|section|acctitle|accdescr)(?![A-Za-z0-9_])", re.I)
ENTITY = re.compile(r"#([A-Za-z0-9_]+);")


def code(char: str) -> str:
    return f"#{ord(char)};"


def escape(text: str, *, actor: bool = False, task: bool = False) -> str:
    """`text` as a Mermaid title, section, task name or (`actor`) actor: every character the
    grammar would act on as its code, and whitespace at either end too (the lexer drops or
    keeps it depending on where it is), so the name reads back exactly."""
    special = _SPECIAL | {","} if actor else _SPECIAL
    chars = [code(c) if c in special or _UNSAFE.match(c) else c for c in text]
    for index in range(len(chars)):
        if not chars[index].isspace():
            break
        chars[index] = code(chars[index])
    for index in range(len(chars) - 1, -1, -1):
        if not chars[index].isspace():
            break
        chars[index] = code(chars[index])
    escaped = "".join(chars)
    if task and _KEYWORD_START.match(escaped):
        escaped = code(escaped[0]) + escaped[1:]
    return escaped


def unescape(text: str) -> str:
    """A name as Mermaid shows it: `#58;` is `:`, `#quot;` is `"`; a code Mermaid cannot show
    (a surrogate, or beyond Unicode) becomes U+FFFD; an unknown name stays as written."""
    return ENTITY.sub(_decode, text)


def _decode(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.isdigit():
        number = int(name)
        if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
            return "\ufffd"
        return chr(number)
    decoded = html.unescape(f"&{name};")
    return match.group() if decoded == f"&{name};" else decoded


# Mermaid's scores: 1 (saddest face) to 5 (happiest).
SCORE_MIN, SCORE_MAX = 1, 5
# What a step without an emotion is drawn with: the neutral face.
NEUTRAL_SCORE = 3


def _round(value: float) -> int:
    """Halves round up (towards the happier end), the same way in both directions."""
    return math.floor(value + 0.5)


def score_of(emotion: int, low: int, high: int) -> int:
    """`emotion` on the workspace's scale low..high, linearly onto Mermaid's 1..5."""
    clamped = min(max(emotion, low), high)
    span = SCORE_MAX - SCORE_MIN
    return _round(SCORE_MIN + (clamped - low) * span / (high - low))


def emotion_of(score: int, low: int, high: int) -> int:
    """A Mermaid score 1..5, linearly back onto the workspace's scale low..high."""
    span = SCORE_MAX - SCORE_MIN
    return _round(low + (score - SCORE_MIN) * (high - low) / span)
