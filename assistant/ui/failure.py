"""What a visitor sees when a page run fails: a kind message in their language and a way on, never
Streamlit's English error page. Staff get the exception's type and line; its message is never shown or
logged, as it could quote an answer."""
from __future__ import annotations

import logging

import streamlit as st

from assistant.errors import describe_failure
from assistant.i18n import Translator

_LOG = logging.getLogger("blankettguiden")


def show_failure(exc: Exception) -> None:
    """Called by streamlit_app.py for anything a page run raised. The visit stays in the session."""
    what = describe_failure(exc)
    _LOG.error("a page run failed: %s", what)
    t = Translator.for_code(getattr(st.session_state.get("visit"), "lang", "sv"))
    st.error(t("Något gick fel på sidan. Det du har skrivit finns kvar. Tryck på knappen och försök igen, "
               "eller be personalen om hjälp."))
    st.button(t("Försök igen"), key="failure:again", type="primary")
    with st.expander(t("För personalen: vad som gick fel")):
        st.code(what, language=None, wrap_lines=True)
