"""No cross-talk: visitors filling the form at the same time each see, and print, only their own answers.

Three levels: AppTest sessions interleaved page by page (AppTest swaps process-wide globals on every
run, so it cannot run in threads itself); the PDF engine in threads; and a real `streamlit run`
serving several websocket sessions at once, whose script threads really do run in parallel.
"""
from __future__ import annotations

import asyncio
import random
import subprocess
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assistant.paper.documents import build_documents
from assistant.wizard.flow import default_answers, non_latin
from assistant.definition.loader import load_form
from bench.bench_sessions import Server, walk
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import make_pnr
from tests.walks import REVIEW_STEP, forward_key, page_text, fill_page, walk_answers

ROOT = Path(__file__).resolve().parent.parent
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")
# The first four walk the wizard, which asks a name in another script again in Latin letters (as on the ID
# card); the threaded PDF test takes them all, Arabic, Ethiopic and Cyrillic names included.
NAMES = [("Ylva", "Xanthopoulou"), ("Ödön", "Kvarnström"), ("Bao", "Nguyễn"), ("Aino", "Väisänen"),
         ("Tsega", "ሰላም"), ("Olha", "Шевченко"), ("محمد", "الراشد"), ("Idil", "Cabdi")]


def person(i: int) -> dict[str, str]:
    """Visitor i: own name, own personnummer, own phone number."""
    first, last = NAMES[i]
    return {"sokande.fornamn": first, "sokande.efternamn": last,
            "sokande.personnummer": make_pnr(date(1940 + i, 1 + i, 10 + i), 311 + i),
            "sokande.telefon": f"070-555 00 {10 + i}"}


def owners(text: str, count: int) -> set[int]:
    """Whose personnummer or name appears in the text (the number survives any script's text extraction)."""
    return {i for i in range(count) if any(mark in text for mark in (
        person(i)["sokande.personnummer"], person(i)["sokande.fornamn"], person(i)["sokande.efternamn"]))}


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()


def test_interleaved_app_sessions_see_and_print_only_their_own_answers():
    count = 3
    apps = [AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run() for _ in range(count)]
    for at in apps:
        at.button(key="start:aldreomsorg").click().run()
    for step, (page_id, values) in enumerate(PAGES):  # each visitor answers this page, then the next one
        for i, at in enumerate(apps):
            if page_id == REVIEW_STEP:
                review = page_text(at)
                assert owners(review, count) == {i}, i
                assert person(i)["sokande.telefon"] in review
            mine = person(i)
            fill_page(at, FORM, {k: mine.get(k, v) for k, v in values.items()})
            at.button(key=forward_key(PAGES, step)).click().run()
            assert not at.exception, (i, page_id, [e.value for e in at.exception])
    tokens = {at.session_state["visit"].token for at in apps}
    assert len(tokens) == count
    for i, at in enumerate(apps):
        assert owners(pdf_text(at.session_state["visit"].documents.print_pdf), count) == {i}, i


def on_paper(i: int) -> dict[str, str]:
    """Visitor i as the form is filled: the name fields take Latin letters only (as on the ID card), so a name
    in another script is printed in the free text instead, shaped by the same engine."""
    first, last = NAMES[i]
    if not non_latin(first + last):
        return person(i)
    return {**person(i), "sokande.fornamn": f"Besokare{i}", "sokande.efternamn": "Latin",
            "behov": f"{first} {last} behöver hjälp hemma."}


def test_pdfs_made_in_threads_are_each_the_visitors_own():
    """Several visitors' PDFs at once, text in Arabic, Ethiopic, Cyrillic and Vietnamese included."""
    count, today = len(NAMES), date.today()
    answers = [{**default_answers(FORM, today), **walk_answers(PAGES), **on_paper(i)} for i in range(count)]
    alone = [pdf_text(build_documents(FORM, a, today).print_pdf) for a in answers]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda a: pdf_text(build_documents(FORM, a, today).print_pdf), answers * 2))
    for i, text in enumerate(together):
        assert text == alone[i % count], i
        assert owners(text, count) == {i % count}, i


async def _visitors_at_once(count: int) -> None:
    with Server() as server:
        results = await asyncio.gather(*(walk(server.url, person(i), 0, random.Random(i)) for i in range(count)))
        try:
            for i, (session, visit) in enumerate(results):
                assert owners(visit.review, count) == {i}, i
                assert owners(pdf_text(session.download("result:download")), count) == {i}, i
            first, _ = results[0]
            await first.rerun(first.click("result:finish"))         # "Klar – radera allt"
            await first.rerun(first.click("erase:yes"))             # not printed: "Ja, radera"
            await first.rerun()                                       # the next action, anywhere
            assert not first.downloads, "the erased visitor's PDF is still on the page"
        finally:
            for session, _ in results:
                await session.close()


def test_a_real_server_keeps_simultaneous_visitors_apart():
    """Four websocket sessions walk the form at the same time; each reviews and downloads only its own
    answers, and after "Klar – radera allt" the PDF is gone from the page (it never had an address). The event loop
    runs in its own thread: the browser tests' Playwright may hold one open in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _visitors_at_once(4)).result()
