"""`python -m assistant import` drafts what an administrator would write with the paper beside them:
readable ids, guessed types, the printed words beside each box as its label, pages cut at the PDF's
section headings, each table row kept together; unused PDF fields declared once by pattern."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.definition.form_import import draft_form, find_tables, read_page_text
from assistant.pdf.inspect import read_fields

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "us-tax-forms"
BISTAND = ROOT / "forms/ekonomiskt_bistand/ansokan-ekonomiskt-bistand.pdf"
ALDRE = ROOT / "forms/aldreomsorg/ansokan-aldreomsorg.pdf"


def draft(pdf: Path) -> dict:
    return draft_form(read_fields(pdf.read_bytes()), "utkast", pdf.name, read_page_text(pdf)).form


def questions(form: dict) -> dict[str, dict]:
    return {q["id"]: q for page in form["pages"] for q in page["fields"]}


def page_of(form: dict) -> dict[str, str]:
    return {q["id"]: page["id"] for page in form["pages"] for q in page["fields"]}


def test_radio_states_are_labelled_with_the_words_printed_beside_each_box() -> None:
    civil = next(q for q in questions(draft(ALDRE)).values() if q["label"] == "Civilstånd")
    labels = [o["label"] for o in civil["options"]]
    assert "Gift/registrerad partner" in labels      # printed on the paper; the PDF state is only "Gift"


def test_a_table_numbered_from_one_is_drafted_as_one_repeating_group_mapped_with_n() -> None:
    """Barn1_Namn … Barn4_Personnummer: the row's questions once, as the docs' "add another child", after a
    yes/no (a group has at least one entry) that the paper does not print."""
    form = draft(BISTAND)
    tables = find_tables(list(read_fields(BISTAND.read_bytes()).values()))
    assert len(tables["barn"]) == 4 and len(tables["barn"][1]) == 5   # four children, five columns each
    group = next(p for p in form["pages"] if "repeat" in p)
    assert group["repeat"]["rows"] == 4 and group["show_if"] == {"har_barn": True}
    assert [q["label"] for q in group["fields"]][:2] == ["Barn, namn", "Barn, personnummer"]
    assert not any(q["label"].startswith("Barn ") for q in questions(form).values())   # no copy per row
    fields = form["pdf"]["fields"]
    assert fields["barn.barn_namn"] == "Barn{n}_Namn"
    assert fields["barn.barn_gar_forskola"] == {"to": "Barn{n}_Skola", "states": {"ja": "Ja", "nej": "Nej"}}
    assert form["pdf"]["not_printed"] == ["har_barn"]
    assert questions(form)["har_barn"]["label"] == "Finns det något att skriva i tabellen Barn som bor i hushållet?"


def test_the_drafted_repeating_group_passes_check(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "forms/_blocks", tmp_path / "_blocks")
    out = run("import", str(BISTAND), "--form-id", "bistand", "--forms-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "# Table 'barn': 4 rows, a repeating group (repeat:)" in (tmp_path / "bistand/form.yaml").read_text("utf-8")
    check = run("check", "--forms-dir", str(tmp_path))   # the settings offer forms not in tmp_path: ignore those
    about_draft = [ln for ln in check.stdout.splitlines() if "bistand/form.yaml" in ln and ": warning: " not in ln]
    assert not about_draft, about_draft


def test_types_are_guessed_from_labels_and_the_draft_names_the_applicant() -> None:
    form = draft(BISTAND)
    types = {q["label"]: q["type"] for q in questions(form).values()}
    assert types["Barn, personnummer"] == "pnr"
    assert form["id_field"] in questions(form) and questions(form)[form["id_field"]]["type"] == "pnr"
    assert len(form["name_fields"]) == 2


def test_page_titles_come_from_the_section_headings_of_the_paper() -> None:
    titles = [p["title"] for p in draft(BISTAND)["pages"]]
    assert "3. Barn som bor i hushållet" in titles
    assert not any(t.startswith("TODO") for t in titles[1:4])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_a_real_tax_form_gets_readable_ids_types_and_its_dependents_table() -> None:
    pdf = CORPUS / "TY2020Form1040.pdf"
    form = draft(pdf)
    qs = questions(form)
    assert qs["first_name_middle_initial"]["type"] == "text"
    assert qs["social_security_number"]["type"] == "pnr"
    assert qs["zip_code"]["type"] == "postcode"
    status = qs["filing_status"]
    assert [o["label"] for o in status["options"]][:2] == ["Single", "Married filing jointly"]
    assert form["pdf"]["fields"]["filing_status"]["states"][status["options"][0]["value"]] == "1"
    assert len(find_tables(list(read_fields(pdf.read_bytes()).values()))["dependent"]) == 4


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_hidden_copies_are_declared_unused_by_the_draft_and_check_accepts_them(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "forms/_blocks", tmp_path / "_blocks")
    out = run("import", str(CORPUS / "document_bundle.pdf"), "--form-id", "bundle", "--forms-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    data = yaml.safe_load((tmp_path / "bundle/form.yaml").read_text(encoding="utf-8"))
    assert data["pdf"]["left_blank"]["unused"]
    check = run("check", "--forms-dir", str(tmp_path))
    unaccounted = [ln for ln in check.stdout.splitlines() if "neither mapped nor left blank" in ln]
    assert not unaccounted, unaccounted[:3]


def _copy_form(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    return tmp_path / "forms/aldreomsorg/form.yaml"


def test_unused_patterns_account_for_pdf_fields_and_a_pattern_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    form_yaml = _copy_form(tmp_path)
    text = form_yaml.read_text(encoding="utf-8")
    staff = "staff: [Kommun_Diarienummer, Kommun_Inkom, Kommun_Handlaggare]"
    assert staff in text
    text = text.replace(staff, "staff: [Kommun_Diarienummer, Kommun_Handlaggare]\n    unused: ['Kommun_Ink*', 'Finns*Inte']")
    form_yaml.write_text(text, encoding="utf-8")
    out = run("check", "--forms-dir", str(tmp_path / "forms"))
    lines = out.stdout.splitlines()
    assert not any("'Kommun_Inkom' is neither mapped" in ln for ln in lines), lines
    assert any("'Finns*Inte' matches no field" in ln and "form.yaml:" in ln for ln in lines), lines


def test_an_unknown_key_under_left_blank_is_an_error_with_the_keys_to_use(tmp_path: Path) -> None:
    form_yaml = _copy_form(tmp_path)
    text = form_yaml.read_text(encoding="utf-8").replace("  left_blank:\n", "  left_blank:\n    personal: [X]\n", 1)
    form_yaml.write_text(text, encoding="utf-8")
    out = run("check", "--forms-dir", str(tmp_path / "forms"))
    assert any("unknown key 'personal' in left_blank" in ln and "pen, staff, unused" in ln
               for ln in out.stdout.splitlines()), out.stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_a_real_table_of_22_rows_is_one_group_and_its_checkboxes_are_named_by_their_column_heading() -> None:
    """additional_dependents.pdf: DependentNameRow1 … ODCRow22. The checkboxes have no tooltip and nothing
    printed beside them; "CTC" and "ODC" head their columns. TIN (taxpayer identification number) is a pnr."""
    form = draft(CORPUS / "additional_dependents.pdf")
    [ask, group] = form["pages"]
    assert group["repeat"]["rows"] == 22 and group["show_if"] == {ask["id"]: True}
    assert {q["id"]: (q["label"], q["type"]) for q in group["fields"]} == {
        "dependent_name": ("Dependent Name", "text"), "tin": ("TIN", "pnr"), "relationship": ("Relationship", "text"),
        "ctc": ("CTC", "yesno"), "odc": ("ODC", "yesno")}
    assert form["pdf"]["fields"][f"{group['id']}.ctc"] == {"checkboxes": {True: "CTCRow{n}"}}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_the_papers_question_numbers_are_left_out_of_ids_and_labels() -> None:
    """f13614c: "1. Your first name" is asked as "Your first name" (id first_name, not 1_first_name)."""
    form = draft(CORPUS / "f13614c-TY2021.pdf")
    qs = questions(form)
    assert qs["first_name"]["label"] == "Your first name" and qs["date_birth"]["type"] == "date"
    assert "1_first_name" not in qs and "4_date_birth" not in qs and "401k_b" in qs   # "401K (B)" is a name
    assert form["pdf"]["fields"]["first_name"] == "first_name"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_a_table_numbered_from_0_and_printed_in_two_bands_of_columns_is_one_group() -> None:
    """f13614c's dependents: columns a-i are dependent_0_name … dependent_2_disabled (rows from 0, so {n0}),
    columns j-n beside them on the same three rows are "… yesnoRow1" … Row3 ({n}): one table, one group."""
    pdf = CORPUS / "f13614c-TY2021.pdf"
    tables = find_tables(list(read_fields(pdf.read_bytes()).values()))
    assert list(tables) == ["dependent"] and len(tables["dependent"]) == 3 and len(tables["dependent"][1]) == 14
    form = draft(pdf)
    group = next(p for p in form["pages"] if "repeat" in p)
    assert group["repeat"]["rows"] == 3 and len(group["fields"]) == 14
    fields = form["pdf"]["fields"]
    mapped = {v for k, v in fields.items() if k.startswith(f"{group['id']}.")}
    assert {"dependent_{n0}_name", "dependent_{n0}_disabled",
            "Is this person a qualifying childrelative of any other person yesnoRow{n}"} <= mapped
    assert "dependent_0_name" not in fields.values()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_xfa_rows_counted_from_0_become_a_group_mapped_with_n0() -> None:
    """The 1040's DependentSSN[0] … [3]: XFA counts from 0."""
    form = draft(CORPUS / "TY2020Form1040.pdf")
    group = next(p for p in form["pages"] if "repeat" in p)
    assert group["repeat"]["rows"] == 4
    assert form["pdf"]["fields"][f"{group['id']}.dependent_ssn_atin"] == "DependentSSN[{n0}]"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_pages_follow_the_papers_parts_and_numbered_questions_keep_their_reading_order() -> None:
    """f13614c: pages are headed by its parts, also "Part III", which it prints after the Yes/No/Unsure
    column headings on the same line; "6. Last year, were you:" is a question of Part I, not a page, and
    is asked after 4 and 5, which stand on the same line of the paper."""
    form = draft(CORPUS / "f13614c-TY2021.pdf")
    titles = list(dict.fromkeys(p["title"] for p in form["pages"]))
    assert titles[:4] == ["Part I – Your Personal Information", "Part II – Marital Status and Household Information",
                          "Part III – Income – Last Year, Did You (or Your Spouse) Receive",
                          "Part IV – Expenses – Last Year, Did You (or Your Spouse) Pay"]
    order = list(questions(form))
    assert order.index("date_birth") < order.index("job_title") < order.index("full_time_student")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here: the real-form checks need it")
def test_radio_states_with_nothing_beside_them_take_their_columns_heading_far_above() -> None:
    """f13614c Part III: "Yes No Unsure" is printed once over three columns of radio buttons, ten questions
    above "Income (or loss) from the sale …", whose PDF states are only 0, 1 and 2."""
    form = draft(CORPUS / "f13614c-TY2021.pdf")
    sale = next(q for q in questions(form).values() if q["label"].startswith("Income (or loss) from the sale"))
    assert [o["label"] for o in sale["options"]] == ["Yes", "No", "Unsure"]
    assert form["pdf"]["fields"][sale["id"]]["states"] == {"0": "0", "1": "1", "2": "2"}
    expenses = next(q for q in questions(form).values() if q["label"].startswith("Child or dependent care"))
    assert [o["label"] for o in expenses["options"]] == ["Yes", "No", "Unsure"]   # Part IV's own headings
