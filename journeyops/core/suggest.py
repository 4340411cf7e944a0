"""'Did you mean ...?' for ids, field names and rule names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str], n: int = 1) -> str | None:
    """`did you mean 'a'?`, or with `n` > 1 up to n matches: `did you mean 'a', 'b' or 'c'?`"""
    matches = difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)
    if not matches:
        return None
    quoted = [f"'{m}'" for m in matches]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {listed}?"


def slugify(text: str) -> str:
    """The id a user most likely meant: `Open Account!` -> `open-account`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-") or "my-id"
