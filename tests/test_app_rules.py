"""A cross-field rule in the wizard: its message shows on its question, in the visitor's language, in the
error summary too, and what was typed stays in the box."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from assistant.definition.loader import load_form
from tests.form_walks.fullmakt import PAGES
from tests.testdata import days_ahead
from tests.walks import answer_pages, current_page_title, fill_page, page_by_page

ROOT = Path(__file__).resolve().parent.parent
FORM = load_form(ROOT / "forms" / "fullmakt" / "form.yaml")
STARTS, ENDS_TOO_EARLY = days_ahead(60), days_ahead(30)


def reach_last_day(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    if lang != "sv":
        at.selectbox(key="ui:lang").set_value(lang).run()
    at.button(key="start:fullmakt").click().run()
    walk = [(page, {**values, "giltig_from": STARTS} if page == "giltighet" else values) for page, values in PAGES]
    answer_pages(at, FORM, page_by_page(FORM, walk), stop_before="giltighet-giltig_tom")
    fill_page(at, FORM, {"giltig_tom": ENDS_TOO_EARLY})
    at.button(key="nav:next").click().run()
    return at


def test_the_last_day_before_the_first_is_said_on_that_question_in_english():
    at = reach_last_day("en")
    message = "The last day cannot be before the day the power of attorney starts to be valid."
    summary = "\n".join(m.value for m in at.markdown if "bg-error-summary" in m.value)
    on_field = "\n".join(m.value for m in at.markdown if "bg-field-error" in m.value)
    assert message in summary and message in on_field
    assert at.text_input(key="q:giltig_tom").value == ENDS_TOO_EARLY


def test_a_corrected_date_goes_on():
    at = reach_last_day("sv")
    title = current_page_title(at)
    fill_page(at, FORM, {"giltig_tom": days_ahead(90)})
    at.button(key="nav:next").click().run()
    assert current_page_title(at) != title
    assert not [m.value for m in at.markdown if "bg-error-summary" in m.value]
