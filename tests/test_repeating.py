"""Repeating groups ("add another child", issue 13 point 3): ekonomiskt bistånd's children are asked one
entry at a time, listed on a summary page with change and remove, printed on the paper's four rows and,
beyond them, on the bilaga. Answers are flat: barn.<n>.<question>, the number of entries under barn."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.paper.documents import build_documents, planned_bilaga
from assistant.definition.errors import FormError
from assistant.wizard.flow import REVIEW, Wizard, default_answers, validate_all
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_form
from assistant.paper.pdf_values import pdf_values
from assistant.wizard.summary import review_groups
from tests.form_walks.ekonomiskt_bistand import PAGES
from tests.testdata import TODAY, make_pnr
from tests.walks import REVIEW_STEP, current_page_title, fill_page, page_text, walk_answers

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
FORM = load_form(FORMS / "ekonomiskt_bistand" / "form.yaml")
SV = Translator.for_code("sv")
CHILDREN = [("Ilhan Hassan", make_pnr(date(2016, 4, 8), 126)),
            ("Yusuf Hassan", make_pnr(date(2021, 10, 21), 517)),
            ("Hodan Hassan", make_pnr(date(2019, 1, 3), 228)),
            ("Sahra Hassan", make_pnr(date(2014, 6, 30), 342)),
            ("Omar Hassan", make_pnr(date(2012, 9, 12), 451))]


def child(n: int, name: str, pnr: str) -> dict[str, object]:
    return {f"barn.{n}.namn": name, f"barn.{n}.personnummer": pnr, f"barn.{n}.skola": True,
            f"barn.{n}.folkbokford": True, f"barn.{n}.vaxelvis": False}


def without_children() -> dict[str, object]:
    """The walk's family, before any child is added."""
    return {k: v for k, v in {**default_answers(FORM, TODAY), **walk_answers(PAGES)}.items()
            if not k.startswith("barn")}


def family(count: int) -> dict[str, object]:
    """The walk's family with `count` children (the walk's two, then invented ones), as the wizard stores them."""
    answers = {**without_children(), "barn": count, "barn.more": False}
    for n, (name, pnr) in enumerate(CHILDREN[:count], start=1):
        answers.update(child(n, name, pnr))
    return answers


def at_first_child() -> Wizard:
    return Wizard(form=FORM, page="barn.1", answers={**without_children(), "har_barn": True})


def add(wizard: Wizard, n: int) -> Wizard:
    """Fill child n's page and continue: the summary page comes next."""
    name, pnr = CHILDREN[n - 1]
    return wizard.next(child(n, name, pnr), TODAY)


def names(wizard: Wizard) -> list[str]:
    return [wizard.answers[f"barn.{n}.namn"] for n in range(1, wizard.answers["barn"] + 1)]


def test_each_entry_is_followed_by_the_summary_page_that_asks_for_another():
    wizard = add(at_first_child(), 1)
    assert wizard.page == "barn" and wizard.current().summary and not wizard.errors
    wizard = wizard.next({"barn.more": True}, TODAY)
    assert wizard.page == "barn.2" and wizard.answers["barn"] == 2
    wizard = add(wizard, 2).next({"barn.more": True}, TODAY)
    wizard = add(wizard, 3)
    assert wizard.page == "barn" and names(wizard) == ["Ilhan Hassan", "Yusuf Hassan", "Hodan Hassan"]
    wizard = wizard.next({"barn.more": False}, TODAY)
    assert wizard.page == "umgange"


def test_an_entry_is_validated_like_any_page():
    wizard = at_first_child().next({"barn.1.namn": "Ilhan Hassan", "barn.1.personnummer": "12345"}, TODAY)
    assert wizard.page == "barn.1"
    assert set(wizard.errors) == {"barn.1.personnummer", "barn.1.skola", "barn.1.folkbokford", "barn.1.vaxelvis"}
    assert SV.text(wizard.errors["barn.1.skola"]) == "Svara ja eller nej: går barnet i förskola eller skola?"


def test_change_an_entry_from_the_summary_page_and_come_back_to_it():
    wizard = Wizard(form=FORM, page="barn", answers=family(3))
    wizard = wizard.change_entry("barn", 2)
    assert wizard.page == "barn.2" and wizard.current().fields[0].id == "barn.2.namn"
    wizard = wizard.next({"barn.2.namn": "Yusuf Abdirahman Hassan"}, TODAY)
    assert wizard.page == "barn"
    assert names(wizard) == ["Ilhan Hassan", "Yusuf Abdirahman Hassan", "Hodan Hassan"]


