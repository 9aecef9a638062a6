"""Fill any AcroForm so that every value prints, fully, the same in every viewer.

One pass sets the values and gives every widget an appearance stream we drew ourselves (fast path:
standard fonts, see fonts.py; slow path: a WeasyPrint rendering, see overlay.py). The result is saved
twice: as a fillable copy (live fields, for the archive) and flattened (what goes on paper). A value
that does not fit at a readable size is replaced by "Se bilaga N" and printed in full on a bilaga page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from typing import Mapping

import pikepdf

from assistant.errors import FormError, Problem
from assistant.pdf import fonts, overlay
from assistant.pdf.appearance import frame, text_stream
from assistant.pdf.document import COMB, MULTILINE, FieldNode, open_form, rect
from assistant.pdf.inspect import is_hidden, on_states, options, require_fields
from assistant.pdf.layout import FLOOR, Fit, fit

FieldValue = str | bool
TEXT_KINDS = ("text", "combo", "list")
COMB_SEPARATORS = re.compile(r"[\s\-+/.]")


@dataclass(frozen=True)
class BilagaInfo:
    """What heads the continuation page."""

    form_title: str
    person_name: str
    personnummer: str
    labels: Mapping[str, str]  # PDF field name -> the question's Swedish label
    extra: tuple[tuple[str, str], ...] = ()  # (heading, text) printed on the bilaga as well, e.g. an original text


@dataclass(frozen=True)
class Continued:
    """One value that did not fit and went to the bilaga; "Se bilaga <number>" is in the field."""

    field_name: str
    label: str
    text: str
    number: int


@dataclass(frozen=True)
class FilledPdf:
    print_pdf: bytes       # flattened, bilaga pages appended
    fillable_pdf: bytes    # the same values in live fields, bilaga pages appended
    continued: tuple[Continued, ...]


@dataclass(frozen=True)
class _Draw:
    """One widget's text and how it is drawn; extras is None on the slow path."""

    node: FieldNode
    widget: pikepdf.Dictionary
    style: fonts.FieldStyle
    fitted: Fit
    extras: tuple[str, ...] | None
    comb: int | None


def _problems(nodes: dict[str, FieldNode], values: Mapping[str, FieldValue], source: str) -> list[Problem]:
    problems = []
    for name, value in values.items():
        node = nodes.get(name)
        if node is None:
            problems.append(Problem(source, "no such field in the PDF.",
                                    "Check the name with: python -m assistant inspect FORM.pdf", field=name))
            continue
        kind = node.kind
        states = [s for w in node.widgets for s in on_states(w)]
        exports = [e for e, _ in options(node)]
        if kind in ("checkbox", "radio") and not (isinstance(value, bool) or value in states or value == "Off"):
            problems.append(Problem(source, f"state {value!r} does not exist.",
                                    f"Use one of: {', '.join(sorted(set(states)))}.", field=name))
        elif kind == "radio" and value is True:
            problems.append(Problem(source, "a radio group needs the state to choose, not True.",
                                    f"Use one of: {', '.join(states)}.", field=name))
        elif kind in TEXT_KINDS and not isinstance(value, str):
            problems.append(Problem(source, f"a {kind} field needs text, not {value!r}.", field=name))
        elif kind in ("combo", "list") and exports and value not in exports and value != "" \
                and not node.flags & (1 << 18):  # an editable combo takes any text
            problems.append(Problem(source, f"option {value!r} does not exist.",
                                    f"Use one of: {', '.join(exports)}.", field=name))
        elif kind in ("signature", "button", "unknown"):
            problems.append(Problem(source, f"a {kind} field cannot be filled.", field=name))
    return problems


def _set_button(node: FieldNode, value: FieldValue) -> None:
    states = [s for w in node.widgets for s in on_states(w)]
    state = (states[0] if states else "Yes") if value is True else "Off" if value is False else str(value)
    node.obj.V = pikepdf.Name("/" + state)
    for w in node.widgets:
        own = on_states(w)
        if node.kind == "radio" and w is not node.obj and "/T" in w:
            del w["/T"]  # kids with their own /T make viewers see a second field
        chosen = own[0] if value is True and own else state
        w.AS = pikepdf.Name("/" + chosen) if chosen in own else pikepdf.Name.Off


