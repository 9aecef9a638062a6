"""Check your answers: every answer under its question with its own change link, then the declaration
(its own page, after this one) or, for a form without one, create the form."""
from __future__ import annotations

import logging
from datetime import date
from html import escape

import streamlit as st

from assistant.paper.documents import build_documents, planned_bilaga
from assistant.definition.errors import describe_failure
from assistant.wizard.flow import declared, first_incomplete_page
from assistant.i18n.translator import Translator
from assistant.i18n.markers import N_
from assistant.wizard.summary import Row, review_groups
from assistant.ui import previews, read_aloud
from assistant.ui.fields import swedish
from assistant.ui.page_pause import pause_button
from assistant.ui.parts import nav_buttons, step_header
from assistant.ui.session import Visit, application, count_outcome, forget_widgets, visit
from assistant.ui.failure import guarded


REVIEW_TITLE = N_("Kontrollera dina svar")
FAILED = "review:failed"
_LOG = logging.getLogger(__name__)


def _change(page_id: str) -> None:
    v = visit()
    assert v.wizard is not None
    forget_widgets()
    v.wizard = v.wizard.change(page_id)


def _back() -> None:
    v = visit()
    assert v.wizard is not None
    v.wizard = v.wizard.back({})


def _forward(today: date) -> None:
    v = visit()
    assert v.wizard is not None
    forget_widgets()
    v.wizard = v.wizard.next({}, today)


def create(today: date) -> None:
    """Fill the real form (in Swedish) and start the receipt in the visitor's language."""
    v = visit()
    wiz = v.wizard
    assert wiz is not None
    try:
        v.documents = build_documents(wiz.form, wiz.answers, today, make_summary=application().receipts.swedish_summary)
        receipts = application().receipts
        v.receipt = receipts.submit(wiz.form, wiz.answers, v.lang, today,      # made meanwhile, in the helper process
                                    large=v.large_text)
        v.previews = None
        previews.start(v.documents.print_pdf)                               # and the pictures, in a thread
    except Exception as exc:           # the visit stays; staff are told what happened (never the framework's page)
        if v.receipt is not None:
            v.receipt.forget()
        v.documents, v.receipt, v.previews = None, None, None
        st.session_state[FAILED] = describe_failure(exc)
        _LOG.error("creating the form failed: %s", st.session_state[FAILED])
        return
    count_outcome(v, completed=True)


def failure_notice(t: Translator) -> None:
    """After a failed "Skapa blanketten": the visit is kept, and staff can read what went wrong."""
    failed = st.session_state.pop(FAILED, None)
    if failed:
        st.error(t("Blanketten kunde inte skapas. Dina svar finns kvar. Be personalen om hjälp."))
        with st.expander(t("För personalen: vad som gick fel")):
            st.code(failed, language=None, wrap_lines=True)


def as_html(text: str) -> str:
    """Visitor text as HTML text: escaped, line breaks as <br>. It is never parsed as Markdown (a blank
    line used to end the HTML block, and what followed became a heading, a link or a fetched image)."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _value(text: str, ltr: bool) -> str:
    return (f'<span class="bg-ltr" dir="ltr">{as_html(text)}</span>' if ltr
            else f'<bdi dir="auto">{as_html(text)}</bdi>')


def _sv(text: str) -> str:
    return f'<span class="bg-sv" lang="sv" dir="ltr">{as_html(text)}</span>'


def row_html(row: Row, t: Translator, show_sv: bool) -> str:
    """One question and its answer as a definition list: the Swedish original (for staff) inside the
    same <dt>/<dd>, right under the text it translates (a <dl> may only hold dt and dd: axe)."""
    label = escape(row.label) + (_sv(row.label_sv) if show_sv and row.label_sv != row.label else "")
    if row.items:
        value = "<ul>" + "".join(f'<li><bdi dir="auto">{escape(i)}</bdi></li>' for i in row.items) + "</ul>"
        if show_sv and row.items_sv != row.items:
            value += _sv(", ".join(row.items_sv))
    elif row.own_words:
        yours, theirs = t("Det du skrev"), t("På blanketten, på svenska")
        value = (f'<span class="bg-own-label">{escape(yours)}</span><bdi dir="auto">{as_html(row.own_words)}</bdi>'
                 f'<span class="bg-own-label">{escape(theirs)}</span>'
                 f'<span lang="sv" dir="ltr">{as_html(row.value_sv)}</span>')
    else:
        value = _value(row.value, row.ltr) + (_sv(row.value_sv) if show_sv and row.value_sv != row.value else "")
        if row.own_script:        # the name as the visitor writes it; the form has it in Latin letters
            value += f'<span class="bg-own-label"><bdi dir="auto">{escape(row.own_script)}</bdi></span>'

    return f'<dl class="bg-review"><dt>{label}</dt><dd>{value}</dd></dl>'


def show(v: Visit, t: Translator, today: date) -> None:
    wiz = v.wizard
    assert wiz is not None
    missing = first_incomplete_page(wiz.form, wiz.answers, today)
    if missing:  # an earlier change made a later answer needed: ask it before reviewing
        v.wizard = wiz.change(missing)
        st.rerun()
    step_header(wiz, t)
    title = t(REVIEW_TITLE)
    st.title(title, anchor=False)
    swedish(REVIEW_TITLE, t, v.show_swedish, title)
    read_aloud.review(wiz, t, today)
    st.markdown(t("Läs igenom svaren. Du kan ändra allt innan vi skapar blanketten."))
    show_sv = v.show_swedish and t.lang.locale != "sv"
    groups = review_groups(wiz.form, wiz.answers, t, today)
    for i, group in enumerate(groups):
        with st.container(key=f"group-{group.page_id.replace('.', '-')}", gap=None):
            st.header(group.title, anchor=False)
            swedish(group.title_sv, t, v.show_swedish, group.title)
            for row in group.rows:
                with st.container(key=f"row-{row.field_id.replace('.', '-')}", horizontal=True, wrap=False,
                                  vertical_alignment="top", gap="small"):
                    st.html(row_html(row, t, show_sv), width="stretch")
                    st.button(t("Ändra"), key=f"change:{row.field_id}", on_click=guarded(_change), args=(row.page_id,),
                              type="tertiary")          # named "Ändra: <the question>" by look.py
        if group.group_id and (i + 1 == len(groups) or groups[i + 1].group_id != group.group_id):
            st.button(t("Lägg till eller ta bort"), key=f"change:list-{group.group_id}", on_click=guarded(_change),
                      args=(group.group_id,))     # after a group's last entry: its summary page
    planned = planned_bilaga(wiz.form, declared(wiz.form, wiz.answers), today)
    if planned:
        st.warning(t("Några svar får inte plats i rutorna på blanketten. De skrivs ut på en bilaga sist i blanketten:"))
        st.markdown("\n".join(f"- {escape(c.label)}" for c in planned))
    if wiz.is_last():
        st.markdown(t("När du trycker på knappen fylls den riktiga blanketten i på svenska."))
        failure_notice(t)
        nav_buttons(t, _back, t("Skapa blanketten"), "nav:create", create, today)
    else:
        nav_buttons(t, _back, t("Fortsätt"), "nav:next", _forward, today)
    pause_button(t)                     # issue 16
