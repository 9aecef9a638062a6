"""Build an official-looking fillable PDF form from tools/pdf_sources/<form_id>.html.

    python tools/build_form_pdf.py aldreomsorg [--out forms/aldreomsorg/ansokan-aldreomsorg.pdf]

The sources are Jinja2 templates: each form extends _base.html (head, letterhead, title) and builds its
sections from the macros in _partials.html (person, signatures, staff box ...), so a block shared by
several forms is written once. render() turns a source into plain HTML; files starting with "_" are not forms.

WeasyPrint lays out the HTML and turns <input>, <textarea> and <select> into AcroForm fields
(write_pdf(pdf_forms=True)). Its fields are then normalised with pikepdf, because as generated they
are awkward for every other PDF tool (see shared/research/pdf-facts.md):
  * radio kids carry their own /T and are listed twice; their on-states are /0, /1 ...
    -> one parent with /Kids, kids without /T, kid on-states named after the radio's `value`;
  * checkboxes have the on-state /on -> the `value` attribute, or /Ja;
  * text and choice fields use the full embedded page font (hundreds of KB) and no appearance
    -> DA "/Helv <size> Tf 0 g" with Helvetica in /DR, an empty appearance, no NeedAppearances;
  * /TU is the field name -> the `title` attribute or the text of the control's <label>.

The output file name comes from <meta name="pdf-file" content="..."> in the source, else <form_id>.pdf.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Iterator
from xml.etree.ElementTree import Element

import jinja2
import pikepdf
import tinyhtml5
import weasyprint

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "pdf_sources"
RADIO = 1 << 15
PUSHBUTTON = 1 << 16
STATE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
# Strict: a misspelt variable or macro argument fails the build instead of printing an empty label.
# No autoescape: the sources are ours, and labels and captions may carry markup.
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(SOURCES), undefined=jinja2.StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, autoescape=False)


@dataclass
class Control:
    """What the HTML says about one named form control (all radios of a group are one control)."""

    name: str
    kind: str  # "text" | "textarea" | "checkbox" | "radio" | "select"
    label: str = ""
    states: list[str] = field(default_factory=list)  # checkbox: [on-state]; radio: values in order


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _parents(root: Element) -> dict[Element, Element]:
    return {child: parent for parent in root.iter() for child in parent}


def read_controls(html: str) -> dict[str, Control]:
    """Every named control in document order, with its label and its on-states."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    parent_of = _parents(root)
    labels_for = {lab.get("for"): _text(lab) for lab in root.iter("label") if lab.get("for")}

    def label_of(el: Element) -> str:
        if el.get("title"):
            return el.get("title", "")
        if el.get("id") in labels_for:
            return labels_for[el.get("id")]
        node = el
        while node in parent_of:
            node = parent_of[node]
            if node.tag == "label":
                return _text(node)
        return ""

    controls: dict[str, Control] = {}
    for el in root.iter():
        name = el.get("name")
        if el.tag not in ("input", "textarea", "select") or not name:
            continue
        kind = el.tag if el.tag != "input" else (el.get("type") or "text").lower()
        if kind not in ("text", "textarea", "checkbox", "radio", "select"):
            raise SystemExit(f"{name}: <input type={kind}> is not supported; use text, checkbox or radio.")
        control = controls.setdefault(name, Control(name, kind))
        if control.kind != kind:
            raise SystemExit(f"{name}: the name is used by a {control.kind} and a {kind}; give each its own name.")
        if kind in ("checkbox", "radio"):
            state = el.get("value") or "Ja"
            if not STATE_NAME.match(state):
                raise SystemExit(f"{name}: value {state!r} must be letters, digits, '_', '-' or '.'.")
            if state in control.states or (kind == "checkbox" and control.states):
                raise SystemExit(f"{name}: two {kind}es share this name and value; names must be unique.")
            control.states.append(state)
            if kind == "radio" and not el.get("title"):
                continue  # a radio's own label is its option text; the group label comes from `title`
        control.label = control.label or label_of(el)
    return controls


def _appearance(pdf: pikepdf.Pdf, width: float, height: float, content: bytes) -> pikepdf.Stream:
    return pdf.make_stream(
        content,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=[0, 0, width, height],
        Resources=pikepdf.Dictionary(),
    )


def _mark(kind: str, w: float, h: float) -> bytes:
    """A cross (Swedish forms are ticked with a "kryss") or a radio dot, scaled to the widget."""
    if kind == "checkbox":
        m = min(w, h) * 0.2
        return (f"q 0 G {min(w, h) * 0.12:.2f} w 1 J {m:.2f} {m:.2f} m {w - m:.2f} {h - m:.2f} l "
                f"{m:.2f} {h - m:.2f} m {w - m:.2f} {m:.2f} l S Q").encode()
    r, cx, cy, k = min(w, h) * 0.27, w / 2, h / 2, 0.5523
    c = r * k
    return (f"q 0 g {cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + c:.2f} {cx + c:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
            f"{cx - c:.2f} {cy + r:.2f} {cx - r:.2f} {cy + c:.2f} {cx - r:.2f} {cy:.2f} c "
            f"{cx - r:.2f} {cy - c:.2f} {cx - c:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
            f"{cx + c:.2f} {cy - r:.2f} {cx + r:.2f} {cy - c:.2f} {cx + r:.2f} {cy:.2f} c f Q").encode()


