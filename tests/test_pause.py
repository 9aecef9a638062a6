"""Pause and continue later (issue 16): the sealed answers on the sheet, read back from the sheet's own PDF
drawn to a picture; a changed, foreign or expired sheet is refused; nothing is written but the key."""
from __future__ import annotations

import base64
import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from assistant.wizard.flow import REVIEW, Wizard, default_answers, relevant_answers
from assistant.definition.loader import load_library
from assistant.pdf.render import render_png_pages
from assistant.resume import key as key_module
from assistant.ui import pause_key as pause_key_module
from tests.test_wizard_walk import downloads
from assistant.paper.receipt_worker import ReceiptFailed, ReceiptRenderer
from assistant.resume import handover
from assistant.resume.handover import continued, make_sheet, open_codes, paused_of
from assistant.ui import page_pause
from assistant.ui.session import application
from assistant.resume.scan import Unreadable, codes_in_file, codes_in_image
from assistant.resume.seal import MAX_PART_BYTES, Paused, SheetError, join, read_parts, seal, sheet_parts, split
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import TODAY
from tests.walks import all_walks, current_page_title, fill_page, walk_answers

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
LIB = load_library(ROOT / "forms")
KEY = bytes(range(32))                  # a test key, never the installation's
OTHER_KEY = bytes(range(1, 33))
EXPIRES = TODAY + timedelta(days=30)


