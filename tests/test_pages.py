"""The visitor's pages as a person meets them (issue 14): one thing per page, errors in the question's own
words, Back on the first question asks, every answer with its own "Ändra", the declaration after the review
and asked again after a change, and one own-language box in another language."""
from __future__ import annotations

import subprocess
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from tests.form_walks.aldreomsorg import PAGES
from tests.walks import REVIEW_STEP, answer_pages, current_page_title, fill_page, page_text

ROOT = Path(__file__).resolve().parent.parent
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")


def start(lang: str = "sv") -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    if lang != "sv":
        at.selectbox(key="ui:lang").set_value(lang).run()
    at.button(key="start:aldreomsorg").click().run()
    return at


def error_summary(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown if "bg-error-summary" in m.value)


def inputs(at: AppTest) -> list[str]:
    """The answer widgets on the page (not the toolbar's)."""
    keys = [w.key for kind in ("text_input", "text_area", "radio", "checkbox") for w in at.get(kind)]
    return [k for k in keys if k and k.startswith("q:")]


def test_the_name_page_asks_for_the_name_only():
    at = start()
    answer_pages(at, FORM, PAGES, stop_before="sokande.namn")
    assert current_page_title(at) == "Vad heter du?"
    assert sorted(inputs(at)) == ["q:sokande.efternamn", "q:sokande.fornamn"]


def test_a_missing_name_is_said_as_what_to_do():
    at = start()
    answer_pages(at, FORM, PAGES, stop_before="sokande.namn")
    at.button(key="nav:next").click().run()
    summary = error_summary(at)
    assert "Skriv förnamnet." in summary and "Skriv efternamnet." in summary
    assert "Förnamn: " not in summary and "Du behöver svara på frågan" not in summary


def test_the_hint_comes_before_the_input():
    at = start()
    answer_pages(at, FORM, PAGES, stop_before="sokande.namn-personnummer")
    flat = [getattr(e, "key", None) or getattr(e, "value", None) for e in _walk(at.main)]
    hint = next(i for i, v in enumerate(flat) if isinstance(v, str) and "ÅÅÅÅMMDD" in v)
    assert hint < flat.index("q:sokande.personnummer")


def _walk(node):
    """Every element of the page in the order it is drawn."""
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _walk(child)


def test_back_on_the_first_question_asks_before_leaving_the_form():
    at = start()
    fill_page(at, FORM, {"insatser": ["trygghetslarm"]})
    at.button(key="nav:back").click().run()
    assert current_page_title(at) == FORM.page("insatser").title.source, "not left silently"
    assert "Vill du lämna blanketten?" in page_text(at)
    at.button(key="leave:no").click().run()
    assert current_page_title(at) == FORM.page("insatser").title.source
    assert "Vill du lämna blanketten?" not in page_text(at)
    assert at.checkbox(key="q:insatser:trygghetslarm").value is True, "what was ticked is still there"
    at.button(key="nav:back").click().run()
    at.button(key="leave:yes").click().run()
    assert current_page_title(at) == "Blankettguiden"


def test_every_answer_has_its_own_change_link_and_empty_optional_questions_are_not_listed():
    at = start()
    answer_pages(at, FORM, PAGES, stop_before=REVIEW_STEP)
    assert current_page_title(at) == "Kontrollera dina svar"
    changes = [b.key for b in at.button if b.key and b.key.startswith("change:")]
    assert {"change:sokande.fornamn", "change:sokande.efternamn", "change:sokande.postort",
            "change:sokande.telefon"} <= set(changes)
    assert len(changes) == len(set(changes)) > 20
    review = page_text(at)
    assert "Inte besvarat" not in review and "c/o" not in review       # c/o was left empty
    assert "<li>" in review, "the chosen help is a list, one choice a line"
    assert "Jag försäkrar" not in review, "the declaration is not among the answers"


def test_the_declaration_comes_after_the_review_and_a_change_asks_it_again():
    at = start()
    steps = [p for p, _ in PAGES]
    answer_pages(at, FORM, PAGES, stop_before="underskrift")
    assert current_page_title(at) == FORM.page("underskrift").title.source
    at.checkbox(key="q:forsakran").check().run()
    at.button(key="nav:back").click().run()                   # to the consent page
    at.button(key="nav:back").click().run()                   # to the review
    assert current_page_title(at) == "Kontrollera dina svar"
    at.button(key="change:sokande.postort").click().run()
    at.text_input(key="q:sokande.postort").input("Huskvarna")
    at.button(key="nav:next").click().run()
    assert current_page_title(at) == "Kontrollera dina svar" and "Huskvarna" in page_text(at)
    for _ in steps[steps.index(REVIEW_STEP):steps.index("underskrift")]:     # the review, the consent
        at.button(key="nav:next").click().run()
    assert current_page_title(at) == FORM.page("underskrift").title.source
    assert at.checkbox(key="q:forsakran").value is False, "the earlier 'Ja' does not cover the new answer"
    at.button(key="nav:create").click().run()
    assert "Kryssa i rutan" in error_summary(at)


