"""An idle visit: a warning with a 'more time' button in the last minute, then everything is erased."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.definition.loader import load_form
from assistant.ui import session
from assistant.visit.store import VisitStore
from tests.form_walks.aldreomsorg import PAGES
from tests.walks import current_page_title, fill_page

ROOT = Path(__file__).resolve().parent.parent
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(session.application(), "visits", VisitStore(600, fake))
    return fake


def visitor_on_page_three() -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    at.button(key="start:aldreomsorg").click().run()
    for _, values in PAGES[:2]:
        fill_page(at, FORM, values)
        at.button(key="nav:next").click().run()
    return at


def the_visit(at: AppTest) -> session.Visit:
    return at.session_state[session.VISIT]


def test_every_run_is_activity_and_the_last_minute_warns_until_more_time_is_asked(clock):
    at = visitor_on_page_three()
    visit = the_visit(at)
    clock.now += 545
    assert session.idle(visit) == "warn"
    at.run()                                  # the visitor did something
    assert session.idle(visit) == "active"
    clock.now += 545
    assert session.idle(visit) == "warn"
    session.extend(visit)                     # "Jag behöver mer tid"
    assert session.idle(visit) == "active"
    assert current_page_title(at) == FORM.page(PAGES[2][0]).title.source


def test_after_the_limit_the_visit_is_gone_from_memory_and_a_refresh_finds_nothing(clock):
    at = visitor_on_page_three()
    token = the_visit(at).token
    clock.now += 601
    assert session.idle(the_visit(at)) == "expired"     # the idle watcher erases the session on its next tick
    assert session.application().visits.get(token) is None
    again = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    again.query_params[session.TOKEN_PARAM] = token
    again.run()
    assert current_page_title(again) == "Blankettguiden"
    assert the_visit(again).wizard is None


def test_a_start_page_left_open_past_the_limit_still_works(clock):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    clock.now += 10_000
    at.button(key="start:aldreomsorg").click().run()
    assert current_page_title(at) == FORM.page("insatser").title.source
    assert session.idle(the_visit(at)) == "active"


def test_an_expired_visit_with_answers_is_not_put_back_by_its_next_run(clock):
    at = visitor_on_page_three()
    token = the_visit(at).token
    clock.now += 601
    at.run()                                  # e.g. a click after the limit, before the idle watch's tick
    assert current_page_title(at) == "Blankettguiden"
    assert session.application().visits.get(token) is None and session.application().visits.is_erased(token)


def test_the_idle_limit_may_be_a_fraction_of_a_minute(tmp_path):
    from assistant.settings import DEFAULT_PATH, load_settings

    config = tmp_path / "municipality.yaml"
    config.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace("inaktiv_minuter: 10", "inaktiv_minuter: 0.5"),
                      encoding="utf-8")
    assert load_settings(config).idle_minutes * 60 == 30
