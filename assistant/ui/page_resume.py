"""Fortsätt en påbörjad ansökan: read a pause sheet's codes (webcam, photo or the downloaded PDF) and
continue the visit on the page where it stopped, in the visitor's language.

The picture is read in this run and then dropped; only the codes of a sheet with more than one code are held
in the session until the others are read.
"""
from __future__ import annotations

import time
from datetime import date

import streamlit as st

from assistant.i18n.translator import Translator
from assistant.definition.loader import FormLibrary
from assistant.resume.handover import open_codes
from assistant.resume.key import KeyProblem
from assistant.ui.pause_key import pause_key
from assistant.resume.scan import Unreadable, codes_in_file
from assistant.resume.seal import SheetError
from assistant.ui.session import application, forget_widgets, visit
from assistant.ui.failure import guarded

VIEW = "resume"
PARTS = "resume:parts"
PROBLEM = "resume:problem"
CAMERA, FILE = "resume:camera", "resume:file"


def _open() -> None:
    visit().view = VIEW


def start_button(t: Translator) -> None:
    """On the start page."""
    st.button(t("Fortsätt en påbörjad ansökan"), key="resume:open", on_click=guarded(_open),
              help=t("Har du ett papper Fortsätt senare? Fortsätt där du slutade."))


def _problem(error: SheetError, t: Translator) -> str:
    if error.reason == "incomplete":
        return t("Kod %(found)s av %(needed)s är läst. Visa de andra koderna på papperet också.",
                 found=error.found, needed=error.needed)
    if error.reason == "expired" and error.expired_on is not None:
        return t("Papperet gäller inte längre. Det gällde till och med %(until)s. Börja om med en ny blankett.",
                 until=t.date(error.expired_on))
    if error.reason == "foreign":
        return t("Papperet är gjort hos en annan kommun, eller innan nyckeln byttes. Det kan inte öppnas här.")
    if error.reason == "damaged":
        return t("Koden är ändrad eller skadad, så den kan inte användas. Börja om med en ny blankett.")
    if error.reason == "unknown_form":
        return t("Blanketten på papperet finns inte här längre. Börja om med en ny blankett.")
    return t("Ingen kod från Blankettguiden hittades. Håll koden närmare kameran, rakt och stilla, i bra ljus.")


def _read(source: str, lib: FormLibrary, today: date) -> None:
    """on_change of the camera and the file picker: runs before the page is drawn, so the language and
    text size of the toolbar can still be set to the visitor's."""
    upload = st.session_state.get(source)
    if upload is None:
        return
    v = visit()
    t = Translator.for_code(v.lang)
    try:
        codes = codes_in_file(upload.getvalue())
    except Unreadable:
        st.session_state[PROBLEM] = t("Filen kunde inte läsas. Välj PDF-filen från Blankettguiden eller en bild "
                                      "av papperet.")
        return
    codes = [*st.session_state.get(PARTS, []), *codes]
    try:
        paused, wizard = open_codes(codes, pause_key(), lib, today)
    except SheetError as error:
        st.session_state[PARTS] = codes if error.reason == "incomplete" else []
        st.session_state[PROBLEM] = _problem(error, t)
        return
    except KeyProblem:
        st.session_state[PROBLEM] = t("Papperet kan inte läsas: nyckeln i %(file)s är fel. Be IT rätta den.",
                                      file=".streamlit/secrets.toml")
        return
    forget_widgets()
    for key in (PARTS, PROBLEM):
        st.session_state.pop(key, None)
    v.lang, v.large_text = paused.lang, paused.large_text
    st.session_state["ui:lang"], st.session_state["ui:large"] = paused.lang, paused.large_text
    v.wizard, v.documents, v.view = wizard, None, "form"
    v.form_started, v.outcome_counted = time.monotonic(), False
    application().stats.started(wizard.form.id, v.lang, today)


def show(lib: FormLibrary, t: Translator, today: date) -> None:
    st.title(t("Fortsätt en påbörjad ansökan"), anchor=False)
    st.markdown(t("Håll koden på papperet Fortsätt senare framför kameran och ta en bild. Du kan också välja "
                  "den nedladdade PDF-filen eller en bild av papperet."))
    problem = st.session_state.pop(PROBLEM, None)
    if problem:
        st.error(problem)
    if st.toggle(t("Använd kameran"), key="resume:use-camera"):      # the webcam is on only when asked for
        st.camera_input(t("Kameran"), key=CAMERA, on_change=guarded(_read), args=(CAMERA, lib, today))
    st.file_uploader(t("Papperet som fil (PDF eller bild)"), type=["pdf", "png", "jpg", "jpeg"], key=FILE,
                     on_change=guarded(_read), args=(FILE, lib, today))
    st.markdown(t("Koden läses här och glöms sedan. Bilden sparas inte."))
