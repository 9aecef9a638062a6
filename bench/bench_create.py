"""From "Skapa blanketten" to the result page, in every language (issue 11, point 8). Prints a table; never a test.

    .venv/bin/python bench/bench_create.py [--rounds 5] [--languages sv ar ...]

One real `streamlit run` on a free 127.0.0.1 port; each round one visitor (a websocket client speaking
Streamlit's protocol, bench_sessions.Session) picks the language on the start page, walks the service-housing
form without pauses and presses "Skapa blanketten". The time is from sending that press to the server's
script_finished of the run that draws the result page (server time plus loopback), as bench_sessions'
"create" column. Visitors come one after another, so the numbers are one visitor's, not a crowd's.
Goal: p95 <= 500 ms in every language.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from pathlib import Path

from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.i18n.translator import LANGUAGES, language  # noqa: E402
from bench.bench_sessions import FORM, Server, Session, WalkError, percentile  # noqa: E402
from tests.form_walks.aldreomsorg import PAGES  # noqa: E402

GOAL_MS = 500.0


async def create_once(url: str, lang: str) -> float:
    """One visitor in `lang` through the form; seconds from "Skapa blanketten" to the result page."""
    session = await Session.open(url)
    try:
        await session.rerun()
        if lang != "sv":
            box = session.widget("ui:lang")
            await session.rerun(WidgetState(id=box.id, string_value=language(lang).display_name))
        await session.rerun(session.click("start:aldreomsorg"))
        for step, (page_id, values) in enumerate(PAGES):     # the last page's button creates the form
            for field_id, value in values.items():
                for state in session.answers(FORM, field_id, value):
                    await session.rerun(state)
            if step == len(PAGES) - 1:
                break
            await session.rerun(session.click("nav:next"))
            if "bg-error-summary" in session.page_text():
                raise WalkError(f"{lang}, page {page_id}: {session.page_text()[:300]}")
        seconds = await session.rerun(session.click("nav:create"))
        if "result:finish" not in session.widgets:
            raise WalkError(f"{lang}: creating the PDF did not reach the result page")
        return seconds
    finally:
        await session.close()


async def measure(languages: list[str], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {lang: [] for lang in languages}
    with Server() as server:
        await create_once(server.url, "sv")                     # warm: imports, fonts, the receipt helper
        for _ in range(rounds):
            for lang in languages:
                times[lang].append(await create_once(server.url, lang))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--languages", nargs="+", default=[lang.code for lang in LANGUAGES])
    args = parser.parse_args()
    times = asyncio.run(measure(args.languages, args.rounds))
    load = os.getloadavg()[0]
    print(f"'Skapa blanketten' -> result page, {args.rounds} visitors a language one after another, "
          f"{os.cpu_count()} cores, load average {load:.1f} at the end")
    print(f"{'language':>12} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    worst = 0.0
    for lang, seconds in times.items():
        p95 = percentile(seconds, 95) * 1000
        worst = max(worst, p95)
        print(f"{lang:>12} {statistics.median(seconds) * 1000:>7.0f} {p95:>7.0f} {max(seconds) * 1000:>7.0f}")
    print(f"Goal p95 <= {GOAL_MS:.0f} ms in every language: worst {worst:.0f} ms "
          f"({'met' if worst <= GOAL_MS else 'NOT met'}).")


if __name__ == "__main__":
    main()
