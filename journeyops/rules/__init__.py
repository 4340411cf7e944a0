"""Every rule journeyops checks, by id: the one place to look them up."""

from __future__ import annotations

from journeyops.diagnostics import Severity
from journeyops.rules import hierarchy, loading, references, uniqueness
from journeyops.rules.engine import Rule, run

ERROR = Severity.ERROR

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        # JO0xx: reading files (reported by the loader)
        Rule("JO001", "yaml-syntax", ERROR, "The file is not valid YAML.", doc=loading.YAML_SYNTAX),
        Rule(
            "JO002",
            "duplicate-key",
            ERROR,
            "A key appears twice in a mapping.",
            doc=loading.DUPLICATE_KEY,
        ),
        Rule(
            "JO003",
            "tab-indentation",
            ERROR,
            "A line is indented with a tab.",
            doc=loading.TAB_INDENTATION,
        ),
        Rule(
            "JO004",
            "invalid-encoding",
            ERROR,
            "The file is not UTF-8.",
            doc=loading.INVALID_ENCODING,
        ),
        Rule(
            "JO005",
            "empty-document",
            ERROR,
            "A file or document is empty.",
            doc=loading.EMPTY_DOCUMENT,
        ),
        Rule(
            "JO006",
            "document-not-mapping",
            ERROR,
            "A document is not a mapping.",
            doc=loading.DOCUMENT_NOT_MAPPING,
        ),
        Rule(
            "JO007",
            "unsupported-tag",
            ERROR,
            "A YAML tag that is not plain data.",
            doc=loading.UNSUPPORTED_TAG,
        ),
        Rule(
            "JO008",
            "alias-limit",
            ERROR,
            "Aliases expand too far, or refer to themselves.",
            doc=loading.ALIAS_LIMIT,
        ),
        Rule(
            "JO009",
            "unknown-kind",
            ERROR,
            "A document's kind is missing or unknown.",
            doc=loading.UNKNOWN_KIND,
        ),
        Rule(
            "JO010",
            "schema",
            ERROR,
            "A document does not match its kind's format.",
            doc=loading.SCHEMA,
        ),
        Rule(
            "JO011", "config", ERROR, "journeyops.yaml is missing or invalid.", doc=loading.CONFIG
        ),
        Rule(
            "JO012",
            "emotion-range",
            ERROR,
            "A step's emotion is outside the scale.",
            hierarchy.emotion_range,
        ),
        Rule(
            "JO013",
            "unsupported-yaml",
            ERROR,
            "A YAML construct journey files do not use.",
            doc=loading.UNSUPPORTED_YAML,
        ),
        Rule(
            "JO014",
            "unreadable-file",
            ERROR,
            "A workspace file cannot be read.",
            doc=loading.UNREADABLE_FILE,
        ),
        # JO1xx: reference integrity
        Rule(
            "JO101",
            "unknown-persona",
            ERROR,
            "A reference names a persona that does not exist.",
            references.unknown_persona,
        ),
        Rule(
            "JO102",
            "unknown-journey",
            ERROR,
            "A reference names a journey that does not exist.",
            references.unknown_journey,
        ),
        Rule(
            "JO103",
            "unknown-step",
            ERROR,
            "A reference names a step its journey does not have.",
            references.unknown_step,
        ),
        Rule(
            "JO104",
            "unknown-pain",
            ERROR,
            "A reference names a pain its step does not have.",
            references.unknown_pain,
        ),
        Rule(
            "JO105",
            "unknown-insight",
            ERROR,
            "A reference names an insight that does not exist.",
            references.unknown_insight,
        ),
        Rule(
            "JO106",
            "duplicate-id",
            ERROR,
            "Two documents of one kind share an id.",
            uniqueness.duplicate_id,
        ),
        Rule(
            "JO107",
            "duplicate-step-id",
            ERROR,
            "Two steps of one journey share an id.",
            uniqueness.duplicate_step_id,
        ),
        Rule(
            "JO108",
            "invalid-replaces",
            ERROR,
            "`replaces` is not from a future to a current journey.",
            hierarchy.invalid_replaces,
        ),
        Rule(
            "JO109",
            "duplicate-stage-id",
            ERROR,
            "Two stages of one journey share an id.",
            uniqueness.duplicate_stage_id,
        ),
        Rule(
            "JO110",
            "duplicate-pain-id",
            ERROR,
            "Two pains or gains of one step share an id.",
            uniqueness.duplicate_pain_id,
        ),
        # JO2xx: hierarchy
        Rule(
            "JO201",
            "parent-cycle",
            ERROR,
            "Journeys are each other's parents.",
            hierarchy.parent_cycle,
        ),
        Rule(
            "JO202",
            "unknown-level",
            ERROR,
            "A journey's level is not in the taxonomy.",
            hierarchy.unknown_level,
        ),
        Rule(
            "JO203",
            "level-mismatch",
            ERROR,
            "A child journey is not one level below its parent.",
            hierarchy.level_mismatch,
        ),
    )
}

RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}

__all__ = ["RULES", "RULES_BY_NAME", "Rule", "run"]
