"""Driving Blankettguiden in a real browser: waits, the wizard's widgets, screenshots, axe-core.

Every wait is on something the app shows (a title, an attribute, Streamlit's script state), never a sleep.
"""
from __future__ import annotations

import json
import re
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from assistant.i18n.translator import Translator, language
from assistant.fieldtypes import type_of
from assistant.definition.model import Field, Form
from assistant.fieldtypes.choices import NO, YES

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def key_css(key: str) -> str:
    """The class Streamlit gives a keyed element (same rule as its frontend)."""
    return ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def settle(page: Page) -> None:
    """Wait until the script run is over and no element is still greyed out from the previous run."""
    page.wait_for_selector(IDLE, state="attached")
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def full_page(page: Page, path: Path) -> None:
    """Screenshot of the whole page. Streamlit scrolls inside <main>, so full_page=True alone would stop at
    the viewport: the viewport is made as tall as the content for the shot, then put back."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 12_000))})
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


RUN_MARK = "() => document.documentElement.getAttribute('data-bg-run')"


LOST_PRESS_MS = 20_000


class LostPressWarning(UserWarning):
    """A press that started no run at all (see rerun_by); pytest lists these in its warnings summary."""


class LostTypingWarning(UserWarning):
    """A box that showed the typed text after its run and was empty again before Continue (see Visitor.fill)."""


def rerun_by(page: Page, action) -> None:
    """Do `action` (a click, a key press, a blur) and wait until the run of the page it caused is drawn.

    Streamlit keeps showing the old page while the script runs, and the idle check reruns a fragment every
    15 s, so neither "notRunning" nor a count of runs says that *this* run is over. Every full run of the app
    puts a new data-bg-run on <html> (assistant/ui/look.py): wait for it to change, then for the run to end.

    Rarely, on a loaded machine, a press starts no run at all (seen once in CI's whole run, in a walk through
    the form; the cause is not found). If after LOST_PRESS_MS the app is idle and still shows the same run,
    the press is made again, as the person at the desk would, and a LostPressWarning says so in the summary."""
    before = page.evaluate(RUN_MARK)
    changed = f"(before) => ({RUN_MARK})() !== before"
    action()
    try:
        page.wait_for_function(changed, arg=before, timeout=LOST_PRESS_MS)
    except PlaywrightTimeoutError:
        if page.evaluate(RUN_MARK) == before and page.locator(IDLE).count():
            warnings.warn(LostPressWarning(f"a press started no run in {LOST_PRESS_MS} ms on {page.url}; "
                                           "pressed again"), stacklevel=2)
            action()
        page.wait_for_function(changed, arg=before)
    settle(page)


def axe_violations(page: Page, tags: list[str] = WCAG_21_AA, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core (from node_modules, never a CDN) on the whole document."""
    if not AXE_JS.is_file():
        raise AssertionError(f"axe-core is missing ({AXE_JS}): run scripts/setup.sh test "
                             "(it runs npm ci in tests/browser)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    return page.evaluate(
        """async (runOnly) => {
             const r = await axe.run(document, {runOnly, resultTypes: ['violations']});
             return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                         summary: n.failureSummary}))}));
           }""", run_only)


# Streamlit's own English texts a visitor could meet (from its frontend bundle). The app replaces or avoids
# them, except those the accessibility statement lists (page_accessibility.STREAMLIT_ENGLISH).
STREAMLIT_ENGLISH = ("Skip to main content", "Choose an option", "Choose options", "Press Enter to submit form",
                     "Press Enter to apply", "Ctrl+Enter", "Link to heading", "progress", "Open", "Close",
                     "Clear value", "Clear all", "Fullscreen", "Close fullscreen", "Exit fullscreen",
                     "Copy to clipboard", "Dismiss", "options available", "No results", "Increment", "Decrement",
                     "Show password", "Hide password", "Main menu", "Running...", "Stop script", "Expand sidebar",
                     "Collapse sidebar", "Notifications", "Markdown content", "keyboard_arrow_right",
                     "keyboard_arrow_down")


def english_texts(page: Page) -> set[str]:
    """Streamlit's English texts in what a screen reader gets (the accessibility tree) and in visible
    placeholders and tooltips of the page on screen."""
    tree = page.locator("body").aria_snapshot()
    attributes = page.evaluate(
        """() => [...document.querySelectorAll('[placeholder], [title]')]
              .filter(e => e.checkVisibility())
              .flatMap(e => [e.getAttribute('placeholder'), e.getAttribute('title')]).filter(Boolean)""")
    text = tree + "\n" + "\n".join(attributes)
    return {s for s in STREAMLIT_ENGLISH if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)}


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}\n" +
                     "\n".join(f"    {n['target']}: {n['summary']}" for n in v["nodes"]) for v in violations)


