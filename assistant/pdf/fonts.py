"""Fonts for field values: which standard font draws a value, how wide it is, how to encode it.

Fast path: the 14 standard PDF fonts are in every viewer and printer, and their Adobe metrics cover
the Latin letters of Swedish, Polish, Turkish, the Baltic and Central European languages. A field whose
font is one of them (or a non-embedded Acrobat font such as ArialMT, which viewers replace anyway) is
drawn in the metric-equal standard font, WinAnsi-encoded, with a /Differences entry for each letter
outside WinAnsi (e.g. Ł, ğ). Other scripts take the slow path (overlay.py); for measuring those we use
the metrics of the fonts WeasyPrint will pick, read with fontTools.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from fontTools.agl import UV2AGL
from fontTools.ttLib import TTFont
# pypdf ships the Adobe core-14 AFM widths (free to redistribute); it is pinned in requirements.txt.
from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

FALLBACK_FAMILIES = ("DejaVu Sans", "Noto Sans Arabic", "Noto Sans Ethiopic")
MAX_EXTRA_GLYPHS = 31  # codes 1..31 are free in WinAnsi; more than that goes the slow path


@dataclass(frozen=True)
class FieldStyle:
    """The field's own text style from its /DA: a standard font name, size (0 = auto) and colour."""

    core_font: str
    size: float
    color: str  # PDF colour operator, e.g. "0 g" or "0 0 1 rg"


def core_font_for(base_font: str) -> str:
    """The standard-14 font that stands in for a field font (ArialMT -> Helvetica, TimesNewRoman,Bold -> Times-Bold)."""
    name = re.sub(r"^[A-Z]{6}\+", "", base_font.lstrip("/")).lower()
    bold = any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))
    italic = "italic" in name or "oblique" in name
    if "courier" in name or "mono" in name:
        return "Courier" + {(0, 0): "", (1, 0): "-Bold", (0, 1): "-Oblique", (1, 1): "-BoldOblique"}[bold, italic]
    if "times" in name or "serif" in name and "sans" not in name:
        return {(0, 0): "Times-Roman", (1, 0): "Times-Bold", (0, 1): "Times-Italic", (1, 1): "Times-BoldItalic"}[bold, italic]
    return "Helvetica" + {(0, 0): "", (1, 0): "-Bold", (0, 1): "-Oblique", (1, 1): "-BoldOblique"}[bold, italic]


def parse_da(da: str, fonts: dict[str, str]) -> FieldStyle:
    """Read "/Helv 10 Tf 0 g" into a style; `fonts` maps /DR resource names to /BaseFont names."""
    font = re.search(r"/([^\s/]+)\s+([\d.]+)\s+Tf", da)
    color = re.search(r"((?:[\d.]+\s+){1,4})(g|rg|k)\b", da)
    base = fonts.get(font.group(1), font.group(1)) if font else "Helvetica"
    return FieldStyle(core_font_for(base), float(font.group(2)) if font else 0.0,
                      f"{color.group(1).strip()} {color.group(2)}" if color else "0 g")


def _winansi(char: str) -> bool:
    try:
        return len(char.encode("cp1252")) == 1 and char not in "\x81\x8d\x8f\x90\x9d"
    except UnicodeEncodeError:
        return False


def extra_glyphs(text: str, core_font: str) -> tuple[str, ...] | None:
    """Characters needing a /Differences slot, or None if the standard font cannot draw the text."""
    widths = CORE_FONT_METRICS[core_font].character_widths
    extra: list[str] = []
    for char in text:
        if char == "\n" or _winansi(char) and (char in widths or ord(char) < 32):
            continue
        if char not in widths or ord(char) not in UV2AGL:
            return None
        if char not in extra:
            extra.append(char)
    return tuple(extra) if len(extra) <= MAX_EXTRA_GLYPHS else None


def core_width(core_font: str):
    """A function giving a string's width at size 1 in the standard font."""
    widths = CORE_FONT_METRICS[core_font].character_widths
    default = widths.get("default", 500)
    return lambda text: sum(widths.get(c, default) for c in text) / 1000


def core_ascent_descent(core_font: str) -> tuple[float, float]:
    d = CORE_FONT_METRICS[core_font].font_descriptor
    return d.ascent / 1000, d.descent / 1000


def encode(text: str, extras: tuple[str, ...]) -> bytes:
    """Bytes in the font's encoding: WinAnsi, with `extras` at codes 1, 2, ..."""
    slot = {c: i + 1 for i, c in enumerate(extras)}
    return bytes(slot[c] if c in slot else c.encode("cp1252")[0] for c in text)


def differences(extras: tuple[str, ...]) -> list[object]:
    """The /Differences array for `extras` (glyph names from the Adobe Glyph List)."""
    return [1, *("/" + UV2AGL[ord(c)] for c in extras)] if extras else []


@lru_cache(maxsize=None)
def _font_file(family: str) -> str | None:
    if not shutil.which("fc-match"):
        return None
    out = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:style=Regular"],
                         capture_output=True, text=True, check=False).stdout.strip()
    return out or None


@lru_cache(maxsize=None)
def _fallback_tables() -> tuple[tuple[dict[int, str], dict[str, tuple[int, int]], int], ...]:
    tables = []
    for family in FALLBACK_FAMILIES:
        path = _font_file(family)
        if path:
            font = TTFont(path, lazy=True)
            tables.append((font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm))
    return tuple(tables)


def fallback_width(text: str) -> float:
    """Width at size 1 in the overlay font chain (first font that has the character), plus 5 % for shaping."""
    total = 0.0
    for char in text:
        for cmap, hmtx, upem in _fallback_tables():
            glyph = cmap.get(ord(char))
            if glyph:
                total += hmtx[glyph][0] / upem
                break
        else:
            total += 0.6
    return total * 1.05
