"""The folders journeyops writes inside a workspace by default, which it never reads back as
input: one list that the commands' defaults and the loader's file selection share, so that
the loader knows where output goes without knowing which command writes it."""

from __future__ import annotations

# `render --out`'s default: a site rendered into the workspace is not workspace files.
SITE = "site"

NOT_INPUT: tuple[str, ...] = (SITE,)
