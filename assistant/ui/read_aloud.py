"""The "Läs upp" bar: read the page aloud in the visitor's language, slower if asked, and stop.

The speech is made in the helper process (application().receipts.reading) and comes to the page as WAVs inside <audio>
elements' data: URLs: no /media URL the browser could cache, nothing on disk. It comes in two parts so that
the first sound is quick: the page's title alone (played at once), then the rest, which plays when the title
ends. The Swedish staff
lines are read only when staff tick "Läs också svenska". Somali has no offline voice: the bar says so,
in Somali and in English, instead of offering a button that cannot work.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from html import escape
from typing import NamedTuple

import streamlit as st

from assistant.wizard.flow import Wizard, visible_fields
from assistant.wizard.guide import Outcome, Question
from assistant.i18n.translator import Translator
from assistant.i18n.markers import N_
from assistant.definition.model import Form
from assistant.speech.page_texts import guide_texts, next_step_texts, question_texts, review_texts
from assistant.speech.synthesis import SpeechFailed
from assistant.speech.voices import voice_for
from assistant.ui.fields import page_values
from assistant.ui.session import application, visit
from assistant.ui.failure import guarded

AUDIO = "speech:audio"          # the Playing of this visit, if any
WANTED = "speech:wanted"        # "Läs upp" (or a new speed while reading) was pressed: read on this run
SLOW = "speech:slow"
SWEDISH = "speech:sv"
NO_VOICE = N_("Uppläsning finns inte på det här språket. Det finns ingen röst för språket som fungerar utan "
              "internet. Be personalen läsa högt eller ring en tolk.")
FAILED = N_("Det gick inte att läsa upp texten just nu. Försök igen, eller be personalen om hjälp.")
# When the first part ends, the rest takes its place and plays (it is usually there long before: the title
# lasts 1–3 s, the rest is made in some 0.1 s). Only this app's own markup runs here, never visitor text.
CHAIN = ("<script>(function(){var a=document.querySelector('audio.bg-read-aloud'),"
         "b=document.querySelector('audio.bg-read-aloud-rest');if(!a||!b||b.dataset.bgChained)return;"
         "b.dataset.bgChained='1';function next(){a.style.display='none';b.style.display='';"
         "b.play().catch(function(){});}if(a.ended)next();else a.addEventListener('ended',next,{once:true});"
         "})();</script>")

Texts = Callable[[Translator], list[str]]


class Playing(NamedTuple):
    """The reading in the page: which page and texts, the two parts' data: URLs ("" when there is no rest;
    both "" when it failed) and how many times "Läs upp" was pressed (a new press starts it over)."""

    what: str
    first: str
    rest: str
    press: int


def _what(where: str, lang: str, texts: list[str]) -> str:
    """Which reading this is: a new page, language or answer makes the old audio stale."""
    return where + "|" + lang + "|" + hashlib.sha256("\n".join(texts).encode()).hexdigest()


def _url(wav: bytes) -> str:
    return "data:audio/wav;base64," + base64.b64encode(wav).decode() if wav else ""


def _play() -> None:
    st.session_state[WANTED] = True


def _replay_if_playing() -> None:
    """A new speed (or Swedish on or off) while reading: read again with it."""
    if st.session_state.get(AUDIO):
        st.session_state[WANTED] = True


def _stop() -> None:
    st.session_state.pop(AUDIO, None)


def _no_voice(t: Translator) -> None:
    english = Translator.for_code("en")
    lines = [f'<p lang="{escape(t.lang.html_lang)}">{escape(t(NO_VOICE))}</p>']
    if t.lang.code != "en":
        lines.append(f'<p lang="en" dir="ltr">{escape(english(NO_VOICE))}</p>')
    st.markdown(f'<div class="bg-no-voice" role="note">{"".join(lines)}</div>', unsafe_allow_html=True)


def _first_audio(playing: Playing, t: Translator) -> None:
    name = escape(t("Uppläsning"))
    st.html(f'<audio class="bg-read-aloud" controls autoplay data-press="{playing.press}" '
            f'aria-label="{name}" src="{playing.first}"></audio>')


def _rest_audio(playing: Playing, t: Translator) -> None:
    name = escape(t("Uppläsning"))
    st.html(f'<audio class="bg-read-aloud-rest" controls preload="auto" style="display:none" '
            f'data-press="{playing.press}" aria-label="{name}" src="{playing.rest}"></audio>'
            + CHAIN, unsafe_allow_javascript=True)


def _read_now(current: str, press: int, texts: Texts, t: Translator) -> None:
    """Ask the helper for the reading and show its first part as soon as it is back: the page's run sends
    it to the browser, which starts playing, while the rest is made and then sent."""
    sv = Translator.for_code("sv")
    swedish = texts(sv) if st.session_state.get(SWEDISH) and not t.is_source else []
    try:
        job = application().receipts.reading(texts(t), t.lang.code, slow=bool(st.session_state.get(SLOW)),
                                             swedish=swedish)
        playing = Playing(current, _url(job.first()), "", press)
    except SpeechFailed:
        st.session_state[AUDIO] = Playing(current, "", "", press)
        st.info(t(FAILED))
        return
    _first_audio(playing, t)
    try:
        playing = playing._replace(rest=_url(job.rest()))
    except SpeechFailed:
        pass
    if playing.rest:
        _rest_audio(playing, t)
    st.session_state[AUDIO] = playing


def read_aloud(where: str, texts: Texts, t: Translator) -> None:
    """The bar for one page. `texts(translator)` gives what to read, in order, in that translator's language."""
    if voice_for(t.lang.code) is None:
        _no_voice(t)
    else:
        _bar(where, texts, t)


