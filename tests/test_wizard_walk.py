"""The service-housing form walked in the real Streamlit app (AppTest): every page, a validation
error that keeps what was typed, Back and Continue, a change from the review page, and the result."""
from __future__ import annotations

import re
import subprocess
import time
from concurrent.futures import Future
from dataclasses import replace
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from assistant.paper.receipt_worker import ReceiptJob, ReceiptRenderer
from assistant.settings import settings
from assistant.ui import page_result, page_review
from assistant.ui.session import application
from tests.form_walks.aldreomsorg import PAGES as ALDREOMSORG_WALK
from tests.form_walks.aldreomsorg import START
from tests.test_receipt import shows, text_of
from tests.walks import REVIEW_STEP, answer_pages, page_text, current_page_title, fill_page

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
FORM = load_form(Path(__file__).resolve().parent.parent / "forms" / "aldreomsorg" / "form.yaml")


def start(lang: str = "sv") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    if lang != "sv":
        at.selectbox(key="ui:lang").set_value(lang).run()
    at.button(key="start:aldreomsorg").click().run()
    assert not at.exception
    return at


def press_continue(at: AppTest) -> None:
    at.button(key="nav:next").click().run()
    assert not at.exception, [e.value for e in at.exception]


def error_summary(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown if "bg-error-summary" in m.value)


def test_start_page_lists_the_forms_with_a_plain_description():
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert at.title[0].value == "Blankettguiden"
    texts = [m.value for m in at.markdown]
    assert FORM.description.source in texts
    assert FORM.title.source in [s.value for s in at.subheader]


def test_continue_without_an_answer_shows_the_error_summary_and_stays():
    at = start()
    press_continue(at)
    assert current_page_title(at) == FORM.page("insatser").title.source
    assert "Välj minst en sak som du vill ansöka om." in error_summary(at)      # the question's own error:
    assert "Steg 1 av" in at.markdown[0].value or any("Steg 1 av" in m.value for m in at.markdown)


def test_a_wrong_date_is_explained_and_the_typed_text_is_kept():
    at = start()
    fill_page(at, FORM, {"insatser": ["trygghetslarm"]})
    press_continue(at)
    at.text_input(key="q:startdatum").input("2027-02-30")
    press_continue(at)
    assert "riktigt datum" in error_summary(at)
    assert at.text_input(key="q:startdatum").value == "2027-02-30"


def test_back_and_forth_keeps_answers():
    at = start()
    fill_page(at, FORM, {"insatser": ["trygghetslarm"]})
    press_continue(at)
    at.text_input(key="q:startdatum").input(START)
    at.button(key="nav:back").click().run()
    assert at.checkbox(key="q:insatser:trygghetslarm").value is True
    press_continue(at)
    assert at.text_input(key="q:startdatum").value == START


def title_of(page_id: str, t: Translator) -> str:
    return t(page_review.REVIEW_TITLE) if page_id == REVIEW_STEP else t.text(FORM.page(page_id).title)


def test_the_whole_form_from_first_question_to_the_review_page_and_a_change():
    at = start()
    seen: list[str] = []
    answer_pages(at, FORM, ALDREOMSORG_WALK, stop_before=REVIEW_STEP, seen=seen)
    sv = Translator.for_code("sv")
    assert seen == [title_of(p, sv) for p, _ in ALDREOMSORG_WALK[:len(seen)]]
    assert current_page_title(at) == "Kontrollera dina svar"
    review = page_text(at)
    for expected in ["Åsa", "Öberg", "553 15", "070-123 45 67", "Särskilt boende (äldreboende)",
                     Translator.for_code("sv").date(date.fromisoformat(START)), "Göran", "Ekbacken"]:
        assert expected in review, expected
    assert "Vilket språk?" not in review          # the interpreter language was never asked
    at.button(key="change:sokande.postort").click().run()
    assert current_page_title(at) == FORM.page("sokande.adress").title.source
    assert at.text_input(key="q:sokande.postort").value == "Jönköping"
    at.text_input(key="q:sokande.postort").input("Huskvarna")
    press_continue(at)
    assert current_page_title(at) == "Kontrollera dina svar"
    assert "Huskvarna" in page_text(at)


