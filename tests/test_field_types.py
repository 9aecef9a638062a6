"""Every field type lives in one place (assistant/fieldtypes/) and every part of the app uses it.

These tests read as the contract of a type: the schema offers it, the UI has its widget, the docs name it,
and its answers keep their type from the visitor's typing to the paper.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.definition.form_schema import load_schema
from assistant.definition.loader import load_library
from assistant.definition.model import Field, Option, Text
from assistant.fieldtypes import TYPES, Invalid, clean, type_of
from assistant.i18n.translator import Translator
from assistant.paper.pdf_values import pdf_values
from tests.test_loader import break_form, copy_form
from tests.testdata import make_pnr

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 3)
SV = Translator.for_code("sv")


def field(kind: str, **extra) -> Field:
    options = (Option("a", Text("Alfa", "t|a")), Option("b", Text("Beta", "t|b"))) if TYPES[kind].has_options else ()
    return Field(id="f.x", type=kind, label=Text("Fråga", "t|x"), options=options, **extra)


def test_the_schema_offers_exactly_the_registered_types() -> None:
    enum = load_schema("form")["$defs"]["field"]["properties"]["type"]["enum"]
    assert sorted(enum) == sorted(TYPES)


def test_every_type_has_a_widget_the_ui_draws() -> None:
    from assistant.ui.fields import WIDGETS
    assert {t.widget for t in TYPES.values()} <= set(WIDGETS)


def test_the_docs_name_every_type() -> None:
    docs = (ROOT / "docs" / "adding-a-form.md").read_text(encoding="utf-8")
    missing = [name for name in TYPES if f"`{name}`" not in docs]
    assert not missing, f"docs/adding-a-form.md does not describe: {missing}"


@pytest.mark.parametrize("name", sorted(TYPES))
def test_an_unanswered_optional_question_is_no_answer(name: str) -> None:
    empty = [] if TYPES[name].many else None
    assert clean(field(name), empty, TODAY) in (None, False)


@pytest.mark.parametrize("name", sorted(n for n in TYPES if n != "confirm"))
def test_a_required_question_left_empty_says_what_to_do(name: str) -> None:
    with pytest.raises(Invalid) as caught:
        clean(field(name, required=True), [] if TYPES[name].many else "", TODAY)
    assert caught.value.message.msgid == TYPES[name].required_message


CASES = [  # (type, typed, cleaned, on screen in Swedish, on paper)
    ("text", "  +1000  ", "+1000", "+1000", "+1000"),
    ("text", "0701234567", "0701234567", "0701234567", "0701234567"),
    ("phone", "070-123 45 67", "+46701234567", "070-123 45 67", "070-123 45 67"),
    ("phone", "+358 40 123 4567", "+358401234567", "+358 40 1234567", "+358 40 1234567"),
    ("postcode", "55315", "553 15", "553 15", "553 15"),
    ("number", "1 200", 1200, "1 200", "1200"),
    ("money", "12500 kr", 12500, "12 500 kr", "12 500"),
    ("date", "3.12.2026", date(2026, 12, 3), "3 december 2026", "2026-12-03"),
    ("choice", "b", "b", "Beta", "b"),
    ("multi", ["b", "a"], ["a", "b"], "Alfa och Beta", "Alfa, Beta"),
    ("yesno", False, False, "Nej", "Nej"),
]


@pytest.mark.parametrize(("name", "typed", "cleaned", "shown", "printed"), CASES)
def test_an_answer_keeps_its_type_to_the_screen_and_the_paper(name, typed, cleaned, shown, printed) -> None:
    f = field(name)
    value = clean(f, typed, TODAY)
    assert value == cleaned
    assert type_of(f).show(f, value, SV).replace("\u00a0", " ") == shown
    assert type_of(f).paper(f, value, None, TODAY) == printed


def test_a_personnummer_is_printed_in_the_format_the_paper_asks_for() -> None:
    f = field("pnr")
    typed = make_pnr(date(1945, 1, 1))
    value = clean(f, typed.replace("-", ""), TODAY)
    paper = type_of(f).paper
    assert [paper(f, value, fmt, TODAY) for fmt in ("pnr12", "pnr10", "pnr12_digits")] == \
        [typed, typed[2:], typed.replace("-", "")]


def test_a_paper_format_that_does_not_fit_the_type_is_a_problem_in_the_form(tmp_path: Path) -> None:
    error = break_form(copy_form(tmp_path), "{to: Sokande_Personnummer, format: pnr12}",
                       "{to: Sokande_Personnummer, format: phone_e164}")
    assert [str(p).split(": ", 1)[1] for p in error.problems if "format:" in p.message] == [
        "sokande.personnummer: format: phone_e164 does not fit a pnr question. "
        "Fix: Use one of: pnr10, pnr12, pnr12_digits."]


def test_a_text_answer_that_looks_like_a_phone_number_is_printed_as_typed() -> None:
    """Before the types kept their answers, "+1000" (a text answer) printed as "000"."""
    form = load_library(ROOT / "forms").forms["aldreomsorg"]
    text_field = next(f for f in form.fields if f.type == "text" and any(t.field_id == f.id and t.to
                                                                            for t in form.pdf.targets))
    target = next(t for t in form.pdf.targets if t.field_id == text_field.id and t.to)
    assert pdf_values(form, {text_field.id: "+1000"}, TODAY)[target.to] == "+1000"


@pytest.mark.parametrize(("name", "value", "written"), [
    ("choice", "b", "Beta"), ("multi", ["a", "b"], "Alfa, Beta"), ("yesno", True, "Ja"), ("money", 12500, "12 500"),
])
def test_a_bilaga_line_writes_the_answer_in_swedish_words(name, value, written) -> None:
    """An entry beyond the paper's rows goes on the bilaga: a choice by its label, not its value."""
    f = field(name)
    assert type_of(f).written(f, value, TODAY) == written
