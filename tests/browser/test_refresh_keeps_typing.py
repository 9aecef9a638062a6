"""A refresh keeps what was typed on the current page (issue 11, point 6): a box left with Tab and a box still
being typed in (its value not yet sent: Streamlit sends it only on blur or Enter) are both there after a reload."""
from __future__ import annotations

from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, rerun_by, settle
from tests.form_walks.aldreomsorg import PAGES

# What the page last reported of its boxes (assistant/ui/activity/activity.js keeps it on window).
REPORTED_LAST_NAME = "() => JSON.parse(window.__bgActivity?.sent || '{}')['q:sokande.efternamn']"


def test_a_reload_keeps_the_text_typed_on_the_current_page(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.start()
    for i, (_, values) in enumerate(PAGES[:2]):
        visitor.fill(values)
        visitor.press("nav:next", visitor.title_of(PAGES[i + 1][0]))
    name_page = visitor.title_of(PAGES[2][0])
    first = page.locator(key_css("q:sokande.fornamn") + " input")
    last = page.locator(key_css("q:sokande.efternamn") + " input")

    first.click()
    page.keyboard.type("Åsa", delay=60)
    rerun_by(page, lambda: page.keyboard.press("Tab"))        # sent: the box lost focus
    last.click()
    page.keyboard.type("Öberg", delay=60)                      # not sent: the focus stays in the box
    # The page reports the typing within two seconds (a report may also come mid-word, with part of it).
    page.wait_for_function(f"() => ({REPORTED_LAST_NAME})() === 'Öberg'")
    settle(page)
    assert last.evaluate("e => e === document.activeElement")

    page.reload()
    page.wait_for_selector(key_css("q:sokande.efternamn") + " input")
    settle(page)
    visitor.expect_page(name_page)
    visitor.screenshot("after-reload")
    assert first.input_value() == "Åsa"
    assert last.input_value() == "Öberg"
