"""A deterministic synthetic workspace that validates clean, for benchmarks.

    python bench/generate.py --journeys 2000 --opportunities 5000 --seed 1 OUT

Journeys are about 9 KB each (5 stages x 4 steps with touchpoints, pains, gains, KPIs);
one in a hundred is a lifecycle journey that the others zoom into. Every reference lands,
every high pain is addressed and every insight is cited, so all findings in a benchmark run
come from the tool, not from the data. Validate with `--today 2026-11-24`.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

CHANNELS = ["mobile app", "website", "branch", "phone", "email", "chat", "letter", "ATM"]
VERBS = ["Compare", "Apply for", "Confirm", "Review", "Upload", "Track", "Change", "Cancel"]
NOUNS = ["account", "card", "payment", "address", "limit", "statement", "dispute", "loan"]
PERSONAS = 12


def step_text(rng: random.Random, stage: int, step: int, *, high: bool, insight: int | None) -> str:
    name = f"{rng.choice(VERBS)} {rng.choice(NOUNS)} {stage}-{step}"
    lines = [
        f"      - id: step-{stage}-{step}",
        f"        name: {name}",
        f"        touchpoints: [{', '.join(rng.sample(CHANNELS, 2))}]",
        f"        actions: [Opens the {rng.choice(NOUNS)} screen]",
        f"        emotion: {rng.randint(-2, 2)}",
        "        pains:",
        f"          - id: pain-{stage}-{step}",
        "            text: It is unclear what happens next",
        f"            severity: {'high' if high else rng.choice(['low', 'medium'])}",
        f"        gains: [{{id: gain-{stage}-{step}, text: A clear confirmation}}]",
        "        backstage: [core banking, CRM]",
    ]
    if insight is not None:
        lines.append(f"        insights: [insight-{insight}]")
    lines.append(
        f"        kpis: [{{id: kpi-{stage}-{step}, name: Completion rate, "
        f"value: {rng.randint(50, 95)}, target: 90}}]"
    )
    return "\n".join(lines) + "\n"


def journey_text(
    rng: random.Random, index: int, lifecycles: int, targeted: set[tuple[int, str]], insights: int
) -> str:
    is_root = index < lifecycles
    lines = [
        "kind: journey",
        f"id: journey-{index}",
        f"title: Synthetic journey number {index}",
        f"owner: Squad {index % 37}",
        f"level: {'lifecycle' if is_root else 'journey'}",
    ]
    if not is_root:
        lines.append(f"parent: journey-{index % lifecycles}/step-{index % 5}-{index % 4}")
    lines += [
        "reviewed: 2026-10-01",
        f"personas: [persona-{index % PERSONAS}, persona-{(index + 5) % PERSONAS}]",
        "tags: [synthetic, benchmark]",
        "description: >",
        "  A generated journey with the size and shape of a real one: five stages of four",
        "  steps, each with touchpoints, actions, thoughts, pains, gains and a KPI.",
        "stages:",
    ]
    body = "\n".join(lines) + "\n"
    for stage in range(5):
        body += f"  - id: stage-{stage}\n    name: Stage {stage}\n    steps:\n"
        for step in range(4):
            high = (index, f"step-{stage}-{step}") in targeted
            insight = (
                (index * 20 + stage * 4 + step) % (insights * 7) if stage == step == 0 else None
            )
            cited = insight if insight is not None and insight < insights else None
            body += step_text(rng, stage, step, high=high, insight=cited)
    return body


def opportunity_text(rng: random.Random, index: int, journey: int, step: str, insights: int) -> str:
    status = rng.choice(["open", "exploring", "planned", "in-progress", "done"])
    lines = [
        "kind: opportunity",
        f"id: opportunity-{index}",
        f"title: Improve {step} of journey {journey}",
        f"owner: Squad {index % 37}",
        f"status: {status}",
        f"steps: [journey-{journey}/{step}]",
        f"pains: [journey-{journey}/{step}/pain-{step.removeprefix('step-')}]",
        f"personas: [persona-{journey % PERSONAS}]",
        f"evidence: [insight-{index % insights}]",
        "scores:",
        f"  reach: {rng.randint(100, 50_000)}",
        f"  impact: {rng.choice([3, 2, 1, 0.5, 0.25])}",
        f"  confidence: {rng.choice([0.5, 0.8, 1])}",
        f"  effort: {rng.choice([0.5, 1, 2, 3, 5])}",
    ]
    return "\n".join(lines) + "\n"


def generate(out: Path, journeys: int, opportunities: int, seed: int) -> None:
    rng = random.Random(seed)
    lifecycles = max(1, journeys // 100)
    insights = max(1, opportunities // 12)
    targets = [
        (rng.randrange(journeys), f"step-{rng.randrange(5)}-{rng.randrange(4)}")
        for _ in range(opportunities)
    ]
    for folder in ("journeys", "opportunities", "insights", "personas"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    (out / "journeyops.yaml").write_text(
        f"version: 1\nname: Synthetic workspace (seed {seed})\n"
        "taxonomy:\n  levels: [lifecycle, journey, task]\n"
    )
    personas = "---\n".join(
        f"kind: persona\nid: persona-{i}\nname: Persona {i}\nweight: {1 + i % 3}\n"
        for i in range(PERSONAS)
    )
    (out / "personas" / "personas.yaml").write_text(personas)
    for i in range(insights):
        journey, step = targets[i % len(targets)]
        (out / "insights" / f"insight-{i}.yaml").write_text(
            f"kind: insight\nid: insight-{i}\ntitle: Finding {i}\n"
            f"source: {rng.choice(['interview', 'survey', 'analytics'])}\n"
            f"date: 2026-0{1 + i % 9}-15\nsteps: [journey-{journey}/{step}]\n"
        )
    targeted = set(targets)
    for i in range(journeys):
        (out / "journeys" / f"journey-{i}.yaml").write_text(
            journey_text(rng, i, lifecycles, targeted, insights)
        )
    for i, (journey, step) in enumerate(targets):
        (out / "opportunities" / f"opportunity-{i}.yaml").write_text(
            opportunity_text(rng, i, journey, step, insights)
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="Folder to write the workspace into (created).")
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--opportunities", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.journeys, args.opportunities, args.seed)


if __name__ == "__main__":
    main()
