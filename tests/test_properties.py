"""Property tests: whatever a visitor types or pastes (control characters, NUL, bidi overrides,
emoji, combining marks, 10,000 characters) every validator either cleans it or explains what is
wrong, and the PDF filler either fills a PDF that another reader opens or refuses with a message.

Lone surrogates are left out on purpose: Streamlit's widgets arrive as UTF-8, which cannot carry them.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from stdnum import luhn

from assistant.paper.documents import IncompleteAnswers, answer_errors, build_documents
from assistant.definition.errors import FormError
from assistant.wizard.flow import default_answers
from assistant.i18n.translator import LANGUAGES, Translator
from assistant.definition.loader import load_form
from assistant.definition.model import Field, Option, Text
from assistant.fieldtypes import TYPES
from assistant.pdf import layout
from assistant.pdf.document import COMB, MULTILINE
from assistant.pdf.fill import BilagaInfo, fill_pdf
from assistant.fieldtypes.personnummer import IdNumber
from assistant.fieldtypes import Invalid, clean
from assistant.i18n.markers import Message
from tests.form_walks.aldreomsorg import PAGES
from tests.pdf.fixtures import Spec, make_form
from tests.testdata import ASA_PNR, TODAY
from tests.walks import walk_answers

ROOT = Path(__file__).resolve().parent.parent
FORM = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")
TRANSLATORS = [Translator.for_code(lang.code) for lang in LANGUAGES]
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NASTY = ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\r", "\r\n", "\t", "\u2028", "\u202e", "\u202d",
         "\u2066", "\u2069", "\u200f", "\u200b", "\ufeff", "\ufffd", "\uffff", "\u0301", "ﷺ", "😀",
         "👩‍👩‍👧", "\U000e0041", "\U0010ffff", "ß", "İ", "ǅ", "٣", "𝟘", "１", "－", "<b>", "&amp;", "\\", "(", ")"]
PIECES = st.one_of(st.characters(codec="utf-8"), st.sampled_from(NASTY))


def texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=min_size, max_size=max_size).map("".join)


SHORT = texts()
LONG = texts(1, 8).map(lambda s: (s * (10_000 // len(s) + 1))[:10_000])
ANY_TEXT = st.one_of(SHORT, SHORT, LONG)                # short strings twice as often
# Text shaped like a valid answer, so the cleaners' success paths are exercised as well.
SHAPED = {
    "pnr": r"(19|20)?\d{6}[-+ ]?\d{4}", "postcode": r"\d{3} ?\d{2}", "phone": r"(\+46|0)[\d -]{6,12}",
    "email": r"[a-zåäö.]{1,10}@[a-z]{1,8}\.[a-z]{2,4}", "date": r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}",
    "number": r"-?\d{1,14}", "money": r"\d{1,3}( \d{3}){0,3} ?(kr|:-)?",
}

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
OPTIONS = (Option("ja_tack", Text("Ja tack", "t|a")), Option("nej", Text("Nej", "t|b")))


def field_of(kind: str) -> Field:
    """One field of each type, with the limits forms use."""
    extra: dict[str, Any] = {
        "text": {"max_length": 200}, "multiline": {"max_length": 3000},
        "number": {"min": 0, "max": 99}, "money": {"min": 0, "max": 10_000_000},
        "date": {"min": "1900-01-01", "max": "today"},
        "choice": {"options": OPTIONS}, "multi": {"options": OPTIONS},
    }.get(kind, {})
    return Field(id=f"f.{kind}", type=kind, label=Text(kind, "t|label"), required=True, **extra)


FIELDS = [field_of(kind) for kind in TYPES]


def raw_for(kind: str) -> st.SearchStrategy[Any]:
    """What a widget of that kind can send: text, or a list of option values for multi-choice."""
    if kind == "multi":
        return st.lists(st.one_of(SHORT, st.sampled_from([o.value for o in OPTIONS])), max_size=4)
    if kind in ("yesno", "confirm"):
        return st.one_of(st.booleans(), st.none(), SHORT)
    if kind in SHAPED:
        return st.one_of(ANY_TEXT, st.none(), st.from_regex(SHAPED[kind], fullmatch=True))
    return st.one_of(ANY_TEXT, st.none())


def assert_clean(f: Field, value: Any) -> None:
    """What a cleaned value of each type looks like."""
    if f.type in ("text", "multiline"):
        keep = "\n\t" if f.type == "multiline" else ""
        assert not any(unicodedata.category(c) == "Cc" and c not in keep for c in value)
        assert not BIDI & set(value) and value == unicodedata.normalize("NFC", value)
        assert value == value.strip() and 0 < len(value) <= f.max_length
    elif f.type == "pnr":
        assert isinstance(value, IdNumber) and re.fullmatch(r"[0-9]{12}", value.digits)
        assert luhn.is_valid(value.digits[2:]) and value.birth_date <= TODAY
    elif f.type == "postcode":
        assert re.fullmatch(r"[1-9][0-9]{2} [0-9]{2}", value)
    elif f.type == "phone":
        assert re.fullmatch(r"\+[0-9]{7,15}", value)
    elif f.type == "email":
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}", value) and len(value) <= 254
    elif f.type == "date":
        assert isinstance(value, date) and date(1900, 1, 1) <= value <= TODAY
    elif f.type in ("number", "money"):
        assert isinstance(value, int) and f.min <= value <= f.max
    elif f.type == "choice":
        assert value in {o.value for o in OPTIONS}
    elif f.type == "multi":
        assert value and set(value) <= {o.value for o in OPTIONS}
    elif f.type == "yesno":
        assert isinstance(value, bool)
    else:
        assert value is True                       # a required confirm box


def assert_explained(exc: Invalid) -> None:
    """The message reads as a sentence in every language: no placeholder left, none missing."""
    for t in TRANSLATORS:
        text = t.message(exc.message)
        assert text.strip() and "%(" not in text, (t.lang.code, exc.message)


@QUICK
@given(data=st.data())
@pytest.mark.parametrize("f", FIELDS, ids=lambda f: f.type)
def test_every_validator_cleans_or_explains(f: Field, data: st.DataObject):
    raw = data.draw(raw_for(f.type), label="raw")
    try:
        value = clean(f, raw, TODAY)
    except Invalid as exc:
        assert_explained(exc)
        return
    assert_clean(f, value)


@QUICK
@given(raw=ANY_TEXT)
def test_optional_text_is_none_or_clean(raw: str):
    f = Field(id="f.note", type="multiline", label=Text("x", "t|x"), max_length=20_000)
    value = clean(f, raw, TODAY)
    assert value is None or (value.strip() == value and not BIDI & set(value))


# --- The official PDF of the service-housing form -------------------------------------------------

TEXT_ANSWERS = {  # answer id -> the PDF field it fills
    "sokande.fornamn": "Sokande_Fornamn", "sokande.efternamn": "Sokande_Efternamn",
    "sokande.adress": "Sokande_Adress", "sokande.postort": "Sokande_Postort",
    "behov": "Behov_Beskrivning", "sjukdom": "Halsa_Sjukdomar", "kontaktperson.namn": "Kontaktperson_Namn",
}


def stored_values(pdf: bytes) -> dict[str, str]:
    """Text values as stored in the fillable PDF, read with pikepdf (the library that wrote them)."""
    with pikepdf.open(BytesIO(pdf)) as doc:
        return {str(f.T): str(f.V) for f in doc.Root.AcroForm.Fields if "/V" in f and "/T" in f
                and isinstance(f.V, pikepdf.String)}


def opens(pdf: bytes) -> PdfReader:
    """Another reader than the writer opens it and finds pages."""
    reader = PdfReader(BytesIO(pdf), strict=False)
    assert len(reader.pages) >= 1
    return reader


@SLOW
@given(typed=st.fixed_dictionaries({}, optional={k: ANY_TEXT for k in TEXT_ANSWERS}))
def test_the_service_housing_pdf_is_made_or_the_answers_explained(typed: dict[str, str]):
    answers = {**default_answers(FORM, TODAY), **walk_answers(PAGES), **typed}
    cleaned, errors = answer_errors(FORM, answers, TODAY)       # what the wizard would say, in its words
    if errors:
        for message in errors.values():
            if isinstance(message, Message):
                assert_explained(Invalid(message.msgid, **message.params))
            else:                                               # the form's own error: text
                assert all(t.text(message).strip() for t in TRANSLATORS), message
        with pytest.raises(IncompleteAnswers):
            build_documents(FORM, answers, TODAY)
        return
    docs = build_documents(FORM, answers, TODAY, fillable=True)
    opens(docs.print_pdf)
    assert opens(docs.fillable_pdf).get_fields()
    stored = stored_values(docs.fillable_pdf)
    bilaga = {c.field_name: c for c in docs.continued}
    for answer_id, pdf_field in TEXT_ANSWERS.items():
        if answer_id in typed and cleaned.get(answer_id):
            expected = f"Se bilaga {bilaga[pdf_field].number}" if pdf_field in bilaga else cleaned[answer_id]
            assert stored[pdf_field] == expected, answer_id
            if pdf_field in bilaga:
                assert bilaga[pdf_field].text == cleaned[answer_id]


# --- fill_pdf itself, with values no validator has seen -------------------------------------------

FIXTURE = make_form([
    Spec("line"),
    Spec("notes", flags=MULTILINE, rects=[(0, 72, 560, 300, 100)]),
    Spec("comb", flags=COMB, max_len=12, rects=[(0, 72, 520, 200, 18)]),
    Spec("combo", kind="combo", options=(("a", "Alfa"),), flags=1 << 18, rects=[(0, 72, 490, 200, 18)]),
    Spec("tick", kind="checkbox", rects=[(0, 72, 460, 12, 12)]),
])
BILAGA = BilagaInfo("Blankett", "Zyxwåvu Qörtbeck", "19440617-7354", {})
# The multiline field gets shorter text: a long word there is the known slow case below.
RAW_VALUES = st.fixed_dictionaries({}, optional={
    "line": ANY_TEXT, "notes": texts(max_size=120).map(lambda s: s[:300]), "comb": ANY_TEXT, "combo": ANY_TEXT,
    "tick": st.one_of(st.booleans(), SHORT)})


@SLOW
@given(values=RAW_VALUES)
def test_fill_pdf_fills_or_refuses_with_a_message(values: dict[str, Any]):
    try:
        filled = fill_pdf(FIXTURE, values, bilaga=BILAGA, source="fixture.pdf")
    except FormError as exc:
        assert values.get("tick") not in (True, False, "Yes", "Off")       # only a state that does not exist
        assert "tick" in str(exc) and "does not exist" in str(exc)
        return
    opens(filled.print_pdf)
    stored = stored_values(filled.fillable_pdf)
    bilaga = {c.field_name: c for c in filled.continued}
    for name in ("line", "notes", "comb", "combo"):
        if values.get(name):
            value = stored[name]
            assert value == values[name] or (value == f"Se bilaga {bilaga[name].number}"
                                              and bilaga[name].text == values[name]), name


def test_a_long_word_is_broken_with_few_measurements():
    calls = 0

    def width(text: str) -> float:
        nonlocal calls
        calls += 1
        return len(text) * 0.5

    assert layout.fit("x" * 3000, width, (300, 120), 0, multiline=True) is None
    assert calls < 10 * 3000


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.mark.parametrize("digits", [ARABIC_INDIC, PERSIAN], ids=["arabic", "persian"])
def test_digits_from_an_arabic_or_persian_keyboard_are_read_as_digits(digits):
    pnr = FORM.field("sokande.personnummer")
    typed = ASA_PNR.translate(digits)
    assert clean(pnr, typed, TODAY).digits == ASA_PNR.replace("-", "")
    assert clean(FORM.field("sokande.postnummer"), "553 15".translate(digits), TODAY) == "553 15"