def test_remove_an_entry_and_the_later_ones_move_up():
    wizard = Wizard(form=FORM, page="barn", answers=family(3)).remove_entry("barn", 1)
    assert wizard.page == "barn" and names(wizard) == ["Yusuf Hassan", "Hodan Hassan"]
    assert "barn.3.namn" not in wizard.answers and wizard.answers["barn.2.personnummer"] == CHILDREN[2][1]


def test_removing_the_only_entry_asks_for_the_first_one_again():
    wizard = Wizard(form=FORM, page="barn", answers=family(1)).remove_entry("barn", 1)
    assert wizard.page == "barn.1" and wizard.answers["barn"] == 0
    assert not any(k.startswith("barn.1.") for k in wizard.answers)


def test_back_from_a_new_empty_entry_drops_it():
    wizard = Wizard(form=FORM, page="barn", answers=family(2)).next({"barn.more": True}, TODAY)
    assert wizard.page == "barn.3"
    back = wizard.back({})
    assert back is not None and back.page == "barn" and back.answers["barn"] == 2


def test_the_summary_page_keeps_to_max_and_min():
    full = Wizard(form=FORM, page="barn", answers=family(2))
    at_most_two = replace(FORM, pages=tuple(replace(p, repeat=replace(p.repeat, max=2)) if p.repeat else p
                                            for p in FORM.pages))
    stays = replace(full, form=at_most_two).next({"barn.more": True}, TODAY)
    assert stays.page == "barn" and SV.message(stays.errors["barn.more"]) == \
        "Du kan inte lägga till fler. Det får vara högst 2."
    at_least_three = replace(FORM, pages=tuple(replace(p, repeat=replace(p.repeat, min=3)) if p.repeat else p
                                               for p in FORM.pages))
    stays = replace(full, form=at_least_three).next({"barn.more": False}, TODAY)
    assert stays.page == "barn" and SV.message(stays.errors["barn.more"]) == "Lägg till minst 3."


def test_the_step_counter_counts_each_entry_and_the_summary_page():
    one = Wizard(form=FORM, page="barn", answers=family(1))
    two = Wizard(form=FORM, page="barn", answers=family(2))
    assert two.progress()[0] == one.progress()[0] + 1
    assert two.progress()[1] == one.progress()[1] + 1


def test_the_review_page_lists_each_entry_under_its_own_heading():
    groups = review_groups(FORM, family(2), SV, TODAY)
    children = [g for g in groups if g.title.startswith("Barn ")]
    assert [g.title for g in children] == ["Barn 1", "Barn 2"]
    assert [g.page_id for g in children] == ["barn.1", "barn.2"]
    assert children[1].rows[0].value == "Yusuf Hassan"
    assert not any(r.field_id == "barn.more" for g in groups for r in g.rows)


def test_the_pdf_has_one_row_per_entry():
    cleaned, errors = validate_all(FORM, family(3), TODAY)
    assert not errors
    values = pdf_values(FORM, cleaned, TODAY)
    assert [values.get(f"Barn{n}_Namn") for n in range(1, 5)] == ["Ilhan Hassan", "Yusuf Hassan", "Hodan Hassan", None]
    assert values["Barn3_Personnummer"] == CHILDREN[2][1] and values["Barn3_Skola"] == "Ja"


def printed(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode().split())


def test_entries_beyond_the_papers_rows_go_on_the_bilaga():
    docs = build_documents(FORM, family(5), TODAY)
    text = printed(docs.print_pdf)
    bilaga = text[text.index("Bilaga till Ansökan om ekonomiskt bistånd"):]
    assert "Barn 5" in bilaga and "Barnets för- och efternamn: Omar Hassan" in bilaga
    assert f"Barnets personnummer: {CHILDREN[4][1]}" in bilaga
    assert "Sahra Hassan" not in bilaga, "the fourth child has its row on the paper"
    assert [c.label for c in planned_bilaga(FORM, family(5), TODAY)] == ["Barn 5"], "staff are told before printing"


