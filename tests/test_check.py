"""`python -m assistant check` over the bundled forms: every mapped PDF field exists, every PDF field is
mapped or left for staff or the pen, and every placeholder exists."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.check import check_forms, mapping_problems, placeholder_problems
from assistant.loader import load_form, load_library
from assistant.settings import settings

ROOT = Path(__file__).resolve().parent.parent
FORMS = load_library(ROOT / "forms").forms


@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_every_mapped_pdf_field_exists_and_every_pdf_field_is_accounted_for(form_id):
    assert mapping_problems(FORMS[form_id]) == []


@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_every_placeholder_is_in_the_municipality_settings(form_id):
    assert placeholder_problems(FORMS[form_id], settings()) == []


def test_an_unmapped_pdf_field_is_reported_with_the_fix(tmp_path):
    shutil.copytree(ROOT / "forms" / "_blocks", tmp_path / "_blocks")
    shutil.copytree(ROOT / "forms" / "aldreomsorg", tmp_path / "aldreomsorg")
    path = tmp_path / "aldreomsorg" / "form.yaml"
    text = path.read_text(encoding="utf-8").replace("    vardcentral: Halsa_Vardcentral\n", "")
    path.write_text(text.replace("  not_printed: [", "  not_printed: [vardcentral, ", 1), encoding="utf-8")
    problems = mapping_problems(load_form(path))
    assert any(p.field == "Halsa_Vardcentral" and "neither mapped nor left blank" in p.message and p.fix
               for p in problems)


def test_a_wrong_radio_state_is_reported(tmp_path):
    shutil.copytree(ROOT / "forms" / "_blocks", tmp_path / "_blocks")
    shutil.copytree(ROOT / "forms" / "aldreomsorg", tmp_path / "aldreomsorg")
    path = tmp_path / "aldreomsorg" / "form.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("skild: Skild", "skild: Skiljd"), encoding="utf-8")
    problems = mapping_problems(load_form(path))
    assert any("no state 'Skiljd'" in p.message and p.line for p in problems)


def test_check_forms_reports_nothing_but_translations_for_the_bundle():
    problems = [p for p in check_forms(ROOT / "forms") if "translations" not in str(p.file)]
    assert problems == [], "\n".join(map(str, problems))
