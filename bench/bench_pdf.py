"""Print-version speed of Blankettguiden's engine against pikepdf and PyMuPDF, same inputs, same run.

    .venv/bin/python bench/bench_pdf.py [--runs 20]

PyMuPDF is AGPL, so it is never imported here and never in requirements: it runs in a throwaway
venv, in a subprocess that times itself. Create that venv once (or skip it; its column is then empty):

    python3 -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install pymupdf
    (another path: BENCH_PYMUPDF_PYTHON=/path/to/python)

Goals (median, warm; issue 12): service housing <= 10 ms with Latin values, <= 20 ms and <= 0.5x PyMuPDF
with Arabic/Ethiopic values; a 700-field form with non-Latin values in every field <= 500 ms; the CLI
filling the service-housing form, process start included, <= 600 ms. Each
comparison fills and flattens the same blank PDF with the same values. On a shared, busy machine the
absolute numbers grow with the load; the columns against pikepdf and PyMuPDF (same run) do not. pikepdf and PyMuPDF draw with their own appearance generators: pikepdf prints "?" for
non-ASCII and PyMuPDF's output is not what poppler shows (see shared/research/pdf-facts.md), so they
are speed references, not equivalents.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

import pikepdf
from pikepdf.form import CheckboxField, DefaultAppearanceStreamGenerator, Form, RadioButtonGroup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.pdf.fill import BilagaInfo, fill_pdf  # noqa: E402
from tests.pdf.fixtures import big_form  # noqa: E402

GOALS_MS = {"service housing, Latin": 10, "service housing, Arabic/Ethiopic": 20, "700 fields, Latin": 500,
            "700 fields, non-Latin": 500}
CLI_GOAL_MS = 600
MAX_VS_PYMUPDF = {"service housing, Arabic/Ethiopic": 0.5}
SCRIPT_VALUES = ("محمد عبد الله", "ፍሬሕይወት ገብረ", "Nguyễn Thị Minh Khai", "Іван Ґудзь", "فاطمه پژوهش")
BILAGA = BilagaInfo("Ansökan om bistånd – äldreomsorg", "Åsa Öberg", "19121212-1212", {})
LATIN = {
    "Sokande_Fornamn": "Åsa", "Sokande_Efternamn": "Öberg-Wójcik", "Sokande_Personnummer": "19121212-1212",
    "Sokande_Adress": "Storgatan 12", "Sokande_Postnummer": "553 20", "Sokande_Postort": "Jönköping",
    "Sokande_Telefon": "070-123 45 67", "Sokande_Epost": "asa@example.se", "Civilstand": "Gift",
    "BorEnsam": "Nej", "Insats_SarskiltBoende": True, "Insats_Trygghetslarm": True, "Boendeform": "Hyresratt",
    "Vaning": "3", "Hiss": "Nej", "HarHjalpIdag": "Ja",
    "HjalpIdag_Beskrivning": "Min dotter handlar åt mig två gånger i veckan.",
    "Behov_Beskrivning": "Jag har svårt att gå i trappor och att duscha själv. " * 4,
    "Halsa_Sjukdomar": "Artros i knäna, nedsatt syn.", "Hjalpmedel_Rollator": True,
    "Forsakran": True, "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
    "Underskrift_Namnfortydligande": "Åsa Öberg-Wójcik",
}
NON_LATIN = LATIN | {
    "Sokande_Fornamn": "محمد", "Sokande_Efternamn": "أحمد", "Sokande_Adress": "ሰላም መንገድ 4",
    "HjalpIdag_Beskrivning": "ابنتي تتسوق لي مرتين في الأسبوع.", "Behov_Beskrivning": "ሰላም ሓገዝ የድልየኒ። " * 6,
    "Underskrift_Namnfortydligande": "محمد أحمد",
}

PYMUPDF_SCRIPT = r"""
import json, statistics, sys, time
import pymupdf
pdf_path, values_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
data, values = open(pdf_path, "rb").read(), json.load(open(values_path))
def once():
    doc = pymupdf.open(stream=data, filetype="pdf")
    for page in doc:
        for w in page.widgets():
            if w.field_name in values:
                v = values[w.field_name]
                if w.field_type == pymupdf.PDF_WIDGET_TYPE_CHECKBOX:
                    w.field_value = bool(v)
                elif w.field_type == pymupdf.PDF_WIDGET_TYPE_RADIOBUTTON:
                    w.field_value = w.on_state() == v
                else:
                    w.field_value = v
                w.update()
    doc.bake()
    return doc.tobytes(garbage=1, deflate=True)
