"""`python -m assistant check`: everything that can be wrong with the installed forms, before a visitor meets it.

Schema (the loader), the PDF mapping against the PDF itself, {placeholders} against the municipality's
settings, and the translation catalogs per language.
"""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from assistant.errors import FormError, Problem
from assistant.form_texts import form_texts
from assistant.i18n import LANGUAGES, SOURCE_LANGUAGE, catalog_path
from assistant.loader import FormLibrary, load_library
from assistant.model import Form, field_pattern
from assistant.pdf.inspect import PdfField, read_fields
from assistant.settings import Settings, placeholders_in, settings

KIND_FOR_TYPE = {"multi": {"checkbox"}, "confirm": {"checkbox"}}
TEXT_KINDS = {"text", "combo", "list"}


def _target_problems(form: Form, fields: dict[str, PdfField]) -> list[Problem]:
    problems = []
    pdf_name = form.pdf.file.name

    def add(message: str, fix: str, line: int, field: str) -> None:
        problems.append(Problem(file=form.source, line=line or None, field=field, message=message, fix=fix))

    for target in form.pdf.targets:
        answer = form.field(target.field_id)
        for name in target.pdf_names():
            if name not in fields:
                add(f"PDF field '{name}' is not in {pdf_name}.",
                    f"Run: python -m assistant inspect {form.pdf.file} and use one of its names.", target.line, answer.id)
        for opt, name in target.checkboxes.items():
            if name in fields and fields[name].kind != "checkbox":
                add(f"'{name}' is a {fields[name].kind} field, not a checkbox.",
                    "Map it with to: instead of checkboxes:.", target.line, answer.id)
        if target.to in fields:
            pdf_field = fields[target.to]
            if target.states:
                if pdf_field.kind not in ("radio", "combo", "list", "checkbox"):
                    add(f"'{target.to}' is a {pdf_field.kind} field and has no states.",
                        "Remove states: to write the answer as text.", target.line, answer.id)
                known = set(pdf_field.on_states) | {export for export, _ in pdf_field.options}
                for state in target.states.values():
                    if state not in known:
                        add(f"'{target.to}' has no state '{state}'.",
                            f"Use one of: {', '.join(sorted(known)) or '(none)'}.", target.line, answer.id)
            elif pdf_field.kind not in TEXT_KINDS:
                add(f"'{target.to}' is a {pdf_field.kind} field; the answer needs states: or checkboxes:.",
                    "Add states: {answer: PdfState} (see python -m assistant inspect).", target.line, answer.id)
    return problems


def mapping_problems(form: Form) -> list[Problem]:
    """The mapping against the PDF: names and states exist, and every PDF field is accounted for."""
    if form.summary_only:
        return []
    try:
        fields = read_fields(form.pdf.file.read_bytes(), source=str(form.pdf.file))
    except FormError as exc:
        return exc.problems
    problems = _target_problems(form, fields)
    mapped = {n for t in form.pdf.targets for n in t.pdf_names()}
    accounted = mapped | set(form.pdf.computed) | set(form.pdf.left_for_staff) | set(form.pdf.left_for_pen)
    for name in sorted(set(form.pdf.computed) | set(form.pdf.left_for_staff) | set(form.pdf.left_for_pen)):
        if name not in fields:
            problems.append(Problem(file=form.source, line=form.pdf.line or None, field=name,
                                    message=f"PDF field '{name}' (computed or left blank) is not in {form.pdf.file.name}.",
                                    fix="Correct the name, or remove it from the list."))
    for pattern in form.pdf.left_unused:
        matched = {n for n in fields if field_pattern(pattern).fullmatch(n)}
        if not matched:
            problems.append(Problem(file=form.source, line=form.pdf.line or None, field=pattern,
                                    message=f"left_blank: unused: '{pattern}' matches no field of {form.pdf.file.name}.",
                                    fix="Correct the pattern (* stands for any text), or remove it."))
        accounted |= matched
    for name in sorted(set(fields) - accounted):
        if fields[name].kind in ("button",):
            continue
        problems.append(Problem(file=form.source, line=form.pdf.line or None, field=name,
                                message=f"PDF field '{name}' is neither mapped nor left blank.",
                                fix="Map it under pdf: fields:, or list it under pdf: left_blank: staff:, pen: or unused:."))
    return problems


