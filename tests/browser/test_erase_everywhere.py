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
OTHER_TAB_SECONDS = 8        # the idle watch runs every 4 s (it was every 15 s)


def token_of(url: str) -> str:
    return parse_qs(urlparse(url).query)["besok"][0]


def token(page: Page) -> str:
    return token_of(page.url)


def shown(page: Page) -> str:
    """Everything a person can read in the page: its text and what its boxes hold."""
    return page.locator("body").inner_text() + "\n" + "\n".join(
        page.evaluate("() => [...document.querySelectorAll('input, textarea')].map(e => e.value)"))


def on_start_page(page: Page) -> None:
    page.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible")
    settle(page)


def two_tabs_on_one_visit(app, page, artifacts) -> tuple[Visitor, Visitor, str]:
    """Tab one answers the first pages; tab two opens the same address and goes back to the page with the
    visitor's name. Returns both visitors and the address."""
    one = Visitor(page, FORM, artifacts)
    one.open(app.url)
    one.start()
    for i, (_, values) in enumerate(PAGES[:3]):
        one.fill(values)
        one.press("nav:next", one.title_of(PAGES[i + 1][0]))
    address = page.url
    two = Visitor(page.context.new_page(), FORM, artifacts)
    two.page.goto(address)
    two.page.wait_for_selector('[data-testid="stMain"] h1')
    settle(two.page)
    two.expect_page(two.title_of(PAGES[3][0]))
    two.press("nav:back", two.title_of(PAGES[2][0]))
    assert all(s in shown(two.page) for s in SECRETS), "the second tab should show the same visit"
    return one, two, address


def erase_in(visitor: Visitor) -> None:
    """"Avsluta och radera", then "Ja, radera" in the question."""
    visitor.page.locator(key_css("ui:erase") + " button:visible").click()
    dialog = visitor.page.get_by_role("dialog")
    dialog.wait_for(state="visible")
    dialog.get_by_role("button", name=visitor.t("Ja, radera")).click()
    on_start_page(visitor.page)


def nothing_left(two: Visitor, address: str, old: str) -> None:
    """Tab two on the start page with nothing of the visitor, also after a reload; the old address (from the
    browser history) in a new tab too, and with a new token: the store had no visit for the old one."""
    second = two.page
    second.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible", timeout=OTHER_TAB_SECONDS * 1000)
    settle(second)
    two.screenshot("second-tab-after")
    assert not [s for s in SECRETS if s in shown(second)]
    assert token(second) != old
    second.reload()
    on_start_page(second)
    assert not [s for s in SECRETS if s in shown(second)]

    third = second.context.new_page()
    third.goto(address)
    on_start_page(third)
    assert not [s for s in SECRETS if s in shown(third)]
    assert token(third) != old, "the old token must find no visit: the store has none"
    third.close()


def test_the_other_tab_empties_itself_without_being_touched(app, page, artifacts):
    one, two, address = two_tabs_on_one_visit(app, page, artifacts)
    erase_in(one)
    nothing_left(two, address, token_of(address))
    two.page.close()


def test_the_other_tabs_next_run_does_not_bring_the_visit_back(app, page, artifacts):
    """The visitor in tab two does something at once (here: large text) before it has noticed the erase:
    that run used to put the visit back in the store, and the old address showed the answers again."""
    one, two, address = two_tabs_on_one_visit(app, page, artifacts)
    erase_in(one)
    two.page.locator(key_css("ui:large") + " label").click()
    nothing_left(two, address, token_of(address))
    two.page.close()
