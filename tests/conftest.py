"""Test-wide set-up: statistics go to a throwaway file, never to the installation's var/."""
from __future__ import annotations

import os
import shutil
import tempfile

_FOLDER = tempfile.mkdtemp(prefix="blankettguiden-test-stats-")


def pytest_configure(config) -> None:
    os.environ.setdefault("BLANKETTGUIDEN_STATS", os.path.join(_FOLDER, "statistics.sqlite"))


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_FOLDER, ignore_errors=True)
