"""The visit: everything of one visitor, in server memory only.

A visit lives in this Streamlit session and in a process-wide store under an unguessable token that
is put in the URL (the token says nothing about the visitor), so a refresh or a dropped connection
finds the half-filled form again, even what was typed on the current page (the draft). It expires after
the idle limit and is dropped when the visitor ends the visit. The same visit can be open in two tabs (a
duplicated tab, a link opened in a new tab): ending it in one ends it in all, for good (the store never
takes an erased token again, and the shared Visit object is emptied in place). The visit's own keys are
named here; ending a visit clears every session key, the widgets' and the staff area's too.
"""
from __future__ import annotations

import secrets
from functools import cache
import time
from datetime import date
from dataclasses import dataclass, field, fields
from typing import Any

import streamlit as st

from assistant.application import Application
from assistant.paper.documents import Documents
from assistant.wizard.flow import Wizard
from assistant.paper.receipt_worker import ReceiptJob
from assistant.visit.store import idle_state, new_token

VISIT = "visit"
WIDGET_PREFIX = "q:"
TOKEN_PARAM = "besok"
SCREEN_ID = "ui:screen"


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
    # The current page's widget values (widget key -> value), also those typed but not yet sent, so a
    # refresh keeps them; emptied whenever the page changes (forget_widgets).
    draft: dict[str, Any] = field(default_factory=dict)
    # Which screen wrote each draft value (screen_id()): a paired screen takes over only the other's changes,
    # never its own typing that the server has not seen yet.
    draft_by: dict[str, str] = field(default_factory=dict)
    # Whether it held nothing at the start of its last run: a start button's callback fills it before
    # visit() looks, so only this says it expired empty (the start page left open) and may be kept on.
    was_empty: bool = True

    def is_empty(self) -> bool:
        """Nothing of the visitor in it: no form started, nothing typed."""
        return self.wizard is None and self.documents is None and not self.draft


@cache
def application() -> Application:
    """This server's one Application (forms, visits, statistics, helper, pairings), made on the first page."""
    return Application.start()


def count_outcome(v: Visit, completed: bool) -> None:
    """Anonymous statistics: a started form ends once, completed (PDF made) or abandoned."""
    if v.wizard is None or v.form_started is None or v.outcome_counted:
        return
    application().stats.finished(v.wizard.form.id, v.lang, time.monotonic() - v.form_started, completed, date.today())
    v.outcome_counted = True


def _new_visit(lang: str = "sv") -> Visit:
    v = Visit(lang=lang)
    application().visits.put(v.token, v)
    st.session_state[VISIT] = v
    st.query_params[TOKEN_PARAM] = v.token
    return v


def visit() -> Visit:
    """This session's visit; after a refresh, the one the URL's token names (if not expired).

    A visit the store no longer has was erased (in another tab or session) or expired with answers in it:
    this session lets go of it too and starts an empty visit. One that expired empty (the start page left
    open) is kept on."""
    v = st.session_state.get(VISIT)
    if v is None:
        token = st.query_params.get(TOKEN_PARAM)
        restored = application().visits.get(token) if token else None
        if restored is None:
            return _new_visit()
        st.session_state[VISIT] = restored
        return restored
    visits = application().visits
    if visits.idle_seconds(v.token) is None and not (v.was_empty and visits.put(v.token, v)):
        erase_visit()
        return st.session_state[VISIT]
    return v


def mark_active(v: Visit) -> None:
    """Called on every full run and on every activity the page reports: the visitor did something."""
    application().visits.touch(v.token)
    v.was_empty = v.is_empty()
    if st.query_params.get(TOKEN_PARAM) != v.token:
        st.query_params[TOKEN_PARAM] = v.token


def idle(v: Visit) -> str:
    seconds = application().visits.idle_seconds(v.token)
    return "expired" if seconds is None else idle_state(seconds, application().visits.limit_seconds)


def extend(v: Visit) -> None:
    application().visits.touch(v.token)


def erase_visit(keep_language: bool = False) -> None:
    """Forget everything of the visitor: answers, documents, widget values, the token."""
    old = st.session_state.get(VISIT)
    lang = old.lang if (old is not None and keep_language) else "sv"
    if old is not None:
        count_outcome(old, completed=False)
        application().visits.erase(old.token)
        application().pairings.end(old.token)         # issue 16: the visitor's screen forgets the visit too
        if old.receipt is not None:
            old.receipt.forget()
        _empty(old)
        application().receipts.restart()      # the helper that saw this visitor's answers ends; a fresh one takes over
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    _new_visit(lang)


def _empty(v: Visit) -> None:
    """Take everything out of the Visit object itself: another tab's session that still holds it (until
    its next run notices the erase) then holds nothing of the visitor."""
    blank = Visit(token=v.token)
    for f in fields(Visit):
        setattr(v, f.name, getattr(blank, f.name))


def screen_id() -> str:
    """This browser tab's own mark (a new one after an erase): tells the two screens of a visit apart."""
    return st.session_state.setdefault(SCREEN_ID, secrets.token_hex(8))


def keep_draft(v: Visit, widget_key: str, value: Any) -> None:
    v.draft[widget_key] = value
    v.draft_by[widget_key] = screen_id()


def drop_widget_values() -> None:
    """This session's widget values go; the next run draws the stored answers and the visit's draft."""
    for key in [k for k in st.session_state.keys() if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]


def take_others_draft(v: Visit) -> None:
    """The other screen of a paired visit changed a box: this screen draws that box from the draft."""
    me = screen_id()
    for key, value in v.draft.items():
        if v.draft_by.get(key) != me and st.session_state.get(key) != value:
            st.session_state.pop(key, None)


def forget_widgets() -> None:
    """Drop widget values (and the page's draft) so the next page starts from the stored answers."""
    drop_widget_values()
    v = st.session_state.get(VISIT)
    if v is not None:
        v.draft = {}
        v.draft_by = {}
