"""python -m assistant: inspect, import, fill and check forms from the command line.

`fill FORM_ID` is the app's own pipeline (defaults, conditions, the wizard's checks, build_documents).

Exit codes: 0 done (warnings may be printed), 1 the input has problems (each printed as one "file[:line]: message" line),
2 wrong usage, 3 an internal error (reported without details). Never prints a traceback or a field value it was not asked to print.

Every line is one line: names from a PDF are printed with control and bidi characters escaped, a library's
warnings become "warning: …" lines, a closed pipe (`inspect … | head`) ends quietly, and a problem that only
follows from an earlier one about the same field is counted, not printed.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from assistant.definition.errors import FormError, Problem, one_line
from assistant.definition.form_import import draft_form, read_page_text
from assistant.definition.model import Form, Text
from assistant.pdf.fill import BilagaInfo, Continued, fill_pdf
from assistant.pdf.inspect import read_fields
from assistant.settings import FORMS_ENV, forms_dir

EPILOG = "Exit codes: 0 done; 1 problems in the input (one line each); 2 wrong usage; 3 internal error."


def cmd_inspect(args: argparse.Namespace) -> int:
    fields = read_fields(args.pdf.read_bytes(), source=str(args.pdf))
    if args.json:   # JSON escapes control characters itself; bidi and other format characters are escaped here
        text = json.dumps([asdict(f) for f in fields.values()], ensure_ascii=False, indent=1)
        print("".join(json.dumps(c)[1:-1] if c != "\n" and one_line(c) != c else c for c in text))
        return 0
    for f in fields.values():
        extra = [f"states={','.join(f.on_states)}"] if f.on_states else []
        extra += [f"options={','.join(e if e == d else f'{e}={d}' for e, d in f.options)}"] if f.options else []
        extra += [f"maxlen={f.max_len}"] if f.max_len else []
        extra += [flag for flag in ("multiline", "comb", "read_only", "hidden") if getattr(f, flag)]
        where = " ".join(f"p{p}@{','.join(f'{v:.0f}' for v in r)}" for p, r in zip(f.pages, f.rects))
        tip = f'  "{one_line(f.tooltip)}"' if f.tooltip else ""
        print(f"{one_line(f.name)}\t{f.kind}\t{where}\t{one_line(' '.join(extra))}{tip}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import yaml

    fields = read_fields(args.pdf.read_bytes(), source=str(args.pdf))
    folder = args.forms_dir / args.form_id
    out = folder / "form.yaml"
    if out.exists() and not args.force:
        raise FormError(Problem(out, "already exists.", "Use --force to overwrite it, or choose another --form-id."))
    folder.mkdir(parents=True, exist_ok=True)
    target_pdf = folder / args.pdf.name
    if target_pdf.resolve() != args.pdf.resolve():
        target_pdf.write_bytes(args.pdf.read_bytes())
    draft = draft_form(fields, args.form_id, args.pdf.name, read_page_text(args.pdf))
    tables = "".join(f"# Table '{name}': {rows} rows, " + ("a repeating group (repeat:); its PDF names carry {n} or {n0}.\n"
                                                         if name in draft.groups else
                                                         "one wizard page per row (its PDF names do not number the "
                                                         "rows 1, 2, 3 … or 0, 1, 2 … top down).\n")
                     for name, rows in draft.tables.items())
    header = (f"# Drafted by `python -m assistant import` from {args.pdf.name}: {len(fields)} PDF fields.\n"
              f"{tables}# Edit titles, labels, types and pages, then run `python -m assistant check`.\n")
    out.write_text(header + yaml.safe_dump(draft.form, sort_keys=False, allow_unicode=True, width=110),
                   encoding="utf-8")
    print(f"wrote {out} ({len(draft.form['pages'])} pages, {len(fields)} fields, {len(draft.tables)} tables, "
          f"{draft.sections} pages begin at a section heading of the PDF)")
    return 0


def answer_problems(form: Form, given: Mapping[str, Any], answers: Mapping[str, Any], today: date,
                    source: Path) -> list[Problem]:
    """What keeps these answers from becoming the form, one problem per answer, in the wizard's own words:
    an answer to a question the form does not have, a required one missing, one the wizard would refuse."""
    from assistant.paper.documents import answer_errors
    from assistant.i18n.translator import SOURCE_LANGUAGE, Translator

    ids = answer_ids(form, answers)
    problems = [Problem(source, f"{form.source} has no such question.", "Use the ids of its fields (pages: fields: id:).",
                        field=key) for key in given if key.split("~")[0] not in ids]
    say = Translator.for_code(SOURCE_LANGUAGE)
    for field_id, error in answer_errors(form, answers, today)[1].items():
        missing = form.field(field_id).required and answers.get(field_id) in (None, "", [], False)
        words = say.text(error) if isinstance(error, Text) else say.message(error)
        fix = f'Add "{field_id}" to {source.name}.' if missing else "Correct it as the message says."
        problems.append(Problem(source, f"{'required answer missing' if missing else 'not accepted'}: {words}", fix,
                                field=field_id))
    return problems


def answer_ids(form: Form, answers: Mapping[str, Any]) -> set[str]:
    """The ids answers may have: each question, and for a repeating group its number of entries (barn), each
    entry's questions (barn.2.namn) and the yes/no of its summary page (barn.more), as the wizard stores them."""
    from assistant.wizard.repeat import expand

    return {f.id for page in expand(form, answers) for f in page.fields} | {
        page.id for page in form.pages if page.repeat is not None}


