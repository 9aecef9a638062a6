"""The staff area: the anonymous monthly statistics behind a PIN, with a chart and a CSV export.

The PIN lives in Streamlit secrets (.streamlit/secrets.toml, ``staff_pin``), never in the code or
the repository. Wrong PINs are counted for the whole server process, so opening a new tab or
refreshing the page does not give a guesser fresh attempts. Unlocking lasts for this browser session
only; "Lås" or the app's end-and-erase closes it again.
"""
from __future__ import annotations

import hmac
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from assistant.i18n import Translator, language
from assistant.stats import MonthRow, Statistics

SECRET_NAME = "staff_pin"
SECRETS_FILE = ".streamlit/secrets.toml"
MIN_PIN_LENGTH = 6          # with 5 tries per 5 minutes, six digits take years to guess
UNLOCKED = "staff:unlocked"
PIN_INPUT = "staff:pin"
WRONG = "staff:wrong"
CSV_NAME = "blankettguiden-statistik.csv"


@dataclass
class Lockout:
    """Counts wrong PINs; after max_failures the area is locked for lock_seconds, for everyone."""

    max_failures: int = 5
    lock_seconds: float = 300
    clock: Callable[[], float] = time.monotonic
    _failures: int = 0
    _locked_until: float = 0.0
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    def remaining(self) -> float:
        """Seconds until a PIN may be tried again; 0 when not locked."""
        return max(0.0, self._locked_until - self.clock())

    def attempt(self, pin: str, expected: str) -> bool:
        """True for the right PIN. While locked even the right PIN is refused, so guessing cannot go on."""
        with self._mutex:
            if self.remaining() > 0:
                return False
            if hmac.compare_digest(pin.encode("utf-8"), expected.encode("utf-8")):
                self._failures = 0
                return True
            self._failures += 1
            if self._failures >= self.max_failures:
                self._failures = 0
                self._locked_until = self.clock() + self.lock_seconds
            return False


LOCKOUT = Lockout()          # one per server process: shared by every session


def configured_pin() -> str | None:
    """The staff PIN from Streamlit secrets; None when there is none or it is too short to protect anything."""
    try:
        pin = st.secrets.get(SECRET_NAME)
    except FileNotFoundError:                   # no secrets.toml at all
        return None
    pin = "" if pin is None else str(pin).strip()
    return pin if len(pin) >= MIN_PIN_LENGTH else None


def _lock() -> None:
    st.session_state.pop(UNLOCKED, None)


def _minutes_left() -> int:
    return max(1, math.ceil(LOCKOUT.remaining() / 60))


def _try_pin() -> None:
    """Submit callback: check the PIN, then forget it, so the session does not keep it."""
    pin = st.session_state.get(PIN_INPUT) or ""
    st.session_state[PIN_INPUT] = ""
    expected = configured_pin()
    if expected is not None and LOCKOUT.attempt(pin, expected):
        st.session_state[UNLOCKED] = True
    else:
        st.session_state[WRONG] = True


def _ask_pin(t: Translator) -> None:
    wrong = st.session_state.pop(WRONG, False)
    if LOCKOUT.remaining():
        st.error(t("För många fel försök. Försök igen om %(minutes)s min.", minutes=_minutes_left()))
    elif wrong:
        st.error(t("Fel PIN-kod."))
    with st.form("staff-pin", enter_to_submit=True):
        st.text_input(t("PIN-kod för personalen"), type="password", key=PIN_INPUT, autocomplete="off")
        st.form_submit_button(t("Öppna statistiken"), type="primary", on_click=_try_pin)


def _languages(row: MonthRow) -> str:
    return ", ".join(f"{language(code).display_name} {n}" for code, n in row.languages.items())


def _table(t: Translator, rows: list[MonthRow]) -> pd.DataFrame:
    """The monthly rows with headings in the staff member's language."""
    return pd.DataFrame({
        t("Månad"): [r.month for r in rows],
        t("Blankett"): [r.form_id for r in rows],
        t("Påbörjade"): [r.started for r in rows],
        t("Klara"): [r.completed for r in rows],
        t("Avbrutna"): [r.abandoned for r in rows],
        t("Mediantid för klara (minuter)"): [r.median_minutes for r in rows],
        t("Språk"): [_languages(r) for r in rows],
    })


def _statistics(t: Translator, stats: Statistics) -> None:
    st.button(t("Lås statistiken"), key="staff:lock", on_click=_lock)
    rows = stats.monthly()
    if not rows:
        st.info(t("Ingen statistik ännu. Den fylls på när besökare använder Blankettguiden."))
        return
    st.markdown(t("Bara antal per månad sparas: inga namn, inga svar, inga tider på dagen."))
    table = _table(t, rows)
    st.dataframe(table, hide_index=True)
    month, kind, count = t("Månad"), t("Besök"), t("Antal")
    per_month = (table.melt(id_vars=[month], value_vars=[t("Påbörjade"), t("Klara"), t("Avbrutna")],
                            var_name=kind, value_name=count)
                 .groupby([month, kind], sort=False, as_index=False)[count].sum())
    st.bar_chart(per_month, x=month, y=count, color=kind, stack=False, sort=False,
                 alt=t("Påbörjade, klara och avbrutna blanketter per månad"))
    st.download_button(t("Ladda ner som CSV"), data=stats.to_csv().encode("utf-8"), file_name=CSV_NAME,
                       mime="text/csv", on_click="ignore", key="staff:csv")


def show(t: Translator, stats: Statistics) -> None:
    """The staff area. Without a configured PIN it only says how to set one and shows no numbers."""
    st.title(t("Statistik för personalen"), anchor=False)
    expected = configured_pin()
    if expected is None:
        st.warning(t("Ingen PIN-kod är inställd, så statistiken visas inte. Skriv en rad som den nedan i "
                     "filen %(file)s på datorn där Blankettguiden körs, med en egen kod på minst "
                     "%(min)s tecken, och starta om Blankettguiden.", file=SECRETS_FILE, min=MIN_PIN_LENGTH))
        st.code(f'{SECRET_NAME} = "…"', language="toml")
        return
    if st.session_state.get(UNLOCKED):
        _statistics(t, stats)
    else:
        _ask_pin(t)
