"""Conditions a municipality can write in form.yaml (issue 13, point 4): all/any/not, comparisons of numbers,
money and dates, cross-field rules with a message on one question, and computed totals and day counts."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.wizard.conditions import evaluate
from assistant.definition.errors import FormError
from assistant.wizard.flow import Wizard, could_show, shown, validate_all, visible_pages
from assistant.definition.loader import load_form
from assistant.definition.model import AllOf, Answered, AnyOf, Compare, Condition, DaysBetween, Not, Text, Total
from assistant.paper.pdf_values import computed_value, pdf_values
from tests.test_loader import FORMS, copy_form
from tests.testdata import TODAY

HEAD = """id: prov
title: Prov
description: Ett prov.
authority: Kommunen
summary_only: true
name_fields: [fornamn, efternamn]
id_field: fornamn
"""
PAGES = """pages:
  - id: namn
    title: Vad heter du?
    together: true
    fields:
      - {id: fornamn, type: text, label: Förnamn}
      - {id: efternamn, type: text, label: Efternamn}
  - id: boende
    title: Hur bor du?
    fields:
      - id: boende
        type: choice
        label: Hur bor du?
        options:
          - {value: hyresratt, label: Hyresrätt}
          - {value: bostadsratt, label: Bostadsrätt}
          - {value: hus, label: Eget hus}
      - {id: sambo, type: yesno, label: Bor du med någon?}
  - id: ekonomi
    title: Pengar
    together: true
    fields:
      - {id: vinst, type: money, label: Vinst}
      - {id: forlust, type: money, label: Förlust}
    rules:
      - must: {not: {all: [{field: vinst, greater_than: 0}, {field: forlust, greater_than: 0}]}}
        field: forlust
        message: Skriv vinst eller förlust, inte båda.
  - id: hyra
    title: Hyran
    show_if:
      any:
        - {boende: [hyresratt]}
        - all: [{boende: [bostadsratt]}, {sambo: true}]
    fields:
      - {id: hyra, type: money, label: Hyra per månad}
  - id: stor_hyra
    title: En hög hyra
    show_if: {field: hyra, at_least: 10000}
    fields:
      - {id: hyra_varfor, type: text, label: Varför är hyran hög?}
  - id: resa
    title: Resan
    together: true
    fields:
      - {id: avresa, type: date, label: Avresa}
      - {id: retur, type: date, label: Hemresa}
rules:
  - must: {field: retur, on_or_after: avresa}
    field: retur
    message: Hemresan kan inte vara före avresan.
