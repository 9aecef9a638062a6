"""`python -m assistant check` over the bundled forms: every mapped PDF field exists, every PDF field is
mapped or left for staff or the pen, and every placeholder exists."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

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


# --- The app offers only what check accepts (issue 17, point 2) ------------------------------------

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def forms_with_a_wrong_pdf_name(tmp_path, monkeypatch):
    """A copy of forms/ in which aldreomsorg maps an answer to a PDF field its PDF does not have."""
    from assistant.ui import app

    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    path = tmp_path / "forms" / "aldreomsorg" / "form.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("vaning: Vaning", "vaning: Vaaning"), encoding="utf-8")
    monkeypatch.setattr(app, "FORMS_DIR", tmp_path / "forms")
    app.library.clear()
    yield path
    app.library.clear()


def test_a_form_mapping_to_a_missing_pdf_field_is_not_offered_and_staff_see_why(forms_with_a_wrong_pdf_name):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    starts = {b.key for b in at.button if b.key and b.key.startswith("start:")}
    assert "start:aldreomsorg" not in starts and "start:fardtjanst" in starts
    staff = [c.value for c in at.code if "aldreomsorg" in c.value]
    assert any(f"{forms_with_a_wrong_pdf_name}:" in line and "Vaaning" in line and "Fix:" in line
               for block in staff for line in block.splitlines()), staff
    at.button(key="staff:open").click().run()                          # and in the staff area too
    assert any("Vaaning" in c.value for c in at.code)


def test_a_failure_while_making_the_documents_keeps_the_visit_and_tells_staff(monkeypatch):
    from assistant.ui import page_review
    from tests.test_every_form import WALKS, walk_in_app

    walk = next(w for w in WALKS if w.form_id == "parkeringstillstand")
    at = walk_in_app(walk, "sv")
    real = page_review.build_documents

    def broken(*args, **kwargs):
        raise RuntimeError("Stina Svensson, Storgatan 1")               # a message that quotes answers

    monkeypatch.setattr(page_review, "build_documents", broken)
    page_before = at.title[0].value                                     # the last page: the declaration
    at.button(key="nav:create").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == page_before                             # still on the same page, answers kept
    assert "Blanketten kunde inte skapas. Dina svar finns kvar." in at.error[0].value
    details = "\n".join(c.value for c in at.code)
    assert details.startswith("RuntimeError (") and "Stina" not in details        # type and line only
    monkeypatch.setattr(page_review, "build_documents", real)           # staff fix it: the same visit goes on
    at.button(key="nav:create").click().run()
    assert not at.exception and at.title[0].value != "Kontrollera dina svar"