def _shown(node: FieldNode, value: str) -> str:
    """The text the widgets show: a choice's display text, a comb value without separators if needed."""
    if node.kind in ("combo", "list"):
        return dict(options(node)).get(value, value)
    max_len = node.get("/MaxLen")
    if node.flags & COMB and max_len is not None and len(value) > int(max_len):
        return COMB_SEPARATORS.sub("", value)
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _style(doc: pikepdf.Pdf, node: FieldNode, widget: pikepdf.Dictionary) -> fonts.FieldStyle:
    acroform = doc.Root.AcroForm
    da = widget.get("/DA") or node.get("/DA") or acroform.get("/DA") or "/Helv 0 Tf 0 g"
    dr_fonts = acroform.get("/DR", {}).get("/Font", {})
    names = {str(k)[1:]: str(v.get("/BaseFont", k)) for k, v in dr_fonts.items() if isinstance(v, pikepdf.Dictionary)}
    return fonts.parse_da(str(da), names)


def _fit_widget(node: FieldNode, widget: pikepdf.Dictionary, style: fonts.FieldStyle, text: str,
                floor: float) -> tuple[Fit | None, tuple[str, ...] | None]:
    x1, y1, x2, y2 = rect(widget)
    max_len = node.get("/MaxLen")
    comb = int(max_len) if node.flags & COMB and max_len is not None else None
    extras = fonts.extra_glyphs(text, style.core_font)
    width = fonts.core_width(style.core_font) if extras is not None else fonts.fallback_width
    multiline = node.kind == "text" and bool(node.flags & MULTILINE)
    return fit(text, width, (x2 - x1, y2 - y1), style.size, multiline=multiline, comb=comb, floor=floor), extras


def _plan(doc: pikepdf.Pdf, nodes: dict[str, FieldNode], texts: dict[str, str],
          labels: Mapping[str, str]) -> tuple[list[_Draw], list[Continued]]:
    """Decide every text widget's size and lines; overflowing values become numbered bilaga entries."""
    draws: list[_Draw] = []
    continued: list[Continued] = []
    for name, node in nodes.items():
        if name not in texts or node.kind not in TEXT_KINDS:
            continue
        text = _shown(node, texts[name])
        max_len = node.get("/MaxLen")
        too_long = max_len is not None and len(text) > int(max_len)
        planned = [(w, _style(doc, node, w)) for w in node.widgets if not is_hidden(w)]
        fits = [] if too_long else [_fit_widget(node, w, s, text, FLOOR) for w, s in planned]
        if too_long or any(f is None for f, _ in fits):
            number = len(continued) + 1
            tooltip = node.obj.get("/TU")
            continued.append(Continued(name, labels.get(name) or (str(tooltip) if tooltip else name),
                                       texts[name], number))
            text = f"Se bilaga {number}"
            fits = [_fit_widget(node, w, s, text, 1.0) for w, s in planned]
        comb = int(max_len) if node.flags & COMB and max_len is not None else None
        for (w, s), (fitted, extras) in zip(planned, fits):
            if fitted is not None:
                draws.append(_Draw(node, w, s, fitted, extras, comb if len(text) <= (comb or 0) else None))
    return draws, continued


def _existing_texts(nodes: dict[str, FieldNode]) -> dict[str, str]:
    """Values already in the PDF: redrawn too, since forms with NeedAppearances often lack appearances."""
    out = {}
    for name, node in nodes.items():
        v = node.get("/V")
        if node.kind in TEXT_KINDS and isinstance(v, pikepdf.String) and str(v):
            out[name] = str(v)
    return out


def _font_resource(doc: pikepdf.Pdf, cache: dict, core: str, extras: tuple[str, ...]) -> pikepdf.Object:
    key = (core, extras)
    if key not in cache:
        encoding: pikepdf.Object = pikepdf.Name.WinAnsiEncoding
        if extras:
            encoding = pikepdf.Dictionary(Type=pikepdf.Name.Encoding, BaseEncoding=pikepdf.Name.WinAnsiEncoding,
                                          Differences=pikepdf.Array(
                                              [pikepdf.Name(d) if isinstance(d, str) else d
                                               for d in fonts.differences(extras)]))
        cache[key] = doc.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/" + core),
            Encoding=encoding))
    return cache[key]


def _xobject(doc: pikepdf.Pdf, widget: pikepdf.Dictionary, content: str, resources: pikepdf.Dictionary) -> None:
    x1, y1, x2, y2 = rect(widget)
    widget.AP = pikepdf.Dictionary(N=doc.make_stream(
        content.encode("latin-1"), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
        BBox=[0, 0, x2 - x1, y2 - y1], Resources=resources))


def _quadding(doc: pikepdf.Pdf, node: FieldNode) -> int:
    return int(node.get("/Q", doc.Root.AcroForm.get("/Q", 0)))