def _size(widget: pikepdf.Dictionary) -> tuple[float, float]:
    x1, y1, x2, y2 = (float(v) for v in widget.Rect)
    return abs(x2 - x1), abs(y2 - y1)


def _set_states(pdf: pikepdf.Pdf, widget: pikepdf.Dictionary, kind: str, on_state: str) -> None:
    w, h = _size(widget)
    widget.AP = pikepdf.Dictionary(N=pikepdf.Dictionary({
        "/" + on_state: _appearance(pdf, w, h, _mark(kind, w, h)),
        "/Off": _appearance(pdf, w, h, b""),
    }))
    widget.AS = pikepdf.Name.Off
    widget.MK = pikepdf.Dictionary()
    # A radio kid inherits name, type and value from its parent; WeasyPrint's copies confuse readers.
    for key in ("/Border", "/T", "/TU", "/FT", "/V") if kind == "radio" else ("/Border",):
        if key in widget:
            del widget[key]


def _font_size(da: str) -> float:
    match = re.search(r"([\d.]+)\s+Tf", da)
    return round(float(match.group(1)), 1) if match else 10.0


def _fields(acroform: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    for f in acroform.Fields:
        if "/Parent" not in f:  # WeasyPrint also lists radio kids at the top level
            yield f


def normalise(pdf_bytes: bytes, controls: dict[str, Control]) -> bytes:
    """Rewrite WeasyPrint's fields into well-formed AcroForm fields (see the module docstring)."""
    pdf = pikepdf.open(BytesIO(pdf_bytes))
    acroform = pdf.Root.AcroForm
    helv = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    fields = list(_fields(acroform))
    seen = {str(f.T) for f in fields}
    if seen != set(controls):
        raise SystemExit(f"The PDF's fields differ from the HTML's controls: {sorted(seen ^ set(controls))}")
    for f in fields:
        control = controls[str(f.T)]
        f.TU = pikepdf.String(control.label or control.name)
        if control.kind == "radio":
            f.V = pikepdf.Name.Off
            for kid, value in zip(f.Kids, control.states, strict=True):
                _set_states(pdf, kid, "radio", value)
            del f["/Opt"]
        elif control.kind == "checkbox":
            _set_states(pdf, f, "checkbox", control.states[0])
            f.V = pikepdf.Name.Off
        else:
            f.DA = pikepdf.String(f"/Helv {_font_size(str(f.get('/DA', '')))} Tf 0 g")
            f.AP = pikepdf.Dictionary(N=_appearance(pdf, *_size(f), b""))
            f.MK = pikepdf.Dictionary()
    acroform.Fields = pikepdf.Array(fields)
    acroform.DR = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=helv))
    acroform.DA = pikepdf.String("/Helv 0 Tf 0 g")
    if "/NeedAppearances" in acroform:
        del acroform["/NeedAppearances"]
    for key in ("/CreationDate", "/ModDate"):
        if key in pdf.trailer.Info:
            del pdf.trailer.Info[key]
    out = BytesIO()
    pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             compress_streams=True)
    return out.getvalue()


def form_ids() -> list[str]:
    """The forms in tools/pdf_sources; _base.html, _partials.html and the like are shared pieces."""
    return sorted(p.stem for p in SOURCES.glob("*.html") if not p.name.startswith("_"))


def render(form_id: str) -> str:
    """The plain HTML of one form, as WeasyPrint and read_controls() see it."""
    return TEMPLATES.get_template(f"{form_id}.html").render()


def output_name(html: str, form_id: str) -> str:
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    for meta in root.iter("meta"):
        if meta.get("name") == "pdf-file" and meta.get("content"):
            return meta.get("content", "")
    return f"{form_id}.pdf"


def build(html: str) -> bytes:
    """The finished PDF for one rendered source (relative links such as _municipal.css resolve in SOURCES)."""
    raw = weasyprint.HTML(string=html, base_url=str(SOURCES)).write_pdf(pdf_forms=True)
    return normalise(raw, read_controls(html))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("form_id", help="name of tools/pdf_sources/<form_id>.html")
    parser.add_argument("--out", type=Path, help="default: forms/<form_id>/<meta pdf-file>")
    args = parser.parse_args(argv)
    if args.form_id not in form_ids():
        print(f"{SOURCES / args.form_id}.html: no such form. Fix: write it (see docs/adding-a-form.md).",
              file=sys.stderr)
        return 2
    html = render(args.form_id)
    out = args.out or ROOT / "forms" / args.form_id / output_name(html, args.form_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build(html))
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
