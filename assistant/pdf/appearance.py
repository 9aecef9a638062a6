"""Appearance streams for text-like widgets: what a viewer or printer draws, without NeedAppearances."""
from __future__ import annotations

import pikepdf

from assistant.pdf.embed import FontSet
from assistant.pdf.fonts import Face, FieldStyle
from assistant.pdf.layout import CLIP, INK_GAP, LEADING, PADDING, Fit
from assistant.pdf.shaping import Line, shape_line


def _color(array: pikepdf.Array | None, stroke: bool) -> str | None:
    if not isinstance(array, pikepdf.Array) or not len(array):
        return None
    try:
        values = " ".join(f"{float(v):g}" for v in array)
    except (TypeError, ValueError):
        return None
    op = {1: "g", 3: "rg", 4: "k"}.get(len(array))
    return f"{values} {op.upper() if stroke else op}" if op else None


def frame(widget: pikepdf.Dictionary, w: float, h: float) -> str:
    """The widget's own background and border from /MK, as Acrobat draws them."""
    mk = widget.get("/MK")
    mk = mk if isinstance(mk, pikepdf.Dictionary) else pikepdf.Dictionary()
    parts = []
    bg = _color(mk.get("/BG"), stroke=False)
    if bg:
        parts.append(f"q {bg} 0 0 {w:.2f} {h:.2f} re f Q")
    bc = _color(mk.get("/BC"), stroke=True)
    bs = widget.get("/BS")
    try:
        bw = float(bs.get("/W", 1)) if isinstance(bs, pikepdf.Dictionary) else 1.0
    except (TypeError, ValueError):
        bw = 1.0
    if bc and bw > 0:
        parts.append(f"q {bc} {bw:g} w {bw / 2:.2f} {bw / 2:.2f} {w - bw:.2f} {h - bw:.2f} re S Q")
    return " ".join(parts)


def single_baseline(line: Line, face: Face, size: float, h: float) -> float:
    """Centred on the face's cap height as Acrobat does, then moved so the ink stays inside the clip."""
    y = (h - size * (face.cap_height + 0.21)) / 2 + 0.21 * size
    top, bottom = y + line.top * size, y + line.bottom * size
    if top > h - CLIP - INK_GAP:
        y -= top - (h - CLIP - INK_GAP)
    if bottom < CLIP + INK_GAP:
        y += CLIP + INK_GAP - bottom
    return y


def text_stream(fonts: FontSet, face: Face, style: FieldStyle, fitted: Fit | None, box: tuple[float, float], *,
                quadding: int = 0, comb: int | None = None, multiline: bool = False) -> str:
    """Text operators drawing `fitted` with the document's embedded fonts (nothing for None)."""
    w, h = box
    if fitted is None or not fitted.lines:
        return "/Tx BMC EMC"
    s = fitted.size
    bold = style.bold
    ops = [f"/Tx BMC q {CLIP:.2f} {CLIP:.2f} {w - 2 * CLIP:.2f} {h - 2 * CLIP:.2f} re W n BT {style.color}"]
    if comb:
        cell = w / comb
        whole = shape_line(fitted.lines[0], face, bold)
        y = single_baseline(whole, face, s, h)
        for i, char in enumerate(fitted.lines[0]):
            line = shape_line(char, face, bold)
            ops.append(fonts.show(line, i * cell + (cell - line.width * s) / 2, y, s))
    else:
        lines = [shape_line(t, face, bold) for t in fitted.lines]
        if multiline:
            top = max((ln.top for ln in lines), default=0.0)
            y = h - PADDING - top * s
        else:
            y = single_baseline(lines[0], face, s, h)
        for line in lines:
            tw = line.width * s
            x = {1: (w - tw) / 2, 2: w - PADDING - tw}.get(quadding, PADDING)
            ops.append(fonts.show(line, x, y, s))
            y -= s * LEADING
    ops.append("ET Q EMC")
    return " ".join(ops)
