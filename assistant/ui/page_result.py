"""The filled form: pages on screen, download, print, who signs, what to attach, where to send it."""
from __future__ import annotations

import time
from datetime import date
from html import escape

import streamlit as st

from assistant.wizard.flow import shown
from assistant.i18n.translator import Translator
from assistant.wizard.next_steps import dated
from assistant.paper.printing import PrintError, print_pdf, printer_available
from assistant.paper.receipt_worker import ReceiptFailed
from assistant.settings import settings
from assistant.ui import previews, read_aloud
from assistant.ui.erase_dialog import ask_erase
from assistant.ui.handover import download_button, print_button
from assistant.ui.session import Visit, application, erase_visit, visit
from assistant.ui.failure import guarded


RECEIPT_WAIT_SECONDS = 0.0     # a receipt takes 0.2–0.3 s: the page is drawn without it, its button comes after
REPRINT_SECONDS = 30.0         # a second "Skriv ut" sooner than this is a double click, not a wish for two


def _back_to_review() -> None:
    v = visit()
    v.documents = None
    if v.receipt is not None:
        v.receipt.forget()
    v.receipt = None
    v.previews = None
    previews.forget()
    v.printed_at = None


@st.cache_data(ttl=30, show_spinner=False)
def _printer_ready(name: str) -> bool:
    """lpstat at most every 30 s (a printer's name and state: no personal data in the shared cache)."""
    return printer_available(name)


def _printer_button(v: Visit, pdf: bytes, t: Translator) -> None:
    """On a staff PC with CUPS: "Skriv ut" sends the print version to the library's printer (skrivare: in
    config/municipality.yaml). Without CUPS or a configured printer nothing is shown: the browser route stays.
    A second press within REPRINT_SECONDS prints nothing: a double click must not leave a second copy of
    someone's health details on a shared printer."""
    printer = settings().printer
    if not printer or not _printer_ready(printer):
        return
    if st.button(t("Skriv ut"), key="result:print", type="primary", width="stretch"):
        if v.printed_at is not None and time.monotonic() - v.printed_at < REPRINT_SECONDS:
            st.info(t("Blanketten skickades nyss till skrivaren. Vill du ha en kopia till? Vänta en halv minut "
                      "och tryck igen."))
            return
        try:
            print_pdf(pdf, printer)
        except PrintError as exc:
            st.error(t("Utskriften gick inte. Använd knappen Öppna för utskrift i stället, eller be personalen om hjälp."))
            with st.expander(t("För personalen")):
                st.code(str(exc), language=None)
        else:
            v.printed_at = time.monotonic()
            st.success(t("Blanketten skickades till skrivaren %(printer)s.", printer=printer))


def _receipt_button(v: Visit, t: Translator, today: date) -> None:
    """The receipt is made in the helper process from the moment "Skapa blanketten" is pressed (again
    if the visitor changes language here). Waiting for it holds up no other visitor."""
    wiz = v.wizard
    assert wiz is not None
    if v.receipt is None or v.receipt.lang != v.lang:
        if v.receipt is not None:
            v.receipt.forget()
        v.receipt = application().receipts.submit(wiz.form, wiz.answers, v.lang, today, large=v.large_text)
    if not v.receipt.ready(RECEIPT_WAIT_SECONDS):
        _receipt_pending()
        return
    try:
        pdf = v.receipt.result()
    except ReceiptFailed:
        st.info(t("Kvittot kunde inte skapas. Blanketten fungerar ändå."))
        return
    download_button(t("Kvitto på ditt språk (PDF)"), pdf, f"kvitto-{wiz.form.id}.pdf", "result:receipt")


@st.fragment(run_every=0.5)
def _receipt_pending() -> None:
    """When many receipts are asked for at once they queue in the helper: the page shows without them
    and the receipt's button comes as soon as it is made."""
    v = visit()
    if v.receipt is None or v.receipt.ready():
        st.rerun(scope="app")
    t = Translator.for_code(v.lang)
    st.button(t("Kvittot görs nu …"), key="result:receipt-pending", disabled=True, width="stretch")


def _bullets(items: list[str]) -> None:
    if items:
        st.markdown("\n".join(f"- {escape(i)}" for i in items))


def show(v: Visit, t: Translator, today: date) -> None:
    wiz, docs = v.wizard, v.documents
    assert wiz is not None and docs is not None
    form, answers = wiz.form, wiz.answers
    if form.summary_only:
        st.title(t("Sammanfattningen är klar"), anchor=False)
        st.markdown(t("Skriv ut sammanfattningen och ta med den. Den hjälper dig när du ansöker."))
        st.info(t.text(form.notice))
    else:
        st.title(t("Blanketten är klar"), anchor=False)
        st.markdown(t("Skriv ut blanketten. Läs igenom den en gång till. Skriv sedan under med penna."))
    _printer_button(v, docs.print_pdf, t)
    if docs.continued:
        st.warning(t("Några svar fick inte plats i rutorna. De står på en extra sida (bilaga) sist i blanketten:"))
        _bullets([c.label + " (" + t("bilaga %(n)s", n=c.number) + ")" for c in docs.continued])
    col1, col2 = st.columns(2)
    with col1:
        download_button(t("Ladda ner blanketten (PDF)"), docs.print_pdf, f"{form.id}.pdf", "result:download",
                        primary=True, print_source=True)
    with col2:
        print_button(t)
    _receipt_button(v, t, today)
    read_aloud.next_steps(wiz, t, today)
    st.header(t("Vem godkänner ansökan") if form.summary_only else t("Vem skriver under"), anchor=False)
    _bullets([t.text(s.text) for s in form.signatures if shown(s.show_if, answers)])
    st.markdown(t("Personalen skriver aldrig under åt dig."))
    attachments = [t.text(a.text) for a in form.attachments if shown(a.show_if, answers)]
    if attachments:
        st.header(t("Skicka med"), anchor=False)
        _bullets(attachments)
    if form.send_to:
        st.header(t("Så ansöker du") if form.summary_only else t("Så lämnar du in blanketten"), anchor=False)
        st.markdown(escape(t.text(form.send_to)))
    steps = [dated(s, t, today) for s in form.next_steps if shown(s.show_if, answers)]
    if steps:
        st.header(t("Vad händer sedan?"), anchor=False)
        _bullets(steps)
    st.header(t("Så här ser blanketten ut"), anchor=False)
    previews.show(v, t)
    back, finish = st.columns(2)
    with back:
        st.button(t("Tillbaka till svaren"), key="result:back", on_click=guarded(_back_to_review), width="stretch")
    with finish:
        if st.button(t("Klar – radera allt"), key="result:finish", type="primary", width="stretch"):
            if v.printed_at is None:    # not printed yet: ask first; after printing, "Klar" erases at once
                ask_erase(t)
            else:
                erase_visit()
                st.rerun()
