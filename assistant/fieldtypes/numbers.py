"""Whole numbers: a count (number of children) or an amount in kronor (money)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from assistant.definition.model import Field
from assistant.fieldtypes.base import Check, FieldType, Invalid
from assistant.i18n.markers import N_
from assistant.i18n.translator import Translator


def at_least(low: int) -> Check:
    def check(value: Any) -> None:
        if value < low:
            raise Invalid(N_("Talet måste vara %(min)s eller mer."), min=low)
    return check


def at_most(high: int) -> Check:
    def check(value: Any) -> None:
        if value > high:
            raise Invalid(N_("Talet måste vara %(max)s eller mindre."), max=high)
    return check


def format_amount(value: int) -> str:
    """Whole kronor grouped as Swedes write them on paper: 12 500."""
    return f"{value:,}".replace(",", " ")


class NumberType(FieldType):
    """A whole number (number of children); min: and max: limit it. Printed as digits."""

    name = "number"
    ltr = True
    compares_as = "number"

    def digits(self, raw: Any) -> str:
        return re.sub(r"[\s\u00a0]", "", str(raw))

    def parse(self, f: Field, raw: Any, today: date) -> int:
        text = self.digits(raw)
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise Invalid(N_("Skriv ett heltal med bara siffror."))
        return int(text)

    def checks(self, f: Field, today: date) -> Iterable[Check]:
        checks = []
        if f.min is not None:
            checks.append(at_least(f.min))
        if f.max is not None:
            checks.append(at_most(f.max))
        return checks

    def show(self, f: Field, value: Any, t: Translator) -> str:
        return t.number(value)


class MoneyType(NumberType):
    """Whole kronor ("1 200 kr", "1200:-" are both 1200); printed with a space per thousand: 12 500."""

    name = "money"

    def digits(self, raw: Any) -> str:
        """"1 200 kr", "1200:-" and "1200 SEK" are all 1200 kronor."""
        return re.sub(r"(kr|:-|SEK)$", "", super().digits(raw), flags=re.IGNORECASE)

    def show(self, f: Field, value: Any, t: Translator) -> str:
        return t("%(amount)s kr", amount=t.number(value))

    def paper(self, f: Field, value: Any, fmt: str | None, today: date) -> str:
        return format_amount(value)
