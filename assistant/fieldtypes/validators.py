"""Validation: each field type has one small cleaner that returns the normalised value or raises
:class:`Invalid` with a translatable message (gettext msgid with %(name)s placeholders).

Cleaned values: personnummer as 12 digits, phone as E.164, postcode as "NNN NN", dates as
``datetime.date``, numbers as ``int``, text NFC-normalised without control or bidi-override characters.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import phonenumbers
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.se import postnummer

from assistant.i18n.markers import N_
from assistant.definition.model import Field
from assistant.fieldtypes.personnummer import IdNumber, IdNumberError, parse_id_number


@dataclass(frozen=True)
class Message:
    """A message to show in the visitor's language: msgid plus its %(name)s parameters."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)


class Invalid(Exception):
    def __init__(self, msgid: str, **params: Any):
        super().__init__(msgid)
        self.message = Message(msgid, params)


REQUIRED = {
    "choice": N_("Välj ett svar."),
    "multi": N_("Välj minst ett svar."),
    "yesno": N_("Svara ja eller nej."),
    "confirm": N_("Kryssa i rutan för att gå vidare."),
}
REQUIRED_DEFAULT = N_("Du behöver svara på frågan.")

PNR_ERRORS = {
    "format": N_("Skriv personnumret med 10 eller 12 siffror, så här: ÅÅÅÅMMDD-NNNN."),
    "checksum": N_("Personnumret stämmer inte. Kontrollera de fyra sista siffrorna."),
    "date": N_("Personnumret har inget riktigt datum. Kontrollera de första siffrorna."),
    "future": N_("Födelsedatumet i personnumret ligger i framtiden. Kontrollera året."),
}

# Format characters (bidi embeddings, overrides, isolates and marks, zero-width joiners aside) that could make
# printed text read differently from what was typed; the app inserts its own isolates where they are needed.
# Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane) print as a replacement box.
_REMOVED = dict.fromkeys([*map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"),
                          *range(0xFDD0, 0xFDF0), *(plane + end for plane in range(0, 0x110000, 0x10000)
                                                    for end in (0xFFFE, 0xFFFF))])
# Without a max_length of its own a text answer still has a limit: a pasted megabyte made a 206-page bilaga.
DEFAULT_MAX_LENGTH = {"text": 200, "multiline": 3000}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"),
)


def clean_text(value: str, *, multiline: bool = False) -> str:
    """NFC, no control characters (newlines kept in multiline text), no bidi overrides, trimmed."""
    text = unicodedata.normalize("NFC", value).translate(_REMOVED).replace("\r\n", "\n")
    keep = "\n\t" if multiline else ""
    text = "".join(ch if ch in keep or unicodedata.category(ch) != "Cc" else " " for ch in text)
    if multiline:
        return "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return " ".join(text.split())


def text_limit(f: Field) -> int:
    """The most characters an answer to `f` may have (the visitor's own-language text has the same limit)."""
    return f.max_length or DEFAULT_MAX_LENGTH.get(f.type, DEFAULT_MAX_LENGTH["multiline"])


def clean_limited(raw: Any, limit: int, *, multiline: bool) -> str:
    text = clean_text(str(raw), multiline=multiline)
    if len(text) > limit:
        raise Invalid(N_("Skriv högst %(max)s tecken. Nu är det %(count)s."), max=limit, count=len(text))
    return text


def _text(f: Field, raw: Any, today: date) -> str:
    return clean_limited(raw, text_limit(f), multiline=f.type == "multiline")


