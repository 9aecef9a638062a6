"""Run by scripts/setup.sh: says plainly what is still missing or wrong on this machine."""
from __future__ import annotations

import sys

from assistant.paper.fonts import missing_fonts
from assistant.paper.printing import spool_keeps_copies
from assistant.settings import settings


def main() -> int:
    missing = missing_fonts()
    for need in missing:
        print(f"Missing font {need.family} (for {need.scripts}): sudo apt-get install {need.debian_package}",
              file=sys.stderr)
    config = settings()
    for problem in config.problems:
        print(problem, file=sys.stderr)
    keeps = spool_keeps_copies() if config.printer else False
    if keeps is not False:
        print("CUPS " + ("keeps a copy of every printed form" if keeps else "may keep copies of printed forms")
              + " (PreserveJobFiles). Fix: sudo cupsctl PreserveJobFiles=No (docs/privacy.md).", file=sys.stderr)
    return 1 if missing or config.problems or keeps is not False else 0


if __name__ == "__main__":
    sys.exit(main())
