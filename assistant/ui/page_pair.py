"""The visitor's own screen (issue 16): "Visa på besökarens skärm" on the staff screen, and the pairing page
(?skarm=besokare) on a second monitor or a tablet.

Once paired, the second screen shows the shared visit's current question in the visitor's language (large
text unless the visitor turns it off) and, if the staff allow it, answers it; the staff screen shows Swedish.
Each screen polls the visit four times a second and redraws when it changed, so a change on either shows on
the other within a second: a stored answer or another page, and also a tick or typed text not yet sent with
"Fortsätt" (the visit's draft). "Avsluta och radera" ends the pairing, and so does "Koppla från besökarens
skärm"; the second screen then forgets the visit (the staff screen keeps it after a disconnect).
"""
from __future__ import annotations

import io
from datetime import date
from html import escape
from urllib.parse import urlsplit

import segno
import streamlit as st

from assistant.i18n.translator import SOURCE_LANGUAGE, Translator
from assistant.visit.pairing import VISITOR_SESSION_KEY, PairingRefused
from assistant.wizard.repeat import heading
from assistant.wizard.summary import review_groups
from assistant.ui import activity, page_question, page_review
from assistant.ui.look import apply_look
from assistant.ui.parts import step_header
from assistant.ui.session import VISIT, Visit, application, drop_widget_values, extend, take_others_draft, visit
from assistant.ui.failure import guarded

SCREEN_PARAM, SCREEN_VALUE = "skarm", "besokare"
POLL_SECONDS = 0.25      # a fragment run that only compares a string: the other screen follows well within 1 s
SEEN = "pair:seen"
SEEN_PLACE = "pair:seen-place"
CODE_INPUT = "pair:code"
PROBLEM = "pair:problem"
LARGE = "pair:large"
MAY_ANSWER = "pair:may-answer"
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}   # an address only the server itself can open


def place_mark(v: Visit) -> str:
    """What both screens show of the visit but the boxes being filled in, as one string: it changes with every
    stored answer, page or language."""
    w = v.wizard
    pairing = application().pairings.get(v.token)
    state = None if w is None else (w.form.id, w.page, w.from_review, sorted(w.answers.items(), key=lambda kv: kv[0]),
                                    sorted(w.errors), w.warnings)
    return repr((v.lang, v.view, v.documents is not None, state,
                 None if pairing is None else (pairing.joined, bool(pairing.code), pairing.may_answer)))


def visit_mark(v: Visit) -> str:
    """The place and the current page's boxes as they are being filled in (a tick, typed text)."""
    return place_mark(v) + repr(sorted((k, repr(value)) for k, value in v.draft.items()))


def _seen(v: Visit) -> None:
    st.session_state[SEEN] = visit_mark(v)
    st.session_state[SEEN_PLACE] = place_mark(v)


@st.fragment(run_every=POLL_SECONDS)
def _follow(token: str) -> None:
    """Redraw the whole page when the shared visit changed (or was erased) since this screen drew it: another
    page or stored answer redraws every box from the answers; a box filled in on the other screen redraws that
    box only, so what is being typed here stays."""
    v = application().visits.get(token)
    mark = None if v is None else visit_mark(v)
    if mark == st.session_state.get(SEEN):
        return
    if v is None or place_mark(v) != st.session_state.get(SEEN_PLACE):
        drop_widget_values()
    else:
        take_others_draft(v)
    st.rerun(scope="app")


@st.fragment
def _report_typing(v: Visit) -> None:
    """On the visitor's screen: what is typed goes to the shared draft, so the staff screen shows it."""
    reported = activity.report(v)
    if reported is not None:
        activity.keep_typed(v, reported)
        extend(v)
        _seen(v)


def staff_language(v: Visit) -> str:
    """The staff screen is in Swedish while the visitor has a screen of their own."""
    return SOURCE_LANGUAGE if application().pairings.joined(v.token) else v.lang


