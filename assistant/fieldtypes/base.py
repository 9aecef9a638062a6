"""What every field type has: cleaning an answer, its checks, how the review and the paper show it.

A type is one class (WTForms' split: the type is data and validation; the widget, named here and drawn in
assistant/ui/fields.py, is rendering). The checks are small callables that raise :class:`Invalid` with a
gettext msgid, so the visitor reads them in their own language.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ClassVar, Literal

from assistant.definition.model import Field
from assistant.i18n.markers import N_, Message
from assistant.i18n.translator import Translator

Widget = Literal["line", "area", "radio", "yesno", "tick", "ticks"]
Check = Callable[[Any], None]

REQUIRED_DEFAULT = N_("Du behöver svara på frågan.")


class Invalid(Exception):
    """An answer the visitor must change; ``message`` says how, in words they can act on."""

    def __init__(self, msgid: str, **params: Any):
        super().__init__(msgid)
        self.message = Message(msgid, params)


def is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not value
    return value is None


class FieldType:
    """The behaviour of one kind of question. Subclasses set the class attributes and override what differs."""

    name: ClassVar[str]
    widget: ClassVar[Widget] = "line"
    required_message: ClassVar[str] = REQUIRED_DEFAULT
    ltr: ClassVar[bool] = False             # digits and addresses read left to right inside a right-to-left page
    compares_as: ClassVar[str | None] = None  # "number" or "date": what a condition's > and < compare it with
    has_options: ClassVar[bool] = False
    many: ClassVar[bool] = False            # the answer is a list of options, one checkbox each on paper
    declaration: ClassVar[bool] = False     # a tick or yes that a changed answer before it makes void
    paper_formats: ClassVar[frozenset[str]] = frozenset()   # the pdf: format: values that fit this type
    placeholder: ClassVar[str | None] = None   # msgid shown in an empty box (how to write it)
    # Without a max_length of its own a text still has a limit: a pasted megabyte made a 206-page bilaga.
    # It holds for the visitor's own-language words too (free_text), whatever the question's type.
    default_max_length: ClassVar[int] = 3000

    def limit(self, f: Field) -> int:
        """The most characters a text answer, or the visitor's own words about it, may have."""
        return f.max_length or self.default_max_length

    def parse(self, f: Field, raw: Any, today: date) -> Any:
        """The answer in its own type (date, int, IdNumber, E.164 text, option value); raises Invalid."""
        raise NotImplementedError

    def checks(self, f: Field, today: date) -> Iterable[Check]:
        """The field's own limits (min, max, max_length) as checks on the parsed answer."""
        return ()

    def clean(self, f: Field, raw: Any, today: date) -> Any:
        """The parsed and checked answer, None when unanswered."""
        if is_empty(raw):
            if f.required:
                raise Invalid(self.required_message)
            return None
        value = self.parse(f, raw, today)
        for check in self.checks(f, today):
            check(value)
        if value == "":
            if f.required:
                raise Invalid(REQUIRED_DEFAULT)
            return None
        return value

    def show(self, f: Field, value: Any, t: Translator) -> str:
        """The answer on screen and on the receipt, in the visitor's language."""
        return str(value)

    def paper(self, f: Field, value: Any, fmt: str | None, today: date) -> str:
        """The answer as the Swedish paper form wants it written (``fmt``: the mapping's format:)."""
        return str(value)

    def written(self, f: Field, value: Any, today: date) -> str:
        """The answer in Swedish words on a bilaga line, where no PDF field's format applies."""
        return self.paper(f, value, None, today)

    def answered(self, f: Field, value: Any) -> bool:
        """Whether the review lists the answer (an optional question left empty is not listed)."""
        return value not in (None, "", [])

    def answers(self, f: Field) -> tuple[Any, ...] | None:
        """Every answer the question can have, where there is a fixed set (options, yes and no)."""
        return tuple(o.value for o in f.options) if self.has_options else None

    def state_key(self, value: Any) -> str:
        """The key an answer has under a mapping's states: or checkboxes: ("true" for yes)."""
        return str(value)

    def stand_in(self, f: Field) -> Any:
        """An answer that stands in for one not given yet, to plan the printout before it is asked."""
        return "-"
