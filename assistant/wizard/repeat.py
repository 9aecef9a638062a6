"""Repeating groups ("add another child", GOV.UK's pattern) as pure functions over flat answers.

form.yaml declares a group once, as a page with ``repeat:``; its questions have ids ``<group>.<question>``.
For the wizard the page is expanded by the answers into one page per entry (``<group>.<n>``, questions
``<group>.<n>.<question>``) and the summary page (``<group>``), so validation, the review page, the receipt
and the PDF handle entries as ordinary questions. ``<group>`` holds the number of entries, ``<group>.more``
the summary page's yes/no.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from assistant.i18n.markers import N_
from assistant.definition.model import (
    NO_TEXT, AllOf, Answered, AnyOf, Compare, Cond, Condition, Field, Form, Not, Page, PdfTarget, Repeat, Text,
)
from assistant.i18n.markers import Message

TOO_FEW = N_("Lägg till minst %(min)s.")
TOO_MANY = N_("Du kan inte lägga till fler. Det får vara högst %(max)s.")


def more_id(group: Repeat) -> str:
    return group.more_field().id


def entry_key(group: Repeat, n: int, local: str) -> str:
    """The answer key of question `local` of entry n: barn.2.namn."""
    return f"{group.id}.{n}.{local}"


def local_id(group: Repeat, template_id: str) -> str:
    return template_id[len(group.id) + 1:]


def _entry_of(group: Repeat, key: str) -> int | None:
    match = re.fullmatch(rf"{re.escape(group.id)}\.(\d+)\..+", key.split("~")[0])
    return int(match.group(1)) if match else None


def count(group: Repeat, answers: Mapping[str, Any]) -> int:
    """How many entries there are: the stored number, or more when answers of later entries are there."""
    stored = answers.get(group.id)
    numbers = [n for key in answers if (n := _entry_of(group, key)) is not None]
    return max([stored if isinstance(stored, int) and not isinstance(stored, bool) else 0, *numbers])


def _renamed(cond: Cond, names: Mapping[str, str]) -> Cond:
    """A condition of an entry's question: the group's question ids become that entry's."""
    if isinstance(cond, (Condition, Answered)):
        return replace(cond, field=names.get(cond.field, cond.field))
    if isinstance(cond, Compare):
        return replace(cond, field=names.get(cond.field, cond.field),
                       other=names.get(cond.other, cond.other) if cond.other else None)
    if isinstance(cond, Not):
        return Not(_renamed(cond.condition, names))
    parts = tuple(_renamed(c, names) for c in cond.conditions)
    return AllOf(parts) if isinstance(cond, AllOf) else AnyOf(parts)


def entry_page(template: Page, n: int) -> Page:
    """The page of entry n: the template's questions with that entry's ids."""
    group = template.repeat
    assert group is not None
    names = {f.id: entry_key(group, n, local_id(group, f.id)) for f in template.fields}
    fields = tuple(replace(f, id=names[f.id], show_if=tuple(_renamed(c, names) for c in f.show_if))
                   for f in template.fields)
    return replace(template, id=f"{group.id}.{n}", fields=fields, entry=n, section=group.item,
                   rules=tuple(replace(r, field=names.get(r.field, r.field),
                                       must=tuple(_renamed(c, names) for c in r.must)) for r in template.rules))


def summary_page(template: Page) -> Page:
    group = template.repeat
    assert group is not None
    return replace(template, id=group.id, title=group.added_many, intro=NO_TEXT, fields=(group.more_field(),), rules=(),
                   summary=True, section=group.item)


def expand(form: Form, answers: Mapping[str, Any]) -> tuple[Page, ...]:
    """The form's pages for these answers: each group as its entries (at least one) and its summary page."""
    pages: list[Page] = []
    for page in form.pages:
        if page.repeat is None:
            pages.append(page)
            continue
        pages.extend(entry_page(page, n) for n in range(1, max(count(page.repeat, answers), 1) + 1))
        pages.append(summary_page(page))
    return tuple(pages)


def template_of(form: Form, group_id: str) -> Page:
    return next(p for p in form.pages if p.repeat is not None and p.repeat.id == group_id)