@pytest.mark.parametrize("show_if_answer, expected_pages", [(True, 1), (False, 0)])
def test_spouse_pages_only_when_living_together(show_if_answer, expected_pages):
    at = start()
    walk = [(p, {"parboende": show_if_answer} if p == "parboende" else v) for p, v in ALDREOMSORG_WALK
            if show_if_answer or not p.startswith("make.")]
    answer_pages(at, FORM, walk, stop_before=REVIEW_STEP)
    review = page_text(at)
    assert review.count("Göran") == expected_pages


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_the_whole_form_in_arabic_and_tigrinya_to_the_printed_form_and_receipt(lang):
    t = Translator.for_code(lang)
    at = start(lang)
    seen: list[str] = []
    answer_pages(at, FORM, ALDREOMSORG_WALK, stop_before=REVIEW_STEP, seen=seen)
    assert seen == [title_of(p, t) for p, _ in ALDREOMSORG_WALK[:len(seen)]]
    assert current_page_title(at) == t("Kontrollera dina svar")
    review = page_text(at)
    assert t.text(FORM.field("insatser").option("sarskilt_boende").label) in review
    answer_pages(at, FORM, ALDREOMSORG_WALK[len(seen):])
    assert current_page_title(at) == t("Blanketten är klar")
    at.session_state["visit"].receipt.result()      # a busy machine may need more than the page's second
    at.run()
    assert downloads(at) == [t("Ladda ner blanketten (PDF)"), t("Kvitto på ditt språk (PDF)")]
    receipt = text_of(at.session_state["visit"].receipt.result())      # made in the helper process
    for expected in (t("Kvitto"), t.text(FORM.title), "Åsa", "Öberg"):
        assert shows(receipt, expected), (lang, expected)
    for _ in range(100):                        # receipt and pictures come after the page: it looks again
        at.run()
        if "bg-preview" in page_text(at):
            break
        time.sleep(0.1)
    assert downloads(at) == [t("Ladda ner blanketten (PDF)"), t("Kvitto på ditt språk (PDF)")]
    assert 'src="data:image/jpeg;base64,' in page_text(at)             # the pages on screen, no /media URL
    at.button(key="result:finish").click().run()
    at.button(key="erase:yes").click().run()        # not printed: the question comes first
    assert current_page_title(at) == "Blankettguiden" or current_page_title(at) == t("Blankettguiden")


def test_a_start_date_too_soon_warns_but_lets_the_visitor_go_on():
    from tests.form_walks.forskola import WALK as FORSKOLA
    from tests.testdata import days_ahead

    forskola = load_form(Path(__file__).resolve().parent.parent / "forms" / "forskola" / "form.yaml")
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.button(key="start:forskola").click().run()
    answer_pages(at, forskola, FORSKOLA.walk, stop_before="startdatum")
    at.text_input(key="q:startdatum").input(days_ahead(30))
    press_continue(at)
    assert current_page_title(at) == forskola.page("startdatum").title.source
    assert any("fyra månader" in w.value for w in at.warning)
    assert not error_summary(at)
    press_continue(at)
    following = [p for p, _ in FORSKOLA.walk][[p for p, _ in FORSKOLA.walk].index("startdatum") + 1]
    assert current_page_title(at) == forskola.page(following).title.source


class HeldReceipts(ReceiptRenderer):
    """The helper process, but the test decides when the receipt is ready (or fails)."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[ReceiptJob] = []

    def submit(self, form, answers, lang, today, **options) -> ReceiptJob:
        self.jobs.append(ReceiptJob(lang, Future()))
        return self.jobs[-1]

    def swedish_summary(self, form, answers, today) -> bytes:
        raise AssertionError("these tests walk a form with a paper PDF: no summary is made")


@pytest.fixture
def held(monkeypatch):
    receipts = HeldReceipts()
    monkeypatch.setattr(application(), "receipts", receipts)
    monkeypatch.setattr(page_result, "RECEIPT_WAIT_SECONDS", 0.05)
    return receipts


def downloads(at: AppTest) -> list[str]:
    """The labels of the result page's download buttons (assistant/ui/handover.py: the file is in the page)."""
    return [unescape(m.group(1)) for h in at.get("html") if "data-bg-download" in h.value
            for m in [re.search(r">([^<]*)</button>", h.value)] if m]


def walk_to_result() -> AppTest:
    at = start()
    answer_pages(at, FORM, ALDREOMSORG_WALK)
    assert current_page_title(at) == "Blanketten är klar"
    return at


