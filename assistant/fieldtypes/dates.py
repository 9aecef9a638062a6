"""A day: written in ISO or a common Swedish way, within the question's min and max ("today" or a date)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from assistant.definition.model import Field
from assistant.fieldtypes.base import Check, FieldType, Invalid
from assistant.i18n.markers import N_
from assistant.i18n.translator import Translator

_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"),
)


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


def _day(limit: Any, today: date) -> date:
    return today if limit == "today" else date.fromisoformat(limit) if isinstance(limit, str) else limit


def not_after(limit: Any, today: date) -> Check:
    high = _day(limit, today)

    def check(value: date) -> None:
        if value > high:
            raise Invalid(N_("Datumet kan inte vara i framtiden.") if limit == "today"
                          else N_("Datumet måste vara %(date)s eller tidigare."), date=high)
    return check


def not_before(limit: Any, today: date) -> Check:
    low = _day(limit, today)

    def check(value: date) -> None:
        if value < low:
            raise Invalid(N_("Datumet kan inte ha passerat.") if limit == "today"
                          else N_("Datumet måste vara %(date)s eller senare."), date=low)
    return check


class DateType(FieldType):
    """A day, typed as 2026-03-01 or 1.3.2026; min:/max: are today or a date. Printed as 2026-03-01,
    or "Född 2026-03-01" with format: born."""

    name = "date"
    compares_as = "date"
    paper_formats = frozenset({"date_iso", "born"})
    placeholder = N_("ÅÅÅÅ-MM-DD")

    def parse(self, f: Field, raw: Any, today: date) -> date:
        value = raw if isinstance(raw, date) else parse_date(str(raw))
        if value is None:
            raise Invalid(N_("Skriv ett riktigt datum så här: ÅÅÅÅ-MM-DD, till exempel 2026-03-01."))
        return value

    def checks(self, f: Field, today: date) -> Iterable[Check]:
        return [check(limit, today) for limit, check in ((f.max, not_after), (f.min, not_before))
                if limit is not None]

    def show(self, f: Field, value: Any, t: Translator) -> str:
        return t.date(value)

    def paper(self, f: Field, value: Any, fmt: str | None, today: date) -> str:
        return f"Född {value.isoformat()}" if fmt == "born" else value.isoformat()
