"""Languages and translations.

Catalogs are gettext .po files in translations/<lang>/LC_MESSAGES/messages.po. They are compiled in
memory when first used (no .mo on disk). Swedish is the source language: its strings are the msgids.
Form texts are looked up with their context (``<form or block>|<what>``), UI strings without one.
"""
from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from assistant.paper.bidi import FSI, PDI, left_to_right
from assistant.definition.model import Text
from assistant.settings import settings
from assistant.i18n.markers import Message

# A run of Latin-script words (a Swedish term such as "(bistånd – äldreomsorg)" kept in an Arabic sentence).
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ0-9 .,'’/&–-]*[A-Za-zÀ-ɏ0-9])?")

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"
DOMAIN = "messages"
SOURCE_LANGUAGE = "sv"


@dataclass(frozen=True)
class Language:
    code: str            # catalog folder name
    locale: str          # Babel locale for dates, numbers, direction and the name
    name: str = ""       # own name when Babel's is not the one to show

    @property
    def direction(self) -> str:
        return _direction(self.locale)

    @property
    def html_lang(self) -> str:
        return self.locale.replace("_", "-")

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        name = _display_name(self.locale) or self.code
        return name[:1].upper() + name[1:]


@lru_cache(maxsize=None)
def _direction(locale: str) -> str:
    """Cached: Locale.parse is 0.2 ms, and every translated string on every page run asks for the direction."""
    return Locale.parse(locale).character_order == "right-to-left" and "rtl" or "ltr"


@lru_cache(maxsize=None)
def _display_name(locale: str) -> str:
    return Locale.parse(locale).display_name or ""


LANGUAGES: tuple[Language, ...] = (
    Language("sv", "sv"),
    Language("sv@lattlast", "sv", "Lättläst svenska"),
    Language("en", "en_GB", "English"),
    Language("ar", "ar"),
    Language("fa", "fa", "فارسی (دری)"),
    Language("so", "so"),
    Language("ti", "ti"),
    Language("uk", "uk"),
    Language("fi", "fi"),
)


def language(code: str) -> Language:
    return next((lang for lang in LANGUAGES if lang.code == code), LANGUAGES[0])


def catalog_path(code: str) -> Path:
    return TRANSLATIONS_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def _translations(code: str) -> gettext.NullTranslations:
    """Compile the .po in memory; a missing catalog falls back to Swedish (the source)."""
    path = catalog_path(code)
    if code == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=language(code).locale)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def forget_catalogs() -> None:
    """The catalogs are compiled again at their next use: staff reload edited forms with their translations."""
    _translations.cache_clear()


@dataclass(frozen=True)
class Translator:
    """Everything the UI and the receipt need to speak one language."""

    lang: Language

    @classmethod
    def for_code(cls, code: str) -> Translator:
        return cls(language(code))

    @property
    def is_source(self) -> bool:
        return self.lang.code == SOURCE_LANGUAGE

    def __call__(self, msgid: str, **params: Any) -> str:
        """A UI string; %(name)s parameters are filled in after translation."""
        text = _translations(self.lang.code).gettext(msgid)
        return self._isolated(text % params if params else text, fallback=text == msgid)

    def text(self, text: Text) -> str:
        """A form's text in this language; one not translated yet is shown in Swedish (see _isolated)."""
        if not text:
            return ""
        translated = _translations(self.lang.code).pgettext(text.context, text.source)
        return self._isolated(settings().fill(translated), fallback=translated == text.source)

    def _isolated(self, text: str, fallback: bool = False) -> str:
        """In a right-to-left language, each Swedish term or name is isolated (FSI…PDI), so it reads left to
        right in place instead of being reordered with the brackets and dashes around it. A whole sentence
        shown in Swedish because it is not translated yet is one left-to-right run (LRI…PDI, each line), so
        its full stop and brackets stay at its own end instead of moving to the left."""
        if self.lang.direction != "rtl" or not text:
            return text
        if fallback:
            return left_to_right(text)
        return _LATIN_RUN.sub(lambda m: FSI + m.group(0) + PDI, text)

    def message(self, message: Message) -> str:
        params = {k: self.date(v) if isinstance(v, date) else v for k, v in message.params.items()}
        return self(message.msgid, **params)

    def list(self, items: list[str]) -> str:
        """'a, b and c' with the visitor's language's separators (Arabic uses ، and و)."""
        return format_list(items, style="standard", locale=self.lang.locale) if items else ""

    def number(self, value: int) -> str:
        """A number as the visitor's language writes it (grouping); digits stay Western for identifiers."""
        return format_decimal(value, locale=self.lang.locale, numbering_system="latn")

    def date(self, value: date) -> str:
        """A date spelled out for the visitor, e.g. '14 mars 1941'."""
        return format_date(value, format="long", locale=self.lang.locale)
