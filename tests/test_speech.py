"""Text prepared for speech and the espeak-ng engine of the espeakng-loader wheel (run in this process)."""
from __future__ import annotations

import io
import wave
from array import array
from pathlib import Path

import pytest

from assistant.wizard.guide import guide
from assistant.i18n.translator import LANGUAGES, Translator
from assistant.definition.loader import load_library
from assistant.definition.model import Text
from assistant.speech.engine import Segment, engine
from assistant.speech.page_texts import guide_texts, question_texts
from assistant.speech.synthesis import SpeechFailed, speak
from assistant.speech.text import segments
from assistant.speech.voices import voice_for

FORMS = load_library(Path(__file__).resolve().parent.parent / "forms").forms


def seconds_and_rms(wav: bytes) -> tuple[float, float]:
    with wave.open(io.BytesIO(wav)) as w:
        samples = array("h", w.readframes(w.getnframes()))
        return w.getnframes() / w.getframerate(), (sum(s * s for s in samples) / max(len(samples), 1)) ** 0.5


def test_a_personnummer_is_read_digit_by_digit_in_groups():
    [segment] = segments(["Personnummer: 19410314-1234"], "sv")
    assert segment.text == "Personnummer: 1 9, 4 1, 0 3, 1 4, 1 2 3 4."


def test_phone_numbers_and_postcodes_are_spelled_but_years_and_amounts_are_not():
    [segment] = segments(["Ring 036-10 50 00. År 2025 fick du 1,5 miljoner. 553 31 Jönköping"], "sv")
    assert "0 3 6, 1 0, 5 0, 0 0" in segment.text and "5 5 3, 3 1 Jönköping" in segment.text
    assert "År 2025 " in segment.text and "1,5 miljoner" in segment.text


def test_a_swedish_term_inside_arabic_is_read_with_the_swedish_voice():
    t = Translator.for_code("ar")
    text = t("Kontrollera dina svar") + " (bistånd – äldreomsorg) " + t("Ja")
    voices = [(s.voice, s.text) for s in segments([text], "ar")]
    assert [v for v, _ in voices] == ["ar", "sv", "ar"]
    assert voices[1][1] == "bistånd – äldreomsorg"
    assert "\u2068" not in "".join(s for _, s in voices)


def test_each_text_ends_as_a_sentence_and_markdown_is_not_read():
    [segment] = segments(["**Rubrik**", "- punkt ett", "Fråga?"], "sv")
    assert segment.text == "Rubrik. punkt ett. Fråga?"


def test_somali_has_no_voice_and_speaking_it_fails_plainly():
    assert voice_for("so") is None
    with pytest.raises(SpeechFailed):
        speak(["Su'aal"], "so")


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if voice_for(lang.code)])
def test_every_voiced_language_gives_speech_not_silence(lang):
    t = Translator.for_code(lang)
    seconds, rms = seconds_and_rms(speak([t("Kontrollera dina svar"), t("Ja"), t("Nej")], lang))
    assert 1.0 < seconds < 15, seconds
    assert rms > 500, rms


def test_slower_is_longer_and_swedish_lines_only_when_asked():
    normal, _ = seconds_and_rms(speak(["هل عمرك 65 سنة أو أكثر؟"], "ar"))
    slow, _ = seconds_and_rms(speak(["هل عمرك 65 سنة أو أكثر؟"], "ar", slow=True))
    both, _ = seconds_and_rms(speak(["هل عمرك 65 سنة أو أكثر؟"], "ar", swedish=["Är du 65 år eller äldre?"]))
    assert slow > normal * 1.2 and both > normal * 1.5


def test_tigrinya_is_read_in_tigrinya_not_spelled_as_unknown_letters():
    """espeak-ng reads text in a script its voice does not know as 'letter' names, which takes far longer."""
    seconds, _ = seconds_and_rms(engine().speak([Segment("ti", "እወ። ኣይፋልን።")]))
    assert 0.5 < seconds < 3, seconds


@pytest.mark.parametrize("lang, spoken", [("sv", "14 mars 2025"), ("en", "14 March 2025"),
                                          ("fi", "14. maaliskuuta 2025")])
