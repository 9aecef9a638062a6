"""A refresh (a new browser session with the same URL) finds the half-filled form; ending the visit
erases it so the same URL finds nothing."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from assistant.loader import load_form
from tests.form_walks.aldreomsorg import PAGES
from tests.walks import current_page_title, fill_page

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")


def first_pages(n: int) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.button(key="start:aldreomsorg").click().run()
    for _, values in PAGES[:n]:
        fill_page(at, FORM, values)
        at.button(key="nav:next").click().run()
    return at


def token_of(at: AppTest) -> str:
    value = at.query_params["besok"]
    return value[0] if isinstance(value, list) else value


def reopen(token: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["besok"] = token
    return at.run()


def test_a_refresh_continues_where_the_visitor_was():
    at = first_pages(3)
    token = token_of(at)
    page_title = current_page_title(at)
    again = reopen(token)
    assert current_page_title(again) == page_title
    again.button(key="nav:back").click().run()
    assert again.text_input(key="q:sokande.fornamn").value == "Åsa"


def test_end_and_erase_forgets_the_visit_and_its_token():
    at = first_pages(3)
    token = token_of(at)
    at.button(key="ui:erase").click().run()
    at.button(key="erase:yes").click().run()        # the question: "Ja, radera"
    assert current_page_title(at) == "Blankettguiden"
    assert token_of(at) != token
    again = reopen(token)
    assert current_page_title(again) == "Blankettguiden"
    assert "Åsa" not in " ".join(m.value for m in again.markdown)


def test_an_unknown_token_starts_a_new_visit():
    again = reopen("not-a-real-token")
    assert current_page_title(again) == "Blankettguiden"


def test_the_staff_area_opens_from_the_start_page_and_returns():
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.button(key="staff:open").click().run()
    assert current_page_title(at) == "Statistik för personalen"
    at.button(key="view:back").click().run()
    assert current_page_title(at) == "Blankettguiden"


def test_statistics_count_a_started_and_an_abandoned_form():
    from assistant.ui.session import STATS

    before = {(r.month, r.form_id): r for r in STATS.monthly()}
    at = first_pages(1)
    at.button(key="ui:erase").click().run()
    at.button(key="erase:yes").click().run()        # the question: "Ja, radera"
    after = {(r.month, r.form_id): r for r in STATS.monthly()}
    key = next(k for k in after if k[1] == "aldreomsorg")
    old = before.get(key)
    assert after[key].started == (old.started if old else 0) + 1
    assert after[key].abandoned == (old.abandoned if old else 0) + 1


def test_a_missing_font_is_named_with_the_package_to_install(monkeypatch):
    from assistant import fonts
    from assistant.ui import page_start

    page_start.missing_system_fonts.clear()
    monkeypatch.setattr(fonts, "installed_families", lambda: {"DejaVu Sans", "Noto Sans Arabic"})
    monkeypatch.setattr(page_start, "missing_fonts", fonts.missing_fonts)
    at = AppTest.from_file(APP, default_timeout=30).run()
    page_start.missing_system_fonts.clear()
    assert any("Noto Sans Ethiopic" in w.value and "fonts-noto-core" in w.value for w in at.warning)
