"""Nothing of a visitor reaches the disk or the logs, and nothing in an answer makes WeasyPrint fetch.

An invented visitor with a name and a personnummer made up for this run (so no file that existed
before can contain them) completes the service-housing form in the real app and gets the PDF and the
receipt. Then every file changed since the walk began in the project, the temp directories,
~/.streamlit, ~/.cache and /dev/shm is searched, in UTF-8, UTF-16, Latin-1, decomposed
Unicode and PDF string forms, compressed PDFs included; and so are the logs at DEBUG, everything
written to stdout/stderr, and the warnings. A control then writes the same PDF to disk and checks
that the search finds it, so a search that cannot find anything does not pass.
"""
from __future__ import annotations

import logging
import os
import secrets
import subprocess
import tempfile
import threading
import time
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
import streamlit.logger
from streamlit.testing.v1 import AppTest

from assistant.paper.documents import build_documents
from assistant.wizard.flow import default_answers
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from assistant.paper.receipt import FetchNothing, receipt_html, render_receipt
from assistant.ui.session import application
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import make_pnr
from tests.walks import REVIEW_STEP, forward_key, page_text, fill_page, walk_answers

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")
MAX_FILE = 200 * 1024 * 1024
SKIP = ("bash_jobs",)             # the machinery's own job folders in /tmp are not the app's to write


@dataclass(frozen=True)
class Visitor:
    first: str
    last: str
    pnr: str                      # YYYYMMDD-NNNC

    @classmethod
    def invent(cls) -> Visitor:
        """A recognisable name and a valid personnummer that exist only in this run."""
        rnd = secrets.SystemRandom()
        tag = "".join(rnd.choice("bcdfghjklmnpqrstvwxz") for _ in range(6))
        born = date(1930 + rnd.randrange(40), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
        return cls(f"Zyxwåvu{tag}", f"Qörtbeck{tag[::-1]}", make_pnr(born, 100 + rnd.randrange(900)))

    def needles(self) -> dict[str, list[bytes]]:
        """What to search for, by what it is, in every encoding a file or a PDF could hold it in."""
        texts = {"first name": [self.first], "last name": [self.last],
                 "personnummer": [self.pnr, self.pnr.replace("-", ""), self.pnr[2:]]}
        found: dict[str, list[bytes]] = {}
        for what, variants in texts.items():
            forms: set[bytes] = set()
            for text in variants:
                for norm in ("NFC", "NFD"):
                    for codec in ("utf-8", "utf-16-le", "utf-16-be", "latin-1"):
                        try:
                            raw = unicodedata.normalize(norm, text).encode(codec)
                        except UnicodeEncodeError:
                            continue
                        forms |= {raw, raw.hex().encode(), raw.hex().upper().encode()}  # also as <hex> strings
                latin = text.encode("latin-1")
                forms.add(b"".join(bytes([b]) if b < 128 else b"\\%03o" % b for b in latin))  # (octal) escapes
            found[what] = sorted(forms)
        return found


def roots() -> list[Path]:
    """Where the app, Streamlit or a library they call could write: the project, temp folders, Streamlit's
    and the caches' folders in home, shared memory."""
    home = Path.home()
    candidates = [ROOT, Path(tempfile.gettempdir()), home / ".streamlit", home / ".cache", Path("/dev/shm"),
                  Path("/var/tmp")]
    unique = {p.resolve() for p in candidates if p.is_dir()}
    return sorted(p for p in unique if not any(p != q and q in p.parents for q in unique))


def changed_files(since: float, under: list[Path]) -> Iterator[Path]:
    """Regular files changed at or after `since` (one lstat each, as there are many)."""
    stack = [str(p) for p in under]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith(SKIP):
                    stack.append(entry.path)
            elif entry.is_file(follow_symlinks=False):
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if max(info.st_mtime, info.st_ctime) >= since and info.st_size <= MAX_FILE:
                    yield Path(entry.path)


def readable_forms(data: bytes) -> list[bytes]:
    """The bytes, plus what a PDF holds in compressed streams and what pdftotext reads from it."""
    out = [data]
    if data.startswith(b"%PDF"):
        try:
            with pikepdf.open(BytesIO(data)) as pdf:
                out += [obj.read_bytes() for obj in pdf.objects if isinstance(obj, pikepdf.Stream)]
        except (pikepdf.PdfError, ValueError):
            pass
        text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, timeout=60).stdout
        out.append(text)
    return out


