"""The guide in a real browser: from the start page, 'Hjälp hemma' → 'Ett larm …' names trygghetslarm with
why, and its button starts that form; another path ends at Skatteverket; in Arabic every text of the guide is
Arabic and "Läs upp" reads its question and choices aloud."""
from __future__ import annotations

from pathlib import Path

from assistant.wizard.guide import guide
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from tests.browser.test_read_aloud import AUDIO, REST, decoded, new_reading, outside, plays, wav_of
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


def _assert_in_the_language(box, t: Translator, texts) -> None:
    shown = box.inner_text()
    for text in texts:
        assert t.text(text) in shown, (text.context, shown)
        assert text.source not in shown, (text.context, "the Swedish source is shown")


def test_the_guide_in_arabic_is_arabic_and_is_read_aloud(app, page, artifacts):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.set_language("ar")
    t = Translator.for_code("ar")
    box = page.locator(key_css("guide"))
    first = guide().step([])
    _assert_in_the_language(box, t, [first.text] + [c.label for c in first.choices])

    new_reading(page, box.get_by_role("button", name=t("Läs upp"), exact=True).click)
    seconds, rms = decoded(page)
    # The question and its six choices in Arabic (two Swedish terms in the Swedish voice): some 8–30 s.
    assert 6 < seconds < 40 and rms > 500, (seconds, rms)
    first, _ = wav_of(page, AUDIO)          # the question alone, played at once; the choices follow it
    played = plays(page)
    assert played.get("error") is None and abs(played["duration"] - first) < 0.1 and played["time"] > 0, played
    assert page.locator(REST).count() == 1
    visitor.screenshot("guide-ar-read-aloud")

    # A choice leads on: the old reading stops (it was of another question), the next question is Arabic.
    rerun_by(page, page.locator(key_css("guide:hjalp:pengar") + " button").click)
    assert page.locator(AUDIO).count() == 0
    money = guide().step(["pengar"])
    _assert_in_the_language(box, t, [money.text] + [c.label for c in money.choices])
    rerun_by(page, page.locator(key_css("guide:pengar:sjuk") + " button").click)
    outcome = guide().step(["pengar", "sjuk"])
    _assert_in_the_language(box, t, [a.text for a in outcome.elsewhere])
    assert "Försäkringskassan" in box.inner_text()         # the authority's own name, never translated
    new_reading(page, box.get_by_role("button", name=t("Läs upp"), exact=True).click)
    seconds, _ = decoded(page)
    assert 4 < seconds < 40, seconds
    visitor.screenshot("guide-ar-outcome")
    assert not outside(requests), outside(requests)
