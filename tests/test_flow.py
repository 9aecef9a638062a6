"""The wizard's flow as pure functions: conditions, progress, Back/Continue, review, warnings."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from assistant.wizard.flow import REVIEW, Wizard, relevant_answers, visible_pages
from assistant.definition.loader import load_form
from assistant.definition.model import Text
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import TODAY
from tests.walks import walk_answers

FORM = load_form(Path(__file__).resolve().parent.parent / "forms" / "aldreomsorg" / "form.yaml")


def test_pages_appear_only_when_their_condition_holds():
    ids = [p.id for p in visible_pages(FORM, {"insatser": ["trygghetslarm"]})]
    assert "parboende" not in ids and "onskat_boende" not in ids and "make.namn" not in ids
    ids = [p.id for p in visible_pages(FORM, {"insatser": ["sarskilt_boende"], "civilstand": "gift",
                                              "parboende": True})]
    assert {"parboende", "onskat_boende", "make.namn"} <= set(ids)


def test_hidden_answers_are_kept_but_never_printed():
    answers = {**walk_answers(PAGES), "parboende": False}
    assert "make.fornamn" in answers and "make.fornamn" not in relevant_answers(FORM, answers)


def test_the_step_total_never_grows_as_answers_open_pages():
    """'Steg 1 av 16 -> 3 av 17 -> 8 av 19' made the visitor feel the form had no end: the total counts
    every page that may still come, so answers only ever take pages away."""
    wiz = Wizard.start(FORM, TODAY)
    totals = []
    for page_id, values in PAGES:
        assert wiz.page == page_id
        step, total = wiz.progress()
        totals.append(total)
        if page_id == PAGES[-1][0]:
            break
        wiz = wiz.next(values, TODAY)
        assert not wiz.errors, (page_id, wiz.errors)
    assert all(later <= earlier for earlier, later in zip(totals, totals[1:])), totals
    assert step == total == len(PAGES), (step, total)


def test_continue_with_an_error_stays_and_keeps_the_typed_value():
    wiz = Wizard.start(FORM, TODAY).next({"insatser": ["trygghetslarm"]}, TODAY)
    again = wiz.next({"startdatum": "30 februari"}, TODAY)
    assert again.page == "startdatum" and "startdatum" in again.errors
    assert again.answers["startdatum"] == "30 februari"


def test_a_change_from_the_review_returns_there():
    wiz = Wizard(form=FORM, page=REVIEW, answers=walk_answers(PAGES))
    changed = wiz.change("sokande.adress").next({"sokande.postort": "Huskvarna"}, TODAY)
    assert changed.page == REVIEW and changed.answers["sokande.postort"] == "Huskvarna"


def test_a_change_that_opens_new_pages_asks_them_before_the_review():
    answers = {**walk_answers(PAGES), "insatser": ["trygghetslarm"]}
    wiz = Wizard(form=FORM, page=REVIEW, answers=answers).change("insatser")
    after = wiz.next({"insatser": ["trygghetslarm", "annat"]}, TODAY)
    assert after.page == "insatser-insatser_annat"      # the new question, on its own page
    after = after.next({"insatser_annat": "Fotvård"}, TODAY)
    assert after.page == REVIEW


def test_back_from_the_first_page_leaves_the_form():
    assert Wizard.start(FORM, TODAY).back({}) is None


def test_the_declaration_comes_after_the_review_and_is_asked_again_after_a_change():
    answers = {**walk_answers(PAGES), "ort": "Huskvarna"}
    wiz = Wizard(form=FORM, page=REVIEW, answers=answers).next({}, TODAY)
    assert wiz.page == "samtycke"
    wiz = wiz.next({}, TODAY)
    assert wiz.page == "underskrift" and wiz.is_last() and wiz.answers["forsakran"] is True
    back = Wizard(form=FORM, page=REVIEW, answers=answers).change("sokande.adress")
    unchanged = back.next({"sokande.postort": answers["sokande.postort"]}, TODAY)
    assert unchanged.page == REVIEW and unchanged.answers["forsakran"] is True
    changed = back.next({"sokande.postort": "Huskvarna"}, TODAY)
    assert changed.page == REVIEW and not changed.answers["forsakran"] and changed.answers["samtycke"] == []
    assert changed.answers["ort"] == "Huskvarna"     # where the visitor signs is no declaration: kept


def test_a_missing_answer_is_said_in_the_questions_own_words():
    wiz = Wizard(form=FORM, page="sokande.namn", answers={}).next({"sokande.fornamn": "", "sokande.efternamn": ""}, TODAY)
    assert wiz.errors["sokande.fornamn"] == FORM.field("sokande.fornamn").error
    assert FORM.field("sokande.fornamn").error.source == "Skriv förnamnet."


def test_a_date_warning_is_shown_once_and_then_lets_the_visitor_go_on():
    start = replace(FORM.field("startdatum"), warn_days=30, warning=Text("Ansök i god tid.", "t|w"))
    page = replace(FORM.page("startdatum"), fields=(start,))
    form = replace(FORM, pages=tuple(page if p.id == "startdatum" else p for p in FORM.pages))
    wiz = Wizard(form=form, page="startdatum", answers={"insatser": ["trygghetslarm"]})
    soon = (TODAY + timedelta(days=10)).isoformat()
    warned = wiz.next({"startdatum": soon}, TODAY)
    assert warned.page == "startdatum" and warned.warnings == ("startdatum",) and not warned.errors
    assert warned.next({"startdatum": soon}, TODAY).page != "startdatum"
    later = (TODAY + timedelta(days=40)).isoformat()
    assert wiz.next({"startdatum": later}, TODAY).warnings == ()
