"""The "Läs upp" bar: read the page aloud in the visitor's language, slower if asked, and stop.

The speech is made in the helper process (RECEIPTS.speech) and comes to the page as a WAV inside an
<audio> element's data: URL: no /media URL the browser could cache, nothing on disk. The Swedish staff
lines are read only when staff tick "Läs också svenska". Somali has no offline voice: the bar says so,
in Somali and in English, instead of offering a button that cannot work.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from html import escape

import streamlit as st

from assistant.flow import Wizard, visible_fields
from assistant.guide import Outcome, Question
from assistant.i18n import Translator
from assistant.i18n_markers import N_
from assistant.model import Form
from assistant.speech.page_texts import guide_texts, next_step_texts, question_texts, review_texts
from assistant.speech.synthesis import SpeechFailed
from assistant.speech.voices import voice_for
from assistant.ui.fields import page_values
from assistant.ui.session import RECEIPTS, visit

AUDIO = "speech:audio"          # (which page and texts, data: URL) of the reading being played
SLOW = "speech:slow"
SWEDISH = "speech:sv"
NO_VOICE = N_("Uppläsning finns inte på det här språket. Det finns ingen röst för språket som fungerar utan "
              "internet. Be personalen läsa högt eller ring en tolk.")

Texts = Callable[[Translator], list[str]]


def _what(where: str, lang: str, texts: list[str]) -> str:
    """Which reading this is: a new page, language or answer makes the old audio stale."""
    return where + "|" + lang + "|" + hashlib.sha256("\n".join(texts).encode()).hexdigest()


def _play(where: str, texts: Texts) -> None:
    v = visit()
    t, sv = Translator.for_code(v.lang), Translator.for_code("sv")
    mine = texts(t)
    swedish = texts(sv) if st.session_state.get(SWEDISH) and not t.is_source else []
    try:
        wav = RECEIPTS.speech(mine, v.lang, slow=bool(st.session_state.get(SLOW)), swedish=swedish)
    except SpeechFailed:
        st.session_state[AUDIO] = (_what(where, v.lang, mine), "")
        return
    st.session_state[AUDIO] = (_what(where, v.lang, mine), "data:audio/wav;base64," + base64.b64encode(wav).decode())


def _replay_if_playing(where: str, texts: Texts) -> None:
    """A new speed (or Swedish on or off) while reading: read again with it."""
    if st.session_state.get(AUDIO):
        _play(where, texts)


def _stop() -> None:
    st.session_state.pop(AUDIO, None)


def _no_voice(t: Translator) -> None:
    english = Translator.for_code("en")
    lines = [f'<p lang="{escape(t.lang.html_lang)}">{escape(t(NO_VOICE))}</p>']
    if t.lang.code != "en":
        lines.append(f'<p lang="en" dir="ltr">{escape(english(NO_VOICE))}</p>')
    st.markdown(f'<div class="bg-no-voice" role="note">{"".join(lines)}</div>', unsafe_allow_html=True)


def read_aloud(where: str, texts: Texts, t: Translator) -> None:
    """The bar for one page. `texts(translator)` gives what to read, in order, in that translator's language."""
    if voice_for(t.lang.code) is None:
        _no_voice(t)
        return
    args = (where, texts)
    with st.container(key="read-aloud", horizontal=True, vertical_alignment="center"):
        st.button(t("Läs upp"), key="speech:play", icon=":material/volume_up:", on_click=_play, args=args)
        st.toggle(t("Långsammare"), key=SLOW, on_change=_replay_if_playing, args=args)
        if not t.is_source:
            st.toggle(t("Läs också svenska"), key=SWEDISH, on_change=_replay_if_playing, args=args,
                      help=t("För personalen: läser också den svenska texten efter ditt språk."))
        playing = st.session_state.get(AUDIO)
        current = _what(where, t.lang.code, texts(t))
        if playing and playing[0] == current:
            st.button(t("Sluta läsa"), key="speech:stop", icon=":material/stop:", on_click=_stop)
    if not playing:
        return
    if playing[0] != current:
        st.session_state.pop(AUDIO, None)       # from another page or language: never played here
    elif not playing[1]:
        st.info(t("Det gick inte att läsa upp texten just nu. Försök igen, eller be personalen om hjälp."))
    else:
        name = escape(t("Uppläsning"))
        st.html(f'<audio class="bg-read-aloud" controls autoplay aria-label="{name}" src="{playing[1]}"></audio>')


def question(wiz: Wizard, t: Translator) -> None:
    """On a question page: title, intro, the notice on the first page, each shown question, help and options."""
    page = wiz.current()

    def texts(tr: Translator) -> list[str]:
        shown = visible_fields(page, {**wiz.answers, **page_values(page)})
        return question_texts(wiz.form, page, shown, tr, first=wiz.progress()[0] == 1)

    read_aloud("question:" + page.id, texts, t)


def review(wiz: Wizard, t: Translator, today: date) -> None:
    """On "Kontrollera dina svar": every question and its answer (read from this PC only, never stored)."""
    read_aloud("review", lambda tr: review_texts(wiz.form, wiz.answers, tr, today), t)


def next_steps(wiz: Wizard, t: Translator) -> None:
    """On the result page: who signs, what to attach, where to send it and what happens next."""
    read_aloud("result", lambda tr: next_step_texts(wiz.form, wiz.answers, tr), t)


def guide(path: Sequence[str], step: Question | Outcome, forms: Mapping[str, Form], t: Translator) -> None:
    """In the guide on the start page: its question and choices, or where they lead."""
    read_aloud("guide:" + "/".join(path), lambda tr: guide_texts(step, forms, tr), t)