def test_in_arabic_a_free_text_question_is_one_box_in_the_visitors_language():
    t = Translator.for_code("ar")
    at = start("ar")
    answer_pages(at, FORM, PAGES, stop_before="behov")
    own = [w for w in at.text_area if w.key == "q:behov~original"]
    assert own and own[0].label == t.text(FORM.field("behov").label)
    assert t("Skriv på ditt eget språk. Personalen skriver sedan svaret på svenska på blanketten.") in \
        [c.value for c in at.caption]
    staff = [w for w in at.text_area if w.key == "q:behov"]
    assert staff and "behov" in staff[0].key           # the staff member's Swedish box, marked as theirs
    assert "För personalen" in page_text(at)


def test_a_name_in_arabic_script_is_asked_again_as_on_the_id_card_and_kept_for_the_receipt():
    at = start("ar")
    answer_pages(at, FORM, PAGES, stop_before="sokande.namn")
    fill_page(at, FORM, {"sokande.fornamn": "عائشة", "sokande.efternamn": "Öberg"})
    at.button(key="nav:next").click().run()
    assert current_page_title(at) == Translator.for_code("ar").text(FORM.page("sokande.namn").title), "asked again"
    t = Translator.for_code("ar")
    assert t("Skriv namnet med latinska bokstäver (A–Z), så som det står på ditt id-kort, LMA-kort eller pass. "
             "Det namnet kommer på blanketten.") in error_summary(at)
    assert at.text_input(key="q:sokande.fornamn").value == ""
    assert "عائشة" in page_text(at), "the name as the visitor wrote it is shown beside the box"
    at.text_input(key="q:sokande.fornamn").input("Aisha")
    rest = PAGES[[p for p, _ in PAGES].index("sokande.namn") + 1:]
    at.button(key="nav:next").click().run()
    answer_pages(at, FORM, rest, stop_before=REVIEW_STEP)
    review = page_text(at)
    assert "Aisha" in review and "عائشة" in review
    answer_pages(at, FORM, rest[[p for p, _ in rest].index(REVIEW_STEP):])
    visit = at.session_state["visit"]
    printed = subprocess.run(["pdftotext", "-", "-"], input=visit.documents.print_pdf, capture_output=True,
                             check=True).stdout.decode()
    assert "Aisha" in printed
    from tests.test_receipt import text_of
    receipt = text_of(visit.receipt.result())
    assert "Aisha" in receipt and "عائشة" in receipt


def test_the_swedish_original_sits_under_the_text_it_translates_above_the_input():
    """It used to follow the input, right above the next question, so staff paired it with the wrong one."""
    at = start("ar")
    answer_pages(at, FORM, PAGES, stop_before="sokande.namn")
    flat = [getattr(e, "key", None) or getattr(e, "value", None) for e in _walk(at.main)]
    flat = [v for v in flat if isinstance(v, str)]
    first = next(i for i, v in enumerate(flat) if 'lang="sv"' in v and ">Förnamn<" in v)
    assert flat.index("q:sokande.fornamn") > first, "the Swedish 'Förnamn' comes before the first-name box"
    assert flat.index("q:sokande.fornamn") < next(i for i, v in enumerate(flat) if ">Efternamn<" in v)
    between = flat[flat.index("q:sokande.fornamn") + 1:next(i for i, v in enumerate(flat) if ">Efternamn<" in v)]
    assert not [v for v in between if 'class="bg-sv"' in v], "nothing Swedish between the box and the next question"


def test_lattlast_shows_no_second_swedish_text_and_the_language_list_says_sprak_once():
    at = start("sv@lattlast")
    answer_pages(at, FORM, PAGES, stop_before="sokande.namn")
    assert not [m for m in at.markdown if 'class="bg-sv"' in m.value]
    assert not [t for t in at.toggle if t.key == "ui:sv"], "no 'Visa vanlig svenska' for lättläst"
    label = at.selectbox(key="ui:lang").label
    assert label.split(" / ").count("Språk") == 1, label


def test_the_result_page_says_by_when_the_handlaggare_gets_in_touch():
    """Issue 14, point 8: the rules give a date (two weeks for äldreomsorg), so the page says the day, in the
    visitor's language, as the receipt does."""
    from datetime import date, timedelta
    for lang in ("sv", "ar"):
        at = start(lang)
        answer_pages(at, FORM, PAGES)
        t = Translator.for_code(lang)
        when = t.date(date.today() + timedelta(days=14))
        said = page_text(at)
        assert t("Vad händer sedan?") in [h.value for h in at.header], lang
        assert when in said, (lang, when)
