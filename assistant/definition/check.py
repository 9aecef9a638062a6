"""`python -m assistant check`: everything that can be wrong with the installed forms, before a visitor meets it.

Schema (the loader), the PDF mapping against the PDF itself, {placeholders} against the municipality's
settings, and the translation catalogs per language. Warnings are what a working form still lacks for its
visitors: being offered, texts without TODO, translations (until then it shows in Swedish).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from assistant.definition.errors import FormError, Problem, one_line
from assistant.definition.form_texts import form_texts
from assistant.i18n.translator import LANGUAGES, SOURCE_LANGUAGE, Language, catalog_path
from assistant.definition.loader import FormLibrary, load_library
from assistant.definition.model import Form, Text, field_pattern
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


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def _shipped() -> list[tuple[Language, Path]]:
    return [(lang, catalog_path(lang.code)) for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE]


def translation_problems(forms: list[Form], ui_msgids: set[str]) -> list[Problem]:
    """Per shipped language: UI strings that are missing or fuzzy, and translations (of the UI or a form) that
    lose a placeholder. A form's own strings not translated yet are warnings (translation_warnings)."""
    form_msgs = {(text.context, text.source) for form in forms for text, _ in form_texts(form) if text}
    problems = []
    for lang, path in _shipped():
        if not path.is_file():
            problems.append(Problem(file=path, message=f"there is no catalog for {lang.display_name}.",
                                    fix="Run: .venv/bin/python tools/update_translations.py"))
            continue
        catalog = _catalog(path)
        missing, fuzzy = [], []
        for context, msgid in sorted({(None, m) for m in ui_msgids} | form_msgs, key=lambda k: (k[0] or "", k[1])):
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
            ui_items = [(c, m) for c, m in items if (c, m) not in form_msgs]
            if ui_items:
                sample = "; ".join(m[:40] for _, m in ui_items[:3])
                problems.append(Problem(file=path, message=f"{len(ui_items)} strings of the app {kind} ({sample} …).",
                                        fix="Translate them in Poedit or Weblate (docs/translating.md)."))
    return problems


def untranslated(form: Form, catalog: Catalog) -> list[tuple[Text, int]]:
    """The form's texts (with their lines) that a catalog has no finished translation of: missing or fuzzy."""
    def done(text: Text) -> bool:
        message = catalog.get(text.source, context=text.context)
        return bool(message and message.string and not message.fuzzy)

    return [(text, line) for text, line in dict.fromkeys(form_texts(form)) if text and not done(text)]


def translation_warnings(forms: list[Form]) -> list[Problem]:
    """Per form and shipped language, how many of its texts are not translated. Not an error: the visitor
    who chooses that language sees them in Swedish (one left-to-right run on a right-to-left page)."""
    warnings = []
    for lang, path in _shipped():
        if not path.is_file():
            continue                                          # a problem already (translation_problems)
        catalog = _catalog(path)
        for form in forms:
            left = untranslated(form, catalog)
            if left:
                total = len({t for t, _ in form_texts(form) if t})
                first, line = left[0]
                name = _english_name(lang)
                warnings.append(Problem(
                    file=form.source, line=line or None,
                    message=f"{len({t for t, _ in left})} of {total} texts are not translated into {name} "
                            f"({lang.code}), the first '{first.source[:40]}'. The form may be offered: a visitor "
                            f"who chooses {name} reads them in Swedish until then.",
                    fix=f"Run: .venv/bin/python tools/update_translations.py, then translate them in {path} "
                        "(docs/translating.md)."))
    return warnings


def _english_name(lang: Language) -> str:
    """The language as an administrator reading English output knows it ("Arabic", not "العربية")."""
    return lang.name if "@" in lang.code else Locale(Locale.parse(lang.locale).language).get_display_name("en")


def todo_warnings(form: Form) -> list[Problem]:
    """A visitor text that still says TODO (import drafts write them): the form works, but reads unfinished."""
    return [Problem(file=form.source, line=line or None,
                    message=f"a text the visitor reads still says TODO: '{text.source[:60]}'.",
                    fix="Write the text the visitor should read instead.")
            for text, line in dict.fromkeys(form_texts(form)) if "TODO" in text.source]


def offer_warnings(forms_dir: Path, config: Settings) -> list[Problem]:
    """Form folders the start page does not show, because blanketter: in the settings does not list them."""
    if config.offered_forms is None:                          # every working form is offered
        return []
    folders = sorted(p.name for p in forms_dir.iterdir() if (p / "form.yaml").is_file() and not p.name.startswith("_"))
    line = _line_of_key(config.source, "blanketter")
    return [Problem(file=config.source, line=line,
                    message=f"the form {name} ({forms_dir / name}) is not offered: blanketter: does not list it, "
                            "so the start page does not show it.",
                    fix=f"Add '  - {name}' under blanketter: to offer it (in Swedish until it is translated), "
                        "or leave it out while it is not ready.")
            for name in folders if name not in config.offered_forms]


def _line_of_key(path: Path, key: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, text in enumerate(lines, start=1) if re.match(rf"{key}\s*:", text)), None)


def warning_line(warning: Problem) -> str:
    """A warning as `check` prints it: file:line: warning: what. Fix: what to do."""
    where = f"{warning.file}:{warning.line}" if warning.line else str(warning.file)
    return one_line(f"{where}: warning: {warning.message}" + (f" Fix: {warning.fix}" if warning.fix else ""))


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


@dataclass(frozen=True)
class Report:
    """What `check` found: problems keep a form from working (exit 1); warnings are worth fixing (exit 0)."""

    problems: list[Problem]
    warnings: list[Problem]


def check(forms_dir: Path) -> Report:
    config = settings()
    library = checked_library(forms_dir, config)
    problems = list(config.problems) + [p for error in library.broken.values() for p in error.problems]
    for form_id in config.offered_forms or ():
        if form_id not in library.forms and form_id not in library.broken:
            problems.append(Problem(file=config.source, field="blanketter",
                                    message=f"'{form_id}' is offered but there is no forms/{form_id}/form.yaml.",
                                    fix="Add the form, or remove it from the list."))
    forms = list(library.forms.values())
    problems += translation_problems(forms, ui_msgids())
    warnings = offer_warnings(forms_dir, config) + [w for form in forms for w in todo_warnings(form)]
    return Report(problems=problems, warnings=warnings + translation_warnings(forms))


def check_forms(forms_dir: Path) -> list[Problem]:
    return check(forms_dir).problems
