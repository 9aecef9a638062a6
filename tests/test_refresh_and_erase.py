"""A refresh (a new browser session with the same URL) finds the half-filled form; ending the visit
erases it so the same URL finds nothing."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from assistant.definition.loader import load_form
from tests.form_walks.aldreomsorg import PAGES
from tests.walks import current_page_title, fill_page, page_text

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


def test_erasing_in_one_tab_empties_every_session_that_holds_the_visit():
    """The same address in two tabs (two sessions on one visit): erasing in one is final in both."""
    from assistant.ui import session

    one = first_pages(3)
    token = token_of(one)
    two = reopen(token)
    shared = two.session_state[session.VISIT]
    assert shared is one.session_state[session.VISIT] and shared.wizard is not None
    box = two.text_input[0].key                                          # tab two shows a question page
    assert box in two.session_state
    one.button(key="ui:erase").click().run()
    one.button(key="erase:yes").click().run()
    assert shared.wizard is None and shared.draft == {}       # emptied in place: tab two holds nothing
    two.run()                                                # tab two's next run does not put it back
    assert current_page_title(two) == "Blankettguiden"
    assert token_of(two) != token
    assert session.application().visits.get(token) is None and session.application().visits.is_erased(token)
    assert box not in two.session_state                                  # nor its widgets' values
    again = reopen(token)
    assert current_page_title(again) == "Blankettguiden"
    assert "Åsa" not in " ".join(m.value for m in again.markdown)


def test_typing_in_the_other_tab_after_the_erase_keeps_nothing():
    """Tab two's visitor leaves a box before tab two has noticed the erase: its callback runs on the erased
    visit; the start page comes, and nothing typed goes into the new visit."""
    from assistant.ui import session

    one = first_pages(3)
    two = reopen(token_of(one))
    one.button(key="ui:erase").click().run()
    one.button(key="erase:yes").click().run()
    two.text_input[0].set_value("Storgatan 12 B").run()
    assert not two.exception
    assert current_page_title(two) == "Blankettguiden"
    assert two.session_state[session.VISIT].is_empty()
    assert "Storgatan" not in page_text(two)


def test_a_refresh_keeps_what_was_put_in_the_current_page_before_continue():
    at = first_pages(2)                                      # on the name page
    at.text_input(key="q:sokande.fornamn").set_value("Åsa").run()   # the box left: sent, not continued
    again = reopen(token_of(at))
    assert again.text_input(key="q:sokande.fornamn").value == "Åsa"


def test_text_typed_but_not_sent_that_the_page_reported_is_there_after_a_refresh():
    from assistant.ui import activity, session

    at = first_pages(2)
    v = at.session_state[session.VISIT]
    activity.keep_typed(v, {"page": "sokande.namn", "values": {
        "q:sokande.efternamn": "Öberg", "q:not-on-this-page": "x", "q:sokande.fornamn": 7}})
    activity.keep_typed(v, {"page": "startdatum", "values": {"q:sokande.postort": "Jönköping"}})
    assert v.draft == {"q:sokande.efternamn": "Öberg"}
    again = reopen(token_of(at))
    assert again.text_input(key="q:sokande.efternamn").value == "Öberg"
    fill_page(again, FORM, PAGES[2][1])
    again.button(key="nav:next").click().run()
    assert v.draft == {}                                      # a new page starts from the answers


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
    from assistant.ui.session import application
    STATS = application().stats

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
    from assistant.paper import fonts
    from assistant.ui import page_start

    page_start.missing_system_fonts.clear()
    monkeypatch.setattr(fonts, "installed_families", lambda: {"DejaVu Sans", "Noto Sans Arabic"})
    monkeypatch.setattr(page_start, "missing_fonts", fonts.missing_fonts)
    at = AppTest.from_file(APP, default_timeout=30).run()
    page_start.missing_system_fonts.clear()
    assert any("Noto Sans Ethiopic" in w.value and "fonts-noto-core" in w.value for w in at.warning)
