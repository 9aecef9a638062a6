"""The documents made from the answers: the bilaga names the visitor even when there is no personnummer."""
from __future__ import annotations

import re
import subprocess
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from assistant.paper.documents import ON_BILAGA, ORIGINAL, build_documents
from assistant.wizard.flow import default_answers
from assistant.definition.loader import load_form
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import TODAY
from tests.walks import walk_answers

FORM = load_form(Path(__file__).resolve().parent.parent / "forms" / "aldreomsorg" / "form.yaml")


def printed(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode().split())


def answers(**changes):
    return {**default_answers(FORM, TODAY), **walk_answers(PAGES), "behov": "Jag behöver hjälp på morgonen. " * 60,
            **changes}


def test_the_bilaga_names_the_visitor_by_personnummer():
    docs = build_documents(FORM, answers(), TODAY)
    assert docs.continued, "the long answer went to the bilaga"
    text = printed(docs.print_pdf)
    assert "Personnummer: 19410314-4822" in text and "Bilaga – Åsa Öberg, 19410314-4822" in text


def test_the_bilaga_names_the_visitor_by_birth_date_when_there_is_no_number():
    no_number = answers(**{"sokande.saknar_personnummer": True, "sokande.fodelsedatum": "1944-05-17"})
    docs = build_documents(FORM, no_number, TODAY)
    text = printed(docs.print_pdf)
    assert "Personnummer: Född 1944-05-17" in text and "Bilaga – Åsa Öberg, Född 1944-05-17" in text
    assert "19410314" not in text, "the hidden number is not printed anywhere"


def line_words(pdf: bytes, page: int, containing: str) -> list[str]:
    """The words of the line whose text holds `containing`, left to right as they stand on the page."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    words = [(float(x), float(y), w) for x, y, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]
    line_y = next(y for x, y, w in words if containing in w)
    return [w for x, y, w in sorted(words) if abs(y - line_y) < 2]


def test_an_arabic_original_on_the_bilaga_ends_with_its_full_stop_on_the_left():
    """The visitor's own Arabic text, printed on the bilaga of the Swedish form, reads right to left to
    its end: WeasyPrint ignores dir="auto" and unicode-bidi, so the text is isolated with FSI/PDI."""
    own = answers(behov="Behöver hjälp med dusch.", **{"behov" + ORIGINAL: "أحتاج مساعدة في الاستحمام.",
                                                        "behov" + ON_BILAGA: True})
    pdf = build_documents(FORM, own, TODAY).print_pdf
    line = line_words(pdf, len(PdfReader(BytesIO(pdf)).pages), "ةدعاسم")     # pdftotext spells RTL backwards
    assert line[0].startswith(".") and not line[-1].endswith("."), line
