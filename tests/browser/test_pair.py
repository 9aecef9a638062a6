"""The visitor's own screen in a real browser (issue 16): the staff screen shows a code, a second browser
enters it and shows the question in the visitor's language; an answer given there shows on the staff screen
within a second, and the other way round, ticks and typing too before "Fortsätt"; "only follow" takes the
inputs away; erasing clears both; disconnecting empties the visitor's screen only."""
from __future__ import annotations

import json
import time

from playwright.sync_api import Page

from assistant.ui.activity import PAIRED_DRAFT_MS
from assistant.ui.fields import key
from tests.browser.conftest import DEFAULT_TIMEOUT_MS
from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, rerun_by, settle
from tests.form_walks.aldreomsorg import WALK

FOLLOW_SECONDS = 1.0
LOCAL_ADDRESS = ("Adressen fungerar bara på den här datorn. Öppna Blankettguiden med datorns adress i nätverket, så "
                 "fungerar den också på en surfplatta.")
HEADING = '[data-testid="stMain"] h1'


def heading_becomes(page: Page, title: str) -> float:
    """Wait until the page's heading is `title`; the seconds it took."""
    started = time.monotonic()
    page.wait_for_function("([sel, title]) => { const h = document.querySelector(sel); "
                           "return h && h.innerText.trim() === title; }", arg=[HEADING, title])
    return time.monotonic() - started


def shown_at(started: float, *pages: tuple[Page, str]) -> list[float]:
    """Seconds from `started` until each page's heading is its title, watched side by side."""
    seen: list[float | None] = [None] * len(pages)
    deadline = started + DEFAULT_TIMEOUT_MS / 1000
    while None in seen and time.monotonic() < deadline:
        for i, (pg, title) in enumerate(pages):
            if seen[i] is None and pg.evaluate("(sel) => (document.querySelector(sel) || {}).innerText || ''",
                                                HEADING).strip() == title:
                seen[i] = time.monotonic() - started
        time.sleep(0.02)
    assert None not in seen, f"not shown within {DEFAULT_TIMEOUT_MS / 1000} s: {pages}"
    return seen  # type: ignore[return-value]


def seconds_until(page: Page, condition: str, arg: object) -> float:
    """Seconds until `condition` (a JavaScript function of `arg`) holds on `page`."""
    started = time.monotonic()
    page.wait_for_function(condition, arg=arg, polling=20)
    return time.monotonic() - started


def offer_a_code(staff: Visitor, url: str) -> tuple[str, str]:
    """Staff, on the first question in English: "Visa på besökarens skärm"; the code and the address shown."""
    page = staff.page
    staff.open(url)
    staff.set_language("en")
    staff.start()
    rerun_by(page, page.locator(key_css("pair:offer") + " button:visible").click)
    code = page.locator("#bg-pair-code").inner_text().replace(" ", "")
    address = page.locator(key_css("pair-panel") + " code").inner_text()
    return code, address


def pair(screen: Page, address: str, code: str) -> None:
    screen.goto(address)
    screen.locator(key_css("pair:code") + " input").fill(code)
    screen.get_by_role("button", name="Koppla skärmen").click()