def hits_in(data: bytes, needles: dict[str, list[bytes]]) -> set[str]:
    blobs = readable_forms(data)
    return {what for what, forms in needles.items() if any(n in blob for blob in blobs for n in forms)}


def scan_files(since: float, needles: dict[str, list[bytes]], under: list[Path] | None = None) -> dict[str, set[str]]:
    """File -> what of the visitor it holds, for every changed file that holds anything."""
    found = {}
    for path in changed_files(since, under or roots()):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hits := hits_in(data, needles):
            found[str(path)] = hits
    return found


@pytest.fixture
def all_logs(caplog) -> Iterator[pytest.LogCaptureFixture]:
    """Every log record at DEBUG, Streamlit's own loggers included (they do not propagate to root)."""
    AppTest.from_file(APP, default_timeout=30).run()       # import the app so its loggers exist
    own = [logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict)
           if isinstance(logging.Logger.manager.loggerDict[name], logging.Logger)]
    own = [lg for lg in own if not lg.propagate]
    levels = {lg: lg.level for lg in own}
    streamlit_level = streamlit.logger._global_log_level
    streamlit.logger.set_log_level("debug")
    for lg in own:
        lg.addHandler(caplog.handler)
        lg.setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    try:
        yield caplog
    finally:
        for lg, level in levels.items():
            lg.removeHandler(caplog.handler)
            lg.setLevel(level)
        streamlit.logger.set_log_level(streamlit_level)


def walk_as(visitor: Visitor) -> AppTest:
    """The whole form in the app, the visitor's own name and number in place of the walk's."""
    mine = {"sokande.fornamn": visitor.first, "sokande.efternamn": visitor.last,
            "sokande.personnummer": visitor.pnr}
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start:aldreomsorg").click().run()
    for i, (page_id, values) in enumerate(PAGES):
        if page_id == REVIEW_STEP:
            review = page_text(at)
            assert visitor.first in review and visitor.last in review
        fill_page(at, FORM, {k: mine.get(k, v) for k, v in values.items()})
        at.button(key=forward_key(PAGES, i)).click().run()
        assert not at.exception, (page_id, [e.value for e in at.exception])
    return at


def test_a_completed_visit_leaves_no_trace_on_disk_or_in_the_logs(all_logs, capfd):
    visitor = Visitor.invent()
    needles = visitor.needles()
    since = time.time() - 1
    application().receipts.shutdown()     # the receipt helper is started afresh in the walk, so its output is captured too
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        at = walk_as(visitor)
        v = at.session_state["visit"]
        assert v.documents is not None and v.receipt is not None, "the PDF and the receipt were made"
        receipt = v.receipt.result()
    assert hits_in(v.documents.print_pdf, needles) == {"first name", "last name", "personnummer"}
    assert squeezed(visitor.last) in pdf_text(receipt), "the receipt (made in the helper process) shows the visitor"

    assert scan_files(since, needles) == {}
    out, err = capfd.readouterr()
    logged = all_logs.text + "\n".join(r.getMessage() for r in all_logs.records)
    assert all_logs.records, "DEBUG logging reached the capture"
    for where, text in {"log": logged, "stdout": out, "stderr": err,
                        "warnings": "\n".join(str(w.message) for w in caught)}.items():
        assert hits_in(text.encode("utf-8"), needles) == set(), where
        assert v.token not in text, where

    # Control: the same search finds the visitor in that PDF once it is on disk, and in a UTF-16 text.
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "leak.pdf").write_bytes(v.documents.print_pdf)
        Path(folder, "leak.txt").write_bytes(visitor.last.encode("utf-16"))
        found = scan_files(since, needles, [Path(folder)])
    assert found == {str(Path(folder, "leak.pdf")): {"first name", "last name", "personnummer"},
                     str(Path(folder, "leak.txt")): {"last name"}}


