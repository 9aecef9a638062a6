"""Printing at the library through CUPS: assistant.paper.printing against a real scheduler with the cups-pdf
virtual printer (started and stopped by these tests), and the hand-over to lp on standard input."""
from __future__ import annotations

import re
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.paper import printing
from assistant.paper.printing import PrintError, print_pdf, printer_available
from tests.browser import cups

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scheduler():
    why = cups.missing()
    if why:
        pytest.skip(why)
    server = cups.PrivateCups()
    try:
        server.add_pdf_printer()
        yield server
    finally:
        server.stop()


@pytest.fixture
def use_scheduler(scheduler, monkeypatch):
    for name, value in scheduler.env.items():
        monkeypatch.setenv(name, value)
    return scheduler


@pytest.fixture(scope="module")
def filled_form() -> bytes:
    """The service-housing form as the walk fills it: the print version the result page offers."""
    from assistant.paper.documents import build_documents
    from assistant.wizard.flow import default_answers
    from assistant.definition.loader import load_form
    from tests.form_walks.aldreomsorg import WALK
    from tests.testdata import TODAY
    from tests.walks import walk_answers

    form = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")
    return build_documents(form, {**default_answers(form, TODAY), **walk_answers(WALK.walk)}, TODAY).print_pdf


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


def test_the_form_is_printed_on_the_virtual_printer(use_scheduler, filled_form):
    assert printer_available(use_scheduler.printer)
    job = print_pdf(filled_form, use_scheduler.printer)
    assert re.fullmatch(rf"{use_scheduler.printer}-\d+", job)
    paper = use_scheduler.printed()
    # The printed copy lands in the scheduler's own temporary folder (removed when it stops), never in ~/PDF,
    # where a file of an earlier run with the same job id once hid the new one.
    assert paper.is_relative_to(use_scheduler.root)
    on_paper = text_of(paper)
    for value in ("Åsa", "Öberg", "Storgatan 12 B", "553 15", "Jönköping", "070-123 45 67",
                  "asa.oberg@example.se", "Vårdcentralen Öxnehaga", "Karin Öberg"):
        assert value in on_paper, value
    assert len(PdfReader(paper).pages) == len(PdfReader(BytesIO(filled_form)).pages)     # every page
    # PreserveJobFiles No: once printed, CUPS keeps no copy of the personal data in its spool.
    assert use_scheduler.spooled_job_files() == []
    # The queue shows the fixed title, never the visitor's name.
    queue = use_scheduler.run("lpstat", "-W", "completed", "-l", "-o", use_scheduler.printer).stdout
    assert "Öberg" not in queue


def test_unknown_or_empty_printer_is_not_available(use_scheduler):
    assert not printer_available("")
    assert not printer_available("no-such-printer")
    assert not printer_available("bad name; rm -rf /")


def test_a_stopped_or_rejecting_printer_is_not_available_and_lp_errors_are_explained(use_scheduler):
    name = "blankettguiden-second"          # a second queue on the same scheduler
    use_scheduler.run("lpadmin", "-p", name, "-v", use_scheduler.device_uri, "-E", "-P", str(cups.PPD))
    try:
        assert printer_available(name)
        use_scheduler.run("cupsdisable", name)      # jobs would wait in the queue for ever
        assert not printer_available(name)
        use_scheduler.run("cupsenable", name)
        use_scheduler.run("cupsreject", name)
        assert not printer_available(name)
        with pytest.raises(PrintError) as refused:
            print_pdf(b"%PDF-1.7\n%%EOF\n", name)
        message = str(refused.value)
        assert "not accepting" in message and "cupsaccept" in message, message
    finally:
        use_scheduler.run("lpadmin", "-x", name)


def test_unknown_printer_and_not_a_pdf_give_clear_errors(use_scheduler, filled_form):
    with pytest.raises(PrintError, match="does not exist.*lpstat -p"):
        print_pdf(filled_form, "no-such-printer")
    with pytest.raises(PrintError, match="not a PDF"):
        print_pdf(b"hello", use_scheduler.printer)
    with pytest.raises(PrintError, match="no valid printer name"):
        print_pdf(filled_form, "")


def test_without_a_running_scheduler_nothing_is_available(tmp_path, monkeypatch, filled_form):
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))
    assert not printer_available("blankettguiden-test")
    with pytest.raises(PrintError, match="lp refused the job"):
        print_pdf(filled_form, "blankettguiden-test")


def test_the_pdf_goes_to_lp_on_standard_input_never_as_a_file(monkeypatch):
    seen = {}

    def fake_run(command, **kwargs):
        seen["command"], seen["input"] = command, kwargs.get("input")
        return subprocess.CompletedProcess(command, 0, stdout=b"request id is lib-7 (0 file(s))\n", stderr=b"")

    monkeypatch.setattr(printing.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(printing.subprocess, "run", fake_run)
    assert print_pdf(b"%PDF-1.7 personal data", "lib") == "lib-7"
    assert seen["command"] == ["lp", "-d", "lib", "-t", "Blankettguiden"]       # no file name, fixed title
    assert seen["input"] == b"%PDF-1.7 personal data"


def test_skriv_ut_on_the_result_page_prints_on_the_library_printer(scheduler, start_app, page, artifacts, tmp_path):
    """A staff PC with CUPS and skrivare: set: the result page offers "Skriv ut", and the form comes out of
    the printer (here: the cups-pdf virtual printer)."""
    from tests.browser.test_walk import FORM, walk_to_the_result
    from tests.browser.wizard import Visitor, key_css, rerun_by

    config = tmp_path / "municipality.yaml"
    config.write_text(re.sub(r"(?m)^skrivare:.*$", f"skrivare: {scheduler.printer}",
                             (ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    server = start_app({"BLANKETTGUIDEN_CONFIG": str(config), **scheduler.env})
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(server.url)
    walk_to_the_result(visitor, check=False)
    assert page.locator("#bg-open-print").is_visible()          # the browser's print stays as well
    rerun_by(page, page.locator(key_css("result:print") + " button:visible").click)
    done = visitor.t("Blanketten skickades till skrivaren %(printer)s.", printer=scheduler.printer)
    assert page.get_by_text(done).is_visible()
    visitor.screenshot("printed")
    on_paper = text_of(scheduler.printed())
    assert "Storgatan 12 B" in on_paper and "Åsa" in on_paper
