"""Rule documentation as Markdown, from the rules' own docstrings: `journeyops explain`,
`journeyops rules --format markdown` and docs/rules.md all come from here."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from journeyops.rules.engine import Rule

_FAMILIES = {
    "JO0": "Reading files and schema",
    "JO1": "Reference integrity",
    "JO2": "Hierarchy",
    "JO3": "Governance",
    "JO4": "Content",
    "JO5": "Scoring inputs",
}
_SECTIONS = ("Bad:", "Good:")


def rule_markdown(rule: Rule, heading: str = "##") -> str:
    """One rule: heading, default severity, explanation, and its bad and good examples."""
    description, examples = _split(rule.docs)
    out = [f"{heading} {rule.id} `{rule.name}`", "", f"Default severity: **{rule.severity}**.", ""]
    out += [description or rule.summary, ""]
    for title, code in examples:
        out += [f"**{title}**", "", "```yaml", code, "```", ""]
    return "\n".join(out)


def rules_markdown(rules: Iterable[Rule]) -> str:
    out = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `journeyops rules --format markdown`;",
        "do not edit by hand (`make docs` rewrites it).",
        "",
        "Turn rules off, change their severity or scope them to paths with `lint:` in",
        "journeyops.yaml, or silence one finding with `# journeyops: disable=RULE` on its line",
        "or the line above (`disable-file=RULE` for a whole file).",
        "",
    ]
    family = None
    for rule in rules:
        if rule.id[:3] != family:
            family = rule.id[:3]
            out += [f"## {_FAMILIES.get(family, family)} ({family}xx)", ""]
        out.append(rule_markdown(rule, heading="###"))
    return "\n".join(out).rstrip() + "\n"


def _split(docs: str) -> tuple[str, list[tuple[str, str]]]:
    """Docstring -> (explanation, [("Bad", code), ("Good", code)])."""
    description: list[str] = []
    examples: list[tuple[str, list[str]]] = []
    for line in docs.splitlines():
        if line.strip() in _SECTIONS:
            examples.append((line.strip().rstrip(":"), []))
        elif examples:
            examples[-1][1].append(line)
        else:
            description.append(line)
    text = " ".join(" ".join(description).split())
    return text, [(title, textwrap.dedent("\n".join(code)).strip("\n")) for title, code in examples]
