"""Printing without CUPS (issue 11, point 1): "Öppna för utskrift" opens the print version in the browser's PDF
viewer in a new tab, the very PDF the engine made; erasing closes that tab; and when the browser blocks the
tab the visitor is told so in their language and pointed to the download."""
from __future__ import annotations

import base64
from pathlib import Path

from tests.browser.test_walk import FORM, check_downloaded_pdf, walk_to_the_result
from tests.browser.wizard import Visitor, key_css, settle

FETCH_OWN_BYTES = """async () => {
  const bytes = new Uint8Array(await (await fetch(location.href)).arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}"""


def result_drawn(visitor: Visitor) -> None:
    """The result page with what comes a moment after it: the receipt's button and the pictures of the pages."""
    visitor.page.locator(key_css("result:receipt") + " button:visible").wait_for()
    visitor.page.locator("figure.bg-preview img").first.wait_for()
    settle(visitor.page)


def erase(visitor: Visitor) -> None:
    """"Klar – radera allt", and "Ja, radera" to the question that comes first when nothing was printed."""
    page = visitor.page
    result_drawn(visitor)
    page.locator(key_css("result:finish") + " button:visible").click()
    page.get_by_role("dialog").get_by_role("button", name=visitor.t("Ja, radera")).click()
    page.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible")


def test_one_press_opens_the_print_version_in_a_new_tab_and_erasing_closes_it(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    walk_to_the_result(visitor, check=False)
    assert page.locator(key_css("result:print")).count() == 0           # no skrivare: the browser's print only

    with page.context.expect_page() as opened:
        page.locator("#bg-open-print").click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url.startswith("blob:" + app.url.rstrip("/")), tab.url     # in memory, no address to cache
    shown = base64.b64decode(tab.evaluate(FETCH_OWN_BYTES))
    (artifacts / "opened-for-printing.pdf").write_bytes(shown)
    check_downloaded_pdf(shown)                                        # the engine's print version, every page
    with page.expect_download() as download:
        page.locator(key_css("result:download") + " button:visible").click()
    assert Path(download.value.path()).read_bytes() == shown
    assert page.locator(".bg-print-failed").is_hidden()

    erase(visitor)
    for _ in range(40):                                                # it is looked for every 0.5 s
        if tab.is_closed():
            break
        page.wait_for_timeout(250)
    assert tab.is_closed(), "the erased visitor's form stays open in the print tab"


def test_a_blocked_tab_is_said_in_the_visitors_language_with_the_download_offered(app, page, artifacts):
    page.add_init_script("window.open = function () { return null; };")    # what a popup blocker does
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    walk_to_the_result(visitor, check=False)
    visitor.set_language("ar")
    message = page.locator(".bg-print-failed")
    assert message.is_hidden()
    page.get_by_role("button", name=visitor.t("Öppna för utskrift"), exact=True).click()
    message.wait_for(state="visible")
    said = visitor.t("Fliken med blanketten gick inte att öppna. Tryck på Ladda ner blanketten (PDF) och skriv ut "
                     "filen, eller be personalen om hjälp.")
    assert said != "Fliken med blanketten gick inte att öppna." and message.inner_text() == said
    assert message.get_attribute("role") == "alert"                    # read out by a screen reader at once
    visitor.screenshot("tab-blocked")
    download = page.get_by_role("button", name=visitor.t("Ladda ner blanketten (PDF)"), exact=True)
    with page.expect_download() as saved:
        download.click()
    check_downloaded_pdf(Path(saved.value.path()).read_bytes())
