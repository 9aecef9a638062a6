"""Numbers and addresses that reach a person: personnummer, postnummer, telephone, e-mail.

Each is checked by the library made for it (python-stdnum, phonenumbers) and kept in one canonical form;
the paper and the screen write it from that form, never by guessing from what the text looks like.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

import phonenumbers
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.se import postnummer

from assistant.definition.model import Field
from assistant.fieldtypes.base import FieldType, Invalid
from assistant.fieldtypes.personnummer import IdNumber, IdNumberError, parse_id_number
from assistant.i18n.markers import N_
from assistant.i18n.translator import Translator

PNR_ERRORS = {
    "format": N_("Skriv personnumret med 10 eller 12 siffror, så här: ÅÅÅÅMMDD-NNNN."),
    "checksum": N_("Personnumret stämmer inte. Kontrollera de fyra sista siffrorna."),
    "date": N_("Personnumret har inget riktigt datum. Kontrollera de första siffrorna."),
    "future": N_("Födelsedatumet i personnumret ligger i framtiden. Kontrollera året."),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_SHAPE = re.compile(r"[\d\s()+-]{5,25}")
PHONE_HOW = N_("Skriv telefonnumret med siffror, till exempel 070-123 45 67.")


def ascii_digits(text: str) -> str:
    """Digits typed on an Arabic or Persian keyboard (٤, ۴) read as 0-9."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


class PnrType(FieldType):
    """A personnummer or samordningsnummer, 10 or 12 digits with a checked last digit. Printed as format: says: pnr12
    (19450101-1234, the default), pnr10 or pnr12_digits."""

    name = "pnr"
    ltr = True
    paper_formats = frozenset({"pnr10", "pnr12", "pnr12_digits"})

    def parse(self, f: Field, raw: Any, today: date) -> IdNumber:
        try:
            return parse_id_number(ascii_digits(str(raw)), today)
        except IdNumberError as exc:
            raise Invalid(PNR_ERRORS[exc.reason]) from None

    def show(self, f: Field, value: IdNumber, t: Translator) -> str:
        return value.format("pnr12", date.today())

    def paper(self, f: Field, value: IdNumber, fmt: str | None, today: date) -> str:
        return value.format(fmt or "pnr12", today)


class PostcodeType(FieldType):
    """A Swedish postnummer, five digits; printed as 553 15."""

    name = "postcode"
    ltr = True

    def parse(self, f: Field, raw: Any, today: date) -> str:
        try:
            return postnummer.format(postnummer.validate(ascii_digits(str(raw))))
        except StdnumError:
            raise Invalid(N_("Skriv postnumret med fem siffror, till exempel 553 15.")) from None


def written_phone(e164: str) -> str:
    """A Swedish number as Swedes write it (070-123 45 67 in phonenumbers' national style); any other
    country's with its +code, which is how it is dialled from Sweden."""
    number = phonenumbers.parse(e164)
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if phonenumbers.region_code_for_number(number) == "SE"
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


class PhoneType(FieldType):
    """A telephone number, Swedish unless it starts with a +code. Printed as Swedes write it (070-123 45 67), another
    country's with its +code; phone_e164 gives +46701234567."""

    name = "phone"
    ltr = True
    paper_formats = frozenset({"phone_national", "phone_e164"})

    def parse(self, f: Field, raw: Any, today: date) -> str:
        text = ascii_digits(str(raw)).strip()
        if not _PHONE_SHAPE.fullmatch(text):
            raise Invalid(PHONE_HOW)
        try:
            number = phonenumbers.parse(text, "SE")
        except phonenumbers.NumberParseException:
            raise Invalid(PHONE_HOW) from None
        if not phonenumbers.is_valid_number(number):
            raise Invalid(N_("Telefonnumret är inte komplett. Kontrollera antalet siffror."))
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def show(self, f: Field, value: str, t: Translator) -> str:
        return written_phone(value)

    def paper(self, f: Field, value: str, fmt: str | None, today: date) -> str:
        return value if fmt == "phone_e164" else written_phone(value)


class EmailType(FieldType):
    """An e-mail address, name@example.se."""

    name = "email"
    ltr = True

    def parse(self, f: Field, raw: Any, today: date) -> str:
        text = str(raw).strip()
        if len(text) > 254 or not _EMAIL.match(text):
            raise Invalid(N_("Skriv e-postadressen så här: namn@exempel.se"))
        return text