def _draw_fast(doc: pikepdf.Pdf, draw: _Draw, cache: dict) -> None:
    x1, y1, x2, y2 = rect(draw.widget)
    box = (x2 - x1, y2 - y1)
    assert draw.extras is not None
    content = frame(draw.widget, *box) + " " + text_stream(
        draw.style, draw.fitted, box, draw.extras, quadding=_quadding(doc, draw.node), comb=draw.comb,
        multiline=draw.node.kind == "text" and bool(draw.node.flags & MULTILINE))
    font = _font_resource(doc, cache, draw.style.core_font, draw.extras)
    _xobject(doc, draw.widget, content, pikepdf.Dictionary(Font=pikepdf.Dictionary(F0=font)))


def _overlay_box(doc: pikepdf.Pdf, draw: _Draw) -> overlay.Box:
    x1, y1, x2, y2 = rect(draw.widget)
    return overlay.Box(x2 - x1, y2 - y1, draw.fitted, overlay.css_color(draw.style.color),
                       {1: "center", 2: "end"}.get(_quadding(doc, draw.node), "start"),
                       draw.node.kind == "text" and bool(draw.node.flags & MULTILINE), draw.comb)


def _draw_slow(doc: pikepdf.Pdf, slow: list[_Draw], continued: list[Continued], bilaga: BilagaInfo) -> None:
    """Render slow-path values and bilaga pages in one WeasyPrint run and wire them in."""
    entries = [overlay.BilagaEntry(c.number, c.label, c.text) for c in continued]
    entries += [overlay.BilagaEntry(len(continued) + i, label, text)
                for i, (label, text) in enumerate(bilaga.extra, start=1)]
    html = overlay.overlay_html([_overlay_box(doc, d) for d in slow], entries,
                                (bilaga.form_title, bilaga.person_name, bilaga.personnummer))
    rendered = pikepdf.open(BytesIO(overlay.render(html)))
    for d, page in zip(slow, rendered.pages):
        x1, y1, x2, y2 = rect(d.widget)
        xobject = doc.copy_foreign(page.as_form_xobject())
        content = frame(d.widget, x2 - x1, y2 - y1) + " q /Ov Do Q"
        _xobject(doc, d.widget, content, pikepdf.Dictionary(XObject=pikepdf.Dictionary(Ov=xobject)))
    for page in rendered.pages[len(slow):]:
        doc.pages.append(page)


def _save(doc: pikepdf.Pdf) -> bytes:
    out = BytesIO()
    doc.save(out, encryption=False, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def plan_overflow(pdf: bytes, values: Mapping[str, FieldValue], *, labels: Mapping[str, str] | None = None,
                  source: str = "<pdf>") -> list[Continued]:
    """Which answers would go to the bilaga, without filling: lets the wizard tell staff before printing."""
    with open_form(pdf, source) as doc:
        nodes = require_fields(doc, source)
        texts = {n: v for n, v in values.items() if isinstance(v, str) and n in nodes}
        return _plan(doc, nodes, texts, labels or {})[1]


def fill_pdf(pdf: bytes, values: Mapping[str, FieldValue], *, bilaga: BilagaInfo,
             source: str = "<pdf>") -> FilledPdf:
    """Fill `values` (PDF field name -> text, True/False/on-state, export value) into the form."""
    with open_form(pdf, source) as doc:
        nodes = require_fields(doc, source)
        problems = _problems(nodes, values, source)
        if problems:
            raise FormError(problems)
        for name, value in values.items():
            if nodes[name].kind in ("checkbox", "radio"):
                _set_button(nodes[name], value)
        texts = _existing_texts(nodes) | {n: v for n, v in values.items() if nodes[n].kind in TEXT_KINDS}
        for name, value in texts.items():
            node = nodes[name]
            node.obj.V = pikepdf.String(value)
            if node.kind == "list" and value in (exports := [e for e, _ in options(node)]):
                node.obj.I = pikepdf.Array([exports.index(value)])
        draws, continued = _plan(doc, nodes, texts, bilaga.labels)
        cache: dict = {}
        for d in draws:
            if d.extras is not None:
                _draw_fast(doc, d, cache)
        slow = [d for d in draws if d.extras is None]
        if slow or continued or bilaga.extra:
            _draw_slow(doc, slow, continued, bilaga)
        acroform = doc.Root.AcroForm
        for key in ("/XFA", "/NeedAppearances"):
            if key in acroform:
                del acroform[key]  # every widget has our appearance; XFA viewers would ignore our values
        fillable = _save(doc)
        doc.flatten_annotations(mode="print")
        if "/AcroForm" in doc.Root:  # qpdf drops it when no field is left
            del doc.Root["/AcroForm"]
        return FilledPdf(_save(doc), fillable, tuple(continued))
