"""The loader: every form loads, blocks are shared, and a broken definition names file, line, field and fix."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.definition.check import mapping_problems
from assistant.definition.errors import FormError
from assistant.definition.loader import load_form, load_library

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"


def copy_form(tmp_path: Path, form_id: str = "aldreomsorg") -> Path:
    shutil.copytree(FORMS / "_blocks", tmp_path / "_blocks")
    shutil.copytree(FORMS / form_id, tmp_path / form_id)
    return tmp_path / form_id / "form.yaml"


def break_form(path: Path, old: str, new: str) -> FormError:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_form(path)
    return exc.value


def test_every_bundled_form_loads():
    library = load_library(FORMS)
    assert not library.broken, "\n".join(str(e) for e in library.broken.values())
    assert len(library.forms) >= 9


def test_a_block_is_defined_once_and_prefixed_per_use():
    form = load_form(FORMS / "aldreomsorg" / "form.yaml")
    assert form.field("sokande.fornamn").label.context == "_blocks/person|fornamn.label"
    assert form.field("make.fornamn").label.context == "_blocks/person|fornamn.label"
    assert form.page("make.namn").title.source == "Vad heter din make, maka eller sambo?"
    assert form.page("make.namn").title.context == "aldreomsorg|make.namn.title"


def test_a_form_can_reword_a_block_page_intro_and_label(tmp_path):
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "  - use: person\n    prefix: sokande\n",
        "  - use: person\n    prefix: sokande\n    intros: {kontakt: Vi ringer dig.}\n"
        "    labels: {telefon: Ditt mobilnummer}\n", 1)
    path.write_text(text, encoding="utf-8")
    form = load_form(path)
    assert form.page("sokande.kontakt").intro.source == "Vi ringer dig."
    assert form.field("sokande.telefon").label.source == "Ditt mobilnummer"
    assert form.field("sokande.telefon").label.context == "aldreomsorg|sokande.telefon.label"


@pytest.mark.parametrize("old, new, expect", [
    ("type: multiline", "type: multilin", "unknown field type 'multilin'"),
    ("show_if: {har_hjalp: true}", "show_if: {har_hjalpp: true}", "show_if names 'har_hjalpp'"),
    ("vaning: Vaning", "vaningen: Vaning", "names an answer that the form does not ask"),
    ("{value: rollator, label: Rollator}", "{value: rollator, label: Rollator, extra}", "unknown key"),
    ("file: ansokan-aldreomsorg.pdf", "file: finns-inte.pdf", "is not in"),
    ("    prefix: sokande\n", "    prefix: sokande\n    labels: {telefonen: X}\n", "does not have"),
])
def test_a_broken_definition_names_file_line_field_and_fix(tmp_path, old, new, expect):
    error = break_form(copy_form(tmp_path), old, new)
    problem = next(p for p in error.problems if expect in p.message)
    assert str(problem.file).endswith("form.yaml")
    assert problem.line and problem.line > 1
    assert problem.fix


def test_a_yaml_syntax_error_has_a_line(tmp_path):
    error = break_form(copy_form(tmp_path), "pages:\n", "pages:\n  - id: [oops\n")
    assert error.problems[0].line and "YAML" in error.problems[0].message


def test_a_broken_form_leaves_the_others_available(tmp_path):
    shutil.copytree(FORMS, tmp_path / "forms")
    (tmp_path / "forms" / "fullmakt" / "fullmakt.pdf").unlink()
    library = load_library(tmp_path / "forms")
    assert "fullmakt" in library.broken and "aldreomsorg" in library.forms
    assert "fullmakt.pdf" in str(library.broken["fullmakt"])


def test_every_schema_mistake_is_reported_at_once_on_its_own_line(tmp_path):
    """Two mistakes, one run: each problem names the key's own line, the wrong value and the fix."""
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8").replace("max_length: 60", "max_length: tjugo", 1)
    text = text.replace("required: true", "required: 'nej'", 1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(FormError) as exc:
        load_form(path)
    by_message = {p.message: p for p in exc.value.problems}
    length = by_message["max_length: must be a whole number, not 'tjugo'."]
    assert lines[length.line - 1].strip() == "max_length: tjugo" and length.fix == "Write e.g. max_length: 120"
    flag = by_message["required: must be true or false, not 'nej'."]
    assert lines[flag.line - 1].strip().endswith("required: 'nej'") and "not ja/nej" in flag.fix


@pytest.mark.parametrize("old, new", [
    ("    vaning: Vaning\n", "    vaning: Vaningen\n"),                        # a name written as text
    ("    vaning: Vaning\n", "    vaning: {to: Vaningen}\n"),                  # and as to:
])
def test_a_pdf_name_missing_from_the_pdf_is_reported_on_its_own_mapping_line(tmp_path, old, new):
    """Not on the `fields:` line above it: the administrator goes straight to the name to correct."""
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    [problem] = [p for p in mapping_problems(load_form(path)) if "'Vaningen' is not in" in p.message]
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1] == new.rstrip("\n")


def test_an_answer_the_form_does_not_ask_is_reported_on_its_own_mapping_line(tmp_path):
    error = break_form(copy_form(tmp_path), "    vaning: Vaning\n", "    vaningen: Vaning\n")
    [problem] = [p for p in error.problems if "names an answer that the form does not ask" in p.message]
    assert (tmp_path / "aldreomsorg/form.yaml").read_text(encoding="utf-8").splitlines()[problem.line - 1] == \
        "    vaningen: Vaning"
