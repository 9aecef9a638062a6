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


def test_each_table_row_is_one_page_and_no_page_mixes_rows() -> None:
    form = draft(BISTAND)
    tables = find_tables(list(read_fields(BISTAND.read_bytes()).values()))
    assert len(tables["barn"]) == 4 and len(tables["barn"][1]) == 5   # four children, five columns each
    where = page_of(form)
    rows = {}
    for q in questions(form).values():
        if q["label"].startswith("Barn "):
            rows.setdefault(q["label"][:6], set()).add(where[q["id"]])
    assert len(rows) == 4 and all(len(pages) == 1 for pages in rows.values())
    assert len({next(iter(p)) for p in rows.values()}) == 4


def test_types_are_guessed_from_labels_and_the_draft_names_the_applicant() -> None:
    form = draft(BISTAND)
    types = {q["label"]: q["type"] for q in questions(form).values()}
    assert types["Barn 1, personnummer"] == "pnr"
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
