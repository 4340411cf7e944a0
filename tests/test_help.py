"""`--help` for people: every command's options and arguments are named as a person types
them (PATH, MODEL, N, FORMAT, DATE...), never by Python type, and every FORMAT option says
what its choices are. Commands are read from the app, so a new command is covered too."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import typer

from journeyops.cli import app

Cli = Callable[..., tuple[int, str, str]]
GROUP: Any = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)
# What typer shows for a parameter without a metavar: `<bool>`, `<list[Path]>`, `<str>`,
# `<path>`, `<int range> [x>=1]`, `<%Y-%m-%d>`, `<text|json>`.
PYTHON_TYPE = re.compile(r"<[\w\[\]|%, -]+>|list\[|\bx[<>]=|\brange\b|\bPath\b|\bdatetime\b")


def test_the_app_has_its_commands() -> None:
    assert {"validate", "score", "metrics", "render", "diff", "rules", "explain"} <= set(COMMANDS)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_help_shows_no_python_type(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per option: no name split by wrapping
    status, out, _ = cli(*command, "--help")
    assert status == 0
    assert "Usage: journeyops" in out
    assert PYTHON_TYPE.findall(out) == []


@pytest.mark.parametrize("name", COMMANDS)
def test_every_value_has_a_metavar_a_person_reads(name: str) -> None:
    for param in GROUP.commands[name].params:
        if getattr(param, "is_flag", False):
            continue
        assert param.metavar, f"{name} {param.name} has no metavar"
        assert param.metavar[0].isupper(), f"{name} {param.name}: {param.metavar}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_choice_is_named_in_the_help(name: str) -> None:
    """With FORMAT as its metavar, an option's choices are listed only in its help text."""
    for param in GROUP.commands[name].params:
        described = param.type_descriptor
        if not described.is_choice:
            continue
        choices = [getattr(c, "value", c) for c in described.choices]
        assert choices, f"{name} {param.name} has no choices"
        missing = [c for c in choices if not re.search(rf"\b{re.escape(c)}\b", param.help)]
        assert missing == [], f"{name} {param.name} does not say what {missing} do"
