"""Personnummer and samordningsnummer: every way people write them, and every way they go wrong."""
from datetime import date

import pytest

from assistant.fieldtypes.personnummer import IdNumberError, parse_id_number
from tests.testdata import SAMORDNING, TODAY, luhn_digit, make_pnr

PNR = make_pnr(date(1941, 3, 14), 482)     # "19410314-482C"
DIGITS = PNR.replace("-", "")


@pytest.mark.parametrize("written", [
    PNR, DIGITS, DIGITS[2:], f"{DIGITS[2:8]}-{DIGITS[8:]}", f"{DIGITS[2:8]} {DIGITS[8:]}",
    f" {DIGITS[:4]} {DIGITS[4:8]} - {DIGITS[8:]} ",
])
def test_accepts_10_or_12_digits_with_dash_or_nothing_and_spaces(written):
    assert parse_id_number(written, TODAY).digits == DIGITS


def test_ten_digits_get_the_most_recent_century_that_is_not_in_the_future():
    child = make_pnr(date(2020, 5, 1), 123).replace("-", "")
    assert parse_id_number(child[2:], TODAY).digits == child
    born_later_this_year = make_pnr(date(1926, 12, 30), 123).replace("-", "")
    assert parse_id_number(born_later_this_year[2:], TODAY).digits == born_later_this_year


def test_plus_means_a_hundred_years_or_more():
    old = make_pnr(date(1921, 2, 3), 456).replace("-", "")
    assert parse_id_number(f"{old[2:8]}+{old[8:]}", TODAY).digits == old
    assert parse_id_number(f"{old[2:8]}+{old[8:]}", TODAY).format("pnr10", TODAY) == f"{old[2:8]}+{old[8:]}"


def test_samordningsnummer_is_accepted_and_keeps_its_day_plus_60():
    number = parse_id_number(SAMORDNING, TODAY)
    assert number.coordination
    assert number.birth_date == date(1970, 10, 3)
    assert number.format("pnr12", TODAY) == SAMORDNING


@pytest.mark.parametrize("written, reason", [
    ("12345", "format"), ("abcdef-ghij", "format"), ("19410314-48", "format"),
    (PNR[:-1] + str((int(PNR[-1]) + 1) % 10), "checksum"),
])
def test_rejects_wrong_shape_and_wrong_check_digit(written, reason):
    with pytest.raises(IdNumberError) as exc:
        parse_id_number(written, TODAY)
    assert exc.value.reason == reason


def test_rejects_impossible_dates_with_a_valid_check_digit():
    nine = "411332482"                                        # month 13
    with pytest.raises(IdNumberError) as exc:
        parse_id_number(nine + luhn_digit(nine), TODAY)
    assert exc.value.reason == "date"


def test_rejects_a_birth_date_in_the_future():
    future = make_pnr(date(2027, 1, 5), 111)
    with pytest.raises(IdNumberError) as exc:
        parse_id_number(future, TODAY)
    assert exc.value.reason == "future"


def test_formats_for_the_pdf():
    number = parse_id_number(PNR, TODAY)
    assert number.format("pnr12", TODAY) == PNR
    assert number.format("pnr12_digits", TODAY) == DIGITS
    assert number.format("pnr10", TODAY) == f"{DIGITS[2:8]}-{DIGITS[8:]}"
