"""The widget each field type names, and the translation between widget values and stored answers.

Every question is shown in the visitor's language: the question, its Swedish original (small, for
staff), the hint and its Swedish original, the error, then the input.
"""
from __future__ import annotations

from html import escape
from typing import Any

import streamlit as st

from assistant.definition.model import ON_BILAGA, ORIGINAL, Field, Page
from assistant.fieldtypes import type_of
from assistant.fieldtypes.choices import NO, YES
from assistant.i18n.markers import N_
from assistant.i18n.translator import Translator
from assistant.ui.session import WIDGET_PREFIX, keep_draft, visit
from assistant.ui.failure import guarded

def key(field: Field, option: str | None = None) -> str:
    return f"{WIDGET_PREFIX}{field.id}" + (f":{option}" if option is not None else "")


def _keep(widget_key: str) -> None:
    """A widget's new value goes into the visit's draft at once, so a refresh finds it (memory only)."""
    v = visit()                 # first: a visit erased in another tab clears this session's values too
    if widget_key in st.session_state:
        keep_draft(v, widget_key, st.session_state[widget_key])


class Widget:
    """What the UI draws for a field type's ``widget`` (assistant/fieldtypes), and how its value is kept.
    One key holds the answer; a type's widget names the class below."""

    labels_itself = False       # the control carries the question (a box to tick): no label above it

    def seed(self, field: Field, value: Any) -> None:
        """Give the widget its stored answer the first time it is drawn on this visit of the page."""
        st.session_state.setdefault(key(field), "" if value is None else str(value))

    def value(self, field: Field) -> Any:
        return st.session_state.get(key(field))

    def present(self, field: Field) -> bool:
        return key(field) in st.session_state

    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        raise NotImplementedError


def _hidden(field: Field) -> dict[str, Any]:
    """The label stays the control's accessible name; it is shown above it by render()."""
    return {"key": key(field), "label_visibility": "collapsed", "on_change": _keep, "args": (key(field),)}


class Line(Widget):
    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        hint = type_of(field).placeholder
        st.text_input(label, **_hidden(field), max_chars=None, autocomplete="off", placeholder=t(hint) if hint else None)


class Area(Widget):
    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        st.text_area(label, **_hidden(field), height=160)


class Radio(Widget):
    def seed(self, field: Field, value: Any) -> None:
        st.session_state.setdefault(key(field), value)

    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        st.radio(label, [o.value for o in field.options], index=None, **_hidden(field),
                 format_func=lambda v, f=field: t.text(f.option(v).label))


class YesNo(Radio):
    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        st.radio(label, [True, False], index=None, horizontal=True, **_hidden(field),
                 format_func=lambda v: t(YES) if v else t(NO))


class Tick(Widget):
    labels_itself = True

    def seed(self, field: Field, value: Any) -> None:
        st.session_state.setdefault(key(field), bool(value))

    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        st.checkbox(label, key=key(field), on_change=guarded(_keep), args=(key(field),))
        swedish(field.label.source, t, show_swedish, label)


class Ticks(Widget):
    """One checkbox per option; the answer is the options ticked, in the form's order."""

    def seed(self, field: Field, value: Any) -> None:
        chosen = set(value or ())
        for option in field.options:
            st.session_state.setdefault(key(field, option.value), option.value in chosen)

    def value(self, field: Field) -> Any:
        return [o.value for o in field.options if st.session_state.get(key(field, o.value))]

    def present(self, field: Field) -> bool:
        return bool(field.options) and key(field, field.options[0].value) in st.session_state

    def draw(self, field: Field, label: str, t: Translator, show_swedish: bool) -> None:
        for option in field.options:
            st.checkbox(t.text(option.label), key=key(field, option.value),
                        on_change=guarded(_keep), args=(key(field, option.value),))


WIDGETS: dict[str, Widget] = {"line": Line(), "area": Area(), "radio": Radio(), "yesno": YesNo(), "tick": Tick(),
                              "ticks": Ticks()}


def widget_of(field: Field) -> Widget:
    return WIDGETS[type_of(field).widget]


def widget_value(field: Field) -> Any:
    return widget_of(field).value(field)


def has_widget(field: Field) -> bool:
    return widget_of(field).present(field)


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
    widget = widget_of(field)
    widget.seed(field, answers.get(field.id))
    label = t.text(field.label)
    help_text = t.text(field.help)
    with st.container(key=f"field-{field.id.replace('.', '-')}"):
        if not widget.labels_itself and label != heading:     # a question that is the heading is said once
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
        if field.free_text and t.lang.locale != "sv":
            _own_words(field, answers, t, label, label)
            _staff_swedish(field, answers, error)
        else:
            widget.draw(field, label, t, show_swedish)
