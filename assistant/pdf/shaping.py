"""One line of text as positioned glyphs: bidi order, font fallback, HarfBuzz shaping.

The Unicode bidi algorithm (python-bidi) gives each character its embedding level, so a personnummer
or a date inside Arabic keeps its left-to-right order; each run of one level and one font is shaped
by HarfBuzz (Arabic joined, marks placed, Vietnamese stacked accents), then runs are put in visual
order (rule L2). The same shaped line is measured for fitting and drawn, so what fits is what prints.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from bidi import get_display

from assistant.pdf.fonts import Face, fallback_faces

_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})
_LEVELS = re.compile(r"levels: \[(.*?)\n    \],", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+)")
_NUMBER = re.compile(r"\d+(?:[-./:, ]\d+)+")
LRI, PDI = "\u2066", "\u2069"
_JOINERS = frozenset("\u200c\u200d\u034f\ufe00\ufe01\ufe02\ufe03\ufe0e\ufe0f")


@dataclass(frozen=True, eq=False)
class Glyph:
    """One glyph to draw; advance and offsets per em. `text` is what it stands for (ToUnicode), "" for a
    cluster's further glyphs."""

    face: Face
    gid: int
    advance: float
    dx: float
    dy: float
    text: str


@dataclass(frozen=True, eq=False)
class Line:
    """A shaped line in visual order; width and ink extents per em (multiply by the font size).
    Compared by identity: shape_line() hands out one object per text, and drawing caches by it."""

    glyphs: tuple[Glyph, ...]
    width: float
    top: float
    bottom: float
    rtl: bool


def _levels(text: str) -> tuple[list[int], bool]:
    """Each character's bidi embedding level and whether the paragraph is right-to-left.

    A number with separators (personnummer, date, phone number) is isolated left-to-right first: by the
    plain algorithm "1234-19440517" after an Arabic word is an Arabic number and shows as "19440517-1234".
    """
    if not any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text if ord(c) >= 0x590):
        return [0] * len(text), False
    pieces: list[tuple[str, bool]] = []          # (text, inserted here): the text's own controls are kept
    last = 0
    for m in _NUMBER.finditer(text):
        pieces += [(text[last:m.start()], False), (LRI, True), (m.group(), False), (PDI, True)]
        last = m.end()
    pieces.append((text[last:], False))
    augmented = "".join(piece for piece, _ in pieces)
    per_byte = [int(v) for v in _LEVEL.findall(_LEVELS.search(get_display(augmented, debug=True)).group(1))]
    where, offset = [], 0
    for piece, inserted in pieces:
        for char in piece:
            if not inserted:
                where.append(offset)
            offset += len(char.encode("utf-8"))
    levels = [per_byte[o] if o < len(per_byte) else 0 for o in where]
    rtl = next((lv for lv, c in zip(levels, text) if unicodedata.bidirectional(c) in ("L", "R", "AL")), 0) % 2 == 1
    return levels, rtl


def _weak(char: str) -> bool:
    """Marks, joiners, spaces, digits and punctuation: drawn in the font of their neighbour when it has them."""
    return char in _JOINERS or unicodedata.category(char)[0] in "MZPNS" or char.isspace()


def _faces(text: str, primary: Face, bold: bool) -> list[Face]:
    """The face per character: the field's face if it has the glyph, else the first fallback that does."""
    out: list[Face] = []
    for char in text:
        previous = out[-1] if out else None
        if previous is not None and _weak(char) and previous.covers(char):
            out.append(previous)
        elif primary.covers(char):
            out.append(primary)
        else:
            out.append(next((f for f in fallback_faces(bold) if f.covers(char)), primary))
    # Leading weak characters (a quote, a digit) take the face of the first letter after them.
    first = next((i for i, c in enumerate(text) if not _weak(c)), None)
    if first and all(out[first].covers(c) for c in text[:first]):
        out[:first] = [out[first]] * first
    return out


def _shape_run(text: str, face: Face, rtl: bool) -> list[Glyph]:
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    hb.shape(face.hb_font, buf, {})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    texts = _cluster_texts(text, face, [i.codepoint for i in infos], [i.cluster for i in infos], rtl)
    u = face.upem
    return [Glyph(face, info.codepoint, pos.x_advance / u, pos.x_offset / u, pos.y_offset / u, t)
            for info, pos, t in zip(infos, positions, texts)]


def _cluster_texts(text: str, face: Face, gids: list[int], clusters: list[int], rtl: bool) -> list[str]:
    """What each glyph stands for (ToUnicode). In a cluster of several glyphs (a letter and its marks),
    a glyph that is a character's own glyph stands for that character; the first glyph in reading
    order carries the rest (a ligature, a reordered vowel)."""
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], len(text)]))
    members: dict[int, list[int]] = {}
    for i in (range(len(gids) - 1, -1, -1) if rtl else range(len(gids))):
        members.setdefault(clusters[i], []).append(i)
    out = [""] * len(gids)
    for start, glyphs in members.items():
        chars = list(range(start, ends[start]))
        own: dict[int, list[int]] = {g: [] for g in glyphs}
        if len(glyphs) > 1:
            for c in list(chars):
                match = next((g for g in glyphs if gids[g] == face.glyph(text[c]) and not own[g]), None)
                if match is not None and match != glyphs[0]:
                    own[match].append(c)
                    chars.remove(c)
        own[glyphs[0]] = chars
        for g, cs in own.items():
            out[g] = "".join(text[c] for c in sorted(cs))
    return out


def _visual(runs: list[tuple[int, list[Glyph]]]) -> list[Glyph]:
    """Rule L2: from the highest level down to the lowest odd one, reverse each sequence at or above it."""
    if not runs:
        return []
    levels = [lv for lv, _ in runs]
    lowest_odd = min((lv for lv in levels if lv % 2), default=max(levels) + 1)
    order = list(range(len(runs)))
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return [g for k in order for g in runs[k][1]]


def clean(text: str) -> str:
    """Tabs as spaces; other control characters (they have no glyph) dropped."""
    text = text.replace("\t", " ")
    return "".join(c for c in text if unicodedata.category(c) != "Cc")


@lru_cache(maxsize=8192)
def shape_line(text: str, primary: Face, bold: bool = False) -> Line:
    """`text` (one line, no newline) shaped with `primary` and its fallbacks."""
    text = clean(text)
    if not text:
        return Line((), 0.0, 0.0, 0.0, False)
    levels, rtl = _levels(text)
    faces = _faces(text, primary, bold)
    runs: list[tuple[int, list[Glyph]]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or levels[i] != levels[start] or faces[i] is not faces[start]:
            runs.append((levels[start], _shape_run(text[start:i], faces[start], levels[start] % 2 == 1)))
            start = i
    glyphs = tuple(_visual(runs))
    width = sum(g.advance for g in glyphs)
    top, bottom = 0.0, 0.0
    for g in glyphs:
        t, b = g.face.ink(g.gid)
        top, bottom = max(top, t + g.dy), min(bottom, b + g.dy)
    return Line(glyphs, width, top, bottom, rtl)


def width_of(primary: Face, bold: bool = False):
    """A function giving a string's width per em, for layout's word wrap."""
    return lambda text: shape_line(text, primary, bold).width
