"""Every page of a form in Swedish, Arabic, Tigrinya and lättläst in Chromium (issue 14): a screenshot of
each, axe-core with WCAG 2.1 A/AA and its best practices (heading order among them) finding nothing at any
impact level, start buttons that each name their form, and the Swedish original beside what it translates."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.wizard.flow import default_answers
from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, axe_violations, describe, key_css
from tests.form_walks.aldreomsorg import WALK
from tests.walks import REVIEW_STEP, forward_key

REVIEW_MAX_PX = 4_000
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def check(visitor: Visitor, name: str) -> None:
    visitor.screenshot(name)
    found = axe_violations(visitor.page, RULES)
    if found:
        visitor.problems.append(f"axe on {name}:\n{describe(found)}")


def start_button_names(visitor: Visitor) -> list[str]:
    return visitor.page.evaluate(
        """() => [...document.querySelectorAll('[class*="st-key-start-"] button')]
                 .map(b => b.getAttribute('aria-label') || b.innerText)""")


@pytest.mark.parametrize("lang", ["sv", "ar", "ti", "sv@lattlast"])
def test_every_page_of_the_form(app, page, artifacts, lang):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    if lang != "sv":
        visitor.set_language(lang)
    title = visitor.t.text(FORM.title)
    page.wait_for_function("""(title) => [...document.querySelectorAll('[class*="st-key-start-"] button')]
                                         .some(b => (b.getAttribute('aria-label') || '').includes(title))""", arg=title)
    names = start_button_names(visitor)
    assert len(names) == len(set(names)) >= 9, names
    label = page.locator(key_css("ui:lang") + " label").inner_text()
    assert len(label.split(" / ")) == len(set(label.split(" / "))), label
    check(visitor, "start")
    visitor.start()
    answers = dict(default_answers(FORM, date.today()))
    for i, (page_id, values) in enumerate(WALK.walk):
        answers.update(values)
        visitor.fill(values)
        check(visitor, "review" if page_id == REVIEW_STEP else page_id)
        if page_id == REVIEW_STEP:     # it was ~6,000 px with a card and a button per page
            height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
            print(f"review page {lang}: {height} px")
            assert height < REVIEW_MAX_PX, height
        last = i + 1 == len(WALK.walk)
        visitor.press(forward_key(WALK.walk, i),
                      visitor.t("Blanketten är klar") if last else visitor.title_of(WALK.walk[i + 1][0]))
    check(visitor, "result")
    visitor.save(artifacts / "findings.json")
    assert not visitor.problems, visitor.report()
