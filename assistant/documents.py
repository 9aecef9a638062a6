"""The last arrow of the data flow: validated answers -> the filled official PDF (print version and
fillable copy) and the list of answers that went to the bilaga. Everything stays in memory.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.flow import validate_all
from assistant.model import Form
from assistant.pdf.fill import BilagaInfo, FilledPdf, fill_pdf
from assistant.pdf_values import format_value, pdf_labels, pdf_values


class IncompleteAnswers(ValueError):
    """Raised when answers that still have errors reach the PDF step (the wizard prevents it)."""


@lru_cache(maxsize=32)
def _pdf_bytes(path: Path, mtime: float) -> bytes:
    """The blank official PDF (not personal data, so it may be cached)."""
    return path.read_bytes()


def blank_pdf(form: Form) -> bytes:
    return _pdf_bytes(form.pdf.file, form.pdf.file.stat().st_mtime)


def bilaga_info(form: Form, cleaned: Mapping[str, Any], today: date) -> BilagaInfo:
    first, last = (cleaned.get(f) or "" for f in form.name_fields)
    number = cleaned.get(form.id_field)
    return BilagaInfo(form_title=form.title.source, person_name=f"{first} {last}".strip(),
                      personnummer=format_value(number, "pnr12", today) if number else "",
                      labels=pdf_labels(form))


@dataclass(frozen=True)
class Documents:
    filled: FilledPdf
    values: dict[str, str | bool]


def build_documents(form: Form, answers: Mapping[str, Any], today: date) -> Documents:
    """Fill the official PDF from the visitor's answers (only those on visible pages)."""
    cleaned, errors = validate_all(form, answers, today)
    if errors:
        raise IncompleteAnswers(", ".join(errors))
    values = pdf_values(form, cleaned, today)
    filled = fill_pdf(blank_pdf(form), values, bilaga=bilaga_info(form, cleaned, today),
                      source=str(form.pdf.file))
    return Documents(filled=filled, values=values)
