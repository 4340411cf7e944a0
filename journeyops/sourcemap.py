"""Positions of every key, value and list item of one YAML document.

Paths are tuples of mapping keys and list indexes, the same shape pydantic uses for an error's
`loc`, so a schema error and a rule finding about the same field point at the same place.
Positions are stored 0-based as plain tuples (cheap to build, pickle and cache) and turned
into 1-based `Span`s only when someone asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyops.diagnostics import Span

Path = tuple[str | int, ...]
RawSpan = tuple[int, int, int, int]


@dataclass(slots=True)
class SourceMap:
    values: dict[Path, RawSpan] = field(default_factory=dict)
    keys: dict[Path, RawSpan] = field(default_factory=dict)

    def span(self, path: Path, *, key: bool = False) -> Span:
        """Where `path` is; with `key=True` the key that names it. Falls back to the nearest
        ancestor that has a position, so a missing field points at the mapping that lacks it."""
        if key and path in self.keys:
            return _to_span(self.keys[path])
        probe = path
        while probe:
            raw = self.values.get(probe)
            if raw is not None:
                return _to_span(raw)
            probe = probe[:-1]
        raw = self.values.get(())
        return _to_span(raw) if raw is not None else Span(1, 1, 1, 1)

    def has(self, path: Path) -> bool:
        return path in self.values


def _to_span(raw: RawSpan) -> Span:
    line, column, end_line, end_column = raw
    return Span(line + 1, column + 1, end_line + 1, end_column + 1)
