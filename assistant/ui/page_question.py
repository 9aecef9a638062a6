"""A question page: one thing per page, progress, error summary, Back and Continue.

The last declaration page (after "Kontrollera dina svar") creates the form. Back on the first
question asks before it leaves the form."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

import streamlit as st

from assistant.wizard.flow import visible_fields
from assistant.i18n.translator import Translator
from assistant.definition.model import ORIGINAL, Text
from assistant.wizard.repeat import heading
from assistant.ui import fields as widgets, page_entries, page_review, read_aloud
from assistant.ui.look import focus
from assistant.ui.page_pause import pause_button
from assistant.ui.parts import nav_buttons, step_header
from assistant.ui.session import Visit, forget_widgets, visit
from assistant.i18n.markers import Message
from assistant.ui.failure import guarded

LEAVE = "nav:leave-asked"   # session key: Back on the first question asked whether to leave the form


def _continue(today: date) -> None:
    v = visit()
    if v.wizard is None:        # erased meanwhile in another tab: the start page comes next
        return
    page = v.wizard.current()
    v.wizard = v.wizard.next(widgets.page_values(page), today)
    v.focus_errors = bool(v.wizard.errors)
    if not v.wizard.errors or any(v.wizard.answers.get(f.id + ORIGINAL) and f.latin for f in page.fields):
        forget_widgets()      # the boxes show the stored answers (a name moved to the receipt is emptied)


def _create(today: date) -> None:
    """The last declaration page: its answers are checked like any page's, then the form is made. The
    wizard stays on this page, so "Tillbaka" from the result page comes back to the declaration."""
    v = visit()
    assert v.wizard is not None
    here = v.wizard.page
    state = v.wizard.next(widgets.page_values(v.wizard.current()), today)
    v.focus_errors = bool(state.errors)
    v.wizard = replace(state, page=here)
    if not (state.errors or state.warnings):
        forget_widgets()
        page_review.create(today)


def _back() -> None:
    v = visit()
    if v.wizard is None:        # erased meanwhile in another tab
        return
    previous = v.wizard.back(widgets.page_values(v.wizard.current()))
    if previous is None:       # the first question: ask first, keep what was typed meanwhile
        v.wizard = v.wizard.with_answers(widgets.page_values(v.wizard.current()))
        st.session_state[LEAVE] = True
        return
    forget_widgets()
    v.wizard = previous


def _leave() -> None:
    v = visit()
    st.session_state.pop(LEAVE, None)
    forget_widgets()
    v.wizard = None


def _stay() -> None:
    st.session_state.pop(LEAVE, None)


def error_text(error: Message | Text, t: Translator) -> str:
    return t.text(error) if isinstance(error, Text) else t.message(error)


def summary_line(label: str, error: Message | Text, t: Translator) -> str:
    """A message in the question's own words ("Skriv förnamnet.") stands alone; a general one says which
    question it is about."""
    return error_text(error, t) if isinstance(error, Text) else f"{label}: {error_text(error, t)}"


def error_summary(items: list[tuple[str, str]], t: Translator) -> None:
    """GOV.UK-style summary: a heading and one link per problem, each to its field's input."""
    links = "".join(f'<li><a href="#{escape(anchor)}" data-target="{escape(anchor)}">{escape(msg)}</a></li>'
                    for anchor, msg in items)
    heading = escape(t("Något behöver rättas"))
    st.markdown(f'<div class="bg-error-summary" role="alert" tabindex="-1" id="bg-error-summary">'
                f'<h2>{heading}</h2><ul>{links}</ul></div>', unsafe_allow_html=True)


def _ask_leave(t: Translator) -> None:
    with st.container(key="leave-question", border=True):
        question = t("Vill du lämna blanketten?")
        st.markdown(f'<h2 class="bg-h2">{escape(question)}</h2>', unsafe_allow_html=True)
        st.markdown(t("Det du har skrivit tas bort. Du kommer tillbaka till listan med blanketter."))
        left, right = st.columns(2)
        with left:
            st.button(t("Nej, stanna kvar"), key="leave:no", on_click=guarded(_stay), type="primary", width="stretch")
        with right:
            st.button(t("Ja, lämna blanketten"), key="leave:yes", on_click=guarded(_leave), width="stretch")


def show(v: Visit, t: Translator, today: date) -> None:
    wiz = v.wizard
    assert wiz is not None
    page = wiz.current()
    step_header(wiz, t)
    title = heading(page, wiz.answers, t.text)
    st.title(title, anchor=False)
    widgets.swedish(page.title.source, t, v.show_swedish, title)
    read_aloud.question(wiz, t)
    if st.session_state.get(LEAVE):
        _ask_leave(t)
    if page.intro:
        intro = t.text(page.intro)
        st.markdown(intro)
        widgets.swedish(page.intro.source, t, v.show_swedish, intro)
    if wiz.progress()[0] == 1 and wiz.form.notice:
        notice = t.text(wiz.form.notice)
        st.info(notice)
        widgets.swedish(wiz.form.notice.source, t, v.show_swedish, notice)
    for widget_key, value in v.draft.items():     # after a refresh: what was typed on this page
        st.session_state.setdefault(widget_key, value)
    answers = {**wiz.answers, **widgets.page_values(page)}
    shown = visible_fields(page, answers)
    if wiz.errors:
        error_summary([(f"field-{f.id.replace('.', '-')}", summary_line(t.text(f.label), wiz.errors[f.id], t))
                       for f in shown if f.id in wiz.errors], t)
    if page.summary:
        page_entries.entries(wiz, page, t)
    for f in shown:
        message = wiz.errors.get(f.id)
        if f.id in wiz.warnings:
            st.warning(t.text(f.warning) + " " + t("Du kan gå vidare ändå: tryck på Fortsätt igen."))
        widgets.render(f, wiz.answers, t, error_text(message, t) if message else None, v.show_swedish, title)
    notes = [f for f in shown if f.staff_note]
    if wiz.is_last():
        st.markdown(t("När du trycker på knappen fylls den riktiga blanketten i på svenska."))
        page_review.failure_notice(t)
        nav_buttons(t, _back, t("Skapa blanketten"), "nav:create", _create, today)
    else:
        nav_buttons(t, _back, t("Fortsätt"), "nav:next", _continue, today)
    pause_button(t)                     # issue 16
    if notes:
        with st.expander(t("För personalen")):
            for f in notes:
                st.markdown(f'<div class="bg-staff-note" lang="sv" dir="ltr"><strong>{escape(f.label.source)}</strong>'
                            f'<br>{escape(f.staff_note.source)}</div>', unsafe_allow_html=True)
    if v.focus_errors:
        v.focus_errors = False
        focus("#bg-error-summary")
