"""The shared corpus of real forms, and invented values in seven scripts to fill every field of one.

The corpus lives outside the repository (../shared/corpus from the project root; from a git worktree
under /work/wt it is two folders up); tests skip with the reason when it is absent.
"""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from assistant.pdf.inspect import PdfField, read_fields

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [Path(os.environ["BLANKETT_CORPUS"])] if os.environ.get("BLANKETT_CORPUS") else [
    ROOT.parent / "shared/corpus", ROOT.parent.parent / "shared/corpus"]

# Per script: a name, and ten letters that number the fields (so each field's value is its own).
SCRIPTS = {
    "sv": ("Åsa Öberg-Ärlig", "ÅÄÖåäöÉéÜü"),
    "ar": ("محمد عبد الله", "ابتثجحخدذر"),
    "fa": ("فاطمه پژوهش", "پچژگکیهوزش"),
    "ti": ("ፍሬሕይወት ገብረ", "ሀለሐመሠረሰቀበተ"),
    "vi": ("Nguyễn Thị Minh Khai", "ẮẰẲẴẶẤẦẨẪẬ"),
    "uk": ("Іван Ґудзь-Петрович", "АБВГҐДЕЄЖЗ"),
    "pl": ("Łukasz Wójcik-Ćwikła ÆØÅ", "ĄĆĘŁŃÓŚŹŻÆ"),
}


def corpus_dir() -> Path:
    for folder in CANDIDATES:
        if (folder / "us-tax-forms").is_dir():
            return folder / "us-tax-forms"
    pytest.skip(f"the shared corpus of real forms is not here ({', '.join(map(str, CANDIDATES))})")


def corpus_forms() -> list[Path]:
    """The corpus PDFs, or [] when absent (parametrize with it; the test then skips)."""
    for folder in CANDIDATES:
        if (folder / "us-tax-forms").is_dir():
            return sorted((folder / "us-tax-forms").glob("*.pdf"))
    return []


def tag(i: int, letters: str) -> str:
    """i written with the script's own ten letters: a word that names one field."""
    return "".join(letters[int(d)] for d in str(i))


def values_for(fields: dict[str, PdfField], script: str) -> tuple[dict[str, str | bool], dict[str, str]]:
    """A value for every field: text in the script (each with its own tag word), ticks, choices.
    Returns (values, the text that must print for each text field)."""
    name, letters = SCRIPTS[script]
    values: dict[str, str | bool] = {}
    shown: dict[str, str] = {}
    radio_seen = 0
    for i, (fname, f) in enumerate(fields.items()):
        if f.hidden:
            continue
        if f.kind == "text":
            value = f"{tag(i, letters)} {name}"
            if f.max_len:
                value = value[:f.max_len] if not f.comb else tag(i, letters)[:f.max_len]
            values[fname] = value
            shown[fname] = value
        elif f.kind == "checkbox" and f.on_states:
            values[fname] = True
        elif f.kind == "radio" and f.on_states:
            values[fname] = f.on_states[radio_seen % len(f.on_states)]
            radio_seen += 1
        elif f.kind in ("combo", "list") and f.options:
            values[fname] = f.options[-1][0]
            shown[fname] = f.options[-1][1]
    return values, shown


def words(text: str) -> list[str]:
    """Words for comparing printed text: Arabic presentation forms folded, bidi marks dropped."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf").split()


def read(path: Path) -> tuple[bytes, dict[str, PdfField]]:
    pdf = path.read_bytes()
    return pdf, read_fields(pdf, source=path.name)