def hidden_answers(form: Form, given: Mapping[str, Any], answers: Mapping[str, Any]) -> list[str]:
    """Answers given to questions these answers hide (show_if): the wizard keeps them but never prints them."""
    from assistant.wizard.flow import relevant_answers, visible_pages

    shown = set(relevant_answers(form, answers)) | {page.id for page in visible_pages(form, answers) if page.summary}
    ids = answer_ids(form, answers)
    return [key for key, value in given.items()
            if key in ids and key not in shown and value not in (None, "", [], False)]


def vetted_form(path: Path) -> Form:
    """The form as the app would offer it: a form that `check` finds problems in (a PDF field missing, a
    placeholder the settings lack) is kept off the start page, so it is not filled here either, and the
    problems are the lines the staff area shows for it."""
    from assistant.definition.check import form_problems
    from assistant.definition.loader import load_form
    from assistant.settings import settings

    form = load_form(path)
    problems = form_problems(form, settings())
    if problems:
        raise FormError(problems)
    return form


def _fill_form(args: argparse.Namespace, given: dict[str, Any]) -> tuple[bytes, bytes | None, tuple[Continued, ...]]:
    """A form of forms/ filled as the app fills it: its defaults, the wizard's checks, build_documents."""
    from assistant.paper.documents import build_documents
    from assistant.wizard.flow import default_answers

    form = vetted_form(args.forms_dir / args.form / "form.yaml")
    today = date.today()
    answers = {**default_answers(form, today), **given}
    problems = answer_problems(form, given, answers, today, args.answers)
    if problems:
        raise FormError(problems)
    for key in hidden_answers(form, given, answers):
        print(one_line(f"{args.answers}: warning: {key} is not printed: these answers hide its question (show_if)."),
              file=sys.stderr)
    documents = build_documents(form, answers, today, fillable=args.fillable is not None)
    return documents.print_pdf, documents.fillable_pdf, documents.continued


def _fill_pdf(args: argparse.Namespace, given: dict[str, Any]) -> tuple[bytes, bytes | None, tuple[Continued, ...]]:
    """A raw PDF filled by its own field names; __name__ and __personnummer__ head the bilaga."""
    path = Path(args.form)
    bilaga = BilagaInfo(path.stem, str(given.get("__name__", "")), str(given.get("__personnummer__", "")), {})
    values = {k: v for k, v in given.items() if not k.startswith("__")}
    result = fill_pdf(path.read_bytes(), values, bilaga=bilaga, source=str(path), fillable=args.fillable is not None)
    return result.print_pdf, result.fillable_pdf, result.continued


