"""The documents made from the answers: the bilaga names the visitor even when there is no personnummer."""
from __future__ import annotations

import subprocess
from pathlib import Path

from assistant.documents import build_documents
from assistant.flow import default_answers
from assistant.loader import load_form
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
