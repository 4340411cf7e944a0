"""The package's shape: every module in a layer of the import contract, modules small
enough to read, and every rule name the code emits known to the registry and the docs."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeyops.load.sources import DiskSource, WorkspaceSource
from journeyops.load.workspace import ConfigError, load_workspace
from journeyops.rules import RULES
from tests.conftest import ROOT, memory_workspace, read_tree

PACKAGE = ROOT / "journeyops"
MAX_LINES = 300
# Calls whose first argument is the name of the rule a problem is reported under.
_NAMING_CALLS = frozenset(("Finding", "Refused", "Reject"))


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [name.strip() for layer in contract["layers"] for name in layer.split("|")]


def test_every_module_is_in_a_layer_of_the_import_contract() -> None:
    layers = _layers()
    outside = [
        name
        for name, _ in _modules()
        if name != "journeyops" and not any(name == x or name.startswith(x + ".") for x in layers)
    ]
    assert outside == [], "add these modules' package to [tool.importlinter] layers"


def test_no_module_is_over_300_lines() -> None:
    long = {
        name: lines
        for name, path in _modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _emitted_names() -> Iterator[tuple[str, str]]:
    """(module, rule name) for every literal rule name the package reports a problem under."""
    for module, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in _NAMING_CALLS:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield module, first.value
            elif isinstance(first, ast.Name) and first.id in constants:
                yield module, constants[first.id]


def test_every_rule_name_the_code_emits_is_in_the_registry() -> None:
    emitted = list(_emitted_names())
    # The scan must see the loader's names, or it would pass by finding nothing.
    assert {"yaml-syntax", "schema", "config", "link-outside-workspace"} <= {n for _, n in emitted}
    unknown = [(module, name) for module, name in emitted if name not in RULES.names()]
    assert unknown == []


def _fixtures() -> Iterator[tuple[str, WorkspaceSource]]:
    yield "examples/broken", DiskSource(ROOT / "examples" / "broken")
    for case in sorted((ROOT / "tests" / "cases").glob("*/*")):
        yield case.relative_to(ROOT).as_posix(), memory_workspace(read_tree(case))


@pytest.mark.parametrize("source", [pytest.param(s, id=n) for n, s in _fixtures()])
def test_every_finding_of_the_loader_names_a_registered_rule(source: WorkspaceSource) -> None:
    try:
        loaded = load_workspace(source)
    except ConfigError as error:
        names = [name for name, _ in error.problems]
    else:
        names = [name for name, _ in loaded.problems]
    assert [n for n in names if RULES.resolve(n) is None] == []


def test_every_rule_family_has_its_heading_in_the_rules_reference() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    headings = dict(re.findall(r"^## (.+) \((JO\d)xx\)$", doc, flags=re.MULTILINE))
    families = {rule.id[:3] for rule in RULES.values()}
    by_family = {family: title for title, family in headings.items()}
    assert sorted(by_family) == sorted(families)
    # A family is named in words, never by its own id ("## JO5 (JO5xx)").
    assert [t for t in by_family.values() if re.fullmatch(r"JO\d", t)] == []
