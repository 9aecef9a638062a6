"""From the page's texts to a WAV: runs in the helper process (ReceiptRenderer.reading), never in the server."""
from __future__ import annotations

from collections.abc import Sequence

from assistant.speech import swedish_terms
from assistant.speech.engine import NORMAL_RATE, SLOW_RATE, engine
from assistant.speech.text import clean, segments
from assistant.speech.voices import VOICES, voice_for


class SpeechFailed(RuntimeError):
    """Nothing could be read aloud. It never carries the cause: the texts may hold the visitor's answers."""


def speak(texts: Sequence[str], lang: str, slow: bool = False, swedish: Sequence[str] = ()) -> bytes:
    """The texts read in `lang`'s voice (Swedish terms in the Swedish voice), then the Swedish original
    lines if staff asked for them, as a 16-bit mono WAV."""
    if voice_for(lang) is None:
        raise SpeechFailed("no offline voice for this language")
    return engine().speak(segments(texts, lang) + segments(swedish, "sv"), SLOW_RATE if slow else NORMAL_RATE)


def first_and_rest(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """The first text worth reading (the page's title, a short sentence) alone, then all the others: the
    title's WAV is a sixth of the page's, so it reaches the visitor's ears while the rest is still made."""
    for i, text in enumerate(texts):
        if clean(text):
            return list(texts[:i + 1]), list(texts[i + 1:])
    return list(texts), []


def warm_up() -> None:
    """Start espeak-ng, load every voice once (its first load reads the voice's files, some 10 ms) and read
    the words that tell Swedish terms in English and Finnish, so that no visitor's "Läs upp" waits for it."""
    engine().load_voices(sorted({voice for voice in VOICES.values() if voice}))
    swedish_terms.warm_up()
