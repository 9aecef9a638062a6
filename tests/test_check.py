"""`python -m assistant check` over the bundled forms: every mapped PDF field exists, every PDF field is
mapped or left for staff or the pen, and every placeholder exists."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.paper.bidi import FSI, LRI, PDI
from assistant.definition.check import (check, check_forms, mapping_problems, offer_warnings, placeholder_problems,
                             todo_warnings, translation_warnings, warning_line)
from assistant.definition.form_texts import form_texts
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form, load_library
from assistant.definition.model import Text
from assistant.settings import Settings, settings

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


def test_the_bundle_has_no_warnings_every_form_is_offered_finished_and_translated():
    warnings = check(ROOT / "forms").warnings
    assert warnings == [], "\n".join(map(warning_line, warnings))


# --- Warnings: a form that works but is not ready for every visitor (issue 13, point 5) ---------------

@pytest.fixture
def new_form(tmp_path) -> Path:
    """A new form in the making: a copy of trygghetslarm as `larm_ny`, with a title still to write."""
    shutil.copytree(ROOT / "forms" / "_blocks", tmp_path / "_blocks")
    shutil.copytree(ROOT / "forms" / "trygghetslarm", tmp_path / "larm_ny")
    path = tmp_path / "larm_ny" / "form.yaml"
    text = path.read_text(encoding="utf-8").replace("id: trygghetslarm", "id: larm_ny")
    path.write_text(text.replace("title: Ansökan om trygghetslarm", "title: 'TODO: titel'"), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_form_folder_not_listed_under_blanketter_is_a_warning_on_that_line(new_form, tmp_path):
    config = tmp_path / "municipality.yaml"
    config.write_text("kommun:\n  namn: Exempel kommun\nblanketter:\n  - trygghetslarm\n", encoding="utf-8")
    offered = Settings(placeholders={}, offered_forms=("trygghetslarm",), idle_minutes=10, printer="", source=config)
    [warning] = offer_warnings(new_form.parent.parent, offered)
    assert warning_line(warning).startswith(f"{config}:3: warning: the form larm_ny (")
    assert "is not offered" in warning.message and "Add '  - larm_ny' under blanketter:" in warning.fix
    everything = Settings(placeholders={}, offered_forms=None, idle_minutes=10, printer="", source=config)
    assert offer_warnings(new_form.parent.parent, everything) == []      # no list: every working form shows


def test_todo_left_in_a_visitor_text_is_a_warning_with_its_line(new_form):
    [warning] = todo_warnings(load_form(new_form))
    assert warning_line(warning) == (f"{new_form}:1: warning: a text the visitor reads still says TODO: 'TODO: titel'. "
                                     "Fix: Write the text the visitor should read instead.")


def test_a_form_not_translated_yet_is_a_warning_per_language_that_says_it_shows_in_swedish(new_form):
    """Its texts have the context larm_ny|…, which no catalog has yet; the block's texts are translated."""
    form = load_form(new_form)
    warnings = {w.message.split("(")[1].split(")")[0]: w for w in translation_warnings([form])}
    assert set(warnings) == {"sv@lattlast", "en", "ar", "fa", "so", "ti", "uk", "fi"}
    arabic = warnings["ar"]
    own = len({t for t, _ in form_texts(form) if t and t.context.startswith("larm_ny|")})
    assert arabic.message.startswith(f"{own} of ") and "not translated into Arabic (ar)" in arabic.message
    assert "a visitor who chooses Arabic reads them in Swedish until then" in arabic.message
    assert str(arabic.file) == str(new_form) and "translations/ar/LC_MESSAGES/messages.po" in arabic.fix
    assert translation_warnings([FORMS["trygghetslarm"]]) == []


def test_an_untranslated_sentence_on_an_arabic_page_is_one_left_to_right_run():
    """Shown in Swedish until translated: isolated as a whole, its full stop and brackets stay at its end
    (with each Latin word isolated alone, the full stop would stand at the left of the Arabic line)."""
    sentence = Text("Skriv namnet (som i passet).\nTill exempel Åsa.", "larm_ny|page.namn.intro")
    assert Translator.for_code("ar").text(sentence) == f"{LRI}Skriv namnet (som i passet).{PDI}\n{LRI}Till exempel Åsa.{PDI}"
    assert Translator.for_code("ar")("Ett meddelande som ingen har översatt.") == f"{LRI}Ett meddelande som ingen har översatt.{PDI}"
    assert Translator.for_code("en").text(sentence) == sentence.source           # left to right anyway
    title = FORMS["aldreomsorg"].title                                          # translated: Arabic as it is
    translated = Translator.for_code("ar").text(title)
    assert translated != title.source and LRI not in translated


def test_a_swedish_name_inside_a_translated_sentence_is_still_isolated_on_its_own():
    assert Translator.for_code("ar")("Tillgänglighet för Blankettguiden") == f"إمكانية الوصول في {FSI}Blankettguiden{PDI}"



# --- The app offers only what check accepts (issue 17, point 2) ------------------------------------

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def forms_with_a_wrong_pdf_name(tmp_path, monkeypatch):
    """A copy of forms/ in which aldreomsorg maps an answer to a PDF field its PDF does not have."""
    from assistant import settings
    from assistant.ui import app

    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    path = tmp_path / "forms" / "aldreomsorg" / "form.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("vaning: Vaning", "vaning: Vaaning"), encoding="utf-8")
    monkeypatch.setattr(settings, "FORMS_DIR", tmp_path / "forms")
    app.application().forms.clear()
    yield path
    app.application().forms.clear()


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
