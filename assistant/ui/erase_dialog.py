"""Erase asks first: a press on an erase button opens a question, so a slip of the hand never erases a visit."""
from __future__ import annotations

import streamlit as st

from assistant.i18n.translator import Translator
from assistant.ui.session import erase_visit
from assistant.ui.failure import guarded


CONFIRMED = "erase:confirmed"


def _yes() -> None:
    # Erasing inside the dialog's own run would delete the state of the dialog while it runs: mark it, and
    # let the next full run of the app erase (erase_if_confirmed) before anything is drawn.
    st.session_state[CONFIRMED] = True


def erase_if_confirmed() -> None:
    """Erase the visit at the start of the run after "Ja, radera" was pressed."""
    if st.session_state.pop(CONFIRMED, False):
        erase_visit()


def ask_erase(t: Translator) -> None:
    """Open the modal question "Vill du radera allt du har skrivit?" with "Ja, radera" and "Nej, fortsätt"."""
    def body() -> None:
        st.markdown(t("Nästa besökare ser ingenting av det du har skrivit."))
        yes, no = st.columns(2)
        with yes:
            if st.button(t("Ja, radera"), key="erase:yes", type="primary", on_click=guarded(_yes), width="stretch"):
                st.rerun()
        with no:
            if st.button(t("Nej, fortsätt"), key="erase:no", width="stretch"):
                st.rerun()

    st.dialog(t("Vill du radera allt du har skrivit?"), dismissible=False)(body)()
