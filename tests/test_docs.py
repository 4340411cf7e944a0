"""Documentation that must not drift from the code."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from journeyops.model import MODELS_BY_KIND, Config, Kpi, Pain, Stage, Step
from journeyops.model.config import RenderSettings
from journeyops.model.journey import Gain
from journeyops.model.scoring_config import (
    Criterion,
    Divisor,
    IceOptions,
    Scoring,
    ValueOptions,
    WeightedOptions,
    WsjfOptions,
)
from journeyops.model.surveys import Ces, Csat, Nps
from journeyops.report.rule_docs import rule_markdown, rules_markdown
from journeyops.rules import RULES
from tests.conftest import ROOT


def test_readme_rule_table_matches_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (JO\d{3}) \| `([a-z-]+)` \| (.+) \|$", readme, flags=re.MULTILINE)
    assert rows == [(r.id, r.name, r.summary) for r in RULES.values()]


def test_format_doc_mentions_every_field() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    models: list[type[BaseModel]] = [
        Config,
        RenderSettings,
        Kpi,
        Pain,
        Gain,
        Stage,
        Step,
        *MODELS_BY_KIND.values(),
        Nps,
        Csat,
        Ces,
        IceOptions,
        WsjfOptions,
        ValueOptions,
        WeightedOptions,
        Criterion,
        Divisor,
        Scoring,
    ]
    missing = [
        f"{model.__name__}.{name}"
        for model in models
        for name in model.model_fields
        if not re.search(rf"\b{name}\b", doc)
    ]
    assert missing == []


def test_every_rule_has_docs_with_examples() -> None:
    for rule in RULES.values():
        # Encoding and unreadable files have no YAML to show as a bad and a good example.
        assert "Bad:" in rule.docs or rule.id in {"JO004", "JO014"}, rule.id
        assert rule.docs.strip(), rule.id


def test_rules_reference_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(RULES.values()), "docs/rules.md is stale: run `make docs`"


def test_rules_reference_shows_examples_as_yaml_blocks() -> None:
    text = rule_markdown(RULES["JO404"])
    assert text.startswith("## JO404 `unaddressed-high-pain`\n")
    assert "Default severity: **warning**." in text
    assert "**Bad**\n\n```yaml\npains: [{id: photo-rejected" in text
    assert "**Good**\n\n```yaml\nkind: opportunity\n" in text


def test_readme_ranked_table_is_current(cli: Callable[..., tuple[int, str, str]]) -> None:
    status, out, _ = cli(
        "score", "examples/northwind", "--format", "markdown", "--top", "10", cwd=ROOT
    )
    assert status == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert out.strip() in readme, "README's ranked table is stale: paste the command's output"


def test_ci_guide_snippets_parse_and_name_what_exists() -> None:
    import yaml  # noqa: PLC0415

    from journeyops.report import OutputFormat  # noqa: PLC0415

    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.DOTALL)
    assert len(blocks) == 4  # the action, GitHub Actions steps, GitLab CI, pre-commit
    parsed = [yaml.safe_load(block) for block in blocks]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [repo] = parsed[3]["repos"]
    assert {h["id"] for h in repo["hooks"]} <= {h["id"] for h in hooks}
    formats = set(re.findall(r"-f (\w+)", doc))
    assert formats and formats <= {f.value for f in OutputFormat}
