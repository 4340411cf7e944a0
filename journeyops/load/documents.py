"""Raw YAML documents -> typed models: kind dispatch and schema validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from journeyops.core.diagnostics import FILE_START, Finding, Problem
from journeyops.core.suggest import did_you_mean
from journeyops.load import schema_errors
from journeyops.load.yaml_reader import ParsedFile, RawDocument, Rejected
from journeyops.model import KINDS, MODELS_BY_KIND
from journeyops.model.base import Document
from journeyops.model.facts import Facts
from journeyops.model.partial_facts import partial_facts
from journeyops.model.workspace import Located

_KINDS_TEXT = ", ".join(KINDS)


@dataclass
class FileDocuments:
    located: list[Located[Document]] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) failing the schema
    # What the cross-file rules can still know of each document that failed its schema.
    partial: list[Facts] = field(default_factory=list)


def typed_documents(parsed: ParsedFile, file: str) -> FileDocuments:
    out = FileDocuments()
    out.problems.extend(parsed.problems)
    if not parsed.documents and not parsed.problems:
        out.problems.append(
            Finding(
                "empty-document",
                Problem(
                    "the file holds no YAML document",
                    file,
                    FILE_START,
                    "add a document with `kind:` and `id:`, or delete the file",
                ),
            )
        )
    for raw in parsed.documents:
        model, found = _typed(raw, file, multi=len(parsed.documents) > 1)
        out.problems.extend(found)
        if model is not None:
            out.located.append(Located(file, model, raw.source, raw.index))
        elif found and found[0][0] == "schema":
            value = raw.value
            out.invalid.append((str(value.get("kind")), str(value.get("id"))))
            out.partial.append(partial_facts(value["kind"], value, file, raw.index))
    return out


def _typed(raw: RawDocument, file: str, *, multi: bool) -> tuple[Document | None, list[Finding]]:
    value: Any = raw.value
    where = f"document {raw.index + 1}" if multi else "the document"
    if isinstance(value, Rejected):
        return None, []
    if value is None:
        return None, [
            Finding(
                "empty-document",
                Problem(
                    f"{where} is empty",
                    file,
                    raw.source.span(()),
                    "remove the stray '---' or fill it in",
                ),
            )
        ]
    if not isinstance(value, dict):
        found = "a list" if isinstance(value, list) else f"a single value ({value!r:.40})"
        message = f"{where} is {found}, but a document must be a mapping with `kind:` and `id:`"
        return None, [Finding("document-not-mapping", Problem(message, file, raw.source.span(())))]
    kind = value.get("kind")
    if kind is None:
        message = f"{where} has no `kind`; it must be one of: {_KINDS_TEXT}"
        add = "add e.g. `kind: journey`"
        return None, [Finding("unknown-kind", Problem(message, file, raw.source.span(()), add))]
    if not isinstance(kind, str) or kind not in MODELS_BY_KIND:
        message = f"unknown kind '{kind}'; it must be one of: {_KINDS_TEXT}"
        hint = did_you_mean(str(kind), KINDS)
        return None, [
            Finding("unknown-kind", Problem(message, file, raw.source.span(("kind",)), hint))
        ]
    model = MODELS_BY_KIND[kind]
    try:
        return model.model_validate(value), []
    except ValidationError as error:
        problems = schema_errors.translate(error, model, raw.source, file)
        return None, [Finding("schema", p) for p in problems]
