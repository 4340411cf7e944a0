"""Values checked against the workspace's own scales (JO012): a schema cannot know them,
since `taxonomy:` in journeyops.yaml sets them."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops.core.diagnostics import Problem
from journeyops.model import Journey
from journeyops.model.workspace import Workspace
from journeyops.rules.engine import RunOptions


def emotion_range(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A step's `emotion` lies outside `taxonomy.emotion` (default -2..2).

    Bad:
        emotion: 5
    Good:
        emotion: 2
    """
    scale = workspace.config.taxonomy.emotion
    for doc in workspace.of(Journey):
        for i, j, step in doc.model.steps():
            if step.emotion is not None and not scale.min <= step.emotion <= scale.max:
                yield Problem(
                    f"emotion {step.emotion} is outside the scale {scale.min}..{scale.max}",
                    doc.file,
                    doc.span("stages", i, "steps", j, "emotion"),
                    "change the value, or widen `taxonomy.emotion` in journeyops.yaml",
                )
