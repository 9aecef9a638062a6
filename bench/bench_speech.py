"""Läs upp: how soon the first sound comes after the press, per voiced language, for a typical question (the
first page of trygghetslarm: title, intro, notice, question, Ja, Nej). Goal: first sound within 400 ms.

    .venv/bin/python bench/bench_speech.py             both parts below (on a quiet machine)
    .venv/bin/python bench/bench_speech.py helper      only (a)
    .venv/bin/python bench/bench_speech.py page        only (b)

(a) helper: through the helper process as the app does it: the time until the first part's WAV is back in
    the web server, and until the whole reading is;
(b) page: the app in Chromium (as the browser tests start it): from the click on "Läs upp" until the page's
    <audio> fires `playing`, i.e. the visitor hears the first word. Measured in the page's own clock.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.i18n.translator import LANGUAGES, Translator  # noqa: E402
from assistant.definition.loader import load_form  # noqa: E402
from assistant.paper.receipt_worker import ReceiptRenderer  # noqa: E402
from assistant.speech.page_texts import question_texts  # noqa: E402
from assistant.speech.voices import voice_for  # noqa: E402

GOAL_MS = 400
RUNS = 7
PAGE_RUNS = 5
FORM = load_form(ROOT / "forms" / "trygghetslarm" / "form.yaml")
VOICED = [lang.code for lang in LANGUAGES if voice_for(lang.code) and lang.code != "sv@lattlast"]


def _texts(lang: str) -> list[str]:
    page = FORM.pages[0]
    return question_texts(FORM, page, page.fields, Translator.for_code(lang), first=True)


def bench_helper() -> float:
    helper = ReceiptRenderer()
    helper.start()
    helper.reading(["Start."], "sv").first()   # the helper is up, as it is once the app has served a page
    worst = 0.0
    for lang in VOICED:
        texts = _texts(lang)
        firsts, wholes = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            reading = helper.reading(texts, lang)
            first = reading.first()
            firsts.append((time.perf_counter() - started) * 1000)
            rest = reading.rest()
            wholes.append((time.perf_counter() - started) * 1000)
        size = len(first) + len(rest)
        worst = max(worst, max(firsts))
        print(f"{lang:4} first part median {statistics.median(firsts):6.1f} ms (max {max(firsts):6.1f}), "
              f"whole {statistics.median(wholes):6.1f} ms; {len(first) // 1024} + {len(rest) // 1024} KiB")
    helper.shutdown()
    return worst


_LISTEN = """() => { window.__bgPlaying = null;
    document.addEventListener('playing', () => { window.__bgPlaying ??= performance.now(); }, true); }"""


def bench_page() -> float:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer
    from tests.browser.test_read_aloud import new_reading, stopped
    from tests.browser.wizard import Visitor, key_css

    app = AppServer()
    worst = 0.0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in VOICED:
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
                page = context.new_page()
                visitor = Visitor(page, FORM, Path("/dev/null"))
                visitor.open(app.url)
                if lang != "sv":
                    visitor.set_language(lang)
                visitor.start()
                page.evaluate(_LISTEN)
                t = Translator.for_code(lang)
                times = []
                for _ in range(PAGE_RUNS):
                    button = page.locator(key_css("speech:play") + " button")
                    pressed = page.evaluate("() => { window.__bgPlaying = null; return performance.now(); }")
                    new_reading(page, button.click)
                    page.wait_for_function("() => window.__bgPlaying !== null", timeout=10_000)
                    times.append(page.evaluate("() => window.__bgPlaying") - pressed)
                    stopped(page, page.get_by_role("button", name=t("Sluta läsa"), exact=True).click)
                context.close()
                worst = max(worst, max(times))
                print(f"{lang:4} first sound after the press: median {statistics.median(times):6.0f} ms "
                      f"(min {min(times):.0f}, max {max(times):.0f}, n={len(times)})")
            browser.close()
    finally:
        app.stop()
    return worst


def main() -> None:
    parts = sys.argv[1:] or ["helper", "page"]
    for part, bench in (("helper", bench_helper), ("page", bench_page)):
        if part in parts:
            print(f"--- {part}")
            worst = bench()
            print(f"worst {worst:.0f} ms; goal {GOAL_MS} ms: {'met' if worst <= GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
