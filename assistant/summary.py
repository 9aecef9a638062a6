"""The answers as a person reads them, in a given language: for "check your answers" and the receipt."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.flow import visible_fields, visible_pages
from assistant.i18n import Translator
from assistant.i18n_markers import N_
from assistant.model import Field, Form
from assistant.pdf_values import format_value
from assistant.validators import Invalid, clean

NOT_ANSWERED = N_("Inte besvarat")
YES, NO = N_("Ja"), N_("Nej")


@dataclass(frozen=True)
class Row:
    field_id: str
    label: str          # in the visitor's language
    label_sv: str
    value: str          # in the visitor's language
    value_sv: str
    ltr: bool           # numbers, dates, e-mail: always shown left-to-right


@dataclass(frozen=True)
class Group:
    page_id: str
    title: str
    title_sv: str
    rows: tuple[Row, ...]


LTR_TYPES = {"pnr", "postcode", "phone", "email", "number", "money"}


def display_value(field: Field, raw: Any, t: Translator, today: date) -> str:
    """How an answer reads on screen: translated choices, dates spelled out, numbers as written in Sweden."""
    try:
        value = clean(field, raw, today)
    except Invalid:
        value = raw if raw not in (None, "", []) else None
    if value is None or value == []:
        return t(NOT_ANSWERED)
    if field.type in ("yesno", "confirm"):
        return t(YES) if value else t(NO)
    if field.type == "choice":
        option = field.option(str(value))
        return t.text(option.label) if option else str(value)
    if field.type == "multi":
        return t.list([t.text(o.label) for o in field.options if o.value in value])
    if isinstance(value, date):
        return t.date(value)
    if field.type == "money":
        return t("%(amount)s kr", amount=t.number(value))
    if field.type == "number":
        return t.number(value)
    return format_value(value, None, today)


def _unticked_switch(field: Field, answers: Mapping[str, Any]) -> bool:
    """An optional box left unticked ("Det finns inget personnummer …") answers nothing: not listed."""
    return field.type == "confirm" and not field.required and answers.get(field.id) is not True


def review_groups(form: Form, answers: Mapping[str, Any], t: Translator, today: date) -> list[Group]:
    sv = Translator.for_code("sv")
    groups = []
    for page in visible_pages(form, answers):
        rows = tuple(
            Row(field_id=f.id, label=t.text(f.label), label_sv=f.label.source,
                value=display_value(f, answers.get(f.id), t, today),
                value_sv=display_value(f, answers.get(f.id), sv, today),
                ltr=f.type in LTR_TYPES)
            for f in visible_fields(page, answers) if not _unticked_switch(f, answers))
        groups.append(Group(page_id=page.id, title=t.text(page.title), title_sv=page.title.source, rows=rows))
    return groups
