"""Help for people: every value named as a person types it, never by Python type.

typer shows each parameter's Python type beside it (`<bool>`, `<list[Path]>`, `<str>`,
`<path>`) unless it has a metavar. Options with a value declare theirs (PATH, MODEL, N,
FORMAT, ...); here flags, which take no value, show none, and an argument shows its metavar
once, as its name, instead of again as a type (and in the usage line bare when required,
as `BASE [HEAD]`)."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _NamedArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the metavar is the argument's name in the help already

    def _usage_display_name(self) -> str:
        # typer writes a required argument `{BASE}`, a notation people do not read as
        # "required"; the usage line's convention is a bare name, `[NAME]` when optional.
        name = str(self.metavar) if self.required else f"[{self.metavar}]"
        return name + ("..." if self.nargs != 1 else "")


def _readable(params: list[Any]) -> None:
    for param in params:
        if isinstance(param, TyperArgument) and param.metavar is not None:
            param.__class__ = _NamedArgument
        elif isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""


class _ReadableHelp:
    """For a command or group: its parameters and its help option shown as `_readable` says."""

    params: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _readable(self.params)

    def get_help_option(self, ctx: Any) -> TyperOption | None:
        option: TyperOption | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            _readable([option])
        return option


class HelpCommand(_ReadableHelp, TyperCommand):
    pass


class HelpGroup(_ReadableHelp, TyperGroup):
    pass
