"""One widget per field type, and the translation between widget values and stored answers.

Every question is shown in the visitor's language: the question, its Swedish original (small, for
staff), the hint and its Swedish original, the error, then the input.
"""
from __future__ import annotations

from html import escape
from typing import Any

import streamlit as st

from assistant.definition.model import ON_BILAGA, ORIGINAL
from assistant.i18n.translator import Translator
from assistant.i18n.markers import N_
from assistant.definition.model import Field, Page
from assistant.wizard.summary import NO, YES
from assistant.ui.session import WIDGET_PREFIX, keep_draft, visit
from assistant.ui.failure import guarded

TEXT_TYPES = {"text", "pnr", "postcode", "phone", "email", "date", "number", "money"}


def key(field: Field, option: str | None = None) -> str:
    return f"{WIDGET_PREFIX}{field.id}" + (f":{option}" if option is not None else "")


def _keep(widget_key: str) -> None:
    """A widget's new value goes into the visit's draft at once, so a refresh finds it (memory only)."""
    v = visit()                 # first: a visit erased in another tab clears this session's values too
    if widget_key in st.session_state:
        keep_draft(v, widget_key, st.session_state[widget_key])


def _seed(field: Field, value: Any) -> None:
    """Give a widget its stored answer the first time it is drawn on this visit of the page."""
    if field.type == "multi":
        chosen = set(value or ())
        for option in field.options:
            st.session_state.setdefault(key(field, option.value), option.value in chosen)
    elif field.type == "confirm":
        st.session_state.setdefault(key(field), bool(value))
    elif field.type in ("choice", "yesno"):
        st.session_state.setdefault(key(field), value)
    else:
        st.session_state.setdefault(key(field), "" if value is None else str(value))


def widget_value(field: Field) -> Any:
    if field.type == "multi":
        return [o.value for o in field.options if st.session_state.get(key(field, o.value))]
    return st.session_state.get(key(field))


def has_widget(field: Field) -> bool:
    probe = key(field, field.options[0].value) if field.type == "multi" and field.options else key(field)
    return probe in st.session_state


def page_values(page: Page) -> dict[str, Any]:
    """What the visitor has put in this page's widgets so far (only widgets that exist), with the
    visitor's own-language original of free-text answers."""
    values = {f.id: widget_value(f) for f in page.fields if has_widget(f)}
    for f in page.fields:
        for suffix in (ORIGINAL, ON_BILAGA):
            if f"{WIDGET_PREFIX}{f.id}{suffix}" in st.session_state:
                values[f.id + suffix] = st.session_state[f"{WIDGET_PREFIX}{f.id}{suffix}"]
    return values


STAFF_BOX = N_("För personalen: skriv svaret på svenska. Det kommer på blanketten.")
STAFF_BILAGA = N_("Skriv också ut besökarens egen text på en bilaga")


def _own_words(field: Field, answers: dict[str, Any], t: Translator, label: str, heading: str) -> None:
    """The visitor's answer in their own language: one box, labelled and explained in that language."""
    original_key = f"{WIDGET_PREFIX}{field.id}{ORIGINAL}"
    st.session_state.setdefault(original_key, answers.get(field.id + ORIGINAL) or "")
    _label(label, heading)
    st.caption(t("Skriv på ditt eget språk. Personalen skriver sedan svaret på svenska på blanketten."))
    st.text_area(label, key=original_key, height=140, label_visibility="collapsed",
                 on_change=guarded(_keep), args=(original_key,))


def _staff_swedish(field: Field, answers: dict[str, Any], error: str | None) -> None:
    """The Swedish wording the staff member writes for the form, marked as theirs and in Swedish."""
    with st.container(key=f"staff-{field.id.replace('.', '-')}", border=True):
        st.markdown(f'<p class="bg-label" lang="sv" dir="ltr">{escape(STAFF_BOX)}</p>', unsafe_allow_html=True)
        st.text_area(f"{field.label.source} ({STAFF_BOX})", key=key(field), height=120, label_visibility="collapsed",
                     on_change=guarded(_keep), args=(key(field),))
        bilaga_key = f"{WIDGET_PREFIX}{field.id}{ON_BILAGA}"
        st.session_state.setdefault(bilaga_key, bool(answers.get(field.id + ON_BILAGA)))
        st.checkbox(STAFF_BILAGA, key=bilaga_key, on_change=guarded(_keep), args=(bilaga_key,))


def swedish(text: str, t: Translator, show: bool, shown: str = "") -> None:
    """The Swedish original, smaller, right under the text it translates, for the staff member (not when
    the visitor's language is Swedish or lättläst, nor when the text shown is the Swedish one)."""
    if show and text and t.lang.locale != "sv" and text != shown:
        st.markdown(f'<p class="bg-sv" lang="sv" dir="ltr">{escape(text)}</p>', unsafe_allow_html=True)


def _label(label: str, heading: str) -> None:
    """The question above its hint and input (GOV.UK: label, hint, error, input). A question that is
    already the page's heading is not said twice; the input still has it as its name."""
    if label != heading:
        st.markdown(f'<p class="bg-label">{escape(label)}</p>', unsafe_allow_html=True)


def render(field: Field, answers: dict[str, Any], t: Translator, error: str | None, show_swedish: bool,
           heading: str = "") -> None:
    _seed(field, answers.get(field.id))
    label = t.text(field.label)
    help_text = t.text(field.help)
    with st.container(key=f"field-{field.id.replace('.', '-')}"):
        if field.type != "confirm" and label != heading:     # a question that is the heading is said once
            _label(label, heading)
            swedish(field.label.source, t, show_swedish, label)
        if help_text:
            st.caption(help_text)
            swedish(field.help.source, t, show_swedish, help_text)
        own_script = answers.get(field.id + ORIGINAL) if field.latin else None
        if own_script:
            said = t("Så skriver du namnet:")
            st.markdown(f'<p class="bg-own-script">{escape(said)} <bdi dir="auto">{escape(str(own_script))}</bdi></p>',
                        unsafe_allow_html=True)
        if error:
            prefix = escape(t("Fel"))
            st.markdown(f'<p class="bg-field-error"><span class="bg-visually-hidden">{prefix}: </span>'
                        f'{escape(error)}</p>', unsafe_allow_html=True)
        hidden: dict[str, Any] = {"key": key(field), "label_visibility": "collapsed",
                                  "on_change": _keep, "args": (key(field),)}
        if field.free_text and t.lang.locale != "sv":
            _own_words(field, answers, t, label, label)
            _staff_swedish(field, answers, error)
        elif field.type in TEXT_TYPES:
            st.text_input(label, **hidden, max_chars=None, autocomplete="off", placeholder=_placeholder(field, t))
        elif field.type == "multiline":
            st.text_area(label, **hidden, height=160)
        elif field.type == "choice":
            st.radio(label, [o.value for o in field.options], index=None, **hidden,
                     format_func=lambda v, f=field: t.text(f.option(v).label))
        elif field.type == "yesno":
            st.radio(label, [True, False], index=None, horizontal=True, **hidden,
                     format_func=lambda v: t(YES) if v else t(NO))
        elif field.type == "confirm":
            st.checkbox(label, key=key(field), on_change=guarded(_keep), args=(key(field),))
            swedish(field.label.source, t, show_swedish, label)
        elif field.type == "multi":
            for option in field.options:
                st.checkbox(t.text(option.label), key=key(field, option.value),
                            on_change=guarded(_keep), args=(key(field, option.value),))


def _placeholder(field: Field, t: Translator) -> str | None:
    if field.type == "date":
        return t("ÅÅÅÅ-MM-DD")
    return None
