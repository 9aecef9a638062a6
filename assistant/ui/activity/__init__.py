"""The page reports the visitor's activity and the text typed on the current page (assistant/ui/activity/activity.js).

The server otherwise sees only full runs: Streamlit sends a text box's value when the box loses focus, so a
visitor typing a long answer looked idle and was erased, and a refresh lost what was typed but not sent.
A key press, pointer, scroll or input in the page is reported at most every ACTIVITY_MS (changed text
within DRAFT_MS); the report counts as activity and its text goes into the visit's draft, in memory only.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.definition.model import ORIGINAL, Page
from assistant.fieldtypes import type_of
from assistant.ui.session import WIDGET_PREFIX, Visit, application, keep_draft

DRAFT_MS = 2_000
PAIRED_DRAFT_MS = 400       # the other screen of a paired visit shows the typing within a second
ACTIVITY_MS = 10_000
MAX_DRAFT_CHARS = 20_000     # far above any answer's limit: only guards the server's memory
TEXT_WIDGETS = {"line", "area"}      # the widgets the visitor types in
KEY = "ui:activity"

_component = st.components.v2.component(
    "blankettguiden_activity", js=(Path(__file__).with_name("activity.js")).read_text(encoding="utf-8"))


def key_class(key: str) -> str:
    """The class Streamlit gives a keyed element's container (st-key-<key>, other characters as '-')."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def text_boxes(page: Page | None) -> dict[str, str]:
    """The page's text boxes the browser reads: container class -> widget key."""
    if page is None:
        return {}
    keys = [f"{WIDGET_PREFIX}{f.id}" for f in page.fields if type_of(f).widget in TEXT_WIDGETS]
    keys += [f"{WIDGET_PREFIX}{f.id}{ORIGINAL}" for f in page.fields if f.free_text]
    return {key_class(k): k for k in keys}


def _current_page(v: Visit) -> Page | None:
    if v.wizard is None or v.wizard.on_review or v.documents is not None or v.view != "form":
        return None
    return v.wizard.current()


def keep_typed(v: Visit, report: Any) -> None:
    """Put the reported text of the current page's boxes into the draft (a report from another page, or
    for a box that is not on this page, is ignored)."""
    page = _current_page(v)
    if page is None or not isinstance(report, dict) or report.get("page") != page.id:
        return
    values = report.get("values")
    if not isinstance(values, dict):
        return
    allowed = set(text_boxes(page).values())
    for key, value in values.items():
        if key in allowed and isinstance(value, str):
            keep_draft(v, key, value[:MAX_DRAFT_CHARS])


def report(v: Visit) -> dict[str, Any] | None:
    """Place the listener in the page; the page's report of activity, on the run it caused, else None."""
    page = _current_page(v)
    data = {"page": page.id if page else None, "boxes": text_boxes(page),
            "draft_ms": PAIRED_DRAFT_MS if application().pairings.joined(v.token) else DRAFT_MS,
            "activity_ms": ACTIVITY_MS}
    result = _component(key=KEY, data=data, height="content", on_report_change=lambda: None)
    value = getattr(result, "report", None)
    return value if isinstance(value, dict) else None
