"""The last arrow of the data flow: validated answers -> the filled official PDF (print version and
fillable copy) and the list of answers that went to the bilaga. Everything stays in memory.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.wizard.flow import LATIN_NEEDED, in_own_words, latin_names, validate_all, visible_pages
from assistant.definition.model import ON_BILAGA, ORIGINAL, Form, Text
from assistant.i18n.translator import SOURCE_LANGUAGE, Translator
from assistant.pdf.fill import BilagaInfo, Continued, fill_pdf, plan_overflow
from assistant.paper.pdf_values import PdfValue, pdf_labels, pdf_values
from assistant.wizard.repeat import beyond_paper, filled
from assistant.fieldtypes import type_of
from assistant.fieldtypes.text import clean_text
from assistant.i18n.markers import Message


SummaryMaker = Callable[[Form, Mapping[str, Any], date], bytes]


class IncompleteAnswers(ValueError):
    """Raised when answers that still have errors reach the PDF step (the wizard prevents it)."""


@lru_cache(maxsize=32)
def _pdf_bytes(path: Path, mtime: float) -> bytes:
    """The blank official PDF (not personal data, so it may be cached)."""
    return path.read_bytes()


def blank_pdf(form: Form) -> bytes:
    return _pdf_bytes(form.pdf.file, form.pdf.file.stat().st_mtime)


def originals_for_bilaga(form: Form, answers: Mapping[str, Any], cleaned: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Free-text answers the visitor wrote in their own language and wants printed on the bilaga."""
    return tuple(
        (f"{f.label.source} – besökarens egen text", clean_text(str(answers[f.id + ORIGINAL]), multiline=True))
        for f in form.fields
        if f.free_text and f.id in cleaned and answers.get(f.id + ON_BILAGA) and str(answers.get(f.id + ORIGINAL) or "").strip())


def beyond_paper_for_bilaga(form: Form, cleaned: Mapping[str, Any], today: date) -> tuple[tuple[str, str], ...]:
    """The entries of a repeating group that the paper has no row for ("Barn 5"), one answer a line."""
    return tuple((filled(item.source, n=n),
                  "\n".join(f"{f.label.source}: {type_of(f).written(f, value, today)}" for f, value in answered))
                 for item, n, answered in beyond_paper(form, cleaned))


def bilaga_info(form: Form, answers: Mapping[str, Any], cleaned: Mapping[str, Any],
                values: Mapping[str, PdfValue], today: date | None = None) -> BilagaInfo:
    """The bilaga's heading names the visitor as the form does: what its personnummer box shows (the
    number, or "Född …" for someone without one). It carries the group entries the paper has no row for."""
    first, last = (cleaned.get(f) or "" for f in form.name_fields)
    box = next((t.to for t in form.pdf.targets if t.field_id == form.id_field and t.to), None)
    identity = str(values.get(box, "")) if box else ""
    return BilagaInfo(form_title=form.title.source, person_name=f"{first} {last}".strip(), personnummer=identity,
                      labels=pdf_labels(form),
                      extra=beyond_paper_for_bilaga(form, cleaned, today or date.today()) + originals_for_bilaga(form, answers, cleaned))


@dataclass(frozen=True)
class Documents:
    print_pdf: bytes                 # what goes on paper
    fillable_pdf: bytes | None       # the official form with live fields, if asked for (never for summary-only)
    continued: tuple[Continued, ...]


def answer_errors(form: Form, answers: Mapping[str, Any], today: date
                  ) -> tuple[dict[str, Any], dict[str, Message | Text]]:
    """Every visible answer cleaned, and what the wizard would say about each one it would not accept, in
    the words it would use: a required answer missing, an invalid one, a broken rule, a name not in Latin
    letters. The app and `python -m assistant fill` both stop here, so neither prints what the other refuses."""
    cleaned, errors = validate_all(form, answers, today)
    said: dict[str, Message | Text] = {}
    for page in visible_pages(form, answers):
        said |= in_own_words(page, answers, {k: v for k, v in errors.items() if k in {f.id for f in page.fields}})
        said |= {k: Message(LATIN_NEEDED) for k in latin_names(page, answers) if "~" not in k and k not in said}
    return cleaned, said


def _cleaned(form: Form, answers: Mapping[str, Any], today: date) -> dict[str, Any]:
    cleaned, errors = answer_errors(form, answers, today)
    if errors:
        raise IncompleteAnswers(", ".join(errors))
    return cleaned


def planned_bilaga(form: Form, answers: Mapping[str, Any], today: date) -> list[Continued]:
    """Which answers will not fit their box, and which group entries have no row on the paper ("Barn 5"):
    they go to the bilaga, and staff are told before printing."""
    if form.summary_only:
        return []
    cleaned = _cleaned(form, answers, today)
    values = pdf_values(form, cleaned, today)
    overflow = plan_overflow(blank_pdf(form), values, labels=pdf_labels(form), source=str(form.pdf.file))
    return overflow + [Continued("", label, text, len(overflow) + i)
                       for i, (label, text) in enumerate(beyond_paper_for_bilaga(form, cleaned, today), start=1)]


def swedish_summary(form: Form, answers: Mapping[str, Any], today: date) -> bytes:
    """The Swedish summary of an errand without a paper form, made in this process (tools, tests).
    WeasyPrint takes 0.8 s to import, so it is loaded only here: filling a paper form never needs it."""
    from assistant.paper.receipt import render_receipt
    return render_receipt(form, answers, Translator.for_code(SOURCE_LANGUAGE), today, summary=True)


def build_documents(form: Form, answers: Mapping[str, Any], today: date, *,
                    make_summary: SummaryMaker = swedish_summary, fillable: bool = False) -> Documents:
    """Fill the official PDF from the visitor's answers (only those on visible pages). An errand
    without a paper form gets a Swedish summary to bring along instead; the app has its receipt
    helper process make it (`make_summary`), so WeasyPrint never runs in the web server.
    The copy with live fields is made only when asked for (the CLI's --fillable, tests): the app prints and
    shows the flattened version, and keeps no second copy of the answers in memory."""
    cleaned = _cleaned(form, answers, today)
    if form.summary_only:
        return Documents(print_pdf=make_summary(form, answers, today), fillable_pdf=None, continued=())
    values = pdf_values(form, cleaned, today)
    filled = fill_pdf(blank_pdf(form), values, bilaga=bilaga_info(form, answers, cleaned, values, today),
                      source=str(form.pdf.file), fillable=fillable)
    return Documents(print_pdf=filled.print_pdf, fillable_pdf=filled.fillable_pdf, continued=filled.continued)
