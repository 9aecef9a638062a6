"""Appearance streams for text-like widgets: what a viewer or printer draws, without NeedAppearances."""
from __future__ import annotations

import pikepdf

from assistant.pdf.fonts import FieldStyle, core_ascent_descent, core_width, encode
from assistant.pdf.layout import LEADING, PADDING, Fit


def _literal(data: bytes) -> str:
    out = []
    for b in data:
        ch = chr(b)
        out.append("\\" + ch if ch in "\\()" else ch if 32 <= b < 127 else f"\\{b:03o}")
    return "(" + "".join(out) + ")"


def _color(array: pikepdf.Array | None, stroke: bool) -> str | None:
    if not isinstance(array, pikepdf.Array) or not len(array):
        return None
    values = " ".join(f"{float(v):g}" for v in array)
    op = {1: "g", 3: "rg", 4: "k"}.get(len(array))
    return f"{values} {op.upper() if stroke else op}" if op else None


def frame(widget: pikepdf.Dictionary, w: float, h: float) -> str:
    """The widget's own background and border from /MK, as Acrobat draws them."""
    mk = widget.get("/MK", {})
    parts = []
    bg = _color(mk.get("/BG"), stroke=False)
    if bg:
        parts.append(f"q {bg} 0 0 {w:.2f} {h:.2f} re f Q")
    bc = _color(mk.get("/BC"), stroke=True)
    bw = float(widget.get("/BS", {}).get("/W", 1))
    if bc and bw > 0:
        parts.append(f"q {bc} {bw:g} w {bw / 2:.2f} {bw / 2:.2f} {w - bw:.2f} {h - bw:.2f} re S Q")
    return " ".join(parts)


def text_stream(style: FieldStyle, fitted: Fit, box: tuple[float, float], extras: tuple[str, ...], *,
                quadding: int = 0, comb: int | None = None, multiline: bool = False) -> str:
    """Text operators drawing `fitted` in a standard font resource named /F0."""
    w, h = box
    s = fitted.size
    ascent, descent = core_ascent_descent(style.core_font)
    width = core_width(style.core_font)
    ops = [f"/Tx BMC q {PADDING / 2:.2f} {PADDING / 2:.2f} {w - PADDING:.2f} {h - PADDING:.2f} re W n BT",
           f"/F0 {s:.2f} Tf {style.color}"]
    if comb:
        cell = w / comb
        y = (h - s * (ascent - descent)) / 2 - descent * s
        for i, char in enumerate(fitted.lines[0]):
            x = i * cell + (cell - width(char) * s) / 2
            ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {_literal(encode(char, extras))} Tj")
    else:
        lines = fitted.lines
        if not multiline:
            y = (h - s * (ascent - descent)) / 2 - descent * s
        else:
            y = h - PADDING - ascent * s
        for line in lines:
            tw = width(line) * s
            x = {1: (w - tw) / 2, 2: w - PADDING - tw}.get(quadding, PADDING)
            ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {_literal(encode(line, extras))} Tj")
            y -= s * LEADING
    ops.append("ET Q EMC")
    return " ".join(ops)
