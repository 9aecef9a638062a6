"""Pairing the visitor's own screen (issue 16): a code works once, for two minutes, only from the branch's
network; guessing is stopped; ending the pairing (erasing the visit) closes it; the staff screen offers it."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.visit.pairing import CODE_SECONDS, LOCK_SECONDS, MAX_WRONG, PairingRefused, Pairings, same_network

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def refused(pairings: Pairings, code: str, ip: str = "127.0.0.1") -> str:
    with pytest.raises(PairingRefused) as err:
        pairings.join(code, ip)
    return err.value.reason


def test_a_code_pairs_once():
    pairings = Pairings(Clock())
    code = pairings.offer("visit-1", "127.0.0.1")
    assert len(code) == 6 and code.isdigit()
    assert pairings.join(code, "127.0.0.1").token == "visit-1"
    assert pairings.joined("visit-1")
    assert refused(pairings, code) == "wrong"          # used: a second screen cannot take it


def test_a_code_expires_after_two_minutes():
    clock = Clock()
    pairings = Pairings(clock)
    code = pairings.offer("visit-1", "127.0.0.1")
    clock.now += CODE_SECONDS + 0.1
    assert refused(pairings, code) == "expired"
    assert not pairings.joined("visit-1")


def test_a_new_code_replaces_the_old_one_and_ending_forgets_the_pairing():
    pairings = Pairings(Clock())
    old = pairings.offer("visit-1", "127.0.0.1")
    new = pairings.offer("visit-1", "127.0.0.1")
    if old != new:
        assert refused(pairings, old) == "wrong"
    pairings.join(new, "127.0.0.1")
    pairings.end("visit-1")
    assert not pairings.joined("visit-1") and pairings.get("visit-1") is None


def test_guessing_locks_every_code_for_a_while():
    clock = Clock()
    pairings = Pairings(clock)
    code = pairings.offer("visit-1", "127.0.0.1")
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(MAX_WRONG):
        assert refused(pairings, wrong) == "wrong"
    assert refused(pairings, code) == "locked"        # even the right code, while locked
    clock.now += LOCK_SECONDS + 1
    pairings.offer("visit-1", "127.0.0.1")             # the first code has expired meanwhile


def test_a_screen_outside_the_branch_network_is_refused():
    pairings = Pairings(Clock())
    code = pairings.offer("visit-1", "192.168.10.5")
    assert refused(pairings, code, "81.234.10.7") == "network"
    assert pairings.join(code, "192.168.10.44").joined


@pytest.mark.parametrize("staff, screen, same", [
    ("127.0.0.1", "127.0.0.1", True),
    ("::1", "::1", True),
    ("127.0.0.1", "192.168.1.20", True),      # Blankettguiden runs on the staff PC; the tablet on its LAN
    ("192.168.1.10", "192.168.1.20", True),
    ("192.168.1.10", "192.168.2.20", False),  # another subnet: another room, another office
    ("10.0.0.5", "81.234.10.7", False),       # the internet
    ("10.0.0.5", "::ffff:10.0.0.9", True),    # IPv4 seen through IPv6
    ("fd00:1::5", "fd00:1::9", True),
    ("192.168.1.10", None, False),            # unknown address: refused
    ("192.168.1.10", "not an address", False),
])
def test_same_network(staff, screen, same):
    assert same_network(staff, screen) is same


def test_the_staff_screen_offers_a_code_and_erasing_ends_it():
    from assistant.ui.session import application
    PAIRINGS, STORE = application().pairings, application().visits

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.button(key="start:fullmakt").click().run()
    at.button(key="pair:offer").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = "\n".join(h.value for h in at.get("html"))
    token = at.query_params["besok"]
    token = token[0] if isinstance(token, list) else token
    code = PAIRINGS.get(token).code
    assert code and f"{code[:3]} {code[3:]}" in shown and "skarm=besokare" in shown
    assert token not in shown                     # the address for the second screen never carries the visit
    assert STORE.get(token) is not None
    at.button(key="pair:cancel").click().run()                  # "Avbryt": the code works no more
    assert PAIRINGS.get(token) is None and code not in "\n".join(h.value for h in at.get("html"))
    at.button(key="pair:offer").click().run()
    assert PAIRINGS.get(token) is not None
    at.button(key="ui:erase").click().run()
    at.button(key="erase:yes").click().run()
    assert PAIRINGS.get(token) is None


def test_the_pairing_page_asks_for_the_code_and_refuses_a_wrong_one():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["skarm"] = "besokare"
    at.run()
    assert at.title[0].value == "Besökarens skärm"
    assert not [b for b in at.button if str(b.key).startswith("start:")]     # no forms, no visit here
    at.text_input(key="pair:code").input("12")
    at.button[0].click().run()
    assert at.error and at.error[0].value.startswith("Koden stämmer inte")
