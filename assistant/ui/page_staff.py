"""The staff area: reading the forms and settings again, and the anonymous monthly statistics behind a PIN,
with a chart and a CSV export.

"Läs in blanketterna och inställningarna igen" needs no PIN: it only reads the installation's own files (no
visitor's data), and what it finds wrong is shown here as the start page's staff notice shows it anyway.

The PIN lives in Streamlit secrets (.streamlit/secrets.toml, ``staff_pin``), never in the code or
the repository. Wrong PINs slow down the session they come from and, in larger numbers, the whole server
(Lockout), so a visitor cannot keep staff out with a few wrong tries and nobody can guess the PIN.
Unlocking lasts for this browser session only; "Lås" or the app's end-and-erase closes it again.
"""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from assistant.i18n.translator import Translator, forget_catalogs, language
from assistant.definition.loader import FormLibrary
from assistant.paper.printing import spool_keeps_copies
from assistant.settings import settings
from assistant.visit.stats import MonthRow, Statistics
from assistant.ui.failure import guarded
from assistant.definition.forms_in_force import FormsInForce
from assistant.visit.lockout import SessionTries
from assistant.ui.session import application

SECRET_NAME = "staff_pin"
SECRETS_FILE = ".streamlit/secrets.toml"
MIN_PIN_LENGTH = 6          # with 20 tries an hour, six digits take years to guess
UNLOCKED = "staff:unlocked"
PIN_INPUT = "staff:pin"
WRONG = "staff:wrong"
TRIES = "staff:tries"
RELOADED = "staff:reloaded"
CSV_NAME = "blankettguiden-statistik.csv"


def _tries() -> SessionTries:
    return st.session_state.setdefault(TRIES, SessionTries())


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
    return max(1, math.ceil(application().lockout.remaining(_tries()) / 60))


def _try_pin() -> None:
    """Submit callback: check the PIN, then forget it, so the session does not keep it."""
    pin = st.session_state.get(PIN_INPUT) or ""
    st.session_state[PIN_INPUT] = ""
    expected = configured_pin()
    if expected is not None and application().lockout.attempt(pin, expected, _tries()):
        st.session_state[UNLOCKED] = True
    else:
        st.session_state[WRONG] = True


def _ask_pin(t: Translator) -> None:
    wrong = st.session_state.pop(WRONG, False)
    if application().lockout.remaining(_tries()):
        st.error(t("För många fel försök. Försök igen om %(minutes)s min.", minutes=_minutes_left()))
    elif wrong:
        st.error(t("Fel PIN-kod."))
    with st.form("staff-pin", enter_to_submit=True):
        st.text_input(t("PIN-kod för personalen"), type="password", key=PIN_INPUT, autocomplete="off")
        st.form_submit_button(t("Öppna statistiken"), type="primary", on_click=guarded(_try_pin))


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
    st.button(t("Lås statistiken"), key="staff:lock", on_click=guarded(_lock))
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


@st.cache_resource(show_spinner=False, ttl=600)
def cups_keeps_copies(printer: str) -> bool | None:
    """Whether CUPS keeps printed forms in its spool (checked every ten minutes; only when printing is set up)."""
    return spool_keeps_copies() if printer else False


def _absent(lib: FormLibrary) -> list[str]:
    return [f for f in settings().offered_forms or () if f not in lib.forms and f not in lib.broken]


def needs_attention(lib: FormLibrary) -> bool:
    """Something staff should fix: the settings file, a form that is not offered, or CUPS keeping copies."""
    return bool(settings().problems or settings.rejected or lib.broken or _absent(lib)
                or cups_keeps_copies(settings().printer) is not False)


def show_notices(t: Translator, lib: FormLibrary) -> None:
    """What is wrong with this installation, each with file, line and the fix (no personal data in any)."""
    config = settings()
    if settings.rejected:
        st.warning(t("Inställningsfilen har fel, så de senaste fungerande inställningarna gäller fortfarande. "
                     "Rätta felet och läs in igen:"))
        st.code("\n".join(str(p) for p in settings.rejected), language=None, wrap_lines=True)
    if config.problems:
        st.warning(t("Inställningsfilen har fel. Det som är fel används inte, i stället gäller standardvärdet:"))
        st.code("\n".join(str(p) for p in config.problems), language=None, wrap_lines=True)
    for form_id, error in lib.broken.items():
        st.markdown(t("Blanketten %(form)s visas inte för besökare:", form=form_id))
        st.code(str(error), language=None, wrap_lines=True)
    for form_id in _absent(lib):
        st.code(f"{config.source}: {form_id}: " + t("blanketten finns inte i mappen forms/."), language=None,
                wrap_lines=True)
    keeps = cups_keeps_copies(config.printer)
    if keeps:
        st.warning(t("CUPS sparar en kopia av varje utskriven blankett i sin kö (PreserveJobFiles). Rätta det med "
                     "sudo cupsctl PreserveJobFiles=No eller raden PreserveJobFiles No i /etc/cups/cupsd.conf. "
                     "Se docs/privacy.md."))
    elif keeps is None:
        st.warning(t("Det gick inte att se om CUPS sparar kopior av utskrifterna. Kontrollera att "
                     "/etc/cups/cupsd.conf har raden PreserveJobFiles No."))


def reload_installation(forms: FormsInForce) -> None:
    """Read the settings, the translations and every form again. The settings first: the forms are checked
    against them (placeholders). The idle limit counts from now on, for visits already open too."""
    app = application()
    app.visits.limit_seconds = app.settings.reload().idle_minutes * 60
    forget_catalogs()
    forms.reload()
    st.session_state[RELOADED] = True


def _reload_section(t: Translator, forms: FormsInForce) -> None:
    st.header(t("Blanketter och inställningar"), anchor=False)
    if st.session_state.pop(RELOADED, False):
        st.success(t("Blanketterna och inställningarna är inlästa igen. Besök som pågår fortsätter med "
                     "blanketten som de började med."))
    if forms.read_at is not None:
        st.markdown(t("Blanketterna och inställningarna lästes senast in %(time)s.", time=f"{forms.read_at:%Y-%m-%d %H:%M}"))
    st.button(t("Läs in blanketterna och inställningarna igen"), key="staff:reload",
              help=t("Läser mappen forms/ och inställningsfilen på nytt, utan att starta om Blankettguiden."),
              on_click=guarded(reload_installation), args=(forms,))


def show(t: Translator, stats: Statistics, forms: FormsInForce | None = None) -> None:
    """The staff area. Without a configured PIN it only says how to set one and shows no numbers."""
    if forms is not None:
        _reload_section(t, forms)
        lib = forms()
        if needs_attention(lib):
            st.header(t("Kontroll av installationen"), anchor=False)
            show_notices(t, lib)
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
