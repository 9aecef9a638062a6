"""The receipt: rendered in every shipped language, read back from the PDF with pdftotext."""
from __future__ import annotations

import re
from datetime import date
import subprocess
from pathlib import Path

import pytest

from assistant.wizard.flow import default_answers
from assistant.i18n.translator import LANGUAGES, Translator
from assistant.definition.loader import load_form
from assistant.paper.receipt import receipt_html, render_receipt
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import TODAY
from tests.walks import walk_answers

ROOT = Path(__file__).resolve().parent.parent
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")


def answers(**changes):
    return {**default_answers(FORM, TODAY), **walk_answers(PAGES), **changes}


def words(text: str) -> str:
    """Words only: pdftotext puts a right-to-left line's end punctuation first, so punctuation is dropped."""
    text = "".join(ch for ch in text if ch not in "\u202a\u202b\u202c\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069")
    return " ".join("".join(ch for ch in text if ch not in "?.:!؟،()").split())


def shows(text: str, expected: str) -> bool:
    """The phrase is on the page; in mixed-direction lines pdftotext reorders runs, so then each word is."""
    return words(expected) in text or set(words(expected).split()) <= set(text.split())


def text_of(pdf: bytes) -> str:
    return words(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode())


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES], ids=str)
def test_receipt_in_every_language(lang):
    t = Translator.for_code(lang)
    pdf = render_receipt(FORM, answers(), t, TODAY)
    text = text_of(pdf)
    for expected in (t("Kvitto"), t.text(FORM.title), t("Vad händer sedan?"), "Åsa", "Öberg",
                     "070-123 45 67", "036-10 50 00", t.text(FORM.field("insatser").option("sarskilt_boende").label)):
        assert shows(text, expected), (lang, expected)
    html = receipt_html(FORM, answers(), t, TODAY)
    assert f'lang="{t.lang.html_lang}" dir="{t.lang.direction}"' in html


def test_arabic_and_ethiopic_names_print_in_their_own_script():
    pdf = render_receipt(FORM, answers(**{"sokande.fornamn": "محمد", "sokande.efternamn": "ሰላም"}),
                         Translator.for_code("ar"), TODAY)
    text = text_of(pdf)
    assert "محمد" in text and "ሰላም" in text


def test_answers_are_text_never_markup():
    pdf = render_receipt(FORM, answers(behov="<b>fet</b> & <i>kursiv</i>"), Translator.for_code("sv"), TODAY)
    assert words("<b>fet</b> & <i>kursiv</i>") in text_of(pdf)


def test_only_the_visitors_signatures_and_attachments_are_listed():
    text = text_of(render_receipt(FORM, answers(), Translator.for_code("sv"), TODAY))
    assert "Din make, maka eller sambo skriver under" in text            # parboende: yes
    assert "Din företrädare skriver också under" not in text              # no representative
    assert "Fullmakt, om ett ombud ansöker åt dig" not in text


def words_left_to_right(pdf: bytes, page_text: str, left_of: float = 330) -> list[str]:
    """The words of the line that holds page_text, in the order they stand on the page (left to right)."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    words = [(float(x), float(y), w) for x, y, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]
    line_y = next(y for x, y, w in words if w == page_text)
    return [w for x, y, w in sorted(words) if abs(y - line_y) < 2 and x < left_of]


def test_a_swedish_answer_on_an_arabic_receipt_keeps_its_full_stop_at_its_end():
    """WeasyPrint ignores <bdi> and unicode-bidi; the answer is isolated with FSI/PDI instead."""
    pdf = render_receipt(FORM, answers(behov="Jag behöver hjälp med dusch."), Translator.for_code("ar"), TODAY)
    line = words_left_to_right(pdf, "dusch.")
    assert line == ["Jag", "behöver", "hjälp", "med", "dusch."], line


def test_the_receipt_shows_the_visitors_own_words_and_apart_from_them_what_staff_wrote_in_swedish():
    """It used to print only the Swedish text the staff member wrote, in "your language" receipt."""
    own = "أحتاج مساعدة في الحمام"    # no lam-alef: pdftotext spells those ligatures its own way
    t = Translator.for_code("ar")
    pdf = render_receipt(FORM, answers(behov="Jag behöver hjälp med dusch.", **{"behov~original": own}), t, TODAY)
    text = text_of(pdf)
    assert shows(text, own), text
    assert shows(text, t("Det du skrev"))
    assert words_left_to_right(pdf, "dusch.", left_of=600) == ["Jag", "behöver", "hjälp", "med", "dusch."]
    html = receipt_html(FORM, answers(behov="Jag behöver hjälp med dusch.", **{"behov~original": own}), t, TODAY)
    assert html.index(own) < html.index("Jag behöver hjälp med dusch.")
    assert 'lang="sv"' in html and t("Det här skrev personalen på svenska på blanketten:") in html


def test_the_receipt_dates_what_happens_next_where_the_rules_allow():
    """"Inom två veckor" on a day in late November is a date the visitor can put in the calendar."""
    t = Translator.for_code("sv")
    html = receipt_html(FORM, answers(), t, date(2026, 12, 2))
    assert "Räkna med att handläggaren har hört av sig omkring 16 december 2026." in html
    ar = receipt_html(FORM, answers(), Translator.for_code("ar"), date(2026, 12, 2))
    assert Translator.for_code("ar").date(date(2026, 12, 16)) in ar


def test_the_receipt_in_large_print():
    from pypdf import PdfReader
    from io import BytesIO

    t = Translator.for_code("ar")
    normal = render_receipt(FORM, answers(), t, TODAY)
    large = render_receipt(FORM, answers(), t, TODAY, large=True)
    assert 'class="large"' in receipt_html(FORM, answers(), t, TODAY, large=True)
    assert len(PdfReader(BytesIO(large)).pages) > len(PdfReader(BytesIO(normal)).pages)
    sizes = re.findall(r'yMax="[\d.]+">Åsa<', subprocess.run(["pdftotext", "-bbox", "-", "-"], input=large,
                                                             capture_output=True, check=True).stdout.decode())
    assert sizes
