"""A test that can see clipping: the same tight box filled with "CCCC" and with "ĆŚŹŃ", rendered.

Text extraction reads glyph names and "some ink in the box" passes with the accent cut off, so this
looks at pixels, in poppler, Ghostscript and MuPDF:
- the accented value must add ink above the plain value's cap-height row (descenders below its
  baseline row, Arabic marks above and below the unmarked word);
- the appearance's clip must cut nothing: the page rendered as filled and with the text clip of every
  value's appearance removed (and its BBox widened) must be the same picture.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops

from assistant.pdf.fill import BilagaInfo, fill_pdf
from assistant.pdf.inspect import read_fields
from tests.pdf.corpus import corpus_forms
from tests.pdf.fixtures import Spec, make_form

BILAGA = BilagaInfo("Blankett", "Åsa Öberg", "19121212-1212", {})
RENDERERS = ("poppler", "gs", "mupdf")
DPI = 288
DARK = 128
VALUES = {"plain": "CCCC", "accents": "ĆŚŹŃ", "descenders": "gjpqy", "vietnamese": "ẮỆ",
          "arabic": "بسم الله", "arabic_marks": "بِسْمِ اللَّهِ"}
# Boxes as tight as on real forms (a 12 pt font in a 16 pt box, an auto-sized 16.5 pt box), and a roomy
# one where Arabic with and without its marks is set at the same size.
STYLES = {"fixed": ("/Helv 12 Tf 0 g", 16.0), "auto": ("/Helv 0 Tf 0 g", 16.5), "roomy": ("/Helv 12 Tf 0 g", 26.0)}


def render(renderer: str, pdf: bytes, tmp_path: Path, dpi: int = DPI, page: int = 1) -> Image.Image:
    """One page as a greyscale picture."""
    if renderer != "poppler" and not shutil.which({"gs": "gs", "mupdf": "mutool"}[renderer]):
        pytest.skip("ghostscript and mupdf-tools are test dependencies (scripts/setup.sh test)")
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    cmd = {"poppler": ["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), str(path)],
           "gs": ["gs", "-q", "-sDEVICE=pnggray", f"-r{dpi}", f"-dFirstPage={page}", f"-dLastPage={page}",
                  "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", "-o", "-", str(path)],
           "mupdf": ["mutool", "draw", "-q", "-c", "gray", "-F", "png", "-r", str(dpi), "-o", "-", str(path), str(page)]}
    out = subprocess.run(cmd[renderer], capture_output=True, check=True, timeout=120).stdout
    return Image.open(BytesIO(out)).convert("L")


def unclipped(pdf: bytes) -> bytes:
    """The same PDF with the text clip of every field appearance removed and its BBox widened by 30 pt."""
    with pikepdf.open(BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form" and "/BBox" in obj:
                data = obj.read_bytes()
                if b"/Tx BMC" in data:
                    obj.write(re.sub(rb"re\s+W\s+n", b"re n", data))
                    x1, y1, x2, y2 = (float(v) for v in obj.BBox)
                    obj.BBox = [x1 - 30, y1 - 30, x2 + 30, y2 + 30]
        out = BytesIO()
        doc.save(out)
        return out.getvalue()


def cut_pixels(renderer: str, pdf: bytes, tmp_path: Path, dpi: int = DPI, page: int = 1) -> int:
    """How many pixels the clip changes (0: the clip cut no ink)."""
    a, b = render(renderer, pdf, tmp_path, dpi, page), render(renderer, unclipped(pdf), tmp_path, dpi, page)
    diff = ImageChops.difference(a, b)
    return sum(1 for v in diff.getdata() if v > 64)


def ink_rows(image: Image.Image, base: Image.Image, rect: tuple[float, float, float, float], page_h: float,
             dpi: int = DPI) -> tuple[int, int] | None:
    """First and last pixel row (from the box's top) of the ink the value adds to `base` in its box."""
    k = dpi / 72
    x1, y1, x2, y2 = rect
    area = (int(x1 * k), int((page_h - y2) * k), int(x2 * k), int((page_h - y1) * k))
    dark = [im.crop(area).point(lambda v: 255 if v < DARK else 0) for im in (image, base)]
    added = ImageChops.subtract(dark[0], dark[1])
    w = added.width
    data = added.tobytes()
    rows = [r for r in range(added.height) if any(data[r * w:(r + 1) * w])]
    return (rows[0], rows[-1]) if rows else None


def fixture() -> tuple[bytes, dict[str, str]]:
    specs, values = [], {}
    for col, (style, (da, height)) in enumerate(STYLES.items()):
        for row, (kind, value) in enumerate(VALUES.items()):
            name = f"{style}_{kind}"
            specs.append(Spec(name, rects=[(0, 30 + col * 185, 760 - row * 40, 175, height)], da=da))
            values[name] = value
    return make_form(specs), values


@pytest.fixture(scope="module")
def filled() -> tuple[bytes, bytes, dict]:
    """The fixture filled with the values, and with a space in every box (frames only)."""
    pdf, values = fixture()
    result = fill_pdf(pdf, values, bilaga=BILAGA)
    assert not result.continued, "every test value fits its box at 8 pt or more"
    empty = fill_pdf(pdf, dict.fromkeys(values, " "), bilaga=BILAGA)
    return result.print_pdf, empty.print_pdf, read_fields(pdf)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_clip_cuts_no_accent_descender_or_mark(filled, renderer, tmp_path) -> None:
    assert cut_pixels(renderer, filled[0], tmp_path) <= 4


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("style", list(STYLES))
def test_accents_descenders_and_marks_add_ink_beyond_the_plain_letters(filled, renderer, style, tmp_path) -> None:
    pdf, empty, fields = filled
    image, base = render(renderer, pdf, tmp_path), render(renderer, empty, tmp_path)
    rows = {kind: ink_rows(image, base, fields[f"{style}_{kind}"].rects[0], 842.0) for kind in VALUES}
    assert all(rows.values()), rows
    plain_top, plain_bottom = rows["plain"]
    assert rows["accents"][0] < plain_top - 2, f"the accents add ink above the cap height: {rows}"
    assert rows["descenders"][1] > plain_bottom + 2, f"the descenders go below the baseline: {rows}"
    assert rows["vietnamese"][0] < plain_top - 2 and rows["vietnamese"][1] > plain_bottom, rows
    if style == "roomy":  # (in a tight box the marked word is set smaller to fit: nothing to compare)
        marks, bare = rows["arabic_marks"], rows["arabic"]
        assert marks[0] < bare[0] - 2 and marks[1] >= bare[1], f"the marks add ink above: {rows}"


def test_an_unclipped_copy_would_show_a_cut_accent() -> None:
    """The comparison can fail: an appearance that clips its accent differs from its unclipped copy."""
    doc = pikepdf.new()
    page = doc.add_blank_page(page_size=(200, 60))
    font = doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    form = doc.make_stream(b"/Tx BMC q 1 1 150 12 re W n BT /F 14 Tf 2 2 Td (\\305\\305) Tj ET Q EMC",
                           Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 152, 14],
                           Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F=font)))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx=form))
    page.obj.Contents = doc.make_stream(b"q 1 0 0 1 20 20 cm /Fx Do Q")
    out = BytesIO()
    doc.save(out)
    with tempfile.TemporaryDirectory() as tmp:
        assert cut_pixels("poppler", out.getvalue(), Path(tmp), dpi=144) > 20


