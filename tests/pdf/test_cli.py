"""python -m assistant: inspect, import -> check round trip, fill, and one-line errors."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.pdf.fixtures import Spec, make_form

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
    draft_problems = [line for line in check.stdout.splitlines() if "utkast/form.yaml" in line]
    assert not draft_problems and "1 forms checked" in check.stderr, check.stdout


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
