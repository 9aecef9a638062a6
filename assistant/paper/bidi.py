"""Unicode isolates, for text that WeasyPrint lays out.

WeasyPrint ignores <bdi>, the dir="auto" attribute and CSS unicode-bidi, but Pango honours the
isolate characters. An isolate ends at a line break, so each line gets its own.
"""
from __future__ import annotations

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def isolated(text: str) -> str:
    """Each line its own bidi run, its direction from its first strong letter: a Swedish answer on an
    Arabic page (or an Arabic one on a Swedish form) keeps its full stop at its own end."""
    return "\n".join(f"{FSI}{line}{PDI}" for line in text.split("\n"))


def left_to_right(text: str) -> str:
    """A phone number, date or address that reads left to right also inside right-to-left text."""
    return "\n".join(f"{LRI}{line}{PDI}" for line in text.split("\n"))
