"""Continuation pages (Bilaga N): answers that did not fit their box, printed in full.

Drawn with the same shaping and embedded fonts as the field values, so an Arabic answer is joined
and ordered the same on the bilaga as in a box. The person's name and personnummer are shaped as
separate pieces, never one bidi paragraph: an Arabic name must not turn "19440517-1234" around.
"""
from __future__ import annotations

from dataclasses import dataclass

import pikepdf

from assistant.pdf.embed import FontSet
from assistant.pdf.fonts import FieldStyle, latin_face
from assistant.pdf.layout import wrap
from assistant.pdf.shaping import shape_line, width_of

A4 = (595.28, 841.89)
MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 20 * MM, 20 * MM, 20 * MM, 18 * MM
REGULAR = latin_face(FieldStyle("Sans", False, False, 10, "0 g"))
BOLD = latin_face(FieldStyle("Sans", True, False, 10, "0 g"))


@dataclass(frozen=True)
class Entry:
    number: int
    label: str
    text: str


class _Pages:
    """Lays out lines top to bottom, starting a new page when one is full."""

    def __init__(self, doc: pikepdf.Pdf, fonts: FontSet, footer: tuple[str, ...]) -> None:
        self.doc, self.fonts, self.footer = doc, fonts, footer
        self.ops: list[str] = []
        self.y = 0.0
        self.pages: list[list[str]] = []
        self._new_page()

    def _new_page(self) -> None:
        self.ops = ["BT 0 g"]
        self.pages.append(self.ops)
        self.y = A4[1] - TOP

    def gap(self, pt: float) -> None:
        self.y -= pt

    def paragraph(self, text: str, size: float, leading: float, bold: bool = False) -> None:
        face = BOLD if bold else REGULAR
        room = (A4[0] - LEFT - RIGHT) / size
        for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            for part in wrap(raw, width_of(face, bold), room) if raw else [""]:
                if self.y - size * leading < BOTTOM + 14:
                    self._new_page()
                self.y -= size * leading
                line = shape_line(part, face, bold)
                x = A4[0] - RIGHT - line.width * size if line.rtl else LEFT
                self.ops.append(self.fonts.show(line, x, self.y + size * (leading - 1) / 2, size))

    def pieces(self, pieces: tuple[str, ...], size: float, x_right: float | None = None,
               y: float | None = None) -> str:
        """Pieces shaped one by one and set left to right (each its own bidi paragraph)."""
        lines = [shape_line(p, REGULAR) for p in pieces]
        x = LEFT if x_right is None else x_right - sum(ln.width for ln in lines) * size
        ops = []
        for line in lines:
            ops.append(self.fonts.show(line, x, self.y if y is None else y, size))
            x += line.width * size
        return " ".join(ops)

    def labelled(self, label: str, value: str, size: float, leading: float) -> None:
        if self.y - size * leading < BOTTOM + 14:
            self._new_page()
        self.y -= size * leading
        self.ops.append(self.pieces((label, value), size))

    def finish(self) -> None:
        resources = self.fonts.shared_resources()
        for ops in self.pages:
            ops.append(self.pieces(self.footer, 8, x_right=A4[0] - RIGHT, y=BOTTOM - 8))
            ops.append("ET")
            page = pikepdf.Page(self.doc.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.Page, MediaBox=[0, 0, *A4], Resources=resources,
                Contents=self.doc.make_stream(" ".join(ops).encode("ascii")))))
            self.doc.pages.append(page)


def add_pages(doc: pikepdf.Pdf, fonts: FontSet, entries: list[Entry], head: tuple[str, str, str]) -> None:
    """Append the bilaga pages for `entries`; head is (form title, person's name, personnummer)."""
    title, name, pnr = head
    pages = _Pages(doc, fonts, ("Bilaga – ", name, ", ", pnr) if name or pnr else ("Bilaga",))
    pages.paragraph(f"Bilaga till {title}", 15, 1.2, bold=True)
    pages.gap(2 * MM)
    pages.labelled("Namn: ", name, 10, 1.4)
    pages.labelled("Personnummer: ", pnr, 10, 1.4)
    pages.gap(6 * MM)
    for e in entries:
        pages.gap(5 * MM)
        pages.paragraph(f"Bilaga {e.number}: {e.label}", 10.5, 1.3, bold=True)
        pages.gap(1 * MM)
        pages.paragraph(e.text, 10, 1.4)
    pages.finish()
