"""A repeating group in a real browser (issue 13, point 3): förskola's siblings. Two are added, "Ta bort" on the
first leaves only the second, "Ändra" opens the entry with its answers in the boxes, a change made there is
kept, and "Lägg till eller ta bort" on "Kontrollera dina svar" goes back to the group."""
from __future__ import annotations

from pathlib import Path

from assistant.definition.loader import load_form
from tests.browser.wizard import Visitor, key_css, rerun_by
from tests.form_walks.forskola import WALK

ROOT = Path(__file__).resolve().parents[2]
FORM = load_form(ROOT / "forms" / "forskola" / "form.yaml")
SIBLINGS = [("Ruta Haile", "Råslätts förskola"), ("Daniel Haile", "Kålgårdens förskola")]


def entry(n: int) -> dict[str, str]:
    name, school = SIBLINGS[n - 1]
    return {f"syskonen.{n}.namn": name, f"syskonen.{n}.forskola": school}


def test_add_two_siblings_remove_the_first_and_change_the_second(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.start()
    steps = WALK.walk                                  # page by page, as the wizard asks
    before = [p for p, _ in steps].index("syskon")
    for i, (_, values) in enumerate(steps[:before]):
        visitor.fill(values)
        visitor.press("nav:next", visitor.title_of(steps[i + 1][0]))
    visitor.fill({"syskon": True})
    visitor.press("nav:next", "Om syskonet")
    visitor.fill(entry(1))
    visitor.press("nav:next", "Du har lagt till ett syskon")
    visitor.fill({"syskonen.more": True})
    visitor.press("nav:next", "Om syskonet")
    visitor.fill(entry(2))
    visitor.press("nav:next", "Du har lagt till 2 syskon")
    visitor.check_page("two-siblings")

    visitor.press("remove:entry-syskonen-1", "Du har lagt till ett syskon")
    main = page.locator('[data-testid="stMain"]')
    assert "Daniel Haile" in main.inner_text() and "Ruta Haile" not in main.inner_text()

    visitor.press("change:entry-syskonen-1", "Om syskonet")          # the one left is now the first
    assert page.locator(key_css("q:syskonen.1.namn") + " input").input_value() == "Daniel Haile"
    assert page.locator(key_css("q:syskonen.1.forskola") + " input").input_value() == "Kålgårdens förskola"
    box = page.locator(key_css("q:syskonen.1.forskola") + " input")
    box.fill("Ekhagens förskola")
    rerun_by(page, box.blur)
    visitor.press("nav:next", "Du har lagt till ett syskon")
    assert "Daniel Haile" in main.inner_text()
    visitor.screenshot("one-sibling-left")
    visitor.press("change:entry-syskonen-1", "Om syskonet")
    assert page.locator(key_css("q:syskonen.1.forskola") + " input").input_value() == "Ekhagens förskola"

    # On to "Kontrollera dina svar": its "Lägg till eller ta bort" goes back to the group's own page.
    visitor.press("nav:next", "Du har lagt till ett syskon")
    visitor.fill({"syskonen.more": False})
    for page_id, values in steps[before + 1:]:       # the walk's last step is the review page
        visitor.press("nav:next", visitor.title_of(page_id))
        visitor.fill(values)
    assert "Daniel Haile" in main.inner_text() and "Ekhagens förskola" in main.inner_text()
    visitor.press("change:list-syskonen", "Du har lagt till ett syskon")
    assert "Daniel Haile" in main.inner_text()
    visitor.screenshot("group-from-review")
    assert not visitor.problems, visitor.report()
