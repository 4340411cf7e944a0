"""Docs of the problems the loader finds while reading files (JO0xx).

These rules have no check function: the loader detects them as it parses. Their docs live here
so `journeyops explain` and docs/rules.md treat them like every other rule.
"""

YAML_SYNTAX = """
The file is not valid YAML, or a value looks like a date or number but is not a valid one.

Bad:
    title: Open an account: the easy way
Good:
    title: "Open an account: the easy way"
"""

DUPLICATE_KEY = """
A mapping sets the same key twice. YAML keeps only one of the values, silently.

Bad:
    title: Open an account
    title: Open a current account
Good:
    title: Open a current account
"""

TAB_INDENTATION = """
A line is indented with a tab. YAML indentation must be spaces.

Bad:
    stages:
    <TAB>- id: apply
Good:
    stages:
      - id: apply
"""

INVALID_ENCODING = """
The file is not UTF-8. Save it as UTF-8 (every modern editor can).
"""

EMPTY_DOCUMENT = """
A file or a `---` separated document holds nothing.

Bad:
    kind: persona
    id: maya
    ---
Good:
    kind: persona
    id: maya
"""

DOCUMENT_NOT_MAPPING = """
A document is a list or a single value; every document must be a mapping with `kind` and `id`.

Bad:
    - kind: persona
      id: maya
Good:
    kind: persona
    id: maya
"""

UNSUPPORTED_TAG = """
A YAML tag other than the standard data tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`,
`!!timestamp`, `!!map`, `!!seq`). journeyops only loads data; tags that construct objects,
such as `!!python/object`, are refused.

Bad:
    owner: !!python/object/apply:os.system ["echo hi"]
Good:
    owner: Onboarding squad
"""

ALIAS_LIMIT = """
Anchors and aliases expand to an unreasonable size (a "billion laughs" document), or an alias
refers to the collection that contains it.

Bad:
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    # ... nine levels deep
Good:
    defaults: &defaults {touchpoints: [mobile app]}
    step: {<<: *defaults, id: apply, name: Apply}
"""

UNSUPPORTED_YAML = """
A YAML construct that journey files have no use for: a list or mapping as a key, nesting
deeper than 64 levels, or a merge (`<<`) of something that is not a mapping.

Bad:
    ? [a, b]
    : value
Good:
    a-b: value
"""

UNREADABLE_FILE = """
A YAML file or a folder below the workspace root cannot be read: a symbolic link whose target
is gone, or a file or folder without read permission. A folder that cannot be listed is
reported too, at the folder, since the files in it are not checked. Fix it, or leave it out
with `exclude:` in journeyops.yaml.
"""

UNKNOWN_KIND = """
A document has no `kind`, or one that is not persona, journey, insight or opportunity.

Bad:
    kind: jouney
Good:
    kind: journey
"""

SCHEMA = """
A document does not match the format of its kind: a missing required field, an unknown field,
a value of the wrong type, or an id that is not a slug. See docs/format.md for every field.

Bad:
    kind: persona
    id: Maya Smith
    nmae: Maya
Good:
    kind: persona
    id: maya-smith
    name: Maya
"""

CONFIG = """
journeyops.yaml is missing or invalid. Nothing else can be checked until it is fixed, so this
problem exits with status 2.

Bad:
    version: 2
    name: Northwind
Good:
    version: 1
    name: Northwind
"""

UNUSED_SUPPRESSION = """
A `# journeyops: disable=RULE` comment names a rule that reports nothing on its line or the
next (or, for `disable-file=RULE`, nowhere in the file), or names no rule at all. Stale
suppressions hide the next real problem, so they are reported.

Bad:
    owner: Onboarding squad  # journeyops: disable=JO301
Good:
    owner: Onboarding squad
"""

LINK_OUTSIDE_WORKSPACE = """
A symbolic link below the workspace root points outside it. journeyops reads only files inside
the workspace root, so the link is not followed, and nothing of what it points to is read or
shown. This keeps a link committed in a pull request (to `~/.git-credentials`, say) from
putting a secret into the CI log or an uploaded report. A link to a folder outside the root is
reported at the link: none of the files in it are checked. Links that stay inside the root
are read as usual; a folder link inside it is not entered, its files are read where they are.

Bad:
    journeys/shared.yaml -> ../../common/shared.yaml    # outside the workspace root
Good:
    journeys/shared.yaml -> ../common/shared.yaml       # common/ is inside the root
"""

NOT_A_REGULAR_FILE = """
A YAML name below the workspace root is a fifo (named pipe), a socket or a device, or a link
to one. Reading it could wait forever (a fifo) or never end (`/dev/zero`), so journeyops does
not read it. Replace it with a regular file, or leave it out with `exclude:` in
journeyops.yaml.

Bad:
    journeys/onboarding.yaml -> /dev/zero
Good:
    journeys/onboarding.yaml                            # a regular file
"""
