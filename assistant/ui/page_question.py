"""A question page: one thing per page, progress, error summary, Back and Continue."""
from __future__ import annotations

from datetime import date
from html import escape

import streamlit as st

from assistant.flow import visible_fields
from assistant.i18n import Translator
from assistant.ui import fields as widgets, read_aloud
from assistant.ui.look import focus
from assistant.ui.page_pause import pause_button
from assistant.ui.parts import nav_buttons, step_header
from assistant.ui.session import Visit, forget_widgets, visit


def _continue(today: date) -> None:
    v = visit()
    assert v.wizard is not None
    page = v.wizard.current()
    v.wizard = v.wizard.next(widgets.page_values(page), today)
    v.focus_errors = bool(v.wizard.errors)
    if not v.wizard.errors:
        forget_widgets()


def _back() -> None:
    v = visit()
    assert v.wizard is not None
    previous = v.wizard.back(widgets.page_values(v.wizard.current()))
    forget_widgets()
    v.wizard = previous


def error_summary(items: list[tuple[str, str, str]], t: Translator) -> None:
    """GOV.UK-style summary: a heading and one link per problem, each to its field's input."""
    links = "".join(f'<li><a href="#{escape(anchor)}" data-target="{escape(anchor)}">'
                    f'{escape(label)}: {escape(msg)}</a></li>' for anchor, label, msg in items)
    heading = escape(t("Något behöver rättas"))
    st.markdown(f'<div class="bg-error-summary" role="alert" tabindex="-1" id="bg-error-summary">'
                f'<h2>{heading}</h2><ul>{links}</ul></div>', unsafe_allow_html=True)


def show(v: Visit, t: Translator, today: date) -> None:
    wiz = v.wizard
    assert wiz is not None
    page = wiz.current()
    step_header(wiz, t)
    title = t.text(page.title)
    st.title(title, anchor=False)
    widgets.swedish(page.title.source, t, v.show_swedish, title)
    read_aloud.question(wiz, t)
    if page.intro:
        intro = t.text(page.intro)
        st.markdown(intro)
        widgets.swedish(page.intro.source, t, v.show_swedish, intro)
    if wiz.progress()[0] == 1 and wiz.form.notice:
        notice = t.text(wiz.form.notice)
        st.info(notice)
        widgets.swedish(wiz.form.notice.source, t, v.show_swedish, notice)
    answers = {**wiz.answers, **widgets.page_values(page)}
    shown = visible_fields(page, answers)
    if wiz.errors:
        error_summary([(f"field-{f.id.replace('.', '-')}", t.text(f.label), t.message(wiz.errors[f.id]))
                       for f in shown if f.id in wiz.errors], t)
    for f in shown:
        message = wiz.errors.get(f.id)
        if f.id in wiz.warnings:
            st.warning(t.text(f.warning) + " " + t("Du kan gå vidare ändå: tryck på Fortsätt igen."))
        widgets.render(f, wiz.answers, t, t.message(message) if message else None, v.show_swedish)
    notes = [f for f in shown if f.staff_note]
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
