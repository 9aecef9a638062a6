"""Cleaned answers -> the values of the official PDF's fields, by PDF field name.

Each answer is written as its field type writes it on paper (assistant/fieldtypes: ISO dates, the personnummer
format the form asks for, "Född ÅÅÅÅ-MM-DD" for someone who has none, kronor with a space per thousand); this
module adds what the mapping says: ticks in checkboxes, the export state of a radio group, computed boxes.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from assistant.definition.model import Computed, DaysBetween, Form, PdfTarget, Total
from assistant.fieldtypes import type_of
from assistant.fieldtypes.numbers import MoneyType

PdfValue = str | bool
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def _target_values(form: Form, target: PdfTarget, value: Any, today: date) -> dict[str, PdfValue]:
    field = form.field(target.field_id)
    kind = type_of(field)
    out: dict[str, PdfValue] = {}
    if kind.many:
        chosen = set(value or ())
        out.update({name: opt in chosen for opt, name in target.checkboxes.items()})
        return out
    key = None if value is None else kind.state_key(value)
    if target.checkboxes:
        out.update({name: key == opt for opt, name in target.checkboxes.items()})
    if target.to and value is not None:
        if target.states:
            if key in target.states:
                out[target.to] = target.states[key]
        elif target.as_label and field.option(str(value)):
            out[target.to] = field.option(str(value)).label.source  # type: ignore[union-attr]
        else:
            out[target.to] = kind.paper(field, value, target.format, today)
    return out


def _amounts(field_id: str, cleaned: Mapping[str, Any]) -> list[Any]:
    """The given answers a total adds: the question's, or for a repeating group's question (inkomst.belopp)
    every entry's (inkomst.1.belopp, inkomst.2.belopp, …)."""
    if field_id in cleaned:
        return [cleaned[field_id]] if cleaned[field_id] is not None else []
    group, _, local = field_id.partition(".")
    entry = re.compile(rf"{re.escape(group)}\.\d+\.{re.escape(local)}")
    return [v for k, v in cleaned.items() if v is not None and entry.fullmatch(k)]


def computed_value(computed: Computed, form: Form, cleaned: Mapping[str, Any], today: date) -> str:
    """A computed box: a total in kronor as the paper writes amounts (blank when none of its answers is
    given; a repeating group's question adds all its entries), a number of days (blank without both dates), or a template filled with answers."""
    if isinstance(computed, Total):
        given = [v for i in computed.plus + computed.minus for v in _amounts(i, cleaned)]
        if not given:
            return ""
        total = sum(v for i in computed.plus for v in _amounts(i, cleaned)) - \
            sum(v for i in computed.minus for v in _amounts(i, cleaned))
        adds = [form.field(i) for i in computed.plus + computed.minus]
        written_as = next((f for f in adds if isinstance(type_of(f), MoneyType)), adds[0])   # kronor if any is kronor
        return type_of(written_as).paper(written_as, total, None, today)
    if isinstance(computed, DaysBetween):
        start, end = cleaned.get(computed.start), cleaned.get(computed.end)
        return str((end - start).days) if isinstance(start, date) and isinstance(end, date) else ""
    return _template(computed, form, cleaned, today)


def _template(template: str, form: Form, cleaned: Mapping[str, Any], today: date) -> str:
    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "today":
            return today.isoformat()
        value = cleaned.get(key)
        if value is None:
            return ""
        field = form.field(key)
        return type_of(field).paper(field, value, None, today)

    return " ".join(_PLACEHOLDER.sub(one, template).split())


def pdf_values(form: Form, cleaned: Mapping[str, Any], today: date) -> dict[str, PdfValue]:
    """Every PDF field the answers reach. Unticked boxes are False, so a reused PDF never keeps old ticks."""
    values: dict[str, PdfValue] = {}
    for target in form.pdf.targets:
        values.update(_target_values(form, target, cleaned.get(target.field_id), today))
    for name, computed in form.pdf.computed.items():
        values[name] = computed_value(computed, form, cleaned, today)
    return {name: value for name, value in values.items() if value != ""}


def pdf_labels(form: Form) -> dict[str, str]:
    """PDF field name -> the Swedish question, for the bilaga's headings."""
    labels: dict[str, str] = {}
    for target in form.pdf.targets:
        field = form.field(target.field_id)
        if target.to:
            labels[target.to] = field.label.source
        for opt, name in target.checkboxes.items():
            option = field.option(opt)
            labels[name] = f"{field.label.source}: {option.label.source}" if option else field.label.source
    return labels
