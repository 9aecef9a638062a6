"""The answers as a person reads them, in a given language: for "check your answers" and the receipt."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from assistant.wizard.flow import question_pages, visible_fields
from assistant.i18n.translator import Translator
from assistant.i18n.markers import N_
from assistant.definition.model import ORIGINAL, Field, Form
from assistant.wizard.repeat import filled
from assistant.fieldtypes import Invalid, clean, type_of

NOT_ANSWERED = N_("Inte besvarat")


@dataclass(frozen=True)
class Row:
    field_id: str
    page_id: str        # where "Ändra" takes the visitor
    label: str          # in the visitor's language
    label_sv: str
    value: str          # in the visitor's language
    value_sv: str
    ltr: bool           # numbers, dates, e-mail: always shown left-to-right
    items: tuple[str, ...] = ()     # a multi-choice answer, one line per choice
    items_sv: tuple[str, ...] = ()
    own_words: str = ""             # what the visitor wrote in their own language (a free-text answer)
    own_script: str = ""            # a name as the visitor writes it, when the form has it in Latin letters


@dataclass(frozen=True)
class Group:
    """The answers under one heading: the form.yaml page (section) they were asked on."""

    page_id: str
    title: str
    title_sv: str
    rows: tuple[Row, ...]
    group_id: str = ""      # an entry of a repeating group: the group's id (its summary page)


def display_value(field: Field, raw: Any, t: Translator, today: date) -> str:
    """How an answer reads on screen, as its type shows it: translated choices, dates spelled out, numbers
    as written in Sweden. An answer the type refuses is shown as typed, for the visitor to change."""
    try:
        value = clean(field, raw, today)
    except Invalid:
        return str(raw) if raw not in (None, "", []) else t(NOT_ANSWERED)
    if value is None or value == []:
        return t(NOT_ANSWERED)
    return type_of(field).show(field, value, t)


def _answered(field: Field, answers: Mapping[str, Any]) -> bool:
    """An optional question left empty is not listed (nor an unticked "no personnummer" box)."""
    return type_of(field).answered(field, answers.get(field.id)) or bool(answers.get(field.id + ORIGINAL))


def _items(field: Field, answers: Mapping[str, Any], t: Translator) -> tuple[str, ...]:
    chosen = answers.get(field.id) or ()
    return tuple(t.text(o.label) for o in field.options if o.value in chosen) if type_of(field).many else ()


def review_groups(form: Form, answers: Mapping[str, Any], t: Translator, today: date) -> list[Group]:
    """Every answered question, under the heading of the part of the form it belongs to; each entry of a
    repeating group under its own ("Barn 2"), its "Ändra" going to that entry's page."""
    sv = Translator.for_code("sv")
    groups: list[Group] = []
    for page in question_pages(form, answers):
        if page.summary:
            continue
        rows = tuple(
            Row(field_id=f.id, page_id=page.id, label=t.text(f.label), label_sv=f.label.source,
                value=display_value(f, answers.get(f.id), t, today),
                value_sv=display_value(f, answers.get(f.id), sv, today),
                ltr=type_of(f).ltr, items=_items(f, answers, t), items_sv=_items(f, answers, sv),
                own_words=str(answers.get(f.id + ORIGINAL) or "").strip() if f.free_text else "",
                own_script=str(answers.get(f.id + ORIGINAL) or "").strip() if f.latin else "")
            for f in visible_fields(page, answers) if _answered(f, answers))
        if not rows:
            continue
        section = page.section or page.title
        title, title_sv = filled(t.text(section), n=page.entry), filled(section.source, n=page.entry)
        if groups and groups[-1].title_sv == title_sv:
            groups[-1] = replace(groups[-1], rows=groups[-1].rows + rows)
        else:
            groups.append(Group(page_id=page.id, title=title, title_sv=title_sv, rows=rows,
                                group_id=page.repeat.id if page.repeat is not None and page.entry else ""))
    return groups