@dataclass
class Visitor:
    """One visitor at the library PC, filling one form in one language, and what was seen on each page."""

    page: Page
    form: Form
    shots: Path
    lang: str = "sv"
    load_seconds: float = 0.0
    step_seconds: dict[str, float] = field(default_factory=dict)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    english: dict[str, set[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    allowed_english: tuple[str, ...] = ()
    _shot: int = 0

    @property
    def t(self) -> Translator:
        return Translator.for_code(self.lang)

    # --- pages -----------------------------------------------------------------------------------------
    def open(self, url: str) -> None:
        started = time.monotonic()
        self.page.goto(url)
        self.page.wait_for_selector(key_css(f"start:{self.form.id}") + " button:visible")
        settle(self.page)
        self.load_seconds = time.monotonic() - started

    def heading(self) -> str:
        return self.page.locator('[data-testid="stMain"] h1').first.inner_text().strip()

    def expect_page(self, title: str) -> None:
        """The page on screen is the one whose <h1> is `title` (an error summary is shown in the failure)."""
        summary = self.page.locator("#bg-error-summary")
        errors = summary.inner_text() if summary.count() else ""
        assert self.heading() == title and not errors, (
            f"expected the page '{title}', got '{self.heading()}'" + (f" with errors: {errors}" if errors else ""))

    def title_of(self, page_id: str) -> str:
        from tests.walks import REVIEW_STEP
        return self.t("Kontrollera dina svar") if page_id == REVIEW_STEP else self.t.text(self.form.page(page_id).title)

    def press(self, key: str, next_title: str) -> float:
        """Click a button by its Streamlit key and wait for the next page; returns the seconds it took."""
        started = time.monotonic()
        rerun_by(self.page, self.page.locator(key_css(key) + " button:visible").click)
        self.expect_page(next_title)
        elapsed = time.monotonic() - started
        self.step_seconds[next_title] = elapsed
        return elapsed

    def set_language(self, code: str) -> None:
        self.page.locator(key_css("ui:lang") + " input").click()
        rerun_by(self.page, self.page.get_by_role("option", name=language(code).display_name, exact=True).click)
        self.lang = code
        # The list's announcement ("9 options available.") stays in a live region for a few seconds.
        from assistant.ui.page_accessibility import STREAMLIT_ENGLISH
        self.allowed_english = STREAMLIT_ENGLISH
        self.page.wait_for_function("(lang) => document.documentElement.lang === lang",
                                    arg=language(code).html_lang)
        # The closed list leaves the pointer over whatever the new layout puts there, and a hover tooltip then
        # sits in Streamlit's overlay outside the landmarks: a person moves on, so the pointer does too.
        self.page.mouse.move(0, 0)
        settle(self.page)

    def set_large_text(self, on: bool) -> None:
        if self.page.locator(key_css("ui:large") + " input").is_checked() != on:
            rerun_by(self.page, self.page.locator(key_css("ui:large") + " label").click)
        self.page.wait_for_function("(on) => (getComputedStyle(document.documentElement).fontSize === '32px') === on",
                                    arg=on)
        settle(self.page)

    def start(self) -> None:
        self.press(f"start:{self.form.id}", self.title_of(self.form.pages[0].id))

    # --- answers ---------------------------------------------------------------------------------------
    def _tick(self, key: str, on: bool) -> None:
        box = self.page.locator(key_css(key) + " input[type=checkbox]")
        if box.is_checked() != on:
            rerun_by(self.page, self.page.locator(key_css(key) + " label").first.click)
            assert box.is_checked() == on, key

    def answer(self, f: Field, value: Any) -> None:
        k = f"q:{f.id}"
        if type_of(f).widget == "ticks":
            for option in f.options:
                self._tick(f"{k}:{option.value}", option.value in value)
        elif type_of(f).widget == "tick":
            self._tick(k, bool(value))
        elif type_of(f).widget in ("radio", "yesno"):
            index = ([True, False] if type_of(f).widget == "yesno" else [o.value for o in f.options]).index(value)
            radio = self.page.locator(key_css(k) + " input[type=radio]").nth(index)
            if not radio.is_checked():
                rerun_by(self.page, self.page.locator(key_css(k) + ' [data-testid="stRadioOption"]').nth(index).click)
            assert radio.is_checked(), (f.id, value)
        else:
            box = self.page.locator(key_css(k) + (" textarea" if type_of(f).widget == "area" else " input"))
            if box.input_value() != str(value):
                box.fill(str(value))
                rerun_by(self.page, box.blur)     # Streamlit sends a typed value when the box loses focus

    def _box(self, f: Field):
        return self.page.locator(key_css(f"q:{f.id}") + (" textarea" if type_of(f).widget == "area" else " input"))

    def fill(self, values: dict[str, Any]) -> None:
        """Answer each question. Rarely (twice in eight walks of test_every_page in Tigrinya, on "Vad heter
        du?") both name boxes were empty after Continue; the cause is not found. A box found empty again before
        Continue is typed in again, as the person at the desk would, and a LostTypingWarning says so in the
        summary, so it is counted, not hidden."""
        for field_id, value in values.items():
            self.answer(self.form.field(field_id), value)
        for field_id, value in values.items():
            f = self.form.field(field_id)
            if type_of(f).widget in ("line", "area") and self._box(f).count() and \
                    self._box(f).input_value() != str(value):
                warnings.warn(LostTypingWarning(f"{field_id} was empty again on {self.page.url}; typed again"),
                              stacklevel=2)
                self.answer(f, value)

    # --- evidence --------------------------------------------------------------------------------------
    def screenshot(self, name: str) -> Path:
        self._shot += 1
        path = self.shots / f"{self._shot:02d}-{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
        full_page(self.page, path)
        return path

    def check_page(self, name: str, allowed_english: tuple[str, ...] = ()) -> None:
        """Screenshot, axe-core (WCAG 2.1 A and AA), the page's language and direction, and Streamlit's
        English texts, for the page on screen. Findings are collected: one run shows every problem."""
        settle(self.page)
        # The pointer may rest on a (?) after the last click: its tooltip, fading in or out, is no part of the page.
        self.page.mouse.move(0, 0)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=\"stTooltipContent\"]')")
        self.screenshot(name)
        self.axe[name] = axe_violations(self.page)
        if self.axe[name]:
            self.problems.append(f"axe on {name}:\n{describe(self.axe[name])}")
        self.english[name] = english_texts(self.page)
        if self.english[name] - set(allowed_english) - set(self.allowed_english):
            self.problems.append(f"Streamlit's English on {name}: {sorted(self.english[name])}")
        want = [language(self.lang).html_lang, language(self.lang).direction]
        got = self.page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")
        if got != want:
            self.problems.append(f"<html lang dir> on {name} is {got}, not {want}")

    def check_labels(self, page_id: str, answers: dict[str, Any]) -> None:
        """Every control of the question page has its question (or option) as accessible name, in the
        visitor's language: the name a screen reader reads."""
        from assistant.wizard.flow import visible_fields

        t = self.t
        for f in visible_fields(self.form.page(page_id), answers):
            label = t.text(f.label)
            named: list[tuple[Any, str, str]] = []
            box = self.page.locator(key_css(f"field-{f.id.replace('.', '-')}"))
            if f.free_text and t.lang.locale != "sv":    # the visitor's own words, and the staff member's Swedish
                from assistant.ui.fields import STAFF_BOX
                named.append((box, "textbox", label))
                label = f"{f.label.source} ({STAFF_BOX})"
            if type_of(f).widget in ("line", "area"):
                named.append((box, "textbox", label))
            elif type_of(f).widget == "tick":
                named.append((box, "checkbox", label))
            elif type_of(f).widget in ("radio", "yesno"):
                named.append((box, "radiogroup", label))
                options = [t(YES), t(NO)] if type_of(f).widget == "yesno" else [t.text(o.label) for o in f.options]
                named += [(box, "radio", o) for o in options]
            elif type_of(f).widget == "ticks":
                group = self.page.get_by_role("group", name=label, exact=True)
                named.append((self.page, "group", label))
                named += [(group, "checkbox", t.text(o.label)) for o in f.options]
            for where, role, name in named:
                if where.get_by_role(role, name=name, exact=True).count() != 1:
                    self.problems.append(f"{page_id}: no {role} named {name!r} (field {f.id})")

    def report(self) -> str:
        return "\n".join(self.problems)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({
            "language": self.lang, "load_seconds": round(self.load_seconds, 2),
            "step_seconds": {k: round(v, 2) for k, v in self.step_seconds.items()},
            "axe_violations": self.axe, "streamlit_english": {k: sorted(v) for k, v in self.english.items()},
            "problems": self.problems}, ensure_ascii=False, indent=1), encoding="utf-8")