"""


def write_form(tmp_path: Path, pages: str = PAGES) -> Path:
    folder = tmp_path / "prov"
    folder.mkdir(exist_ok=True)
    (folder / "form.yaml").write_text(HEAD + pages, encoding="utf-8")
    return folder / "form.yaml"


def problems(tmp_path: Path, old: str, new: str) -> list[str]:
    assert old in PAGES
    with pytest.raises(FormError) as exc:
        load_form(write_form(tmp_path, PAGES.replace(old, new, 1)))
    return [str(p) for p in exc.value.problems]


def page_ids(form, answers) -> list[str]:
    return [p.id for p in visible_pages(form, answers)]


# --- conditions as data, evaluated --------------------------------------------------------------------------

def test_a_comparison_reads_typed_and_cleaned_answers_alike():
    over = Compare(field="hyra", op=">", value=5000)
    assert evaluate(over, {"hyra": "6 500 kr"}) is True
    assert evaluate(over, {"hyra": 6500}) is True
    assert evaluate(over, {"hyra": "4000"}) is False
    after = Compare(field="retur", op=">=", other="avresa")
    assert evaluate(after, {"avresa": "2026-03-01", "retur": date(2026, 3, 1)}) is True
    assert evaluate(after, {"avresa": "2026-03-02", "retur": "2026-03-01"}) is False


def test_a_comparison_with_no_answer_is_unknown_and_not_keeps_it_unknown():
    over = Compare(field="hyra", op=">", value=0)
    assert evaluate(over, {}) is None
    assert evaluate(over, {"hyra": "mycket"}) is None
    assert evaluate(Not(over), {}) is None
    assert not shown((Not(over),), {})


def test_all_is_false_when_one_part_is_false_and_any_true_when_one_is_true():
    yes, no, unknown = Condition("a", (True,)), Condition("a", (False,)), Compare("x", ">", 0)
    answers = {"a": True}
    assert evaluate(AllOf((yes, unknown)), answers) is None
    assert evaluate(AllOf((no, unknown)), answers) is False
    assert evaluate(AnyOf((yes, unknown)), answers) is True
    assert evaluate(AnyOf((no, unknown)), answers) is None


def test_answered_tells_an_empty_answer_from_a_given_one():
    assert evaluate(Answered("telefon"), {"telefon": "  "}) is False
    assert evaluate(Answered("telefon", expected=False), {}) is True
    assert evaluate(Answered("telefon"), {"telefon": "070"}) is True


def test_could_show_counts_a_condition_on_an_unanswered_question_as_possible():
    cond = (AnyOf((Condition("boende", ("hyresratt",)), Compare("hyra", ">=", 10000))),)
    assert could_show(cond, {"boende": "hus"}, settled={"boende"})           # hyra still to come
    assert not could_show(cond, {"boende": "hus", "hyra": "100"}, settled={"boende", "hyra"})
    assert could_show((Not(Condition("boende", ("hus",))),), {}, settled=set())
    assert not could_show((Not(Condition("boende", ("hus",))),), {"boende": "hus"}, settled={"boende"})


# --- in form.yaml ----------------------------------------------------------------------------------------------

def test_the_simple_form_still_reads_as_one_field_tests():
    form = load_form(FORMS / "fardtjanst" / "form.yaml")
    assert form.page("resa_retur").show_if == (Condition("arende", ("riksfardtjanst",)),
                                               Condition("resa_typ", ("tur_retur",)))


def test_any_all_and_a_comparison_open_pages(tmp_path):
    form = load_form(write_form(tmp_path))
    assert "hyra" in page_ids(form, {"boende": "hyresratt"})
    assert "hyra" in page_ids(form, {"boende": "bostadsratt", "sambo": True})
    assert "hyra" not in page_ids(form, {"boende": "bostadsratt", "sambo": False})
    assert "stor_hyra" in page_ids(form, {"boende": "hyresratt", "hyra": "12 000"})
    assert "stor_hyra" not in page_ids(form, {"boende": "hyresratt", "hyra": "8000"})
    assert "stor_hyra" not in page_ids(form, {"boende": "hyresratt"})


def test_the_step_total_counts_a_page_whose_comparison_is_not_yet_answered(tmp_path):
    form = load_form(write_form(tmp_path))
    wiz = Wizard.start(form, TODAY).next({"fornamn": "Ada", "efternamn": "Berg"}, TODAY)
    # namn, boende, sambo, ekonomi, hyra (any: may hold), stor_hyra (hyra unknown), resa, review
    assert wiz.progress() == (2, 8)
    wiz = wiz.next({"boende": "hus"}, TODAY).next({"sambo": False}, TODAY)
    assert wiz.progress() == (4, 6)          # no rent: neither rent page can come any more


@pytest.mark.parametrize("old, new, expect", [
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {hyra: {at_least: 10000}}",
     "must name a question and its answer"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {field: hyra, at_least: mycket}", "names 'mycket'"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {field: hyra, at_least: 2026-01-01}",
     "compares the number 'hyra' with datetime.date(2026, 1, 1)"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {field: boende, at_least: 3}", "a choice question"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {field: hyra, above: 3}", "unknown key 'above'"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {field: hyra, at_least: 1, at_most: 5}",
     "says one thing about it"),
    ("- all: [{boende: [bostadsratt]}, {sambo: true}]", "- all: {boende: [bostadsratt]}", "must be a list"),
    ("- {boende: [hyresratt]}", "- {boende: [hyresrat]}", "expects 'hyresrat'"),
    ("must: {field: retur, on_or_after: avresa}", "must: {field: retur, on_or_after: avresan}",
     "names 'avresan'"),
    ("field: forlust\n", "field: hyra\n", "'hyra' is not a question of this page"),
    ("message: Hemresan kan inte vara före avresan.", "mesage: Hemresan kan inte vara före avresan.",
     "a rule: 'message' is missing"),
    ("must: {field: retur, on_or_after: avresa}", "mus: {field: retur, on_or_after: avresa}",
     "a rule: 'must' is missing"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {either: [{boende: [hus]}]}",
     "either: must name a question and its answer"),
    ("show_if: {field: hyra, at_least: 10000}", "show_if: {field: hyra, at_least: true}",
     "at_least: True is neither a number, a date nor a question"),
])
def test_a_mistake_in_a_condition_or_rule_says_where_and_how_to_fix_it(tmp_path, old, new, expect):
    found = problems(tmp_path, old, new)
    line = next((p for p in found if expect in p), None)
    assert line is not None, found
    assert "prov/form.yaml:" in line and "Fix: " in line


# --- rules -------------------------------------------------------------------------------------------------------

def test_a_broken_rule_puts_its_message_on_its_field_and_keeps_what_was_typed(tmp_path):
    form = load_form(write_form(tmp_path))
    wiz = Wizard.start(form, TODAY).change("resa")
    wiz = wiz.next({"avresa": "2026-03-10", "retur": "2026-03-01"}, TODAY)
    assert wiz.page == "resa"
    assert wiz.errors == {"retur": Text("Hemresan kan inte vara före avresan.", "prov|rules.0")}
    assert wiz.answers["retur"] == "2026-03-01"
    assert wiz.next({"retur": "2026-03-10"}, TODAY).errors == {}


def test_a_rule_about_an_empty_answer_says_nothing(tmp_path):
    form = load_form(write_form(tmp_path))
    wiz = Wizard.start(form, TODAY).change("resa").next({"avresa": "2026-03-10"}, TODAY)
    assert wiz.errors == {}


def test_gain_or_loss_not_both(tmp_path):
    form = load_form(write_form(tmp_path))
    wiz = Wizard.start(form, TODAY).change("ekonomi")
    assert wiz.next({"vinst": "500", "forlust": "200"}, TODAY).errors["forlust"].source == \
        "Skriv vinst eller förlust, inte båda."
    assert wiz.next({"vinst": "500", "forlust": "0"}, TODAY).errors == {}
    assert wiz.next({"vinst": "", "forlust": "200"}, TODAY).errors == {}


def test_a_field_error_comes_before_the_rule_and_validate_all_checks_rules_too(tmp_path):
    form = load_form(write_form(tmp_path))
    wiz = Wizard.start(form, TODAY).change("resa").next({"avresa": "2026-03-10", "retur": "snart"}, TODAY)
    assert wiz.errors["retur"].msgid.startswith("Skriv ett riktigt datum")
    _, errors = validate_all(form, {"fornamn": "Ada", "avresa": "2026-03-10", "retur": "2026-03-01"}, TODAY)
    assert list(errors) == ["retur"]


def test_the_bundled_forms_check_return_and_last_dates():
    soon = TODAY + timedelta(days=40)
    fardtjanst = load_form(FORMS / "fardtjanst" / "form.yaml")
    answers = {"arende": "riksfardtjanst", "resa_typ": "tur_retur", "avresa_datum": soon.isoformat()}
    wiz = Wizard(form=fardtjanst, page="resa_retur", answers=answers)
    early = wiz.next({"retur_datum": (soon - timedelta(days=1)).isoformat()}, TODAY)
    assert early.errors["retur_datum"].source == "Hemresan kan inte vara före avresan. Kontrollera datumen."
    assert wiz.next({"retur_datum": soon.isoformat()}, TODAY).errors == {}
    fullmakt = load_form(FORMS / "fullmakt" / "form.yaml")
    wiz = Wizard(form=fullmakt, page="giltighet-giltig_tom",
                 answers={"giltighet": "datum", "giltig_from": soon.isoformat()})
    assert "giltig_tom" in wiz.next({"giltig_tom": (soon - timedelta(days=1)).isoformat()}, TODAY).errors


def test_a_guardian_who_is_also_the_representative_is_told_to_sign_once():
    form = load_form(FORMS / "bostadsanpassning" / "form.yaml")
    said = [s.text.source for s in form.signatures
            if shown(s.show_if, {"galler_sokande": False, "foretradare.roll": "vardnadshavare"})]
    assert said == ["Du som ansöker skriver under med penna efter utskrift.", "Alla vårdnadshavare skriver under."]
    said = [s.text.source for s in form.signatures if shown(s.show_if, {"galler_sokande": False})]
    assert "Gäller ansökan ett barn under 18 år skriver alla vårdnadshavare under." in said


# --- computed -----------------------------------------------------------------------------------------------

def test_a_total_is_written_as_kronor_on_paper_and_blank_without_amounts(tmp_path):
    form = load_form(write_form(tmp_path))
    total = Total(plus=("vinst", "hyra"), minus=("forlust",))
    assert computed_value(total, form, {"vinst": 12000, "hyra": 500, "forlust": 1000}, TODAY) == "11 500"
    assert computed_value(total, form, {"vinst": None, "hyra": 500}, TODAY) == "500"
    assert computed_value(total, form, {}, TODAY) == ""


def test_days_between_two_dates():
    trip = DaysBetween(start="avresa", end="retur")
    form = load_form(FORMS / "fardtjanst" / "form.yaml")
    assert computed_value(trip, form, {"avresa": date(2026, 3, 1), "retur": date(2026, 3, 11)}, TODAY) == "10"
    assert computed_value(trip, form, {"avresa": date(2026, 3, 1)}, TODAY) == ""


def test_computed_sum_and_days_in_form_yaml_fill_their_boxes(tmp_path):
    path = copy_form(tmp_path, "fardtjanst")
    text = path.read_text(encoding="utf-8").replace(
        '  computed:\n', '  computed:\n    Resans_Dagar: {days_between: [avresa_datum, retur_datum]}\n', 1)
    path.write_text(text, encoding="utf-8")
    form = load_form(path)
    assert form.pdf.computed["Resans_Dagar"] == DaysBetween("avresa_datum", "retur_datum")
    values = pdf_values(form, {"avresa_datum": date(2026, 3, 1), "retur_datum": date(2026, 3, 4)}, TODAY)
    assert values["Resans_Dagar"] == "3" and values["Underskrift_Datum"] == TODAY.isoformat()


@pytest.mark.parametrize("spec, expect", [
    ("{sum: [avresa_datum]}", "'avresa_datum' is not a money or number question"),
    ("{days_between: [avresa_datum]}", "two question ids: the first date and the last"),
    ("{minus: [avresa_datum]}", "must be a text, sum: (with minus:) or days_between:"),
    ("{total: [avresa_datum]}", "must be a text, sum: (with minus:) or days_between:"),
])
def test_a_wrong_computed_value_is_a_problem_with_a_fix(tmp_path, spec, expect):
    path = copy_form(tmp_path, "fardtjanst")
    text = path.read_text(encoding="utf-8").replace('  computed:\n', f'  computed:\n    Box: {spec}\n', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_form(path)
    line = next(str(p) for p in exc.value.problems if expect in p.message)
    assert "form.yaml:" in line and "Fix: " in line
