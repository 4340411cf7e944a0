"""Shell completion: the scripts for bash, zsh and fish, and what Tab offers for a
command's values: rule ids for `explain`, opportunity ids for `score --explain`, journey
ids for `export mermaid`.

The scripts are typer's (from its private modules: the public ones come only with its own
options, whose help shows `<bool>`), and so is the protocol (click's: the shell runs
`journeyops` with `_JOURNEYOPS_COMPLETE` set, and typer answers before any command runs;
replaying a plain `validate` in journeyops.cli.main happens before any of this).

Each completer is called by typer in the shell's completion process with what was typed
so far. It answers fast (rule ids from the registry; document ids from a text scan, see
journeyops.authoring.id_listing) and never raises: a workspace that cannot be read
completes nothing, and the user sees why when the command runs.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

import typer

PROG = "journeyops"
COMPLETE_VAR = "_JOURNEYOPS_COMPLETE"


class Shell(enum.StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


def enable() -> None:
    """Let typer answer the shell when it asks (typer registers its bash, zsh and fish
    answers only with its own --install-completion options, which journeyops replaces
    with ones that take the shell as a value). Only a completion request pays for it."""
    if COMPLETE_VAR in os.environ:
        from typer._completion_classes import completion_init  # noqa: PLC0415

        completion_init()


def script(shell: Shell) -> str:
    """The completion script to source in `shell`."""
    from typer._completion_shared import get_completion_script  # noqa: PLC0415

    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell.value)


def install(shell: Shell) -> Path:
    """Install the script where `shell` reads it at start-up (typer's places: a line in
    ~/.bashrc sourcing ~/.bash_completions/journeyops.sh, a line in ~/.zshrc and
    ~/.zfunc/_journeyops, ~/.config/fish/completions/journeyops.fish); the file written."""
    from typer._completion_shared import install as install_script  # noqa: PLC0415

    return install_script(shell=shell.value, prog_name=PROG, complete_var=COMPLETE_VAR)[1]


def rule_ids(incomplete: str) -> list[tuple[str, str]]:
    """Rule ids (`JO3` -> JO301, JO302, ...) or, for input in lowercase, rule names
    (`unused-` -> unused-suppression, ...); each with its summary, which zsh and fish show
    beside it. (typer keeps only values that start with what was typed, as typed.)"""
    try:
        from journeyops.rules import RULES  # noqa: PLC0415 - only when completing

        rules = [RULES[rule_id] for rule_id in RULES]
        if incomplete[:1].islower():
            found = [(r.name, r.summary) for r in rules if r.name.startswith(incomplete)]
        else:
            found = [(r.id, r.summary) for r in rules if r.id.startswith(incomplete)]
        # Help text goes into shell code (zsh's `_arguments`): no backquotes in it.
        return [(value, summary.replace("`", "'")) for value, summary in found]
    except Exception:  # completion must never break the shell
        return []


def opportunity_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the opportunities in the workspace the command line names."""
    return _document_ids(ctx, "opportunity", incomplete)


def journey_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the journeys in the workspace the command line names."""
    return _document_ids(ctx, "journey", incomplete)


def _document_ids(ctx: typer.Context, kind: str, incomplete: str) -> list[str]:
    try:
        from journeyops.authoring.id_listing import listed_ids  # noqa: PLC0415

        ids = listed_ids(_workspace(ctx), kind)
        return [i for i in ids if i.startswith(incomplete)]
    except Exception:  # a broken workspace completes nothing
        return []


def _workspace(ctx: typer.Context) -> Path:
    """The PATH typed before the Tab, else the current folder. While an option's value is
    being completed, click leaves the arguments before it unparsed, in `ctx.args`."""
    given = ctx.params.get("path")
    if isinstance(given, str | Path) and str(given) not in ("", "."):
        return Path(given)
    typed = [arg for arg in ctx.args if not arg.startswith("-")]
    return Path(typed[0]) if typed else Path()
