"""The pages of the filled form on screen, made beside the request and shown inside the page.

Why not st.image of pdftoppm's PNGs, as before: PNG compression was 0.3 s of the 0.7–2.45 s from
"Skapa blanketten" to the result page (JPEG of the same pages: 0.07 s of CPU), the create step waited for
it, and st.image serves the pictures, name and personnummer shown, at /media URLs the browser keeps in
its disk cache. Now pdftoppm makes JPEGs in a thread (it runs as its own process, so no visitor's step
waits on the GIL for it) while the result page is drawn, and the pictures go into the page as data: URLs:
nothing cacheable, nothing on disk. Until they are made the page says so and looks again every half second.
"""
from __future__ import annotations

import base64
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from html import escape

import streamlit as st

from assistant.i18n.translator import Translator
from assistant.ui.session import Visit, visit

DPI = 70                    # A4 at 70 dpi is 579 px wide: sharp at the page's width, 50-70 kB a page
JOB = "result:previews"     # (the PDF the pictures are of, the job making them) in st.session_state
RENDER_TIMEOUT = 60
_RENDERERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="previews")

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA


class PreviewFailed(RuntimeError):
    """pdftoppm gave no pictures. Never carries its output: that could quote the form."""


def split_jpegs(data: bytes) -> list[bytes]:
    """pdftoppm without an output name writes the pages' JPEGs one after another: find where each ends by
    walking its markers (inside the compressed data a 0xFF byte is always followed by 0x00 or a restart
    marker, so only a real marker ends a scan)."""
    pages, start = [], 0
    while data.startswith(b"\xff\xd8", start):
        at = start + 2
        while True:
            while data[at + 1] == 0xFF:                     # fill bytes before a marker
                at += 1
            marker = data[at + 1]
            if marker == _EOI:
                at += 2
                break
            at += 2 + int.from_bytes(data[at + 2:at + 4], "big")
            if marker == _SOS:
                while True:
                    at = data.index(b"\xff", at)
                    if data[at + 1] == 0 or 0xD0 <= data[at + 1] <= 0xD7:
                        at += 2
                        continue
                    break
        pages.append(data[start:at])
        start = at
    return pages


def render_jpeg_pages(pdf: bytes, dpi: int = DPI) -> list[bytes]:
    """One JPEG per page, through pipes only (pdftoppm reads the PDF on stdin, writes the pictures to stdout)."""
    done = subprocess.run(["pdftoppm", "-jpeg", "-r", str(dpi), "-"], input=pdf, capture_output=True,
                          timeout=RENDER_TIMEOUT, check=False)
    try:
        pages = split_jpegs(done.stdout) if done.returncode == 0 else []
    except (IndexError, ValueError):
        pages = []
    if not pages:
        raise PreviewFailed("pdftoppm made no pictures")
    return pages


def start(pdf: bytes) -> None:
    """Begin making the pictures of `pdf` for this session (from the "Skapa blanketten" callback)."""
    st.session_state[JOB] = (pdf, _RENDERERS.submit(render_jpeg_pages, pdf))


def forget() -> None:
    st.session_state.pop(JOB, None)


def _job(pdf: bytes) -> Future[list[bytes]]:
    job = st.session_state.get(JOB)
    if job is None or job[0] is not pdf:        # e.g. after a refresh: the visit came back without its job
        start(pdf)
        job = st.session_state[JOB]
    return job[1]


def show(v: Visit, t: Translator) -> None:
    """The pictures, once made; until then a line that says they are coming (and a look every 0.5 s)."""
    docs = v.documents
    assert docs is not None
    if v.previews is None:
        job = _job(docs.print_pdf)
        if not job.done():
            _pending()
            return
        forget()
        try:
            v.previews = job.result()
        except (PreviewFailed, OSError, subprocess.SubprocessError):
            v.previews = []                     # said once below; not tried again on every run
    if not v.previews:
        st.info(t("Bilderna av blanketten kunde inte visas. Blanketten fungerar ändå."))
        return
    total = len(v.previews)
    figures = []
    for number, jpeg in enumerate(v.previews, start=1):
        alt = t("Den ifyllda blanketten, sida %(n)s av %(total)s", n=number, total=total)
        caption = t("Sida %(n)s", n=number)
        figures.append(f'<figure class="bg-preview"><img src="data:image/jpeg;base64,{base64.b64encode(jpeg).decode()}"'
                       f' alt="{escape(alt)}"><figcaption>{escape(caption)}</figcaption></figure>')
    st.html("<style>.bg-preview { margin: 0 0 1rem 0; } .bg-preview img { width: 100%; height: auto; "
            "border: 1px solid #6b6b6b; } .bg-preview figcaption { color: var(--bg-text-2); font-size: 0.875rem; }"
            "</style>" + "".join(figures))


@st.fragment(run_every=0.5)
def _pending() -> None:
    v = visit()
    job = st.session_state.get(JOB)
    if v.previews is not None or job is None or job[1].done():
        st.rerun(scope="app")
    t = Translator.for_code(v.lang)
    st.markdown(t("Bilderna av blanketten görs nu …"))
