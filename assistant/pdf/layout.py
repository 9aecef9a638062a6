"""Fit a value into a widget: pick the font size and the lines, or say that it does not fit.

Heights come from the ink of the shaped glyphs (an accent above a capital, a descender, Arabic marks),
so nothing is cut by the clip. The same function decides for filling and for plan_overflow(), so what
the wizard tells staff before printing is exactly what prints.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

PADDING = 2.0      # pt inside the widget on each side, as Acrobat draws
CLIP = 1.0         # pt: the appearance clips to the box minus this on every side
INK_GAP = 0.5      # pt kept between the ink and the clip: renderers snap glyphs to the pixel grid
FLOOR = 8.0        # smallest size we print; below it the value goes to the bilaga
AUTO_MAX = 12.0    # auto-size (size 0) fields start here
LEADING = 1.15

Width = Callable[[str], float]  # width of a string at size 1
Ink = tuple[float, float]       # (top, bottom) of the text's ink at size 1, bottom <= 0
TYPICAL_INK: Ink = (0.73, -0.21)


@dataclass(frozen=True)
class Fit:
    size: float
    lines: tuple[str, ...]


def wrap(text: str, width: Width, room: float) -> list[str]:
    """Greedy word wrap at `room` (in size-1 units); a word longer than a line is broken.
    A line's width is the sum of its words' widths, so each word is measured once."""
    space = width(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            w = width(word)
            if line and used + space + w <= room:
                line, used = f"{line} {word}", used + space + w
                continue
            if not line and w <= room:
                line, used = word, w
                continue
            if line:
                lines.append(line)
            line, used = word, w
            while used > room and len(line) > 1:
                cut = _longest_fitting_prefix(line, width, room)
                lines.append(line[:cut])
                line = line[cut:]
                used = width(line)
        lines.append(line)
    return lines


def fit(text: str, width: Width, box: tuple[float, float], size: float, *,
        multiline: bool = False, comb: int | None = None, floor: float = FLOOR,
        ink: Ink = TYPICAL_INK) -> Fit | None:
    """The size and lines that show all of `text` in a box of (width, height) pt, or None."""
    w, h = box[0] - 2 * PADDING, box[1] - 2 * PADDING
    if w <= 0 or h <= 0:
        return None
    start = max(size, floor) if size else AUTO_MAX  # a form's own 6 pt is raised to the floor if the box allows
    tall = max(ink[0] - min(ink[1], 0.0), 0.01)
    inner = box[1] - 2 * (CLIP + INK_GAP)
    if comb:
        if len(text) > comb:
            return None
        cell = box[0] / comb
        widest = max((width(c) for c in text), default=0)
        s = min(start, box[1] * 0.8, inner / tall, (cell - 1) / widest if widest else start)
        return Fit(s, (text,)) if s >= floor or not text else None
    if not multiline:
        s = min(start, box[1] / LEADING, inner / tall)
        needed = width(text)
        if needed * s > w:
            s = w / needed
        return Fit(math.floor(s * 100) / 100, (text,)) if s >= floor else None
    s = start
    while s >= floor:
        lines = wrap(text, width, w / s)
        if PADDING + s * max(ink[0], 0.0) + (len(lines) - 1) * s * LEADING + s * max(-ink[1], 0.0) + CLIP + INK_GAP \
                <= box[1] + 0.01:
            return Fit(s, tuple(lines))
        s -= 0.5
    return None


def _longest_fitting_prefix(line: str, width: Width, room: float) -> int:
    """Binary search (widths grow with length): a 3000-character word costs a few dozen measurements,
    not millions. At least one character, so a too-narrow box still moves on."""
    lo, hi = 1, len(line) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width(line[:mid]) <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo
