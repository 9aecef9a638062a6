"""Pieces shared by the wizard's pages: the step header and the Back/forward buttons."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

import streamlit as st

from assistant.wizard.flow import Wizard
from assistant.i18n.translator import Translator
from assistant.ui.failure import guarded


def step_header(wiz: Wizard, t: Translator) -> None:
    """'Steg X av Y' and a progress bar (mirrored by CSS in right-to-left languages)."""
    step, total = wiz.progress()
    label = t("Steg %(step)s av %(total)s", step=step, total=total)
    st.markdown(f'<p class="bg-step">{escape(label)}</p>', unsafe_allow_html=True)
    st.progress(step / total)


def nav_buttons(t: Translator, back: Callable[[], None], forward_label: str, forward_key: str,
                forward: Callable[[date], None], today: date) -> None:
    """Back on the left (right in RTL), the page's main action as the primary button beside it."""
    left, right = st.columns(2)
    with left:
        st.button(t("Tillbaka"), key="nav:back", on_click=guarded(back), width="stretch")
    with right:
        st.button(forward_label, key=forward_key, type="primary", on_click=guarded(forward), args=(today,),
                  width="stretch")