def _pair_address() -> str:
    """The pairing page's address as the staff PC reaches this server; never the visit's token."""
    url = st.context.url
    if not url:
        return f"/?{SCREEN_PARAM}={SCREEN_VALUE}"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}?{SCREEN_PARAM}={SCREEN_VALUE}"


def client_ip() -> str:
    """This browser's address. Streamlit gives None for a browser on the server itself (loopback)."""
    return st.context.ip_address or "127.0.0.1"


def _offer() -> None:
    application().pairings.offer(visit().token, client_ip())


def _end() -> None:
    application().pairings.end(visit().token)


def _set_may_answer() -> None:
    pairing = application().pairings.get(visit().token)
    if pairing is not None:
        pairing.may_answer = bool(st.session_state.get(MAY_ANSWER))


def staff_panel(v: Visit, t: Translator) -> None:
    """Under the toolbar of the staff screen: offer a code, show it, or the paired screen's settings."""
    pairing = application().pairings.get(v.token)
    if pairing is None or not (pairing.joined or application().pairings.seconds_left(v.token)):
        st.button(t("Visa på besökarens skärm"), key="pair:offer", on_click=guarded(_offer), type="tertiary",
                  help=t("Besökaren kan följa och svara på en egen skärm, på sitt eget språk."))
        return
    with st.container(border=True, key="pair-panel"):
        if pairing.joined:
            st.markdown(t("Besökarens skärm är kopplad. Den visar samma besök på besökarens språk."))
            st.session_state[MAY_ANSWER] = pairing.may_answer
            st.toggle(t("Besökaren får svara på sin skärm"), key=MAY_ANSWER, on_change=guarded(_set_may_answer))
            st.button(t("Koppla från besökarens skärm"), key="pair:end", on_click=guarded(_end))
        else:
            address = _pair_address()
            code = pairing.code or ""
            qr = io.BytesIO()
            segno.make(address, error="m").save(qr, kind="png", scale=5, border=2)
            st.markdown(t("Öppna adressen på besökarens skärm och skriv koden. Koden gäller i två minuter och "
                          "bara en gång."))
            st.html(f'<p class="bg-pair-code" id="bg-pair-code" lang="sv" dir="ltr" '
                    f'style="font-size:2.4rem;font-weight:700;letter-spacing:0.15em;margin:0">'
                    f'{escape(code[:3])} {escape(code[3:])}</p>'
                    f'<p dir="ltr" style="margin:0.3rem 0"><code>{escape(address)}</code></p>')
            st.image(qr.getvalue(), width=180, alt=t("QR-kod med adressen till besökarens skärm"))
            if urlsplit(address).hostname in LOCAL_NAMES:
                st.warning(t("Adressen fungerar bara på den här datorn. Öppna Blankettguiden med datorns adress i "
                             "nätverket, så fungerar den också på en surfplatta."))
            st.button(t("Avbryt"), key="pair:cancel", on_click=guarded(_end))
    _seen(v)
    _follow(v.token)


def after_run(v: Visit) -> None:
    """At the end of the staff screen's run (and after its typing was reported): remember what was drawn, so
    the poll sees the next change."""
    if application().pairings.get(v.token) is not None:
        _seen(v)


# --- the visitor's screen -------------------------------------------------------------------------------

def _forget_screen() -> None:
    for key in list(st.session_state.keys()):
        del st.session_state[key]


def _join() -> None:
    code = str(st.session_state.get(CODE_INPUT) or "")
    st.session_state[CODE_INPUT] = ""
    try:
        pairing = application().pairings.join(code, client_ip())
    except PairingRefused as refused:
        st.session_state[PROBLEM] = refused.reason
        return
    shared = application().visits.get(pairing.token)
    if shared is None:
        application().pairings.end(pairing.token)
        st.session_state[PROBLEM] = "ended"
        return
    st.session_state[VISITOR_SESSION_KEY] = pairing.token
    st.session_state[VISIT] = shared


