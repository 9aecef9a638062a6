"""From the page's texts to a WAV: runs in the helper process (ReceiptRenderer.speech), never in the server."""
from __future__ import annotations

from collections.abc import Sequence

from assistant.speech.engine import NORMAL_RATE, SLOW_RATE, engine
from assistant.speech.text import segments
from assistant.speech.voices import voice_for


class SpeechFailed(RuntimeError):
    """Nothing could be read aloud. It never carries the cause: the texts may hold the visitor's answers."""


def speak(texts: Sequence[str], lang: str, slow: bool = False, swedish: Sequence[str] = ()) -> bytes:
    """The texts read in `lang`'s voice (Swedish terms in the Swedish voice), then the Swedish original
    lines if staff asked for them, as a 16-bit mono WAV."""
    if voice_for(lang) is None:
        raise SpeechFailed("no offline voice for this language")
    return engine().speak(segments(texts, lang) + segments(swedish, "sv"), SLOW_RATE if slow else NORMAL_RATE)
