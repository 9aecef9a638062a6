"""YAML reading that remembers line numbers, so every error can say where it is."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.definition.errors import FormError, Problem


class LineDict(dict):
    """A YAML mapping that knows the line it started on, and the line of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int] = {}


class LineList(list):
    """A YAML list that knows the line it started on, and the line of each item."""

    line: int = 0
    item_lines: list[int] = []


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when PyYAML has it (over ten times faster: the app checks every form at start),
    with the line-keeping constructors below."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise FormError(Problem(
                file=loader.path, line=key_node.start_mark.line + 1, message="a key must be a plain name.",
                fix="Write name: value; a list or a mapping cannot stand before the colon."))
        if key in result:
            raise FormError(Problem(
                file=loader.path, line=key_node.start_mark.line + 1, field=str(key),
                message="this key appears twice in the same block.", fix="Keep only one of them."))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """A date YAML recognises by its form (2026-13-45) but that does not exist: a problem, not a ValueError."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        raise FormError(Problem(file=loader.path, line=node.start_mark.line + 1,
                                message=f"'{node.value}' is not a date that exists.",
                                fix="Write a real date as YYYY-MM-DD, or put the text in quotes.")) from None


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def read_text(path: Path) -> str:
    """A YAML file's text; an unreadable or non-UTF-8 file becomes a FormError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FormError(Problem(file=path, message=f"cannot be read ({exc.strerror}).",
                                fix="Check that the file exists and is readable.")) from None
    except UnicodeDecodeError:
        raise FormError(Problem(file=path, message="is not UTF-8 text.",
                                fix="Save the file as UTF-8.")) from None


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML text that starts on line `first_line` of `path`; errors carry the file's line numbers."""
    last_line = first_line - 1 + max(1, len(text.splitlines()))
    loader = _Loader("\n" * (first_line - 1) + text)
    loader.name = str(path)
    loader.path = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = min(mark.line + 1, last_line) if mark else first_line     # "end of stream" is past the last line
        raise FormError(Problem(file=path, line=line, message=f"YAML syntax error: {exc.problem}.",
                                fix="Check indentation and quoting on this line.")) from None
    except yaml.reader.ReaderError as exc:        # a control character YAML does not allow
        line = first_line + text[:max(0, exc.position - (first_line - 1))].count("\n")
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise FormError(Problem(file=path, line=min(line, last_line),
                                message=f"the character U+{code:04X} is not allowed in YAML.",
                                fix="Delete it (it is often pasted in with the text).")) from None
    except yaml.YAMLError as exc:
        raise FormError(Problem(file=path, line=first_line, message=f"YAML error: {type(exc).__name__}.",
                                fix="Check indentation and quoting.")) from None
    finally:
        loader.dispose()


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; syntax errors become a FormError with file and line."""
    return parse_yaml(read_text(path), path)


def line_of(node: Any, default: int = 0) -> int:
    return getattr(node, "line", default)


def key_line(mapping: Any, key: Any, default: int = 0) -> int:
    """The line of a key of a mapping read by read_yaml: where a problem with that entry is."""
    return getattr(mapping, "key_lines", {}).get(key, default)
