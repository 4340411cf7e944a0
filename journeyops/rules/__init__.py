"""Every rule journeyops checks, by id: the one place to look them up."""

from __future__ import annotations

from journeyops.core.diagnostics import Severity
from journeyops.rules import (
    content,
    governance,
    hierarchy,
    loader_docs,
    references,
    scales,
    scoring_inputs,
    uniqueness,
)
from journeyops.rules.engine import (
    Registry,
    Rule,
    RunOptions,
    check_across,
    check_documents,
    finish,
)

E, W = Severity.ERROR, Severity.WARNING

# fmt: off
_ALL = (
    # JO0xx: reading files (found by the loader; these rules have docs but no check)
    Rule("JO001", "yaml-syntax", E, "The file is not valid YAML.", doc=loader_docs.YAML_SYNTAX),
    Rule("JO002", "duplicate-key", E, "A key appears twice in a mapping.", doc=loader_docs.DUPLICATE_KEY),
    Rule("JO003", "tab-indentation", E, "A line is indented with a tab.", doc=loader_docs.TAB_INDENTATION),
    Rule("JO004", "invalid-encoding", E, "The file is not UTF-8.", doc=loader_docs.INVALID_ENCODING),
    Rule("JO005", "empty-document", E, "A file or document is empty.", doc=loader_docs.EMPTY_DOCUMENT),
    Rule("JO006", "document-not-mapping", E, "A document is not a mapping.", doc=loader_docs.DOCUMENT_NOT_MAPPING),
    Rule("JO007", "unsupported-tag", E, "A YAML tag that is not plain data.", doc=loader_docs.UNSUPPORTED_TAG),
    Rule("JO008", "alias-limit", E, "Aliases expand too far, or refer to themselves.", doc=loader_docs.ALIAS_LIMIT),
    Rule("JO009", "unknown-kind", E, "A document's kind is missing or unknown.", doc=loader_docs.UNKNOWN_KIND),
    Rule("JO010", "schema", E, "A document does not match its kind's format.", doc=loader_docs.SCHEMA),
    Rule("JO011", "config", E, "journeyops.yaml is missing or invalid.", doc=loader_docs.CONFIG),
    Rule("JO012", "emotion-range", E, "A step's emotion is outside the scale.", scales.emotion_range),
    Rule("JO013", "unsupported-yaml", E, "A YAML construct journey files do not use.", doc=loader_docs.UNSUPPORTED_YAML),
    Rule("JO014", "unreadable-file", E, "A workspace file cannot be read.", doc=loader_docs.UNREADABLE_FILE),
    Rule("JO015", "unused-suppression", W, "A suppression comment suppresses nothing.", doc=loader_docs.UNUSED_SUPPRESSION),
    Rule("JO016", "link-outside-workspace", E, "A link points outside the workspace.", doc=loader_docs.LINK_OUTSIDE_WORKSPACE),
    Rule("JO017", "not-a-regular-file", E, "A workspace file is a fifo, socket or device.", doc=loader_docs.NOT_A_REGULAR_FILE),
    # JO1xx: reference integrity
    Rule("JO101", "unknown-persona", E, "A reference names a persona that does not exist.", across=references.unknown_persona),
    Rule("JO102", "unknown-journey", E, "A reference names a journey that does not exist.", across=references.unknown_journey),
    Rule("JO103", "unknown-step", E, "A reference names a step its journey does not have.", across=references.unknown_step),
    Rule("JO104", "unknown-pain", E, "A reference names a pain its step does not have.", across=references.unknown_pain),
    Rule("JO105", "unknown-insight", E, "A reference names an insight that does not exist.", across=references.unknown_insight),
    Rule("JO106", "duplicate-id", E, "Two documents of one kind share an id.", across=uniqueness.duplicate_id),
    Rule("JO107", "duplicate-step-id", E, "Two steps of one journey share an id.", uniqueness.duplicate_step_id),
    Rule("JO108", "invalid-replaces", E, "`replaces` is not from a future to a current journey.", across=hierarchy.invalid_replaces),
    Rule("JO109", "duplicate-stage-id", E, "Two stages of one journey share an id.", uniqueness.duplicate_stage_id),
    Rule("JO110", "duplicate-pain-id", E, "Two pains or gains of one step share an id.", uniqueness.duplicate_pain_id),
    # JO2xx: hierarchy
    Rule("JO201", "parent-cycle", E, "Journeys are each other's parents.", across=hierarchy.parent_cycle),
    Rule("JO202", "unknown-level", E, "A journey's level is not in the taxonomy.", across=hierarchy.unknown_level),
    Rule("JO203", "level-mismatch", E, "A child journey is not one level below its parent.", across=hierarchy.level_mismatch),
    Rule("JO204", "missing-parent", W, "A journey below the top level has no parent.", across=hierarchy.missing_parent),
    Rule("JO205", "root-not-top-level", W, "The root of a hierarchy is not at the top level.", across=hierarchy.root_not_top_level),
    Rule("JO206", "future-parent", E, "A current journey zooms into a future journey's step.", across=hierarchy.future_parent),
    # JO3xx: governance
    Rule("JO301", "journey-without-owner", W, "A journey has no owner.", governance.journey_without_owner),
    Rule("JO302", "opportunity-without-owner", W, "An opportunity has no owner.", governance.opportunity_without_owner),
    Rule("JO303", "review-overdue", W, "A journey was not reviewed within the review interval.", governance.review_overdue),
    Rule("JO304", "replaced-twice", W, "A current journey is replaced by several future ones.", across=governance.replaced_twice),
    # JO4xx: content
    Rule("JO401", "empty-stage", W, "A stage has no steps.", content.empty_stage),
    Rule("JO402", "step-without-touchpoints", W, "A step names no touchpoint.", content.step_without_touchpoints),
    Rule("JO403", "journey-without-personas", W, "A journey names no persona.", content.journey_without_personas),
    Rule("JO404", "unaddressed-high-pain", W, "A high-severity pain that no opportunity addresses.", across=content.unaddressed_high_pain),
    Rule("JO405", "opportunity-without-evidence", W, "A planned or later opportunity cites no insight.", content.opportunity_without_evidence),
    Rule("JO406", "unused-insight", W, "An insight that nothing references.", across=content.unused_insight),
    Rule("JO407", "unused-persona", W, "A persona that no journey uses.", across=content.unused_persona),
    Rule("JO408", "too-many-stages", W, "A journey has more than 50 stages.", content.too_many_stages),
    Rule("JO409", "too-many-steps", W, "A stage has more than 30 steps.", content.too_many_steps),
    Rule("JO410", "duplicate-step-name", W, "Two steps of one stage share a name.", content.duplicate_step_name),
    # JO5xx: scoring inputs
    Rule("JO501", "missing-score-input", W, "An opportunity lacks an input the default model needs.", scoring_inputs.missing_score_input),
    Rule("JO502", "invalid-score-input", E, "A scoring input is outside its model's range.", scoring_inputs.invalid_score_input),
    Rule("JO503", "non-finite-score", E, "Valid scoring inputs give a score that is not a finite number.", scoring_inputs.non_finite_score),
)
# fmt: on

RULES = Registry(_ALL)

__all__ = [
    "RULES",
    "Registry",
    "Rule",
    "RunOptions",
    "check_across",
    "check_documents",
    "finish",
]
