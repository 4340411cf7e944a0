"""Fingerprints of findings that survive edits above them: what code scanning (SARIF) and
GitLab's code-quality widget use to tell a new finding from one that only moved.

A finding is known by its rule, its file (as the repository names it) and its message, never
its line; identical findings in one file are told apart by their order."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable

from journeyops.core.diagnostics import Diagnostic


def fingerprints(
    diagnostics: Iterable[Diagnostic], in_repository: Callable[[str], str]
) -> list[str]:
    """One fingerprint per diagnostic, in order: 32 hex digits."""
    seen: Counter[str] = Counter()
    found = []
    for diagnostic in diagnostics:
        key = f"{diagnostic.rule}\0{in_repository(diagnostic.file)}\0{diagnostic.message}"
        seen[key] += 1
        # surrogatepass: a file name that is not UTF-8 still has exact, stable bytes to hash
        # (and names that are UTF-8 hash exactly as before).
        digest = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass"))
        found.append(digest.hexdigest()[:32])
    return found
