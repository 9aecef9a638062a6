"""The visit: everything of one visitor, kept only in this Streamlit session's memory.

This module is the only one that names st.session_state keys, so erasing a visit is one call.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import streamlit as st

from assistant.documents import Documents
from assistant.flow import Wizard

VISIT = "visit"
WIDGET_PREFIX = "q:"


@dataclass
class Visit:
    lang: str = "sv"
    large_text: bool = False
    show_swedish: bool = True
    wizard: Wizard | None = None
    documents: Documents | None = None
    focus_errors: bool = False
    started: float = field(default_factory=time.monotonic)


def visit() -> Visit:
    if VISIT not in st.session_state:
        st.session_state[VISIT] = Visit()
    return st.session_state[VISIT]


def erase_visit(keep_language: bool = False) -> None:
    """Forget everything of the visitor: answers, documents, widget values. Nothing else holds them."""
    lang = visit().lang if keep_language else "sv"
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[VISIT] = Visit(lang=lang)


def forget_widgets() -> None:
    """Drop widget values so the next page starts from the stored answers."""
    for key in [k for k in st.session_state.keys() if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]
