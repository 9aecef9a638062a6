"""A missing answer is said in the question's own words (issue 14, point 1): every required question of every
bundled form has an error: text ("Skriv hur mycket du får i månaden."), so nobody meets the generic
"Du behöver svara på frågan.", and the wizard shows that text in the error summary and at the field."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.i18n import Translator
from assistant.loader import load_library

ROOT = Path(__file__).resolve().parent.parent
FORMS = load_library(ROOT / "forms").forms


@pytest.mark.parametrize("form", FORMS.values(), ids=lambda f: f.id)
def test_every_required_question_says_what_is_missing_in_its_own_words(form):
    without = [f"{page.id}: {f.id}" for page in form.pages for f in page.fields if f.required and not f.error]
    assert without == [], "required questions without error: in form.yaml"


def _start(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    if lang != "sv":
        at.selectbox(key="ui:lang").set_value(lang).run()
    at.button(key="start:aldreomsorg").click().run()
    return at


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_continuing_from_an_empty_first_question_names_what_to_choose(lang):
    """The first page of the elderly-care form asks what to apply for; pressing Fortsätt with nothing chosen
    says so in the summary and at the question, in the visitor's language."""
    swedish = FORMS["aldreomsorg"].field("insatser").error
    expected = Translator.for_code(lang).text(swedish)
    assert swedish.source == "Välj minst en sak som du vill ansöka om."
    assert (expected == swedish.source) == (lang == "sv")       # translated in Arabic, not the Swedish again
    at = _start(lang)
    at.button(key="nav:next").click().run()
    summary = [m.value for m in at.markdown if "bg-error-summary" in m.value]
    at_field = [m.value for m in at.markdown if "bg-field-error" in m.value]
    assert len(summary) == 1 and expected in summary[0]
    assert len(at_field) == 1 and expected in at_field[0]
    generic = Translator.for_code(lang)("Du behöver svara på frågan.")
    assert generic not in summary[0] + at_field[0]
