"""Reading the codes of a pause sheet from a webcam picture, a photo, or the downloaded PDF (zxing-cpp).

A PDF is drawn to images by poppler through pipes, as the on-screen preview is; nothing is written to disk.
"""
from __future__ import annotations

import io

import zxingcpp
from PIL import Image, UnidentifiedImageError

from assistant.pdf.render import render_png_pages

PDF_DPI = 200           # the codes' modules are 0.6 mm and more: 200 dpi gives each about 5 pixels
MAX_PIXELS = 40_000_000  # a picture bigger than this is not a webcam shot or a scan of one page


class Unreadable(ValueError):
    """The file is neither a picture nor a PDF."""


def codes_in_image(image: Image.Image) -> list[bytes]:
    """The contents of every QR code in the picture."""
    found = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    return [bytes(b.bytes) for b in found if b.valid]


def codes_in_file(data: bytes) -> list[bytes]:
    """Every QR code in an uploaded picture or PDF (all its pages)."""
    if data.startswith(b"%PDF"):
        try:
            pages = render_png_pages(data, dpi=PDF_DPI, last=4)
        except Exception:  # noqa: BLE001 - poppler's message may quote the file: say only that it failed
            raise Unreadable("not a readable PDF") from None
        return [c for png in pages for c in codes_in_image(Image.open(io.BytesIO(png)))]
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise Unreadable("picture too large")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise Unreadable("not a picture") from None
    return codes_in_image(image)
