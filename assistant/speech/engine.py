"""espeak-ng 1.52, as shipped with its voice data inside the `espeakng-loader` wheel, driven through ctypes.

The library is loaded once per process (the receipt helper's), never in the web server. Speech is
made into memory through the synchronous callback and returned as a 16-bit mono WAV: nothing is
written to disk. libespeak-ng keeps global state, so one lock serialises every call.
"""
from __future__ import annotations

import ctypes
import io
import threading
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import espeakng_loader

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_RATE = 1
ESPEAK_CHARS_UTF8 = 1
POS_CHARACTER = 1
NORMAL_RATE = 165        # words per minute: espeak-ng's default is 175; a little slower suits a first reading
SLOW_RATE = 120          # for elderly visitors and anyone who asks for it ("Långsammare")
PAUSE_SECONDS = 0.25     # between two parts read with different voices

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


@dataclass(frozen=True)
class Segment:
    """A piece of text and the espeak-ng voice that reads it (a Swedish term inside an Arabic sentence is
    its own segment, read with the Swedish voice)."""

    voice: str
    text: str


class Engine:
    """One initialised libespeak-ng. `speak` returns a WAV file's bytes."""

    def __init__(self) -> None:
        self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self._lib.espeak_Initialize.restype = ctypes.c_int
        self._lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self._lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self._lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self._lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                           ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        self._lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        data = espeakng_loader.get_data_path().encode()
        self.sample_rate = self._lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data, 0)
        if self.sample_rate <= 0:
            raise RuntimeError("espeak-ng could not start (is the espeakng-loader wheel installed?)")
        self._chunks: list[bytes] = []
        self._callback = _CALLBACK(self._collect)       # kept referenced: the library holds the pointer
        self._lib.espeak_SetSynthCallback(self._callback)
        self._lock = threading.Lock()

    def _collect(self, samples, count: int, _events) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(samples, count * 2))
        return 0

    def load_voices(self, voices: Iterable[str]) -> None:
        with self._lock:
            for voice in voices:
                if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                    raise ValueError(f"espeak-ng has no voice {voice!r}")

    def pcm(self, segments: Iterable[Segment], rate: int = NORMAL_RATE) -> bytes:
        """Raw 16-bit samples for the segments, each with its own voice, a short pause between voices."""
        pause = b"\0\0" * int(self.sample_rate * PAUSE_SECONDS)
        with self._lock:
            out: list[bytes] = []
            current = ""
            for segment in segments:
                if segment.voice != current:
                    if self._lib.espeak_SetVoiceByName(segment.voice.encode()) != 0:
                        raise ValueError(f"espeak-ng has no voice {segment.voice!r}")
                    if current:
                        out.append(pause)
                    current = segment.voice
                self._lib.espeak_SetParameter(ESPEAK_RATE, rate, 0)
                text = segment.text.encode("utf-8") + b"\0"
                self._chunks = []
                self._lib.espeak_Synth(text, len(text), 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8, None, None)
                self._lib.espeak_Synchronize()
                out.extend(self._chunks)
            self._chunks = []
            return b"".join(out)

    def speak(self, segments: Iterable[Segment], rate: int = NORMAL_RATE) -> bytes:
        return wav_bytes(self.pcm(segments, rate), self.sample_rate)


def wav_bytes(pcm: bytes, sample_rate: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(pcm)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def engine() -> Engine:
    """The process's engine, made on first use (about 20 ms)."""
    return Engine()