def placeholder_problems(form: Form, config: Settings) -> list[Problem]:
    problems = []
    for text, line in form_texts(form):
        for name in placeholders_in(text.source):
            if name not in config.placeholders:
                problems.append(Problem(file=form.source, line=line or None, field=text.context,
                                        message=f"{{{name}}} is not in {config.source}.",
                                        fix=f"Add {name} to {config.source.name}, or correct the name."))
    for name in placeholders_in(form.authority):
        if name not in config.placeholders:
            problems.append(Problem(file=form.source, field="authority", message=f"{{{name}}} is not in {config.source}.",
                                    fix=f"Add {name} to {config.source.name}."))
    return problems


def translation_problems(forms: list[Form], ui_msgids: set[str]) -> list[Problem]:
    """Per shipped language: strings of the UI or of a form that are missing or fuzzy."""
    wanted = {(None, msgid) for msgid in ui_msgids}
    wanted |= {(text.context, text.source) for form in forms for text, _ in form_texts(form) if text}
    problems = []
    for lang in LANGUAGES:
        if lang.code == SOURCE_LANGUAGE:
            continue
        path = catalog_path(lang.code)
        if not path.is_file():
            problems.append(Problem(file=path, message=f"there is no catalog for {lang.display_name}.",
                                    fix="Run: .venv/bin/python tools/update_translations.py"))
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh)
        missing, fuzzy = [], []
        for context, msgid in sorted(wanted, key=lambda k: (k[0] or "", k[1])):
            message = catalog.get(msgid, context=context)
            if message is None or not message.string:
                missing.append((context, msgid))
            elif message.fuzzy:
                fuzzy.append((context, msgid))
            elif _placeholders(message.string) != _placeholders(msgid):
                problems.append(Problem(file=path, line=message.lineno or None, field=context or msgid[:40],
                                        message=f"the translation does not keep the placeholders {sorted(_placeholders(msgid))}.",
                                        fix="Copy %(name)s and {group.key} placeholders unchanged into the translation."))
        for kind, items in (("missing", missing), ("fuzzy", fuzzy)):
            if items:
                sample = "; ".join(f"{c + ': ' if c else ''}{m[:40]}" for c, m in items[:3])
                problems.append(Problem(file=path, message=f"{len(items)} strings {kind} ({sample} …).",
                                        fix="Translate them in Poedit or Weblate (docs/translating.md)."))
    return problems


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\([a-z_]+\)s|\{[a-z_]+\.[a-z_0-9]+\}", text))


def ui_msgids() -> set[str]:
    """The UI's msgids, as the template (translations/messages.pot) holds them without context."""
    pot = catalog_path("x").parents[2] / "messages.pot"
    if not pot.is_file():
        return set()
    with pot.open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id and not m.context}


def form_problems(form: Form, config: Settings) -> list[Problem]:
    """What keeps one loaded form from being offered: its PDF mapping and its placeholders."""
    return mapping_problems(form) + placeholder_problems(form, config)


def checked_library(forms_dir: Path, config: Settings | None = None) -> FormLibrary:
    """The forms the app may offer: only those `check` finds nothing wrong with; the others are in broken."""
    config = config or settings()
    return load_library(forms_dir, vet=lambda form: form_problems(form, config))


def check_forms(forms_dir: Path) -> list[Problem]:
    config = settings()
    library = checked_library(forms_dir, config)
    problems = list(config.problems) + [p for error in library.broken.values() for p in error.problems]
    for form_id in config.offered_forms or ():
        if form_id not in library.forms and form_id not in library.broken:
            problems.append(Problem(file=config.source, field="blanketter",
                                    message=f"'{form_id}' is offered but there is no forms/{form_id}/form.yaml.",
                                    fix="Add the form, or remove it from the list."))
    problems += translation_problems(list(library.forms.values()), ui_msgids())
    return problems
