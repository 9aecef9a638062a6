"""Pause and continue later in a real browser (issue 16): a half-filled visit in English is paused, its sheet
downloaded, the visit erased; the sheet's picture is chosen on "Fortsätt en påbörjad ansökan", the visit
continues on the same question in English and is finished to the same PDF as a visit done in one go.
The server's key is made in this test's own secrets file, never in the installation's."""
from __future__ import annotations

import base64
import tomllib
from pathlib import Path

import pytest

from assistant.i18n.translator import language
from assistant.pdf.render import render_png_pages
from tests.browser.test_print_route import FETCH_OWN_BYTES
from tests.browser.test_walk import FORM, check_downloaded_pdf
from tests.browser.wizard import Visitor, key_css, rerun_by, settle
from tests.form_walks.aldreomsorg import WALK
from tests.walks import forward_key

ROOT = Path(__file__).resolve().parents[2]
PAUSED_AT = 4           # questions answered before the pause


@pytest.fixture(scope="module")
def keyed_app(start_app, tmp_path_factory):
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    real = ROOT / ".streamlit" / "secrets.toml"
    before = real.read_bytes() if real.exists() else None
    server = start_app({"STREAMLIT_SECRETS_FILES": str(secrets)})
    yield server, secrets
    assert (real.read_bytes() if real.exists() else None) == before, "the installation's secrets were written"


def choose_file(visitor: Visitor, path: Path) -> None:
    rerun_by(visitor.page, lambda: visitor.page.locator(key_css("resume:file") + " input[type=file]")
             .set_input_files(str(path)))


def test_pause_erase_and_continue_from_the_sheet_to_the_same_pdf(keyed_app, page, artifacts):
    app, secrets = keyed_app
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.set_language("en")
    visitor.start()
    for i, (_, values) in enumerate(WALK.walk[:PAUSED_AT]):
        visitor.fill(values)
        visitor.press("nav:next", visitor.title_of(WALK.walk[i + 1][0]))
    stopped_at = visitor.title_of(WALK.walk[PAUSED_AT][0])

    visitor.press("pause:open", visitor.t("Pausa och fortsätt senare"))
    visitor.check_page("pause", allowed_english=("Open",))     # the app's own "Open for printing"
    with page.expect_download() as download:
        page.locator(key_css("pause:download") + " button:visible").click()
    sheet = Path(download.value.path()).read_bytes()
    (artifacts / "sheet.pdf").write_bytes(sheet)
    with page.context.expect_page() as opened:                    # "Öppna för utskrift": the same sheet
        page.locator("#bg-open-print").click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url.startswith("blob:") and base64.b64decode(tab.evaluate(FETCH_OWN_BYTES)) == sheet
    assert tomllib.loads(secrets.read_text())["pause_key"], "the key is made in the server's secrets file"
    picture = artifacts / "sheet.png"
    picture.write_bytes(render_png_pages(sheet, dpi=150)[0])       # as a scan or a photo of the printout

    page.locator(key_css("pause:erase") + " button:visible").click()
    page.get_by_role("dialog").get_by_role("button", name=visitor.t("Ja, radera")).click()
    page.wait_for_selector(key_css(f"start:{FORM.id}") + " button:visible")
    settle(page)
    visitor.lang = "sv"                       # erasing starts the next visit in Swedish
    assert "Åsa" not in page.inner_text("body")
    for _ in range(40):                       # the sheet's print tab closes with the erase (looked for every 0.5 s)
        if tab.is_closed():
            break
        page.wait_for_timeout(250)
    assert tab.is_closed(), "the erased visit's sheet stays open in the print tab"

    visitor.press("resume:open", "Fortsätt en påbörjad ansökan")
    not_a_sheet = artifacts / "not-a-sheet.png"
    not_a_sheet.write_bytes(page.screenshot())
    choose_file(visitor, not_a_sheet)
    assert visitor.t("Ingen kod från Blankettguiden hittades.") in page.inner_text("body")

    visitor.lang = "en"
    choose_file(visitor, picture)
    page.wait_for_function("(lang) => document.documentElement.lang === lang", arg=language("en").html_lang)
    visitor.expect_page(stopped_at)
    visitor.check_page("continued")
    visitor.press("nav:back", visitor.title_of(WALK.walk[PAUSED_AT - 1][0]))
    first_answer = next(iter(WALK.walk[PAUSED_AT - 1][1].values()))
    assert page.locator(f'[data-testid="stMain"] input[value="{first_answer}"], '
                        '[data-testid="stMain"] input:checked').count() >= 1
    visitor.press("nav:next", stopped_at)
    for i, (_, values) in enumerate(WALK.walk[PAUSED_AT:], start=PAUSED_AT):
        visitor.fill(values)
        following = visitor.title_of(WALK.walk[i + 1][0]) if i + 1 < len(WALK.walk) else visitor.t("Blanketten är klar")
        visitor.press(forward_key(WALK.walk, i), following)
    with page.expect_download() as download:
        page.locator(key_css("result:download") + " button:visible").click()
    pdf = Path(download.value.path()).read_bytes()
    (artifacts / f"{FORM.id}-continued.pdf").write_bytes(pdf)
    check_downloaded_pdf(pdf)
    assert not visitor.problems, visitor.report()
