"""Positions of every key, value and list item of one YAML document.

Paths are tuples of mapping keys and list indexes, the same shape pydantic uses for an error's
`loc`, so a schema error and a rule finding about the same field point at the same place.
Positions are stored 0-based, each span packed into one int (24 bits per number): a 9 KB
journey has ~1,500 of them, and one int takes a third of the memory of a 4-tuple of ints.
They are turned into 1-based `Span`s only when someone asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from journeyops.core.diagnostics import Span

Path = tuple[str | int, ...]
RawSpan = tuple[int, int, int, int]
BITS = 24
# No line or column of a file smaller than this can overflow its 24 bits.
MAX_FILE_BYTES = 1 << BITS
_MASK = (1 << BITS) - 1


def pack(line: int, column: int, end_line: int, end_column: int) -> int:
    """0-based numbers, each below 2**24. The reader inlines this expression in its hot loop."""
    return ((line << BITS | column) << BITS | end_line) << BITS | end_column


def unpack(packed: int) -> RawSpan:
    return (
        packed >> 3 * BITS,
        packed >> 2 * BITS & _MASK,
        packed >> BITS & _MASK,
        packed & _MASK,
    )


@dataclass(slots=True)
class SourceMap:
    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)
    # Set when the positions have not been built yet: called once, on the first lookup.
    # Loading skips positions (most of the time and memory of a load) and builds them only
    # for the documents someone asks about: one with a finding, an error or an explanation.
    fill: Callable[[], SourceMap] | None = field(default=None, compare=False, repr=False)

    def built(self) -> SourceMap:
        """This map with its positions built; every lookup goes through here."""
        if self.fill is not None:
            built, self.fill = self.fill(), None
            self.values, self.keys = built.values, built.keys
        return self

    def has_value(self, path: Path) -> bool:
        return path in self.built().values

    def has_key(self, path: Path) -> bool:
        return path in self.built().keys

    def key_paths(self) -> list[Path]:
        return list(self.built().keys)

    def span(self, path: Path, *, key: bool = False) -> Span:
        """Where `path` is; with `key=True` the key that names it. Falls back to the nearest
        ancestor that has a position, so a missing field points at the mapping that lacks it."""
        self.built()
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


def _to_span(packed: int) -> Span:
    line, column, end_line, end_column = unpack(packed)
    return Span(line + 1, column + 1, end_line + 1, end_column + 1)
