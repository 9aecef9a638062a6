"""Texts a visitor reads (issue 14, point 7): municipality names, phones and addresses only from
config/municipality.yaml, whom to call from the form (the body that handles it), examples that are valid on
the day they are shown, and the translation slips that were reported."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.wizard.flow import Wizard, default_answers
from assistant.definition.form_texts import form_texts
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_library
from assistant.paper.receipt import receipt_html
from assistant.settings import settings
from tests.testdata import TODAY
from tests.walks import all_walks, walk_answers

ROOT = Path(__file__).resolve().parent.parent
FORMS = load_library(ROOT / "forms").forms
LOCAL = ("Jönköping", "Juneporten", "036-", "0771-680", "Länstrafik", "Kontaktcenter", "Socialtjänsten")


@pytest.mark.parametrize("form", FORMS.values(), ids=lambda f: f.id)
def test_no_municipality_name_phone_or_address_is_written_into_a_form(form):
    texts = [t.source for t, _ in form_texts(form) if t]
    texts += [f.default for f in form.fields if isinstance(f.default, str)] + [form.authority, form.contact]
    assert [s for s in texts if any(word in s for word in LOCAL)] == []


def test_the_receipt_names_whom_to_call_for_each_errand():
    config = settings().placeholders
    expected = {"bostadstillagg": "0771-776 776", "fardtjanst": config["fardtjanst.telefon"],
                "trygghetslarm": config["kommun.telefon"]}
    walks = {w.form_id: w for w in all_walks()}
    for form_id, phone in expected.items():
        form = FORMS[form_id]
        answers = {**default_answers(form, TODAY), **walk_answers(walks[form_id].walk)}
        html = receipt_html(form, answers, Translator.for_code("sv"), TODAY)
        assert phone in html, form_id
    assert config["kommun.telefon"] not in receipt_html(FORMS["bostadstillagg"], {**default_answers(
        FORMS["bostadstillagg"], TODAY), **walk_answers(walks["bostadstillagg"].walk)}, Translator.for_code("sv"), TODAY)


def test_where_the_visitor_signs_is_the_municipalitys_own_place():
    assert default_answers(FORMS["trygghetslarm"], TODAY)["ort"] == settings().placeholders["kommun.ort"]


def test_the_care_form_is_sent_where_its_paper_says():
    send_to = settings().fill(FORMS["aldreomsorg"].send_to.source)
    assert settings().placeholders["adress.kontaktcenter"] in send_to


@pytest.mark.parametrize("today", [date(2026, 12, 3), date(2031, 6, 1)])
def test_a_date_example_is_valid_for_its_own_question_on_the_day_it_is_shown(today):
    form = FORMS["aldreomsorg"]
    wiz = Wizard(form=form, page="startdatum", answers={"insatser": ["trygghetslarm"]})
    message = wiz.next({"startdatum": "i mars"}, today).errors["startdatum"]
    example = date.fromisoformat(message.params["example"])
    assert example > today
    assert not wiz.next({"startdatum": example.isoformat()}, today).errors
    born = Wizard(form=form, page="sokande.namn-personnummer", answers={"sokande.saknar_personnummer": True})
    example = date.fromisoformat(born.next({"sokande.fodelsedatum": "17/5"}, today).errors["sokande.fodelsedatum"].params["example"])
    assert example < today - timedelta(days=365 * 18)


def po_string(lang: str, context: str) -> str:
    from babel.messages.pofile import read_po
    from assistant.i18n.translator import catalog_path

    with catalog_path(lang).open("rb") as fh:
        return next(m.string for m in read_po(fh) if m.context == context)


def test_the_reported_translation_slips_are_fixed():
    for lang in ("ar", "fa"):       # the spouse's and the second guardian's work, not "I work"
        assert po_string(lang, "forskola|vh2_sysselsattning.option.arbetar") not in ("أعمل", "کار می‌کنم")
        assert po_string(lang, "ekonomiskt_bistand|medsokande_sysselsattning.option.heltid") not in (
            "أعمل بدوام كامل", "تمام‌وقت کار می‌کنم")
    assert "ugu horrayn" not in po_string("so", "forskola|startdatum.help")          # "firstly"
    assert "شناسنامه" not in po_string("fa", "forskola|signatures.0")               # a paper birth certificate
    assert "esikoulu" not in po_string("fi", "forskola|title").lower()               # pre-school class, not förskola
