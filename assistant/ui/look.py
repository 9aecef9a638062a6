"""Page language and direction, visible focus, large text and right-to-left layout.

Streamlit has no RTL support and ships <html lang="en">: a small script sets lang/dir on the
document, and CSS mirrors the layout. Nothing is loaded from the network.
"""
from __future__ import annotations

import json

import streamlit as st

from assistant.i18n import Language

BASE_CSS = """
:root { --bg-focus: #ffbf47; --bg-error: #b00020; }
html, body, [data-testid="stApp"] { color: #0b0c0c; }
[data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] li { color: #0b0c0c; }
[data-testid="stMain"] button p, [data-testid="stMain"] button { color: inherit; }
[data-testid="stMain"] button[kind="primary"], [data-testid="stMain"] button[kind="primary"] p { color: #ffffff !important; }
*:focus-visible, button:focus, input:focus, textarea:focus, [role="radio"]:focus-within, label:focus-within {
  outline: 3px solid var(--bg-focus) !important; outline-offset: 2px; box-shadow: 0 0 0 5px #0b0c0c !important;
}
.bg-sv { color: #3d3d3d !important; font-size: 0.85em; margin: -0.4rem 0 0.6rem 0; font-style: italic; }
.bg-field-error { color: var(--bg-error) !important; font-weight: 700; border-inline-start: 5px solid var(--bg-error);
  padding-inline-start: 0.6rem; margin: 0.4rem 0; }
.bg-error-summary { border: 4px solid var(--bg-error); padding: 1rem 1.2rem; margin: 0.5rem 0 1.2rem 0; }
.bg-error-summary h2 { color: #0b0c0c; font-size: 1.4em; margin: 0 0 0.5rem 0; padding: 0; }
.bg-error-summary a { color: var(--bg-error) !important; font-weight: 700; }
.bg-visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.bg-group-label { font-weight: 600; margin-bottom: 0.2rem; }
.bg-step { font-size: 1.05em; color: #3d3d3d !important; margin: 0; }
.bg-ltr { direction: ltr; unicode-bidi: isolate; display: inline-block; }
.bg-review dt { font-weight: 700; margin-top: 0.6rem; }
.bg-review dd { margin-inline-start: 0; white-space: pre-wrap; }
.bg-review .bg-sv { margin: 0; }
.bg-staff-note { background: #fff7bf; border-inline-start: 5px solid #806000; padding: 0.4rem 0.8rem; }
"""

RTL_CSS = """
[data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stHeader"] { direction: rtl; }
[data-testid="stMain"] [data-testid="stElementContainer"], [data-testid="stMain"] .stMarkdown,
[data-testid="stMain"] [data-testid="stWidgetLabel"], [data-testid="stMain"] p,
[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3 { text-align: start; }
[data-testid="stProgress"] > div { transform: scaleX(-1); }
input[type="text"], textarea { text-align: start; unicode-bidi: plaintext; }
.bg-sv { text-align: left; }
"""

LARGE_CSS = """
html { font-size: 32px !important; }
[data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] li,
[data-testid="stMain"] input, [data-testid="stMain"] textarea, [data-testid="stMain"] button,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p, [data-testid="stMain"] dd, [data-testid="stMain"] dt,
[data-testid="stMarkdownContainer"] p { font-size: 2rem !important; line-height: 1.4 !important; }
[data-testid="stMain"] h1 { font-size: 2.6rem !important; }
[data-testid="stMain"] h2 { font-size: 2.3rem !important; }
[data-testid="stMain"] .block-container { max-width: 100% !important; }
"""


def apply_look(lang: Language, large_text: bool) -> None:
    css = BASE_CSS + (RTL_CSS if lang.direction == "rtl" else "") + (LARGE_CSS if large_text else "")
    st.html(f"<style>{css}</style>")
    attrs = json.dumps({"lang": lang.html_lang, "dir": lang.direction})
    st.html(
        "<script>(function(){var a=" + attrs + ";var d=window.parent.document.documentElement;"
        "d.lang=a.lang;d.dir=a.dir;})();</script>",
        unsafe_allow_javascript=True,
    )


def focus(selector: str) -> None:
    """Move keyboard focus (e.g. to the error summary after a failed Continue)."""
    st.html(
        "<script>(function(){var s=" + json.dumps(selector) + ";var n=0;var t=setInterval(function(){"
        "var d=window.parent.document;var e=d.querySelector(s)||document.querySelector(s);"
        "if(e){e.focus();clearInterval(t);}if(++n>40){clearInterval(t);}},50);})();</script>",
        unsafe_allow_javascript=True,
    )
