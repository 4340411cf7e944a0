"""Why two versions cannot be compared."""

from __future__ import annotations

from journeyops.load.workspace import ConfigError


class MissingWorkspace(Exception):
    """The version to compare to has no workspace: there is nothing to show changes of."""

    def __init__(self, label: str) -> None:
        super().__init__(f"there is no workspace in {label}")
        self.label = label


class RevisionConfigError(ConfigError):
    """One version's journeyops.yaml is broken, so the versions cannot be compared."""

    def __init__(self, label: str, error: ConfigError) -> None:
        super().__init__(error.problems)
        self.label = label
