"""Write the key reference of docs/adding-a-form.md from the schemas (assistant/definition/schema/*.schema.yaml), between
its marker comments, so the docs say exactly what the loader accepts. `--check` only says whether it is current.

    python tools/docs_reference.py [--check]
"""
from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.definition.form_schema import load_schema  # noqa: E402
from assistant.fieldtypes import TYPES  # noqa: E402

DOCS = ROOT / "docs" / "adding-a-form.md"
START, END = "<!-- schema-reference:start -->", "<!-- schema-reference:end -->"
SECTIONS = {"form": (None, "page", "repeat", "field", "option", "use", "item", "answers", "test", "rule", "pdf", "target",
                     "calculation", "left_blank", "block"),
            "municipality": (None,)}
KINDS = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false",
         "array": "list", "object": "mapping", "date": "date", "null": "empty"}


def _kind(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    """A value's type in words, following $ref to the definition it names."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = defs[name]
        return target["title"] if "title" in target else _kind(target, defs)
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        words = " or ".join(KINDS[t] for t in types)
        items = schema.get("items")
        if types == ["array"] and isinstance(items, dict) and ("type" in items or "$ref" in items):
            words += f" of {_kind(items, defs)}"
        return words
    if "anyOf" in schema:
        return " or ".join(_kind(s, defs) for s in schema["anyOf"])
    return "see the description"


def _table(part: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    where = part.get("x-where", part.get("title", ""))
    rows = [f"**{part.get('title', '')}** ({where})", "", "| key | type | required | description |", "|---|---|---|---|"]
    for key, prop in part.get("properties", {}).items():
        own = prop.get("description") or defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], {}).get("description", "")
        description = " ".join(str(own).split())
        if "default" in prop:
            default = prop["default"]
            description += f" Default: `{', '.join(default) if isinstance(default, list) else default}`."
        required = "yes" if key in part.get("required", ()) else "no"
        rows.append(f"| `{key}` | {_kind(prop, defs)} | {required} | {description.replace('|', '/')} |")
    extra = part.get("additionalProperties")
    if isinstance(extra, dict) and "$ref" in extra:
        target = part.get("$defs", {}).get(extra["$ref"].rsplit("/", 1)[-1], {})
        rows.append(f"| any other key | {target.get('title', 'mapping')} | no | "
                    f"{' '.join(str(target.get('description', '')).split())} |")
    elif isinstance(extra, dict) and "description" in extra:
        rows.append(f"| any other key | {_kind(extra, defs)} | no | {' '.join(str(extra['description']).split())} |")
    return rows + [""]


WIDGET_WORDS = {"line": "a box for one line", "area": "a large box", "radio": "radio buttons", "yesno": "Ja / Nej",
                "tick": "one box to tick", "ticks": "a box to tick per option"}


def _types_table() -> list[str]:
    """What each field type asks and prints, from its class in assistant/fieldtypes (the registry)."""
    rows = ["**Field types** (a field's `type:`)", "", "| type | the visitor gets | what it takes and how it is printed | "
            "`format:` |", "|---|---|---|---|"]
    for name, kind in TYPES.items():
        doc = " ".join(inspect.getdoc(type(kind)).split())
        formats = ", ".join(f"`{f}`" for f in sorted(kind.paper_formats)) or "-"
        rows.append(f"| `{name}` | {WIDGET_WORDS[kind.widget]} | {doc.replace('|', '/')} | {formats} |")
    return rows + [""]


def reference() -> str:
    """The field types, then the reference tables, one per mapping of each schema, in Markdown."""
    lines = _types_table()
    for name, parts in SECTIONS.items():
        schema = load_schema(name)
        defs = schema.get("$defs", {})
        for part in parts:
            lines += _table(schema if part is None else defs[part], defs)
    return "\n".join(lines).rstrip() + "\n"


def with_reference(text: str) -> str:
    """`text` (the docs) with the part between the markers replaced by the current reference."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{reference()}{END}{tail}"


def main(argv: list[str]) -> int:
    text = DOCS.read_text(encoding="utf-8")
    wanted = with_reference(text)
    if "--check" in argv:
        if wanted != text:
            print(f"{DOCS} is out of date: run python tools/docs_reference.py", file=sys.stderr)
            return 1
        return 0
    DOCS.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
