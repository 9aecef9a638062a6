"""Mistakes an administrator makes, made on purpose in every bundled form.yaml and in config/municipality.yaml
(issue 13, point 2): a required key deleted, a value of the wrong type (a word for a number, 'nej' for a
boolean, a list where a mapping goes), an unknown key, a nested show_if. Each must give problems that name the
file and a line and say how to fix it, and none may end in an internal error. Unlike tests/test_mutations.py
(random mutations), these are the listed mistakes, made at every place they can be made once per form."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.definition.check import form_problems
from assistant.definition.errors import FormError, Problem
from assistant.definition.loader import load_form
from assistant.settings import load_settings, settings

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted(p.parent.name for p in (ROOT / "forms").glob("*/form.yaml"))
FORM_REQUIRED = ("id", "title", "description", "authority", "pages", "pdf")
PAGE_REQUIRED = ("id", "title", "fields")
FIELD_REQUIRED = ("id", "type", "label")
NESTED_SHOW_IF = {"all": [{"a": "b"}, {"any": [{"c": True}]}]}


@dataclass(frozen=True)
class Mutation:
    what: str
    change: Callable[[dict[str, Any]], None]


def _own_pages(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in tree["pages"] if "use" not in p]


def _fields(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for p in _own_pages(tree) for f in p["fields"]]


def _first(tree: dict[str, Any], test: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
    return next((f for f in _fields(tree) if test(f)), None)


def _set(getter: Callable[[dict[str, Any]], Any], key: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(tree: dict[str, Any]) -> None:
        getter(tree)[key] = deepcopy(value)
    return change


def _delete(getter: Callable[[dict[str, Any]], Any], key: Any) -> Callable[[dict[str, Any]], None]:
    def change(tree: dict[str, Any]) -> None:
        del getter(tree)[key]
    return change


def _group_question(tree: dict[str, Any], group_id: str) -> str:
    """The first question of a repeating group in the PDF mapping (group.question)."""
    return next(k for k in tree["pdf"]["fields"] if k.startswith(group_id + "."))


def form_mutations(tree: dict[str, Any]) -> Iterator[Mutation]:
    """The listed mistakes, each at the first place in this form where it can be made."""
    root = lambda t: t                                               # noqa: E731
    page = lambda t: _own_pages(t)[0]                                # noqa: E731
    field = lambda t: page(t)["fields"][0]                           # noqa: E731
    pdf = lambda t: t["pdf"]                                         # noqa: E731
    for key in FORM_REQUIRED:
        yield Mutation(f"form without {key}", _delete(root, key))
    for key in PAGE_REQUIRED:
        yield Mutation(f"page without {key}", _delete(page, key))
    for key in FIELD_REQUIRED:
        yield Mutation(f"field without {key}", _delete(field, key))
    for where, getter in (("form", root), ("page", page), ("field", field), ("pdf", pdf)):
        yield Mutation(f"unknown key in the {where}", _set(getter, "okand_nyckel", "x"))
    yield Mutation("name_fields: [namn]", _set(root, "name_fields", ["namn"]))
    yield Mutation("name_fields: fornamn", _set(root, "name_fields", "fornamn"))
    yield Mutation("id_field: [a, b]", _set(root, "id_field", ["a", "b"]))
    yield Mutation("title: a list", _set(root, "title", ["a", "b"]))
    yield Mutation("description: a number", _set(root, "description", 42))
    yield Mutation("summary_only: 'nej'", _set(root, "summary_only", "nej"))
    yield Mutation("pages: a mapping", _set(root, "pages", {"a": 1}))
    yield Mutation("a page is a word", _set(lambda t: t["pages"], 0, "sida"))
    yield Mutation("page fields: a mapping", _set(page, "fields", {"id": "x", "type": "text"}))
    yield Mutation("page show_if nested", _set(page, "show_if", NESTED_SHOW_IF))
    yield Mutation("page show_if: a list", _set(page, "show_if", ["a", "b"]))
    yield Mutation("page together: 'ja'", _set(page, "together", "ja"))
    yield Mutation("page steps: a mapping", _set(page, "steps", {"a": 1}))
    yield Mutation("a field is a word", _set(lambda t: page(t)["fields"], 0, "fraga"))
    yield Mutation("required: 'nej'", _set(field, "required", "nej"))
    yield Mutation("field show_if nested", _set(field, "show_if", NESTED_SHOW_IF))
    yield Mutation("field type: a list", _set(field, "type", ["text"]))
    yield Mutation("label: a mapping", _set(field, "label", {"sv": "Namn"}))
    yield Mutation("free_text: 'ja'", _set(field, "free_text", "ja"))
    yield Mutation("latin: 1", _set(field, "latin", 1))
    yield Mutation("options on a text field", _set(lambda t: _first(t, lambda f: f["type"] == "text"),
                                                     "options", [{"value": "a", "label": "A"}]))
    yield Mutation("max_length: tjugo", _set(lambda t: _first(t, lambda f: f["type"] in ("text", "multiline")),
                                               "max_length", "tjugo"))
    yield Mutation("max_length: 0", _set(lambda t: _first(t, lambda f: f["type"] in ("text", "multiline")),
                                           "max_length", 0))
    choice = lambda t: _first(t, lambda f: f["type"] in ("choice", "multi"))   # noqa: E731
    yield Mutation("options: a mapping", _set(choice, "options", {"a": "A"}))
    yield Mutation("an option without label", _set(lambda t: choice(t)["options"], 0, {"value": "x"}))
    yield Mutation("an option is a list", _set(lambda t: choice(t)["options"], 0, ["x", "X"]))
    yield Mutation("choice without options", _delete(choice, "options"))
    yield Mutation("pdf: a list", _set(root, "pdf", ["a.pdf"]))
    yield Mutation("pdf file: a number", _set(pdf, "file", 7))
    yield Mutation("pdf fields: a list", _set(pdf, "fields", ["a", "b"]))
    yield Mutation("pdf left_blank: a list", _set(pdf, "left_blank", ["a"]))
    yield Mutation("pdf not_printed: a mapping", _set(pdf, "not_printed", {"a": 1}))
    yield Mutation("pdf computed: a list", _set(pdf, "computed", ["a"]))
    target = lambda t: t["pdf"]["fields"]                            # noqa: E731
    first_target = lambda t: next(iter(t["pdf"]["fields"]))          # noqa: E731
    yield Mutation("a mapping is a list", lambda t: target(t).__setitem__(first_target(t), ["A", "B"]))
    yield Mutation("a mapping's format: 7",
                   lambda t: target(t).__setitem__(first_target(t), {"to": "X", "format": 7}))
    yield Mutation("a mapping's states: a list",
                   lambda t: target(t).__setitem__(first_target(t), {"to": "X", "states": ["a"]}))
    yield Mutation("next_steps: a mapping", _set(root, "next_steps", {"a": 1}))
    yield Mutation("a next step's days: tio", _set(root, "next_steps", [{"text": "x", "days": "tio", "dated": "y"}]))
    number = lambda t: next(f for f in _fields(t) if f["type"] in ("number", "money", "date"))   # noqa: E731
    yield Mutation("a comparison with a word for a number",
                   lambda t: page(t).__setitem__("show_if", {"field": number(t)["id"], "greater_than": "tjugo"}))
    yield Mutation("a comparison of a text question",
                   lambda t: page(t).__setitem__("show_if", {"field": _first(t, lambda f: f["type"] == "text")["id"],
                                                             "at_least": 3}))
    yield Mutation("a comparison saying two things",
                   _set(page, "show_if", {"field": "a", "greater_than": 1, "less_than": 5}))
    yield Mutation("an unknown combiner", _set(page, "show_if", {"either": [{"a": "b"}]}))
    yield Mutation("all: a mapping", _set(page, "show_if", {"all": {"a": "b"}}))
    yield Mutation("a rule without must",
                   lambda t: t.__setitem__("rules", [{"field": field(t)["id"], "message": "Fel."}]))
    yield Mutation("a rule without message",
                   lambda t: t.__setitem__("rules", [{"must": {"field": field(t)["id"], "answered": True},
                                                      "field": field(t)["id"]}]))
    yield Mutation("rules: a mapping", _set(root, "rules", {"must": {"a": "b"}, "field": "a", "message": "x"}))
    rule = lambda t: next(r for p in _own_pages(t) for r in p.get("rules", []))   # noqa: E731
    yield Mutation("a rule's must: a word", _set(rule, "must", "tjugo"))
    yield Mutation("a page's rule on a question the page does not have", _set(rule, "field", "okand_fraga"))
    yield Mutation("computed: a sum of a text question",
                   lambda t: pdf(t).setdefault("computed", {}).__setitem__("Summa", {"sum": [field(t)["id"]]}))
    yield Mutation("computed: days_between one date",
                   _set(lambda t: pdf(t).setdefault("computed", {}), "Dagar", {"days_between": ["a"]}))
    yield Mutation("computed: minus without sum",
                   _set(lambda t: pdf(t).setdefault("computed", {}), "Netto", {"minus": ["a"]}))
    group = lambda t: next(p for p in _own_pages(t) if "repeat" in p)   # noqa: E731
    repeat = lambda t: group(t)["repeat"]                            # noqa: E731
    yield Mutation("repeat: a word", _set(group, "repeat", "ja"))
    yield Mutation("repeat max: tolv", _set(repeat, "max", "tolv"))
    yield Mutation("repeat without item", _delete(repeat, "item"))
    yield Mutation("repeat min: more than max", lambda t: repeat(t).update(min=5, max=2))
    yield Mutation("repeat rows: 0", _set(repeat, "rows", 0))
    yield Mutation("repeat name: not a question of the group", _set(repeat, "name", "okand_fraga"))
    yield Mutation("an unknown key in repeat", _set(repeat, "okand_nyckel", 1))
    yield Mutation("a group's id is a question's", lambda t: group(t).__setitem__("id", field(t)["id"]))
    yield Mutation("a row number on a question outside a group",
                   lambda t: target(t).__setitem__(first_target(t), "Rad{n}_Namn"))
    yield Mutation("a group's question mapped without a row number",
                   lambda t: _set(target, _group_question(t, group(t)["id"]), "Rad_Namn")(t))
    use = lambda t: next(p for p in t["pages"] if "use" in p)        # noqa: E731
    yield Mutation("use: prefix a list", _set(use, "prefix", ["a"]))
    yield Mutation("use: labels a list", _set(use, "labels", ["a"]))
    yield Mutation("use: required 'nej'", _set(use, "required", "nej"))
    yield Mutation("use: a number", _set(use, "use", 5))


SETTINGS_MUTATIONS = [
    ("without blanketter", lambda t: t.pop("blanketter")),
    ("inaktiv_minuter: tio", lambda t: t.__setitem__("inaktiv_minuter", "tio")),
    ("inaktiv_minuter: a list", lambda t: t.__setitem__("inaktiv_minuter", [10])),
    ("fortsatt_senare_dagar: 3.5", lambda t: t.__setitem__("fortsatt_senare_dagar", 3.5)),
    ("fortsatt_senare_dagar: 'nej'", lambda t: t.__setitem__("fortsatt_senare_dagar", "nej")),
    ("skrivare: a list", lambda t: t.__setitem__("skrivare", ["a"])),
    ("skrivare: a mapping", lambda t: t.__setitem__("skrivare", {"a": 1})),
    ("blanketter: a mapping", lambda t: t.__setitem__("blanketter", {"a": 1})),
    ("blanketter: a word", lambda t: t.__setitem__("blanketter", "aldreomsorg")),
    ("a form id is a list", lambda t: t["blanketter"].__setitem__(0, ["a"])),
    ("kommun: a list", lambda t: t.__setitem__("kommun", ["a"])),
    ("kommun: a word", lambda t: t.__setitem__("kommun", "Jönköping")),
    ("kommun.namn: a list", lambda t: t["kommun"].__setitem__("namn", ["a"])),
    ("kommun.namn: empty", lambda t: t["kommun"].__setitem__("namn", None)),
    ("an unknown setting", lambda t: t.__setitem__("okand", 1)),
]


def _dump(tree: Any) -> str:
    return yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, width=1000)


@dataclass
class Outcome:
    problems: list[Problem]
    internal_error: str = ""


def outcome(path: Path) -> Outcome:
    """What the app and `check` do with the file: load it, and when that passes, check it against its PDF."""
    try:
        form = load_form(path)
    except FormError as exc:
        return Outcome(exc.problems)
    except Exception as exc:  # noqa: BLE001 - the point: nothing but FormError may come out
        return Outcome([], f"{type(exc).__name__}: {exc}")
    try:
        return Outcome(form_problems(form, settings()))
    except Exception as exc:  # noqa: BLE001
        return Outcome([], f"{type(exc).__name__}: {exc}")


def failure(what: str, path: Path, result: Outcome) -> str | None:
    """Why this outcome is not what an administrator needs, or None when it is."""
    if result.internal_error:
        return f"{what}: internal error {result.internal_error}"
    if not result.problems:
        return f"{what}: accepted without a problem"
    for problem in result.problems:
        text = str(problem)
        if not (problem.line and f"{problem.file}:{problem.line}: " in text and "Fix: " in text):
            return f"{what}: no file:line or no fix in: {text}"
    if not any(Path(p.file) == path for p in result.problems):
        return f"{what}: no problem names {path}: {[str(p) for p in result.problems]}"
    return None


@pytest.fixture(scope="module")
def forms_copy(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("schema-mutations") / "forms"
    shutil.copytree(ROOT / "forms", folder)
    return folder


def run_form_mutations(forms_dir: Path, form_id: str) -> tuple[int, list[str]]:
    path = forms_dir / form_id / "form.yaml"
    original = path.read_text(encoding="utf-8")
    tree = yaml.safe_load(original)
    count, failures = 0, []
    try:
        for mutation in form_mutations(tree):
            copy = deepcopy(tree)
            try:
                mutation.change(copy)
            except (StopIteration, TypeError, KeyError, IndexError):   # the form has no such place
                continue
            count += 1
            path.write_text(_dump(copy), encoding="utf-8")
            reason = failure(mutation.what, path, outcome(path))
            if reason:
                failures.append(reason)
    finally:
        path.write_text(original, encoding="utf-8")
    return count, failures


@pytest.mark.parametrize("form_id", FORMS)
def test_every_listed_mistake_in_a_form_names_file_line_and_fix(forms_copy, form_id):
    count, failures = run_form_mutations(forms_copy, form_id)
    assert count >= 40, f"only {count} mutations could be made"
    assert not failures, f"{len(failures)} of {count} mutations:\n" + "\n".join(failures)


def test_every_listed_mistake_in_the_settings_names_file_line_and_fix_and_keeps_defaults(tmp_path):
    tree = yaml.safe_load((ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "municipality.yaml"
    failures = []
    for what, change in SETTINGS_MUTATIONS:
        copy = deepcopy(tree)
        change(copy)
        path.write_text(_dump(copy), encoding="utf-8")
        try:
            config = load_settings(path)
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{what}: internal error {type(exc).__name__}: {exc}")
            continue
        problems = list(config.problems)
        if not problems:
            failures.append(f"{what}: accepted without a problem")
        for problem in problems:
            if not (problem.line and f"{path}:{problem.line}: " in str(problem) and "Fix: " in str(problem)):
                failures.append(f"{what}: no line or no fix in: {problem}")
        if not (isinstance(config.idle_minutes, (int, float)) and isinstance(config.printer, str)
                and isinstance(config.pause_days, int)):
            failures.append(f"{what}: a setting is left without its default")
    assert not failures, "\n".join(failures)
