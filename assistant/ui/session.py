"""The visit: everything of one visitor, in server memory only.

A visit lives in this Streamlit session and in a process-wide store under an unguessable token that
is put in the URL (the token says nothing about the visitor), so a refresh or a dropped connection
finds the half-filled form again. It expires after the idle limit and is dropped when the visitor
ends the visit. The visit's own keys are named here; ending a visit clears every session key, the
widgets' and the staff area's too.
"""
from __future__ import annotations

import time
from datetime import date
from dataclasses import dataclass, field

import streamlit as st

from assistant.documents import Documents
from assistant.flow import Wizard
from assistant.pairing import PAIRINGS
from assistant.receipt_worker import ReceiptJob, ReceiptRenderer
from assistant.settings import settings
from assistant.stats import Statistics, stats_path
from assistant.visit_store import VisitStore, idle_state, new_token

VISIT = "visit"
WIDGET_PREFIX = "q:"
TOKEN_PARAM = "besok"


@dataclass
class Visit:
    token: str = field(default_factory=new_token)
    lang: str = "sv"
    large_text: bool = False
    show_swedish: bool = True
    wizard: Wizard | None = None
    documents: Documents | None = None
    receipt: ReceiptJob | None = None  # being made in the helper process, in the visitor's language
    previews: list[bytes] | None = None
    printed_at: float | None = None     # time.monotonic() of the last print on the library printer
    focus_errors: bool = False
    view: str = "form"                  # "form", or another page such as "staff"
    form_started: float | None = None   # when the wizard started, for the anonymous statistics
    outcome_counted: bool = False


STORE: VisitStore[Visit] = VisitStore(settings().idle_minutes * 60)
STATS = Statistics(stats_path())
RECEIPTS = ReceiptRenderer()


def count_outcome(v: Visit, completed: bool) -> None:
    """Anonymous statistics: a started form ends once, completed (PDF made) or abandoned."""
    if v.wizard is None or v.form_started is None or v.outcome_counted:
        return
    STATS.finished(v.wizard.form.id, v.lang, time.monotonic() - v.form_started, completed, date.today())
    v.outcome_counted = True


def _new_visit(lang: str = "sv") -> Visit:
    v = Visit(lang=lang)
    STORE.put(v.token, v)
    st.session_state[VISIT] = v
    st.query_params[TOKEN_PARAM] = v.token
    return v


def visit() -> Visit:
    """This session's visit; after a refresh, the one the URL's token names (if not expired)."""
    if VISIT in st.session_state:
        return st.session_state[VISIT]
    token = st.query_params.get(TOKEN_PARAM)
    restored = STORE.get(token) if token else None
    if restored is None:
        return _new_visit()
    st.session_state[VISIT] = restored
    return restored


def mark_active(v: Visit) -> None:
    """Called on every full run: the visitor did something. A visit with nothing in it that
    expired meanwhile (the start page left open) is simply kept on."""
    if STORE.idle_seconds(v.token) is None:
        STORE.put(v.token, v)
    else:
        STORE.touch(v.token)
    if st.query_params.get(TOKEN_PARAM) != v.token:
        st.query_params[TOKEN_PARAM] = v.token


def idle(v: Visit) -> str:
    seconds = STORE.idle_seconds(v.token)
    return "expired" if seconds is None else idle_state(seconds, STORE.limit_seconds)


def extend(v: Visit) -> None:
    STORE.touch(v.token)


def erase_visit(keep_language: bool = False) -> None:
    """Forget everything of the visitor: answers, documents, widget values, the token."""
    old = st.session_state.get(VISIT)
    lang = old.lang if (old is not None and keep_language) else "sv"
    if old is not None:
        count_outcome(old, completed=False)
        STORE.drop(old.token)
        PAIRINGS.end(old.token)         # issue 16: the visitor's screen forgets the visit too
        if old.receipt is not None:
            old.receipt.forget()
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    _new_visit(lang)


def forget_widgets() -> None:
    """Drop widget values so the next page starts from the stored answers."""
    for key in [k for k in st.session_state.keys() if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]
