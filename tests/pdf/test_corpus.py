"""Every real form of the shared corpus fills with values in seven scripts, and every value prints.

What prints is read back from the print version with pdftotext, word by word with its position: each
text field's own box must show its value (or "Se bilaga N", with the value on the bilaga), every
ticked checkbox and chosen radio button must be set in the fillable copy. One script per form in
turn keeps the run short; a few small forms get all seven.
"""
from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from html import unescape
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest

from assistant.pdf.fill import BilagaInfo, fill_pdf
from assistant.pdf.inspect import readable_name
from tests.pdf.corpus import SCRIPTS, corpus_forms, read, values_for, words

BILAGA = BilagaInfo("Blankett", "Åsa Öberg", "19121212-1212", {})
FORMS = corpus_forms()
ALL_SCRIPTS_ON = ("bank_details_form.pdf", "it201v_1223.pdf", "nj1040v-TY2024.pdf", "md-pv-TY2024.pdf")
CASES = [(p, list(SCRIPTS)[i % len(SCRIPTS)]) for i, p in enumerate(FORMS)]
CASES += [(p, s) for p in FORMS if p.name in ALL_SCRIPTS_ON for s in SCRIPTS if (p, s) not in CASES]
WORD = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">|'
                  r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def squeeze(text: str) -> str:
    """For comparing: compatibility forms folded (Arabic presentation forms), bidi marks and spaces dropped."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Zs") and not c.isspace())


def page_words(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, each word's centre (x, y from the top, in pt) and text."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pages: list[list[tuple[float, float, str]]] = []
    for m in WORD.finditer(out):
        if m.group(1):
            pages.append([])
        else:
            x1, y1, x2, y2 = (float(m.group(i)) for i in range(3, 7))
            pages[-1].append(((x1 + x2) / 2, (y1 + y2) / 2, unescape(m.group(7))))
    return pages


def in_box(words_on_page: list[tuple[float, float, str]], rect, page_top: float, origin_x: float) -> str:
    x1, y1, x2, y2 = rect
    top, bottom = page_top - y2, page_top - y1
    return "".join(w for x, y, w in words_on_page
                   if x1 - 1 <= x + origin_x <= x2 + 1 and top - 1 <= y <= bottom + 1)


def shows(expected: str, got: str) -> bool:
    """Every letter of the value is in the box (with whatever the form prints there itself, e.g. a label
    or "MMDDYYYY"). Letters, not their order: right-to-left words come out of pdftotext in visual order,
    and two widgets of one field on the same spot interleave."""
    return Counter(squeeze(expected)) <= Counter(squeeze(got))


def page_boxes(pdf: bytes) -> list[tuple[float, float]]:
    with pikepdf.open(BytesIO(pdf)) as doc:
        return [(float(p.mediabox[3]), float(p.mediabox[0])) for p in doc.pages]


def set_states(fillable: bytes) -> dict[str, set[str]]:
    """Each button field's on-states as set in the fillable copy (readable names), from its widgets' /AS."""
    with pikepdf.open(BytesIO(fillable)) as doc:
        from assistant.pdf.document import collect_fields

        out = {}
        for name, node in collect_fields(doc).items():
            if node.kind in ("checkbox", "radio"):
                out[name] = {readable_name(w.AS) for w in node.widgets if "/AS" in w and w.AS.unparse() != b"/Off"}
        return out


@pytest.mark.parametrize("path, script", CASES, ids=[f"{p.stem}-{s}" for p, s in CASES] or None)
def test_every_value_of_a_real_form_prints_in_its_box(path: Path, script: str) -> None:
    pdf, fields = read(path)
    values, shown = values_for(fields, script)
    result = fill_pdf(pdf, values, bilaga=BILAGA, source=path.name)
    continued = {c.field_name: c for c in result.continued}
    pages = page_words(result.print_pdf)
    boxes = page_boxes(result.print_pdf)
    with pikepdf.open(BytesIO(pdf)) as blank:
        form_pages = len(blank.pages)
    bilaga_text = squeeze(" ".join(w for page in pages[form_pages:] for _, _, w in page))
    wrong = []
    for name, text in shown.items():
        f = fields[name]
        for page, rect in zip(f.pages, f.rects):
            got = in_box(pages[page - 1], rect, *boxes[page - 1])
            if name in continued:
                on_bilaga = squeeze(text) in bilaga_text if script not in ("ar", "fa") \
                    else Counter(squeeze(text)) <= Counter(bilaga_text)
                n = continued[name].number
                ok = on_bilaga and any(Counter(squeeze(m)) <= Counter(squeeze(got)) for m in (f"Se bilaga {n}", f"Bil. {n}"))
            else:
                ok = shows(text, got)
            if not ok:
                wrong.append((name, text, got))
    assert not wrong, f"{len(wrong)} of {len(shown)} values not shown in their box: {wrong[:5]}"
    states = set_states(result.fillable_pdf)
    for name, value in values.items():
        if fields[name].kind == "checkbox":
            assert states[name], name
        elif fields[name].kind == "radio":
            assert value in states[name], (name, value, states[name])
