"""Fill any AcroForm so that every value prints, fully, the same in every viewer.

One pass sets the values and gives every widget an appearance stream we drew ourselves: every value in
every script is shaped (shaping.py) and drawn in fonts embedded once per document (embed.py). The
result is saved twice: as a fillable copy (live fields, for the archive) and flattened (what goes on
paper). A value that does not fit at a readable size is replaced by "Se bilaga N" and printed in full
on a bilaga page drawn by the same engine (bilaga.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from typing import Mapping

import pikepdf

from assistant.definition.errors import FormError, Problem
from assistant.pdf import fonts
from assistant.pdf.appearance import frame, text_stream
from assistant.pdf.bilaga import Entry, add_pages
from assistant.pdf.document import COMB, MULTILINE, FieldNode, open_form, rect
from assistant.pdf.embed import FontSet
from assistant.pdf.inspect import is_hidden, name_object, options, readable_name, require_fields, state_names
from assistant.pdf.layout import FLOOR, Fit, fit
from assistant.pdf.shaping import shape_line, width_of

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
    fillable_pdf: bytes | None    # the same values in live fields, bilaga pages appended (if asked for)
    continued: tuple[Continued, ...]


@dataclass(frozen=True)
class _Draw:
    """One widget's text and how it is drawn."""

    node: FieldNode
    widget: pikepdf.Dictionary
    style: fonts.FieldStyle
    face: fonts.Face
    fitted: Fit | None     # None: the box is too small even for "Bil. N"; drawn empty
    comb: int | None


def _widget_states(node: FieldNode) -> list[dict[str, str]]:
    """Each widget's on-states (readable name -> the key as in the PDF), read once per node."""
    found = node.get("__states")
    if found is None:
        found = [state_names(w) for w in node.widgets]
        node._seen["__states"] = found
    return found


def _states(node: FieldNode) -> dict[str, str]:
    """Every on-state of a button field: readable name -> the key as in the PDF."""
    out: dict[str, str] = {}
    for own in _widget_states(node):
        for readable, key in own.items():
            out.setdefault(readable, key)
    return out


def _problems(nodes: dict[str, FieldNode], values: Mapping[str, FieldValue], source: str) -> list[Problem]:
    problems = []
    for name, value in values.items():
        node = nodes.get(name)
        if node is None:
            problems.append(Problem(source, "no such field in the PDF.",
                                    "Check the name with: python -m assistant inspect FORM.pdf", field=name))
            continue
        kind = node.kind
        states = _states(node) if kind in ("checkbox", "radio") else {}
        exports = [e for e, _ in options(node)] if kind in ("combo", "list") else []
        known = isinstance(value, str) and (value in states or value in states.values() or value == "Off")
        if kind in ("checkbox", "radio") and not (isinstance(value, bool) or known):
            problems.append(Problem(source, f"state {value!r} does not exist.",
                                    f"Use one of: {', '.join(sorted(states))}.", field=name))
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
    """Set /V and every widget's /AS to the state's own name object (its bytes as in the PDF)."""
    states = _states(node)
    if value is True:
        key = next(iter(states.values()), "/Yes")
    elif value is False or value == "Off":
        key = "/Off"
    else:
        key = states.get(str(value), str(value) if str(value).startswith("/") else "/" + str(value))
    chosen = readable_name(key)
    node.obj.V = name_object(key)
    for w, own in zip(node.widgets, _widget_states(node)):
        if node.kind == "radio" and w is not node.obj and "/T" in w:
            del w["/T"]  # kids with their own /T make viewers see a second field
        if value is True and own:
            w.AS = name_object(next(iter(own.values())))
        else:
            w.AS = name_object(own[chosen]) if chosen in own else pikepdf.Name.Off


def _shown(node: FieldNode, value: str) -> str:
    """The text the widgets show: a choice's display text, a comb value without separators if needed."""
    if node.kind in ("combo", "list"):
        return dict(options(node)).get(value, value)
    max_len = _max_len(node)
    if node.flags & COMB and max_len is not None and len(value) > max_len:
        return COMB_SEPARATORS.sub("", value)
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _max_len(node: FieldNode) -> int | None:
    value = node.get("/MaxLen")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _text(obj: object, default: str) -> str:
    return str(obj) if isinstance(obj, (pikepdf.String, pikepdf.Name, str)) else default