def test_a_date_written_in_numbers_is_read_as_a_date_in_the_language(lang, spoken):
    [segment] = segments(["Senast 2025-03-14."], lang)
    assert spoken in segment.text and "2 0 2 5" not in segment.text, segment.text


def test_a_date_that_does_not_exist_is_read_digit_by_digit_not_invented():
    [segment] = segments(["Nummer 2025-13-45"], "sv")
    assert "2 0 2 5, 1 3, 4 5" in segment.text, segment.text


def test_an_unknown_placeholder_is_read_as_words_not_braces():
    [segment] = segments(["Ring {kommun.telefon_vaxel}."], "sv")
    assert segment.text == "Ring kommun telefon vaxel."


def test_a_filled_placeholder_is_read_with_its_value():
    from assistant.settings import settings
    t = Translator.for_code("sv")
    text = t.text(Text("Kontakta {kommun.namn}.", "test|x"))
    [segment] = segments([text], "sv")
    assert "{" not in segment.text and settings().fill("{kommun.namn}") in segment.text


def test_the_guide_question_and_choices_are_read_in_arabic_with_swedish_terms_in_the_swedish_voice():
    t = Translator.for_code("ar")
    step = guide().step([])
    texts = guide_texts(step, FORMS, t)
    assert texts[0] == t.text(step.text) and len(texts) == 1 + len(step.choices)
    voices = segments(texts, "ar")
    assert [s.voice for s in voices][:1] == ["ar"] and ("sv", "förskola") in [(s.voice, s.text) for s in voices]


def test_the_guide_outcome_is_read_with_the_forms_title_why_and_the_authority():
    t = Translator.for_code("ti")
    outcome = guide().step(["pengar", "sjuk"])
    texts = guide_texts(outcome, FORMS, t)
    assert texts[0] == t("Det här kan passa dig") and "Försäkringskassan" in texts
    spoken = " ".join(s.text for s in segments(texts, "ti"))
    assert "0 7 7 1, 5 2 4, 5 2 4" in spoken, spoken
    bistand = guide_texts(guide().step(["pengar", "bistand"]), FORMS, t)
    assert bistand[1:] == [t.text(FORMS["ekonomiskt_bistand"].title), t.text(guide().why["ekonomiskt_bistand"])]


def test_a_bracketed_swedish_term_in_english_is_read_with_the_swedish_voice_without_its_brackets():
    t = Translator.for_code("en")
    voices = [(s.voice, s.text) for s in segments([t.text(FORMS["fardtjanst"].title)], "en")]
    assert voices == [("en", "Application for mobility service"), ("sv", "färdtjänst"),
                      ("en", "or national mobility service"), ("sv", "riksfärdtjänst")], voices


def test_a_swedish_name_in_english_is_swedish_but_an_english_word_or_an_abbreviation_in_brackets_is_not():
    voices = [(s.voice, s.text) for s in segments(["Money from Försäkringskassan (the agency). A copy (PDF)."], "en")]
    assert voices == [("en", "Money from"), ("sv", "Försäkringskassan"), ("en", "(the agency). A copy (PDF).")]


def test_in_finnish_the_swedish_term_is_swedish_and_the_finnish_name_in_brackets_finnish():
    t = Translator.for_code("fi")
    voices = [(s.voice, s.text) for s in segments([t.text(FORMS["trygghetslarm"].title),
                                                   "Försäkringskassan (Vakuutuskassa)"], "fi")]
    assert ("sv", "trygghetslarm") in voices and voices[-1] == ("fi", "Försäkringskassan (Vakuutuskassa).")


def test_the_title_is_read_first_on_its_own_and_nothing_is_lost_in_the_split():
    from assistant.speech.synthesis import first_and_rest
    t = Translator.for_code("ar")
    page = FORMS["trygghetslarm"].pages[0]
    texts = question_texts(FORMS["trygghetslarm"], page, page.fields, t, first=True)
    first, rest = first_and_rest(["", "**", *texts])
    assert first[-1] == texts[0] and rest == texts[1:]
    whole, _ = seconds_and_rms(speak(texts, "ar"))
    title, _ = seconds_and_rms(speak(first, "ar"))
    others, _ = seconds_and_rms(speak(rest, "ar"))
    assert title < whole / 4 and abs(title + others - whole) < 1.0, (title, others, whole)
