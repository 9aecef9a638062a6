"""Pausa och fortsätt senare: the visit's answers on a printed sheet, sealed in QR codes; then erase.

The sheet is made in this session's memory and handed to the browser; the server keeps nothing of it. It
is held in the session only until the visit is erased (erase clears every session key).
"""
from __future__ import annotations

import base64
from datetime import date
from html import escape

import streamlit as st

from assistant.i18n.translator import Translator
from assistant.visit.pairing import VISITOR_SESSION_KEY
from assistant.pdf.render import render_png_pages
from assistant.paper.receipt_worker import ReceiptFailed
from assistant.resume.handover import Sheet, make_sheet
from assistant.resume.key import KeyProblem
from assistant.resume.seal import SheetError
from assistant.settings import settings
from assistant.ui.erase_dialog import ask_erase
from assistant.ui.failure import guarded
from assistant.ui.fields import page_values
from assistant.ui.handover import download_button, print_button
from assistant.ui.pause_key import pause_key
from assistant.ui.session import Visit, application, visit

SHEET = "pause:sheet"       # (the wizard it was made of, (language, day), the Sheet, its preview)
VIEW = "pause"


def _pause() -> None:
    """Keep what was typed on this page (valid or not: it is continued there), then open the pause page."""
    v = visit()
    if v.wizard is not None and not v.wizard.on_review:
        v.wizard = v.wizard.with_answers(page_values(v.wizard.current()))
    v.view = VIEW


def pause_button(t: Translator) -> None:
    """The button on the question and review pages (not on the visitor's own screen: the staff pause)."""
    if st.session_state.get(VISITOR_SESSION_KEY):
        return
    st.button(t("Pausa och fortsätt senare"), key="pause:open", on_click=guarded(_pause), type="tertiary",
              help=t("Skriv ut ett papper med dina svar i en kod. Fortsätt en annan dag."))


def _sheet(v: Visit, today: date) -> tuple[Sheet, bytes]:
    """The sheet of the visit as it stands now; made again only when the answers or the language changed."""
    assert v.wizard is not None
    held = st.session_state.get(SHEET)
    if held is None or held[0] is not v.wizard or held[1] != (v.lang, today):
        sheet = make_sheet(v.wizard, v.lang, v.large_text, pause_key(), today, settings().pause_days,
                           render=application().receipts.sheet)
        held = (v.wizard, (v.lang, today), sheet, render_png_pages(sheet.pdf, dpi=60)[0])
        st.session_state[SHEET] = held
    return held[2], held[3]


def show(v: Visit, t: Translator, today: date) -> None:
    st.title(t("Pausa och fortsätt senare"), anchor=False)
    if v.wizard is None:
        st.info(t("Det finns inget att pausa. Välj en blankett först."))
        return
    try:
        sheet, preview = _sheet(v, today)
    except SheetError:
        st.error(t("Svaren får inte plats på ett papper. Gör klart blanketten i dag, eller gör de längsta "
                   "svaren kortare."))
        return
    except ReceiptFailed:
        st.error(t("Papperet kunde inte göras just nu. Dina svar finns kvar. Gå tillbaka till frågorna och "
                   "försök igen om en stund."))
        return
    except KeyProblem as exc:
        st.error(t("Papperet kan inte göras: nyckeln i %(file)s är fel. Be IT rätta den.",
                   file=".streamlit/secrets.toml"))
        with st.expander(t("För personalen")):
            st.code(str(exc), language=None)
        return
    st.markdown(t("Skriv ut papperet och ta med det nästa gång. Dina svar finns bara i koden på papperet, "
                  "krypterade. Här sparas ingenting."))
    st.markdown(t("Papperet gäller till och med %(until)s.", until=t.date(sheet.expires)))
    left, right = st.columns(2)
    with left:   # in the page, like the filled form: no /media address the browser could keep (handover.py)
        download_button(t("Ladda ner papperet (PDF)"), sheet.pdf, f"fortsatt-senare-{v.wizard.form.id}.pdf",
                        "pause:download", primary=True, print_source=True)
    with right:
        print_button(t, failed=t("Fliken med papperet gick inte att öppna. Tryck på Ladda ner papperet (PDF) "
                                 "och skriv ut filen, eller be personalen om hjälp."))
    st.markdown(t("När papperet är utskrivet: tryck på Avsluta och radera. Då finns dina svar bara på papperet."))
    if st.button(t("Avsluta och radera"), key="pause:erase", width="stretch"):
        ask_erase(t)
    alt = escape(t("Papperet Fortsätt senare, som det skrivs ut"))
    st.html(f'<img class="bg-sheet-preview" style="width:100%" alt="{alt}" '
            f'src="data:image/png;base64,{base64.b64encode(preview).decode("ascii")}">')
