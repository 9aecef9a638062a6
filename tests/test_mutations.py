"""Mutation tests (issue 17, point 8): every bundled forms/*/form.yaml and config/municipality.yaml, broken
on purpose in many small ways (a value of the wrong type, a key removed, an unknown key added, broken YAML),
must give problems a person can act on: no internal error, no traceback, every problem with file:line and a
fix. The mutations are drawn with a fixed seed per file, so a failure names a mutation that can be repeated;
BLANKETTGUIDEN_MUTATIONS raises the number per file (default 24)."""
from __future__ import annotations

import os
import random
import re
import shutil
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.definition.check import form_problems
from assistant.definition.errors import FormError, Problem
from assistant.wizard.flow import Wizard, validate_all
from assistant.definition.loader import load_form
from assistant.settings import load_settings, settings

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted(p.parent.name for p in (ROOT / "forms").glob("*/form.yaml"))
PER_FILE = int(os.environ.get("BLANKETTGUIDEN_MUTATIONS", "24"))
WRONG_VALUES: list[Any] = [42, True, None, "x", ["a", "b"], {"okand": 1}, 3.5, ""]
BROKEN_LINES = [
    lambda line: "\t" + line,                            # a tab for indentation
    lambda line: line + ' "',                             # an unclosed quote
    lambda line: line.replace(":", "", 1),                # a lost colon
    lambda line: line + ": [",                            # an unclosed list
    lambda line: line + "\n" + line,                      # the same key twice
    lambda line: "  " + line,                             # one level too deep
    lambda line: line + " \x07",                          # a control character pasted in
    lambda line: re.sub(r"(:\s+)\S.*$", r"\g<1>2026-13-45", line),   # a date that does not exist
    lambda line: line + "\n" + line[:len(line) - len(line.lstrip())] + "[a, b]: 1",   # a list as a key
]
TODAY = date(2026, 12, 3)


@dataclass(frozen=True)
class Mutation:
    what: str
    text: str


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    """Every place in the tree: dict keys and list items, as paths from the root."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, path + (i,))
    return found


def _parent(tree: Any, path: tuple) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(tree: Any) -> str:
    return yaml.dump(tree, Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True, width=1000)


def mutations(source: Path, count: int) -> list[Mutation]:
    """`count` mutations of `source`, the same ones on every run (the seed is the file's name)."""
    text = source.read_text(encoding="utf-8")
    rng = random.Random(str(source.relative_to(ROOT)))
    tree = yaml.load(text, Loader=FAST_LOADER)
    paths = _paths(tree)
    lines = [i for i, line in enumerate(text.splitlines()) if line.strip() and not line.lstrip().startswith("#")]
    out = []
    for n in range(count):
        kind = n % 4
        if kind == 3:                                     # broken YAML, on the text itself
            i = rng.choice(lines)
            all_lines = text.splitlines()
            breaker = rng.randrange(len(BROKEN_LINES))
            all_lines[i] = BROKEN_LINES[breaker](all_lines[i])
            out.append(Mutation(f"line {i + 1} broken (#{breaker})", "\n".join(all_lines) + "\n"))
            continue
        copy = deepcopy(tree)
        path = rng.choice(paths)
        parent = _parent(copy, path)
        if kind == 0:
            value = rng.choice(WRONG_VALUES)
            parent[path[-1]] = value
            out.append(Mutation(f"{'/'.join(map(str, path))} = {value!r}", _dump(copy)))
        elif kind == 1:
            del parent[path[-1]]
            out.append(Mutation(f"{'/'.join(map(str, path))} removed", _dump(copy)))
        else:
            target = parent if isinstance(parent, dict) else copy
            target["okand_nyckel"] = "x"
            out.append(Mutation(f"unknown key beside {'/'.join(map(str, path))}", _dump(copy)))
    return out


def assert_actionable(problems: list[Problem], mutation: Mutation) -> None:
    for problem in problems:
        text = str(problem)
        assert problem.line and problem.line > 0, f"{mutation.what}: no line in: {text}"
        assert problem.fix, f"{mutation.what}: no fix in: {text}"
        assert f"{problem.file}:{problem.line}: " in text and "Traceback" not in text, text
        assert "\n" not in text, text


@pytest.fixture(scope="module")
def forms_copy(tmp_path_factory) -> Path:
    """forms/ copied once: each mutation rewrites one form.yaml there and puts it back after."""
    folder = tmp_path_factory.mktemp("mutations") / "forms"
    shutil.copytree(ROOT / "forms", folder)
    return folder


def outcome(path: Path) -> list[Problem]:
    """What the app does at start with this form.yaml: load it, check it against its PDF and settings, and,
    when it passes, start the wizard and validate empty answers (what the first pages do)."""
    try:
        form = load_form(path)
    except FormError as exc:
        return exc.problems
    problems = form_problems(form, settings())
    if not problems:
        Wizard.start(form, TODAY)
        validate_all(form, {}, TODAY)
    return problems


@pytest.mark.parametrize("form_id", FORMS)
def test_every_mutation_of_a_form_gives_problems_with_file_line_and_fix(forms_copy, form_id):
    path = forms_copy / form_id / "form.yaml"
    original = path.read_text(encoding="utf-8")
    failures = []
    try:
        for mutation in mutations(ROOT / "forms" / form_id / "form.yaml", PER_FILE):
            path.write_text(mutation.text, encoding="utf-8")
            try:
                assert_actionable(outcome(path), mutation)
            except AssertionError as exc:
                failures.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - the point: nothing but FormError may come out
                failures.append(f"{mutation.what}: internal error {type(exc).__name__}: {exc}")
    finally:
        path.write_text(original, encoding="utf-8")
    assert not failures, "\n".join(failures)


def test_every_mutation_of_the_settings_gives_defaults_and_problems_with_line_and_fix(tmp_path):
    path = tmp_path / "municipality.yaml"
    failures = []
    for mutation in mutations(ROOT / "config" / "municipality.yaml", PER_FILE * 3):
        path.write_text(mutation.text, encoding="utf-8")
        try:
            config = load_settings(path)
            assert_actionable(list(config.problems), mutation)
            assert isinstance(config.idle_minutes, int) and isinstance(config.printer, str)
        except AssertionError as exc:
            failures.append(str(exc))
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{mutation.what}: internal error {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)
