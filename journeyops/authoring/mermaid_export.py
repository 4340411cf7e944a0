"""A journey as a Mermaid `journey` diagram: pure, model in, text out.

The title is the journey's, each stage a `section`, each step a task scored from its
emotion, and every task lists the journey's personas as its actors (Mermaid has actors per
task, a journey has its personas once). A `%% journeyops ...` comment line before the diagram's
title, each section and each task keeps what Mermaid has no place for: the ids, and a step's
exact emotion (a score 1..5 cannot hold a wider scale) or that it has none. Mermaid skips
these lines; `journeyops import mermaid` reads them, so an exported diagram comes back as
the same journey.
"""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.authoring.mermaid_text import NEUTRAL_SCORE, escape, score_of
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey, Step
from journeyops.model.persona import Persona

# The comment that carries ids: `%% journeyops <kind> <id> [emotion=<int>|emotion=none]`.
MARK = "%% journeyops"
INDENT = "    "


def journey_to_mermaid(
    journey: Journey, personas: Mapping[str, Persona], scale: EmotionScale
) -> str:
    """The diagram's text. `personas` are the workspace's, by id: an actor is the persona's
    name, or its id when the workspace has no such persona."""
    actors = ", ".join(
        escape(personas[p].name if p in personas else p, actor=True) for p in journey.personas
    )
    lines = [
        "journey",
        f"{INDENT}{MARK} journey {journey.id}",
        f"{INDENT}title {escape(journey.title)}",
    ]
    for stage in journey.stages:
        lines += [
            f"{INDENT}{MARK} stage {stage.id}",
            f"{INDENT}section {escape(stage.name)}",
        ]
        for step in stage.steps:
            lines += [
                f"{INDENT * 2}{MARK} step {step.id} emotion={_emotion(step)}",
                f"{INDENT * 2}{_task(step, scale, actors)}",
            ]
    return "\n".join(lines) + "\n"


def _emotion(step: Step) -> str:
    return "none" if step.emotion is None else str(step.emotion)


def _task(step: Step, scale: EmotionScale, actors: str) -> str:
    score = NEUTRAL_SCORE if step.emotion is None else score_of(step.emotion, scale.min, scale.max)
    # Every `:` the grammar sees is followed by a space: mermaid's entity pre-pass strips the
    # `;` of `style...:X#...;`, which a colon directly before a code would start.
    task = f"{escape(step.name, task=True)}: {score}"
    return f"{task}: {actors}" if actors else task
