"""Free text: one line (a name, an address) or several (a description of needs)."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from assistant.definition.model import Field
from assistant.fieldtypes.base import Check, FieldType, Invalid, Widget
from assistant.i18n.markers import N_

# Format characters (bidi embeddings, overrides, isolates and marks) that could make printed text read
# differently from what was typed; the app inserts its own isolates where they are needed.
# Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane) print as a replacement box.
_REMOVED = dict.fromkeys([*map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"),
                          *range(0xFDD0, 0xFDF0), *(plane + end for plane in range(0, 0x110000, 0x10000)
                                                    for end in (0xFFFE, 0xFFFF))])


def clean_text(value: str, *, multiline: bool = False) -> str:
    """NFC, no control characters (newlines kept in multiline text), no bidi overrides, trimmed."""
    text = unicodedata.normalize("NFC", value).translate(_REMOVED).replace("\r\n", "\n")
    keep = "\n\t" if multiline else ""
    text = "".join(ch if ch in keep or unicodedata.category(ch) != "Cc" else " " for ch in text)
    if multiline:
        return "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return " ".join(text.split())


def at_most_characters(limit: int) -> Check:
    def check(text: Any) -> None:
        if len(text) > limit:
            raise Invalid(N_("Skriv högst %(max)s tecken. Nu är det %(count)s."), max=limit, count=len(text))
    return check


def clean_limited(raw: Any, limit: int, *, multiline: bool) -> str:
    """Cleaned text within ``limit`` characters (also the visitor's own-language text of an answer)."""
    text = clean_text(str(raw), multiline=multiline)
    at_most_characters(limit)(text)
    return text


class TextType(FieldType):
    """One line of text (a name, an address), at most max_length characters (200 without one)."""

    name = "text"
    default_max_length = 200

    def parse(self, f: Field, raw: Any, today: date) -> str:
        return clean_text(str(raw), multiline=self.widget == "area")

    def checks(self, f: Field, today: date) -> Iterable[Check]:
        return (at_most_characters(self.limit(f)),)


class MultilineType(TextType):
    """Text in several lines (a description of needs), at most max_length characters (3000 without one)."""

    name = "multiline"
    widget: ClassVar[Widget] = "area"
    default_max_length = 3000

