"""Printing out of the box in Firefox too (issue 11, point 1): "Öppna för utskrift" opens the PDF in Firefox's
own viewer (pdf.js, which has a print button) in a new tab, the bytes there are the PDF the page holds, and the
tab is closed when the page that opened it is left. Shown on the pause sheet, which has the same button as the
result page (assistant/ui/handover.py), two presses from the start page.

Firefox is Debian's firefox-esr, driven over its own Marionette protocol (marionette_driver, Mozilla's client):
Playwright's Firefox is a patched build that cannot be installed here."""
from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import DEFAULT_TIMEOUT_MS

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
WAIT_S = DEFAULT_TIMEOUT_MS / 1000
# In the page's own context (not Marionette's sandbox, which cannot see the page's variables): the bytes behind
# the blob: address the print button opened.
OPENED_BYTES = """const done = arguments[arguments.length - 1];
fetch(window.__bgPrint.url).then(r => r.arrayBuffer()).then(b => {
  const a = new Uint8Array(b); let s = '';
  for (let i = 0; i !== a.length; i++) s += String.fromCharCode(a[i]);
  done([window.__bgPrint.url, btoa(s)]); });"""


@pytest.fixture
def firefox(tmp_path: Path) -> Iterator:
    if FIREFOX is None:
        raise AssertionError("Firefox is missing: run scripts/setup.sh test (it installs firefox-esr)")
    from marionette_driver.marionette import Marionette

    downloads = tmp_path / "downloads"           # never ~/Downloads
    downloads.mkdir()
    browser = Marionette(bin=FIREFOX, headless=True, gecko_log=str(tmp_path / "gecko.log"),   # not in the checkout
                         prefs={"browser.download.dir": str(downloads), "browser.download.folderList": 2})
    browser.start_session()
    try:
        yield browser
    finally:
        browser.cleanup()                        # ends Firefox and removes its profile


def element(browser, css: str):
    from marionette_driver.by import By
    from marionette_driver.wait import Wait
    return Wait(browser, timeout=WAIT_S).until(lambda b: (b.find_elements(By.CSS_SELECTOR, css) or [None])[0])


def test_open_for_printing_shows_the_pdf_in_firefoxs_viewer_and_closes_with_the_page(start_app, firefox,
                                                                                      tmp_path, artifacts):
    from marionette_driver.wait import Wait
    app = start_app({"STREAMLIT_SECRETS_FILES": str(tmp_path / "secrets.toml")})
    firefox.navigate(app.url)
    element(firefox, ".st-key-start-aldreomsorg button").click()
    element(firefox, ".st-key-pause-open button").click()
    held = base64.b64decode(element(firefox, ".st-key-pause-download button[data-pdf]").get_attribute("data-pdf"))
    assert held.startswith(b"%PDF-")
    app_tab = firefox.current_window_handle
    element(firefox, "#bg-open-print").click()
    Wait(firefox, timeout=WAIT_S).until(lambda b: len(b.window_handles) == 2)
    print_tab = next(h for h in firefox.window_handles if h != app_tab)
    firefox.switch_to_window(print_tab)
    element(firefox, "#viewer .page[data-loaded='true'] canvas")      # pdf.js has drawn the first page
    assert element(firefox, "#printButton").is_displayed(), "Firefox's viewer shows no print button"
    opened_at = firefox.get_url()
    with (artifacts / "firefox-print-tab.png").open("wb") as shot:
        firefox.save_screenshot(shot)

    firefox.switch_to_window(app_tab)
    url, opened = firefox.execute_async_script(OPENED_BYTES, script_timeout=DEFAULT_TIMEOUT_MS, sandbox=None)
    assert opened_at == url and url.startswith("blob:"), (opened_at, url)
    assert base64.b64decode(opened) == held, "the print tab shows another PDF than the page's"

    element(firefox, ".st-key-view-back button").click()      # the page with the button is left
    Wait(firefox, timeout=WAIT_S).until(lambda b: len(b.window_handles) == 1)
    assert firefox.window_handles == [app_tab]
