"""What a visitor sees when something fails: a kind message in their language and a way on, never
Streamlit's English error page. Staff get the exception's type and line; its message is never shown or
logged, as it could quote an answer.

Two ways in: streamlit_app.py catches what a page run raises, and `guarded` wraps a widget callback
(Streamlit runs callbacks before the script, outside any try of ours) so that its failure is shown by the
page run that follows."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import streamlit as st

from assistant.definition.errors import describe_failure
from assistant.i18n.translator import Translator

PENDING = "failure:pending"
_LOG = logging.getLogger("blankettguiden")


def _tell(what: str) -> None:
    t = Translator.for_code(getattr(st.session_state.get("visit"), "lang", "sv"))
    st.error(t("Något gick fel på sidan. Det du har skrivit finns kvar. Tryck på knappen och försök igen, "
               "eller be personalen om hjälp."))
    st.button(t("Försök igen"), key="failure:again", type="primary")
    with st.expander(t("För personalen: vad som gick fel")):
        st.code(what, language=None, wrap_lines=True)


def show_failure(exc: Exception) -> None:
    """Called by streamlit_app.py for anything a page run raised. The visit stays in the session."""
    what = describe_failure(exc)
    _LOG.error("a page run failed: %s", what)
    _tell(what)


def guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    """`callback`, but a failure in it is noted for the page run instead of ending in Streamlit's page."""
    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except Exception as exc:  # st.rerun() and st.stop() are BaseException: they pass through
            st.session_state[PENDING] = describe_failure(exc)
            _LOG.error("a button's action failed: %s", st.session_state[PENDING])
            return None
    return run


def show_pending() -> None:
    """The message for a callback that failed before this run (see `guarded`)."""
    what = st.session_state.pop(PENDING, None)
    if what:
        _tell(what)
