"""Field types: how each kind of answer is cleaned, checked, shown and printed.

The registry below is the one list of types: the loader and the schema check a form.yaml's ``type:``
against it, the wizard cleans answers with it, the review and the receipt show them with it, the paper
step formats them with it, and assistant/ui/fields.py draws the widget each names. Adding a type is a
class in one of these modules and a line here (tests/test_field_types.py checks every part has it).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from assistant.definition.model import Field
from assistant.fieldtypes.base import REQUIRED_DEFAULT, FieldType, Invalid, is_empty
from assistant.fieldtypes.choices import ChoiceType, ConfirmType, MultiType, YesNoType
from assistant.fieldtypes.dates import DateType
from assistant.fieldtypes.identity import EmailType, PhoneType, PnrType, PostcodeType
from assistant.fieldtypes.numbers import MoneyType, NumberType
from assistant.fieldtypes.text import MultilineType, TextType

TYPES: dict[str, FieldType] = {t.name: t for t in (
    TextType(), MultilineType(), DateType(), YesNoType(), ChoiceType(), MultiType(), PnrType(), PostcodeType(),
    PhoneType(), EmailType(), NumberType(), MoneyType(), ConfirmType(),
)}


def type_of(f: Field) -> FieldType:
    return TYPES[f.type]


def clean(f: Field, raw: Any, today: date) -> Any:
    """The normalised answer, None when unanswered; raises Invalid with a message for the visitor."""
    return TYPES[f.type].clean(f, raw, today)


__all__ = ["REQUIRED_DEFAULT", "TYPES", "FieldType", "Invalid", "clean", "is_empty", "type_of"]
