"""Visitor text is shown as text, never parsed as Markdown or HTML: a multiline answer with a blank line,
a heading, a link and an image shows exactly as typed on "Kontrollera dina svar", and the browser makes no
request for the image."""
from __future__ import annotations

from urllib.parse import urlparse

from tests.browser.test_walk import FORM
from tests.browser.wizard import Visitor
from tests.form_walks.aldreomsorg import WALK
from tests.walks import REVIEW_STEP

INJECTION = ("Jag klarar inte dusch själv.\n\n# Falsk rubrik\n\n[Klicka här](http://example.com/)\n\n"
             "![bild](http://127.0.0.2:9/x.png)\n\n<img src=http://127.0.0.2:9/y.png>")


def test_markdown_in_an_answer_shows_as_text_on_the_review_page(app, page, artifacts):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.start()
    walk = [(p, {**v, "behov": INJECTION} if p == "behov" else v) for p, v in WALK.walk]
    for i, (page_id, values) in enumerate(walk[:[p for p, _ in walk].index(REVIEW_STEP)]):
        visitor.fill(values)
        visitor.press("nav:next", visitor.title_of(walk[i + 1][0]))
    visitor.screenshot("review")
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name="Falsk rubrik").count() == 0
    assert main.locator("a[href*='example.com']").count() == 0
    assert main.locator("img[src*='127.0.0.2']").count() == 0
    review = main.inner_text()
    for line in ("# Falsk rubrik", "[Klicka här](http://example.com/)", "![bild](http://127.0.0.2:9/x.png)",
                 "<img src=http://127.0.0.2:9/y.png>"):
        assert line in review, line
    assert [u for u in requests if urlparse(u).hostname not in ("localhost", "127.0.0.1")
            and urlparse(u).scheme not in ("data", "blob", "about")] == []