def test_a_condition_may_test_the_number_of_entries(tmp_path):
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "  - id: umgange\n", "  - id: umgange\n    show_if: {field: barn, at_most: 2}\n", 1)
    path.write_text(text, encoding="utf-8")
    form = load_form(path)
    assert "umgange" in [p.id for p in Wizard(form=form, page="barn", answers=family(2)).pages()]
    assert "umgange" not in [p.id for p in Wizard(form=form, page="barn", answers=family(3)).pages()]


def copy_form(tmp_path: Path) -> Path:
    shutil.copytree(FORMS / "_blocks", tmp_path / "_blocks")
    shutil.copytree(FORMS / "ekonomiskt_bistand", tmp_path / "ekonomiskt_bistand")
    return tmp_path / "ekonomiskt_bistand" / "form.yaml"


@pytest.mark.parametrize("old, new, expect", [
    ("barn.namn: Barn{n}_Namn", "barn.namn: Barn1_Namn",
     "a question of a repeating group needs the row number {n} in its PDF field name. Fix: Write e.g."),
    ("    ar: Ansokan_Ar\n", "    ar: Ansokan_Ar{n}\n",
     "{n} (a row number) fits only a question of a repeating group."),
    ("      rows: 4\n", "", "repeat: rows: is missing. Fix: Write how many rows the paper has"),
    ("      name: namn\n", "      name: fornamn\n", "repeat: name: 'fornamn' is not a question of this page."),
    ("      max: 12\n", "      max: 12\n      min: 13\n", "repeat: min: 13 is more than max: 12."),
    ("      max: 12\n", "      max: tolv\n", "max"),
    ("      add_another: Vill du lägga till ett barn till?\n", "", "add_another"),
    ("    show_if: {har_barn: true}\n    repeat:", "    show_if: {barn.skola: true}\n    repeat:",
     "show_if names 'barn.skola', a question of the repeating group 'barn' (one answer per entry). Fix: Test the "
     "number of entries, e.g. {field: barn, greater_than: 0}"),
])
def test_a_bad_group_declaration_says_file_line_and_fix(tmp_path, old, new, expect):
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_form(path)
    report = str(exc.value)
    assert expect in report
    assert f"{path}:" in report and "Fix:" in report


def test_a_group_may_not_share_its_id_with_a_question(tmp_path):
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8").replace("  - id: barn\n    title: Om barnet",
                                                   "  - id: har_barn\n    title: Om barnet", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_form(path)
    assert "a repeating group has the id of a question" in str(exc.value)


def test_in_the_app_add_two_children_remove_one_and_review_the_one_left():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    at.button(key="start:ekonomiskt_bistand").click().run()
    from tests.form_walks.ekonomiskt_bistand import WALK
    steps = WALK.walk
    for page_id, values in steps[:[p for p, _ in steps].index("barn.1")]:
        fill_page(at, FORM, values)
        at.button(key="nav:next").click().run()
    assert current_page_title(at) == "Om barnet"
    for n in (1, 2):
        fill_page(at, FORM, child(n, *CHILDREN[n - 1]))
        at.button(key="nav:next").click().run()
        assert current_page_title(at) == ("Du har lagt till ett barn" if n == 1 else "Du har lagt till 2 barn")
        if n == 1:
            fill_page(at, FORM, {"barn.more": True})
            at.button(key="nav:next").click().run()
    assert [b.label for b in at.button if b.key.startswith("remove:")] == ["Ta bort", "Ta bort"]
    at.button(key="remove:entry-barn-1").click().run()
    assert current_page_title(at) == "Du har lagt till ett barn"
    assert "Yusuf Hassan" in page_text(at) and "Ilhan Hassan" not in page_text(at)
    fill_page(at, FORM, {"barn.more": False})
    at.button(key="nav:next").click().run()
    rest = steps[[p for p, _ in steps].index("umgange"):]
    for page_id, values in rest[:[p for p, _ in rest].index(REVIEW_STEP)]:
        fill_page(at, FORM, values)
        at.button(key="nav:next").click().run()
        assert not at.exception
    assert current_page_title(at) == "Kontrollera dina svar"
    text = page_text(at)
    assert "Barn 1" in [h.value for h in at.header] and "Barn 2" not in [h.value for h in at.header]
    assert "Yusuf Hassan" in text and "Ilhan Hassan" not in text
    at.button(key="change:list-barn").click().run()        # "Lägg till eller ta bort" under the last child
    assert current_page_title(at) == "Du har lagt till ett barn"
    at.button(key="nav:next").click().run()
    assert current_page_title(at) == "Kontrollera dina svar"


