"""'Läs upp' in a real browser: the speech comes as playable WAVs inside the page (the title first, then the
rest, which plays when the title ends), of a plausible length and not silence, in Swedish, Arabic and
Tigrinya; the Somali page says why there is none; no request leaves the PC."""
from __future__ import annotations

import base64
import io
import time
import wave
from array import array
from pathlib import Path
from urllib.parse import urlparse

import pytest

from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from assistant.ui.read_aloud import NO_VOICE
from tests.browser.wizard import Visitor, key_css, settle

ROOT = Path(__file__).resolve().parents[2]
FORM = load_form(ROOT / "forms" / "trygghetslarm" / "form.yaml")
AUDIO = "audio.bg-read-aloud"
REST = "audio.bg-read-aloud-rest"


def new_reading(page, action) -> float:
    """Do `action` in the bar, wait for the new reading's first part (returns the seconds until it was in
    the page), then for the end of the run. The bar is a fragment: only it reruns, so the page's mark of a
    full run (rerun_by) does not change."""
    page.evaluate("() => document.querySelectorAll('audio').forEach(a => { a.dataset.bgOld = '1'; })")
    started = time.monotonic()
    action()
    page.wait_for_selector(AUDIO + ":not([data-bg-old])", state="attached")
    seconds = time.monotonic() - started
    settle(page)
    return seconds


def stopped(page, action) -> None:
    action()
    page.wait_for_function("(sel) => !document.querySelector(sel)", arg=AUDIO)
    settle(page)


def wav_of(page, selector: str) -> tuple[float, float]:
    """(seconds, loudness as RMS of the samples) of the WAV in one <audio> of the page."""
    src = page.locator(selector).get_attribute("src")
    assert src.startswith("data:audio/wav;base64,"), src[:40]
    with wave.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        samples = array("h", wav.readframes(wav.getnframes()))
        seconds = wav.getnframes() / wav.getframerate()
    return seconds, (sum(s * s for s in samples) / max(len(samples), 1)) ** 0.5


def decoded(page) -> tuple[float, float]:
    """(seconds, loudness as RMS of the samples) of the whole reading: the first part's <audio> and, once
    the run is over, the rest's (the quieter of the two)."""
    seconds, rms = wav_of(page, AUDIO)
    if page.locator(REST).count():
        more, rest_rms = wav_of(page, REST)
        seconds, rms = seconds + more, min(rms, rest_rms)
    return seconds, rms


def plays(page, selector: str = AUDIO) -> dict:
    """What the browser itself makes of the audio: it decodes it (a duration) and plays it."""
    return page.evaluate("""async (sel) => {
        const a = document.querySelector(sel);
        if (a.readyState < 1) await new Promise(r => a.addEventListener('loadedmetadata', r, {once: true}));
        if (a.paused) { try { await a.play(); } catch (e) { return {error: String(e)}; } }
        await new Promise(r => setTimeout(r, 300));
        return {duration: a.duration, time: a.currentTime, paused: a.paused, error: a.error && a.error.code};
    }""", selector)


def rest_follows(page) -> dict:
    """Let the first part run to its end: the rest then shows in its place and plays."""
    return page.evaluate("""async ([first, rest]) => {
        const a = document.querySelector(first), b = document.querySelector(rest);
        const started = new Promise(r => b.addEventListener('playing', r, {once: true}));
        a.currentTime = Math.max(0, a.duration - 0.2);
        if (a.paused) await a.play();
        await Promise.race([started, new Promise(r => setTimeout(r, 5000))]);
        await new Promise(r => setTimeout(r, 300));
        return {restTime: b.currentTime, restPaused: b.paused, firstShown: a.checkVisibility(),
                restShown: b.checkVisibility(), duration: b.duration};
    }""", [AUDIO, REST])


def outside(requests: list[str]) -> list[str]:
    return [u for u in requests if urlparse(u).scheme not in ("data", "blob", "about")
            and urlparse(u).hostname not in ("localhost", "127.0.0.1")]


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_read_aloud_gives_playable_speech(app, page, artifacts, lang):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    visitor = Visitor(page, FORM, artifacts, lang="sv")
    visitor.open(app.url)
    if lang != "sv":
        visitor.set_language(lang)
    visitor.start()
    t = Translator.for_code(lang)
    button = page.get_by_role("button", name=t("Läs upp"), exact=True)
    assert button.count() == 1
    print(f"{lang}: Läs upp pressed -> first part in the page {1000 * new_reading(page, button.click):.0f} ms")
    seconds, rms = decoded(page)
    # "Är du 65 år eller äldre?", its intro, the question again, Ja, Nej: some 8–20 s at 165 words a minute.
    assert 4 < seconds < 40, seconds
    assert rms > 500, rms
    first, _ = wav_of(page, AUDIO)
    assert 0.5 < first < 5, first            # the title alone comes first
    played = plays(page)
    assert played.get("error") is None and abs(played["duration"] - first) < 0.1, played
    assert played["time"] > 0, played
    visitor.screenshot(f"read-aloud-{lang}")
    followed = rest_follows(page)
    assert followed["restTime"] > 0 and not followed["restPaused"], followed
    assert followed["restShown"] and not followed["firstShown"], followed
    assert abs(followed["duration"] - (seconds - first)) < 0.1, followed

    # Slower: the same text takes longer.
    new_reading(page, page.locator(key_css("speech:slow") + " label").click)
    slow, _ = decoded(page)
    assert slow > seconds * 1.2, (slow, seconds)

    # Only when staff ask, the Swedish lines are read too, after the visitor's language.
    if lang != "sv":
        new_reading(page, page.locator(key_css("speech:sv") + " label").click)
        both, _ = decoded(page)
        assert both > slow * 1.3, (both, slow)

    # Stop: the audio is gone from the page.
    stopped(page, page.get_by_role("button", name=t("Sluta läsa"), exact=True).click)
    assert page.locator(AUDIO).count() == 0 and page.locator(REST).count() == 0
    assert not outside(requests), outside(requests)


def test_somali_says_there_is_no_voice(app, page, artifacts):
    """On the start page's guide and on a question page: the reason in Somali and in English, and no
    'Läs upp' (in Somali or Swedish), speed or stop control that could not work."""
    so, en = Translator.for_code("so"), Translator.for_code("en")
    assert so(NO_VOICE) != NO_VOICE and en(NO_VOICE) != NO_VOICE      # translated, not the Swedish source
    visitor = Visitor(page, FORM, artifacts, lang="sv")
    visitor.open(app.url)
    visitor.set_language("so")
    for where in ("start", "question"):
        if where == "question":
            visitor.start()
        note = page.locator(".bg-no-voice")
        assert note.count() == 1, where
        assert note.get_attribute("role") == "note"
        assert note.locator('p[lang="so"]').inner_text() == so(NO_VOICE)
        assert note.locator('p[lang="en"]').inner_text() == en(NO_VOICE)
        for name in (so("Läs upp"), "Läs upp", so("Långsammare"), so("Sluta läsa")):
            assert page.get_by_role("button", name=name).count() == 0, (where, name)
        assert page.locator(key_css("read-aloud")).count() == 0 and page.locator("audio").count() == 0
        visitor.screenshot(f"somali-no-voice-{where}")
