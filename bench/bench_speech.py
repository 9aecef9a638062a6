"""Läs upp: time from the press until the WAV is back in the web server, per voiced language, for a typical
question (the first page of trygghetslarm: title, intro, question, Ja, Nej), through the helper process as
the app does it. Goal: first sound within 400 ms of the press (the page run adds about 0.1 s on top).

    .venv/bin/python bench/bench_speech.py        (on a quiet machine)
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.i18n import LANGUAGES, Translator  # noqa: E402
from assistant.loader import load_form  # noqa: E402
from assistant.receipt_worker import ReceiptRenderer  # noqa: E402
from assistant.speech.page_texts import question_texts  # noqa: E402
from assistant.speech.voices import voice_for  # noqa: E402

GOAL_MS = 400
RUNS = 7


def main() -> None:
    form = load_form(ROOT / "forms" / "trygghetslarm" / "form.yaml")
    page = form.pages[0]
    helper = ReceiptRenderer()
    helper.start()
    helper.speech(["Start."], "sv")            # the helper is up, as it is once the app has served a page
    worst = 0.0
    for lang in (lang.code for lang in LANGUAGES if voice_for(lang.code)):
        texts = question_texts(form, page, page.fields, Translator.for_code(lang), first=True)
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            wav = helper.speech(texts, lang)
            times.append((time.perf_counter() - started) * 1000)
        seconds = (len(wav) - 44) / 2 / 22050
        median = statistics.median(times)
        worst = max(worst, max(times))
        print(f"{lang:12} median {median:6.1f} ms  max {max(times):6.1f} ms  for {seconds:4.1f} s of speech, "
              f"{len(wav) // 1024} KiB WAV")
    helper.shutdown()
    print(f"worst {worst:.1f} ms; goal {GOAL_MS} ms: {'met' if worst <= GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
