"""The staff PIN (issue 17, point 7): a visitor guessing at the kiosk slows down only their own session, so
staff who come after can still open the statistics; refreshing to get new sessions runs into a server-wide
limit, which keeps guessing a six-digit PIN at years. Each test drives the real staff page (AppTest) with a
clock the test moves."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.ui import page_staff
from assistant.ui.session import application
from assistant.visit.lockout import Lockout, SessionTries
from tests.test_stats import Clock, staff_script

PIN = "482915"
WRONG = "111111"
HOUR = 3600


@pytest.fixture
def clock(monkeypatch, tmp_path) -> Clock:
    """A fresh process-wide lockout with a clock the test moves, and an empty statistics file."""
    monkeypatch.setenv("BLANKETTGUIDEN_STATS", str(tmp_path / "statistics.sqlite"))
    fake = Clock()
    monkeypatch.setattr(application(), "lockout", Lockout(clock=fake))
    return fake


def new_session() -> AppTest:
    """A browser tab, a refresh or the visit after "Avsluta och radera": a session of its own."""
    at = AppTest.from_function(staff_script, default_timeout=30)
    at.secrets["staff_pin"] = PIN
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def try_pin(at: AppTest, pin: str) -> AppTest:
    at.text_input(key=page_staff.PIN_INPUT).input(pin)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def unlocked(at: AppTest) -> bool:
    return any(b.key == "staff:lock" for b in at.button)


def errors(at: AppTest) -> str:
    return " ".join(e.value for e in at.error)


def test_a_visitor_guessing_does_not_lock_out_the_staff_who_come_next(clock):
    visitor = new_session()
    for _ in range(10):
        try_pin(visitor, WRONG)
    assert "För många fel försök" in errors(visitor)
    clock.now += 5
    staff = new_session()
    assert "För många" not in errors(staff)
    assert unlocked(try_pin(staff, PIN))


def test_the_guessing_session_waits_longer_after_each_wrong_pin_even_for_the_right_one(clock):
    at = new_session()
    for _ in range(3):
        try_pin(at, WRONG)
    assert "Försök igen om 1 min" in errors(at)
    assert not unlocked(try_pin(at, PIN))                    # while waiting even the right PIN is refused
    clock.now += 31
    try_pin(at, WRONG)                                       # the fourth wrong one: one minute
    clock.now += 31
    assert not unlocked(try_pin(at, PIN))
    clock.now += 30
    assert unlocked(try_pin(at, PIN))


def test_fresh_sessions_run_into_the_server_wide_limit_of_twenty_an_hour(clock):
    for _ in range(application().lockout.max_failures):
        try_pin(new_session(), WRONG)
    staff = new_session()
    assert "Försök igen om 60 min" in errors(staff)
    assert not unlocked(try_pin(staff, PIN))
    clock.now += HOUR
    assert unlocked(try_pin(new_session(), PIN))


def test_guessing_as_fast_as_possible_gets_at_most_480_tries_a_day():
    """Without AppTest: a guesser who takes a fresh session for every try (the cheapest way round the
    per-session wait) and tries the moment the lock allows."""
    clock = Clock()
    lockout = Lockout(clock=clock)
    tried = 0
    end = clock.now + 24 * HOUR
    while clock.now < end:
        tries = SessionTries()
        wait = lockout.remaining(tries)
        if wait:
            clock.now += wait
            continue
        lockout.attempt(f"{tried:06d}", PIN, tries)
        tried += 1
        clock.now += 1
    assert tried <= 24 * 20
    years_for_half = 10 ** 6 / 2 / tried / 365
    assert years_for_half > 2, years_for_half
