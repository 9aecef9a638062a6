"""A missing answer is said in the question's own words (issue 14, point 1): "Skriv barnets personnummer.",
not the generic "Du behöver svara på frågan.". Every required question of every bundled form has its own
`error:`, so a new form without them fails here; the message reaches the error summary and the field, in
the visitor's language."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.wizard.flow import Wizard
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_library
from assistant.fieldtypes import REQUIRED_DEFAULT
from tests.testdata import TODAY

ROOT = Path(__file__).resolve().parent.parent
FORMS = load_library(ROOT / "forms").forms


@pytest.mark.parametrize("form", FORMS.values(), ids=lambda f: f.id)
def test_every_required_question_says_what_to_do_when_it_is_left_empty(form):
    """Also the questions a block brings in (a form's own `required: false` on a block makes them optional)."""
    without = [f.id for f in form.fields if f.required and not f.error]
    assert without == [], f"{form.id}: add an error: to these required questions: {without}"


def test_an_empty_checklist_asks_for_at_least_one_tick_not_for_an_answer():
    form = FORMS["ekonomiskt_bistand"]
    errors = Wizard(form=form, page="sysselsattning").next({"sysselsattning": []}, TODAY).errors
    assert Translator.for_code("sv").text(errors["sysselsattning"]) == "Kryssa i minst en sak som du gör på dagarna."


def test_a_yes_or_no_question_left_empty_names_the_question():
    form = FORMS["forskola"]
    errors = Wizard(form=form, page="vardnad").next({}, TODAY).errors
    assert errors["tva_vardnadshavare"].source == "Svara ja eller nej: har barnet två vårdnadshavare?"


def empty_first_page(lang: str) -> AppTest:
    """The application for ekonomiskt bistånd, its first page (month and year) left empty, Continue pressed."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    if lang != "sv":
        at.selectbox(key="ui:lang").set_value(lang).run()
    at.button(key="start:ekonomiskt_bistand").click().run()
    at.button(key="nav:next").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_continue_on_an_empty_page_says_each_questions_own_message_in_the_summary_and_at_the_field(lang):
    t = Translator.for_code(lang)
    form = FORMS["ekonomiskt_bistand"]
    at = empty_first_page(lang)
    summary = "\n".join(m.value for m in at.markdown if "bg-error-summary" in m.value)
    at_fields = "\n".join(m.value for m in at.markdown if "bg-field-error" in m.value)
    for field_id in ("manad", "ar"):
        message = t.text(form.field(field_id).error)
        if lang != "sv":
            assert message != form.field(field_id).error.source, "said in the visitor's language"
        assert message in summary, (field_id, summary)
        assert message in at_fields, (field_id, at_fields)
    assert t(REQUIRED_DEFAULT) not in summary + at_fields
    if lang == "sv":
        assert "Välj vilken månad du söker för." in summary and "Skriv vilket år du söker för." in at_fields
