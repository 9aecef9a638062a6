"""Test-wide set-up: statistics go to a throwaway file, never to the installation's var/."""
from __future__ import annotations

import os
import tempfile


def pytest_configure(config) -> None:
    folder = tempfile.mkdtemp(prefix="blankettguiden-test-stats-")
    os.environ.setdefault("BLANKETTGUIDEN_STATS", os.path.join(folder, "statistics.sqlite"))
