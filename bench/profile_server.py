"""`streamlit run` in this process with cProfile in every thread (the script runs, the websocket loop):
where a step's server time goes when many visitors are on. Never a test.

    .venv/bin/python bench/bench_sessions.py --sessions 60 --profile /tmp/server.prof
    .venv/bin/python -m pstats /tmp/server.prof     (sort tottime / cumulative, stats 40)

bench_sessions.py starts the server through this file and sends SIGUSR1 before it stops it: the
profiles of the main thread and of every thread that has ended are merged and written to PROF_OUT.
"""
from __future__ import annotations

import cProfile
import os
import pstats
import signal
import sys
import threading
from typing import Any

OUT_ENV = "PROF_OUT"


def _profiled(finished: list[cProfile.Profile]) -> None:
    """Every thread started from now on runs under its own profiler (cProfile sees one thread only)."""
    plain_run = threading.Thread.run

    def run(self: threading.Thread) -> None:
        profile = cProfile.Profile()
        profile.enable()
        try:
            plain_run(self)
        finally:
            profile.disable()
            finished.append(profile)

    threading.Thread.run = run  # type: ignore[method-assign]


def _dump(main: cProfile.Profile, finished: list[cProfile.Profile]) -> None:
    main.disable()
    stats = pstats.Stats(main)
    for profile in list(finished):
        stats.add(pstats.Stats(profile))
    stats.dump_stats(os.environ[OUT_ENV])
    os._exit(0)


def main() -> None:
    from streamlit.web.cli import main as streamlit_main

    finished: list[cProfile.Profile] = []
    _profiled(finished)
    profile = cProfile.Profile()

    def on_signal(*_: Any) -> None:
        _dump(profile, finished)

    signal.signal(signal.SIGUSR1, on_signal)
    sys.argv = ["streamlit", *sys.argv[1:]]
    profile.enable()
    streamlit_main()


if __name__ == "__main__":      # the receipt helper is spawned and loads this file again: there, nothing
    main()
