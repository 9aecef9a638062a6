"""The wizard's flow as pure functions: conditions, progress, Back/Continue, review, warnings."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from assistant.flow import REVIEW, Wizard, relevant_answers, visible_pages
from assistant.loader import load_form
from assistant.model import Text
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


def test_progress_counts_visible_pages_and_the_review():
    wiz = Wizard.start(FORM, TODAY)
    step, total = wiz.progress()
    assert step == 1 and total == len(wiz.pages()) + 1


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
    assert after.page == "insatser" and "insatser_annat" in after.errors   # same page: new question on it
    after = after.next({"insatser_annat": "Fotvård"}, TODAY)
    assert after.page == REVIEW


def test_back_from_the_first_page_leaves_the_form():
    assert Wizard.start(FORM, TODAY).back({}) is None


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
