"""The files of a new workspace, as `journeyops init` writes them: a commented
journeyops.yaml with every setting at its default, and one small document of each kind that
link to each other, so that the workspace validates clean under every rule (a test runs
validate on it) and shows by example how the kinds fit together."""

from __future__ import annotations

import datetime

from journeyops.authoring.skeletons import scalar
from journeyops.core.outputs import SITE
from journeyops.load.cache import FOLDER as CACHE

CONFIG = """\
# yaml-language-server: $schema=schemas/journeyops.schema.json
# The journeyops workspace: this file marks its root, and every YAML file below it is read.
# Every setting is shown with its default; delete what you do not change.
version: 1                     # the format version; always 1
name: {name}
taxonomy:
  # Journey levels, top first. A journey's `level` is one of these, and a journey that
  # zooms into a step (`parent: journey/step`) sits exactly one level below that journey.
  levels: [lifecycle, journey, task]
  emotion: {{min: -2, max: 2}}   # the scale of a step's `emotion`
governance:
  review_interval_days: 180    # a journey not reviewed for this long is reported (JO303)
include: []                    # globs of the files to read; empty: every *.yaml and *.yml
exclude: []                    # globs of files or folders to leave out, e.g. [drafts/**]
lint:
  select: []                   # only these rules (ids, names, prefixes like JO4); empty: all
  ignore: []                   # rules turned off, e.g. [unused-persona]
  rules: {{}}                    # a severity per rule (off, warning, error), e.g. {{JO301: error}}
  overrides: []                # per-path settings, e.g. [{{files: [drafts/**], ignore: [JO3]}}]
scoring:
  default: rice                # what `journeyops score` ranks with: rice, ice, wsjf,
                               # opportunity, value, or a name under `models`
  models: {{}}                   # named variants, e.g.
                               # {{rice-weighted: {{type: rice, persona_weight: true}}}}
render:                        # what `journeyops render` does when its options do not say
  out: null                    # the site's folder, relative to this file; null: ./site
  title: null                  # the site's title; null: `name`
  model: null                  # the ranking's model; null: scoring.default
  top: null                    # how many of each list the overview shows; null: 25
"""

GITIGNORE = f"""\
# What journeyops writes: the rendered site (`journeyops render`) and its cache.
/{SITE}/
{CACHE}/
"""

PERSONA = """\
# yaml-language-server: $schema=../schemas/persona.schema.json
# Who takes the journeys. `journeyops new persona ID` adds another.
kind: persona
id: new-customer
name: Alex, a new customer
segment: Everyday customers
share: 1
goals:
  - Get started without visiting a branch
frustrations:
  - Being asked for the same details twice
quote: "Just tell me what you need from me."
"""

JOURNEY = """\
# yaml-language-server: $schema=../schemas/journey.schema.json
# The top of the hierarchy: other journeys zoom into its steps, e.g.
#   journeyops new journey join --parent customer-lifecycle/join
kind: journey
id: customer-lifecycle
title: Customer lifecycle
owner: CX team
level: lifecycle
reviewed: {today}              # review it every 180 days (governance.review_interval_days)
personas: [new-customer]
stages:
  - id: discover
    name: Discover
    steps:
      - id: compare
        name: Compare offers
        touchpoints: [website, friends and family]
        emotion: 0
  - id: join
    name: Join
    steps:
      - id: join
        name: Sign up
        touchpoints: [mobile app, website]
        emotion: -1
        moment_of_truth: true
        pains:
          - id: repeated-details
            text: Asked for the same details on every screen
            severity: medium
  - id: use
    name: Use
    steps:
      - id: use
        name: Use the service
        touchpoints: [mobile app]
        emotion: 1
  - id: leave
    name: Leave
    steps:
      - id: leave
        name: Leave
        touchpoints: [phone, website]
        emotion: -1
"""

INSIGHT = """\
# yaml-language-server: $schema=../schemas/insight.schema.json
# Research evidence, linked to the steps it is about.
kind: insight
id: details-asked-twice
title: New customers notice when they are asked for the same details twice
source: interview
date: {today}
summary: Five of eight interviewees mentioned retyping their address while signing up.
steps: [customer-lifecycle/join]
personas: [new-customer]
"""

OPPORTUNITY = """\
# yaml-language-server: $schema=../schemas/opportunity.schema.json
# An improvement, linked to the steps and pains it addresses. `journeyops score` ranks
# opportunities by their `scores` (RICE by default: reach, impact, confidence, effort).
kind: opportunity
id: ask-once
title: Ask for each detail once and carry it through sign-up
owner: CX team
status: open
steps: [customer-lifecycle/join]
pains: [customer-lifecycle/join/repeated-details]
personas: [new-customer]
evidence: [details-asked-twice]
scores: {{reach: 1000, impact: 1, confidence: 0.8, effort: 2}}
"""


def starter_files(name: str, today: datetime.date) -> dict[str, str]:
    """Relative path -> text of every file of a new workspace except the schemas, which
    come from the models (journeyops.model.json_schema)."""
    return {
        "journeyops.yaml": CONFIG.format(name=scalar(name)),
        ".gitignore": GITIGNORE,
        "personas/new-customer.yaml": PERSONA,
        "journeys/customer-lifecycle.yaml": JOURNEY.format(today=today.isoformat()),
        "insights/details-asked-twice.yaml": INSIGHT.format(today=today.isoformat()),
        "opportunities/ask-once.yaml": OPPORTUNITY.format(today=today.isoformat()),
    }
