"""Reloading the forms in a real browser (issue 13, point 7): an administrator changes a form's title in the
forms folder of a running app, staff press "Läs in blanketterna och inställningarna igen" in "För personalen",
and the start page shows the new title without a restart."""
from __future__ import annotations

import shutil
from pathlib import Path

from assistant.definition.loader import load_form
from tests.browser.wizard import Visitor, key_css, rerun_by

ROOT = Path(__file__).resolve().parents[2]
FORM = load_form(ROOT / "forms" / "fardtjanst" / "form.yaml")
NEW_TITLE = "Färdtjänst och riksfärdtjänst (ny version)"


def press(page, key: str) -> None:
    rerun_by(page, page.locator(key_css(key) + " button:visible").click)


def test_staff_reload_shows_a_changed_title_on_the_start_page(start_app, page, artifacts, tmp_path):
    forms = tmp_path / "forms"
    shutil.copytree(ROOT / "forms", forms)
    server = start_app({"BLANKETTGUIDEN_FORMS": str(forms)})
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(server.url)
    card = page.locator(key_css(f"form-{FORM.id}"))
    assert FORM.title.source in card.inner_text()
    path = forms / FORM.id / "form.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {FORM.title.source}", f"title: {NEW_TITLE}", 1),
                    encoding="utf-8")
    press(page, "staff:open")
    button = page.locator(key_css("staff:reload") + " button:visible")
    assert button.inner_text().strip() == "Läs in blanketterna och inställningarna igen"
    press(page, "staff:reload")
    page.get_by_text("Blanketterna och inställningarna är inlästa igen.").wait_for()
    assert "Blanketterna och inställningarna lästes senast in" in page.locator('[data-testid="stMain"]').inner_text()
    visitor.screenshot("staff-after-reload")
    press(page, "view:back")
    assert NEW_TITLE in card.inner_text() and FORM.title.source not in card.inner_text()
    visitor.screenshot("start-page-with-the-new-title")