# --- The receipt and the PDF overlay fetch nothing ------------------------------------------------

class Recorder(BaseHTTPRequestHandler):
    """Answers every request with a stylesheet that would print CANARY, and remembers the request."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Recorder.seen.append(self.path)
        body = b'p::before { content: "CANARY-HTTP " }'
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 only, stopped after the test."""
    Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def canary_css(tmp_path) -> str:
    path = tmp_path / "canary.css"
    path.write_text('p::after { content: " CANARY-FILE" }')
    return path.as_uri()


def pdf_text(pdf: bytes) -> str:
    """The printed text without any white space: pdftotext breaks long URLs across lines."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return "".join(out.split())


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_server_and_the_canaries_would_be_seen(local_server, canary_css):
    """Without the receipt's fetcher WeasyPrint does fetch: the two tests below can fail."""
    from weasyprint import HTML

    html = f'<link rel="stylesheet" href="{local_server}/a.css"><link rel="stylesheet" href="{canary_css}"><p>x</p>'
    text = pdf_text(HTML(string=html).write_pdf())
    assert "CANARY-HTTP" in text and "CANARY-FILE" in text and Recorder.seen == ["/a.css"]


def hostile_answers(server: str, canary: str) -> dict[str, str]:
    return {
        "behov": f'<img src="file:///etc/passwd"> <img src="{server}/img.png"> '
                 f'<link rel="stylesheet" href="{server}/x.css"><link rel="stylesheet" href="{canary}">',
        "sokande.efternamn": f'<img src="{server}/name.png">',
        "sjukdom": f"</p><style>@import url({server}/import.css);</style>",
    }


def test_the_receipt_shows_markup_as_text_and_fetches_nothing(local_server, canary_css):
    hostile = hostile_answers(local_server, canary_css)
    answers = {**default_answers(FORM, date.today()), **walk_answers(PAGES), **hostile}
    t = Translator.for_code("sv")
    html = receipt_html(FORM, answers, t, date.today())
    assert '<img src="file:///etc/passwd">' not in html and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    text = pdf_text(render_receipt(FORM, answers, t, date.today()))
    for shown in ('<img src="file:///etc/passwd">', f'<img src="{local_server}/img.png">',
                  f'<img src="{local_server}/name.png">', f"<style>@import url({local_server}/import.css);</style>"):
        assert squeezed(shown) in text, shown
    assert "CANARY" not in text and Recorder.seen == []


def test_the_receipt_fetcher_refuses_even_real_markup(local_server, canary_css):
    """If markup ever got through, the fetcher still fetches nothing."""
    from weasyprint import HTML

    html = (f'<link rel="stylesheet" href="{local_server}/a.css"><link rel="stylesheet" href="{canary_css}">'
            f'<img src="{local_server}/b.png"><img src="file:///etc/passwd"><p>x</p>')
    text = pdf_text(HTML(string=html, url_fetcher=FetchNothing()).write_pdf())
    assert "CANARY" not in text and Recorder.seen == []


def test_the_official_pdf_fetches_nothing_for_markup_in_answers(local_server, canary_css):
    """Arabic sends a value through the WeasyPrint overlay; a long one goes to the bilaga page."""
    hostile = hostile_answers(local_server, canary_css)
    hostile["behov"] = (hostile["behov"] + " ") * (2900 // (len(hostile["behov"]) + 1))   # the field takes 3000
    hostile["sjukdom"] += " سلام"
    answers = {**default_answers(FORM, date.today()), **walk_answers(PAGES), **hostile}
    docs = build_documents(FORM, answers, date.today())
    text = pdf_text(docs.print_pdf)
    assert docs.continued and squeezed(f'<img src="{local_server}/name.png">') in text
    assert "CANARY" not in text and Recorder.seen == []
