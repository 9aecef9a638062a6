"""Browser tests: a real `streamlit run` on a free localhost port, driven by Debian's Chromium through
Playwright (never `playwright install`: nothing is downloaded). axe-core comes from tests/browser/node_modules
(`npm ci`, run by scripts/setup.sh test).

Artifacts (a screenshot of every page, downloaded PDFs) go to test-artifacts/browser/<test>/, which is gitignored.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.processes import stop_process

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-audio-output"]
SERVER_START_TIMEOUT = 90      # seconds: imports on a busy 2-core machine
DEFAULT_TIMEOUT_MS = 45_000    # every Playwright wait; a step normally takes 0.3 s


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).is_file():
        return
    skip = pytest.mark.skip(reason="Chromium is not installed: run scripts/setup.sh test "
                                   "(Debian: apt-get install chromium chromium-driver)")
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """One `streamlit run streamlit_app.py` child process."""

    def __init__(self, env: dict[str, str] | None = None, log: Path | None = None):
        self.port = free_port()
        self.url = f"http://localhost:{self.port}/"
        self.log = log or ARTIFACTS / f"server-{self.port}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                   "--server.port", str(self.port), "--server.address", "localhost",
                   "--server.headless", "true", "--browser.gatherUsageStats", "false",
                   "--server.fileWatcherType", "none"]
        # The test visits must not count in the municipality's statistics (var/statistics.sqlite).
        self.scratch = Path(tempfile.mkdtemp(prefix="blankettguiden-app-"))
        env = {**os.environ, "BLANKETTGUIDEN_STATS": str(self.scratch / "statistics.sqlite"), **(env or {})}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not answer within {SERVER_START_TIMEOUT} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def start_app() -> Iterator[Callable[..., AppServer]]:
    """Factory: start an app server (optionally with extra environment); all are stopped at the end."""
    servers: list[AppServer] = []
    for old in ARTIFACTS.glob("server-*.log"):      # from an earlier run
        old.unlink()

    def start(env: dict[str, str] | None = None) -> AppServer:
        server = AppServer(env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def app(start_app) -> AppServer:
    """The app with the project's own settings (no printer configured)."""
    return start_app()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts(request) -> Path:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    folder = ARTIFACTS / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def page(browser, artifacts, request):
    """A fresh visitor: new browser context (no cookies, no session), 1280 px wide, downloads allowed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  locale="sv-SE", reduced_motion="reduce")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        try:
            tab.screenshot(path=str(artifacts / "FAILED.png"), full_page=True)
        except Exception:  # noqa: BLE001 - the failure itself is what matters
            pass
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