def _dr_fonts(doc: pikepdf.Pdf) -> tuple[dict[str, str], dict[str, fonts.Face]]:
    """The form's /DR font resource names -> their /BaseFont, and -> the face of an embedded TrueType
    program (reused for a value it covers), read once per fill."""
    dr = doc.Root.AcroForm.get("/DR")
    dr_fonts = dr.get("/Font") if isinstance(dr, pikepdf.Dictionary) else None
    names: dict[str, str] = {}
    own: dict[str, fonts.Face] = {}
    if isinstance(dr_fonts, pikepdf.Dictionary):
        for k, v in dr_fonts.items():
            if not isinstance(v, pikepdf.Dictionary):
                continue
            names[str(k)[1:]] = base = _text(v.get("/BaseFont"), str(k))
            face = _embedded(v, base)
            if face is not None:
                own[str(k)[1:]] = face
    return names, own


def _embedded(font: pikepdf.Dictionary, base: str) -> fonts.Face | None:
    descendants = font.get("/DescendantFonts")
    if isinstance(descendants, pikepdf.Array) and len(descendants):
        font = descendants[0]
    descriptor = font.get("/FontDescriptor") if isinstance(font, pikepdf.Dictionary) else None
    program = descriptor.get("/FontFile2") if isinstance(descriptor, pikepdf.Dictionary) else None
    if not isinstance(program, pikepdf.Stream):
        return None
    try:
        return fonts.embedded_face(program.read_bytes(), base)
    except pikepdf.PdfError:
        return None


def _style(default_da: str, dr_names: dict[str, str], node: FieldNode,
           widget: pikepdf.Dictionary) -> fonts.FieldStyle:
    da = _text(widget.get("/DA"), "") or _text(node.get("/DA"), "") or default_da
    return fonts.parse_da(da, dr_names)


def _comb(node: FieldNode) -> int | None:
    max_len = _max_len(node)
    return max_len if node.flags & COMB and max_len else None


def _face(style: fonts.FieldStyle, text: str, own: dict[str, fonts.Face]) -> fonts.Face:
    """The field's own embedded font when it has every character, else the Liberation stand-in."""
    face = own.get(style.resource)
    if face is not None and all(face.covers(c) for c in text if not c.isspace()):
        return face
    return fonts.latin_face(style)


def _fit_widget(node: FieldNode, widget: pikepdf.Dictionary, style: fonts.FieldStyle, text: str,
                floor: float, comb: int | None, own: dict[str, fonts.Face]) -> tuple[Fit | None, fonts.Face]:
    x1, y1, x2, y2 = rect(widget)
    face = _face(style, text, own)
    whole = shape_line(text.replace("\n", " "), face, style.bold)
    multiline = node.kind == "text" and bool(node.flags & MULTILINE)
    fitted = fit(text, width_of(face, style.bold), (x2 - x1, y2 - y1), style.size, multiline=multiline,
                 comb=comb, floor=floor, ink=(whole.top, whole.bottom))
    return fitted, face


def _plan(doc: pikepdf.Pdf, nodes: dict[str, FieldNode], texts: dict[str, str],
          labels: Mapping[str, str]) -> tuple[list[_Draw], list[Continued]]:
    """Decide every text widget's size and lines; overflowing values become numbered bilaga entries.
    Every visible widget of a filled field gets a _Draw (fitted None: an empty box), so none is left
    without our appearance."""
    draws: list[_Draw] = []
    continued: list[Continued] = []
    default_da = _text(doc.Root.AcroForm.get("/DA"), "") or "/Helv 0 Tf 0 g"
    dr_names, own = _dr_fonts(doc)
    for name, node in nodes.items():
        if name not in texts or node.kind not in TEXT_KINDS:
            continue
        text = _shown(node, texts[name])
        max_len = _max_len(node)
        if not (node.kind == "text" and node.flags & MULTILINE):
            text = " ".join(text.split("\n"))
        comb = _comb(node)
        planned = [(w, _style(default_da, dr_names, node, w)) for w in node.widgets if not is_hidden(w)]
        too_long = max_len is not None and len(text) > max_len
        fits = [] if too_long else [_fit_widget(node, w, s, text, FLOOR, comb, own) for w, s in planned]
        if too_long or any(f is None for f, _ in fits):
            number = len(continued) + 1
            tooltip = node.obj.get("/TU")
            continued.append(Continued(name, labels.get(name) or (str(tooltip) if tooltip else name),
                                       texts[name], number))
            fits, comb = _marker(node, planned, number, own), None
        draws += [_Draw(node, w, s, face, fitted, comb) for (w, s), (fitted, face) in zip(planned, fits)]
    return draws, continued


