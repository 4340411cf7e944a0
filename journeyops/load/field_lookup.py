"""Which pydantic model validates the mapping at a `loc` path, and what its fields are:
what "did you mean" and "add `name:` (description)" hints are made of."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from journeyops.core.sourcemap import Path


def model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, following fields and list items."""
    current: Any = model
    for part in loc:
        current = unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif isinstance(part, int) and typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        else:
            return None
    current = unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def unwrap(annotation: Any) -> Any:
    """`Step | None` and `Annotated[Step, ...]` -> `Step`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def field_names(model: type[BaseModel], loc: Path) -> list[str]:
    owner = model_at(model, loc)
    return list(owner.model_fields) if owner else []


def field_description(model: type[BaseModel], loc: Path) -> str | None:
    owner = model_at(model, loc[:-1])
    field = owner.model_fields.get(str(loc[-1])) if owner else None
    return field.description if field else None
