"""Keyboard only: the service-housing form from the start page to the downloaded PDF with Tab, Shift+Tab,
Enter, Space, typing and, inside a group of round buttons, the arrow keys (a radio group is one Tab stop,
as on every web page). After each key the focus must be visible; after a failed Continue it must be on the
error summary, and a link there must put it in the field."""
from __future__ import annotations

import json
import time
from typing import Any

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from assistant.fieldtypes import type_of
from assistant.definition.model import Field
from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, rerun_by
from tests.form_walks.aldreomsorg import WALK

# The focused element, or its label or box a few levels up, carries a visible ring (outline >= 2 px or a
# box shadow), and is on screen.
FOCUS_JS = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {ok: false, what: 'nothing (body)'};
  const ring = n => { const s = getComputedStyle(n);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none'); };
  let shown = null;
  for (let n = e, i = 0; n && i < 5; n = n.parentElement, i++) {
    const r = n.getBoundingClientRect();
    if (r.width > 4 && r.height > 4 && ring(n)) { shown = n; break; }
  }
  const box = (shown || e).getBoundingClientRect();
  const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  const key = e.closest('[class*="st-key-"]');
  return {ok: !!shown && onScreen, onScreen,
          what: e.tagName + (e.type ? '[' + e.type + ']' : '') + ' ' +
                (e.getAttribute('aria-label') || e.innerText || '').trim().slice(0, 40) +
                (key ? ' in ' + [...key.classList].find(c => c.startsWith('st-key-')) : '')};
}
"""


class Keyboard:
    """Presses keys like a visitor who cannot use a mouse, checking the focus after every key."""

    def __init__(self, page: Page):
        self.page = page
        self.keys = 0
        self.problems: list[str] = []

    def check_focus(self) -> dict[str, Any]:
        state = self.page.evaluate(FOCUS_JS)
        if not state["ok"]:
            self.problems.append(f"focus not visible after key {self.keys}: {state['what']}")
        return state

    def press(self, key: str, rerun: bool = False) -> None:
        self.keys += 1
        if rerun:
            rerun_by(self.page, lambda: self.page.keyboard.press(key))
            # A run may redraw the focused element, even just after the run mark changed; the app then puts
            # the focus back (the control, the heading, the summary). Give it that moment, then check.
            try:
                self.page.wait_for_function(f"() => ({FOCUS_JS})().ok", timeout=3000)
            except PlaywrightTimeout:
                pass
        else:
            self.page.keyboard.press(key)
        self.check_focus()

    def tab_to(self, selector: str, limit: int = 60, back: bool = False) -> None:
        """Tab (or Shift+Tab) until the focus is on an element matching `selector`."""
        seen = []
        for _ in range(limit):
            if self.page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
                return
            self.press("Shift+Tab" if back else "Tab")
            seen.append(self.page.evaluate(FOCUS_JS)["what"])
        raise AssertionError(f"could not reach {selector} with {'Shift+' if back else ''}Tab; went through {seen}")

    def focused_in(self, css: str) -> bool:
        return self.page.evaluate("(s) => !!document.activeElement.closest(s)", css)


def control(f: Field, option: str | None = None) -> str:
    key = f"q:{f.id}" + (f":{option}" if option is not None else "")
    widget = type_of(f).widget
    if widget in ("radio", "yesno"):
        return key_css(key) + " input[type=radio]"
    if widget in ("ticks", "tick"):
        return key_css(key) + " input[type=checkbox]"
    return key_css(key) + (" textarea" if widget == "area" else " input")


def answer(kb: Keyboard, f: Field, value: Any) -> None:
    page = kb.page
    if type_of(f).widget == "ticks":
        for option in f.options:
            box = page.locator(control(f, option.value))
            if box.is_checked() != (option.value in value):
                kb.tab_to(control(f, option.value))
                kb.press("Space", rerun=True)
                assert box.is_checked() == (option.value in value), (f.id, option.value)
    elif type_of(f).widget == "tick":
        kb.tab_to(control(f))
        kb.press("Space", rerun=True)
        assert page.locator(control(f)).is_checked()
    elif type_of(f).widget in ("radio", "yesno"):
        index = ([True, False] if type_of(f).widget == "yesno" else [o.value for o in f.options]).index(value)
        kb.tab_to(control(f))              # one Tab stop for the group: its first (or chosen) button
        if index == 0:
            kb.press("Space", rerun=True)
        for _ in range(index):
            kb.press("ArrowDown", rerun=True)
        assert page.locator(control(f)).nth(index).is_checked(), (f.id, value)
    else:
        kb.tab_to(control(f))
        if page.evaluate("() => document.activeElement.value") != "":
            kb.press("Control+a")
        kb.keys += 1
        page.keyboard.type(str(value))
        kb.press("Tab", rerun=True)        # leaving the box sends what was typed
        assert page.locator(control(f)).input_value() == str(value), f.id


def continue_to(kb: Keyboard, visitor: Visitor, title: str, key: str = "nav:next") -> float:
    button = key_css(key) + " button"
    kb.tab_to(button)
    if key == "nav:next":           # Shift+Tab goes back to "Tillbaka", Tab returns
        kb.press("Shift+Tab")
        assert kb.focused_in(key_css("nav:back")), "Shift+Tab from Fortsätt should reach Tillbaka"
        kb.press("Tab")
    started = time.monotonic()
    kb.press("Enter", rerun=True)
    visitor.expect_page(title)
    # As after a page load, the new page starts at its heading.
    kb.page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-testid=\"stMain\"] h1')")
    return time.monotonic() - started


def open_with_keyboard(app, page: Page, artifacts) -> tuple[Visitor, Keyboard]:
    """A fresh visitor on the start page, the focus at the top of the page as after a page load."""
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    page.locator("body").focus()
    return visitor, Keyboard(page)


def start_the_form(kb: Keyboard, visitor: Visitor) -> None:
    kb.tab_to(key_css(f"start:{FORM.id}") + " button")
    kb.press("Enter", rerun=True)
    visitor.expect_page(visitor.title_of(FORM.pages[0].id))


def test_the_whole_form_with_the_keyboard_only(app, page, artifacts):
    visitor, kb = open_with_keyboard(app, page, artifacts)
    start_the_form(kb, visitor)
    for i, (page_id, values) in enumerate(WALK.walk):
        for field_id, value in values.items():
            answer(kb, FORM.field(field_id), value)
        visitor.screenshot(page_id)
        if i + 1 == len(WALK.walk):
            continue_to(kb, visitor, visitor.t("Blanketten är klar"), key="nav:create")
        else:
            visitor.step_seconds[page_id] = continue_to(kb, visitor, visitor.title_of(WALK.walk[i + 1][0]))
    visitor.screenshot("result")

    kb.tab_to(key_css("result:download") + " button")
    with page.expect_download() as download:
        kb.press("Enter")
    assert download.value.suggested_filename == f"{FORM.id}.pdf"
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    kb.tab_to("#bg-open-print")             # the browser's print route is reachable too

    (artifacts / "keyboard.json").write_text(json.dumps(
        {"keys": kb.keys, "step_seconds": visitor.step_seconds, "problems": kb.problems}, indent=1))
    assert not kb.problems, "\n".join(kb.problems)


def test_errors_take_the_focus_to_the_summary_and_its_links_to_the_field(app, page, artifacts):
    visitor, kb = open_with_keyboard(app, page, artifacts)
    start_the_form(kb, visitor)

    # Continue without an answer: the focus goes to the summary (a screen reader reads it: role=alert).
    kb.tab_to(key_css("nav:next") + " button")
    kb.press("Enter", rerun=True)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'bg-error-summary'")
    visitor.screenshot("summary-focused")
    kb.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.bg-error-summary a')")
    kb.press("Enter")
    page.wait_for_function("() => !!document.activeElement.closest('.st-key-field-insatser')")
    assert page.evaluate("() => document.activeElement.matches('input[type=checkbox]')")
    assert kb.focused_in(key_css("q:insatser:hemtjanst_service")), "the first choice of the question"
    visitor.screenshot("field-focused")

    # The same page failing twice still moves the focus (the script runs again on every run).
    kb.tab_to(key_css("nav:next") + " button")
    kb.press("Enter", rerun=True)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'bg-error-summary'")

    # A text field: a wrong date, the link, the corrected date.
    answer(kb, FORM.field("insatser"), ["trygghetslarm"])
    continue_to(kb, visitor, visitor.title_of("startdatum"))
    answer(kb, FORM.field("startdatum"), "2027-02-30")
    kb.tab_to(key_css("nav:next") + " button")
    kb.press("Enter", rerun=True)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'bg-error-summary'")
    kb.press("Tab")
    kb.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('.st-key-field-startdatum input')")
    described = page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
    assert described and page.evaluate("(ids) => ids.split(' ').map(i => document.getElementById(i).innerText).join(' ')",
                                       described).count("ÅÅÅÅ-MM-DD") >= 1
    assert page.evaluate("() => document.activeElement.getAttribute('aria-invalid')") == "true"
    visitor.screenshot("date-field-focused")
    kb.press("Control+a")
    page.keyboard.type(str(dict(WALK.walk)["startdatum"]["startdatum"]))
    kb.press("Tab", rerun=True)
    continue_to(kb, visitor, visitor.title_of("sokande.namn"))
    assert not kb.problems, "\n".join(kb.problems)


def test_the_language_and_large_text_with_the_keyboard(app, page, artifacts):
    visitor, kb = open_with_keyboard(app, page, artifacts)
    kb.tab_to(key_css("ui:lang") + " input")
    kb.press("ArrowDown")                                   # opens the list
    page.get_by_role("listbox").wait_for()
    highlighted = """() => { const id = document.activeElement.getAttribute('aria-activedescendant');
                             const o = id && document.getElementById(id); return o ? o.innerText.trim() : ''; }"""
    for _ in range(12):
        if page.evaluate(highlighted) == "العربية":
            break
        kb.press("ArrowDown")
    assert page.evaluate(highlighted) == "العربية"
    kb.press("Enter", rerun=True)
    page.wait_for_function("() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'")
    visitor.lang = "ar"
    kb.tab_to(key_css("ui:large") + " input")
    kb.press("Space", rerun=True)
    page.wait_for_function("() => getComputedStyle(document.documentElement).fontSize === '32px'")
    visitor.screenshot("arabic-large-text")
    assert not kb.problems, "\n".join(kb.problems)


def test_enter_in_a_text_box_continues(app, page, artifacts):
    """Enter in a one-line answer used to do nothing: now it continues, with what was typed."""
    visitor, kb = open_with_keyboard(app, page, artifacts)
    start_the_form(kb, visitor)
    answer(kb, FORM.field("insatser"), ["trygghetslarm"])
    continue_to(kb, visitor, visitor.title_of("startdatum"))
    kb.tab_to(control(FORM.field("startdatum")))
    page.keyboard.type(str(dict(WALK.walk)["startdatum"]["startdatum"]))
    kb.press("Enter", rerun=True)
    page.wait_for_function("(title) => document.querySelector('[data-testid=\"stMain\"] h1').innerText.trim() === title",
                           arg=visitor.title_of("sokande.namn"))
    visitor.expect_page(visitor.title_of("sokande.namn"))