def test_a_total_adds_every_entry_of_a_group():
    from assistant.definition.model import Total
    from assistant.paper.pdf_values import computed_value
    form = load_form(FORMS / "bostadstillagg" / "form.yaml")
    cleaned = {"inkomst.1.belopp": 2100, "inkomst.2.belopp": 3400, "inkomst.3.belopp": 10000, "kapitalinkomst": 150}
    assert computed_value(Total(plus=("inkomst.belopp",), minus=("kapitalinkomst",)), form, cleaned, TODAY) == "15 350"


def test_an_entry_changed_from_the_review_page_returns_there_by_the_summary_page():
    wizard = Wizard(form=FORM, page=REVIEW, answers=family(2)).change("barn.2")
    assert wizard.current().entry == 2
    wizard = wizard.next({"barn.2.namn": "Yusuf A. Hassan"}, TODAY)
    assert wizard.page == "barn" and wizard.answers["barn.2.namn"] == "Yusuf A. Hassan"
    assert wizard.next({}, TODAY).page == REVIEW


def test_a_child_forgotten_is_added_from_the_review_page():
    wizard = Wizard(form=FORM, page=REVIEW, answers=family(2)).change("barn")
    wizard = wizard.next({"barn.more": True}, TODAY)
    assert wizard.page == "barn.3"
    wizard = add(wizard, 3)
    assert wizard.page == "barn"
    wizard = wizard.next({"barn.more": False}, TODAY)
    assert wizard.page == REVIEW and names(wizard)[-1] == "Hodan Hassan"


def test_back_from_a_new_empty_entry_added_from_the_review_page_drops_it():
    wizard = Wizard(form=FORM, page=REVIEW, answers=family(2)).change("barn").next({"barn.more": True}, TODAY)
    back = wizard.back({})
    assert back is not None and back.page == "barn" and back.answers["barn"] == 2


def test_read_aloud_says_the_summary_pages_heading_and_its_entries():
    from assistant.speech.page_texts import question_texts
    page = Wizard(form=FORM, page="barn", answers=family(2)).current()
    texts = question_texts(FORM, page, page.fields, SV, first=False, answers=family(2))
    assert texts[:3] == ["Du har lagt till 2 barn", "Ilhan Hassan", "Yusuf Hassan"]
    assert "Vill du lägga till ett barn till?" in texts


def test_the_summary_to_bring_along_lists_each_sibling():
    """Förskola has no paper form: its Swedish summary (the receipt's layout) lists every entry."""
    from assistant.paper.documents import swedish_summary
    from tests.form_walks.forskola import PAGES as FORSKOLA_PAGES
    form = load_form(FORMS / "forskola" / "form.yaml")
    answers = {**default_answers(form, TODAY), **walk_answers(FORSKOLA_PAGES), "syskon": True, "syskonen": 2,
               "syskonen.1.namn": "Liam Berg", "syskonen.1.forskola": "Solrosen",
               "syskonen.2.namn": "Ella Berg", "syskonen.2.forskola": "Vitsippan", "syskonen.more": False}
    assert not validate_all(form, answers, TODAY)[1]
    text = printed(swedish_summary(form, answers, TODAY))
    assert "Syskon 1 Syskonets namn Liam Berg" in text and "Syskon 2 Syskonets namn Ella Berg" in text
    assert "Vitsippan" in text


def test_a_paper_that_numbers_its_rows_from_0_is_mapped_with_n0(tmp_path):
    """dependent_0_name, DependentSSN[0]: {n0} is the row number counted from 0, so entry 1 fills row 0."""
    path = copy_form(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "barn.namn: Barn{n}_Namn" in text
    path.write_text(text.replace("barn.namn: Barn{n}_Namn", "barn.namn: Barn{n0}_Namn", 1), encoding="utf-8")
    form = load_form(path)
    names = {t.field_id: t.to for t in form.pdf.targets if t.field_id.endswith(".namn")}
    assert names == {"barn.1.namn": "Barn0_Namn", "barn.2.namn": "Barn1_Namn", "barn.3.namn": "Barn2_Namn",
                     "barn.4.namn": "Barn3_Namn"}
    assert form.pdf.row["barn"][0].to == "Barn{n0}_Namn"
