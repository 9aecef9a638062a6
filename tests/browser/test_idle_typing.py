"""The idle limit counts typing (issue 11, point 4): a visitor who types a long answer without leaving the box
for longer than the limit loses nothing (Streamlit sends the box's value only on blur or Enter, so the server
saw no one); once they stop, the warning shows fixed on screen wherever they have scrolled, in their language,
and "Jag behöver mer tid" keeps everything."""
from __future__ import annotations

import re
import time
from pathlib import Path

from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, settle
from tests.form_walks.aldreomsorg import PAGES

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MINUTES = 0.5
TYPING_SECONDS = 45          # longer than the limit (30 s)
WARNING = key_css("idle-warning")


def short_limit(tmp_path: Path) -> Path:
    config = tmp_path / "municipality.yaml"
    config.write_text(re.sub(r"(?m)^inaktiv_minuter:.*$", f"inaktiv_minuter: {LIMIT_MINUTES}",
                             (ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    return config


def test_typing_longer_than_the_limit_erases_nothing_and_the_warning_is_on_screen(start_app, page, artifacts,
                                                                                   tmp_path):
    server = start_app({"BLANKETTGUIDEN_CONFIG": str(short_limit(tmp_path))})
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(server.url)
    visitor.set_language("ar")
    visitor.set_large_text(True)
    visitor.start()
    for i, (_, values) in enumerate(PAGES[:2]):
        visitor.fill(values)
        visitor.press("nav:next", visitor.title_of(PAGES[i + 1][0]))
    title = visitor.title_of(PAGES[2][0])
    visitor.expect_page(title)

    main = page.locator('[data-testid="stMain"]')
    page.mouse.move(640, 450)
    page.mouse.wheel(0, 20_000)                                # to the bottom of the page
    page.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop > 0")
    box = page.locator(key_css("q:sokande.efternamn") + " input")
    box.click()
    typed = ""
    started = time.monotonic()
    while time.monotonic() - started < TYPING_SECONDS:       # without a pause, never leaving the box
        word = "Öberg Lindqvist "
        page.keyboard.type(word, delay=90)
        typed += word
    assert box.input_value() == typed, "the typed text must still be in the box"
    assert box.evaluate("e => e === document.activeElement")
    visitor.expect_page(title)
    assert page.locator(WARNING).count() == 0, "no warning while someone types"

    # They stop: the warning comes, on screen although the page is scrolled down, in large text, in Arabic.
    warning = page.locator(WARNING)
    warning.wait_for(state="visible", timeout=LIMIT_MINUTES * 60_000)
    assert main.evaluate("m => m.scrollTop") > 0, "the page should be scrolled down"
    visitor.screenshot("warning")
    box_of = warning.bounding_box()
    view = page.viewport_size
    assert box_of and box_of["y"] >= 0 and box_of["x"] >= 0, box_of
    assert box_of["y"] + box_of["height"] <= view["height"] and box_of["x"] + box_of["width"] <= view["width"], box_of
    sv = "Är du kvar? Om %(seconds)s sekunder raderas allt du har skrivit, så att nästa besökare inte ser det."
    message = visitor.t(sv, seconds=round(LIMIT_MINUTES * 60 / 2))        # a limit this short warns for half of it
    assert message != sv % {"seconds": round(LIMIT_MINUTES * 30)} and str(round(LIMIT_MINUTES * 30)) in message
    assert message in warning.inner_text()
    assert warning.locator('[role="alert"], [role="alertdialog"], [aria-live]').count() >= 1

    warning.get_by_role("button", name=visitor.t("Jag behöver mer tid")).click()
    warning.wait_for(state="hidden")
    settle(page)
    visitor.expect_page(title)
    assert box.input_value() == typed
