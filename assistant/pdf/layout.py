"""Fit a value into a widget: pick the font size and the lines, or say that it does not fit.

The same function decides for both drawing paths and for plan_overflow(), so what the wizard tells
staff before printing is exactly what prints.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

PADDING = 2.0      # pt inside the widget on each side, as Acrobat draws
FLOOR = 7.0        # smallest size we print; below it the value goes to the bilaga
AUTO_MAX = 12.0    # auto-size (size 0) fields start here
LEADING = 1.15

Width = Callable[[str], float]  # width of a string at size 1


@dataclass(frozen=True)
class Fit:
    size: float
    lines: tuple[str, ...]


def _wrap(text: str, width: Width, room: float) -> list[str]:
    """Greedy word wrap at `room` (in size-1 units); a word longer than a line is broken."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if width(candidate) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while width(line) > room and len(line) > 1:
                cut = _longest_fitting_prefix(line, width, room)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def fit(text: str, width: Width, box: tuple[float, float], size: float, *,
        multiline: bool = False, comb: int | None = None, floor: float = FLOOR) -> Fit | None:
    """The size and lines that show all of `text` in a box of (width, height) pt, or None."""
    w, h = box[0] - 2 * PADDING, box[1] - 2 * PADDING
    if w <= 0 or h <= 0:
        return None
    start = size or AUTO_MAX
    if comb:
        if len(text) > comb:
            return None
        cell = box[0] / comb
        widest = max((width(c) for c in text), default=0)
        s = min(start, box[1] * 0.8, (cell - 1) / widest if widest else start)
        return Fit(s, (text,)) if s >= floor or not text else None
    if not multiline:
        s = min(start, box[1] / LEADING)
        needed = width(text)
        if needed * s > w:
            s = w / needed
        return Fit(round(s, 2), (text,)) if s >= floor else None
    s = start
    while s >= floor:
        lines = _wrap(text, width, w / s)
        if len(lines) * s * LEADING <= h + 0.01:
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
