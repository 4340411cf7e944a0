"""`journeyops import csv` as library calls: plan an import, then write what it planned.

`plan_import` reads the workspace and the sheet and returns the plan with the new text of
every file it would write; the texts are read back with journeyops' own loader first, and a
text that would not load as the planned opportunities is a problem, not a write.
`write_plan` writes them, each atomically, only when the plan has no problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeyops.authoring.csv_fields import plain
from journeyops.authoring.csv_plan import ImportPlan, Place, plan
from journeyops.authoring.csv_sheet import CellProblem, read_sheet
from journeyops.authoring.csv_yaml import Change, Unparsable, new_file, rewrite
from journeyops.core.atomic import write_atomic
from journeyops.load.documents import typed_documents
from journeyops.load.parallel import parse
from journeyops.load.selection import select_files
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_scan, scan
from journeyops.load.yaml_reader import LazyPositions, ParsedFile, RawDocument
from journeyops.model import Opportunity

# What the loader says of a file it could not read as YAML: such a file is never rewritten.
_UNPARSED = {
    "yaml-syntax",
    "invalid-encoding",
    "unsupported-yaml",
    "duplicate-key",
    "unreadable-file",
}


@dataclass
class Import:
    plan: ImportPlan
    texts: dict[str, str] = field(default_factory=dict)  # file -> its new text

    @property
    def ok(self) -> bool:
        return not self.plan.problems


def plan_import(root: Path, sheet_text: str) -> Import:
    """What importing `sheet_text` into the workspace at `root` would do. Raises
    ConfigError for a broken journeyops.yaml, as every command does."""
    found = scan(DiskSource(root))
    loaded = load_scan(found)
    unparsed = {f.problem.file for f in loaded.problems if f.rule in _UNPARSED}
    opportunity_files = {d.file for d in loaded.workspace.of(Opportunity)}
    opportunity_files |= {
        f for f, docs in loaded.invalid.items() if any(k == "opportunity" for k, _ in docs)
    }
    texts: dict[str, str] = {}
    places: dict[str, list[Place]] = {}
    for file in sorted(opportunity_files - unparsed):
        data = found.files[file]
        assert isinstance(data, bytes)  # a file that was not read holds no document
        texts[file] = data.decode("utf-8")  # the loader read it, so it is UTF-8
        # Current values from the fast reader; ruamel.yaml (pure Python, ~0.1 s a document)
        # loads only the documents that change, and the read-back check below catches any
        # disagreement between the two.
        for index, value in parse(file, data).values:
            if isinstance(value, dict) and value.get("kind") == "opportunity":
                places.setdefault(str(value.get("id")), []).append(Place(file, index, value))

    def blocked(file: str) -> str | None:
        if os.path.lexists(root / file):
            return f"{file} exists and holds no such opportunity"
        if not select_files([file], found.config):
            return f"journeyops.yaml's include and exclude leave {file} out of the workspace"
        return None

    sheet = read_sheet(sheet_text)
    result = plan(sheet, places, loaded.workspace, sorted(unparsed), blocked)
    planned = Import(result)
    if planned.ok:
        planned.texts = _texts(result, texts)
        if planned.ok:
            _check_texts(planned)
    return planned


def _texts(result: ImportPlan, texts: dict[str, str]) -> dict[str, str]:
    by_file: dict[str, dict[int, list[Change]]] = {}
    for update in result.updates:
        by_file.setdefault(update.file, {})[update.index] = list(update.changes)
    out = {}
    for file, changes in by_file.items():
        try:
            out[file] = rewrite(texts[file], changes)
        except Unparsable as error:
            row = min(u.row for u in result.updates if u.file == file)
            message = f"{file} cannot be rewritten: ruamel.yaml does not read it ({error})"
            result.problems.append(CellProblem(row, 0, message=message.split("\n", maxsplit=1)[0]))
    for create in result.creates:
        out[create.file] = new_file(create.values)
    return out


def _check_texts(planned: Import) -> None:
    """Each new text read as `validate` reads it: every planned opportunity must be there,
    valid, and hold exactly the values planned for it."""
    wanted = [(c.file, c.id, c.row, c.values) for c in planned.plan.creates]
    wanted += [(u.file, u.id, u.row, u.values) for u in planned.plan.updates]
    read: dict[str, dict[str, Any]] = {}
    for file, text in planned.texts.items():
        data = text.encode("utf-8")
        parsed = parse(file, data)
        positions = LazyPositions(data, file)
        raws = [RawDocument(i, v, positions.source(i)) for i, v in parsed.values]
        typed = typed_documents(ParsedFile(raws, list(parsed.problems)), file)
        values = dict(parsed.values)
        read[file] = {
            d.model.id: plain(values[d.index])
            for d in typed.located
            if isinstance(d.model, Opportunity)
        }
    for file, identifier, row, expected in wanted:
        if read[file].get(identifier) != expected:
            message = f"the planned {file} does not read back as opportunity '{identifier}'"
            hint = "nothing was written; please report this as a bug of journeyops"
            planned.plan.problems.append(CellProblem(row, 0, message=message, hint=hint))


def write_plan(planned: Import, root: Path) -> list[str]:
    """Write every planned file atomically; nothing when the plan has a problem."""
    if not planned.ok:
        return []
    real_root = os.path.realpath(root)
    for file, text in sorted(planned.texts.items()):
        # Through a link (which the loader allows inside the workspace), so the link stays.
        target = os.path.realpath(root / file)
        if os.path.commonpath([real_root, target]) != real_root:
            raise OSError(f"{file} leads out of the workspace")
        write_atomic(Path(target), text)
    return sorted(planned.texts)
