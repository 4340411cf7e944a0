"""The YAML text of a new document of each kind, as `journeyops new` writes it.

A skeleton holds only what is true: what the user gave (id, title, parent, replaces, steps)
and what follows from it (a level, a state). What only its author can know (an owner, the
personas, a link to the map, scores) is left out, and the rule that would report it is
suppressed on the `id:` line, with a comment saying so: the new file validates clean, and
once the field is filled in, JO015 (unused-suppression) says that the line can go.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

KINDS = ("persona", "journey", "insight", "opportunity")
# Each kind's conventional folder below the workspace root.
FOLDERS = {
    "persona": "personas",
    "journey": "journeys",
    "insight": "insights",
    "opportunity": "opportunities",
}

# Plain scalars that YAML reads as text, whatever the reader: starts with a letter, then
# letters, digits, spaces and punctuation that never start YAML syntax mid-scalar.
_PLAIN = re.compile(r"[^\W\d_][\w ,.'()/&+-]*", re.UNICODE)
_NOT_TEXT = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text`: plain when that is safe,
    else double-quoted with every character outside printable ASCII escaped."""
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _NOT_TEXT:
        return text
    return json.dumps(text, ensure_ascii=True)


def title_from_id(identifier: str) -> str:
    """`open-account` -> `Open account`: a title to start from."""
    words = identifier.replace("-", " ")
    return words[:1].upper() + words[1:]


def modeline(schema: str | None) -> list[str]:
    """The editor's schema comment (see `journeyops schema`), when a schema was found."""
    return [] if schema is None else [f"# yaml-language-server: $schema={schema}"]


@dataclass(frozen=True)
class Skeleton:
    """What a new document says besides its kind and id."""

    title: str
    today: datetime.date
    schema: str | None = None  # the schema's path relative to the new file
    level: str | None = None
    parent: str | None = None
    replaces: str | None = None
    steps: Sequence[str] = field(default_factory=tuple)
    # The rules (by name) on for the new file; a suppression of a rule that is off would
    # itself be reported (JO015). None: every rule.
    rules_on: frozenset[str] | None = None

    def pending(self, what: str, rules: list[str]) -> list[str]:
        """A comment about what is left to fill in, and the suppression that keeps the new
        file clean until then (it covers its own line and the next, `id:`)."""
        rules = [r for r in rules if self.rules_on is None or r in self.rules_on]
        if not rules:
            return []
        return [
            f"# To do: {what}.",
            "# Until then the rules named below are off for this document; validate says",
            "# when the line can go (JO015, unused-suppression).",
            "# journeyops: disable=" + ",".join(rules),
        ]


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def persona(identifier: str, skeleton: Skeleton) -> str:
    lines = [
        *modeline(skeleton.schema),
        "kind: persona",
        *skeleton.pending("list it in a journey's `personas`", ["unused-persona"]),
        f"id: {identifier}",
        f"name: {scalar(skeleton.title)}",
        "# description: who they are, in a few sentences",
        "# segment: the customer segment",
        "# share: 0.2            # of the customer base, 0..1",
        "# weight: 1             # relative importance when scoring",
        "# goals: []",
        "# needs: []",
        "# frustrations: []",
        '# quote: "In their own words"',
    ]
    return "\n".join(lines) + "\n"


def journey(identifier: str, skeleton: Skeleton) -> str:
    head = [*modeline(skeleton.schema), "kind: journey"]
    pending = skeleton.pending(
        "fill in `owner` and `personas`", ["journey-without-owner", "journey-without-personas"]
    )
    lines = [*head, *pending, f"id: {identifier}", f"title: {scalar(skeleton.title)}"]
    lines += ["# owner: the person or team accountable for this journey"]
    if skeleton.level is not None:
        lines.append(f"level: {skeleton.level}")
    if skeleton.replaces is not None:
        lines += ["state: future", f"replaces: {skeleton.replaces}"]
    if skeleton.parent is not None:
        lines.append(f"parent: {skeleton.parent}   # the step this journey zooms into")
    lines += [
        f"reviewed: {skeleton.today.isoformat()}",
        "# personas: [persona-id]",
        "stages: []",
        "# stages:",
        "#   - id: first-stage",
        "#     name: First stage",
        "#     steps:",
        "#       - id: first-step",
        "#         name: First step",
        "#         touchpoints: [mobile app]",
        "#         emotion: 0",
    ]
    return "\n".join(lines) + "\n"


def insight(identifier: str, skeleton: Skeleton) -> str:
    steps = list(skeleton.steps)
    pending = [] if steps else skeleton.pending("add the `steps` it is about", ["unused-insight"])
    lines = [*modeline(skeleton.schema), "kind: insight", *pending, f"id: {identifier}"]
    lines += [
        f"title: {scalar(skeleton.title)}",
        "source: other           # interview, survey, analytics, support, usability-test, other",
        f"date: {skeleton.today.isoformat()}",
        "# summary: what was found, in a few sentences",
        "# quotes: []",
        f"steps: {_flow(steps)}" if steps else "# steps: [journey-id/step-id]",
        "# personas: []",
        "# link: https://...",
    ]
    return "\n".join(lines) + "\n"


def opportunity(identifier: str, skeleton: Skeleton) -> str:
    pending = skeleton.pending(
        "fill in `owner` and `scores`", ["opportunity-without-owner", "missing-score-input"]
    )
    lines = [*modeline(skeleton.schema), "kind: opportunity", *pending, f"id: {identifier}"]
    lines += [
        f"title: {scalar(skeleton.title)}",
        "# owner: the person or team who will deliver it",
        "status: open            # open, exploring, planned, in-progress, done, dismissed",
        f"steps: {_flow(list(skeleton.steps))}",
        "# pains: [journey-id/step-id/pain-id]",
        "# personas: []",
        "# evidence: []          # insight ids; needed once it is planned (JO405)",
        "# scores: {reach: 500, impact: 1, confidence: 0.8, effort: 2}",
    ]
    return "\n".join(lines) + "\n"


WRITERS = {"persona": persona, "journey": journey, "insight": insight, "opportunity": opportunity}
