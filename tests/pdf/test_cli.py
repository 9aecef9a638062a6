"""python -m assistant: inspect, import -> check round trip, fill, and one-line errors."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from datetime import date
from io import BytesIO
from pathlib import Path

import pikepdf

from tests.pdf.fixtures import Spec, big_form, make_form

ROOT = Path(__file__).resolve().parents[2]
ALDRE = ROOT / "forms/aldreomsorg/ansokan-aldreomsorg.pdf"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True)


def test_inspect_json_lists_every_field() -> None:
    out = run("inspect", str(ALDRE), "--json")
    assert out.returncode == 0
    fields = {f["name"]: f for f in json.loads(out.stdout)}
    assert fields["Civilstand"]["kind"] == "radio" and fields["Civilstand"]["on_states"][1] == "Gift"
    assert fields["Behov_Beskrivning"]["multiline"] and fields["Sokande_Fornamn"]["pages"] == [1]


def test_import_drafts_a_form_that_check_accepts(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "forms/_blocks", tmp_path / "_blocks")
    out = run("import", str(ALDRE), "--form-id", "utkast", "--forms-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    draft = (tmp_path / "utkast/form.yaml").read_text(encoding="utf-8")
    assert "label: Förnamn" in draft and "Civilstand" in draft and "Gift: Gift" not in draft
    assert (tmp_path / "utkast/ansokan-aldreomsorg.pdf").exists()
    check = run("check", "--forms-dir", str(tmp_path))  # config and catalogs are not in tmp_path: ignore those
    about_draft = [line for line in check.stdout.splitlines() if "utkast/form.yaml" in line]
    draft_problems = [line for line in about_draft if ": warning: " not in line]
    assert not draft_problems and "1 forms checked" in check.stderr, check.stdout
    assert any("still says TODO: 'TODO: blankettens titel'" in line for line in about_draft), about_draft


def test_check_reports_a_missing_pdf_field_with_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    yaml = tmp_path / "forms/aldreomsorg/form.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("vaning: Vaning", "vaning: Vaaning"), encoding="utf-8")
    out = run("check", "--forms-dir", str(tmp_path / "forms"))
    assert out.returncode == 1
    assert any("form.yaml:" in line and "Vaaning" in line for line in out.stdout.splitlines())


def test_fill_a_raw_pdf_by_field_names(tmp_path: Path) -> None:
    pdf = tmp_path / "blankett.pdf"
    pdf.write_bytes(make_form([Spec("Namn"), Spec("Ja", "checkbox", [(0, 72, 600, 12, 12)])]))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"Namn": "Иван Петров", "Ja": True}), encoding="utf-8")
    out = run("fill", str(pdf), "--answers", str(answers), "--out", str(tmp_path / "ut.pdf"),
              "--fillable", str(tmp_path / "ifyllbar.pdf"))
    assert out.returncode == 0, out.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "ut.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Иван Петров" in text and (tmp_path / "ifyllbar.pdf").exists()


def test_errors_are_one_line_each_without_traceback(tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"Finns_inte": "x"}), encoding="utf-8")
    out = run("fill", str(ALDRE), "--answers", str(answers), "--out", str(tmp_path / "x.pdf"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [
        f"{ALDRE}: Finns_inte: no such field in the PDF. Fix: Check the name with: python -m assistant inspect FORM.pdf"]
    assert not (tmp_path / "x.pdf").exists()
    assert "Exit codes" in run("--help").stdout


# --- One clean line for every error (issue 17, point 5) -------------------------------------------

def test_a_truncated_or_non_pdf_file_is_one_line_without_an_object_repr(tmp_path: Path) -> None:
    truncated = tmp_path / "avbruten.pdf"
    truncated.write_bytes(ALDRE.read_bytes()[:3000])
    text = tmp_path / "inte.pdf"
    text.write_text("Hej, det här är ingen PDF.\n", encoding="utf-8")
    for path in (truncated, text):
        out = run("inspect", str(path))
        assert out.returncode == 1 and out.stdout == ""
        [line] = out.stderr.splitlines()
        assert line.startswith(f"{path}: this is not a readable PDF (") and "Fix: " in line
        assert "object at 0x" not in line and "<_io" not in line


def test_inspect_escapes_control_and_bidi_characters_from_a_hostile_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "fientlig.pdf"
    pdf.write_bytes(make_form([Spec("Na\x00me\u202eevil"), Spec("\x1b[2Jwiped"), Spec("Namn")]))
    out = run("inspect", str(pdf))
    assert out.returncode == 0, out.stderr
    for raw in ("\x00", "\x1b", "\u202e"):
        assert raw not in out.stdout
    lines = out.stdout.splitlines()
    assert len(lines) == 3 and lines[0].startswith("Na\\x00me\\u202eevil\t") and lines[1].startswith("\\x1b[2Jwiped\t")
    listed = run("inspect", str(pdf), "--json")
    assert "\u202e" not in listed.stdout and "\x1b" not in listed.stdout
    assert [f["name"] for f in json.loads(listed.stdout)][:2] == ["Na\x00me\u202eevil", "\x1b[2Jwiped"]


def test_a_closed_pipe_ends_inspect_quietly(tmp_path: Path) -> None:
    pdf = tmp_path / "stor.pdf"
    pdf.write_bytes(big_form()[0])                 # 700 fields: far more than a pipe holds
    process = subprocess.Popen([sys.executable, "-m", "assistant", "inspect", str(pdf)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().startswith(b"p1_f1\t")     # like `| head -1`
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0 and stderr == b"", stderr


def test_a_library_warning_is_one_line_of_its_own(tmp_path: Path) -> None:
    """pikepdf warns when a widget is not reachable from /AcroForm; Python would print the warning with the
    library's source line under it."""
    built = make_form([Spec("Namn"), Spec("Lost", rects=[(0, 72, 600, 200, 18)])])
    with pikepdf.open(BytesIO(built)) as doc, warnings.catch_warnings():
        warnings.simplefilter("ignore")                # the same warning, here while making the fixture
        del doc.Root.AcroForm.Fields[1]
        out_pdf = BytesIO()
        doc.save(out_pdf)
    pdf = tmp_path / "orphan.pdf"
    pdf.write_bytes(out_pdf.getvalue())
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"Namn": "Test"}), encoding="utf-8")
    out = run("fill", str(pdf), "--answers", str(answers), "--out", str(tmp_path / "ut.pdf"),
              "--fillable", str(tmp_path / "ifyllbar.pdf"))      # pikepdf warns while saving the live copy
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    assert lines == [lines[0]] and lines[0].startswith("warning: PageCopyWarning: This document has 1 form widget")


