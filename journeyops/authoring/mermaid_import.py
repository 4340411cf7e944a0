"""A Mermaid `journey` diagram as a journey file: pure, text in, YAML text out.

Sections become stages, tasks steps (the score mapped back onto the workspace's emotion
scale), and the actors of every task, in the order they first appear, the journey's
personas: an actor names a persona by id or by name; one the workspace lacks is kept as a
reference (its id the actor's slug) and reported, so `validate` shows what to create. Ids
come from the `%% journeyops` comments an export writes, else from the names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from journeyops.authoring.mermaid_parse import Diagram, Mark, Task, parse_mermaid
from journeyops.authoring.mermaid_text import NEUTRAL_SCORE, emotion_of, score_of
from journeyops.core.suggest import slugify
from journeyops.model.base import SLUG_PATTERN
from journeyops.model.config import EmotionScale
from journeyops.model.persona import Persona
from journeyops.report.safe_text import LEGACY_COMMAND

_SLUG = re.compile(SLUG_PATTERN)
# As report/safe_text.py: C0 and C1 controls, line separators, bidi controls, non-characters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


@dataclass
class Imported:
    """The journey a diagram becomes: its id, the file's text, and what the user should know."""

    journey_id: str
    text: str
    stages: int = 0
    steps: int = 0
    warnings: list[str] = field(default_factory=list)


def mermaid_to_journey(
    text: str,
    scale: EmotionScale,
    personas: Mapping[str, Persona],
    journey_id: str | None = None,
    fallback_title: str = "Imported journey",
) -> Imported:
    """The journey in the Mermaid diagram `text` (MermaidError when mermaid would refuse it).
    `journey_id` wins over the diagram's own; `fallback_title` is for a diagram without one."""
    diagram = parse_mermaid(text)
    warnings = [
        f"`{what}` is not imported (a journey has no place for it)" for what in diagram.ignored
    ]
    title = diagram.title
    if not title:
        title = fallback_title
        warnings.append(f"the diagram has no title: the journey is called `{title}`")
    chosen = journey_id or _marked(diagram.mark) or _slug(title, "imported-journey")
    refs = _personas(diagram, personas, warnings)
    document: dict[str, Any] = {"kind": "journey", "id": chosen, "title": title}
    if refs:
        document["personas"] = refs
    step_ids: set[str] = set()
    stage_ids: set[str] = set()
    stages = []
    for number, section in enumerate(diagram.sections, 1):
        name = section.name or "Steps"
        stage_id = _unique(_marked(section.mark) or _slug(name, f"stage-{number}"), stage_ids)
        steps = [_step(task, scale, step_ids) for task in section.tasks]
        stages.append({"id": stage_id, "name": name, "steps": steps})
    if stages:
        document["stages"] = stages
    return Imported(chosen, _dump(document), len(stages), len(step_ids), warnings)


def _step(task: Task, scale: EmotionScale, taken: set[str]) -> dict[str, Any]:
    name = task.name or f"Step {len(taken) + 1}"
    step_id = _unique(_marked(task.mark) or _slug(name, f"step-{len(taken) + 1}"), taken)
    step: dict[str, Any] = {"id": step_id, "name": name}
    emotion = _emotion(task, scale)
    if emotion is not None:
        step["emotion"] = emotion
    return step


def _emotion(task: Task, scale: EmotionScale) -> int | None:
    """The exported emotion while the score still says it (the diagram was not edited there),
    else the score mapped back onto the scale."""
    mark = task.mark
    if mark is not None and mark.has_emotion:
        if mark.emotion is None and task.score == NEUTRAL_SCORE:
            return None
        if (
            mark.emotion is not None
            and scale.min <= mark.emotion <= scale.max
            and score_of(mark.emotion, scale.min, scale.max) == task.score
        ):
            return mark.emotion
    return emotion_of(task.score, scale.min, scale.max)


def _personas(diagram: Diagram, personas: Mapping[str, Persona], warnings: list[str]) -> list[str]:
    by_name: dict[str, list[str]] = {}
    for persona_id, persona in personas.items():
        by_name.setdefault(persona.name, []).append(persona_id)
    refs: list[str] = []
    for section in diagram.sections:
        for task in section.tasks:
            for actor in task.actors:
                ref = _persona(actor, personas, by_name, warnings)
                if ref not in refs:
                    refs.append(ref)
    return refs


def _persona(
    actor: str,
    personas: Mapping[str, Persona],
    by_name: dict[str, list[str]],
    warnings: list[str],
) -> str:
    if actor in personas:
        return actor
    named = by_name.get(actor, [])
    if len(named) == 1:
        return named[0]
    ref = _slug(actor, "persona")
    message = (
        f"actor `{actor}` is the name of several personas ({', '.join(named)}): kept as `{ref}`"
        if named
        else f"no persona `{actor}` in the workspace: create it (id `{ref}`) or change the "
        "journey's `personas`"
    )
    if message not in warnings:
        warnings.append(message)
    return ref


def _marked(mark: Mark | None) -> str | None:
    return mark.id if mark is not None and _SLUG.match(mark.id) else None


def _slug(name: str, fallback: str) -> str:
    slug = slugify(name)
    return slug if re.search("[a-z0-9]", name.lower()) and _SLUG.match(slug) else fallback


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate, number = wanted[: 64 - len(suffix)].rstrip("-") + suffix, number + 1
    taken.add(candidate)
    return candidate


class _Dumper(yaml.SafeDumper):
    """Block mappings, sequences indented under their key, and lists of plain values in
    flow style (`personas: [a, b]`), as the examples are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    flow = all(isinstance(item, str | int) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # A name with a control, separator or bidi character, or GitHub's legacy `##[` command,
    # is double-quoted, where _dump can write each as an escape: the file, and the plan shown
    # in a terminal or a CI log, hold none raw.
    style = '"' if _UNSAFE.search(value) or LEGACY_COMMAND in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(str, _str)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return char if char == "\n" else f"\\u{ord(char):04x}"


def _dump(document: dict[str, Any]) -> str:
    # PyYAML quotes, and escapes in double quotes, whatever YAML cannot hold raw.
    body = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    body = _UNSAFE.sub(_escaped, body).replace(LEGACY_COMMAND, "##\\x5b")
    return f"# Imported from a Mermaid journey diagram by `journeyops import mermaid`.\n{body}"
