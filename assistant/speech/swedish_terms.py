"""Which words of an English or Finnish text are Swedish terms, to be read with the Swedish voice.

In Arabic, Persian, Tigrinya and Ukrainian a Swedish term stands out by its script (assistant.speech.text).
In English and Finnish it is written in the same letters, so the catalogs' own convention tells it: the
translation says what a thing is and keeps the Swedish word in brackets, "a safety alarm (trygghetslarm)".
A bracketed run is Swedish when all its words are words of the Swedish texts (translations/messages.pot)
and one of them is not a word of the language's own sentences (its catalog outside brackets) or has a
letter the language does not use (å, ä, ö in English; å in Finnish). Such a word outside brackets
("money from Försäkringskassan") is Swedish too. Read once per language in the helper process.
"""
from __future__ import annotations

import re
from functools import lru_cache

from babel.messages.pofile import read_po

from assistant.i18n.translator import TRANSLATIONS_DIR, catalog_path

LANGUAGES = ("en", "fi")
_NOT_OWN_LETTERS = {"en": "åäö", "fi": "å"}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


@lru_cache(maxsize=1)
def _swedish_vocabulary() -> frozenset[str]:
    with (TRANSLATIONS_DIR / "messages.pot").open("rb") as fh:
        return frozenset(w for m in read_po(fh) if isinstance(m.id, str) for w in _words(m.id))


@lru_cache(maxsize=None)
def _own_vocabulary(lang: str) -> frozenset[str]:
    with catalog_path(lang).open("rb") as fh:
        return frozenset(w for m in read_po(fh) if isinstance(m.string, str)
                         for w in _words(_BRACKETED.sub(" ", m.string)))


def _is_swedish(word: str, lang: str) -> bool:
    """An abbreviation (PDF, ID) is read by the visitor's voice: its letters are the same in every language."""
    lower = word.lower()
    return not word.isupper() and lower in _swedish_vocabulary() and (lower not in _own_vocabulary(lang)
                                               or any(c in _NOT_OWN_LETTERS[lang] for c in lower))


def swedish_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each Swedish term in `text`, in order, not overlapping; none outside LANGUAGES."""
    if lang not in LANGUAGES:
        return []
    spans: list[tuple[int, int]] = []
    for match in _BRACKETED.finditer(text):
        words = _WORD.findall(match.group(1))
        swedish = all(w.lower() in _swedish_vocabulary() for w in words) and any(_is_swedish(w, lang) for w in words)
        if words and swedish:
            spans.append(match.span(1))
    for match in _WORD.finditer(text):
        inside = any(start <= match.start() < end for start, end in spans)
        if not inside and any(c in _NOT_OWN_LETTERS[lang] for c in match.group(0).lower()) \
                and _is_swedish(match.group(0), lang):
            spans.append(match.span())
    return sorted(spans)


def warm_up() -> None:
    _swedish_vocabulary()
    for lang in LANGUAGES:
        _own_vocabulary(lang)