def test_two_screens_follow_each_other_and_erasing_clears_both(app, browser, page, artifacts):
    staff = Visitor(page, FORM, artifacts, lang="sv")
    code, address = offer_a_code(staff, app.url)
    assert address.endswith("/?skarm=besokare") and "besok=" not in address
    staff.screenshot("staff-code")
    assert staff.t(LOCAL_ADDRESS) in " ".join(page.inner_text("body").split())    # the test's server is localhost

    context = browser.new_context(viewport={"width": 900, "height": 900}, locale="sv-SE", reduced_motion="reduce")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        screen = context.new_page()
        visitor = Visitor(screen, FORM, artifacts, lang="en")
        pair(screen, address, code)
        first, second, third = (WALK.walk[i][0] for i in range(3))
        heading_becomes(screen, visitor.title_of(first))
        settle(screen)
        assert screen.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"
        heading_becomes(page, Visitor(page, FORM, artifacts).title_of(first))    # the staff screen: Swedish now
        visitor.check_page("visitor-screen")

        # The visitor ticks on their own screen; the staff screen shows the ticks before "Continue" is pressed.
        visitor.fill(WALK.walk[0][1])
        ticked = [key_css(key(FORM.field("insatser"), option)) + " input" for option in WALK.walk[0][1]["insatser"]]
        tick_lag = seconds_until(page, "(boxes) => boxes.every(b => document.querySelector(b)?.checked)", ticked)

        # The visitor answers on their own screen; the staff screen follows.
        started = time.monotonic()
        screen.locator(key_css("nav:next") + " button:visible").click()
        on_screen, on_staff = shown_at(started, (screen, visitor.title_of(second)),
                                       (page, Visitor(page, FORM, artifacts).title_of(second)))
        settle(screen)
        settle(page)
        staff.lang = "sv"
        staff.screenshot("staff-followed")

        # The staff type a date, not yet sent: the visitor's screen shows it as it is typed.
        date_box = key_css(key(FORM.field("startdatum"))) + " input"
        page.locator(date_box).fill(WALK.walk[1][1]["startdatum"])
        typing_lag = seconds_until(screen, "([box, typed]) => document.querySelector(box)?.value === typed",
                                   [date_box, WALK.walk[1][1]["startdatum"]])

        # The staff answer and continue; the visitor's screen follows.
        staff.fill(WALK.walk[1][1])
        started = time.monotonic()
        page.locator(key_css("nav:next") + " button:visible").click()
        on_staff_2, on_screen_2 = shown_at(started, (page, Visitor(page, FORM, artifacts).title_of(third)),
                                           (screen, visitor.title_of(third)))
        settle(page)
        settle(screen)
        lags = {"staff_behind_visitor_s": round(on_staff - on_screen, 2), "visitor_behind_staff_s":
                round(on_screen_2 - on_staff_2, 2), "visitor_click_to_staff_s": round(on_staff, 2),
                "staff_click_to_visitor_s": round(on_screen_2, 2), "tick_shown_to_staff_s": round(tick_lag, 2),
                "typing_shown_to_visitor_s": round(typing_lag, 2)}
        print(json.dumps(lags))
        assert on_staff - on_screen <= FOLLOW_SECONDS and on_screen_2 - on_staff_2 <= FOLLOW_SECONDS, lags
        assert tick_lag <= FOLLOW_SECONDS, lags
        assert typing_lag <= FOLLOW_SECONDS + PAIRED_DRAFT_MS / 1000, lags      # the page reports typing after a pause

        # Only follow: the visitor's screen has nothing to press or type.
        rerun_by(page, page.locator(key_css("pair:may-answer") + " label").click)
        screen.wait_for_function("() => !document.querySelector('.st-key-nav-next')")
        settle(screen)
        assert screen.locator('[data-testid="stMain"] input[type=text], [data-testid="stMain"] textarea').count() == 0
        visitor.screenshot("visitor-follows-only")

        # Erasing on the staff screen clears both.
        page.locator(key_css("ui:erase") + " button:visible").click()
        page.get_by_role("dialog").get_by_role("button", name="Ja, radera").click()
        page.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible")
        heading_becomes(screen, "Besökarens skärm")
        settle(screen)
        text = screen.inner_text("body")
        assert "Besöket är avslutat och raderat. Skärmen är tom." in text
        assert "Åsa" not in text and visitor.title_of(third) not in text
        visitor.screenshot("visitor-cleared")

        # The code was for one screen only.
        screen.locator(key_css("pair:code") + " input").fill(code)
        rerun_by(screen, screen.get_by_role("button", name="Koppla skärmen").click)
        assert "Koden stämmer inte." in screen.inner_text("body")
        assert not visitor.problems, visitor.report()
    finally:
        context.close()


def test_disconnecting_empties_the_visitors_screen_and_the_staff_go_on(app, browser, page, artifacts):
    staff = Visitor(page, FORM, artifacts, lang="sv")
    code, address = offer_a_code(staff, app.url)
    context = browser.new_context(viewport={"width": 900, "height": 900}, locale="sv-SE", reduced_motion="reduce")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        screen = context.new_page()
        visitor = Visitor(screen, FORM, artifacts, lang="en")
        pair(screen, address, code)
        first, second = (WALK.walk[i][0] for i in range(2))
        heading_becomes(screen, visitor.title_of(first))
        settle(screen)
        visitor.fill(WALK.walk[0][1])
        rerun_by(screen, screen.locator(key_css("nav:next") + " button:visible").click)
        sv_second = Visitor(page, FORM, artifacts).title_of(second)
        heading_becomes(page, sv_second)
        settle(page)

        rerun_by(page, page.locator(key_css("pair:end") + " button:visible").click)
        heading_becomes(screen, "Besökarens skärm")
        settle(screen)
        said = " ".join(screen.inner_text("body").split())
        assert ("Personalen har kopplat från den här skärmen. Besöket fortsätter på personalens skärm. "
                "Här syns ingenting av det.") in said
        assert visitor.title_of(second) not in said and visitor.title_of(first) not in said
        assert screen.locator(key_css("pair:code") + " input").is_visible()     # it can be paired anew
        visitor.screenshot("visitor-disconnected")

        # The staff screen keeps the visit, in the visitor's language again, and can offer a new code.
        staff.lang = "en"
        heading_becomes(page, staff.title_of(second))
        page.locator(key_css("pair:offer") + " button:visible").wait_for()
        staff.screenshot("staff-after-disconnect")
        screen.reload()
        settle(screen)
        assert visitor.title_of(second) not in screen.inner_text("body")
        assert not visitor.problems and not staff.problems, visitor.report() + staff.report()
    finally:
        context.close()