def cmd_fill(args: argparse.Namespace) -> int:
    try:
        given = json.loads(args.answers.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise FormError(Problem(args.answers, f"cannot read the answers: {e}.", "Give a JSON object.")) from None
    if not isinstance(given, dict):
        raise FormError(Problem(args.answers, "the answers are not a JSON object.", 'Write {"field id": answer, …}.'))
    print_pdf, fillable_pdf, continued = (_fill_pdf if args.form.endswith(".pdf") else _fill_form)(args, given)
    args.out.write_bytes(print_pdf)
    if args.fillable and fillable_pdf is not None:
        args.fillable.write_bytes(fillable_pdf)
    for c in continued:
        print(f"Bilaga {c.number}: {c.label} ({c.field_name}) did not fit and is printed on the bilaga.")
    print(f"wrote {args.out}" + (f" and {args.fillable}" if args.fillable and fillable_pdf is not None else ""))
    return 0


def _from_block(name: str, in_blocks: set[str]) -> bool:
    """`name` is a field a block problem is about, as the block names it (personnummer, checked once per
    block file) or as a form that uses the block names it (sokande.personnummer)."""
    return name in in_blocks or any(name.endswith("." + local) for local in in_blocks)


def first_problems(problems: Iterable[Problem]) -> tuple[list[Problem], int]:
    """The problems worth reading, and how many were left out: repeats, and problems about a field that
    already has one (an unknown type makes the field vanish, and then its mapping and every show_if naming
    it fail too). A problem in a shared block counts for every form; elsewhere, for its own form only."""
    shown: list[Problem] = []
    printed: set[str] = set()
    in_blocks: set[str] = set()
    in_forms: set[tuple[str, str]] = set()
    left_out = 0
    for problem in problems:
        folder = Path(problem.file).parent.name
        names = {problem.field} | set(re.findall(r"'([\w.]+)'", problem.message))
        # a block's problem repeats for every form and prefix that uses the block: one line says it
        same = f"{problem.file}:{problem.line}: {problem.message}" if folder == "_blocks" else str(problem)
        follows = same in printed or any(_from_block(n, in_blocks) or (folder, n) in in_forms for n in names if n)
        if problem.field:
            (in_blocks.add(problem.field) if folder == "_blocks" else in_forms.add((folder, problem.field)))
        if follows:
            left_out += 1
            continue
        printed.add(same)
        shown.append(problem)
    return shown, left_out


def _print_problems(problems: Iterable[Problem], file=None) -> int:
    shown, left_out = first_problems(problems)
    for p in shown:
        print(p, file=file)
    if left_out:
        print(f"({left_out} more problems follow from those above; run again after fixing them.)", file=file)
    return len(shown)


def cmd_check(args: argparse.Namespace) -> int:
    from assistant.definition.check import check, warning_line  # schema, PDF mapping, placeholders, translations

    report = check(args.forms_dir)
    count = _print_problems(report.problems)
    for warning in report.warnings:
        print(warning_line(warning))
    forms = sum(1 for p in args.forms_dir.iterdir() if (p / "form.yaml").exists() and not p.name.startswith("_"))
    warned = len(report.warnings)
    print(f"{forms} forms checked, {count} problem{'' if count == 1 else 's'}, "
          f"{warned} warning{'' if warned == 1 else 's'}.", file=sys.stderr)
    return 1 if report.problems else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description="Blankettguiden for administrators.",
                                epilog=EPILOG)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--forms-dir", type=Path, default=forms_dir(),
                        help=f"default: ${FORMS_ENV} when set (as for the app), else the forms/ folder")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("inspect", parents=[common], help="list a PDF's fields", epilog=EPILOG)
    s.add_argument("pdf", type=Path)
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(run=cmd_inspect)
    s = sub.add_parser("import", parents=[common], help="draft forms/ID/form.yaml from a fillable PDF", epilog=EPILOG)
    s.add_argument("pdf", type=Path)
    s.add_argument("--form-id", required=True)
    s.add_argument("--force", action="store_true", help="overwrite an existing form.yaml")
    s.set_defaults(run=cmd_import)
    s = sub.add_parser("fill", parents=[common], help="fill a form (FORM_ID) or a raw PDF (FORM.pdf)", epilog=EPILOG)
    s.add_argument("form", help="a form id from forms/, or a PDF file")
    s.add_argument("--answers", type=Path, required=True,
                   help="JSON: answers by field id (FORM_ID), or values by PDF field name (FORM.pdf)")
    s.add_argument("--out", type=Path, required=True, help="the print version (flattened)")
    s.add_argument("--fillable", type=Path, help="also write the fillable copy")
    s.set_defaults(run=cmd_fill)
    s = sub.add_parser("check", parents=[common], help="validate every form in forms/", epilog=EPILOG)
    s.set_defaults(run=cmd_check)
    return p


class _Collected(logging.Handler):
    """Keeps a library's log warnings (pikepdf reports qpdf's this way) to print them as one line each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _library_warnings() -> Iterator[list[str]]:
    """Warnings (Python's and pikepdf's log) gathered instead of printed with their source lines."""
    handler = _Collected()
    logger = logging.getLogger("pikepdf")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            messages: list[str] = []
            yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    messages += [f"{w.category.__name__}: {w.message}" for w in caught] + handler.messages


def _quiet_stdout() -> None:
    """The reader of our output went away (`| head`): send the rest nowhere, so exit stays silent too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    gathered: list[str] = []
    try:
        with _library_warnings() as gathered:
            code = _run(args)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    for message in dict.fromkeys(gathered):
        print(one_line(f"warning: {message}"), file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        result = args.run(args)
        sys.stdout.flush()        # a closed pipe shows here, not at exit
        return result
    except FormError as e:
        _print_problems(e.problems, file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        print(one_line(f"{where}{e.strerror or type(e).__name__}."), file=sys.stderr)
        return 1
    except Exception as e:  # one line, and no message: it could quote a visitor's answer
        print(f"internal error ({type(e).__name__}). Please report it with the command you ran.", file=sys.stderr)
        return 3
