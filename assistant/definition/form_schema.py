"""Check a YAML file against its schema (assistant/definition/schema/*.schema.yaml) and say, for every mistake at once,
`file:line: what is wrong. Fix: …`.

The schemas are the one description of what form.yaml, the shared blocks and config/municipality.yaml may
contain; the loader and the settings only check what a schema cannot say (references between questions, PDF
field names). After the check, :func:`prune` removes every part the schema rejected, so the code that reads
the rest meets only values of the right type and never fails on a mistake that was already reported.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators

from assistant.definition.errors import Problem
from assistant.definition.yaml_lines import line_of

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
_TYPES = Draft202012Validator.TYPE_CHECKER.redefine_many({
    "date": lambda _checker, value: isinstance(value, date) and not isinstance(value, datetime),
    "integer": lambda _checker, value: isinstance(value, int) and not isinstance(value, bool),
})
_Validator = validators.extend(Draft202012Validator, type_checker=_TYPES)


@dataclass(frozen=True)
class Wording:
    """The generic messages, by JSON Schema keyword, in the language of the file's readers."""

    messages: dict[str, str]
    fixes: dict[str, str]
    kinds: dict[str, str]
    field_is_path: bool        # Problem.field: the dotted path of keys (settings), or the nearest question's id


ENGLISH = Wording(
    messages={"type": "{key}: must be {kind}, not {value!r}.", "enum": "{key}: {value!r} is not allowed here.",
              "const": "{key}: {value!r} is not allowed here.", "required": "{title}: '{missing}' is missing.",
              "additionalProperties": "unknown key '{extra}' in {title}.",
              "minItems": "{key}: needs at least {limit} entries.", "maxItems": "{key}: has more than {limit} entries.",
              "minLength": "{key}: must not be empty.", "minProperties": "{key}: must not be empty.",
              "minimum": "{key}: must be at least {limit}, not {value!r}.",
              "maximum": "{key}: must be at most {limit}, not {value!r}.",
              "dependentRequired": "{key}: '{missing}' is needed with '{present}'.",
              "format": "{key}: {value!r} is not a date such as 2026-01-31.", "": "{key}: has the wrong form."},
    fixes={"enum": "Use one of: {choices}.", "const": "Write {choices}.", "required": "Add {missing}: (see docs/adding-a-form.md).",
           "additionalProperties": "Use one of: {choices}.", "dependentRequired": "Add {missing}:, or remove {present}:.",
           "type": "Write {key}: and {kind} (see docs/adding-a-form.md).",
           "": "See docs/adding-a-form.md for what {key}: takes."},
    kinds={"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
           "array": "a list", "object": "a mapping", "date": "a date", "null": "empty"},
    field_is_path=False)