def test_a_wrong_field_type_in_a_block_is_one_problem_not_forty(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    block = tmp_path / "forms" / "_blocks" / "person.yaml"
    block.write_text(block.read_text(encoding="utf-8").replace("type: pnr", "type: pnrr", 1), encoding="utf-8")
    out = run("check", "--forms-dir", str(tmp_path / "forms"))
    mine = [line for line in out.stdout.splitlines() if "translations" not in line]
    assert out.returncode == 1
    assert len(mine) == 2, mine
    assert mine[0].startswith(f"{block}:") and "unknown field type 'pnrr'" in mine[0] and "Fix:" in mine[0]
    assert mine[1].startswith("(") and "more problems follow from those above" in mine[1]


def test_neither_the_cli_nor_the_web_server_loads_weasyprint() -> None:
    """WeasyPrint (receipts and the pause sheet, made in the helper process) takes 0.8 s to import: the CLI's
    fill of a bundled form took 1 s with it and 0.2 s without (bench/bench_pdf.py, goal 0.6 s)."""
    probe = ("import sys; from assistant import cli; from assistant.paper import documents; from assistant.ui import app; "
             "print('weasyprint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


# --- One pipeline: fill goes through the app's checks and build_documents (issue 13, point 5) -------------

def walk_answers_file(tmp_path: Path, **changes) -> Path:
    """Åsa Öberg's answers from the aldreomsorg walk (tests/form_walks), as `fill --answers` reads them."""
    from tests.form_walks.aldreomsorg import PAGES
    from tests.walks import walk_answers

    path = tmp_path / "svar.json"
    answers = {k: v for k, v in {**walk_answers(PAGES), **changes}.items() if v is not None}
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    return path


def printed_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_fill_makes_the_very_pdf_the_app_makes_from_the_same_answers(tmp_path: Path) -> None:
    from assistant.paper.documents import build_documents
    from assistant.wizard.flow import default_answers
    from assistant.definition.loader import load_form
    from tests.form_walks.aldreomsorg import PAGES
    from tests.walks import walk_answers

    out = run("fill", "aldreomsorg", "--answers", str(walk_answers_file(tmp_path)), "--out", str(tmp_path / "ut.pdf"))
    assert out.returncode == 0 and "warning" not in out.stderr, out.stderr
    form = load_form(ROOT / "forms/aldreomsorg/form.yaml")
    today = date.today()
    app = build_documents(form, {**default_answers(form, today), **walk_answers(PAGES)}, today)
    assert (tmp_path / "ut.pdf").read_bytes() == app.print_pdf
    assert "Åsa" in printed_text(tmp_path / "ut.pdf") and "Jönköping" in printed_text(tmp_path / "ut.pdf")


def test_fill_refuses_a_missing_required_answer_and_names_the_field(tmp_path: Path) -> None:
    answers = walk_answers_file(tmp_path, **{"sokande.efternamn": None, "sokande.postnummer": "5531"})
    out = run("fill", "aldreomsorg", "--answers", str(answers), "--out", str(tmp_path / "ut.pdf"))
    assert out.returncode == 1 and not (tmp_path / "ut.pdf").exists()
    assert out.stderr.splitlines() == [
        f"{answers}: sokande.efternamn: required answer missing: Skriv efternamnet. Fix: Add \"sokande.efternamn\" "
        f"to svar.json.",
        f"{answers}: sokande.postnummer: not accepted: Skriv postnumret med fem siffror, till exempel 553 15. "
        "Fix: Correct it as the message says."]


def test_fill_refuses_an_answer_to_a_question_the_form_does_not_have(tmp_path: Path) -> None:
    answers = walk_answers_file(tmp_path, **{"sokande.efternman": "Öberg"})
    out = run("fill", "aldreomsorg", "--answers", str(answers), "--out", str(tmp_path / "ut.pdf"))
    assert out.returncode == 1
    [line] = out.stderr.splitlines()
    assert line.startswith(f"{answers}: sokande.efternman: ") and "has no such question" in line


def test_fill_asks_for_a_name_in_latin_letters_as_the_wizard_does(tmp_path: Path) -> None:
    answers = walk_answers_file(tmp_path, **{"sokande.fornamn": "آسا"})
    out = run("fill", "aldreomsorg", "--answers", str(answers), "--out", str(tmp_path / "ut.pdf"))
    assert out.returncode == 1
    [line] = out.stderr.splitlines()
    assert line.startswith(f"{answers}: sokande.fornamn: not accepted: Skriv namnet med latinska bokstäver"), line


def test_fill_never_prints_an_answer_its_condition_hides(tmp_path: Path) -> None:
    """kontaktperson.namn shows only when kontaktperson.finns is true: with "no", the name stays off the paper."""
    answers = walk_answers_file(tmp_path, **{"kontaktperson.finns": False})
    out = run("fill", "aldreomsorg", "--answers", str(answers), "--out", str(tmp_path / "ut.pdf"),
              "--fillable", str(tmp_path / "ifyllbar.pdf"))
    assert out.returncode == 0, out.stderr
    assert "Karin" not in printed_text(tmp_path / "ut.pdf") and "Karin" not in printed_text(tmp_path / "ifyllbar.pdf")
    assert "Åsa" in printed_text(tmp_path / "ut.pdf")
    assert f"{answers}: warning: kontaktperson.namn is not printed: these answers hide its question (show_if)." \
        in out.stderr.splitlines()
    assert "Karin" not in out.stderr


def test_check_only_warns_about_a_form_that_is_not_offered_yet(tmp_path: Path) -> None:
    """A new form that is not listed under blanketter:, still has a TODO and no translations: exit 0, warnings."""
    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    shutil.copytree(ROOT / "forms/trygghetslarm", tmp_path / "forms/larm_ny")
    new = tmp_path / "forms/larm_ny/form.yaml"
    new.write_text(new.read_text(encoding="utf-8").replace("id: trygghetslarm", "id: larm_ny")
                   .replace("title: Ansökan om trygghetslarm", "title: 'TODO: titel'"), encoding="utf-8")
    out = run("check", "--forms-dir", str(tmp_path / "forms"))
    assert out.returncode == 0, out.stdout
    warnings_ = [line for line in out.stdout.splitlines() if ": warning: " in line]
    assert warnings_ and len(warnings_) == len(out.stdout.splitlines()), out.stdout
    assert any(line.startswith(str(ROOT / "config/municipality.yaml") + ":") and "larm_ny" in line and "Fix: " in line
               for line in warnings_), warnings_
    assert any(line.startswith(f"{new}:") and "still says TODO: 'TODO: titel'" in line for line in warnings_)
    assert any(line.startswith(f"{new}:") and "not translated into Arabic (ar)" in line and "in Swedish" in line
               for line in warnings_), warnings_
    assert out.stderr.strip().endswith(f"0 problems, {len(warnings_)} warnings.")


# --- fill offers what the app offers (issue 13, point 6) ------------------------------------------------

def _forms_with_a_misspelt_pdf_field(tmp_path: Path) -> Path:
    """A copy of forms/ whose aldreomsorg maps a PDF field the PDF does not have: it loads, but check fails it."""
    forms = tmp_path / "forms"
    shutil.copytree(ROOT / "forms", forms)
    yaml = forms / "aldreomsorg/form.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("vaning: Vaning", "vaning: Vaaning"), encoding="utf-8")
    return forms


def test_fill_refuses_a_form_the_app_keeps_off_the_start_page_with_the_staff_areas_lines(tmp_path: Path) -> None:
    from assistant.definition.check import checked_library

    forms = _forms_with_a_misspelt_pdf_field(tmp_path)
    kept_off = checked_library(forms).broken["aldreomsorg"]       # what "För personalen" shows for it
    out = run("fill", "aldreomsorg", "--forms-dir", str(forms), "--answers", str(walk_answers_file(tmp_path)),
              "--out", str(tmp_path / "ut.pdf"))
    assert out.returncode == 1 and not (tmp_path / "ut.pdf").exists()
    assert out.stderr.splitlines() == str(kept_off).splitlines()
    assert "'Vaaning' is not in ansokan-aldreomsorg.pdf" in out.stderr


def test_fill_reads_the_forms_folder_the_app_reads_from_blankettguiden_forms(tmp_path: Path) -> None:
    forms = _forms_with_a_misspelt_pdf_field(tmp_path)
    env = {**os.environ, "BLANKETTGUIDEN_FORMS": str(forms)}
    args = ["fill", "aldreomsorg", "--answers", str(walk_answers_file(tmp_path)), "--out", str(tmp_path / "ut.pdf")]
    out = subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True, env=env)
    assert out.returncode == 1 and str(forms / "aldreomsorg/form.yaml") in out.stderr
    assert run(*args).returncode == 0                            # without it: the installed forms/


def test_fill_takes_a_repeating_groups_answers_as_the_wizard_stores_them(tmp_path: Path) -> None:
    """bostadstillägg's incomes: inkomst is the number of entries, inkomst.2.belopp the second one's amount,
    inkomst.more the "add another?" answer; the second income is printed on the paper's second row."""
    from tests.form_walks.bostadstillagg import PAGES
    from tests.walks import walk_answers

    answers = {**walk_answers(PAGES), "inkomst": 2, "inkomst.more": False}
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = run("fill", "bostadstillagg", "--answers", str(path), "--out", str(tmp_path / "ut.pdf"))
    assert out.returncode == 0 and out.stderr == "", out.stderr
    printed = printed_text(tmp_path / "ut.pdf")
    assert "Alecta" in printed and "KPA Pension" in printed