def half_way(form_id: str, lang: str = "sv") -> Wizard:
    """A visit stopped in the middle of the form, with the walk's answers up to there."""
    walk = next(w for w in all_walks() if w.form_id == form_id)
    form = LIB.forms[form_id]
    half = walk.walk[: len(walk.walk) // 2]
    answers = {**default_answers(form, TODAY), **walk_answers(half)}
    return Wizard(form=form, page=walk.walk[len(half)][0], answers=answers)


def paused(**changes) -> Paused:
    base = {"form_id": "fullmakt", "page": "ombud.namn", "answers": {"fullmaktsgivare.fornamn": "Leila"},
            "lang": "fa"}
    return Paused(**{**base, **changes})


def test_sealed_answers_come_back_unchanged():
    sheet = paused(answers={"a": "Råslättsvägen 41", "b": ["x", "y"], "c": True}, large_text=True)
    assert read_parts(sheet_parts(sheet, KEY, EXPIRES), KEY, TODAY) == sheet


def test_the_sealed_bytes_show_no_answer():
    sealed = seal(paused(answers={"namn": "Leila Haddad Leila Haddad"}), KEY, EXPIRES)
    assert b"Leila" not in sealed and b"fullmakt" not in sealed


def test_a_changed_byte_is_noticed_anywhere():
    sealed = bytearray(seal(paused(), KEY, EXPIRES))
    for i in (4, 10, 20, len(sealed) - 1):          # the nonce, the text, the tag
        changed = bytearray(sealed)
        changed[i] ^= 1
        with pytest.raises(SheetError) as err:
            read_parts(split(bytes(changed)), KEY, TODAY)
        assert err.value.reason == "damaged"


def test_another_servers_sheet_is_foreign():
    with pytest.raises(SheetError) as err:
        read_parts(sheet_parts(paused(), OTHER_KEY, EXPIRES), KEY, TODAY)
    assert err.value.reason == "foreign"


def test_a_sheet_is_valid_to_its_last_day_and_not_after():
    parts = sheet_parts(paused(), KEY, EXPIRES)
    assert read_parts(parts, KEY, EXPIRES).page == "ombud.namn"
    with pytest.raises(SheetError) as err:
        read_parts(parts, KEY, EXPIRES + timedelta(days=1))
    assert err.value.reason == "expired" and err.value.expired_on == EXPIRES


def test_long_answers_take_several_codes_read_in_any_order():
    text = base64.b64encode(os.urandom(2400)).decode("ascii")     # incompressible, like a long own-language text
    parts = sheet_parts(paused(answers={"x": text}), KEY, EXPIRES)
    assert len(parts) >= 3 and all(len(p) <= MAX_PART_BYTES for p in parts)
    assert read_parts(list(reversed(parts)), KEY, TODAY).answers["x"] == text
    with pytest.raises(SheetError) as err:
        read_parts(parts[1:], KEY, TODAY)
    assert (err.value.reason, err.value.found, err.value.needed) == ("incomplete", len(parts) - 1, len(parts))


def test_codes_of_two_sheets_are_not_mixed():
    text = base64.b64encode(os.urandom(1500)).decode("ascii")
    one, two = (sheet_parts(paused(answers={"x": text}), KEY, EXPIRES) for _ in range(2))
    with pytest.raises(SheetError) as err:
        join([one[0], two[1]])
    assert err.value.reason == "damaged"


def test_answers_that_do_not_fit_the_sheet_are_said_so():
    text = base64.b64encode(os.urandom(6000)).decode("ascii")
    with pytest.raises(SheetError) as err:
        sheet_parts(paused(answers={"x": text}), KEY, EXPIRES)
    assert err.value.reason == "too_large"


def test_other_qr_codes_are_not_a_sheet():
    with pytest.raises(SheetError) as err:
        read_parts([b"https://example.se/", b"BG1"], KEY, TODAY)
    assert err.value.reason == "not_a_sheet"


def test_only_answers_to_questions_that_apply_go_on_the_sheet():
    wizard = half_way("fullmakt")
    hidden = wizard.with_answers({"giltig_tom": "2030-01-01", "giltighet": "tills_vidare"})
    kept = paused_of(hidden, "fa", False).answers
    assert set(kept) <= set(relevant_answers(hidden.form, hidden.answers))
    assert "giltig_tom" not in kept


@pytest.mark.parametrize("walk", all_walks(), ids=lambda w: w.form_id)
def test_every_forms_full_walk_fits_one_code_read_back_from_the_printed_sheet(walk):
    """Measured: the nine forms' full walks seal to 330–830 bytes, one code each (a version-25 code holds
    997). The sheet is one A4 page; its code is read from the page drawn at 100 dpi."""
    form = LIB.forms[walk.form_id]
    answers = {**default_answers(form, TODAY), **walk_answers(walk.walk)}
    wizard = Wizard(form=form, page=walk.walk[0][0], answers=answers)
    sheet = make_sheet(wizard, walk.other_language, False, KEY, TODAY, 30)
    pages = render_png_pages(sheet.pdf, dpi=100)
    assert sheet.codes == 1 and len(pages) == 1
    codes = codes_in_image(Image.open(io.BytesIO(pages[0])))
    back, again = open_codes(codes, KEY, LIB, TODAY)
    assert back.lang == walk.other_language and again.page == walk.walk[0][0]
    assert again.answers == {**default_answers(form, TODAY), **paused_of(wizard, "sv", False).answers}
    # The downloaded PDF itself can be chosen too. At 150 dpi zxing once also read a stray "400" QR code in
    # the big one's pattern (seen once): a code that is not ours is ignored, so the visit still comes back.
    assert codes[0] in codes_in_file(sheet.pdf)
    assert open_codes(codes_in_file(sheet.pdf), KEY, LIB, TODAY)[1].answers == again.answers


def test_the_sheet_says_what_is_left_in_both_languages():
    import subprocess

    sheet = make_sheet(half_way("aldreomsorg"), "en", False, KEY, TODAY, 30)
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=sheet.pdf, capture_output=True,
                                   check=True).stdout.decode("utf-8").split())
    for expected in ("Fortsätt senare", "Continue later", "Kontrollera svaren och skriv ut blanketten",
                     "25 december 2026"):
        assert expected in text, expected
    assert "Åsa" not in text            # the answers are only in the code


def test_a_sheet_of_a_form_no_longer_offered_is_refused():
    with pytest.raises(SheetError) as err:
        continued(paused(form_id="gone"), LIB, TODAY)
    assert err.value.reason == "unknown_form"


