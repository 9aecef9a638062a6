"""Start page: what Blankettguiden is, and the forms on offer with one plain line each."""
from __future__ import annotations

import time
from datetime import date

import streamlit as st

from assistant.wizard.flow import Wizard
from assistant.i18n.translator import Translator
from assistant.paper.fonts import FontNeed, missing_fonts
from assistant.definition.loader import FormLibrary
from assistant.definition.model import Form
from assistant.settings import settings
from assistant.ui import page_guide, page_staff
from assistant.ui.failure import guarded
from assistant.ui.fields import swedish
from assistant.ui.session import Visit, application, forget_widgets


def _start(v: Visit, form: Form, today: date) -> None:
    forget_widgets()
    v.wizard = Wizard.start(form, today)
    v.documents = None
    v.form_started = time.monotonic()
    v.outcome_counted = False
    application().stats.started(form.id, v.lang, today)


@st.cache_resource(show_spinner=False, ttl=3600)
def missing_system_fonts() -> list[FontNeed]:
    """Fonts the printed form and receipt need (checked once an hour; nothing personal)."""
    return missing_fonts()


def _open_staff(v: Visit) -> None:
    v.view = "staff"


def show(lib: FormLibrary, v: Visit, t: Translator, today: date) -> None:
    st.title(t("Blankettguiden"), anchor=False)
    st.markdown(t("Vi fyller i blanketten tillsammans. Du svarar på en fråga i taget. "
                  "Sedan skriver vi ut blanketten och du skriver under med penna."))
    page_guide.show(lib, v, t, today, _start)
    st.header(t("Välj blankett"), anchor=False)
    for form in (lib.forms[form_id] for form_id in settings().offered(list(lib.forms))):
        with st.container(border=True, key=f"form-{form.id}"):
            title = t.text(form.title)
            st.subheader(title, anchor=False)
            swedish(form.title.source, t, v.show_swedish, title)
            st.markdown(t.text(form.description))
            st.button(t("Börja fylla i"), key=f"start:{form.id}", type="primary",   # named by its form: look.py
                      on_click=guarded(_start), args=(v, form, today))
    st.button(t("För personalen"), key="staff:open", on_click=guarded(_open_staff), args=(v,))
    fonts = missing_system_fonts()
    for need in fonts:
        st.warning(t("Typsnittet %(family)s saknas, så %(scripts)s kan inte skrivas ut rätt. Be IT installera "
                     "paketet %(package)s.", family=need.family, scripts=need.scripts, package=need.debian_package))
    if page_staff.needs_attention(lib):
        with st.expander(t("För personalen: något behöver rättas")):
            page_staff.show_notices(t, lib)
