"""What happens after the form is handed in, with a concrete date where the form's rules give one
("… omkring 17 december 2026"): the same sentence on the result page, in "Läs upp" and on the receipt."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from assistant.i18n.translator import Translator
from assistant.definition.model import ListItem

_DATE = re.compile("%\\(\u2068?date\u2069?\\)\u2068?s\u2069?")


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dated(item: ListItem, t: Translator, today: date) -> str:
    """A next step with its date, where the rules give one from today: "… senast omkring 17 december 2026."."""
    text = t.text(item.text)
    if not item.dated:
        return text
    day = add_months(today, item.months) if item.months else today + timedelta(days=item.days or 0)
    # In a right-to-left language t.text has isolated the Latin letters of the placeholder too.
    return text + " " + _DATE.sub(lambda m: t.date(day), t.text(item.dated))