def test_a_sheet_paused_on_the_review_page_continues_there():
    walk = next(w for w in all_walks() if w.form_id == "fullmakt")
    answers = walk_answers(walk.walk)
    assert continued(paused(page=REVIEW, answers=answers), LIB, TODAY).on_review


def test_anything_but_a_picture_or_pdf_is_unreadable():
    with pytest.raises(Unreadable):
        codes_in_file(b"not a picture")


def test_the_key_is_made_once_in_the_secrets_file_streamlit_reads(tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('staff_pin = "123456"\n')
    monkeypatch.setattr(pause_key_module, "secrets_file", lambda: secrets)
    monkeypatch.setattr(key_module, "_made", {})
    monkeypatch.setattr(pause_key_module.st, "secrets", {})
    first = pause_key_module.pause_key()
    monkeypatch.setattr(key_module, "_made", {})      # a restarted server reads the same key back
    assert pause_key_module.pause_key() == first and len(first) == 32
    assert secrets.read_text().startswith('staff_pin = "123456"\n')    # the PIN line is kept
    fresh = tmp_path / "new" / "secrets.toml"
    monkeypatch.setattr(pause_key_module, "secrets_file", lambda: fresh)
    assert pause_key_module.pause_key() != first
    assert fresh.stat().st_mode & 0o077 == 0            # a new secrets file is the server user's only


def test_a_wrong_key_is_a_problem_to_fix_not_a_new_key(monkeypatch):
    monkeypatch.setattr(pause_key_module.st, "secrets", {"pause_key": "c2hvcnQ="})
    with pytest.raises(key_module.KeyProblem):
        pause_key_module.pause_key()


def visit_at_page(n: int) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pause_key"] = base64.urlsafe_b64encode(KEY).decode("ascii")
    at.run()
    at.button(key="start:aldreomsorg").click().run()
    form = LIB.forms["aldreomsorg"]
    for _, values in PAGES[:n]:
        fill_page(at, form, values)
        at.button(key="nav:next").click().run()
    return at


def test_pausing_shows_the_sheet_to_download_and_back_continues_the_question():
    at = visit_at_page(3)
    question = current_page_title(at)
    at.button(key="pause:open").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert current_page_title(at) == "Pausa och fortsätt senare"
    assert downloads(at) == ["Ladda ner papperet (PDF)"]
    at.button(key="view:back").click().run()
    assert current_page_title(at) == question


def test_the_start_page_offers_to_continue():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="resume:open").click().run()
    assert current_page_title(at) == "Fortsätt en påbörjad ansökan"
    assert not at.exception


class FailingHelper(ReceiptRenderer):
    """The helper process, when it cannot make the sheet."""

    def sheet(self, *args) -> bytes:
        raise ReceiptFailed("the receipt could not be made")


def test_a_sheet_the_helper_cannot_make_is_said_kindly_and_the_answers_stay(monkeypatch):
    monkeypatch.setattr(application(), "receipts", FailingHelper())
    at = visit_at_page(3)
    question = current_page_title(at)
    at.button(key="pause:open").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == ["Papperet kunde inte göras just nu. Dina svar finns kvar. Gå tillbaka "
                                           "till frågorna och försök igen om en stund."]
    assert downloads(at) == []
    at.button(key="view:back").click().run()
    assert current_page_title(at) == question


def test_the_app_has_its_helper_make_the_sheet(monkeypatch):
    """The web server never renders with WeasyPrint (1–4 s that would stall every other visitor): the sheet
    comes from the helper process, which imports its own, unpatched copy of handover."""
    def in_the_server(*args) -> bytes:
        raise AssertionError("the sheet was rendered in the web server")
    monkeypatch.setattr(handover, "sheet_here", in_the_server)
    at = visit_at_page(3)
    at.button(key="pause:open").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert downloads(at) == ["Ladda ner papperet (PDF)"]
