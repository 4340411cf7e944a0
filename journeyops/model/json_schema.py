"""JSON Schemas generated from the models, one per kind plus one for journeyops.yaml.

Draft-07 flavoured (`definitions`, `$schema` draft-07) because that is what the VS Code YAML
extension and most editors understand.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from journeyops.model import MODELS_BY_KIND, Config

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_for(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", None)
    out: dict[str, Any] = {"$schema": DRAFT_07, "$id": f"{name}.schema.json", **schema}
    if definitions:
        out["definitions"] = definitions
    return out


def all_schemas() -> dict[str, str]:
    """File name -> schema text, exactly as committed under `schemas/`."""
    models: dict[str, type[BaseModel]] = {"journeyops": Config, **MODELS_BY_KIND}
    return {
        f"{name}.schema.json": json.dumps(schema_for(model, name), indent=2, ensure_ascii=False)
        + "\n"
        for name, model in models.items()
    }