@st.fragment
def _bar(where: str, texts: Texts, t: Translator) -> None:
    """A fragment: pressing its buttons reruns only the bar, not the whole page, so the first part of the
    reading is made and sent right after the press (the page's other elements stay as they are)."""
    current = _what(where, t.lang.code, texts(t))
    wanted = st.session_state.pop(WANTED, False)
    playing: Playing | None = st.session_state.get(AUDIO)
    if playing and playing.what != current:
        st.session_state.pop(AUDIO, None)       # from another page or language: never played here
        playing = None
    with st.container(key="read-aloud", horizontal=True, vertical_alignment="center"):
        st.button(t("Läs upp"), key="speech:play", icon=":material/volume_up:", on_click=guarded(_play))
        st.toggle(t("Långsammare"), key=SLOW, on_change=guarded(_replay_if_playing))
        if not t.is_source:
            st.toggle(t("Läs också svenska"), key=SWEDISH, on_change=guarded(_replay_if_playing),
                      help=t("För personalen: läser också den svenska texten efter ditt språk."))
        if wanted or playing:
            st.button(t("Sluta läsa"), key="speech:stop", icon=":material/stop:", on_click=guarded(_stop))
    if wanted:
        _read_now(current, (playing.press + 1) if playing else 0, texts, t)
    elif playing and not playing.first:
        st.info(t(FAILED))
    elif playing:
        _first_audio(playing, t)
        if playing.rest:
            _rest_audio(playing, t)


def question(wiz: Wizard, t: Translator) -> None:
    """On a question page: title, intro, the notice on the first page, each shown question, help and options."""
    page = wiz.current()

    def texts(tr: Translator) -> list[str]:
        shown = visible_fields(page, {**wiz.answers, **page_values(page)})
        return question_texts(wiz.form, page, shown, tr, first=wiz.progress()[0] == 1, answers=wiz.answers)

    read_aloud("question:" + page.id, texts, t)


def review(wiz: Wizard, t: Translator, today: date) -> None:
    """On "Kontrollera dina svar": every question and its answer (read from this PC only, never stored)."""
    read_aloud("review", lambda tr: review_texts(wiz.form, wiz.answers, tr, today), t)


def next_steps(wiz: Wizard, t: Translator, today: date) -> None:
    """On the result page: who signs, what to attach, where to send it and what happens next (with dates)."""
    read_aloud("result", lambda tr: next_step_texts(wiz.form, wiz.answers, tr, today), t)


def guide(path: Sequence[str], step: Question | Outcome, forms: Mapping[str, Form], t: Translator) -> None:
    """In the guide on the start page: its question and choices, or where they lead."""
    read_aloud("guide:" + "/".join(path), lambda tr: guide_texts(step, forms, tr), t)
