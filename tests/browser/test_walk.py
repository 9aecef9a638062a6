"""The service-housing form completed in a real browser, in Swedish and in Arabic: on every page a
screenshot, axe-core at WCAG 2.1 A/AA, the page language, every control's name in the visitor's language and
no English from Streamlit; then the PDF is downloaded and read back."""
from __future__ import annotations

import json
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.paper.documents import build_documents
from assistant.wizard.flow import default_answers
from assistant.definition.loader import load_form
from assistant.pdf.inspect import read_fields
from assistant.pdf.render import render_png_pages
from assistant.ui.page_accessibility import STREAMLIT_ENGLISH
from tests.browser.wizard import Visitor, english_texts, key_css
from tests.form_walks.aldreomsorg import WALK
from tests.test_receipt import shows, text_of
from tests.walks import REVIEW_STEP, forward_key, walk_answers

ROOT = Path(__file__).resolve().parents[2]
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")


def walk_to_the_result(visitor: Visitor, check: bool = True, on_page=None, started: bool = False) -> None:
    """From the start page (or, `started`, the first question) through every question and the review page
    to the result page; `on_page(name)` runs on each page once it is filled (after the default checks:
    labels, axe, language, English)."""
    def at(name: str, page_id: str | None = None, answers: dict | None = None) -> None:
        if check and page_id:
            visitor.check_labels(page_id, answers)
        if check:
            visitor.check_page(name)
        if on_page:
            on_page(name)

    if not started:
        at("start")
        visitor.start()
    answers = dict(default_answers(FORM, date.today()))
    for i, (page_id, values) in enumerate(WALK.walk):
        answers.update(values)
        visitor.fill(values)
        if page_id == REVIEW_STEP:
            at("review")
        else:
            at(page_id, page_id, answers)
        last = i + 1 == len(WALK.walk)
        visitor.press(forward_key(WALK.walk, i),
                      visitor.t("Blanketten är klar") if last else visitor.title_of(WALK.walk[i + 1][0]))
    at("result")


def printed_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


def check_downloaded_pdf(pdf: bytes) -> None:
    """The downloaded file is the print version the engine makes of these answers, and shows them."""
    expected = build_documents(FORM, {**default_answers(FORM, date.today()), **walk_answers(WALK.walk)}, date.today(),
                               fillable=True)
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == len(PdfReader(BytesIO(expected.print_pdf)).pages)
    assert not reader.get_fields(), "the print version must be flat: nothing left to change by accident"
    on_paper = printed_text(pdf)
    by_pypdf = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    kinds = {name: f.kind for name, f in read_fields(expected.fillable_pdf).items()}
    for name, value in WALK.expected_pdf.items():
        if isinstance(value, str) and kinds[name] == "text":
            assert " ".join(value.split()) in on_paper, (name, value)
            assert " ".join(value.split()) in by_pypdf, (name, value)
    assert on_paper == printed_text(expected.print_pdf)
    # Ticks and radio dots have no text: the pages must look exactly like the engine's.
    assert render_png_pages(pdf, dpi=40) == render_png_pages(expected.print_pdf, dpi=40)


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_the_service_housing_form_in_a_real_browser(app, page, artifacts, lang):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    if lang != "sv":
        visitor.set_language(lang)
    walk_to_the_result(visitor)

    # No printer is configured: no "Skriv ut", the browser's print route is offered.
    assert page.locator(key_css("result:print")).count() == 0
    assert page.locator("#bg-open-print").is_visible()
    with page.expect_download() as download:
        page.locator(key_css("result:download") + " button:visible").click()
    assert download.value.suggested_filename == f"{FORM.id}.pdf"
    pdf = Path(download.value.path()).read_bytes()
    (artifacts / f"{FORM.id}-{lang}.pdf").write_bytes(pdf)
    check_downloaded_pdf(pdf)

    # The receipt is made in the helper process and handed over when the button is pressed.
    with page.expect_download() as download:
        page.locator(key_css("result:receipt") + " button:visible").click()
    assert download.value.suggested_filename == f"kvitto-{FORM.id}.pdf"
    receipt = Path(download.value.path()).read_bytes()
    (artifacts / f"kvitto-{FORM.id}-{lang}.pdf").write_bytes(receipt)
    shown = text_of(receipt)
    for expected in (visitor.t("Kvitto"), visitor.t.text(FORM.title), "Åsa", "Öberg"):
        assert shows(shown, expected), (lang, expected)

    # The accessibility statement, one step from every page.
    visitor.press("view:accessibility", visitor.t("Tillgänglighet för Blankettguiden"))
    visitor.check_page("accessibility-statement", allowed_english=STREAMLIT_ENGLISH)    # it quotes them

    visitor.save(artifacts / "findings.json")
    assert not visitor.problems, visitor.report()
    steps = sorted(visitor.step_seconds.values())
    print(json.dumps({"lang": lang, "load_s": round(visitor.load_seconds, 2), "steps": len(steps),
                      "median_step_s": round(steps[len(steps) // 2], 2), "max_step_s": round(steps[-1], 2)}))


def test_the_english_the_statement_lists_is_all_there_is(app, page, artifacts):
    """With the language list open (the one place Streamlit's English remains), a screen reader meets
    exactly the texts the accessibility statement lists: no more (add it there), no fewer (remove it)."""
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    page.locator(key_css("ui:lang") + " input").click()
    page.get_by_role("listbox").wait_for()
    visitor.screenshot("language-list-open")
    assert english_texts(page) == set(STREAMLIT_ENGLISH)
