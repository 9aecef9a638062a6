"""Nothing of the visitor in the browser's disk cache (issue 11, point 3), with an ordinary, persistent Chromium
profile (not incognito): a whole visit with the previews looked at, the form and the receipt downloaded and the
print tab opened, then erased and the browser closed. The profile's cache folders hold none of the name, the
personnummer, the address, the PDFs' or the pictures' bytes, and no /media/ address was ever asked for."""
from __future__ import annotations

import base64
from pathlib import Path

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DEFAULT_TIMEOUT_MS
from tests.browser.test_print_route import erase
from tests.browser.test_walk import FORM, walk_to_the_result
from tests.browser.wizard import Visitor, key_css
from tests.testdata import ASA_PNR

CACHE_FOLDERS = ("Cache", "Code Cache", "GPUCache", "Service Worker", "DawnGraphiteCache", "DawnWebGPUCache")


def files_under(folder: Path, names: tuple[str, ...]) -> list[Path]:
    return [f for name in names for f in (folder / "Default" / name).rglob("*") if f.is_file()]


def found_in(files: list[Path], needles: dict[str, bytes]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for f in files:
        data = f.read_bytes()
        for what, needle in needles.items():
            if needle in data:
                hits.setdefault(what, []).append(str(f))
    return hits


def chunk(data: bytes, at: int, size: int = 48) -> bytes:
    """Bytes from the middle of a file, also as they would look base64-encoded (`at` divisible by 3)."""
    assert at % 3 == 0 and len(data) > at + size
    return data[at:at + size]


def test_an_erased_visit_leaves_nothing_in_a_persistent_profiles_cache(app, browser, artifacts, tmp_path):
    profile = tmp_path / "profile"
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, accept_downloads=True,
        viewport={"width": 1280, "height": 900}, locale="sv-SE")
    context.set_default_timeout(2 * DEFAULT_TIMEOUT_MS)     # a first load fills an empty profile
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    try:
        page = context.pages[0] if context.pages else context.new_page()
        visitor = Visitor(page, FORM, artifacts)
        visitor.open(app.url)
        walk_to_the_result(visitor, check=False)

        pictures = page.locator("figure.bg-preview img")
        pictures.first.wait_for()
        pictures.last.scroll_into_view_if_needed()
        page.wait_for_function("() => [...document.querySelectorAll('figure.bg-preview img')]"
                               ".every(i => i.complete && i.naturalWidth > 0)")
        jpeg = base64.b64decode(pictures.first.get_attribute("src").split(",", 1)[1])
        visitor.screenshot("result-with-previews")
        with page.expect_download() as saved:
            page.locator(key_css("result:download") + " button:visible").click()
        pdf = Path(saved.value.path()).read_bytes()
        page.locator(key_css("result:receipt") + " button:visible").wait_for()
        with page.expect_download() as saved:
            page.locator(key_css("result:receipt") + " button:visible").click()
        receipt = Path(saved.value.path()).read_bytes()
        with context.expect_page() as opened:
            page.locator("#bg-open-print").click()
        opened.value.wait_for_load_state()
        erase(visitor)
    finally:
        context.close()

    media = app.url + "media/"                 # Streamlit's files of a session (its fonts are under /static/media/)
    assert not [url for url in asked if url.startswith(media)], "personal data was served at a /media/ address"
    needles = {"name": "Öberg".encode(), "address": "Storgatan 12 B".encode(), "personnummer": ASA_PNR[2:].encode(),
               "personnummer (12 digits)": ASA_PNR.replace("-", "").encode(), "/media/ address": media.encode(),
               "PDF bytes": chunk(pdf, 3000), "PDF bytes (base64)": base64.b64encode(chunk(pdf, 3000)),
               "receipt bytes": chunk(receipt, 3000), "picture bytes": chunk(jpeg, 6000),
               "picture bytes (base64)": base64.b64encode(chunk(jpeg, 6000))}
    cached = files_under(profile, CACHE_FOLDERS)
    assert found_in(cached, {"control": b"/static/"}), "the control failed: the cache kept nothing, not even the app's scripts"
    assert found_in(cached, needles) == {}
