"""On-screen preview: PDF pages as PNG images, rendered by poppler entirely through pipes (no files)."""
from __future__ import annotations

import subprocess

PNG_END = b"IEND\xaeB`\x82"


def render_png_pages(pdf: bytes, *, dpi: int = 80, first: int | None = None, last: int | None = None) -> list[bytes]:
    """One PNG per page. pdftoppm reads the PDF from stdin and, given no output root, writes the
    PNGs one after another to stdout; we split them at each PNG's IEND chunk."""
    args = ["pdftoppm", "-png", "-r", str(dpi)]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run([*args, "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout
    pages, start = [], 0
    while (end := out.find(PNG_END, start)) != -1:
        pages.append(out[start:end + len(PNG_END)])
        start = end + len(PNG_END)
    return pages
