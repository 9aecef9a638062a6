"""Fixture PDFs built in memory: each is the smallest form that shows one real-world case.

Built with pikepdf object by object, so each quirk (radio kids with /T, ArialMT without /DR, broken
xref, XFA, empty-password encryption) is exactly what real authority forms contain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO

import pikepdf

A4 = (595.0, 842.0)


@dataclass
class Spec:
    """One field: kind text|checkbox|radio|combo|list, rects as (page, x, y, w, h)."""

    name: str
    kind: str = "text"
    rects: list[tuple[int, float, float, float, float]] = field(default_factory=lambda: [(0, 72, 700, 200, 18)])
    states: tuple[str, ...] = ("Yes",)           # checkbox on-state / radio kid states
    options: tuple[tuple[str, str], ...] = ()    # combo/list
    flags: int = 0
    max_len: int | None = None
    widget_flags: int = 4
    da: str = "/Helv 10 Tf 0 g"
    kids_have_t: bool = False


def _ap(pdf: pikepdf.Pdf, w: float, h: float, content: bytes = b"") -> pikepdf.Stream:
    return pdf.make_stream(content, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, w, h],
                           Resources=pikepdf.Dictionary())


def _widget(pdf: pikepdf.Pdf, page: pikepdf.Page, x: float, y: float, w: float, h: float, flags: int) -> pikepdf.Dictionary:
    widget = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget,
                                                  Rect=[x, y, x + w, y + h], F=flags, P=page.obj,
                                                  MK=pikepdf.Dictionary(BC=[0, 0, 0])))
    if "/Annots" not in page.obj:
        page.obj.Annots = pdf.make_indirect(pikepdf.Array())
    page.obj.Annots.append(widget)
    return widget


def make_form(specs: list[Spec], *, pages: int = 1, need_appearances: bool = False,
              dr_fonts: dict[str, str] | None = None, xfa: bool = False) -> bytes:
    """A PDF with the given fields; dr_fonts maps /DR names to base fonts (None: no /DR at all)."""
    pdf = pikepdf.new()
    for _ in range(pages):
        page = pdf.add_blank_page(page_size=A4)
        page.obj.Contents = pdf.make_stream(b"BT /F1 9 Tf 72 800 Td (Fixture form) Tj ET")
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))))
    fields = pikepdf.Array()
    for spec in specs:
        ft = {"text": "/Tx", "checkbox": "/Btn", "radio": "/Btn", "combo": "/Ch", "list": "/Ch"}[spec.kind]
        flags = spec.flags | {"radio": 1 << 15, "combo": 1 << 17}.get(spec.kind, 0)
        parent = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name(ft), T=pikepdf.String(spec.name), Ff=flags,
                                                      TU=pikepdf.String(spec.name.replace("_", " "))))
        if spec.kind in ("text", "combo", "list"):
            parent.DA = pikepdf.String(spec.da)
        if spec.max_len:
            parent.MaxLen = spec.max_len
        if spec.options:
            parent.Opt = pikepdf.Array([pikepdf.Array([pikepdf.String(e), pikepdf.String(d)]) for e, d in spec.options])
        if spec.kind in ("checkbox", "radio"):
            parent.V = pikepdf.Name.Off
        kids = pikepdf.Array()
        for i, (p, x, y, w, h) in enumerate(spec.rects):
            widget = _widget(pdf, pdf.pages[p], x, y, w, h, spec.widget_flags)
            widget.Parent = parent
            if spec.kind in ("checkbox", "radio"):
                state = spec.states[i] if spec.kind == "radio" else spec.states[0]
                mark = f"0 g {w * .25:.1f} {h * .25:.1f} {w * .5:.1f} {h * .5:.1f} re f".encode()
                widget.AP = pikepdf.Dictionary(N=pikepdf.Dictionary({"/" + state: _ap(pdf, w, h, mark),
                                                                     "/Off": _ap(pdf, w, h)}))
                widget.AS = pikepdf.Name.Off
                if spec.kids_have_t:
                    widget.T = pikepdf.String(spec.name)
            elif not need_appearances:
                widget.AP = pikepdf.Dictionary(N=_ap(pdf, w, h))
            kids.append(widget)
        parent.Kids = kids
        fields.append(parent)
    acroform = pikepdf.Dictionary(Fields=fields)
    if dr_fonts is None:
        dr_fonts = {"Helv": "Helvetica"}
    if dr_fonts:
        acroform.DR = pikepdf.Dictionary(Font=pikepdf.Dictionary({
            "/" + k: pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                          BaseFont=pikepdf.Name("/" + v)))
            for k, v in dr_fonts.items()}))
    if need_appearances:
        acroform.NeedAppearances = True
    if xfa:
        acroform.XFA = pdf.make_stream(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>")
    pdf.Root.AcroForm = pdf.make_indirect(acroform)
    out = BytesIO()
    pdf.save(out)
    return out.getvalue()


def pure_xfa() -> bytes:
    """A LiveCycle-style form: XFA packet, empty /Fields."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=A4)
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    out = BytesIO()
    pdf.save(out)
    return out.getvalue()


def no_fields() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=A4)
    out = BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted(pdf_bytes: bytes, user: str = "") -> bytes:
    """The same form encrypted (AES-256) with an owner password and the given user password."""
    out = BytesIO()
    with pikepdf.open(BytesIO(pdf_bytes)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner-secret", user=user, R=6))
    return out.getvalue()


def broken_xref(pdf_bytes: bytes) -> bytes:
    """Every xref offset shifted: readers must rebuild the table by scanning the file."""
    out = BytesIO()
    with pikepdf.open(BytesIO(pdf_bytes)) as pdf:
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=False)
    data = out.getvalue()
    return re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data)


def big_form(pages: int = 13, per_page: int = 54) -> tuple[bytes, dict[str, str | bool]]:
    """A 700-field form (13 pages of text fields and checkboxes) and values for every field."""
    specs, values = [], {}
    for p in range(pages):
        for i in range(per_page):
            col, row = divmod(i, 27)
            name = f"p{p + 1}_f{i + 1}"
            if i % 6 == 5:
                specs.append(Spec(name, "checkbox", [(p, 60 + col * 260, 780 - row * 27, 12, 12)]))
                values[name] = True
            else:
                specs.append(Spec(name, "text", [(p, 80 + col * 260, 778 - row * 27, 220, 16)]))
                values[name] = f"Värde {p + 1}-{i + 1} Åsa Öberg"
    return make_form(specs, pages=pages), values