def _marker(node: FieldNode, planned: list, number: int, own: dict[str, fonts.Face]) -> list:
    """"Se bilaga N" in the box, as plain text even in a comb box; a tiny box gets "Bil. N", smaller."""
    fits: list = []
    for text, floor in ((f"Se bilaga {number}", 5.0), (f"Bil. {number}", 5.0), (f"Bil. {number}", 1.0)):
        fits = [_fit_widget(node, w, s, text, floor, None, own) for w, s in planned]
        if all(f is not None for f, _ in fits):
            break
    return fits


def _existing_texts(nodes: dict[str, FieldNode]) -> dict[str, str]:
    """Values already in the PDF: redrawn too, since forms with NeedAppearances often lack appearances."""
    out = {}
    for name, node in nodes.items():
        v = node.get("/V")
        if node.kind in TEXT_KINDS and isinstance(v, pikepdf.String) and str(v):
            out[name] = str(v)
    return out


def _quadding(node: FieldNode, default: object) -> int:
    try:
        return int(node.get("/Q", default))
    except (TypeError, ValueError):
        return 0


def _draw(doc: pikepdf.Pdf, draw: _Draw, fonts_used: FontSet, resources: pikepdf.Object, quadding: object) -> None:
    x1, y1, x2, y2 = rect(draw.widget)
    box = (x2 - x1, y2 - y1)
    content = frame(draw.widget, *box) + " " + text_stream(
        fonts_used, draw.face, draw.style, draw.fitted, box, quadding=_quadding(draw.node, quadding), comb=draw.comb,
        multiline=draw.node.kind == "text" and bool(draw.node.flags & MULTILINE))
    draw.widget.AP = pikepdf.Dictionary(N=doc.make_stream(
        content.encode("ascii"), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
        BBox=[0, 0, box[0], box[1]], Resources=resources))


def _bilaga_entries(continued: list[Continued], bilaga: BilagaInfo) -> list[Entry]:
    entries = [Entry(c.number, c.label, c.text) for c in continued]
    entries += [Entry(len(continued) + i, label, text) for i, (label, text) in enumerate(bilaga.extra, start=1)]
    return entries


def _save(doc: pikepdf.Pdf) -> bytes:
    """The same answers give the same bytes: the trailer's /ID is made from the content, not from the clock."""
    out = BytesIO()
    doc.save(out, encryption=False, object_stream_mode=pikepdf.ObjectStreamMode.generate, deterministic_id=True)
    return out.getvalue()


def plan_overflow(pdf: bytes, values: Mapping[str, FieldValue], *, labels: Mapping[str, str] | None = None,
                  source: str = "<pdf>") -> list[Continued]:
    """Which answers would go to the bilaga, without filling: lets the wizard tell staff before printing."""
    with open_form(pdf, source) as doc:
        nodes = require_fields(doc, source)
        texts = {n: v for n, v in values.items() if isinstance(v, str) and n in nodes}
        return _plan(doc, nodes, texts, labels or {})[1]


def fill_pdf(pdf: bytes, values: Mapping[str, FieldValue], *, bilaga: BilagaInfo,
             source: str = "<pdf>", fillable: bool = True) -> FilledPdf:
    """Fill `values` (PDF field name -> text, True/False/on-state, export value) into the form.
    `fillable=False` skips the copy with live fields (a quarter of the time of a short form): the app
    prints and shows only the flattened version."""
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
        fonts_used = FontSet(doc)
        resources = fonts_used.shared_resources()
        quadding = doc.Root.AcroForm.get("/Q", 0)
        for d in draws:
            _draw(doc, d, fonts_used, resources, quadding)
        entries = _bilaga_entries(continued, bilaga)
        if entries:
            add_pages(doc, fonts_used, entries, (bilaga.form_title, bilaga.person_name, bilaga.personnummer))
        fonts_used.finish()
        acroform = doc.Root.AcroForm
        for key in ("/XFA", "/NeedAppearances"):
            if key in acroform:
                del acroform[key]  # every widget has our appearance; XFA viewers would ignore our values
        live = _save(doc) if fillable else None
        doc.flatten_annotations(mode="print")
        if "/AcroForm" in doc.Root:  # qpdf drops it when no field is left
            del doc.Root["/AcroForm"]
        return FilledPdf(_save(doc), live, tuple(continued))