once()
times = []
for _ in range(runs):
    t = time.perf_counter(); once(); times.append((time.perf_counter() - t) * 1000)
print(json.dumps(statistics.median(times)))
"""


def ours(pdf: bytes, values: dict) -> bytes:
    """The print version, as the app makes it (no copy with live fields)."""
    return fill_pdf(pdf, values, bilaga=BILAGA, fillable=False).print_pdf


def pikepdf_fill_flatten(pdf: bytes, values: dict) -> bytes:
    """pikepdf's own way: its Form API with qpdf-style appearance generation, then flatten."""
    with pikepdf.open(BytesIO(pdf)) as doc:
        form = Form(doc, DefaultAppearanceStreamGenerator)
        for name, value in values.items():
            field = form[name]
            if isinstance(field, CheckboxField):  # its .checked needs /AP on the field, not on kid widgets
                obj = field._field.obj
                for widget in obj.get("/Kids", [obj]):
                    on = next(k for k in widget.AP.N.keys() if k != "/Off")
                    widget.AS = obj.V = pikepdf.Name(on if value else "/Off")
            elif isinstance(field, RadioButtonGroup):
                field.value = pikepdf.Name("/" + value)
            else:
                field.value = value
        doc.flatten_annotations(mode="print")
        out = BytesIO()
        doc.save(out)
        return out.getvalue()


def median_ms(fn, pdf: bytes, values: dict, runs: int) -> float:
    fn(pdf, values)  # warm: imports, font tables
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(pdf, values)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pymupdf_ms(pdf: bytes, values: dict, runs: int) -> float | None:
    python = os.environ.get("BENCH_PYMUPDF_PYTHON", "/tmp/benchvenv/bin/python")
    if not Path(python).exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:  # blank form and synthetic values only
        (Path(tmp) / "form.pdf").write_bytes(pdf)
        (Path(tmp) / "values.json").write_text(json.dumps(values), encoding="utf-8")
        out = subprocess.run([python, "-c", PYMUPDF_SCRIPT, f"{tmp}/form.pdf", f"{tmp}/values.json", str(runs)],
                             capture_output=True, text=True)
    return float(out.stdout) if out.returncode == 0 else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    aldre = (ROOT / "forms/aldreomsorg/ansokan-aldreomsorg.pdf").read_bytes()
    big, big_values = big_form()
    big_non_latin = {k: v if isinstance(v, bool) else f"{SCRIPT_VALUES[i % len(SCRIPT_VALUES)]} {i}"
                     for i, (k, v) in enumerate(big_values.items())}
    cases = {"service housing, Latin": (aldre, LATIN), "service housing, Arabic/Ethiopic": (aldre, NON_LATIN),
             "700 fields, Latin": (big, big_values), "700 fields, non-Latin": (big, big_non_latin)}
    print(f"{'case':34} {'ours ms':>8} {'goal':>6} {'pikepdf':>8} {'PyMuPDF':>8} {'ours/pikepdf':>13} {'ours/PyMuPDF':>13}")
    failed = False
    for name, (pdf, values) in cases.items():
        mine = median_ms(ours, pdf, values, args.runs)
        pike = median_ms(pikepdf_fill_flatten, pdf, values, args.runs)
        mu = pymupdf_ms(pdf, values, args.runs)
        failed |= mine > GOALS_MS[name] or bool(mu) and mine / mu > MAX_VS_PYMUPDF.get(name, float("inf"))
        mu_txt = f"{mu:8.1f}" if mu is not None else f"{'-':>8}"
        ratio_mu = f"{mine / mu:13.2f}" if mu else f"{'-':>13}"
        print(f"{name:34} {mine:8.1f} {GOALS_MS[name]:6d} {pike:8.1f} {mu_txt} {mine / pike:13.2f} {ratio_mu}")
    cli = cli_ms(max(3, args.runs // 4))
    failed |= cli > CLI_GOAL_MS
    print(f"{'CLI fill aldreomsorg, process start':34} {cli:8.1f} {CLI_GOAL_MS:6d}")
    return 1 if failed else 0


def cli_ms(runs: int) -> float:
    """`python -m assistant fill aldreomsorg` with the walk's answers: the whole process, wall clock."""
    from tests.form_walks.aldreomsorg import BY_TOPIC
    answers = {k: v for _, page in BY_TOPIC for k, v in page.items()}
    with tempfile.TemporaryDirectory() as folder:
        answers_file, out = Path(folder) / "answers.json", Path(folder) / "out.pdf"
        answers_file.write_text(json.dumps(answers, default=str, ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, "-m", "assistant", "fill", "aldreomsorg", "--answers", str(answers_file),
                   "--out", str(out)]
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
