"""From a visit to its sheet and back: which answers go on the sheet, and the wizard that continues."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.wizard.flow import REVIEW, Wizard, default_answers, relevant_answers, visible_pages
from assistant.i18n.translator import Translator
from assistant.definition.loader import FormLibrary
from assistant.definition.model import Form
from assistant.resume.seal import Paused, SheetError, expiry, kept_answers, read_parts, sheet_parts


@dataclass(frozen=True)
class Sheet:
    pdf: bytes
    codes: int
    expires: date


def paused_of(wizard: Wizard, lang: str, large_text: bool) -> Paused:
    """Where the visit stands, with only the answers to the questions that apply now."""
    kept = kept_answers(wizard.answers, relevant_answers(wizard.form, wizard.answers).keys())
    return Paused(form_id=wizard.form.id, page=wizard.page, answers=kept, lang=lang, large_text=large_text,
                  from_review=wizard.from_review)


# (form, answers, page, language code, today, expires, the codes' bytes) -> the sheet's PDF
SheetRenderer = Callable[[Form, Mapping[str, Any], str, str, date, date, list[bytes]], bytes]


def sheet_here(form: Form, answers: Mapping[str, Any], page: str, lang: str, today: date, expires: date,
               parts: list[bytes]) -> bytes:
    """The sheet made in this process (tools, tests, the helper itself). WeasyPrint is loaded only here:
    the app has its helper process make the sheet (ReceiptRenderer.sheet)."""
    from assistant.resume.sheet import render_sheet
    return render_sheet(form, answers, page, Translator.for_code(lang), today, expires, parts)


def make_sheet(wizard: Wizard, lang: str, large_text: bool, key: bytes, today: date, valid_days: int, *,
               render: SheetRenderer | None = None) -> Sheet:
    """The sheet's PDF, made by `render` (sheet_here by default); SheetError("too_large") when the answers do
    not fit its codes."""
    expires = expiry(today, valid_days)
    parts = sheet_parts(paused_of(wizard, lang, large_text), key, expires)
    pdf = (render or sheet_here)(wizard.form, wizard.answers, wizard.page, lang, today, expires, parts)
    return Sheet(pdf=pdf, codes=len(parts), expires=expires)


def continued(paused: Paused, lib: FormLibrary, today: date) -> Wizard:
    """The wizard on the page where the visit stopped (or the first that still needs an answer, if the
    form changed meanwhile), with the answers of the sheet over the form's starting values."""
    form = lib.forms.get(paused.form_id)
    if form is None:
        raise SheetError("unknown_form")
    answers = {**default_answers(form, today), **paused.answers}
    ids = [p.id for p in visible_pages(form, answers)]
    wizard = Wizard(form=form, page=ids[0], answers=answers)
    if paused.page == REVIEW:
        return wizard.goto_review(today)
    if paused.page in ids:
        return Wizard(form=form, page=paused.page, answers=answers, from_review=paused.from_review)
    return wizard


def open_codes(codes: list[bytes], key: bytes, lib: FormLibrary, today: date) -> tuple[Paused, Wizard]:
    paused = read_parts(codes, key, today)
    return paused, continued(paused, lib, today)