def test_a_receipt_still_being_made_does_not_hold_up_the_result_page(held):
    at = walk_to_result()
    pending = at.button(key="result:receipt-pending")
    assert pending.disabled and pending.label == "Kvittot görs nu …"
    assert downloads(at) == ["Ladda ner blanketten (PDF)"]
    held.jobs[-1].future.set_result(b"%PDF-1.7 the receipt")
    at.run()
    assert downloads(at) == ["Ladda ner blanketten (PDF)", "Kvitto på ditt språk (PDF)"]
    assert not any(b.key == "result:receipt-pending" for b in at.button)


def test_a_receipt_that_fails_is_said_kindly_and_the_form_is_still_there(held):
    at = walk_to_result()
    held.jobs[-1].future.set_exception(RuntimeError("Åsa Öberg"))
    at.run()
    assert [i.value for i in at.info] == ["Kvittot kunde inte skapas. Blanketten fungerar ändå."]
    assert downloads(at) == ["Ladda ner blanketten (PDF)"]


def test_a_new_language_on_the_result_page_makes_the_receipt_in_that_language(held):
    at = walk_to_result()
    assert [job.lang for job in held.jobs] == ["sv"]
    at.selectbox(key="ui:lang").set_value("uk").run()
    assert [job.lang for job in held.jobs] == ["sv", "uk"]
    assert held.jobs[0].future is None, "the old one is forgotten"
    assert at.button(key="result:receipt-pending").label == Translator.for_code("uk")("Kvittot görs nu …")


def test_a_double_click_on_skriv_ut_prints_one_copy(monkeypatch):
    printed = []
    monkeypatch.setattr(page_result, "settings", lambda: replace(settings(), printer="bibliotek"))
    monkeypatch.setattr(page_result, "_printer_ready", lambda name: True)
    monkeypatch.setattr(page_result, "print_pdf", lambda pdf, printer: printed.append((pdf[:5], printer)) or "job-1")
    at = walk_to_result()
    at.button(key="result:print").click().run()
    assert printed == [(b"%PDF-", "bibliotek")]
    assert [s.value for s in at.success] == ["Blanketten skickades till skrivaren bibliotek."]
    at.button(key="result:print").click().run()
    assert len(printed) == 1, "the second press of a double click prints nothing"
    assert [i.value for i in at.info] == ["Blanketten skickades nyss till skrivaren. Vill du ha en kopia till? "
                                          "Vänta en halv minut och tryck igen."]
    at.session_state["visit"].printed_at -= page_result.REPRINT_SECONDS
    at.button(key="result:print").click().run()
    assert len(printed) == 2, "a copy asked for later is printed"


def test_someone_without_a_personnummer_gives_a_birth_date_that_is_printed_in_its_box():
    """Newly arrived visitors may have neither personnummer nor samordningsnummer (forms brief B.2)."""
    at = start()
    answer_pages(at, FORM, ALDREOMSORG_WALK, stop_before="sokande.namn-personnummer")
    assert at.text_input(key="q:sokande.personnummer")
    fill_page(at, FORM, {"sokande.saknar_personnummer": True})
    at.run()
    assert not [w for w in at.text_input if w.key == "q:sokande.personnummer"], "the number is not asked"
    press_continue(at)
    assert error_summary(at), "the birth date is needed"
    at.text_input(key="q:sokande.fodelsedatum").input("2099-01-01")
    press_continue(at)
    assert error_summary(at), "a birth date in the future is refused"
    at.text_input(key="q:sokande.fodelsedatum").input("1944-05-17")
    press_continue(at)
    rest = [s for s in ALDREOMSORG_WALK if s[0] != "sokande.namn-personnummer"]
    answer_pages(at, FORM, rest[[p for p, _ in rest].index("sokande.adress"):], stop_before=REVIEW_STEP)
    review = page_text(at)
    assert "Födelsedatum" in review and "17 maj 1944" in review and "Det finns inget personnummer" in review
    answer_pages(at, FORM, ALDREOMSORG_WALK[[p for p, _ in ALDREOMSORG_WALK].index(REVIEW_STEP):])
    docs = at.session_state["visit"].documents
    assert docs.fillable_pdf is None                 # the app makes only the print version
    printed = subprocess.run(["pdftotext", "-", "-"], input=docs.print_pdf, capture_output=True, check=True).stdout
    assert "Född 1944-05-17" in printed.decode()


def test_an_unticked_no_personnummer_box_is_not_listed_for_review():
    at = start()
    answer_pages(at, FORM, ALDREOMSORG_WALK, stop_before=REVIEW_STEP)
    review = page_text(at)
    assert "Det finns inget personnummer" not in review and "Födelsedatum" not in review