def ascii_digits(text: str) -> str:
    """Digits typed on an Arabic or Persian keyboard (٤, ۴) read as 0-9."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _pnr(f: Field, raw: Any, today: date) -> IdNumber:
    try:
        return parse_id_number(ascii_digits(str(raw)), today)
    except IdNumberError as exc:
        raise Invalid(PNR_ERRORS[exc.reason]) from None


def _postcode(f: Field, raw: Any, today: date) -> str:
    try:
        return postnummer.format(postnummer.validate(ascii_digits(str(raw))))
    except StdnumError:
        raise Invalid(N_("Skriv postnumret med fem siffror, till exempel 553 15.")) from None


def _phone(f: Field, raw: Any, today: date) -> str:
    text = str(raw).strip()
    if not re.fullmatch(r"[\d\s()+-]{5,25}", text):
        raise Invalid(N_("Skriv telefonnumret med siffror, till exempel 070-123 45 67."))
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        raise Invalid(N_("Skriv telefonnumret med siffror, till exempel 070-123 45 67.")) from None
    if not phonenumbers.is_valid_number(number):
        raise Invalid(N_("Telefonnumret är inte komplett. Kontrollera antalet siffror."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _email(f: Field, raw: Any, today: date) -> str:
    text = str(raw).strip()
    if len(text) > 254 or not _EMAIL.match(text):
        raise Invalid(N_("Skriv e-postadressen så här: namn@exempel.se"))
    return text


def parse_date(text: str) -> date | None:
    """A date in ISO or a common Swedish way of writing it; None when it is not a real date."""
    text = text.strip()
    for pattern in _DATE_FORMS:
        m = pattern.match(text)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None


def _limit(value: Any, today: date) -> Any:
    if value == "today":
        return today
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _date(f: Field, raw: Any, today: date) -> date:
    value = raw if isinstance(raw, date) else parse_date(str(raw))
    if value is None:
        raise Invalid(N_("Skriv ett riktigt datum så här: ÅÅÅÅ-MM-DD, till exempel 2026-03-01."))
    low, high = _limit(f.min, today), _limit(f.max, today)
    if high is not None and value > high:
        msgid = (N_("Datumet kan inte vara i framtiden.") if f.max == "today"
                 else N_("Datumet måste vara %(date)s eller tidigare."))
        raise Invalid(msgid, date=high)
    if low is not None and value < low:
        msgid = (N_("Datumet kan inte ha passerat.") if f.min == "today"
                 else N_("Datumet måste vara %(date)s eller senare."))
        raise Invalid(msgid, date=low)
    return value


def _number(f: Field, raw: Any, today: date) -> int:
    text = re.sub(r"[\s\u00a0]", "", str(raw))
    if f.type == "money":
        text = re.sub(r"(kr|:-|SEK)$", "", text, flags=re.IGNORECASE)
    if not re.fullmatch(r"-?\d{1,12}", text):
        raise Invalid(N_("Skriv ett heltal med bara siffror."))
    value = int(text)
    if f.min is not None and value < f.min:
        raise Invalid(N_("Talet måste vara %(min)s eller mer."), min=f.min)
    if f.max is not None and value > f.max:
        raise Invalid(N_("Talet måste vara %(max)s eller mindre."), max=f.max)
    return value


def _choice(f: Field, raw: Any, today: date) -> str:
    if f.option(str(raw)) is None:
        raise Invalid(REQUIRED["choice"])
    return str(raw)


def _multi(f: Field, raw: Any, today: date) -> list[str]:
    chosen = [str(v) for v in raw]
    if any(f.option(v) is None for v in chosen):
        raise Invalid(REQUIRED["multi"])
    return [o.value for o in f.options if o.value in chosen]


def _bool(f: Field, raw: Any, today: date) -> bool:
    """Only a real yes or no: a string such as "Nej" from a JSON answers file must not count as yes."""
    if not isinstance(raw, bool):
        raise Invalid(REQUIRED["yesno"])
    return raw


CLEANERS: dict[str, Callable[[Field, Any, date], Any]] = {
    "text": _text, "multiline": _text, "pnr": _pnr, "postcode": _postcode, "phone": _phone,
    "email": _email, "date": _date, "number": _number, "money": _number, "choice": _choice,
    "multi": _multi, "yesno": _bool, "confirm": _bool,
}


def is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not value
    return value is None


def clean(f: Field, raw: Any, today: date) -> Any:
    """The normalised answer, None when unanswered; raises Invalid with a message for the visitor."""
    if f.type == "confirm":
        if f.required and raw is not True:
            raise Invalid(REQUIRED["confirm"])
        return bool(raw)
    if is_empty(raw):
        if f.required:
            raise Invalid(REQUIRED.get(f.type, REQUIRED_DEFAULT))
        return None
    value = CLEANERS[f.type](f, raw, today)
    if value == "" and f.required:
        raise Invalid(REQUIRED_DEFAULT)
    return value if value != "" else None
