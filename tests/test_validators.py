"""Each field type's cleaner: what it accepts, how it normalises, and the message when it refuses."""
from datetime import date

import pytest

from assistant.definition.model import Field, Option, Text
from assistant.fieldtypes import Invalid, clean
from assistant.fieldtypes.text import clean_text
from tests.testdata import ASA_PNR, SAMORDNING, TODAY

L = Text("Fråga", "test|q")


def field(type_, **kw):
    return Field(id="q", type=type_, label=L, **kw)


def error(f, raw):
    with pytest.raises(Invalid) as exc:
        clean(f, raw, TODAY)
    return exc.value.message.msgid


@pytest.mark.parametrize("type_", ["text", "pnr", "postcode", "phone", "email", "date", "number", "multiline"])
def test_required_answers_must_be_given(type_):
    assert "svara" in error(field(type_, required=True), "   ")
    assert clean(field(type_), "  ", TODAY) is None


def test_required_choices_have_their_own_messages():
    opts = (Option("a", Text("A", "t|a")),)
    assert error(field("choice", required=True, options=opts), None) == "Välj ett svar."
    assert error(field("multi", required=True, options=opts), []) == "Välj minst ett svar."
    assert error(field("yesno", required=True), None) == "Svara ja eller nej."
    assert error(field("confirm", required=True), False) == "Kryssa i rutan för att gå vidare."


def test_personnummer_and_samordningsnummer_are_stored_as_12_digits():
    assert clean(field("pnr"), ASA_PNR[2:], TODAY).digits == ASA_PNR.replace("-", "")
    assert clean(field("pnr"), SAMORDNING, TODAY).coordination
    assert "fyra sista" in error(field("pnr"), ASA_PNR[:-1] + str((int(ASA_PNR[-1]) + 3) % 10))


@pytest.mark.parametrize("written", ["553 15", "55315", "SE-553 15"])
def test_postcode_is_written_nnn_nn(written):
    assert clean(field("postcode"), written, TODAY) == "553 15"


@pytest.mark.parametrize("written", ["05315", "5531", "553 155", "abcde"])
def test_postcode_refuses_what_is_not_five_digits(written):
    assert "fem siffror" in error(field("postcode"), written)


@pytest.mark.parametrize("written, e164", [
    ("070-123 45 67", "+46701234567"), ("0701234567", "+46701234567"), ("+46 70 123 45 67", "+46701234567"),
    ("0046701234567", "+46701234567"), ("036-10 50 00", "+4636105000"), ("08-123 456 78", "+46812345678"),
])
def test_swedish_phone_numbers_are_stored_as_e164(written, e164):
    assert clean(field("phone"), written, TODAY) == e164


@pytest.mark.parametrize("written", ["070-123", "hej", "070-123 45 67 89 00"])
def test_phone_refuses_incomplete_or_non_numbers(written):
    assert "elefonnumret" in error(field("phone"), written)


def test_email():
    assert clean(field("email"), " asa.oberg@example.se ", TODAY) == "asa.oberg@example.se"
    for bad in ["asa", "asa@", "asa@example", "a b@example.se"]:
        assert "namn@exempel.se" in error(field("email"), bad)


@pytest.mark.parametrize("written", ["2026-03-01", "20260301", "2026/3/1", "1.3.2026"])
def test_dates_in_common_swedish_forms(written):
    assert clean(field("date"), written, TODAY) == date(2026, 3, 1)


def test_dates_must_be_real_and_within_limits():
    assert "riktigt datum" in error(field("date"), "2026-02-30")
    assert "framtiden" in error(field("date", max="today"), "2026-11-26")
    assert clean(field("date", max="today"), "2026-11-25", TODAY) == TODAY
    assert "passerat" in error(field("date", min="today"), "2026-11-24")


def test_numbers_and_limits():
    assert clean(field("number", min=0, max=40), " 3 ", TODAY) == 3
    assert "40 eller mindre" not in error(field("number", min=0, max=40), "41")  # msgid keeps the placeholder
    with pytest.raises(Invalid) as exc:
        clean(field("number", max=40), "41", TODAY)
    assert exc.value.message.params == {"max": 40}
    assert clean(field("money"), "12 500 kr", TODAY) == 12500
    assert "heltal" in error(field("number"), "3,5")


def test_text_length_is_measured_after_cleaning():
    with pytest.raises(Invalid) as exc:
        clean(field("text", max_length=5), "abcdef", TODAY)
    assert exc.value.message.params == {"max": 5, "count": 6}


def test_text_cleaning_removes_controls_and_bidi_overrides_but_keeps_every_script():
    assert clean_text("Åsa\x00 \u202eÖberg\t") == "Åsa Öberg"
    assert clean_text("Nguye\u0302\u0303n") == "Nguyễn"            # NFC
    assert clean_text("محمد  أحمد") == "محمد أحمد"
    assert clean_text("rad ett\r\nrad två \n", multiline=True) == "rad ett\nrad två"


def test_choices_keep_form_order_and_refuse_unknown_values():
    opts = tuple(Option(v, Text(v, f"t|{v}")) for v in "abc")
    assert clean(field("multi", options=opts), ["c", "a"], TODAY) == ["a", "c"]
    assert error(field("choice", options=opts), "x") == "Välj ett svar."


def test_yes_no_takes_only_a_real_yes_or_no():
    assert clean(field("yesno"), False, TODAY) is False
    assert clean(field("yesno"), True, TODAY) is True
    assert error(field("yesno"), "Nej") == "Svara ja eller nej."


def test_noncharacters_and_every_bidi_control_are_removed_on_input():
    """U+FFFE and U+FFFF printed as a replacement box; U+061C (Arabic letter mark) was kept."""
    typed = "Åsa\ufffe Öberg\uffff \u061cمحمد\u200f\u202e\ufdd0\U0010ffff"
    assert clean_text(typed) == "Åsa Öberg محمد"


def test_a_text_without_its_own_limit_still_has_one():
    assert clean(field("text"), "a" * 200, TODAY) == "a" * 200
    assert error(field("text"), "a" * 201).startswith("Skriv högst")
    assert error(field("multiline"), "a" * 3001).startswith("Skriv högst")
    assert clean(field("text", max_length=500), "a" * 500, TODAY) == "a" * 500


def test_the_visitors_own_language_text_has_the_same_limit_as_its_field():
    """A 1 MB paste in the own-language box was accepted and made a 206-page bilaga."""
    from assistant.wizard.flow import validate_page
    from assistant.definition.model import ORIGINAL, Page

    f = field("multiline", max_length=100, free_text=True)
    page = Page(id="p", title=L, fields=(f,))
    _, errors = validate_page(page, {"q": "Hjälp med dusch", "q" + ORIGINAL: "ك" * 100}, TODAY)
    assert errors == {}
    _, errors = validate_page(page, {"q": "Hjälp med dusch", "q" + ORIGINAL: "ك" * 1_000_000}, TODAY)
    assert errors["q"].msgid.startswith("Skriv högst") and errors["q"].params["count"] == 1_000_000
