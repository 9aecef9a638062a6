"""Test-wide set-up: every temporary file of the run (the tests', the app servers', Chromium's, the private
CUPS's) goes to one folder of this run, statistics to a throwaway file there, never to the installation's var/.

At the end the run fails if a test left something behind: anything in that folder besides pytest's own tmp_path
folders, or anything new in the home folder or in ~/PDF (where cups-pdf writes by default). A test suite that
prints a visitor's form must not leave a copy of it on the machine.
"""
from __future__ import annotations

import getpass
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

_RUN_FOLDER = Path(tempfile.mkdtemp(prefix="blankettguiden-tests-"))
_RUN_FOLDER.chmod(0o755)        # CUPS filters run as the lp user and must reach the private spool
_PYTEST_OWN = f"pytest-of-{getpass.getuser()}"
# Chromium keeps its settings in ~/.config/chromium and GLib its dconf cache in ~/.cache: on a fresh machine the
# first browser test made both in the home folder. They go to this run's folder instead.
_DESKTOP_HOME = _RUN_FOLDER / "desktop-home"


def _home_entries() -> set[str]:
    home = Path.home()
    names = {p.name for p in home.iterdir()} if home.is_dir() else set()
    printed = home / "PDF"
    if printed.is_dir():
        names |= {f"PDF/{p.relative_to(printed)}" for p in printed.rglob("*")}
    return names


_HOME_BEFORE = _home_entries()


def pytest_configure(config) -> None:
    os.environ["TMPDIR"] = str(_RUN_FOLDER)
    tempfile.tempdir = str(_RUN_FOLDER)
    for variable, name in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
        os.environ[variable] = str(_DESKTOP_HOME / name)
    os.environ.setdefault("BLANKETTGUIDEN_STATS", str(_RUN_FOLDER / "statistics.sqlite"))


def _described(path: Path) -> str:
    inside = sorted(str(p.relative_to(path)) for p in path.rglob("*"))[:5] if path.is_dir() else []
    return f"{path} {inside}" if inside else str(path)


def _removed_at_exit() -> set[str]:
    """Folders that are removed when the run ends: pytest's tmp_path folders, the one that streamlit.testing
    makes when it is imported, and the browser's stand-in for ~/.config and ~/.cache."""
    kept = {str(_RUN_FOLDER / _PYTEST_OWN), str(_DESKTOP_HOME)}
    app_test = sys.modules.get("streamlit.testing.v1.app_test")
    if app_test is not None:
        kept.add(app_test.TMP_DIR.name)
    return kept


def leftovers() -> list[str]:
    """What the run left behind: in this run's temporary folder, in the home folder, in ~/PDF."""
    kept = _removed_at_exit()
    left = [_described(p) for p in _RUN_FOLDER.iterdir()
            if str(p) not in kept and not p.name.startswith("statistics.sqlite")]
    left += [f"{Path.home()}/{name}" for name in sorted(_home_entries() - _HOME_BEFORE)]
    return sorted(left)


def pytest_sessionfinish(session, exitstatus) -> None:
    left = leftovers()
    if left and not hasattr(session.config, "workerinput"):
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "The test run left files behind (a test must remove what it writes):\n  " + "\n  ".join(left)
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_RUN_FOLDER, ignore_errors=True)
