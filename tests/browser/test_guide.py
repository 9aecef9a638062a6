"""The guide in a real browser: from the start page, 'Hjälp hemma' → 'Ett larm …' names trygghetslarm with
why, and its button starts that form; another path ends at Skatteverket."""
from __future__ import annotations

from pathlib import Path

from assistant.guide import guide
from assistant.i18n import Translator
from assistant.loader import load_form
from tests.browser.wizard import Visitor, key_css, rerun_by

ROOT = Path(__file__).resolve().parents[2]
FORM = load_form(ROOT / "forms" / "trygghetslarm" / "form.yaml")


def test_the_guide_leads_to_the_alarm_form_and_starts_it(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    t = Translator.for_code("sv")
    box = page.locator(key_css("guide"))
    assert box.locator("h2").first.inner_text() == t.text(guide().step([]).text)
    _assert_a_picture_for_each_choice(page, [])
    visitor.screenshot("guide-start")
    rerun_by(page, page.locator(key_css("guide:hjalp:hemma") + " button").click)
    _assert_a_picture_for_each_choice(page, ["hemma"])
    rerun_by(page, page.locator(key_css("guide:hemma:larm") + " button").click)
    assert t.text(FORM.title) in box.inner_text()
    assert t.text(guide().why["trygghetslarm"]) in box.inner_text()
    visitor.screenshot("guide-outcome")
    visitor.press("guide:start:trygghetslarm", visitor.title_of(FORM.pages[0].id))


def test_the_guide_sends_tax_questions_to_skatteverket(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    rerun_by(page, page.locator(key_css("guide:hjalp:annat") + " button").click)
    rerun_by(page, page.locator(key_css("guide:annat:skatt") + " button").click)
    box = page.locator(key_css("guide"))
    assert "Skatteverket" in box.inner_text() and "0771-567 567" in box.inner_text()
    rerun_by(page, page.locator(key_css("guide:restart") + " button").click)
    assert page.locator(key_css("guide:hjalp:hemma")).count() == 1


def _assert_a_picture_for_each_choice(page, path):
    """One decorative picture beside each choice's button, hidden from screen readers."""
    question = guide().step(path)
    box = page.locator(key_css("guide"))
    pictures = box.locator("svg.bg-picture")
    assert pictures.count() == len(question.choices) == box.locator("svg").count()
    for choice in question.choices:
        row = page.locator(key_css(f"guide-choice:{question.id}:{choice.id}"))
        assert row.locator("svg.bg-picture").count() == 1 and row.locator("button").count() == 1
    for i in range(pictures.count()):
        assert pictures.nth(i).get_attribute("aria-hidden") == "true"
        assert pictures.nth(i).bounding_box()["width"] > 20      # drawn, not collapsed
