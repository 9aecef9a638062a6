"""Benchmarks for the wizard (issue 2 and 4). Prints medians of repeated runs; never a test.

    .venv/bin/python bench/bench_wizard.py

(a) server time of one step change (AppTest: Continue on a page with valid answers),
(b) filling and writing the official service-housing PDF (print version + fillable copy),
(c) cold start of `streamlit run` until /_stcore/health answers,
(d) the receipt's render time in Swedish, Arabic and Tigrinya (warm),
(e) a language switch (server time, AppTest),
(f) the Arabic receipt as the app gets it: sent to the helper process and the PDF back (warm).
Goals: step <= 30 ms, fill <= 60 ms, cold start <= 1.5 s, receipt <= 300 ms, language switch <= 30 ms.
"""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from assistant.paper.documents import build_documents  # noqa: E402
from assistant.wizard.flow import default_answers  # noqa: E402
from assistant.i18n.translator import Translator  # noqa: E402
from assistant.definition.loader import load_form  # noqa: E402
from assistant.paper.receipt import render_receipt  # noqa: E402
from assistant.paper.receipt_worker import ReceiptRenderer  # noqa: E402
from tests.form_walks.aldreomsorg import PAGES  # noqa: E402
from tests.testdata import TODAY  # noqa: E402
from tests.walks import fill_page, walk_answers  # noqa: E402

FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")


def ms(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:7.1f} ms  (n={len(seconds)}, min {min(seconds) * 1000:.1f})"


def bench_steps(rounds: int = 3) -> list[float]:
    times = []
    for _ in range(rounds):
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
        at.button(key="start:aldreomsorg").click().run()
        for _, values in PAGES:
            fill_page(at, FORM, values)
            button = at.button(key="nav:next").click()
            start = time.perf_counter()
            button.run()
            times.append(time.perf_counter() - start)
    return times


def bench_language_switch(rounds: int = 20) -> list[float]:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    at.button(key="start:aldreomsorg").click().run()
    times = []
    for i in range(rounds):
        box = at.selectbox(key="ui:lang").set_value("ar" if i % 2 == 0 else "sv")
        start = time.perf_counter()
        box.run()
        times.append(time.perf_counter() - start)
    return times


def bench_fill(rounds: int = 20) -> list[float]:
    answers = {**default_answers(FORM, TODAY), **walk_answers(PAGES)}
    build_documents(FORM, answers, TODAY)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        build_documents(FORM, answers, TODAY)
        times.append(time.perf_counter() - start)
    return times


def bench_receipt(lang: str, rounds: int = 10) -> list[float]:
    answers = {**default_answers(FORM, TODAY), **walk_answers(PAGES)}
    t = Translator.for_code(lang)
    render_receipt(FORM, answers, t, TODAY)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        render_receipt(FORM, answers, t, TODAY)
        times.append(time.perf_counter() - start)
    return times


def bench_receipt_helper(lang: str, rounds: int = 10) -> list[float]:
    answers = {**default_answers(FORM, TODAY), **walk_answers(PAGES)}
    helper = ReceiptRenderer()
    try:
        helper.submit(FORM, answers, lang, TODAY).result()
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            helper.submit(FORM, answers, lang, TODAY).result()
            times.append(time.perf_counter() - start)
    finally:
        helper.shutdown()
    return times


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_cold_start(rounds: int = 5) -> list[float]:
    times = []
    for _ in range(rounds):
        port = free_port()
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port",
                                 str(port), "--server.address", "127.0.0.1"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = start + 30
            while time.perf_counter() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                        if r.status == 200:
                            times.append(time.perf_counter() - start)
                            break
                except OSError:
                    time.sleep(0.02)
        finally:
            proc.terminate()
            proc.wait(10)
    return times


def main() -> None:
    print(f"(a) step change, server time (AppTest):   {ms(bench_steps())}   goal 30 ms")
    print(f"(b) fill + write official PDF:            {ms(bench_fill())}   goal 60 ms")
    print(f"(c) cold start until /_stcore/health:     {ms(bench_cold_start())}   goal 1500 ms")
    for lang in ("sv", "ar", "ti"):
        print(f"(d) receipt, warm, {lang:3}:                   {ms(bench_receipt(lang))}   goal 300 ms")
    print(f"(e) language switch, server time:         {ms(bench_language_switch())}   goal 30 ms")
    print(f"(f) receipt via the helper process, ar:   {ms(bench_receipt_helper('ar'))}   goal 300 ms")


if __name__ == "__main__":
    main()
