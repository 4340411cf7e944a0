"""Every check of `journeyops.yaml`, in one place, so that every command finds the same
mistakes in it: its schema (`load.scan.load_config`), its `lint:` policy, and the `scoring:`
mistakes pydantic cannot see (an unknown default model, a renamed input the model lacks).

A command that does not lint still refuses a broken `lint:` section: a workspace whose
configuration is wrong is wrong for every command, and saying so only in CI would let it
stand until then."""

from __future__ import annotations

from journeyops.core.diagnostics import Finding, Problem
from journeyops.core.sourcemap import SourceMap
from journeyops.load.scan import ConfigError, load_config
from journeyops.load.sources import WorkspaceSource
from journeyops.model import Config
from journeyops.rules import RULES
from journeyops.rules.policy import Policy, PolicyError, build_policy
from journeyops.scoring import scoring_config_problems


def configured_policy(config: Config, source: SourceMap) -> Policy:
    """The workspace's `lint:` policy; ConfigError (every problem in `lint:` and `scoring:`
    at once) when the settings beyond the schema are wrong."""
    problems: list[Problem] = []
    policy: Policy | None = None
    try:
        policy = build_policy(config.lint, RULES, source)
    except PolicyError as error:
        problems += error.problems
    problems += scoring_config_problems(config.scoring, source)
    if problems or policy is None:
        raise ConfigError([Finding("config", p) for p in problems])
    return policy


def check_config(source: WorkspaceSource) -> Policy:
    """Read and check the workspace's `journeyops.yaml` alone (no other file is listed or
    read); ConfigError with every problem found."""
    config, config_source, _ = load_config(source)
    return configured_policy(config, config_source)
