"""Every form in forms/ is walked end to end in the app, in Swedish and in two other languages, and its
official PDF is read back field by field (values with pypdf, printed text with pdftotext)."""
from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from assistant.paper.documents import build_documents
from assistant.wizard.flow import default_answers
from assistant.definition.loader import load_form
from assistant.pdf.inspect import read_fields
from tests.testdata import TODAY
from assistant.i18n.translator import Translator
from tests.walks import REVIEW_STEP, all_walks, current_page_title, fill_page, forward_key, walk_answers

ROOT = Path(__file__).resolve().parent.parent
WALKS = all_walks()


def form_of(walk):
    return load_form(ROOT / "forms" / walk.form_id / "form.yaml")


def walk_in_app(walk, lang: str) -> AppTest:
    """Every page of the walk answered and continued, up to the last one (the declaration, or the review
    page), filled in: its button creates the form."""
    form = form_of(walk)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    if lang != "sv":
        at.selectbox(key="ui:lang").set_value(lang).run()
    at.button(key=f"start:{walk.form_id}").click().run()
    for i, (page_id, values) in enumerate(walk.walk):
        assert not at.exception, [e.value for e in at.exception]
        assert at.title[0].value, page_id
        if page_id == REVIEW_STEP:
            assert current_page_title(at) == Translator.for_code(lang)("Kontrollera dina svar")
        fill_page(at, form, values)
        if forward_key(walk.walk, i) == "nav:create":
            break
        at.button(key="nav:next").click().run()
        errors = [m.value for m in at.markdown if "bg-error-summary" in m.value]
        assert not errors, (page_id, errors)
    assert not at.exception
    return at


@pytest.mark.parametrize("walk", WALKS, ids=lambda w: w.form_id)
def test_walk_in_swedish_passes_the_review_page_to_the_last_page(walk):
    at = walk_in_app(walk, "sv")
    assert at.button(key="nav:create")


# A second language for each form besides its walk's own other language, spread over the scripts and lättläst.
SECOND_LANGUAGES = ["ti", "ar", "sv@lattlast", "en", "uk", "so", "fa", "fi"]


def second_language(index: int, walk) -> str:
    choices = [lang for lang in SECOND_LANGUAGES if lang != walk.other_language]
    return choices[index % len(choices)]


OTHER_WALKS = [(w, w.other_language) for w in WALKS] + [(w, second_language(i, w)) for i, w in enumerate(WALKS)]


@pytest.mark.parametrize(("walk", "lang"), OTHER_WALKS, ids=[f"{w.form_id}-{lang}" for w, lang in OTHER_WALKS])
def test_walk_in_another_language_passes_the_review_page_to_the_last_page(walk, lang):
    at = walk_in_app(walk, lang)
    assert at.button(key="nav:create")


def read_back(pdf: bytes) -> dict[str, object]:
    return {name: f.get("/V") for name, f in (PdfReader(BytesIO(pdf)).get_fields() or {}).items()}


def printed_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


@pytest.mark.parametrize("walk", [w for w in WALKS if w.expected_pdf], ids=lambda w: w.form_id)
def test_official_pdf_field_by_field(walk):
    form = form_of(walk)
    answers = {**default_answers(form, TODAY), **walk_answers(walk.walk)}   # as the wizard starts
    docs = build_documents(form, answers, TODAY, fillable=True)
    stored = read_back(docs.fillable_pdf)
    on_paper = printed_text(docs.print_pdf)
    kinds = {name: f.kind for name, f in read_fields(docs.fillable_pdf).items()}
    for name, expected in walk.expected_pdf.items():
        value = stored.get(name)
        if isinstance(expected, bool):
            assert (value not in (None, "/Off", "")) is expected, (name, value)
        else:
            assert str(value).lstrip("/") == expected, (name, value)
            if kinds[name] == "text":      # ticks and radio dots are checked as pixels in tests/pdf
                assert " ".join(expected.split()) in on_paper, (name, expected)


@pytest.mark.parametrize("walk", [w for w in WALKS if form_of(w).summary_only], ids=lambda w: w.form_id)
def test_an_errand_without_a_paper_form_prints_a_swedish_summary(walk):
    """Made in the receipt helper process when "Skapa blanketten" is pressed, in Swedish whatever the
    visitor's language, with the visitor's answers."""
    form = form_of(walk)
    at = walk_in_app(walk, walk.other_language)
    at.button(key="nav:create").click().run()
    assert not at.exception, [e.value for e in at.exception]
    docs = at.session_state["visit"].documents
    assert docs.fillable_pdf is None
    on_paper = printed_text(docs.print_pdf)
    assert "Sammanfattning att ta med" in on_paper and form.title.source in on_paper
    texts = [v for _, values in walk.walk for v in values.values() if isinstance(v, str) and len(v) > 3]
    assert texts and all(" ".join(v.split()) in on_paper for v in texts[:3]), texts[:3]