CORPUS = corpus_forms()
CORPUS_CASES = [(p, "poppler") for p in CORPUS] + [(p, r) for i, p in enumerate(CORPUS) if i % 8 == 0
                                                    for r in ("gs", "mupdf")]


def _tight_single_line(path: Path) -> tuple[bytes, list[str]]:
    pdf = path.read_bytes()
    fields = read_fields(pdf, source=path.name)
    names = [n for n, f in fields.items() if f.kind == "text" and not f.multiline and not f.comb
             and not f.hidden and f.pages and f.pages[0] == 1 and 8 <= f.rects[0][3] - f.rects[0][1] <= 20
             and f.rects[0][2] - f.rects[0][0] >= 40]
    return pdf, names[:12]


@pytest.mark.parametrize("path, renderer", CORPUS_CASES,
                         ids=[f"{p.stem}-{r}" for p, r in CORPUS_CASES] or None)
def test_real_forms_clip_no_accent(path: Path, renderer: str, tmp_path: Path) -> None:
    """Up to twelve single-line boxes of page 1 of each real form: "ĆŚŹŃ" is cut by no clip, and where
    it is printed in its box it reaches above the cap height of "CCCC" in the same box."""
    pdf, names = _tight_single_line(path)
    if not names:
        pytest.skip(f"{path.name} has no single-line text box on page 1")
    accented = fill_pdf(pdf, dict.fromkeys(names, "ĆŚŹŃ"), bilaga=BILAGA, source=path.name)
    dpi = 144
    assert cut_pixels(renderer, accented.print_pdf, tmp_path, dpi) <= 4
    if renderer != "poppler":
        return
    plain = fill_pdf(pdf, dict.fromkeys(names, "CCCC"), bilaga=BILAGA, source=path.name)
    empty = fill_pdf(pdf, dict.fromkeys(names, " "), bilaga=BILAGA, source=path.name)
    fields = read_fields(pdf)
    with pikepdf.open(BytesIO(pdf)) as doc:
        page_h = float(doc.pages[0].mediabox[3])
    a, p, e = (render(renderer, f.print_pdf, tmp_path, dpi) for f in (accented, plain, empty))
    moved = {c.field_name for c in (*accented.continued, *plain.continued)}
    for name in names:
        if name in moved:
            continue
        rect = fields[name].rects[0]
        top_a, top_p = ink_rows(a, e, rect, page_h, dpi), ink_rows(p, e, rect, page_h, dpi)
        # Where "CCCC" already fills the box from the clip down (an auto-sized box), the accented value
        # is set smaller to fit: nothing to compare there; the clip check above still holds.
        if top_a and top_p and top_p[0] > 2 * dpi / 72 + 1:
            assert top_a[0] < top_p[0], f"{name}: no ink above the cap height ({top_a} vs {top_p})"
