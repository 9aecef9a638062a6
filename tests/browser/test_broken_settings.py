"""A broken config/municipality.yaml in a real browser (issue 17, point 3): the visitor gets the Swedish start
page with the forms, never Streamlit's English error page ("This app has encountered an error", "Ask
Google"), and staff read which line is wrong and what to write."""
from __future__ import annotations

from pathlib import Path

from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor, key_css, settle

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_ERROR_PAGE = ("This app has encountered an error", "Ask Google", "Ask ChatGPT", "Traceback",
                      "ValueError", "invalid literal")


def test_a_broken_settings_file_still_serves_the_forms_and_says_in_swedish_what_to_fix(start_app, page, artifacts,
                                                                                        tmp_path):
    good = (ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")
    config = tmp_path / "municipality.yaml"
    config.write_text(good.replace("inaktiv_minuter: 10", "inaktiv_minuter: tio"), encoding="utf-8")
    line = next(i for i, text in enumerate(config.read_text().splitlines(), start=1) if "tio" in text)
    server = start_app({"BLANKETTGUIDEN_CONFIG": str(config)})
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(server.url)                                    # waits for the form's "Börja fylla i"
    shown = page.locator('[data-testid="stApp"]').inner_text()
    assert "Välj blankett" in shown
    assert not [words for words in ENGLISH_ERROR_PAGE if words in shown]
    page.get_by_text("För personalen: något behöver rättas").click()
    notice = page.locator('[data-testid="stExpander"]').last
    notice.get_by_text("Inställningsfilen har fel").wait_for()
    assert f"municipality.yaml:{line}: inaktiv_minuter: måste vara ett antal minuter" in notice.inner_text()
    assert "Skriv till exempel inaktiv_minuter: 10" in notice.inner_text()
    visitor.screenshot("broken-settings")
    visitor.start()                                              # and the form works
    settle(page)
    assert page.locator(key_css("nav:next") + " button:visible").count() == 1
