"""What a model's inputs may be, and turning an opportunity's raw `scores` value into one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Input:
    """One input of a scoring model, with its allowed values."""

    name: str
    description: str
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None  # strictly greater than this
    allowed: tuple[float, ...] | None = None  # a discrete scale
    percent: bool = False  # also accepts "80%" for 0.8

    def parse(self, raw: float | str) -> float:
        """The value of `raw` for this input; ValueError says what is wrong in user terms."""
        if isinstance(raw, str):
            if not self.percent:
                raise ValueError(
                    f"'{raw}' is text, but {self.name} must be a number ({self.expected})"
                )
            value = float(raw.rstrip("%")) / 100
        else:
            value = float(raw)
        if not self.accepts(value):
            raise ValueError(f"{self.name} is {_show(raw)}, but must be {self.expected}")
        return value

    def accepts(self, value: float) -> bool:
        if self.allowed is not None and value not in self.allowed:
            return False
        if self.minimum is not None and value < self.minimum:
            return False
        if self.maximum is not None and value > self.maximum:
            return False
        return not (self.above is not None and value <= self.above)

    @property
    def expected(self) -> str:
        if self.allowed is not None:
            return "one of " + ", ".join(_show(v) for v in self.allowed)
        parts = []
        if self.above is not None:
            parts.append(f"above {_show(self.above)}")
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{_show(self.minimum)}..{_show(self.maximum)}")
        elif self.minimum is not None:
            parts.append(f"at least {_show(self.minimum)}")
        elif self.maximum is not None:
            parts.append(f"at most {_show(self.maximum)}")
        text = " and ".join(parts) or "a number"
        return text + (' (or a percentage such as "80%")' if self.percent else "")


def _show(value: float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
