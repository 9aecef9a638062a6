"""Run by scripts/setup.sh: says plainly what is still missing on this machine."""
from __future__ import annotations

import sys

from assistant.fonts import missing_fonts


def main() -> int:
    missing = missing_fonts()
    for need in missing:
        print(f"Missing font {need.family} (for {need.scripts}): sudo apt-get install {need.debian_package}",
              file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
