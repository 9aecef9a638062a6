"""The slow path and the bilaga: one WeasyPrint document that draws what standard fonts cannot.

Each value in a script the standard fonts lack (Vietnamese, Cyrillic, Arabic, Ethiopic ...) is laid
out on its own page the size of its widget; WeasyPrint shapes Arabic, orders right-to-left text and
falls back glyph by glyph through the font chain. That page becomes the widget's appearance, so the
fillable copy and the flattened print look the same in every viewer, and text extraction sees each
value once. Continuation pages (Bilaga) are rendered in the same document: one layout per fill.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from assistant.bidi import isolated
from assistant.pdf.layout import LEADING, PADDING, Fit

FONT_CHAIN = '"DejaVu Sans", "Noto Sans Arabic", "Noto Sans Ethiopic", sans-serif'


@dataclass(frozen=True)
class Box:
    """One value to draw in a widget of (width, height) pt, and its style."""

    width: float
    height: float
    fitted: Fit
    color: str             # CSS colour
    align: str             # "start" | "center" | "end"
    multiline: bool
    comb: int | None


@dataclass(frozen=True)
class BilagaEntry:
    number: int
    label: str
    text: str


def css_color(pdf_color: str) -> str:
    """"0 0 1 rg" / "0.5 g" / "c m y k k" as CSS."""
    *nums, op = pdf_color.split()
    v = [float(n) for n in nums]
    if op == "g":
        v = v * 3
    elif op == "k":
        v = [(1 - c) * (1 - v[3]) for c in v[:3]]
    return "rgb({})".format(", ".join(f"{round(255 * max(0.0, min(1.0, c)))}" for c in v[:3]))


def _box_html(box: Box) -> str:
    style = (f"width:{box.width:.2f}pt;height:{box.height:.2f}pt;"
             f"font-size:{box.fitted.size:.2f}pt;color:{box.color}")
    if box.comb:
        cells = "".join(f"<span>{escape(c)}</span>" for c in box.fitted.lines[0])
        return (f'<div class="v comb" style="{style};grid-template-columns:repeat({box.comb},1fr)">{cells}</div>')
    text = escape(isolated("\n".join(box.fitted.lines)))
    kind = "multi" if box.multiline else "single"
    justify = {"start": "flex-start", "center": "center", "end": "flex-end"}[box.align]
    return f'<div class="v {kind}" style="{style};text-align:{box.align};justify-content:{justify}">{text}</div>'


def overlay_html(boxes: list[Box], entries: list[BilagaEntry], head: tuple[str, str, str]) -> str:
    """HTML with one page per box, then the bilaga pages."""
    parts = [f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>
@page bilaga {{ size: A4; margin: 20mm 20mm 18mm;
  @bottom-right {{ content: "Bilaga – " string(who); font: 8pt {FONT_CHAIN}; }} }}
.bilaga .foot {{ string-set: who content(text); height: 0; overflow: hidden; margin: 0; }}
html {{ font-family: {FONT_CHAIN}; }} body {{ margin: 0; }}
.form {{ position: relative; overflow: hidden; break-after: page; }}
.v {{ position: absolute; left: 0; top: 0; box-sizing: border-box; padding: 0 {PADDING}pt; line-height: {LEADING};
  overflow: hidden; }}
.single {{ white-space: pre; display: flex; align-items: center; }}
.multi {{ white-space: pre-wrap; padding-top: {PADDING}pt; }}
.comb {{ display: grid; padding: 0; align-items: center; text-align: center; }}
.bilaga {{ page: bilaga; font-size: 10pt; line-height: 1.4; }}
.bilaga h1 {{ font-size: 15pt; margin: 0 0 2mm; }} .bilaga .who {{ margin: 0 0 6mm; }}
.bilaga h2 {{ font-size: 10.5pt; margin: 5mm 0 1mm; }}
.bilaga p.text {{ white-space: pre-wrap; margin: 0; }}
</style>"""]
    for i, box in enumerate(boxes):
        parts.append(f"<style>@page w{i} {{ size: {box.width:.2f}pt {box.height:.2f}pt; margin: 0 }}</style>")
    parts.append("</head><body>")
    for i, box in enumerate(boxes):
        parts.append(f'<div class="form" style="page:w{i};width:{box.width:.2f}pt;height:{box.height:.2f}pt">'
                     f'{_box_html(box)}</div>')
    if entries:
        title, name, pnr = (escape(x) for x in head)
        parts.append(f'<div class="bilaga"><h1>Bilaga till {title}</h1>'
                     f'<p class="foot">{name}, {pnr}</p><p class="who">Namn: {name}<br>Personnummer: {pnr}</p>')
        for e in entries:
            parts.append(f'<h2>Bilaga {e.number}: {escape(e.label)}</h2><p class="text">{escape(isolated(e.text))}</p>')
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)


def render(html: str) -> bytes:
    """Lay out the overlay document (imported here: WeasyPrint costs ~0.7 s to import and most fills never need it)."""
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()
