"""Embedded fonts: one subset per face per document, shared by every widget and bilaga page.

Widgets and pages draw 2-byte glyph ids (Identity-H, CIDToGIDMap Identity), so HarfBuzz's shaped glyph
ids are drawn as they are. While drawing, each glyph id and the characters it stands for are
recorded; finish() subsets each face once (HarfBuzz's subsetter, glyph ids retained) and writes the
W widths and a ToUnicode CMap, so text extraction gives back the value. The font dictionaries are made
indirect on first use, so every appearance stream's resources point at the same object.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

import pikepdf
import uharfbuzz as hb

from assistant.pdf.fonts import Face
from assistant.pdf.shaping import Line

NONSYMBOLIC, ITALIC = 32, 64
_DROP = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "kern", "morx", "name")


@dataclass
class _Use:
    resource: str
    font: pikepdf.Dictionary
    texts: dict[int, str] = field(default_factory=dict)   # glyph id -> characters (ToUnicode)
    recorded: set = field(default_factory=set)            # segments whose glyphs are in texts


@dataclass(frozen=True, eq=False)
class _Segment:
    """Glyphs of one face at one vertical offset, as a TJ operator (size-independent: TJ numbers are
    thousandths of the font size)."""

    face: Face
    dy: float
    tj: str
    texts: tuple[tuple[int, str], ...]


def _w(face: Face, gid: int) -> int:
    """A glyph's width as written in /W (rounded), which is what viewers advance by."""
    return round(face.advance(gid) * 1000 / face.upem)


@lru_cache(maxsize=16384)
def _segments(line: Line) -> tuple[_Segment, ...]:
    """A shaped line as TJ segments; the PDF pen is tracked so kerning and mark offsets come out exact."""
    out: list[_Segment] = []
    pen = 0.0       # where the next glyph goes, per em
    pdf_pen = 0.0   # where the PDF's own advance (the /W width) put us
    parts: list[str] = []
    texts: list[tuple[int, str]] = []
    face: Face | None = None
    dy = 0.0

    def close() -> None:
        if parts:
            out.append(_Segment(face, dy, f"[{''.join(parts)}] TJ", tuple(texts)))
        parts.clear()
        texts.clear()

    for g in line.glyphs:
        if g.face is not face or g.dy != dy:
            close()
            face, dy = g.face, g.dy
        want = pen + g.dx
        if abs(want - pdf_pen) > 5e-4:
            parts.append(f"{(pdf_pen - want) * 1000:.0f}")
            pdf_pen -= round((pdf_pen - want) * 1000) / 1000
        parts.append(f"<{g.gid:04X}>")
        texts.append((g.gid, g.text))
        pdf_pen += _w(g.face, g.gid) / 1000
        pen += g.advance
    close()
    return tuple(out)



class FontSet:
    """The faces one document draws with."""

    def __init__(self, doc: pikepdf.Pdf) -> None:
        self.doc = doc
        self._used: dict[Face, _Use] = {}
        self._fonts = doc.make_indirect(pikepdf.Dictionary())
        self._resources = doc.make_indirect(pikepdf.Dictionary(Font=self._fonts))

    def _use(self, face: Face) -> _Use:
        use = self._used.get(face)
        if use is None:
            use = _Use(f"/BgF{len(self._used)}", self.doc.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, Encoding=pikepdf.Name("/Identity-H"))))
            self._used[face] = use
        return use

    def show(self, line: Line, x: float, y: float, size: float) -> str:
        """Operators (inside BT/ET) drawing `line` with its baseline starting at (x, y)."""
        ops = [f"1 0 0 1 {x:.2f} {y:.2f} Tm"]
        face: Face | None = None
        rise = 0.0
        for seg in _segments(line):
            use = self._use(seg.face)
            if seg.face is not face:
                face = seg.face
                ops.append(f"{use.resource} {size:.2f} Tf")
            if seg.dy != rise:
                rise = seg.dy
                ops.append(f"{rise * size:.2f} Ts")
            ops.append(seg.tj)
            if seg not in use.recorded:
                use.recorded.add(seg)
                texts = use.texts
                for gid, text in seg.texts:
                    if not texts.get(gid):
                        texts[gid] = text
        if rise:
            ops.append("0 Ts")
        return " ".join(ops)

    def shared_resources(self) -> pikepdf.Object:
        """One indirect /Resources dictionary for every appearance stream and bilaga page; its /Font
        entries are filled in by finish()."""
        return self._resources

    def finish(self) -> None:
        """Subset and embed every face used, once."""
        for face, use in self._used.items():
            _complete(self.doc, face, use)
            self._fonts[use.resource] = use.font


def _subset(face: Face, gids: set[int]) -> bytes:
    inp = hb.SubsetInput()
    inp.glyph_set.update(gids | {0})
    inp.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING
    drop = inp.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in _DROP:
        drop.add(int.from_bytes(tag.ljust(4).encode("ascii"), "big"))
    return hb.subset(face.hb_face, inp).blob.data


def _widths(face: Face, gids: list[int]) -> pikepdf.Array:
    out: list = []
    run_start, run = None, []
    for gid in gids:
        w = _w(face, gid)
        if run_start is not None and gid == run_start + len(run):
            run.append(w)
            continue
        if run_start is not None:
            out += [run_start, pikepdf.Array(run)]
        run_start, run = gid, [w]
    if run_start is not None:
        out += [run_start, pikepdf.Array(run)]
    return pikepdf.Array(out)


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode(texts: dict[int, str]) -> bytes:
    """A ToUnicode CMap from glyph id to the characters it stands for."""
    pairs = [(gid, t) for gid, t in sorted(texts.items()) if t]
    lines = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    for i in range(0, len(pairs), 100):
        chunk = pairs[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{gid:04X}> <{_utf16(t)}>" for gid, t in chunk]
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(lines).encode("ascii")


def _complete(doc: pikepdf.Pdf, face: Face, use: _Use) -> None:
    gids = sorted(use.texts)
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(repr((face.ps_name, gids)).encode()).digest()[:6])
    name = pikepdf.Name(f"/{tag}+{face.ps_name}")
    u = face.upem
    descriptor = doc.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=name,
        Flags=NONSYMBOLIC | (ITALIC if face.italic_angle else 0),
        FontBBox=pikepdf.Array([round(v * 1000 / u) for v in face.bbox]), ItalicAngle=face.italic_angle,
        Ascent=round(face.ascent * 1000), Descent=round(face.descent * 1000),
        CapHeight=round(face.cap_height * 1000), StemV=80,
        FontFile2=doc.make_stream(_subset(face, set(gids)))))
    cid = doc.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=name,
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                         Supplement=0),
        FontDescriptor=descriptor, DW=1000, W=_widths(face, gids), CIDToGIDMap=pikepdf.Name.Identity))
    use.font.BaseFont = name
    use.font.DescendantFonts = pikepdf.Array([cid])
    use.font.ToUnicode = doc.make_stream(to_unicode(use.texts))
