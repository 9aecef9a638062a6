"""Fonts for field values: which font file draws which character, and its metrics.

Every value is drawn in an embedded TrueType font, so poppler, Ghostscript, MuPDF and printers show the
same glyphs. A field in Helvetica/Arial, Times or Courier (or an Acrobat font such as ArialMT) gets
the metric-compatible Liberation face; a character it lacks comes from Noto (Arabic, Ethiopic ...) or
DejaVu, chosen character by character by cmap coverage. Faces are parsed once per process.
"""
from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
NOTO = Path("/usr/share/fonts/truetype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Tried in this order for a character the field's face lacks.
FALLBACKS = ("NotoSansArabic", "NotoSansEthiopic", "NotoSans", "NotoSansHebrew", "NotoSansArmenian",
             "NotoSansGeorgian", "DejaVuSans")


@dataclass(frozen=True)
class FieldStyle:
    """The field's own text style from its /DA: the Latin face standing in for its font, size (0 = auto), colour."""

    family: str      # "Sans" | "Serif" | "Mono"
    bold: bool
    italic: bool
    size: float
    color: str       # PDF colour operator, e.g. "0 g" or "0 0 1 rg"
    resource: str = ""   # the /DR name of the field's font (its embedded program is reused when it covers the text)


@dataclass(eq=False)
class Face:
    """One font file, shaped with HarfBuzz; glyph lookups and extents are cached (they repeat a lot)."""

    path: Path | str       # the font file, or the form's /BaseFont for a program embedded in the form
    data: bytes
    hb_face: hb.Face
    hb_font: hb.Font
    upem: int
    ps_name: str
    ascent: float          # typographic, per em
    descent: float         # negative, per em
    cap_height: float
    bbox: tuple[int, int, int, int]
    italic_angle: float
    _gid: dict[int, int | None] = field(default_factory=dict)
    _box: dict[int, tuple[float, float]] = field(default_factory=dict)

    def glyph(self, char: str) -> int | None:
        """The glyph for a character, or None if this face lacks it."""
        cp = ord(char)
        if cp not in self._gid:
            self._gid[cp] = self.hb_font.get_nominal_glyph(cp)
        return self._gid[cp]

    def covers(self, char: str) -> bool:
        return self.glyph(char) is not None

    def ink(self, gid: int) -> tuple[float, float]:
        """(top, bottom) of a glyph's outline above the baseline, per em (bottom < 0 for descenders)."""
        box = self._box.get(gid)
        if box is None:
            e = self.hb_font.get_glyph_extents(gid)
            box = (e.y_bearing / self.upem, (e.y_bearing + e.height) / self.upem) if e and e.height else (0.0, 0.0)
            self._box[gid] = box
        return box

    def advance(self, gid: int) -> int:
        return self.hb_font.get_glyph_h_advance(gid)


def _table(face: hb.Face, tag: str) -> bytes:
    return face.reference_table(tag).data


@lru_cache(maxsize=None)
def load_face(path: Path) -> Face:
    """Parse a font file once per process."""
    return _face(path.read_bytes(), path, path.stem)


@lru_cache(maxsize=32)
def embedded_face(data: bytes, base_font: str) -> Face | None:
    """A TrueType program embedded in the form (its field font), or None if HarfBuzz cannot use it."""
    try:
        face = _face(data, base_font, re.sub(r"^[A-Z]{6}\+", "", base_font.lstrip("/")))
    except (ValueError, IndexError, struct.error):
        return None
    return face if face.upem and face.hb_face.glyph_count > 1 else None


def _face(data: bytes, path: Path | str, fallback_name: str) -> Face:
    """Header fields are read straight from the tables: fontTools would parse every glyph name of the
    post table just for the italic angle."""
    hb_face = hb.Face(data)
    hb_font = hb.Font(hb_face)
    upem = hb_face.upem
    head, post, os2 = _table(hb_face, "head"), _table(hb_face, "post"), _table(hb_face, "OS/2")
    bbox = struct.unpack(">4h", head[36:44]) if len(head) >= 44 else (0, -upem // 4, upem, upem)
    italic = struct.unpack(">i", post[4:8])[0] / 65536 if len(post) >= 8 else 0.0
    version = struct.unpack(">H", os2[:2])[0] if len(os2) >= 2 else 0
    cap = struct.unpack(">h", os2[88:90])[0] if version >= 2 and len(os2) >= 90 else 0
    extents = hb_font.get_font_extents("ltr")
    name = hb_face.get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME) or fallback_name
    return Face(path, data, hb_face, hb_font, upem, re.sub(r"[^A-Za-z0-9-]", "", name) or "Font",
                extents.ascender / upem, extents.descender / upem, (cap or 0.7 * upem) / upem, bbox, italic)


def _style_suffix(bold: bool, italic: bool) -> str:
    return {(0, 0): "Regular", (1, 0): "Bold", (0, 1): "Italic", (1, 1): "BoldItalic"}[bold, italic]


def latin_face(style: FieldStyle) -> Face:
    """The Liberation face metric-compatible with the field's font."""
    return _latin(style.family, style.bold, style.italic)


@lru_cache(maxsize=None)
def _latin(family: str, bold: bool, italic: bool) -> Face:
    return load_face(LIBERATION / f"Liberation{family}-{_style_suffix(bold, italic)}.ttf")


@lru_cache(maxsize=None)
def _fallback_paths(bold: bool) -> tuple[Path, ...]:
    paths = []
    for name in FALLBACKS:
        folder = DEJAVU if name.startswith("DejaVu") else NOTO
        if name == "DejaVuSans":
            candidates = [folder / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"), folder / "DejaVuSans.ttf"]
        else:
            candidates = [folder / f"{name}-Bold.ttf"] * bold + [folder / f"{name}-Regular.ttf"]
        path = next((p for p in candidates if p.exists()), None)
        if path:
            paths.append(path)
    return tuple(paths)


def fallback_faces(bold: bool) -> Iterator[Face]:
    """The installed fallback chain in order (bold where that weight exists), each parsed when first asked for."""
    return (load_face(p) for p in _fallback_paths(bold))


def style_for(base_font: str) -> tuple[str, bool, bool]:
    """(family, bold, italic) standing in for a field font: ArialMT -> Sans, TimesNewRoman,Bold -> Serif bold."""
    name = re.sub(r"^[A-Z]{6}\+", "", base_font.lstrip("/")).lower()
    bold = any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))
    italic = "italic" in name or "oblique" in name
    if "courier" in name or "mono" in name:
        return "Mono", bold, italic
    if "times" in name or "serif" in name and "sans" not in name:
        return "Serif", bold, italic
    return "Sans", bold, italic


def parse_da(da: str, fonts: dict[str, str]) -> FieldStyle:
    """Read "/Helv 10 Tf 0 g" into a style; `fonts` maps /DR resource names to /BaseFont names."""
    font = _DA_FONT.search(da)
    return _parse_da(da, fonts.get(font.group(1), font.group(1)) if font else "Helvetica")


_DA_FONT = re.compile(r"/([^\s/]+)\s+([\d.]+)\s+Tf")


@lru_cache(maxsize=1024)
def _parse_da(da: str, base: str) -> FieldStyle:
    font = _DA_FONT.search(da)
    color = re.search(r"((?:[\d.]+\s+){1,4})(g|rg|k)\b", da)
    family, bold, italic = style_for(base)
    try:
        size = float(font.group(2)) if font else 0.0
    except ValueError:
        size = 0.0
    return FieldStyle(family, bold, italic, size, f"{color.group(1).strip()} {color.group(2)}" if color else "0 g",
                      font.group(1) if font else "")
