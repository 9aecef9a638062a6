"""The key reference in docs/adding-a-form.md is generated from the schemas (tools/docs_reference.py): it must be
current, name every key, and the schema's field types must be the ones the model knows."""
from __future__ import annotations

import importlib.util
from copy import deepcopy
from pathlib import Path
from typing import Any

from assistant.definition import form_schema
from assistant.fieldtypes import TYPES

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("docs_reference", ROOT / "tools" / "docs_reference.py")
docs_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docs_reference)
DOCS = (ROOT / "docs" / "adding-a-form.md").read_text(encoding="utf-8")


def _mappings(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [schema] + [part for part in schema.get("$defs", {}).values() if "properties" in part]


def test_the_docs_reference_is_what_the_schemas_say():
    assert docs_reference.with_reference(DOCS) == DOCS, "run: python tools/docs_reference.py"


def test_every_key_of_every_schema_is_in_the_docs_reference():
    reference = DOCS.split(docs_reference.START, 1)[1].split(docs_reference.END, 1)[0]
    for name in ("form", "municipality"):
        for part in _mappings(form_schema.load_schema(name)):
            for key, prop in part.get("properties", {}).items():
                assert f"| `{key}` |" in reference, f"{name}: {key} is not in the docs"
                assert prop.get("description") or "$ref" in prop, f"{name}: {key} has no description"


def test_a_key_added_to_the_schema_without_regenerating_makes_the_docs_out_of_date(monkeypatch):
    schema = deepcopy(form_schema.load_schema("form"))
    schema["$defs"]["field"]["properties"]["placeholder_text"] = {"type": "string", "description": "Grey hint."}
    monkeypatch.setattr(docs_reference, "load_schema", lambda name: schema if name == "form"
                        else form_schema.load_schema(name))
    regenerated = docs_reference.with_reference(DOCS)
    assert regenerated != DOCS and "| `placeholder_text` | text | no | Grey hint. |" in regenerated


def test_the_schema_knows_exactly_the_field_types_of_the_model():
    field = form_schema.load_schema("form")["$defs"]["field"]
    assert tuple(field["properties"]["type"]["enum"]) == tuple(TYPES)
