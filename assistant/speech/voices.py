"""Which espeak-ng voice reads which of the app's languages.

espeak-ng 1.52 (the `espeakng-loader` wheel) has no Somali voice: Somali is None, and the UI says so
instead of offering a button that would read Somali with a wrong voice. README.md tells a municipality
how one could be added.
"""
from __future__ import annotations

SWEDISH_VOICE = "sv"

VOICES: dict[str, str | None] = {
    "sv": "sv",
    "sv@lattlast": "sv",
    "en": "en",
    "ar": "ar",
    "fa": "fa",
    "so": None,
    "ti": "ti",
    "uk": "uk",
    "fi": "fi",
}


def voice_for(lang: str) -> str | None:
    """The voice for a language code of assistant.i18n.translator, or None when there is no offline voice."""
    return VOICES.get(lang)