def summary_errors(page: Page, answers: Mapping[str, Any]) -> dict[str, Message]:
    """The summary page's own checks: no more than max entries, no fewer than min."""
    group = page.repeat
    assert group is not None
    number, more = count(group, answers), answers.get(more_id(group))
    if more is True and number >= group.max:
        return {more_id(group): Message(TOO_MANY, {"max": group.max})}
    if more is False and number < group.min:
        return {more_id(group): Message(TOO_FEW, {"min": group.min})}
    return {}


def removed(group: Repeat, answers: Mapping[str, Any], n: int) -> dict[str, Any]:
    """The answers without entry n: the later entries move up one place."""
    kept: dict[str, Any] = {}
    for key, value in answers.items():
        number = _entry_of(group, key)
        if number is None:
            kept[key] = value
        elif number > n:
            kept[f"{group.id}.{number - 1}.{key[len(f'{group.id}.{number}.'):]}"] = value
        elif number < n:
            kept[key] = value
    kept[group.id] = max(count(group, answers) - 1, 0)
    return kept


def is_empty_entry(page: Page, answers: Mapping[str, Any]) -> bool:
    return all(answers.get(f.id) in (None, "", [], False) for f in page.fields)


def entry_name(group: Repeat, n: int, answers: Mapping[str, Any]) -> str:
    """How the summary page names entry n: its name question's answer ("" when it has none)."""
    return str(answers.get(entry_key(group, n, group.name)) or "").strip() if group.name else ""


def entry_names(group: Repeat, answers: Mapping[str, Any], translate: Any) -> list[str]:
    """Each entry as the summary page lists it: its name, or its heading ("Barn 2") when it has none."""
    return [entry_name(group, n, answers) or filled(translate(group.item), n=n)
            for n in range(1, count(group, answers) + 1)]


def filled(text: str, **params: Any) -> str:
    """A translated form text with its %(n)s or %(count)s filled in (a form text is not a format string)."""
    for name, value in params.items():
        text = text.replace(f"%({name})s", str(value))
    return text


def heading(page: Page, answers: Mapping[str, Any], translate: Any) -> str:
    """A page's heading in the visitor's language: an entry's with its number, the summary page's with the
    count ("Du har lagt till 2 barn")."""
    if page.summary and page.repeat is not None:
        number = count(page.repeat, answers)
        return filled(translate(page.repeat.added_one if number == 1 else page.repeat.added_many), count=number)
    return filled(translate(page.title), n=page.entry)


ROW_NUMBERS = ("{n}", "{n0}")     # in a PDF field name: the row number counted from 1, and from 0


def has_row_number(pdf_name: str) -> bool:
    return any(mark in pdf_name for mark in ROW_NUMBERS)


def row_name(pdf_name: str, n: int) -> str:
    """The PDF field of entry n: {n} is n, {n0} is n - 1, for a paper whose names number the rows from 0
    (dependent_0_name, DependentSSN[0])."""
    return pdf_name.replace("{n}", str(n)).replace("{n0}", str(n - 1))


def row_targets(group: Repeat, row: tuple[PdfTarget, ...], n: int) -> tuple[PdfTarget, ...]:
    """The PDF mapping of entry n: the group's row, with {n} or {n0} in the PDF field names as the row number."""
    return tuple(replace(t, field_id=entry_key(group, n, local_id(group, t.field_id)),
                         to=row_name(t.to, n) if t.to else None,
                         checkboxes={k: row_name(v, n) for k, v in t.checkboxes.items()})
                 for t in row)


def beyond_paper(form: Form, cleaned: Mapping[str, Any]) -> list[tuple[Text, int, list[tuple[Field, Any]]]]:
    """The entries the paper has no row for, each with its answered questions: they go on the bilaga."""
    out = []
    for template in form.pages:
        group = template.repeat
        if group is None or group.rows is None or group.id not in form.pdf.row:
            continue
        mapped = {t.field_id for t in form.pdf.row[group.id]}
        for n in range(group.rows + 1, count(group, cleaned) + 1):
            answered = [(f, cleaned[key]) for f in template.fields if f.id in mapped
                        and (key := entry_key(group, n, local_id(group, f.id))) in cleaned
                        and cleaned[key] not in (None, "")]
            if answered:
                out.append((group.item, n, answered))
    return out