def _problem(reason: str, t: Translator) -> str:
    return {
        "wrong": t("Koden stämmer inte. Kontrollera siffrorna, eller be personalen om en ny kod."),
        "expired": t("Koden gäller inte längre. Be personalen om en ny kod."),
        "network": t("Den här skärmen är inte på kontorets nätverk, så den kan inte kopplas."),
        "locked": t("För många fel koder. Vänta två minuter och försök igen."),
        "ended": t("Besöket är avslutat och raderat. Skärmen är tom."),
        "unpaired": t("Personalen har kopplat från den här skärmen. Besöket fortsätter på personalens skärm. "
                      "Här syns ingenting av det."),
    }[reason]


def _enter_code() -> None:
    t = Translator.for_code(SOURCE_LANGUAGE)
    apply_look(t.lang, True)
    st.title(t("Besökarens skärm"), anchor=False)
    problem = st.session_state.pop(PROBLEM, None)
    if problem in ("ended", "unpaired"):
        st.info(_problem(problem, t))
    elif problem:
        st.error(_problem(problem, t))
    st.markdown(t("Skriv koden som visas på personalens skärm."))
    with st.form("pair-form", enter_to_submit=True):
        st.text_input(t("Kod"), key=CODE_INPUT, max_chars=7, autocomplete="off")
        st.form_submit_button(t("Koppla skärmen"), type="primary", on_click=guarded(_join))


def _follow_only(v: Visit, t: Translator, today: date) -> None:
    """The staff chose that the visitor only follows: the question and its answers so far, as text."""
    wiz = v.wizard
    assert wiz is not None
    step_header(wiz, t)
    st.title(heading(wiz.current(), wiz.answers, t.text) if not wiz.on_review else t("Kontrollera dina svar"),
             anchor=False)
    groups = [g for g in review_groups(wiz.form, wiz.answers, t, today) if wiz.on_review or g.page_id == wiz.page]
    rows = "".join(f"<dt>{escape(r.label)}</dt><dd><bdi dir='auto'>{escape(r.value)}</bdi></dd>"
                   for g in groups for r in g.rows)
    if rows:
        st.html(f'<dl class="bg-review">{rows}</dl>')
    st.markdown(t("Personalen fyller i svaren. Säg till om något är fel."))


def visitor_screen(today: date) -> bool:
    """Draw the visitor's screen if this session is one (or opens the pairing page); False otherwise."""
    token = st.session_state.get(VISITOR_SESSION_KEY)
    if token is None and st.query_params.get(SCREEN_PARAM) != SCREEN_VALUE:
        return False
    shared = application().visits.get(token) if token else None
    if token and (shared is None or not application().pairings.joined(token)):
        _forget_screen()            # the visit was erased or the pairing ended: nothing of it stays here
        st.session_state[PROBLEM] = "ended" if shared is None else "unpaired"
        shared = None
    if shared is None:
        _enter_code()
        return True
    st.session_state[VISIT] = shared        # the pages' callbacks (visit()) act on the shared visit
    extend(shared)
    t = Translator.for_code(shared.lang)
    st.session_state.setdefault(LARGE, True)
    apply_look(t.lang, st.session_state[LARGE])
    st.toggle(t("Stor text"), key=LARGE)
    pairing = application().pairings.get(shared.token)
    wiz = shared.wizard
    if wiz is None or shared.view != "form":
        st.title(t("Besökarens skärm"), anchor=False)
        st.markdown(t("Frågorna visas här när personalen har valt en blankett."))
    elif shared.documents is not None:
        st.title(t("Blanketten är klar"), anchor=False)
        st.markdown(t("Personalen skriver ut blanketten. Läs igenom den innan du skriver under."))
    elif pairing is not None and not pairing.may_answer:
        _follow_only(shared, t, today)
    elif wiz.on_review:
        page_review.show(shared, t, today)
    else:
        page_question.show(shared, t, today)
        _report_typing(shared)
    _seen(shared)
    _follow(shared.token)
    return True
