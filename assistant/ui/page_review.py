"""Check your answers: every answer under its question, a change link per page, then create the form."""
from __future__ import annotations

from datetime import date
from html import escape

import streamlit as st

from assistant.documents import build_documents, planned_bilaga
from assistant.flow import first_incomplete_page
from assistant.i18n import Translator
from assistant.i18n_markers import N_
from assistant.pdf.render import render_png_pages
from assistant.summary import review_groups
from assistant.ui import read_aloud
from assistant.ui.fields import swedish
from assistant.ui.page_pause import pause_button
from assistant.ui.parts import nav_buttons, step_header
from assistant.ui.session import RECEIPTS, Visit, count_outcome, forget_widgets, visit


REVIEW_TITLE = N_("Kontrollera dina svar")


def _change(page_id: str) -> None:
    v = visit()
    assert v.wizard is not None
    forget_widgets()
    v.wizard = v.wizard.change(page_id)


def _back() -> None:
    v = visit()
    assert v.wizard is not None
    v.wizard = v.wizard.back({})


def _create(today: date) -> None:
    v = visit()
    wiz = v.wizard
    assert wiz is not None
    v.documents = build_documents(wiz.form, wiz.answers, today, make_summary=RECEIPTS.swedish_summary)
    v.receipt = RECEIPTS.submit(wiz.form, wiz.answers, v.lang, today)   # made meanwhile, in the helper process
    v.previews = render_png_pages(v.documents.print_pdf, dpi=70)
    count_outcome(v, completed=True)


def as_html(text: str) -> str:
    """Visitor text as HTML text: escaped, line breaks as <br>. It is never parsed as Markdown (a blank
    line used to end the HTML block, and what followed became a heading, a link or a fetched image)."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _value(text: str, ltr: bool) -> str:
    return (f'<span class="bg-ltr" dir="ltr">{as_html(text)}</span>' if ltr
            else f'<bdi dir="auto">{as_html(text)}</bdi>')


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
    show_sv = v.show_swedish and not t.is_source
    for group in review_groups(wiz.form, wiz.answers, t, today):
        with st.container(border=True, key=f"review-{group.page_id.replace('.', '-')}"):
            st.subheader(group.title, anchor=False)
            rows = []
            for row in group.rows:
                # The Swedish lines go inside <dt>/<dd>: a <dl> may only hold dt and dd (axe: definition-list).
                sv_label = f'<span class="bg-sv" lang="sv" dir="ltr">{escape(row.label_sv)}</span>' if show_sv else ""
                sv_value = (f'<span class="bg-sv" lang="sv" dir="ltr">{as_html(row.value_sv)}</span>'
                            if show_sv and row.value_sv != row.value else "")
                rows.append(f"<dt>{escape(row.label)}{sv_label}</dt><dd>{_value(row.value, row.ltr)}{sv_value}</dd>")
            st.html(f'<dl class="bg-review">{"".join(rows)}</dl>')
            st.button(t("Ändra"), key=f"change:{group.page_id}", on_click=_change, args=(group.page_id,),
                      help=t("Ändra: %(what)s", what=group.title))
    planned = planned_bilaga(wiz.form, wiz.answers, today)
    if planned:
        st.warning(t("Några svar får inte plats i rutorna på blanketten. De skrivs ut på en bilaga sist i blanketten:"))
        st.markdown("\n".join(f"- {escape(c.label)}" for c in planned))
    st.markdown(t("När du trycker på knappen fylls den riktiga blanketten i på svenska."))
    nav_buttons(t, _back, t("Skapa blanketten"), "nav:create", _create, today)
    pause_button(t)                     # issue 16
