"""Text prepared for speech: what a person reading aloud would do with the page's text.

Pure functions, no engine: the web server prepares nothing, the helper process calls `segments`.
- A personnummer, samordningsnummer, phone number or postcode is read digit by digit (a reader never
  says "nineteen billion …"), in groups, so that staff can follow along.
- A Swedish term kept inside a text in another script (Arabic, Persian, Tigrinya, Ukrainian), marked by
  the UI with FSI…PDI or simply written in Latin letters, is read with the Swedish voice: the Arabic voice
  would spell it letter by letter or skip it. In English and Finnish the catalogs' bracketed Swedish terms
  are found by their words (swedish_terms.py) and read with the Swedish voice too.
- A date written as numbers (2025-03-14, as a visitor may type it) is read as a date in the visitor's
  language ("14 mars 2025"), the way the Translator already spells out the dates it shows.
- Unicode isolates, Markdown marks and bullets are dropped; each text ends as a sentence, so the voice
  pauses between the title, the question, the help text and each option.
Placeholders ({kommun.namn}) are filled by the Translator; one the settings do not know is read as its words
("kommun namn") instead of its braces and dot.
Arabic is read as written, without added vowel marks (tashkeel). Checked in December 2026: mishkal is GPL;
ichkil and catt-tashkeel fetch their models from the internet on first use; arabic-tts-frontend only has a
small pronunciation list; text2tashkeel 0.1.0 (Apache-2.0, models in the wheel, onnxruntime) works offline but
turned this app's instructions into other words (اتصل "call" became اتَّصَلَ "he called", ادخل became أَدْخَلَ
"he inserted") and took 10–100 ms a sentence here. A wrong mark is read exactly as written; a missing one is
guessed by espeak-ng's Arabic rules, which read these sentences understandably.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from babel.dates import format_date

from assistant.i18n.translator import language
from assistant.speech.engine import Segment
from assistant.speech.swedish_terms import swedish_spans
from assistant.speech.voices import SWEDISH_VOICE, voice_for

_ISOLATES = re.compile("[\u2066\u2067\u2068\u2069\u200e\u200f\u202a-\u202e]")
_MARKDOWN = re.compile(r"[*_#`>|]+|^\s*[-•]\s+", re.MULTILINE)
# 12 or 10 digits, with or without the - or + of a personnummer: 19410314-1234, 410314-1234.
_PERSONNUMMER = re.compile(r"(?<!\d)(\d{6}|\d{8})\s?[-+]?\s?(\d{4})(?!\d)")
# Other long numbers as people write them: 070-123 45 67, 553 31, 036-10 50 00.
_DIGIT_RUN = re.compile(r"(?<![\d,])\d[\d -]{3,}\d(?![\d,]|[.,]\d)")
# A run of Latin-script words inside another script (as assistant.i18n.translator isolates them, without the isolates).
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ0-9 .,'’/&–-]*[A-Za-zÀ-ɏ0-9])?")
_ISO_DATE = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([a-z_0-9]+)\}")
# The brackets around a Swedish term: the voice change is the pause they stand for.
_OPENING = re.compile(r"\(\s*$")
_CLOSING = re.compile(r"^\s*\)")
_SENTENCE_END = re.compile(r"[.!?؟።፧…:]$")


def spell_digits(number: str) -> str:
    """'0701234567' -> '0 7 0, 1 2 3, …': each digit alone, a pause every few digits (as staff read them)."""
    groups = [g for g in re.split(r"[\s-]+", number) if g]
    return ", ".join(" ".join(group) for group in groups)


def _personnummer(match: re.Match[str]) -> str:
    birth, last = match.group(1), match.group(2)
    pairs = [birth[i:i + 2] for i in range(0, len(birth), 2)]
    return ", ".join(" ".join(pair) for pair in pairs) + ", " + " ".join(last)


def read_dates(text: str, lang: str) -> str:
    """'2025-03-14' -> '14 mars 2025' in the language's own words (not a valid date: left to read_numbers)."""
    def spoken(match: re.Match[str]) -> str:
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return match.group(0)
        return format_date(day, format="long", locale=language(lang).locale)
    return _ISO_DATE.sub(spoken, text)


def read_numbers(text: str) -> str:
    text = _PERSONNUMMER.sub(_personnummer, text)
    return _DIGIT_RUN.sub(lambda m: spell_digits(m.group(0)) if len(re.sub(r"\D", "", m.group(0))) >= 5
                          else m.group(0), text)


def clean(text: str) -> str:
    """One text as a sentence of plain words."""
    text = _ISOLATES.sub("", text)
    text = _PLACEHOLDER.sub(lambda m: f"{m.group(1)} {m.group(2)}".replace("_", " "), text)
    text = _MARKDOWN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text and not _SENTENCE_END.search(text):
        text += "."
    return text


def _latin_script(lang: str) -> bool:
    return lang.split("@")[0] in {"sv", "en", "fi", "so"}


def _swedish_runs(text: str, lang: str) -> list[tuple[int, int]]:
    if _latin_script(lang):
        return swedish_spans(text, lang)
    # a single letter (a list mark, "a)") stays in the sentence
    return [m.span() for m in _LATIN_RUN.finditer(text) if re.search(r"[A-Za-zÀ-ɏ]{2,}", m.group(0))]


def split_voices(text: str, lang: str) -> list[Segment]:
    """The text in the visitor's voice, with each Swedish term given to the Swedish voice: a Latin-script
    run in a text of another script, a bracketed Swedish term in English or Finnish (swedish_terms.py)."""
    own = voice_for(lang)
    assert own is not None, lang
    if own == SWEDISH_VOICE:
        return [Segment(own, text)]
    parts: list[Segment] = []
    position = 0
    for start, end in _swedish_runs(text, lang):
        parts.append(Segment(own, _OPENING.sub("", _CLOSING.sub("", text[position:start]))))
        parts.append(Segment(SWEDISH_VOICE, text[start:end]))
        position = end
    parts.append(Segment(own, _CLOSING.sub("", text[position:])))
    return [p for p in parts if re.search(r"\w", p.text)]


def segments(texts: Iterable[str], lang: str) -> list[Segment]:
    """Everything to read, in order, as voice segments; neighbouring segments of one voice are joined."""
    out: list[Segment] = []
    for text in texts:
        prepared = clean(read_numbers(read_dates(text, lang)))
        if not prepared:
            continue
        for part in split_voices(prepared, lang):
            if out and out[-1].voice == part.voice:
                out[-1] = Segment(part.voice, out[-1].text + " " + part.text.strip())
            else:
                out.append(Segment(part.voice, part.text.strip()))
    return out
