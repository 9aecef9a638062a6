"""Erase asks first (issue 11, point 5): "Avsluta och radera" opens a modal question; "Nej, fortsätt" keeps the
visit, "Ja, radera" erases it and the start page comes back."""
from __future__ import annotations

from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, settle


def test_erase_asks_first_and_no_keeps_the_visit(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.start()
    first = visitor.title_of(FORM.pages[0].id)
    dialog = page.get_by_role("dialog")

    page.locator(key_css("ui:erase") + " button:visible").click()
    dialog.wait_for(state="visible")
    assert visitor.t("Vill du radera allt du har skrivit?") in dialog.inner_text()
    visitor.screenshot("erase-question")
    dialog.get_by_role("button", name=visitor.t("Nej, fortsätt")).click()
    dialog.wait_for(state="hidden")
    settle(page)
    visitor.expect_page(first)

    page.locator(key_css("ui:erase") + " button:visible").click()
    dialog.wait_for(state="visible")
    dialog.get_by_role("button", name=visitor.t("Ja, radera")).click()
    page.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible")
    settle(page)
    assert dialog.count() == 0
    visitor.screenshot("erased")
