"""The Streamlit app: the frame around every page (language, large text, end-and-erase) and routing."""
from __future__ import annotations

from datetime import date

import streamlit as st

from assistant.i18n.translator import LANGUAGES, Translator, language
from assistant.ui import activity, page_accessibility, page_question, page_result, page_review, page_staff, page_start
from assistant.ui import page_pair, page_pause, page_resume
from assistant.ui.erase_dialog import ask_erase, erase_if_confirmed
from assistant.ui.fields import page_values
from assistant.ui.look import apply_look
from assistant.ui.failure import guarded
from assistant.ui.session import VISIT, application, erase_visit, extend, forget_widgets, idle, mark_active, visit
from assistant.visit.store import WARN_BEFORE_SECONDS, warn_seconds

WATCH_SECONDS = 4      # how soon another tab shows the start page after an erase


def today() -> date:
    return date.today()


def _switch_language() -> None:
    v = visit()
    if v.wizard is not None and not v.wizard.on_review:
        v.wizard = v.wizard.with_answers(page_values(v.wizard.current()))
    v.lang = st.session_state["ui:lang"]
    forget_widgets()


def _back_to_forms() -> None:
    visit().view = "form"


def _open_accessibility() -> None:
    visit().view = "accessibility"


def _set_large_text() -> None:
    visit().large_text = st.session_state["ui:large"]


def _set_show_swedish() -> None:
    visit().show_swedish = st.session_state["ui:sv"]


def _toolbar(t: Translator) -> None:
    v = visit()
    codes = [lang.code for lang in LANGUAGES]
    st.session_state.setdefault("ui:lang", v.lang)
    st.session_state.setdefault("ui:large", v.large_text)
    st.session_state.setdefault("ui:sv", v.show_swedish)
    own = t("Språk")
    label = " / ".join(dict.fromkeys([own, "Språk", "Language"]))
    left, middle, right = st.columns([3, 2, 2], vertical_alignment="bottom")
    with left:
        st.selectbox(label, codes, key="ui:lang", placeholder=label,
                     format_func=lambda c: language(c).display_name, on_change=guarded(_switch_language))
    with middle:
        st.toggle(t("Stor text"), key="ui:large", on_change=guarded(_set_large_text))
        if t.lang.locale != "sv":      # lättläst is Swedish: no second Swedish text
            st.toggle(t("Visa svenska för personalen"), key="ui:sv", on_change=guarded(_set_show_swedish))
    with right:
        if st.button(t("Avsluta och radera"), key="ui:erase",
                     help=t("Tar bort allt du har skrivit. Nästa besökare ser ingenting."), width="stretch"):
            ask_erase(t)


def idle_warning(t: Translator, seconds: float) -> str:
    """The warning says the time that is really left (a limit under two minutes warns for half of it)."""
    if seconds >= WARN_BEFORE_SECONDS:
        return t("Är du kvar? Om en minut raderas allt du har skrivit, så att nästa besökare inte ser det.")
    return t("Är du kvar? Om %(seconds)s sekunder raderas allt du har skrivit, så att nästa besökare inte ser det.",
             seconds=round(seconds))


@st.fragment(run_every=WATCH_SECONDS)
def _idle_watch() -> None:
    """Every few seconds, and on every activity the page reports: show the start page at once when the visit
    was erased in another tab (or expired), keep the visit on while someone types, scrolls or points, and
    warn in the last minute before an idle visit is erased, with a button for more time."""
    held = st.session_state.get(VISIT)
    v = visit()
    if v is not held:
        st.rerun(scope="app")
    reported = activity.report(v)
    if reported is not None:
        mark_active(v)
        activity.keep_typed(v, reported)
        page_pair.after_run(v)          # this screen's own typing is no change to follow
    if v.wizard is None:
        return
    t = Translator.for_code(v.lang)
    state = idle(v)
    if state == "expired":
        erase_visit()
        st.rerun(scope="app")
    elif state == "warn":
        # Fixed on screen (look.py), wherever the visitor has scrolled; st.warning is a role="alert".
        with st.container(key="idle-warning"):
            st.warning(idle_warning(t, warn_seconds(application().visits.limit_seconds)))
            st.button(t("Jag behöver mer tid"), key="ui:more-time", on_click=guarded(extend), args=(v,), type="primary")


def main() -> None:
    st.set_page_config(page_title="Blankettguiden", page_icon=None, layout="centered",
                       initial_sidebar_state="collapsed", menu_items={})
    application().receipts.start()
    if page_pair.visitor_screen(today()):      # issue 16: the visitor's own screen shows only the shared visit
        return
    erase_if_confirmed()
    v = visit()
    mark_active(v)
    t = Translator.for_code(page_pair.staff_language(v))     # Swedish while the visitor has a screen
    apply_look(t.lang, v.large_text)
    _toolbar(t)
    _idle_watch()
    page_pair.staff_panel(v, t)
    lib = application().forms()
    if v.view != "form":
        st.button(t("Tillbaka till blanketterna"), key="view:back", on_click=guarded(_back_to_forms))
        if v.view == "staff":
            page_staff.show(t, application().stats, application().forms)
        elif v.view == "accessibility":
            page_accessibility.show(t)
        elif v.view == page_pause.VIEW:          # issue 16: pause on a sheet, continue from it
            page_pause.show(v, t, today())
        elif v.view == page_resume.VIEW:
            page_resume.show(lib, t, today())
    elif v.documents is not None and v.wizard is not None:
        page_result.show(v, t, today())
    elif v.wizard is None:
        page_start.show(lib, v, t, today())
        page_resume.start_button(t)             # issue 16
    elif v.wizard.on_review:
        page_review.show(v, t, today())
    else:
        page_question.show(v, t, today())
    if v.view == "form":        # the accessibility statement is one step away from every page
        st.button(t("Tillgänglighet"), key="view:accessibility", on_click=guarded(_open_accessibility), type="tertiary")
    page_pair.after_run(v)
