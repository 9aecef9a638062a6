"""Answers picked, not typed: one option, several options, yes or no, and a tick that confirms."""
from __future__ import annotations

from datetime import date
from typing import Any

from assistant.definition.model import Field
from assistant.fieldtypes.base import FieldType, Invalid
from assistant.i18n.markers import N_
from assistant.i18n.translator import Translator

YES, NO = N_("Ja"), N_("Nej")


class ChoiceType(FieldType):
    """One of the options:, as radio buttons. Printed as the option's value, its label (as_label:) or a state
    (states:)."""

    name = "choice"
    widget = "radio"
    has_options = True
    required_message = N_("Välj ett svar.")

    def parse(self, f: Field, raw: Any, today: date) -> str:
        if f.option(str(raw)) is None:
            raise Invalid(self.required_message)
        return str(raw)

    def show(self, f: Field, value: Any, t: Translator) -> str:
        option = f.option(str(value))
        return t.text(option.label) if option else str(value)

    def written(self, f: Field, value: Any, today: date) -> str:
        option = f.option(str(value))
        return option.label.source if option else str(value)

    def stand_in(self, f: Field) -> Any:
        return f.options[0].value if f.options else "-"


class MultiType(ChoiceType):
    """Any of the options:, a box to tick for each. Printed as a checkbox per option (checkboxes:)."""

    name = "multi"
    widget = "ticks"
    many = True
    declaration = True
    required_message = N_("Välj minst ett svar.")

    def parse(self, f: Field, raw: Any, today: date) -> list[str]:
        chosen = [str(v) for v in raw]
        if any(f.option(v) is None for v in chosen):
            raise Invalid(self.required_message)
        return [o.value for o in f.options if o.value in chosen]

    def show(self, f: Field, value: Any, t: Translator) -> str:
        return t.list([t.text(o.label) for o in f.options if o.value in value])

    def paper(self, f: Field, value: Any, fmt: str | None, today: date) -> str:
        return ", ".join(o.label.source for o in f.options if o.value in value)

    def written(self, f: Field, value: Any, today: date) -> str:
        return self.paper(f, value, None, today)

    def stand_in(self, f: Field) -> Any:
        return [f.options[0].value] if f.options else []


class YesNoType(FieldType):
    """Ja or Nej. Printed by states: or checkboxes: with the answers true and false."""

    name = "yesno"
    widget = "yesno"
    declaration = True
    required_message = N_("Svara ja eller nej.")

    def parse(self, f: Field, raw: Any, today: date) -> bool:
        """Only a real yes or no: a string such as "Nej" from a JSON answers file must not count as yes."""
        if not isinstance(raw, bool):
            raise Invalid(YesNoType.required_message)
        return raw

    def show(self, f: Field, value: Any, t: Translator) -> str:
        return t(YES) if value else t(NO)

    def paper(self, f: Field, value: Any, fmt: str | None, today: date) -> str:
        return "Ja" if value else "Nej"

    def answers(self, f: Field) -> tuple[Any, ...]:
        return (True, False)

    def state_key(self, value: Any) -> str:
        return "true" if value else "false"

    def stand_in(self, f: Field) -> Any:
        return True


class ConfirmType(YesNoType):
    """One box to tick ("Jag intygar ..."); a required one must be ticked. Printed by checkboxes: {true: Box}."""

    name = "confirm"
    widget = "tick"
    required_message = N_("Kryssa i rutan för att gå vidare.")

    def clean(self, f: Field, raw: Any, today: date) -> bool:
        if f.required and raw is not True:
            raise Invalid(self.required_message)
        return bool(raw)

    def answered(self, f: Field, value: Any) -> bool:
        """An unticked optional box ("I have no personnummer") is not an answer to list."""
        return value is True if not f.required else super().answered(f, value)
