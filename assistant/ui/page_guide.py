"""'Vad behöver du hjälp med?' on the start page: the guide's questions (assistant/wizard/guide.py), one at a time,
as buttons; the outcome names the form(s) with why and a button to start, or the authority to go to."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from assistant.wizard.guide import Outcome, guide
from assistant.i18n.translator import Translator
from assistant.definition.loader import FormLibrary
from assistant.definition.model import Form
from assistant.wizard.pictures import picture_svg
from assistant.speech.page_texts import GUIDE_OUTCOME_TITLE
from assistant.ui import read_aloud
from assistant.ui.session import Visit
from assistant.ui.failure import guarded

PATH = "guide:path"       # the choices pressed so far (not personal: erased with the visit all the same)


def _choose(choice_id: str) -> None:
    st.session_state[PATH] = [*st.session_state.get(PATH, []), choice_id]


def _restart() -> None:
    st.session_state[PATH] = []


def show(lib: FormLibrary, v: Visit, t: Translator, today: date,
         start: Callable[[Visit, Form, date], None]) -> None:
    """`start` is the start page's own way of starting a form."""
    path = st.session_state.get(PATH, [])
    step = guide().step(path)
    with st.container(border=True, key="guide"):
        if not isinstance(step, Outcome):
            st.header(t.text(step.text), anchor=False)
            read_aloud.guide(path, step, lib.forms, t)
            for choice in step.choices:
                # The picture is decorative (aria-hidden): the button's text says what the choice is.
                with st.container(horizontal=True, vertical_alignment="center", key=f"guide-choice:{step.id}:{choice.id}"):
                    st.markdown(picture_svg(choice.picture), unsafe_allow_html=True, width="content")
                    st.button(t.text(choice.label), key=f"guide:{step.id}:{choice.id}", on_click=guarded(_choose),
                              args=(choice.id,), width="stretch")
        else:
            st.header(t(GUIDE_OUTCOME_TITLE), anchor=False)
            read_aloud.guide(path, step, lib.forms, t)
            for form_id, why in step.forms:
                form = lib.forms.get(form_id)
                if form is None:
                    continue
                st.subheader(t.text(form.title), anchor=False)
                st.markdown(t.text(why))
                st.button(t("Börja fylla i"), key=f"guide:start:{form_id}", type="primary", on_click=guarded(start),
                          args=(v, form, today), help=t.text(form.title))
            for authority in step.elsewhere:
                st.subheader(authority.name, anchor=False)
                st.markdown(t.text(authority.text))
        if path:
            st.button(t("Börja om"), key="guide:restart", on_click=guarded(_restart))