SWEDISH = Wording(
    messages={"type": "måste vara {kind}, inte {value!r}.", "required": "{missing} saknas.",
              "additionalProperties": "{extra} är en okänd inställning.", "": "har fel form ({value!r})."},
    fixes={"required": "Lägg till {missing}:.", "additionalProperties": "Använd en av: {choices}.",
           "type": "Skriv {kind} efter kolon.", "": "Se kommentarerna i config/municipality.yaml."},
    kinds={"string": "en text", "integer": "ett heltal", "number": "ett tal", "boolean": "true eller false",
           "array": "en lista", "object": "en grupp med indragna rader", "date": "ett datum", "null": "tomt"},
    field_is_path=True)


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """assistant/definition/schema/<name>.schema.yaml as plain data. libyaml's loader when PyYAML has it: the pure-Python
    one took 0.19 s of the CLI's 0.45 s for the two schemas."""
    text = (SCHEMA_DIR / f"{name}.schema.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def _validator(name: str, part: str | None) -> Draft202012Validator:
    root = load_schema(name)
    schema = root if part is None else {"$schema": root["$schema"], "$ref": f"#/$defs/{part}", "$defs": root["$defs"]}
    return _Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(data: Any, name: str, part: str | None = None) -> list[ValidationError]:
    """Every place where `data` breaks the schema `name` (or its $defs `part`), the most precise error for each."""
    return [leaf for error in _validator(name, part).iter_errors(data) for leaf in _leaves(error)]


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """An anyOf without its own message stands for its branches' errors; the message is theirs."""
    if error.validator in ("anyOf", "oneOf") and "x-problem" not in error.schema and error.context:
        deepest = max(len(e.absolute_path) for e in error.context)
        yield from (e for e in error.context if len(e.absolute_path) == deepest)
    else:
        yield error


def _fill(template: str, values: dict[str, Any]) -> str:
    """str.format without its braces: the templates quote YAML such as {tolk.behovs: true}."""
    for name, value in values.items():
        template = template.replace(f"{{{name}!r}}", repr(value)).replace(f"{{{name}}}", str(value))
    return template


def _where(data: Any, path: list[Any]) -> tuple[int, str | None]:
    """The line of the value at `path` (its key's line, or its list item's), and the nearest question or page id."""
    node, line, ident = data, line_of(data) or 1, None
    for step in path:
        if isinstance(node, dict):
            line = getattr(node, "key_lines", {}).get(step, line)
        elif isinstance(node, list):
            items = getattr(node, "item_lines", [])
            line = items[step] if isinstance(step, int) and step < len(items) else line
        node = node[step]
        if isinstance(node, dict) and isinstance(node.get("id"), (str, int)) and not isinstance(node.get("id"), bool):
            ident = str(node["id"])
    return line, ident


def problems(data: Any, file: Path, name: str, part: str | None = None, wording: Wording = ENGLISH) -> list[Problem]:
    """Every schema mistake in `data` (read from `file`) as a Problem with the line and a fix, each once."""
    found: list[Problem] = []
    for error in schema_errors(data, name, part):
        for problem in _describe(error, data, file, wording):
            if problem not in found:
                found.append(problem)
    return found


def _describe(error: ValidationError, data: Any, file: Path, wording: Wording) -> Iterator[Problem]:
    path = list(error.absolute_path)
    line, ident = _where(data, path)
    keys = [str(step) for step in path if not isinstance(step, int)]
    key = keys[-1] if keys else str(error.schema.get("title", "the file"))
    field = ".".join(keys) or None if wording.field_is_path else ident
    values: dict[str, Any] = {"key": key, "value": error.instance, "title": error.schema.get("title", key),
                              "limit": error.validator_value}
    kind = error.validator if error.validator in wording.messages else ""
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        values["kind"] = " or ".join(wording.kinds.get(t, t) for t in wanted)
    if error.validator in ("enum", "const"):
        choices = error.validator_value if error.validator == "enum" else [error.validator_value]
        values["choices"] = ", ".join(map(str, choices))
    reports: list[tuple[int, dict[str, Any]]] = [(line, values)]
    if error.validator == "required":
        reports = [(line, {**values, "missing": m}) for m in error.validator_value if m not in error.instance]
    elif error.validator == "dependentRequired":
        reports = [(line, {**values, "present": p, "missing": m}) for p, needs in error.validator_value.items()
                   if p in error.instance for m in needs if m not in error.instance]
    elif error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        reports = [(getattr(error.instance, "key_lines", {}).get(extra, line),
                    {**values, "extra": extra, "choices": ", ".join(allowed)})
                   for extra in error.instance if extra not in allowed]
    for at, filled in reports:
        message = _fill(error.schema.get("x-problem") or wording.messages[kind], filled)
        own_fix = "" if error.validator == "additionalProperties" else error.schema.get("x-fix") or _example(error.schema)
        fix = _fill(own_fix or wording.fixes.get(kind) or wording.fixes[""], filled)
        yield Problem(file=file, line=at, field=field, message=message, fix=fix)


def _example(schema: dict[str, Any]) -> str:
    examples = schema.get("examples")
    return f"Write e.g. {examples[0]}" if examples else ""


def prune(data: Any, name: str, part: str | None = None) -> None:
    """Remove, in place, every part of `data` the schema rejects (a wrong value, an unknown key, a question
    without its type), until what is left passes or only the top level is wrong."""
    for _ in range(20):
        paths = set()
        for error in schema_errors(data, name, part):
            path = tuple(error.absolute_path)
            if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                allowed = error.schema.get("properties", {})
                paths |= {path + (extra,) for extra in error.instance if extra not in allowed}
            elif path:
                paths.add(path)
        if not paths:
            return
        done: set[tuple[int, Any]] = set()                 # a YAML alias (*name) is one node at several paths
        for path in sorted(paths, key=lambda p: (len(p), p[-1] if isinstance(p[-1], int) else -1), reverse=True):
            if any(path[:n] in paths for n in range(1, len(path))):
                continue                                    # its parent goes anyway
            parent = data
            for step in path[:-1]:
                parent = parent[step]
            if (id(parent), path[-1]) not in done:
                done.add((id(parent), path[-1]))
                del parent[path[-1]]
