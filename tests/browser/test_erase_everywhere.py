"""An erase is final in every tab (issue 11, point 2): the same ?besok= address open in two tabs (a duplicated
tab, a link opened in a new tab); "Avsluta och radera" in one tab empties the other tab too, without anyone
touching it, and the old address from the browser history opens an empty start page."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page

from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, settle
from tests.form_walks.aldreomsorg import PAGES

SECRETS = ("Åsa", "Öberg")
OTHER_TAB_SECONDS = 15       # the idle watch runs every 4 s


def token(page: Page) -> str:
    return parse_qs(urlparse(page.url).query)["besok"][0]


def shown(page: Page) -> str:
    """Everything a person can read in the page: its text and what its boxes hold."""
    return page.locator("body").inner_text() + "\n" + "\n".join(
        page.evaluate("() => [...document.querySelectorAll('input, textarea')].map(e => e.value)"))


def on_start_page(page: Page) -> None:
    page.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible")
    settle(page)


def test_erasing_in_one_tab_empties_every_tab_and_the_old_address(app, page, artifacts):
    one = Visitor(page, FORM, artifacts)
    one.open(app.url)
    one.start()
    for i, (page_id, values) in enumerate(PAGES[:3]):
        one.fill(values)
        one.press("nav:next", one.title_of(PAGES[i + 1][0]))
    address = page.url
    old = token(page)

    second = page.context.new_page()
    two = Visitor(second, FORM, artifacts)
    second.goto(address)
    second.wait_for_selector('[data-testid="stMain"] h1')
    settle(second)
    two.expect_page(two.title_of(PAGES[3][0]))
    two.press("nav:back", two.title_of(PAGES[2][0]))
    assert all(s in shown(second) for s in SECRETS), "the second tab should show the same visit"
    two.screenshot("second-tab-before")

    page.locator(key_css("ui:erase") + " button:visible").click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for(state="visible")
    dialog.get_by_role("button", name=one.t("Ja, radera")).click()
    on_start_page(page)

    # The second tab, untouched: within seconds the start page, nothing of the visitor.
    second.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible", timeout=OTHER_TAB_SECONDS * 1000)
    settle(second)
    two.screenshot("second-tab-after")
    assert not [s for s in SECRETS if s in shown(second)]
    assert token(second) != old

    second.reload()
    on_start_page(second)
    assert not [s for s in SECRETS if s in shown(second)]

    third = page.context.new_page()
    third.goto(address)                            # the old address, from the browser history
    on_start_page(third)
    assert not [s for s in SECRETS if s in shown(third)]
    assert token(third) != old, "the old token must find no visit: the store has none"
    for tab in (second, third):
        tab.close()
